#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Switchyard {

/// One numbered step of the workspace schema. Database::open() applies every step newer than the file's
/// schema_version, in order, inside one transaction, and records each in the schema_version table.
///
/// Steps are append-only: a released step never changes; a schema change is a new step with the next number.
struct Migration {
    int version = 0;
    QString description;
    QStringList statements;  ///< executed one by one (QtSql runs one statement per exec)

    /// Every migration, ascending by version. The last one's version is Database::latestSchemaVersion().
    static const QList<Migration> &all();
};

}  // namespace Switchyard
