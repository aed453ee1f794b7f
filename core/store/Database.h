#pragma once

#include "core/common/Result.h"

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>

namespace Switchyard {

/// The workspace database: one SQLite file holding bots, configs, prompts, providers and activity.
///
/// Database owns the connections (one per thread, opened on first use), the schema migrations and the refusal of
/// files it must not touch. open() validates an existing file read-only before writing anything to it:
/// - a missing or empty file becomes a new workspace;
/// - a file that is not SQLite, an SQLite file of another application, a damaged file, or a workspace written by a
///   newer Switchyard is refused with an Error and left byte-for-byte unchanged;
/// - an older workspace is upgraded in place, all pending migrations in one transaction.
///
/// Every connection runs with journal_mode=WAL, foreign_keys=ON, busy_timeout=5000 and synchronous=NORMAL.
/// Repositories (BotRepository, LlmConfigRepository, PromptRepository, ProviderRepository) take a Database& and
/// call connection() from whatever thread they run on.
class Database {
public:
    /// Stored in the SQLite header (PRAGMA application_id) of every workspace: "SWYD".
    static constexpr int ApplicationId = 0x53575944;

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// QStandardPaths::AppDataLocation + "/switchyard.db".
    static QString defaultPath();

    /// The database a command should use: @p cliPath (from --db) when given, else $SWITCHYARD_DB when set and not
    /// empty, else defaultPath().
    static QString resolvePath(const QString &cliPath);

    /// The schema version this build creates and upgrades to.
    static int latestSchemaVersion();

    /// Opens (creating parent folders and the file when missing) and migrates the workspace at @p path.
    /// Closes a database that was open before. On error nothing stays open.
    Result<void> open(const QString &path);

    /// Closes and removes every connection of every thread. Safe to call when not open. Call it (or destroy the
    /// Database) only when no other thread is still running a query on it.
    void close();

    bool isOpen() const;

    /// The path given to open(); empty when not open.
    QString path() const;

    /// The highest version recorded in schema_version; 0 when not open.
    int schemaVersion();

    /// The calling thread's connection, opened and configured on first use. Invalid when the database is not open
    /// or the connection could not be opened (checkedConnection() says why).
    QSqlDatabase connection();

    /// Like connection(), with an Error saying what went wrong instead of an invalid connection.
    Result<QSqlDatabase> checkedConnection();

private:
    Result<void> validateExisting(const QString &path, int *version) const;
    Result<QSqlDatabase> openConnection(const QString &name);
    Result<void> migrate(QSqlDatabase db, int fromVersion);
    QString connectionNameForThisThread() const;

    mutable QMutex m_mutex;
    QString m_path;
    bool m_open = false;
    quint64 m_serial = 0;
    QHash<quint64, QString> m_connections;  ///< thread serial → connection name
};

}  // namespace Switchyard
