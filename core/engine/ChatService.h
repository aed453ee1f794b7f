#pragma once

#include "core/accounting/ChatSessionLedger.h"
#include "core/common/Result.h"
#include "core/model/CallRecord.h"
#include "core/model/ChatSession.h"
#include "core/model/PromptVersion.h"
#include "core/model/ProviderSpec.h"
#include "core/prompts/PromptDocument.h"
#include "core/prompts/PromptRenderer.h"
#include "core/routing/BreakerEvent.h"
#include "core/routing/BreakerKey.h"
#include "core/routing/CallExecutor.h"
#include "core/routing/FaultInjector.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <memory>

class QNetworkAccessManager;

namespace Switchyard {

class BreakerRegistry;
class PriceCatalogue;
class Database;
class RateLimiterRegistry;
class SecretResolver;
class UsageRecorder;
class WorkspaceGeneration;
namespace Templating {
class SystemVariables;
}

/// A call ready to run: what the executor needs plus what the record needs.
struct PreparedChat {
    CallRequest call;
    ProvidersConfig providers;  ///< the workspace's, or an ad-hoc one
    std::optional<qint64> botId;
    std::optional<qint64> configId;
    QString promptKey;
    std::optional<int> promptVersion;
    QString question;                 ///< the user's message of this turn
    std::optional<qint64> sessionId;  ///< the billed chat session this turn belongs to, if any
    QString userRef;                  ///< who is chatting; the session's user
};

/// One provider of an ad-hoc call (CLI: --provider KIND --model M --base-url URL --api-key-env VAR --region R).
struct AdHocTarget {
    QString kind;
    QString model;
    QString baseUrl;
    QString apiKeyEnv;  ///< environment variable holding the key; empty = no key
    QString region;
};

/// The engine's front door: a bot (its active config, prompt version and chain) or an explicit ad-hoc provider
/// list becomes a rendered call; the call runs through CallExecutor; its cost is computed and it is recorded with
/// every attempt. The CLI and the studio's chat tester use this same path.
class ChatService : public QObject {
    Q_OBJECT

public:
    /// @p recorder writes the call records; it must outlive the service.
    ChatService(Database &database, QNetworkAccessManager *network, SecretResolver &secrets, UsageRecorder &recorder,
                QObject *parent = nullptr);
    ~ChatService() override;

    /// Resolves @p botSlug's active config and prompt, renders the system instruction with @p variables (and the
    /// system variables), and makes @p message the user's turn. The message is also {{message}} in the prompt and,
    /// unless @p variables set it, {{question}}.
    ///
    /// With @p session the call is a turn of that billed chat session: its earlier messages come before this one, and
    /// the user's wallet must hold the session's locked price — refused here, before any provider is called; after a
    /// successful answer complete() charges the message (see charge()). The session must belong to the bot.
    /// A bot with a daily budget is refused here when the call would pass it.
    Result<PreparedChat> prepareForBot(const QString &botSlug, const QString &message, QJsonObject variables,
                                       const Templating::SystemVariables &system, const ChatSession *session = nullptr);

    /// Like prepareForBot() for one config of a bot, active or not (the studio's chat tester and compare mode): its
    /// prompt version rendered with @p variables, no session, no budget check (a tester's call, not a user's).
    Result<PreparedChat> prepareForConfig(qint64 configId, const QString &message, QJsonObject variables,
                                          const Templating::SystemVariables &system);

    /// A call to explicit providers, outside any bot: @p primary first, then @p fallbacks in order. Each target
    /// becomes a provider named after its kind (so workspace prices for "openai"/"gpt-4o" apply).
    static Result<PreparedChat> prepareAdHoc(const AdHocTarget &primary, const QList<AdHocTarget> &fallbacks,
                                             const QString &system, const QString &message);

    /// Starts @p chat; finished() follows. One call at a time; a service serves many calls in turn, and its circuit
    /// breakers and rate limits carry over from call to call (per provider set: an ad-hoc call with other providers
    /// starts them afresh).
    void start(PreparedChat chat);

    /// Forgets every cached piece of workspace configuration. Rarely needed: the caches already follow the
    /// workspace generation, so edits from this process or another one are seen at the next call.
    void reloadWorkspace();
    void cancel();

