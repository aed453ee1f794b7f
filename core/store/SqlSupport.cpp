#include "core/store/SqlSupport.h"

#include <QJsonDocument>
#include <QTimeZone>

namespace Switchyard::SqlSupport {

QDateTime nowUtc()
{
    return QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), QTimeZone::utc());
}

QVariant toDbTimestamp(const QDateTime &when)
{
    if (!when.isValid())
        return QVariant();
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromDbTimestamp(const QVariant &value)
{
    if (value.isNull())
        return QDateTime();
    QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

QString toDbJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject fromDbJson(const QVariant &value)
{
    if (value.isNull())
        return QJsonObject();
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QString placeholders(int count)
{
    return QStringLiteral("?, ").repeated(qMax(0, count - 1)) + QLatin1Char('?');
}

Error queryError(const QSqlError &error, const QString &action)
{
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    if (isConstraintViolation(error)) {
        return Error::make(Error::Code::Conflict,
                           QStringLiteral("Could not %1: the workspace database refused it (%2).").arg(action, detail));
    }
    return Error::make(Error::Code::Database,
                       QStringLiteral("Could not %1: %2. Check that the workspace file is writable and not damaged.")
                           .arg(action, detail));
}

bool isConstraintViolation(const QSqlError &error)
{
    // QSQLITE reports the primary SQLite result code; SQLITE_CONSTRAINT is 19 (extended codes keep it in the low byte).
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    if (ok && (code & 0xff) == 19)
        return true;
    // PostgreSQL: SQLSTATE class 23 is "integrity constraint violation".
    return error.nativeErrorCode().startsWith(QLatin1String("23"));
}

Result<QSqlQuery> run(const QSqlDatabase &db, const QString &sql, const QVariantList &values, const QString &action)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return queryError(query.lastError(), action);
    if (auto executed = execPrepared(query, values, action); !executed)
        return executed.error();
    return query;
}

Result<QSqlQuery> prepare(const QSqlDatabase &db, const QString &sql, const QString &action)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return queryError(query.lastError(), action);
    return query;
}

Result<void> execPrepared(QSqlQuery &query, const QVariantList &values, const QString &action)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // QtSql binds a null QString as SQL NULL; text columns hold '' for "no value" (NULL is QVariant()).
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.bindValue(int(i), QStringLiteral(""));
        else
            query.bindValue(int(i), value);
    }
    if (!query.exec())
        return queryError(query.lastError(), action);
    return {};
}

}  // namespace Switchyard::SqlSupport
