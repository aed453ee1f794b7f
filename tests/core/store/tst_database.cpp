#include "core/store/BotRepository.h"
#include "core/store/Database.h"
#include "core/store/Migration.h"
#include "tests/core/store/RawSqlite.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <functional>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

QByteArray fileChecksum(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

QStringList folderListing(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

/// The first column of the first row of @p sql on a plain connection; an invalid QVariant on failure.
QVariant rawValue(const QString &path, const QString &sql)
{
    static int serial = 0;
    const QString name = QStringLiteral("raw-read-%1").arg(++serial);
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

QVariant scalar(Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql) || !query.next())
        return QVariant();
    return query.value(0);
}

QStringList migrationOneStatements()
{
    // What a Switchyard with only migration 1 wrote, in one transaction like Database does.
    QStringList statements{QStringLiteral("BEGIN")};
    statements += Migration::all().at(0).statements;
    statements.append(QStringLiteral("PRAGMA application_id = %1").arg(Database::ApplicationId));
    statements.append(QStringLiteral("INSERT INTO schema_version (version, applied_at, description) "
                                     "VALUES (1, '2024-01-01T00:00:00.000Z', 'workspace')"));
    statements.append(QStringLiteral("COMMIT"));
    return statements;
}

QStringList migrationTwoStatements()
{
    // What a Switchyard with migrations 1 and 2 wrote.
    QStringList statements = migrationOneStatements();
    statements.removeLast();  // COMMIT
    statements += Migration::all().at(1).statements;
    statements.append(QStringLiteral("INSERT INTO schema_version (version, applied_at, description) "
                                     "VALUES (2, '2024-02-01T00:00:00.000Z', 'activity')"));
    statements.append(QStringLiteral("COMMIT"));
    return statements;
}

}  // namespace

class TestDatabase : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void newFileCreatesSchemaAndFolders();
    void reopenKeepsData();
    void connectionSettingsAreOn();
    void upgradesVersionOneInPlace();
    void failedUpgradeLeavesVersionOne();
    void upgradesVersionTwoWithBillingRules();
    void refusesNewerSchema();
    void refusesForeignSqlite_data();
    void refusesForeignSqlite();
    void refusesNonSqlite_data();
    void refusesNonSqlite();
    void emptyFilesBecomeWorkspaces();
    void refusesFolder();
    void resolvePathPrecedence();
    void oneConnectionPerThread();
    void closeRemovesConnections();
};

void TestDatabase::newFileCreatesSchemaAndFolders()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("nested/deeper/workspace.db"));
    Database database;
    const auto opened = database.open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    QVERIFY(database.isOpen());
    QCOMPARE(database.path(), path);
    QVERIFY(QFile::exists(path));
    QCOMPARE(Database::latestSchemaVersion(), Migration::all().constLast().version);
    QCOMPARE(database.schemaVersion(), Database::latestSchemaVersion());
    QCOMPARE(scalar(database, QStringLiteral("PRAGMA application_id")).toInt(), Database::ApplicationId);
    QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(),
             int(Migration::all().size()));
    QCOMPARE(scalar(database, QStringLiteral("SELECT description FROM schema_version WHERE version = 2")).toString(),
             Migration::all().at(1).description);

    const QStringList tables = database.connection().tables();
    for (const char *table :
         {"bots",           "llm_configs",  "prompts",  "prompt_versions", "prompt_labels", "prompt_label_moves",
          "providers",      "models",       "prices",   "chains",          "chain_hops",    "fallback_rules",
          "workspace_meta", "sessions",     "messages", "calls",           "attempts",      "feedback",
          "wallets",        "transactions", "budgets",  "breaker_events"})
        QVERIFY2(tables.contains(QLatin1String(table)), table);
}

