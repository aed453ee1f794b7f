#include "core/store/Database.h"

#include "core/store/Migration.h"
#include "core/store/SqlSupport.h"
#include "core/store/Transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStringList>
#include <atomic>

namespace Switchyard {

namespace {

const QString SqliteDriver = QStringLiteral("QSQLITE");

/// A number that identifies the calling thread for the life of the process. Unlike QThread::currentThreadId(), it is
/// never reused by a later thread, so a new thread can't pick up a dead thread's connection.
quint64 currentThreadSerial()
{
    static std::atomic<quint64> next{0};
    thread_local const quint64 serial = ++next;
    return serial;
}

quint64 nextDatabaseSerial()
{
    static std::atomic<quint64> next{0};
    return ++next;
}

Error notAWorkspace(const QString &path, const QString &why)
{
    return Error::make(Error::Code::Unsupported,
                       QStringLiteral("This file is not a Switchyard workspace (%1); it was left unchanged. Choose a "
                                      "workspace file or a new path with --db or SWITCHYARD_DB.")
                           .arg(why),
                       path);
}

Error damaged(const QString &path, const QString &why)
{
    return Error::make(Error::Code::Database,
                       QStringLiteral("This workspace cannot be read (%1); it was left unchanged. It may be damaged: "
                                      "restore it from a backup or choose another path with --db or SWITCHYARD_DB.")
                           .arg(why),
                       path);
}

/// "none", "a, b, c" or "a, b, c, d, e and 12 more".
QString describeTables(const QStringList &tables)
{
    constexpr int Shown = 5;
    if (tables.isEmpty())
        return QStringLiteral("none");
    if (tables.size() <= Shown)
        return tables.join(QStringLiteral(", "));
    return QStringLiteral("%1 and %2 more")
        .arg(tables.mid(0, Shown).join(QStringLiteral(", ")))
        .arg(tables.size() - Shown);
}

int readMaxVersion(QSqlQuery &query, bool *ok)
{
    *ok = query.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) && query.next() &&
          !query.value(0).isNull();
    return *ok ? query.value(0).toInt() : 0;
}

}  // namespace

Database::Database() = default;

Database::~Database()
{
    close();
}

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/switchyard.db");
}

QString Database::resolvePath(const QString &cliPath)
{
    if (!cliPath.isEmpty())
        return cliPath;
    const QString fromEnvironment = qEnvironmentVariable("SWITCHYARD_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return defaultPath();
}

int Database::latestSchemaVersion()
{
    return Migration::all().constLast().version;
}

Result<void> Database::open(const QString &path)
{
    close();

    if (path.isEmpty()) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("No workspace path was given; pass --db PATH or set SWITCHYARD_DB."));
    }
    if (!QSqlDatabase::isDriverAvailable(SqliteDriver)) {
        return Error::make(Error::Code::Unsupported,
                           QStringLiteral("The Qt SQLite driver (QSQLITE) is not installed; install the Qt 6 SQL "
                                          "SQLite plugin (Debian/Ubuntu: libqt6sql6-sqlite)."));
    }

    const QFileInfo info(path);
    if (info.isDir()) {
        return Error::make(Error::Code::Io,
                           QStringLiteral("This path is a folder, not a workspace file; give a file path such as "
                                          "%1/switchyard.db.")
                               .arg(path),
                           path);
    }
    if (!QDir().mkpath(info.absolutePath())) {
        return Error::make(Error::Code::Io,
                           QStringLiteral("Could not create the folder %1 for the workspace; check its permissions or "
                                          "choose another path.")
                               .arg(info.absolutePath()),
                           path);
    }

    int version = 0;
    if (info.exists() && info.size() > 0) {
        if (auto valid = validateExisting(path, &version); !valid)
            return valid;
    }

    {
        QMutexLocker lock(&m_mutex);
        m_path = path;
        m_serial = nextDatabaseSerial();
        m_open = true;
    }

    Result<void> migrated;
    {
        Result<QSqlDatabase> db = checkedConnection();
        migrated = db ? migrate(*db, version) : Result<void>(db.error());
    }
    if (!migrated) {
        close();
        return migrated;
    }
    return {};
}

