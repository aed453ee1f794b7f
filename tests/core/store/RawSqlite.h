#pragma once

#include <QDebug>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

namespace Switchyard::Testing {

/// Runs @p statements on a plain QSQLITE connection (no Switchyard setup), as another tool or an older Switchyard
/// would. False (with the failing statement logged) when one fails.
inline bool runRaw(const QString &path, const QStringList &statements)
{
    static int serial = 0;
    const QString name = QStringLiteral("raw-%1").arg(++serial);
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &statement : statements) {
            if (!ok)
                break;
            ok = query.exec(statement);
            if (!ok)
                qWarning() << statement << query.lastError().text();
        }
        query = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

}  // namespace Switchyard::Testing
