#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <optional>

/// Small helpers the repositories share: timestamps, JSON columns, nullable values and error reporting.
/// Internal to core/store; not a public API.
namespace Switchyard::SqlSupport {

/// The current time in UTC, truncated to milliseconds (what the database can store).
QDateTime nowUtc();

/// ISO-8601 UTC text with milliseconds ("2025-01-31T12:00:00.000Z"); NULL for an invalid date-time.
QVariant toDbTimestamp(const QDateTime &when);

/// Parses a stored timestamp; an invalid QDateTime for NULL.
QDateTime fromDbTimestamp(const QVariant &value);

/// A JSON object as compact text for a TEXT column.
QString toDbJson(const QJsonObject &object);

/// Parses a JSON TEXT column; an empty object for NULL or anything that is not an object.
QJsonObject fromDbJson(const QVariant &value);

/// Prepares @p sql on @p db as a forward-only query, binds the positional @p values and executes it.
/// On failure, an Error naming @p action ("save bot 'x'").
Result<QSqlQuery> run(const QSqlDatabase &db, const QString &sql, const QVariantList &values, const QString &action);

/// Prepares @p sql once for executing it many times with execPrepared().
Result<QSqlQuery> prepare(const QSqlDatabase &db, const QString &sql, const QString &action);

/// Binds the positional @p values to a prepared @p query and executes it.
Result<void> execPrepared(QSqlQuery &query, const QVariantList &values, const QString &action);

/// "?, ?, ?" with @p count positional parameters (at least one), for a VALUES row or an IN list.
QString placeholders(int count);

/// An Error::Database for a failed query (Error::Conflict when a uniqueness rule was broken).
Error queryError(const QSqlError &error, const QString &action);

/// True when @p error is a constraint violation (UNIQUE, FOREIGN KEY, CHECK, NOT NULL).
bool isConstraintViolation(const QSqlError &error);

/// NULL for an empty optional.
template <typename T> QVariant nullable(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

/// An empty optional for NULL.
inline std::optional<int> optionalInt(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<int>(value.toInt());
}

inline std::optional<double> optionalDouble(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

/// An empty optional for NULL: nullable row ids and 64-bit counters.
inline std::optional<qint64> optionalInt64(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

}  // namespace Switchyard::SqlSupport