void TestDatabase::reopenKeepsData()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ws.db"));
    {
        Database database;
        QVERIFY(database.open(path).ok());
        BotRepository bots(database);
        Bot bot;
        bot.name = QStringLiteral("Oracle");
        QVERIFY(bots.create(bot).ok());
    }
    Database database;
    const auto reopened = database.open(path);
    QVERIFY2(reopened.ok(), qPrintable(reopened.ok() ? QString() : reopened.error().toString()));
    QCOMPARE(database.schemaVersion(), Database::latestSchemaVersion());
    // Reopening applies no migration again: one row per migration (their numbers need not be contiguous).
    QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(),
             int(Migration::all().size()));
    BotRepository bots(database);
    const auto found = bots.bySlug(QStringLiteral("oracle"));
    QVERIFY(found.ok());
    QCOMPARE(found->name, QStringLiteral("Oracle"));
}

void TestDatabase::connectionSettingsAreOn()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ws.db"));
    Database database;
    QVERIFY(database.open(path).ok());
    QCOMPARE(scalar(database, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(scalar(database, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QCOMPARE(scalar(database, QStringLiteral("PRAGMA busy_timeout")).toInt(), 5000);
    QCOMPARE(scalar(database, QStringLiteral("PRAGMA synchronous")).toInt(), 1);  // NORMAL

    // Foreign keys are really enforced: a config for a bot that does not exist is rejected.
    QSqlQuery query(database.connection());
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO llm_configs (bot_id, provider, model, created_at, updated_at) "
                                       "VALUES (999, 'openai', 'gpt-4o', 'x', 'x')")));
    QVERIFY(query.lastError().text().contains(QLatin1String("FOREIGN KEY"), Qt::CaseInsensitive));

    // WAL is on the file, not only in this connection: a plain connection sees it too.
    QCOMPARE(rawValue(path, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
}

void TestDatabase::upgradesVersionOneInPlace()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.db"));
    QStringList statements = migrationOneStatements();
    statements.append(QStringLiteral("INSERT INTO bots (uuid, name, slug, created_at, updated_at) VALUES "
                                     "('u-1', 'Old Bot', 'old-bot', '2024-01-01T00:00:00.000Z', "
                                     "'2024-01-01T00:00:00.000Z')"));
    QVERIFY(runRaw(path, statements));
    QCOMPARE(rawValue(path, QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(), 1);
    QCOMPARE(rawValue(path, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'calls'")).toInt(), 0);

    Database database;
    const auto opened = database.open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    QCOMPARE(database.schemaVersion(), Database::latestSchemaVersion());
    QVERIFY(database.connection().tables().contains(QStringLiteral("calls")));
    QVERIFY(database.connection().tables().contains(QStringLiteral("attempts")));
    // The version 1 record is untouched; version 2 is recorded with its description.
    QCOMPARE(scalar(database, QStringLiteral("SELECT applied_at FROM schema_version WHERE version = 1")).toString(),
             QStringLiteral("2024-01-01T00:00:00.000Z"));
    QCOMPARE(scalar(database, QStringLiteral("SELECT description FROM schema_version WHERE version = 2")).toString(),
             Migration::all().at(1).description);

    BotRepository bots(database);
    const auto bot = bots.bySlug(QStringLiteral("old-bot"));
    QVERIFY(bot.ok());
    QCOMPARE(bot->name, QStringLiteral("Old Bot"));
    QCOMPARE(bot->uuid, QStringLiteral("u-1"));
    // The new tables work with the old rows.
    QSqlQuery query(database.connection());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO calls (uuid, bot_id, status, created_at) VALUES ('c-1', %1, 'ok', "
                                      "'2024-01-02T00:00:00.000Z')")
                           .arg(bot->id)));
}

void TestDatabase::failedUpgradeLeavesVersionOne()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1-conflict.db"));
    QStringList statements = migrationOneStatements();
    // Migration 2 creates `sessions` first and `calls` later; a stray `calls` table makes it fail half-way.
    statements.append(QStringLiteral("CREATE TABLE calls (x INTEGER)"));
    QVERIFY(runRaw(path, statements));

    Database database;
    const auto opened = database.open(path);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, Error::Code::Database);
    QVERIFY2(opened.error().message.contains(QLatin1String("schema 2")), qPrintable(opened.error().message));
    QVERIFY(!database.isOpen());

    // The transaction rolled back: still version 1, and nothing migration 2 created before failing remains.
    QCOMPARE(rawValue(path, QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(), 1);
    QCOMPARE(rawValue(path, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sessions'")).toInt(), 0);
}

void TestDatabase::upgradesVersionTwoWithBillingRules()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v2.db"));
    QStringList statements = migrationTwoStatements();
    statements.append(QStringLiteral("INSERT INTO wallets (user_ref, balance_usd, created_at, updated_at) VALUES "
                                     "('alice', 0.25, 'x', 'x')"));
    statements.append(QStringLiteral("INSERT INTO sessions (uuid, price_per_message_usd, price_locked_at, created_at, "
                                     "updated_at) VALUES ('s-1', 0.05, 'x', 'x', 'x')"));
    QVERIFY(runRaw(path, statements));
    QCOMPARE(rawValue(path, QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(), 2);

    Database database;
    const auto opened = database.open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    QCOMPARE(database.schemaVersion(), Database::latestSchemaVersion());
    QCOMPARE(scalar(database, QStringLiteral("SELECT description FROM schema_version WHERE version = 3")).toString(),
             Migration::all().at(2).description);
    QCOMPARE(scalar(database, QStringLiteral("SELECT description FROM schema_version WHERE version = 4")).toString(),
             Migration::all().at(3).description);
    QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = "
                                             "'workspace_generation'"))
                 .toInt(),
             1);
    QCOMPARE(scalar(database, QStringLiteral("SELECT applied_at FROM schema_version WHERE version = 2")).toString(),
             QStringLiteral("2024-02-01T00:00:00.000Z"));
    QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name IN "
                                             "('transactions_charge_call', 'wallets_no_overdraft', "
                                             "'sessions_price_locked')"))
                 .toInt(),
             3);
    // Old rows are kept, and the new rules apply to them.
    QCOMPARE(scalar(database, QStringLiteral("SELECT balance_usd FROM wallets WHERE user_ref = 'alice'")).toDouble(),
             0.25);
    QSqlQuery query(database.connection());
    QVERIFY(!query.exec(QStringLiteral("UPDATE wallets SET balance_usd = -1 WHERE user_ref = 'alice'")));
    QVERIFY(!query.exec(QStringLiteral("UPDATE sessions SET price_per_message_usd = 0.01 WHERE uuid = 's-1'")));
    QVERIFY(query.exec(QStringLiteral("UPDATE wallets SET balance_usd = 0.2 WHERE user_ref = 'alice'")));
}

