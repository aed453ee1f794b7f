#pragma once

#include "core/model/FailureClass.h"
#include "core/model/Usage.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace Switchyard {

/// One try of one hop of an engine call: a row of the `attempts` table.
///
/// A hop can be retried, so (hopIndex, retryIndex) identifies the attempt within its call. The usage and cost of
/// an attempt are held in memory for accounting; the `attempts` table has no columns for them (the call's totals are
/// stored on the `calls` row).
struct AttemptRecord {
    /// What happened to the attempt; stored as its name in `attempts.outcome`.
    enum class Outcome {
        Succeeded,  ///< "ok": this attempt produced the answer
        Failed,     ///< "failed": the provider or the connection failed (errorClass says how)
        Skipped,    ///< "skipped": never sent (circuit open, local rate limit)
        Cancelled,  ///< "cancelled": the caller cancelled while it ran
    };

    int hopIndex = 0;    ///< position of the hop in the planned chain, 0 = the primary
    int retryIndex = 0;  ///< 0 = first try of that hop
    QString provider;    ///< workspace provider id
    QString model;
    QString region;
    Outcome outcome = Outcome::Failed;
    std::optional<int> httpStatus;
    FailureClass errorClass = FailureClass::None;
    QString errorMessage;  ///< the provider's reason; never contains a secret
    std::optional<qint64> latencyMs;
    QDateTime startedAt;  ///< UTC
    /// Why the stream restarted, when this attempt had streamed text that was then discarded (it failed mid-answer
    /// and the call went on); empty otherwise. Stored in `attempt_restarts` (migration 9).
    QString restartNote;

    /// Tokens the provider billed for this attempt (zero for most failures; a stream cut after the provider sent
    /// its usage is billed). Not stored per attempt: the `attempts` table has no token columns.
    Usage usage;
    /// Cost of @ref usage at this attempt's model price, filled in by CostCalculator::priceCall(). Not stored.
    double costUsd = 0.0;

    /// "ok", "failed", "skipped" or "cancelled".
    static QString outcomeName(Outcome outcome)
    {
        switch (outcome) {
        case Outcome::Succeeded:
            return QStringLiteral("ok");
        case Outcome::Failed:
            return QStringLiteral("failed");
        case Outcome::Skipped:
            return QStringLiteral("skipped");
        case Outcome::Cancelled:
            return QStringLiteral("cancelled");
        }
        return {};
    }

    bool operator==(const AttemptRecord &) const = default;
};

}  // namespace Switchyard
