#pragma once

#include "core/common/Result.h"

#include <QHash>
#include <QString>

namespace Switchyard {

/// A failure the simulator injects for one model, for chaos testing the engine without any network.
struct SimulatedFailure {
    enum class Kind {
        None,
        RateLimited,        ///< 429 with Retry-After (retryAfterMs)
        ServerError,        ///< 500
        Unavailable,        ///< 503
        Overloaded,         ///< 529 (Anthropic's "overloaded")
        ConnectionReset,    ///< the connection drops before any response
        NoResponse,         ///< nothing ever arrives: the first-token timeout ends it
        SlowFirstToken,     ///< the first token comes after slowFirstTokenMs
        StreamCut,          ///< some text, then the stream breaks
        StreamStall,        ///< some text, then silence: the idle timeout ends it
        MalformedChunk,     ///< some text, then a chunk that cannot be parsed
        MissingTerminator,  ///< the whole answer but no end marker: finalised as a success with usage
        ContextLength,      ///< 400 context_length_exceeded
        ContentFilter,      ///< refused by the content filter, with a reason
    };
    Kind kind = Kind::None;
    int times = -1;  ///< how many calls fail this way before the model recovers; -1 = every call

    static QString name(Kind kind);
    static std::optional<Kind> fromName(const QString &name);
};

/// How the simulator behaves, read from the provider's base_url so that it stays data in providers.yaml:
/// `simulator://local?latency_ms=300&tokens_per_second=40&retry_after_ms=1000&fail.sim-fast=rate_limited*2`.
/// Every parameter is optional; `fail.MODEL=KIND[*TIMES]` injects a failure for that model.
struct SimulatorSettings {
    int latencyMs = 150;          ///< before the first token (on top of nothing: the simulator has no network)
    int tokensPerSecond = 80;     ///< streaming speed
    int retryAfterMs = 1000;      ///< Retry-After sent with RateLimited
    int slowFirstTokenMs = 5000;  ///< delay for SlowFirstToken
    QHash<QString, SimulatedFailure> failures;  ///< model id → failure

    /// Parses the base URL; an empty URL gives the defaults. Errors name the parameter that is wrong.
    static Result<SimulatorSettings> fromBaseUrl(const QString &baseUrl);
};

}  // namespace Switchyard
