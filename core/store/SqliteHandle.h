#pragma once

#include <QSqlDatabase>

struct sqlite3;

namespace Switchyard {

/// The SQLite connection under a QSQLITE QSqlDatabase (the same library and handle Qt uses), for the few hot paths
/// where binding and reading through QSqlQuery (a QVariant per value) costs more than SQLite's own work: the usage
/// recorder's batched INSERTs and the reports' scans of raw rows. nullptr for another driver or a closed connection.
/// Only meaningful in builds with SWITCHYARD_HAVE_SQLITE3_API (the SQLite headers); always nullptr without them.
sqlite3 *sqliteHandle(const QSqlDatabase &db);

}  // namespace Switchyard
