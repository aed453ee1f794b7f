#include "core/store/SqliteHandle.h"

#include <QSqlDriver>
#include <QVariant>

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

}  // namespace Switchyard
