#pragma once

#include "core/model/AttemptRecord.h"
#include "core/model/FailureClass.h"
#include "core/model/SentPrompt.h"
#include "core/model/Usage.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Switchyard {

/// One engine call with its attempts: a row of the `calls` table plus one `attempts` row per attempt.
///
/// Billing rule: failed, skipped and cancelled attempts are recorded but never billed as completions; they cost
/// nothing unless the provider billed usage for them (their AttemptRecord::usage is not zero). A fallback answer is
/// billed to the provider and model that answered (served*), not the one requested. @ref usage and @ref costUsd
/// are the totals over every billed attempt (see CostCalculator::priceCall()).
struct CallRecord {
    /// Final state of the call; stored as its name in `calls.status`.
    enum class Status {
        Ok,         ///< "ok": an attempt answered
        Failed,     ///< "failed": every hop failed
        Cancelled,  ///< "cancelled": the caller cancelled
    };

    QString uuid;  ///< unique id of the call (the CLI's call_id); QUuid without braces
    std::optional<qint64> botId;
    std::optional<qint64> configId;
    std::optional<qint64> sessionId;
    QString userRef;
    QString promptKey;
    std::optional<int> promptVersion;
    QString requestedProvider;
    QString requestedModel;
    QString requestedRegion;
    QString servedProvider;  ///< empty when no attempt answered
    QString servedModel;
    QString servedRegion;
    Status status = Status::Ok;
    FailureClass errorClass = FailureClass::None;  ///< why the call failed (the last attempt's class)
    QString errorMessage;
    bool streamed = false;
    std::optional<qint64> latencyMs;
    std::optional<qint64> ttftMs;
    Usage usage;           ///< billed tokens of the call, by kind
    double costUsd = 0.0;  ///< US dollars, rounded to 1e-9
    QDateTime createdAt;   ///< UTC; when empty the recorder stamps the time it was recorded
    bool isDemo = false;
    QList<AttemptRecord> attempts;  ///< in the order they were made
    /// The rendered system instruction and messages sent; empty for calls recorded without them (older workspaces,
    /// demo data).
    std::optional<SentPrompt> sent;

    /// "ok", "failed" or "cancelled".
    static QString statusName(Status status)
    {
        switch (status) {
        case Status::Ok:
            return QStringLiteral("ok");
        case Status::Failed:
            return QStringLiteral("failed");
        case Status::Cancelled:
            return QStringLiteral("cancelled");
        }
        return {};
    }

    /// Why the stream restarted on the way to the answer, in order: the restart notes of the attempts that have one.
    QStringList restartNotes() const
    {
        QStringList notes;
        for (const AttemptRecord &attempt : attempts) {
            if (!attempt.restartNote.isEmpty())
                notes << attempt.restartNote;
        }
        return notes;
    }

    bool operator==(const CallRecord &) const = default;
};

}  // namespace Switchyard