void TestDatabase::refusesNewerSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("newer.db"));
    QStringList statements = migrationOneStatements();
    statements.append(QStringLiteral("INSERT INTO schema_version (version, applied_at, description) "
                                     "VALUES (99, '2030-01-01T00:00:00.000Z', 'from the future')"));
    QVERIFY(runRaw(path, statements));
    const QByteArray before = fileChecksum(path);
    const QStringList filesBefore = folderListing(dir.path());

    Database database;
    const auto opened = database.open(path);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, Error::Code::Unsupported);
    QCOMPARE(opened.error().file, path);
    QVERIFY2(
        opened.error().message.contains(
            QStringLiteral("was written by a newer Switchyard (schema 99, this build knows %1); upgrade Switchyard")
                .arg(Database::latestSchemaVersion())),
        qPrintable(opened.error().message));
    QVERIFY(opened.error().toString().startsWith(path));
    QVERIFY(!database.isOpen());
    QCOMPARE(fileChecksum(path), before);
    QCOMPARE(folderListing(dir.path()), filesBefore);
}

void TestDatabase::refusesForeignSqlite_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::newRow("tables, no application id")
        << QStringList{QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"),
                       QStringLiteral("INSERT INTO notes (text) VALUES ('keep me')")};
    QTest::newRow("another application's id")
        << QStringList{QStringLiteral("PRAGMA application_id = 42"), QStringLiteral("CREATE TABLE t (x)")};
    QTest::newRow("look-alike schema_version without our id")
        << QStringList{QStringLiteral("CREATE TABLE schema_version (version INTEGER)"),
                       QStringLiteral("INSERT INTO schema_version VALUES (1)")};
    QTest::newRow("another application's id, no tables")
        << QStringList{QStringLiteral("PRAGMA application_id = 7"), QStringLiteral("PRAGMA user_version = 3")};
}

