#include "core/store/SqliteHandle.h"

#include <QSqlDriver>
#include <QVariant>

#ifdef SWITCHYARD_HAVE_SQLITE3_API
#include <sqlite3.h>
#endif

namespace Switchyard {

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
#ifdef SWITCHYARD_HAVE_SQLITE3_API
    if (db.driverName() != QLatin1String("QSQLITE"))
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
#else
    Q_UNUSED(db);
    return nullptr;
#endif
}

bool stepOnce(sqlite3 *db, sqlite3_stmt *statement, QString &error)
{
#ifdef SWITCHYARD_HAVE_SQLITE3_API
    const int rc = sqlite3_step(statement);
    if (rc != SQLITE_DONE)
        error = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    return rc == SQLITE_DONE;
#else
    Q_UNUSED(db);
    Q_UNUSED(statement);
    error = QStringLiteral("SQLite's own API is not available in this build.");
    return false;
#endif
}

}  // namespace Switchyard
