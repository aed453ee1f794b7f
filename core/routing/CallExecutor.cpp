#include "core/routing/CallExecutor.h"

#include "core/prompts/TokenEstimate.h"
#include "core/providers/client/ProviderCall.h"
#include "core/providers/client/ProviderClientFactory.h"
#include "core/providers/client/ProviderRequest.h"
#include "core/routing/BreakerRegistry.h"
#include "core/routing/CallBudget.h"
#include "core/routing/ChainPlanner.h"
#include "core/routing/Clock.h"
#include "core/routing/InjectedFaultCall.h"
#include "core/routing/RateLimiterRegistry.h"
#include "core/secrets/SecretResolver.h"

namespace Switchyard {
namespace {

const ProviderSpec *findProvider(const ProvidersConfig &config, const QString &id)
{
    for (const ProviderSpec &provider : config.providers) {
        if (provider.id == id)
            return &provider;
    }
    return nullptr;
}

AttemptRecord::Outcome outcomeFor(FailureClass failure)
{
    switch (failure) {
    case FailureClass::None:
        return AttemptRecord::Outcome::Succeeded;
    case FailureClass::Cancelled:
        return AttemptRecord::Outcome::Cancelled;
    case FailureClass::CircuitOpen:
    case FailureClass::RateLimitSkipped:
        return AttemptRecord::Outcome::Skipped;
    default:
        return AttemptRecord::Outcome::Failed;
    }
}

}  // namespace

CallExecutor::CallExecutor(Services services, QObject *parent) : QObject(parent), m_services(std::move(services))
{
    if (!m_services.clock)
        m_services.clock = Clock::system();
    m_waitTimer.setSingleShot(true);
    // A coarse timer may fire up to 5 % early: never earlier than a provider's Retry-After.
    m_waitTimer.setTimerType(Qt::PreciseTimer);
}

CallExecutor::~CallExecutor()
{
    if (m_call)
        m_call->deleteLater();
}

void CallExecutor::start(const CallRequest &request)
{
    Q_ASSERT(m_services.providers && m_services.breakers && m_services.rateLimits && m_services.secrets);
    m_request = request;
    m_startMs = m_services.clock->monotonicMs();
    m_budget = std::make_unique<CallBudget>(request.budgetMs, m_services.retry.maxAttemptsPerHop(), m_services.clock);
    m_plan = ChainPlanner(*m_services.providers).plan(request.config, request.system);
    m_result.planWarnings = m_plan.warnings;
    // The first hop is sent at once (a trip through the event loop here cost more than the rest of the engine);
    // an ending reached before start() returns is still announced from the event loop (see finish()).
    m_starting = true;
    if (m_plan.hops.isEmpty())
        finish(FailureClass::Validation,
               tr("No hop can serve this call: %1").arg(m_plan.warnings.join(QLatin1Char(' '))));
    else
        tryHop(0);
    m_starting = false;
}

void CallExecutor::cancel()
{
    if (m_finished)
        return;
    m_waitTimer.stop();
    if (m_call) {
        // The call reports Cancelled through finished(); attemptFinished() then ends the executor.
        m_call->cancel();
        return;
    }
    finish(FailureClass::Cancelled, tr("The call was cancelled."));
}

int CallExecutor::estimateTokens() const
{
    qint64 characters = m_request.system.size();
    for (const ChatMessage &message : m_request.messages)
        characters += message.content.size();
    const int output = m_request.config.maxOutputTokens.value_or(1024);
    return int(TokenEstimate::forCharacters(characters)) + output;
}

AttemptRecord CallExecutor::newAttempt(int hopIndex) const
{
    const PlannedHop &hop = m_plan.hops.at(hopIndex);
    AttemptRecord attempt;
    attempt.hopIndex = hopIndex;
    attempt.retryIndex = m_retryIndex;
    attempt.provider = hop.provider;
    attempt.model = hop.model;
    attempt.region = hop.region;
    attempt.startedAt = m_services.clock->utcNow();
    return attempt;
}

void CallExecutor::skip(int hopIndex, FailureClass failure, const QString &message)
{
    AttemptRecord attempt = newAttempt(hopIndex);
    attempt.outcome = outcomeFor(failure);
    attempt.errorClass = failure;
    attempt.errorMessage = message;
    attempt.latencyMs = 0;
    m_result.attempts.append(attempt);
    moveOn(hopIndex, failure);
}

void CallExecutor::tryHop(int hopIndex)
{
    if (m_finished)
        return;
    if (hopIndex >= m_plan.hops.size()) {
        const AttemptRecord *last = m_result.attempts.isEmpty() ? nullptr : &m_result.attempts.last();
        finish(last ? last->errorClass : FailureClass::Validation,
               last ? tr("Every hop failed; the last one (%1/%2) said: %3")
                          .arg(last->provider, last->model, last->errorMessage)
                    : tr("Every hop failed."));
        return;
    }
    if (m_budget->expired()) {
        finish(FailureClass::Timeout, tr("The call ran out of its %1 ms budget.").arg(m_request.budgetMs));
        return;
    }
    if (!m_budget->beginAttempt(hopIndex)) {
        moveOn(hopIndex, FailureClass::Transient);
        return;
    }
    m_retryIndex = m_budget->attemptsOn(hopIndex) - 1;
    const PlannedHop &hop = m_plan.hops.at(hopIndex);

    const CircuitBreaker::Permit permit = m_services.breakers->tryAcquire(hop.breakerKey());
    if (!permit.allowed()) {
        skip(hopIndex, FailureClass::CircuitOpen,
             tr("Skipped: the circuit breaker for %1 is open.").arg(hop.breakerKey().toString()));
        return;
    }
    const int estimated = estimateTokens();
    const RateLimiter::Acquisition acquisition =
        m_services.rateLimits->limiter(hop.provider).tryAcquire(estimated, m_budget->remainingMs());
    if (!acquisition.granted) {
        m_services.breakers->record(hop.breakerKey(), permit, FailureClass::RateLimitSkipped);
        skip(hopIndex, FailureClass::RateLimitSkipped,
             tr("Skipped: provider '%1' is at its rate limit for longer than the call can wait.").arg(hop.provider));
        return;
    }
    if (acquisition.waitMs > 0) {
        m_waitTimer.disconnect();
        connect(&m_waitTimer, &QTimer::timeout, this,
                [this, hopIndex, permit, estimated] { send(hopIndex, permit, estimated); });
        m_waitTimer.start(int(acquisition.waitMs));
        return;
    }
    send(hopIndex, permit, estimated);
}

void CallExecutor::send(int hopIndex, const CircuitBreaker::Permit &permit, int estimatedTokens)
{
    const PlannedHop &hop = m_plan.hops.at(hopIndex);
    const ProviderSpec *provider = findProvider(*m_services.providers, hop.provider);
    std::unique_ptr<ProviderClient> client = provider ? ProviderClientFactory::create(provider->kind) : nullptr;
    if (!client) {
        m_services.breakers->record(hop.breakerKey(), permit, FailureClass::Validation);
        skip(hopIndex, FailureClass::Validation,
             provider ? tr("Provider kind '%1' has no adapter in this build.").arg(provider->kind)
                      : tr("Provider '%1' is not in the workspace.").arg(hop.provider));
        return;
    }

    ProviderRequest request = ProviderRequest::fromProvider(*provider, hop.model);
    if (!provider->apiKeyRef.isEmpty()) {
        auto secret = m_services.secrets->resolve(provider->apiKeyRef, tr("provider '%1'").arg(provider->id));
        if (!secret) {
            m_services.breakers->record(hop.breakerKey(), permit, FailureClass::Authentication);
            skip(hopIndex, FailureClass::Authentication, secret.error().message);
            return;
        }
        request.apiKey = *secret;
    }
    request.region = hop.region;
    request.system = hop.systemInstruction;
    request.messages = m_request.messages;
    request.stream = m_request.stream;
    request.temperature = m_request.config.temperature;
    request.topP = m_request.config.topP;
    request.topK = m_request.config.topK;
    request.maxOutputTokens = m_request.config.maxOutputTokens;
    if (hop.maxOutputTokens > 0 && request.maxOutputTokens && *request.maxOutputTokens > hop.maxOutputTokens)
        request.maxOutputTokens = hop.maxOutputTokens;
    if (m_request.timeouts)
        request.timeouts = *m_request.timeouts;
    request.timeouts.totalMs = int(m_budget->capTimeout(request.timeouts.totalMs));

    Q_EMIT hopStarted(hopIndex, m_retryIndex);
    m_streamedThisAttempt = false;
    m_attemptStartMs = m_services.clock->monotonicMs();
    // An armed fault is taken when the call first reaches its hop and then fails every attempt there (see
    // FaultInjector): the retries run out and the call falls back as it would for a provider that keeps failing.
    if (m_services.faults && !m_faults.contains(hopIndex)) {
        if (const std::optional<InjectedFault> fault = m_services.faults->take(hopIndex))
            m_faults.insert(hopIndex, *fault);
    }
    const auto fault = m_faults.constFind(hopIndex);
    m_call = fault != m_faults.cend() ? InjectedFaultCall::start(*fault, *client, request, m_services.network, this)
                                      : client->start(request, m_services.network, this);
    connect(m_call, &ProviderCall::delta, this, [this](const QString &text) {
        m_streamedThisAttempt = true;
        Q_EMIT delta(text);
    });
    connect(m_call, &ProviderCall::finished, this,
            [this, hopIndex, permit, estimatedTokens] { attemptFinished(hopIndex, permit, estimatedTokens); });
}

void CallExecutor::attemptFinished(int hopIndex, const CircuitBreaker::Permit &permit, int estimatedTokens)
{
    const ProviderResult outcome = m_call->result();
    m_call->deleteLater();
    m_call.clear();
    const PlannedHop &hop = m_plan.hops.at(hopIndex);
    const FailureClass failure = outcome.ok ? FailureClass::None : outcome.failure;

    m_services.breakers->record(hop.breakerKey(), permit, failure);
    m_services.rateLimits->limiter(hop.provider).settle(estimatedTokens, int(outcome.usage.total()));

    AttemptRecord attempt = newAttempt(hopIndex);
    attempt.startedAt = attempt.startedAt.addMSecs(-(m_services.clock->monotonicMs() - m_attemptStartMs));
    attempt.outcome = outcomeFor(failure);
    attempt.errorClass = failure;
    attempt.errorMessage = outcome.errorMessage;
    if (outcome.httpStatus > 0)
        attempt.httpStatus = outcome.httpStatus;
    attempt.latencyMs = outcome.latencyMs;
    if (outcome.usageReported)
        attempt.usage = outcome.usage;  // a provider that billed a failed stream is still paid
    if (!outcome.ok && failure != FailureClass::Cancelled && m_streamedThisAttempt) {
        attempt.restartNote = tr("%1/%2 failed mid-answer (%3); its text is discarded and the call goes on.")
                                  .arg(hop.provider, hop.model, failureClassName(failure));
    }
    m_result.attempts.append(attempt);

    if (outcome.ok) {
        m_result.ok = true;
        m_result.text = outcome.text;
        m_result.servedBy = hop;
        m_result.usage = outcome.usage;
        m_result.ttftMs = outcome.ttftMs >= 0 ? (m_attemptStartMs - m_startMs) + outcome.ttftMs : -1;
        finish(FailureClass::None, {});
        return;
    }
    if (failure == FailureClass::Cancelled) {
        finish(FailureClass::Cancelled, tr("The call was cancelled."));
        return;
    }
    if (!attempt.restartNote.isEmpty()) {
        m_result.restarted = true;
        Q_EMIT restarted(attempt.restartNote);
    }

    const RetryDecision decision =
        m_services.retry.decide(failure, m_budget->attemptsOn(hopIndex), outcome.retryAfterMs, m_budget->remainingMs(),
                                // The provider's verdict (x-should-retry) can forbid a retry the class would allow.
                                outcome.retryable);
    switch (decision.action) {
    case RetryDecision::Action::RetrySameHop:
        m_waitTimer.disconnect();
        connect(&m_waitTimer, &QTimer::timeout, this, [this, hopIndex] { tryHop(hopIndex); });
        m_waitTimer.start(int(decision.delayMs));
        return;
    case RetryDecision::Action::NextHop:
        moveOn(hopIndex, failure);
        return;
    case RetryDecision::Action::Fail:
        finish(failure, outcome.errorMessage.isEmpty() ? decision.reason : outcome.errorMessage);
        return;
    }
}

void CallExecutor::moveOn(int hopIndex, FailureClass failure)
{
    int next = hopIndex + 1;
    if (failure == FailureClass::ContextTooLong) {
        // Never the same model again, and only a hop whose window is larger than this one's.
        const std::optional<int> larger = ChainPlanner::nextHopWithLargerContext(m_plan, hopIndex, estimateTokens());
        next = larger.value_or(int(m_plan.hops.size()));
    }
    tryHop(next);
}

void CallExecutor::finish(FailureClass failure, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_waitTimer.stop();
    m_result.failure = failure;
    m_result.errorMessage = message;
    m_result.latencyMs = m_services.clock->monotonicMs() - m_startMs;
    if (m_starting) {
        // Never inside start(): the caller may not be listening yet, or may be about to enter its event loop.
        QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
        return;
    }
    Q_EMIT finished();
}

}  // namespace Switchyard