void TestDatabase::refusesForeignSqlite()
{
    QFETCH(QStringList, statements);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("foreign.sqlite"));
    QVERIFY(runRaw(path, statements));
    QVERIFY(QFileInfo(path).size() > 0);
    const QByteArray before = fileChecksum(path);
    const QStringList filesBefore = folderListing(dir.path());

    Database database;
    const auto opened = database.open(path);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, Error::Code::Unsupported);
    QVERIFY2(opened.error().message.contains(QLatin1String("is not a Switchyard workspace")),
             qPrintable(opened.error().message));
    QVERIFY(opened.error().message.contains(QLatin1String("another application")));
    QCOMPARE(opened.error().file, path);
    QVERIFY(!database.isOpen());
    QCOMPARE(fileChecksum(path), before);
    QCOMPARE(folderListing(dir.path()), filesBefore);
}

void TestDatabase::refusesNonSqlite_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");

    QByteArray random(8192, '\0');
    QRandomGenerator generator(20240131);
    for (char &byte : random)
        byte = char(generator.bounded(256));
    const QString notSqlite = QStringLiteral("is not a Switchyard workspace (not an SQLite database");
    QTest::newRow("random bytes") << random << notSqlite;
    QTest::newRow("text file") << QByteArray("name: my bot\nprompt: hello\n") << notSqlite;
    QTest::newRow("truncated header") << QByteArray("SQLite format 3\0\x10\0\x01\x01", 20) << notSqlite;

    // A real workspace whose first page (the schema) is overwritten with garbage after the 100-byte header.
    QByteArray damaged;
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("real.db"));
        QVERIFY(runRaw(path, migrationOneStatements()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        damaged = file.readAll();
        QVERIFY(damaged.size() >= 4096);
        for (int i = 100; i < 4096; ++i)
            damaged[i] = '\xAB';
    }
    QTest::newRow("damaged database") << damaged << QStringLiteral("cannot be read");
}

void TestDatabase::refusesNonSqlite()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("workspace.db"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), qint64(content.size()));
    }
    const QByteArray before = fileChecksum(path);
    const QStringList filesBefore = folderListing(dir.path());

    Database database;
    const auto opened = database.open(path);
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().message.contains(expected), qPrintable(opened.error().message));
    QCOMPARE(opened.error().file, path);
    QVERIFY(!database.isOpen());
    QCOMPARE(fileChecksum(path), before);
    QCOMPARE(QFileInfo(path).size(), qint64(content.size()));
    QCOMPARE(folderListing(dir.path()), filesBefore);
}

void TestDatabase::emptyFilesBecomeWorkspaces()
{
    QTemporaryDir dir;
    // A zero-length file (e.g. from `touch`).
    const QString empty = dir.filePath(QStringLiteral("empty.db"));
    {
        QFile file(empty);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    Database first;
    QVERIFY(first.open(empty).ok());
    QCOMPARE(first.schemaVersion(), Database::latestSchemaVersion());
    first.close();

    // An SQLite file without a single table and without an application id: nothing to lose.
    const QString blank = dir.filePath(QStringLiteral("blank.db"));
    QVERIFY(runRaw(blank, {QStringLiteral("PRAGMA user_version = 1")}));
    QVERIFY(QFileInfo(blank).size() > 0);
    Database second;
    const auto opened = second.open(blank);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    QCOMPARE(second.schemaVersion(), Database::latestSchemaVersion());
}

void TestDatabase::refusesFolder()
{
    QTemporaryDir dir;
    Database database;
    const auto opened = database.open(dir.path());
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, Error::Code::Io);
    QVERIFY(opened.error().message.contains(QLatin1String("folder")));
    const auto empty = database.open(QString());
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().code, Error::Code::InvalidInput);
}

