#pragma once

#include <QSqlDatabase>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace Switchyard {

/// The SQLite connection under a QSQLITE QSqlDatabase (the same library and handle Qt uses), for the few hot paths
/// where binding and reading through QSqlQuery (a QVariant per value) costs more than SQLite's own work: the usage
/// recorder's batched INSERTs and the reports' scans of raw rows. nullptr for another driver or a closed connection.
/// Only meaningful in builds with SWITCHYARD_HAVE_SQLITE3_API (the SQLite headers); always nullptr without them.
sqlite3 *sqliteHandle(const QSqlDatabase &db);

/// Runs the write @p statement of connection @p db once, then resets it and unbinds its parameters: the hot paths
/// bind texts they own (SQLITE_STATIC), which must never stay bound past the step. False with SQLite's message in
/// @p error when it did not finish. Only callable in builds with SWITCHYARD_HAVE_SQLITE3_API.
bool stepOnce(sqlite3 *db, sqlite3_stmt *statement, QString &error);

}  // namespace Switchyard
