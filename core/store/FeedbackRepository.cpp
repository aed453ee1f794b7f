#include "core/store/FeedbackRepository.h"

#include "core/store/Database.h"
#include "core/store/SqlSupport.h"

namespace Switchyard {

using namespace SqlSupport;

FeedbackRepository::FeedbackRepository(Database &database) : m_database(database) {}

Result<Feedback> FeedbackRepository::rate(const QString &callUuid, int rating, const QString &comment,
                                          const QString &userRef)
{
    if (rating != 1 && rating != -1) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("Feedback is +1 (thumbs up) or -1 (thumbs down), not %1.").arg(rating));
    }
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto call = run(*db, QStringLiteral("SELECT id FROM calls WHERE uuid = ?"), {callUuid},
                    QStringLiteral("find call %1").arg(callUuid));
    if (!call)
        return call.error();
    if (!call->next()) {
        return Error::make(
            Error::Code::NotFound,
            QStringLiteral("Call %1 is not recorded (yet); flush the usage recorder and rate it again.").arg(callUuid));
    }
    const qint64 callId = call->value(0).toLongLong();
    auto saved = run(*db,
                     QStringLiteral("INSERT INTO feedback (call_id, rating, comment, user_ref, created_at) "
                                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (call_id, user_ref) DO UPDATE SET "
                                    "rating = excluded.rating, comment = excluded.comment, "
                                    "created_at = excluded.created_at"),
                     {callId, rating, comment, userRef, toDbTimestamp(nowUtc())},
                     QStringLiteral("store the feedback on call %1").arg(callUuid));
    if (!saved)
        return saved.error();
    auto stored = forCall(callUuid, userRef);
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return Error::make(Error::Code::Internal, QStringLiteral("Stored feedback could not be read back."));
    return **stored;
}

Result<std::optional<Feedback>> FeedbackRepository::forCall(const QString &callUuid, const QString &userRef)
{
    auto found = select(QStringLiteral("c.uuid = ? AND f.user_ref = ?"), {callUuid, userRef});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Feedback>();
    return std::optional<Feedback>(found->constFirst());
}

Result<QList<Feedback>> FeedbackRepository::allForCall(const QString &callUuid)
{
    return select(QStringLiteral("c.uuid = ?"), {callUuid});
}

Result<QList<Feedback>> FeedbackRepository::select(const QString &where, const QVariantList &values)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto query = run(*db,
                     QStringLiteral("SELECT f.id, f.call_id, c.uuid, f.rating, f.comment, f.user_ref, f.created_at "
                                    "FROM feedback f JOIN calls c ON c.id = f.call_id WHERE %1 ORDER BY f.id")
                         .arg(where),
                     values, QStringLiteral("read feedback"));
    if (!query)
        return query.error();
    QList<Feedback> feedback;
    while (query->next()) {
        Feedback row;
        row.id = query->value(0).toLongLong();
        row.callId = query->value(1).toLongLong();
        row.callUuid = query->value(2).toString();
        row.rating = query->value(3).toInt();
        row.comment = query->value(4).toString();
        row.userRef = query->value(5).toString();
        row.created = fromDbTimestamp(query->value(6));
        feedback.append(row);
    }
    return feedback;
}

}  // namespace Switchyard