    /// Chaos controls: faults armed here fail the next call's hops (by index in its ChainPlan) the way the provider
    /// would. Lives as long as the service.
    FaultInjector &faultInjector() { return m_faults; }
    /// The circuit breakers calls go through, for the current provider set: the workspace's until a call with other
    /// providers runs (an ad-hoc call), whose set then replaces it. Do not keep the reference across calls.
    BreakerRegistry &breakers();
    /// Opens / closes a breaker by hand (the chaos panel, actor "studio") and journals the change at once, so a
    /// forced-open breaker stays open in other processes and after a restart.
    void forceOpenBreaker(const BreakerKey &key, const QString &actor, const QString &reason);
    void resetBreaker(const BreakerKey &key, const QString &actor, const QString &reason);

    /// After finished(): the priced record, as stored.
    const CallRecord &record() const { return m_record; }
    const CallResult &result() const;
    /// "provider/model" of billed attempts without a price (costed at 0).
    const QStringList &unpricedModels() const { return m_unpriced; }
    /// After finished() of a session turn: what the wallet paid, or why it could not be charged (the wallet ran dry
    /// between the check and the answer). Both empty for calls outside a session and for failed calls.
    const std::optional<ChargedMessage> &charge() const { return m_charge; }
    const std::optional<Error> &chargeError() const { return m_chargeError; }

Q_SIGNALS:
    void delta(const QString &text);
    void restarted(const QString &reason);
    void finished();
    /// A circuit breaker changed state (a call's outcome, a probe, force-open or reset), delivered on the service's
    /// thread whichever thread caused it.
    void breakerChanged(const Switchyard::BreakerKey &key, Switchyard::BreakerState state);

private:
    /// Makes the breaker and rate-limit registries follow @p providers (kept when unchanged).
    void ensureRegistries(const ProvidersConfig &providers);
    void journalBreakerEvents();
    void complete();
    Result<ProvidersConfig> workspaceProviders();
    /// Drops the cached configuration when the workspace generation moved (or cannot be read).
    void followWorkspaceGeneration();

    /// What a bot slug resolves to: its active config and the prompt version that config names. Cached per slug.
    struct BotRoute {
        qint64 botId = 0;
        LlmConfig config;
        std::optional<PromptVersion> prompt;
        bool hasBudget = false;  ///< a daily budget applies: check it before each call
    };
    /// Fills @p route's prompt version from its config's prompt reference (none when the config names no prompt).
    Result<void> resolvePrompt(BotRoute &route);
    /// Renders @p route's prompt with @p variables and makes @p message the user's turn.
    Result<PreparedChat> prepareRoute(const BotRoute &route, const QString &message, QJsonObject variables,
                                      const Templating::SystemVariables &system);
    /// Refuses a call that would take the bot past its daily budget (only when it has one).
    Result<void> enforceBudget(const QString &botSlug, const BotRoute &route, const PreparedChat &chat);
    void chargeSessionTurn(const CallRecord &record);
    /// Makes @p chat a turn of @p session: wallet checked, history prepended.
    Result<void> joinSession(PreparedChat &chat, const ChatSession &session, const QString &botSlug);
    Result<BotRoute> botRoute(const QString &botSlug);

    Database &m_database;
    QNetworkAccessManager *m_network;
    SecretResolver &m_secrets;
    UsageRecorder &m_recorder;
    PreparedChat m_chat;
    /// A parsed and compiled prompt version. Versions are immutable, so "key@version" never goes stale.
    struct CompiledPrompt {
        PromptDocument document;
        PromptRenderer renderer;
    };
    Result<std::shared_ptr<const CompiledPrompt>> compiledPrompt(const PromptVersion &version);

    QHash<QString, std::shared_ptr<const CompiledPrompt>> m_prompts;  ///< versions are immutable: never stale
    QHash<QString, BotRoute> m_routes;                                ///< by bot slug, until the generation moves
    std::unique_ptr<WorkspaceGeneration> m_generation;
    std::optional<qint64> m_seenGeneration;
    std::optional<ProvidersConfig> m_workspaceProviders;  ///< cached between calls
    std::unique_ptr<PriceCatalogue> m_prices;             ///< loaded on first use
    ProvidersConfig m_registryProviders;                  ///< the providers the registries were built for
    std::unique_ptr<BreakerRegistry> m_breakers;
    std::unique_ptr<RateLimiterRegistry> m_rateLimits;
    FaultInjector m_faults;
    std::unique_ptr<CallExecutor> m_executor;
    CallRecord m_record;
    QStringList m_unpriced;
    std::optional<ChargedMessage> m_charge;
    std::optional<Error> m_chargeError;
};

}  // namespace Switchyard
