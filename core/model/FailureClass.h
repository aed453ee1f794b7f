#pragma once

#include <QString>

namespace Switchyard {

/// Why an attempt failed; decides what the engine does next (DESIGN.md "Fallback behaviour").
enum class FailureClass {
    None,               ///< the attempt succeeded
    Transient,          ///< 5xx, 529, 408, 409, connection reset: retry the same hop with backoff, then move on
    RateLimited,        ///< 429: honour Retry-After within the call's budget, else move on
    Timeout,            ///< connect / first token / whole-call timeout
    Network,            ///< DNS, refused connection, TLS failure
    ContextTooLong,     ///< the prompt does not fit: move to a hop with a larger context window, never retry
    ContentFilter,      ///< the provider refused the content: no retry of this model; its reason surfaces
    Authentication,     ///< 401 / 403 / missing key: no retry of this model
    Validation,         ///< other 400s: no retry of this model
    InsufficientQuota,  ///< 402, OpenAI insufficient_quota: no retry of this model
    StreamCut,          ///< the stream ended early or carried an in-band error: never success; next hop
    StreamStalled,      ///< no stream event within the idle timeout: next hop
    MalformedResponse,  ///< the body could not be understood
    Cancelled,          ///< the caller cancelled
    CircuitOpen,        ///< skipped: the hop's circuit breaker is open
    RateLimitSkipped,   ///< skipped: the hop's local rate limit would be exceeded beyond the call's budget
};

/// snake_case name stored in the database and printed by the CLI ("rate_limited").
inline QString failureClassName(FailureClass failure)
{
    switch (failure) {
    case FailureClass::None:
        return QStringLiteral("none");
    case FailureClass::Transient:
        return QStringLiteral("transient");
    case FailureClass::RateLimited:
        return QStringLiteral("rate_limited");
    case FailureClass::Timeout:
        return QStringLiteral("timeout");
    case FailureClass::Network:
        return QStringLiteral("network");
    case FailureClass::ContextTooLong:
        return QStringLiteral("context_too_long");
    case FailureClass::ContentFilter:
        return QStringLiteral("content_filter");
    case FailureClass::Authentication:
        return QStringLiteral("authentication");
    case FailureClass::Validation:
        return QStringLiteral("validation");
    case FailureClass::InsufficientQuota:
        return QStringLiteral("insufficient_quota");
    case FailureClass::StreamCut:
        return QStringLiteral("stream_cut");
    case FailureClass::StreamStalled:
        return QStringLiteral("stream_stalled");
    case FailureClass::MalformedResponse:
        return QStringLiteral("malformed_response");
    case FailureClass::Cancelled:
        return QStringLiteral("cancelled");
    case FailureClass::CircuitOpen:
        return QStringLiteral("circuit_open");
    case FailureClass::RateLimitSkipped:
        return QStringLiteral("rate_limit_skipped");
    }
    return {};
}

/// True for failures worth another try on the same provider and model.
inline bool isRetryableOnSameHop(FailureClass failure)
{
    return failure == FailureClass::Transient || failure == FailureClass::RateLimited ||
           failure == FailureClass::Timeout || failure == FailureClass::Network;
}

}  // namespace Switchyard