Result<void> Database::validateExisting(const QString &path, int *version) const
{
    // Look at the header ourselves first: handing a non-SQLite file to SQLite is not guaranteed to leave it alone.
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return Error::make(Error::Code::Io,
                               QStringLiteral("The workspace file cannot be read (%1); check its permissions.")
                                   .arg(file.errorString()),
                               path);
        }
        const QByteArray header = file.read(100);
        static const QByteArray magic("SQLite format 3\0", 16);
        if (!header.startsWith(magic))
            return notAWorkspace(path, QStringLiteral("not an SQLite database"));
        if (header.size() < 100)
            return notAWorkspace(path, QStringLiteral("not an SQLite database: the file is truncated"));
    }

    // Then inspect it through a read-only connection, which cannot write to the file whatever it finds.
    const QString name = QStringLiteral("switchyard-validate:%1:%2").arg(path).arg(nextDatabaseSerial());
    Result<void> verdict;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(SqliteDriver, name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        verdict = [&]() -> Result<void> {
            if (!db.open())
                return damaged(path, db.lastError().text());
            QSqlQuery query(db);
            query.setForwardOnly(true);
            // sqlite_master and PRAGMA are SQLite-only: this check only ever looks at SQLite files.
            if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")))
                return damaged(path, query.lastError().text());
            QStringList tables;
            while (query.next())
                tables.append(query.value(0).toString());
            if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
                return damaged(path, query.lastError().text());
            const int applicationId = query.value(0).toInt();

            if (applicationId != ApplicationId) {
                if (applicationId == 0 && tables.isEmpty()) {
                    *version = 0;  // an empty SQLite file: nothing to lose, becomes a new workspace
                    return {};
                }
                return notAWorkspace(
                    path, QStringLiteral("an SQLite database of another application: application id %1, tables %2")
                              .arg(applicationId)
                              .arg(describeTables(tables)));
            }
            if (!tables.contains(QStringLiteral("schema_version")))
                return damaged(path, QStringLiteral("the schema_version table is missing"));
            bool ok = false;
            const int found = readMaxVersion(query, &ok);
            if (!ok)
                return damaged(path, QStringLiteral("the schema_version table is empty or unreadable"));
            if (found > latestSchemaVersion()) {
                return Error::make(Error::Code::Unsupported,
                                   QStringLiteral("This workspace was written by a newer Switchyard (schema %1, this "
                                                  "build knows %2); upgrade Switchyard to open it. The file was left "
                                                  "unchanged.")
                                       .arg(found)
                                       .arg(latestSchemaVersion()),
                                   path);
            }
            *version = found;
            return {};
        }();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return verdict;
}

void Database::close()
{
    QMutexLocker lock(&m_mutex);
    // Removing the last handle closes the SQLite connection; the last one to close checkpoints and removes the WAL.
    for (const QString &name : std::as_const(m_connections))
        QSqlDatabase::removeDatabase(name);
    m_connections.clear();
    m_open = false;
    m_path.clear();
}

bool Database::isOpen() const
{
    QMutexLocker lock(&m_mutex);
    return m_open;
}

QString Database::path() const
{
    QMutexLocker lock(&m_mutex);
    return m_path;
}

int Database::schemaVersion()
{
    const Result<QSqlDatabase> db = checkedConnection();
    if (!db)
        return 0;
    QSqlQuery query(*db);
    query.setForwardOnly(true);
    bool ok = false;
    return readMaxVersion(query, &ok);
}

QSqlDatabase Database::connection()
{
    Result<QSqlDatabase> db = checkedConnection();
    return db ? *db : QSqlDatabase();
}