void TestDatabase::resolvePathPrecedence()
{
    const QByteArray saved = qgetenv("SWITCHYARD_DB");
    const bool hadValue = qEnvironmentVariableIsSet("SWITCHYARD_DB");
    const auto restore = qScopeGuard([&] {
        if (hadValue)
            qputenv("SWITCHYARD_DB", saved);
        else
            qunsetenv("SWITCHYARD_DB");
    });

    const QString expectedDefault =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/switchyard.db");
    QCOMPARE(Database::defaultPath(), expectedDefault);

    qunsetenv("SWITCHYARD_DB");
    QCOMPARE(Database::resolvePath(QString()), expectedDefault);
    QCOMPARE(Database::resolvePath(QStringLiteral("/cli/ws.db")), QStringLiteral("/cli/ws.db"));

    qputenv("SWITCHYARD_DB", "");
    QCOMPARE(Database::resolvePath(QString()), expectedDefault);

    qputenv("SWITCHYARD_DB", "/env/ws.db");
    QCOMPARE(Database::resolvePath(QString()), QStringLiteral("/env/ws.db"));
    QCOMPARE(Database::resolvePath(QStringLiteral("/cli/ws.db")), QStringLiteral("/cli/ws.db"));
}

void TestDatabase::oneConnectionPerThread()
{
    QTemporaryDir dir;
    Database database;
    QVERIFY(database.open(dir.filePath(QStringLiteral("ws.db"))).ok());
    const QString mainName = database.connection().connectionName();
    QCOMPARE(database.connection().connectionName(), mainName);  // reused, not reopened

    BotRepository bots(database);
    Bot bot;
    bot.name = QStringLiteral("Main Thread Bot");
    QVERIFY(bots.create(bot).ok());

    QString workerName;
    QString seenByWorker;
    bool workerCreated = false;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        workerName = database.connection().connectionName();
        BotRepository workerBots(database);
        const auto found = workerBots.bySlug(QStringLiteral("main-thread-bot"));
        if (found)
            seenByWorker = found->name;
        Bot other;
        other.name = QStringLiteral("Worker Bot");
        workerCreated = workerBots.create(other).ok();
    }));
    worker->start();
    QVERIFY(worker->wait(10000));

    QVERIFY(!workerName.isEmpty());
    QVERIFY(workerName != mainName);
    QVERIFY(workerName.contains(database.path()));
    QCOMPARE(seenByWorker, QStringLiteral("Main Thread Bot"));
    QVERIFY(workerCreated);
    QVERIFY(bots.bySlug(QStringLiteral("worker-bot")).ok());
    QVERIFY(QSqlDatabase::connectionNames().contains(workerName));
}

void TestDatabase::closeRemovesConnections()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ws.db"));
    Database database;
    QVERIFY(database.open(path).ok());
    const QString name = database.connection().connectionName();
    QVERIFY(QSqlDatabase::connectionNames().contains(name));
    database.close();
    QVERIFY(!database.isOpen());
    QVERIFY(database.path().isEmpty());
    QVERIFY(!QSqlDatabase::connectionNames().contains(name));
    QVERIFY(!database.connection().isValid());
    QCOMPARE(database.schemaVersion(), 0);
    const auto refused = database.checkedConnection();
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(QLatin1String("open a workspace")));
    // With the last connection gone, SQLite folded the WAL back into the file.
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
