// The workspace generation moves with every configuration change, from this connection or another one, and stays
// put while only activity (calls) is written — the contract ChatService's caches rely on.
#include "core/store/BotRepository.h"
#include "core/store/Database.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/PromptRepository.h"
#include "core/store/ProviderRepository.h"
#include "core/store/WorkspaceGeneration.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchyard;

class TestWorkspaceGeneration : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_database.open(m_dir->filePath(QStringLiteral("ws.db"))).ok());
    }
    void cleanup() { m_database.close(); }

    void everyConfigurationWriteMovesIt();
    void activityDoesNotMoveIt();
    void seesCommitsOfAnotherConnection();

private:
    qint64 generation(WorkspaceGeneration &reader)
    {
        auto value = reader.current();
        if (!value)
            qFatal("%s", qPrintable(value.error().toString()));
        return *value;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    Database m_database;
};

void TestWorkspaceGeneration::everyConfigurationWriteMovesIt()
{
    WorkspaceGeneration reader(m_database);
    qint64 last = generation(reader);

    const auto advanced = [&](const char *what) {
        const qint64 now = generation(reader);
        const bool moved = now > last;
        last = now;
        if (!moved)
            qWarning("generation did not move after: %s", what);
        return moved;
    };

    Bot bot;
    bot.name = QStringLiteral("Oracle");
    auto created = BotRepository(m_database).create(bot);
    QVERIFY(created.ok());
    QVERIFY(advanced("create bot"));

    LlmConfig config;
    config.botId = created->id;
    config.name = QStringLiteral("main");
    config.provider = QStringLiteral("openai");
    config.model = QStringLiteral("gpt-4o-mini");
    auto stored = LlmConfigRepository(m_database).create(config);
    QVERIFY(stored.ok());
    QVERIFY(advanced("create config"));
    QVERIFY(LlmConfigRepository(m_database).activate(stored->id).ok());
    QVERIFY(advanced("activate config"));

    QVERIFY(PromptRepository(m_database)
                .addVersion(QStringLiteral("greet"), QStringLiteral("system: Hi\n"), QStringLiteral("ana"), {})
                .ok());
    QVERIFY(advanced("add prompt version"));
    QVERIFY(PromptRepository(m_database)
                .moveLabel(QStringLiteral("greet"), QStringLiteral("production"), 1, QStringLiteral("ana"))
                .ok());
    QVERIFY(advanced("move label"));

    ProvidersConfig providers;
    ProviderSpec openai;
    openai.id = QStringLiteral("openai");
    openai.kind = QStringLiteral("openai");
    providers.providers = {openai};
    QVERIFY(ProviderRepository(m_database).replaceAll(providers).ok());
    QVERIFY(advanced("replace providers"));

    // Reading twice without a change gives the same value.
    QCOMPARE(generation(reader), last);
}

void TestWorkspaceGeneration::activityDoesNotMoveIt()
{
    WorkspaceGeneration reader(m_database);
    const qint64 before = generation(reader);
    QSqlQuery query(m_database.connection());
    QVERIFY(
        query.exec(QStringLiteral("INSERT INTO calls (uuid, requested_provider, requested_model, status, created_at) "
                                  "VALUES ('c-1', 'openai', 'gpt-4o', 'ok', '2026-01-01T00:00:00.000Z')")));
    QCOMPARE(generation(reader), before);
}

void TestWorkspaceGeneration::seesCommitsOfAnotherConnection()
{
    WorkspaceGeneration reader(m_database);
    const qint64 before = generation(reader);

    // A second Database on the same file is another connection, as another process (the CLI) would be.
    Database other;
    QVERIFY(other.open(m_database.path()).ok());
    Bot bot;
    bot.name = QStringLiteral("Elsewhere");
    QVERIFY(BotRepository(other).create(bot).ok());
    other.close();

    QVERIFY(generation(reader) > before);
}

QTEST_GUILESS_MAIN(TestWorkspaceGeneration)
#include "tst_workspacegeneration.moc"
