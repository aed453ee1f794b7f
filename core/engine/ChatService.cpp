#include "core/engine/ChatService.h"

#include "core/accounting/BudgetGuard.h"
#include "core/accounting/CostCalculator.h"
#include "core/accounting/PriceCatalogue.h"
#include "core/accounting/UsageRecorder.h"
#include "core/prompts/PromptDocumentParser.h"
#include "core/prompts/PromptRenderer.h"
#include "core/routing/BreakerJournal.h"
#include "core/routing/BreakerRegistry.h"
#include "core/routing/RateLimiterRegistry.h"
#include "core/store/BotRepository.h"
#include "core/store/BudgetRepository.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/ProviderRepository.h"
#include "core/store/SessionRepository.h"
#include "core/store/WorkspaceGeneration.h"
#include "core/templating/SystemVariables.h"
#include "core/workspace/PromptReference.h"

namespace Switchyard {

ChatService::ChatService(Database &database, QNetworkAccessManager *network, SecretResolver &secrets,
                         UsageRecorder &recorder, QObject *parent)
    : QObject(parent), m_database(database), m_network(network), m_secrets(secrets), m_recorder(recorder)
{
}

ChatService::~ChatService() = default;

const CallResult &ChatService::result() const
{
    static const CallResult empty;
    return m_executor ? m_executor->result() : empty;
}

Result<ChatService::BotRoute> ChatService::botRoute(const QString &botSlug)
{
    followWorkspaceGeneration();
    if (const auto cached = m_routes.constFind(botSlug); cached != m_routes.cend())
        return *cached;

    auto bot = BotRepository(m_database).bySlug(botSlug);
    if (!bot)
        return bot.error();
    auto active = LlmConfigRepository(m_database).activeForBot(bot->id);
    if (!active)
        return active.error();
    if (!*active) {
        return Error::make(
            Error::Code::InvalidInput,
            tr("bot '%1' has no active config; activate one with 'configs activate --bot %1 --config ID'")
                .arg(botSlug));
    }
    BotRoute route;
    route.botId = bot->id;
    route.config = **active;
    SWITCHYARD_TRY(resolvePrompt(route));
    auto budget = BudgetRepository(m_database).get(Budget::Scope::Bot, botSlug);
    if (!budget)
        return budget.error();
    route.hasBudget = budget->has_value();
    m_routes.insert(botSlug, route);
    return route;
}

Result<void> ChatService::resolvePrompt(BotRoute &route)
{
    if (route.config.promptKey.isEmpty())
        return {};
    const PromptReference reference{route.config.promptKey, route.config.promptVersion, route.config.promptLabel};
    auto version = reference.resolve(m_database);
    if (!version)
        return version.error();
    route.prompt = *version;
    return {};
}

void ChatService::followWorkspaceGeneration()
{
    if (!m_generation)
        m_generation = std::make_unique<WorkspaceGeneration>(m_database);
    const auto current = m_generation->current();
    // Unreadable (a database without the counter): cache nothing rather than risk serving a stale config.
    const std::optional<qint64> now = current ? std::optional<qint64>(*current) : std::nullopt;
    if (now && m_seenGeneration == now)
        return;
    m_routes.clear();
    m_workspaceProviders.reset();
    m_prices.reset();
    m_seenGeneration = now;
}

Result<PreparedChat> ChatService::prepareForBot(const QString &botSlug, const QString &message, QJsonObject variables,
                                                const Templating::SystemVariables &system, const ChatSession *session)
{
    auto route = botRoute(botSlug);
    if (!route)
        return route.error();
    auto chat = prepareRoute(*route, message, std::move(variables), system);
    if (!chat)
        return chat.error();
    if (session)
        SWITCHYARD_TRY(joinSession(*chat, *session, botSlug));
    // Once, on the whole conversation the call will carry (a session's history included).
    SWITCHYARD_TRY(enforceBudget(botSlug, *route, *chat));
    return chat;
}

Result<PreparedChat> ChatService::prepareForConfig(qint64 configId, const QString &message, QJsonObject variables,
                                                   const Templating::SystemVariables &system)
{
    followWorkspaceGeneration();
    auto config = LlmConfigRepository(m_database).byId(configId);
    if (!config)
        return config.error();
    BotRoute route;
    route.botId = config->botId;
    route.config = *config;
    SWITCHYARD_TRY(resolvePrompt(route));
    return prepareRoute(route, message, std::move(variables), system);
}

Result<PreparedChat> ChatService::prepareRoute(const BotRoute &route, const QString &message, QJsonObject variables,
                                               const Templating::SystemVariables &system)
{
    const LlmConfig &config = route.config;

    PreparedChat chat;
    chat.botId = route.botId;
    chat.configId = config.id;
    chat.call.config = config;
    auto providers = workspaceProviders();
    if (!providers)
        return providers.error();
    chat.providers = *providers;

    variables.insert(QStringLiteral("message"), message);
    if (!variables.contains(QStringLiteral("question")))
        variables.insert(QStringLiteral("question"), message);
    if (route.prompt) {
        const PromptVersion &version = *route.prompt;
        auto compiled = compiledPrompt(version);
        if (!compiled)
            return compiled.error();
        Templating::RenderOptions options;
        options.system = &system;
        auto rendered = (*compiled)->renderer.render(variables, options);
        if (!rendered)
            return rendered.error();
        chat.call.system = rendered->system;
        chat.promptKey = version.key;
        chat.promptVersion = version.version;
        const PromptDocument &document = (*compiled)->document;
        if (!config.temperature && document.temperature)
            chat.call.config.temperature = document.temperature;
        if (!config.maxOutputTokens && document.maxTokens)
            chat.call.config.maxOutputTokens = document.maxTokens;
    }
    chat.call.messages = {ChatMessage{ChatMessage::Role::User, message}};
    chat.question = message;
    return chat;
}

Result<void> ChatService::enforceBudget(const QString &botSlug, const BotRoute &route, const PreparedChat &chat)
{
    if (!route.hasBudget)
        return {};
    // A rough estimate before any tokenizer runs: ~4 characters per token for what is sent, plus the most the
    // answer may use. Enough to refuse a call that would clearly pass the limit; the exact count is recorded after.
    qint64 characters = chat.call.system.size();
    for (const ChatMessage &message : chat.call.messages)
        characters += message.content.size();
    const qint64 estimate = (characters + 3) / 4 + chat.call.config.maxOutputTokens.value_or(0);
    auto allowed = BudgetGuard(m_database).enforce(botSlug, estimate);
    if (!allowed) {
        Error refused = allowed.error();  // says how much is used and when it resets; add how to go on now
        refused.message += tr(" To raise it now: switchyard-cli budgets set --bot %1").arg(botSlug);
        return refused;
    }
    return {};
}

Result<void> ChatService::joinSession(PreparedChat &chat, const ChatSession &session, const QString &botSlug)
{
    if (!chat.botId || session.botId != chat.botId) {
        return Error::make(
            Error::Code::InvalidInput,
            tr("session %1 belongs to another bot; start a new session for '%2'").arg(session.uuid, botSlug));
    }
    SWITCHYARD_TRY(ChatSessionLedger(m_database).checkAffordable(session.id));
    auto history = SessionRepository(m_database).messages(session.id);
    if (!history)
        return history.error();
    QList<ChatMessage> messages;
    for (const SessionMessage &earlier : *history) {
        if (earlier.role == QLatin1String("user"))
            messages.append(ChatMessage{ChatMessage::Role::User, earlier.content});
        else if (earlier.role == QLatin1String("assistant"))
            messages.append(ChatMessage{ChatMessage::Role::Assistant, earlier.content});
    }
    chat.call.messages = messages + chat.call.messages;
    chat.sessionId = session.id;
    chat.userRef = session.userRef;
    return {};
}

Result<PreparedChat> ChatService::prepareAdHoc(const AdHocTarget &primary, const QList<AdHocTarget> &fallbacks,
                                               const QString &system, const QString &message)
{
    PreparedChat chat;
    ChainSpec chain{QStringLiteral("ad-hoc"), tr("The providers given on the command line"), {}};
    QList<AdHocTarget> targets{primary};
    targets += fallbacks;
    for (const AdHocTarget &target : targets) {
        if (target.kind.isEmpty() || target.model.isEmpty())
            return Error::make(Error::Code::InvalidInput, tr("every ad-hoc provider needs a kind and a model"));
        QString id = target.kind;
        for (int n = 2; std::any_of(chat.providers.providers.cbegin(), chat.providers.providers.cend(),
                                    [&](const ProviderSpec &p) { return p.id == id && p.baseUrl != target.baseUrl; });
             ++n)
            id = target.kind + QLatin1Char('-') + QString::number(n);
        auto existing = std::find_if(chat.providers.providers.begin(), chat.providers.providers.end(),
                                     [&](const ProviderSpec &p) { return p.id == id; });
        if (existing == chat.providers.providers.end()) {
            ProviderSpec provider;
            provider.id = id;
            provider.kind = target.kind;
            provider.baseUrl = target.baseUrl;
            provider.region = target.region;
            if (!target.apiKeyEnv.isEmpty())
                provider.apiKeyRef = QStringLiteral("env:") + target.apiKeyEnv;
            chat.providers.providers.append(provider);
            existing = chat.providers.providers.end() - 1;
        }
        ModelSpec model;
        model.id = target.model;
        if (std::none_of(existing->models.cbegin(), existing->models.cend(),
                         [&](const ModelSpec &m) { return m.id == model.id; }))
            existing->models.append(model);
        chain.hops.append(ChainHop{id, target.model, target.region});
    }
    chat.providers.chains = {chain};
    chat.call.config.provider = chain.hops.first().provider;
    chat.call.config.model = primary.model;
    chat.call.config.region = primary.region;
    chat.call.config.chain = chain.name;
    chat.call.system = system;
    chat.call.messages = {ChatMessage{ChatMessage::Role::User, message}};
    return chat;
}

Result<std::shared_ptr<const ChatService::CompiledPrompt>> ChatService::compiledPrompt(const PromptVersion &version)
{
    const QString cacheKey = version.key + QLatin1Char('@') + QString::number(version.version);
    if (const auto cached = m_prompts.constFind(cacheKey); cached != m_prompts.cend())
        return *cached;
    auto parsed = PromptDocumentParser::parse(version.body.toUtf8(), cacheKey);
    if (!parsed)
        return parsed.error();
    auto renderer = PromptRenderer::compile(parsed->doc);
    if (!renderer)
        return renderer.error();
    auto compiled = std::make_shared<const CompiledPrompt>(CompiledPrompt{parsed->doc, *renderer});
    m_prompts.insert(cacheKey, compiled);
    return compiled;
}

Result<ProvidersConfig> ChatService::workspaceProviders()
{
    if (!m_workspaceProviders) {
        auto loaded = ProviderRepository(m_database).load();
        if (!loaded)
            return loaded.error();
        m_workspaceProviders = *loaded;
    }
    return *m_workspaceProviders;
}

void ChatService::reloadWorkspace()
{
    m_routes.clear();
    m_workspaceProviders.reset();
    m_prices.reset();
    m_seenGeneration.reset();
}

void ChatService::start(PreparedChat chat)
{
    // Prices used when this call completes must be the workspace's current ones. prepareForBot() has just checked
    // for a bot call; an ad-hoc call comes here without it.
    if (!chat.botId)
        followWorkspaceGeneration();
    m_charge.reset();
    m_chargeError.reset();
    m_chat = std::move(chat);
    ensureRegistries(m_chat.providers);
    CallExecutor::Services services;
    services.providers = &m_chat.providers;
    services.breakers = m_breakers.get();
    services.rateLimits = m_rateLimits.get();
    services.secrets = &m_secrets;
    services.network = m_network;
    services.faults = &m_faults;
    m_executor = std::make_unique<CallExecutor>(services);
    connect(m_executor.get(), &CallExecutor::delta, this, &ChatService::delta);
    connect(m_executor.get(), &CallExecutor::restarted, this, &ChatService::restarted);
    connect(m_executor.get(), &CallExecutor::finished, this, &ChatService::complete);
    m_executor->start(m_chat.call);
}

void ChatService::ensureRegistries(const ProvidersConfig &providers)
{
    if (m_breakers && m_registryProviders == providers)
        return;
    m_registryProviders = providers;
    m_breakers = std::make_unique<BreakerRegistry>(providers.circuitBreaker);
    // Called on whichever thread changed the breaker (the studio may force one open from the UI thread).
    m_breakers->setEventSink([this](const BreakerEvent &event) {
        QMetaObject::invokeMethod(
            this, [this, key = event.key, state = event.to] { Q_EMIT breakerChanged(key, state); }, Qt::AutoConnection);
    });
    // Breakers an admin forced open stay open here too; a journal read failure only loses that.
    (void)BreakerJournal(m_database).restoreForcedStates(*m_breakers);
    m_rateLimits = std::make_unique<RateLimiterRegistry>();
    m_rateLimits->configure(providers);
}

BreakerRegistry &ChatService::breakers()
{
    if (!m_breakers) {
        // Before the first call: the workspace's providers (none when they cannot be read; the call will say why).
        Result<ProvidersConfig> providers = workspaceProviders();
        ensureRegistries(providers ? *providers : ProvidersConfig{});
    }
    return *m_breakers;
}

void ChatService::journalBreakerEvents()
{
    if (const QList<BreakerEvent> events = m_breakers->takeEvents(); !events.isEmpty())
        (void)BreakerJournal(m_database).record(events);
}

void ChatService::forceOpenBreaker(const BreakerKey &key, const QString &actor, const QString &reason)
{
    breakers().forceOpen(key, actor, reason);
    journalBreakerEvents();
}

void ChatService::resetBreaker(const BreakerKey &key, const QString &actor, const QString &reason)
{
    breakers().reset(key, actor, reason);
    journalBreakerEvents();
}

void ChatService::cancel()
{
    if (m_executor)
        m_executor->cancel();
}

void ChatService::chargeSessionTurn(const CallRecord &record)
{
    m_charge.reset();
    m_chargeError.reset();
    if (!m_chat.sessionId || record.status != CallRecord::Status::Ok)
        return;  // failed calls are never charged
    // The charge links to the call row, so that row must be written first: one flush per billed turn.
    if (auto flushed = m_recorder.flush(); !flushed) {
        m_chargeError = flushed.error();
        return;
    }
    auto charged = ChatSessionLedger(m_database)
                       .chargeMessage(*m_chat.sessionId, record.uuid, m_chat.question, m_executor->result().text);
    if (charged)
        m_charge = *charged;
    else
        m_chargeError = charged.error();
}

void ChatService::complete()
{
    const CallResult &result = m_executor->result();
    CallRecord record;
    record.uuid = UsageRecorder::newCallUuid();  // time-ordered, as the recorder's own: cheap to index
    record.botId = m_chat.botId;
    record.configId = m_chat.configId;
    record.promptKey = m_chat.promptKey;
    record.promptVersion = m_chat.promptVersion;
    record.sessionId = m_chat.sessionId;
    record.userRef = m_chat.userRef;
    record.requestedProvider = m_chat.call.config.provider;
    record.requestedModel = m_chat.call.config.model;
    record.requestedRegion = m_chat.call.config.region;
    if (result.servedBy) {
        record.servedProvider = result.servedBy->provider;
        record.servedModel = result.servedBy->model;
        record.servedRegion = result.servedBy->region;
    }
    record.status = result.ok                                   ? CallRecord::Status::Ok
                    : result.failure == FailureClass::Cancelled ? CallRecord::Status::Cancelled
                                                                : CallRecord::Status::Failed;
    record.errorClass = result.failure;
    record.errorMessage = result.errorMessage;
    record.streamed = m_chat.call.stream;
    record.latencyMs = result.latencyMs;
    if (result.ttftMs >= 0)
        record.ttftMs = result.ttftMs;
    record.attempts = result.attempts;
    record.sent = SentPrompt{m_chat.call.system, m_chat.call.messages};  // what every hop was sent

    // Price with the workspace's catalogue; an ad-hoc call to a provider the workspace does not know costs 0 and
    // says so through unpricedModels().
    if (!m_prices) {
        m_prices = std::make_unique<PriceCatalogue>(m_database);
        (void)m_prices->reload();  // an unreadable catalogue prices everything at 0 and unpricedModels() says so
    }
    m_unpriced = CostCalculator(*m_prices).priceCall(record);

    // State changes this call caused (a breaker opening, a probe closing it) go to the journal with their times.
    journalBreakerEvents();

    // Off the caller's thread, in a batch; the recorder's owner flushes before exit.
    m_recorder.record(record);
    m_record = record;
    chargeSessionTurn(record);
    Q_EMIT finished();
}

}  // namespace Switchyard
