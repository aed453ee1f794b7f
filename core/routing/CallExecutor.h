#pragma once

#include "core/model/AttemptRecord.h"
#include "core/model/ChatMessage.h"
#include "core/model/LlmConfig.h"
#include "core/model/ProviderSpec.h"
#include "core/routing/ChainPlan.h"
#include "core/routing/CircuitBreaker.h"
#include "core/routing/FaultInjector.h"
#include "core/routing/RetryPolicy.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Switchyard {

class BreakerRegistry;
class CallBudget;
class Clock;
class ProviderCall;
class RateLimiterRegistry;
class SecretResolver;
struct ProviderResult;

/// What one engine call asks for: the primary config and the rendered conversation.
struct CallRequest {
    LlmConfig config;  ///< provider, model, region, sampling parameters and chain of the primary hop
    QString system;    ///< the rendered system instruction; every hop receives the same text
    QList<ChatMessage> messages;
    bool stream = true;
    qint64 budgetMs = 180000;          ///< wall-clock budget of the whole call, retries and fallbacks included
    std::optional<Timeouts> timeouts;  ///< overrides every hop's provider timeouts (CLI --timeout-ms)
};

/// What one engine call did: the answer, who served it and every attempt on the way.
struct CallResult {
    bool ok = false;
    QString text;
    std::optional<PlannedHop> servedBy;
    QList<AttemptRecord> attempts;
    Usage usage;  ///< tokens of the attempt that answered
    FailureClass failure = FailureClass::None;
    QString errorMessage;  ///< why the call failed: the last attempt's reason, redacted
    qint64 latencyMs = 0;
    qint64 ttftMs = -1;        ///< first token of the answer that was kept
    bool restarted = false;    ///< text from a failed hop was shown and then discarded
    QStringList planWarnings;  ///< hops the planner had to leave out
};

/// Runs one call through its fallback chain: for each planned hop, the circuit breaker and the provider's rate limit
/// decide whether to try it; failures are classified and retried on the same hop with backoff (honouring
/// Retry-After) or passed on to the next hop, all inside one wall-clock budget. Every attempt is recorded. Text
/// streams out through delta(); when a hop fails after streaming, restarted() tells the listener to discard it.
///
/// The executor is single-use: start() once, then wait for finished().
class CallExecutor : public QObject {
    Q_OBJECT

public:
    /// Shared engine services. All pointers must outlive the executor.
    struct Services {
        const ProvidersConfig *providers = nullptr;
        BreakerRegistry *breakers = nullptr;
        RateLimiterRegistry *rateLimits = nullptr;
        SecretResolver *secrets = nullptr;
        QNetworkAccessManager *network = nullptr;
        const Clock *clock = nullptr;  ///< null = the system clock
        RetryPolicy retry;
        FaultInjector *faults = nullptr;  ///< chaos controls: faults armed for this call's hops; null = none
    };

    explicit CallExecutor(Services services, QObject *parent = nullptr);
    ~CallExecutor() override;

    void start(const CallRequest &request);
    /// Stops the current attempt and ends the call as Cancelled.
    void cancel();

    bool isFinished() const { return m_finished; }
    const CallResult &result() const { return m_result; }
    const ChainPlan &plan() const { return m_plan; }

Q_SIGNALS:
    void hopStarted(int hopIndex, int retryIndex);
    void delta(const QString &text);
    /// The text streamed so far came from a hop that failed; it is discarded and the call goes on elsewhere.
    void restarted(const QString &reason);
    void finished();

private:
    void tryHop(int hopIndex);
    void send(int hopIndex, const CircuitBreaker::Permit &permit, int estimatedTokens);
    void attemptFinished(int hopIndex, const CircuitBreaker::Permit &permit, int estimatedTokens);
    void moveOn(int hopIndex, FailureClass failure);
    void skip(int hopIndex, FailureClass failure, const QString &message);
    AttemptRecord newAttempt(int hopIndex) const;
    void finish(FailureClass failure, const QString &message);
    int estimateTokens() const;

    Services m_services;
    CallRequest m_request;
    ChainPlan m_plan;
    std::unique_ptr<CallBudget> m_budget;
    CallResult m_result;
    QPointer<ProviderCall> m_call;
    QTimer m_waitTimer;
    qint64 m_startMs = 0;
    qint64 m_attemptStartMs = 0;
    int m_retryIndex = 0;
    bool m_streamedThisAttempt = false;
    bool m_finished = false;
    bool m_starting = false;             ///< inside start(): an ending must be announced later, from the event loop
    QHash<int, InjectedFault> m_faults;  ///< taken from Services::faults for this call, by hop index
};

}  // namespace Switchyard