Result<QSqlDatabase> Database::checkedConnection()
{
    QMutexLocker lock(&m_mutex);
    if (!m_open) {
        return Error::make(Error::Code::Database,
                           QStringLiteral("No workspace database is open; open a workspace first."));
    }
    const quint64 thread = currentThreadSerial();
    const auto existing = m_connections.constFind(thread);
    if (existing != m_connections.constEnd())
        return QSqlDatabase::database(*existing, false);

    const QString name = QStringLiteral("switchyard:%1:db%2:thread%3").arg(m_path).arg(m_serial).arg(thread);
    Result<QSqlDatabase> opened = openConnection(name);
    if (opened)
        m_connections.insert(thread, name);
    return opened;
}

Result<QSqlDatabase> Database::openConnection(const QString &name)
{
    Error failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(SqliteDriver, name);
        db.setDatabaseName(m_path);
        if (!db.open()) {
            failure =
                Error::make(Error::Code::Io,
                            QStringLiteral("Could not open the workspace (%1); check that the file and its folder "
                                           "are writable.")
                                .arg(db.lastError().text()),
                            m_path);
        } else {
            // Connection settings are per connection in SQLite, so every thread's connection gets them.
            struct Pragma {
                QString statement;
                QString expected;  ///< what reading it back must give; empty = don't check
            };
            const Pragma pragmas[] = {
                {QStringLiteral("PRAGMA foreign_keys = ON"), QString()},
                {QStringLiteral("PRAGMA busy_timeout = 5000"), QStringLiteral("5000")},
                {QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("wal")},
                {QStringLiteral("PRAGMA synchronous = NORMAL"), QString()},
                {QStringLiteral("PRAGMA foreign_keys"), QStringLiteral("1")},
            };
            QSqlQuery query(db);
            for (const Pragma &pragma : pragmas) {
                const bool ran = query.exec(pragma.statement);
                const bool matches =
                    pragma.expected.isEmpty() ||
                    (query.next() && query.value(0).toString().compare(pragma.expected, Qt::CaseInsensitive) == 0);
                if (!ran || !matches) {
                    failure = Error::make(Error::Code::Database,
                                          QStringLiteral("Could not configure the workspace connection (%1 failed: "
                                                         "%2); check that the file and its folder are writable.")
                                              .arg(pragma.statement, ran ? QStringLiteral("unexpected result")
                                                                         : query.lastError().text()),
                                          m_path);
                    break;
                }
                query.finish();
            }
            if (failure.message.isEmpty())
                return db;
            query = QSqlQuery();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return failure;
}

Result<void> Database::migrate(QSqlDatabase db, int fromVersion)
{
    if (fromVersion >= latestSchemaVersion())
        return {};

    Transaction tx(db);
    if (!tx.isActive())
        return tx.error();

    // Re-read inside the write lock: another process may have created or upgraded the file since validation.
    int current = fromVersion;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (db.tables().contains(QStringLiteral("schema_version"))) {
        bool ok = false;
        current = readMaxVersion(query, &ok);
        query.finish();
    }
    if (current == 0 && !query.exec(QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId))) {
        return SqlSupport::queryError(query.lastError(), QStringLiteral("mark the file as a Switchyard workspace"));
    }

    const QString appliedAt = SqlSupport::toDbTimestamp(SqlSupport::nowUtc()).toString();
    for (const Migration &migration : Migration::all()) {
        if (migration.version <= current)
            continue;
        for (const QString &statement : migration.statements) {
            if (!query.exec(statement)) {
                return Error::make(Error::Code::Database,
                                   QStringLiteral("Could not upgrade the workspace to schema %1 (%2): %3. Nothing was "
                                                  "changed (it stays at schema %4); restore a backup or report this "
                                                  "as a bug.")
                                       .arg(migration.version)
                                       .arg(migration.description, query.lastError().text())
                                       .arg(current),
                                   m_path);
            }
            query.finish();
        }
        auto recorded = SqlSupport::run(
            db, QStringLiteral("INSERT INTO schema_version (version, applied_at, description) VALUES (?, ?, ?)"),
            {migration.version, appliedAt, migration.description},
            QStringLiteral("record schema version %1").arg(migration.version));
        if (!recorded)
            return recorded.error();
    }
    return tx.commit();
}

}  // namespace Switchyard
