#pragma once

#include "core/model/FailureClass.h"
#include "core/model/Usage.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace Switchyard {

/// The outcome of one provider call. On failure every text field is already redacted (no secret can appear).
struct ProviderResult {
    bool ok = false;
    QString text;                ///< the whole answer (the deltas joined when streamed)
    QString finishReason;        ///< provider's own spelling: stop, length, content_filter, end_turn, STOP...
    Usage usage;                 ///< normalised buckets (core/model/Usage.h)
    bool usageReported = false;  ///< false when the provider sent no usage (a stream without include_usage)
    int httpStatus = 0;          ///< 0 when no response arrived
    FailureClass failure = FailureClass::None;
    QString errorCode;                   ///< provider error code/type when it sent one ("context_length_exceeded")
    QString errorMessage;                ///< what happened and the provider's reason (content filter etc.); redacted
    bool retryable = false;              ///< the provider (x-should-retry) or the status says another try may work
    std::optional<qint64> retryAfterMs;  ///< the delay the provider asked for
    QByteArray rawErrorBody;             ///< error body as received (bounded, redacted)
    qint64 ttftMs = -1;                  ///< time to the first text delta; -1 when none
    qint64 latencyMs = 0;                ///< start to end of the call
    bool streamed = false;               ///< the answer came as a stream
};

}  // namespace Switchyard
