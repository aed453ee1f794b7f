#pragma once

#include "core/common/Result.h"
#include "core/model/Feedback.h"

#include <QList>
#include <QString>
#include <optional>

namespace Switchyard {

class Database;

/// Thumbs up / down on engine calls, one per (call, user).
///
/// Calls are named by their uuid. The UsageRecorder writes calls in the background, so a call that has just finished
/// may not have its row yet: flush the recorder first; until then rate() answers Error::NotFound.
class FeedbackRepository {
public:
    explicit FeedbackRepository(Database &database);

    /// Stores @p rating (+1 or -1) and @p comment for the call @p callUuid by @p userRef, replacing that user's earlier
    /// feedback on the call, and returns it as stored. Error::InvalidInput for another rating, Error::NotFound for a
    /// call that is not recorded (yet).
    Result<Feedback> rate(const QString &callUuid, int rating, const QString &comment, const QString &userRef = {});
    /// @p userRef's feedback on @p callUuid; empty when there is none (or no such call).
    Result<std::optional<Feedback>> forCall(const QString &callUuid, const QString &userRef = {});
    /// Every user's feedback on @p callUuid, oldest first.
    Result<QList<Feedback>> allForCall(const QString &callUuid);

private:
    Result<QList<Feedback>> select(const QString &where, const QVariantList &values);

    Database &m_database;
};

}  // namespace Switchyard
