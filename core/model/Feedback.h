#pragma once

#include <QDateTime>
#include <QString>

namespace Switchyard {

/// A user's rating of one engine call (row of `feedback`): thumbs up (+1) or down (-1) with an optional comment.
/// One per (call, user): rating again replaces the earlier one.
struct Feedback {
    qint64 id = 0;
    qint64 callId = 0;  ///< calls.id
    QString callUuid;   ///< calls.uuid, the id callers know
    int rating = 1;     ///< +1 or -1
    QString comment;
    QString userRef;
    QDateTime created;  ///< UTC, when it was (last) given

    bool operator==(const Feedback &) const = default;
};

}  // namespace Switchyard
