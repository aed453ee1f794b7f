#include "core/store/BotRepository.h"
#include "core/store/Database.h"
#include "core/store/LlmConfigRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <memory>

using namespace Switchyard;

namespace {

LlmConfig makeConfig(qint64 botId, const QString &name, const QString &model)
{
    LlmConfig config;
    config.botId = botId;
    config.name = name;
    config.provider = QStringLiteral("openai");
    config.model = model;
    return config;
}

}  // namespace

class TestLlmConfigRepository : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createStoresEveryField();
    void createValidates();
    void activateSwitchesAndReturnsPrevious();
    void activateUnknownIdChangesNothing();
    void partialUniqueIndexBlocksSecondActive();
    void activeIsPerBot();
    void createActiveReplacesActive();
    void deactivateLeavesNone();
    void updateDoesNotTouchActiveFlag();
    void removeRefusesActiveConfig();
    void concurrentSwitchesNeverShowTwoActive();

private:
    int activeCount(qint64 botId);
    QString updatedAt(qint64 configId);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<LlmConfigRepository> m_configs;
    qint64 m_botId = 0;
    QList<qint64> m_configIds;
};

void TestLlmConfigRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(m_dir->filePath(QStringLiteral("ws.db"))).ok());
    BotRepository bots(*m_database);
    Bot bot;
    bot.name = QStringLiteral("Astro");
    const auto created = bots.create(bot);
    QVERIFY(created.ok());
    m_botId = created->id;
    m_configs = std::make_unique<LlmConfigRepository>(*m_database);
    m_configIds.clear();
    for (const QString &model : {QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini"), QStringLiteral("o3")}) {
        const auto config = m_configs->create(makeConfig(m_botId, model.toUpper(), model));
        QVERIFY(config.ok());
        QVERIFY(!config->active);
        m_configIds.append(config->id);
    }
}

void TestLlmConfigRepository::cleanup()
{
    m_configs.reset();
    m_database.reset();
    m_dir.reset();
}

int TestLlmConfigRepository::activeCount(qint64 botId)
{
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM llm_configs WHERE bot_id = ? AND is_active = 1"));
    query.addBindValue(botId);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toInt();
}

QString TestLlmConfigRepository::updatedAt(qint64 configId)
{
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("SELECT updated_at FROM llm_configs WHERE id = ?"));
    query.addBindValue(configId);
    if (!query.exec() || !query.next())
        return QString();
    return query.value(0).toString();
}

void TestLlmConfigRepository::createStoresEveryField()
{
    LlmConfig config = makeConfig(m_botId, QStringLiteral("Gemini Pro (prod)"), QStringLiteral("gemini-2.5-pro"));
    config.provider = QStringLiteral("gemini");
    config.temperature = 0.7;
    config.topP = 0.95;
    config.topK = 40;
    config.maxOutputTokens = 2048;
    config.promptKey = QStringLiteral("astrology.daily");
    config.promptVersion = 3;
    config.chain = QStringLiteral("premium");
    config.region = QStringLiteral("eu-west-1");
    config.metadata = QJsonObject{{QStringLiteral("experiment"), QStringLiteral("b")}};
    const auto created = m_configs->create(config);
    QVERIFY(created.ok());
    const auto loaded = m_configs->byId(created->id);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->botId, m_botId);
    QCOMPARE(loaded->name, config.name);
    QCOMPARE(loaded->provider, QStringLiteral("gemini"));
    QCOMPARE(loaded->model, QStringLiteral("gemini-2.5-pro"));
    QCOMPARE(loaded->temperature, std::optional<double>(0.7));
    QCOMPARE(loaded->topP, std::optional<double>(0.95));
    QCOMPARE(loaded->topK, std::optional<int>(40));
    QCOMPARE(loaded->maxOutputTokens, std::optional<int>(2048));
    QCOMPARE(loaded->promptKey, config.promptKey);
    QCOMPARE(loaded->promptVersion, std::optional<int>(3));
    QVERIFY(loaded->promptLabel.isEmpty());
    QCOMPARE(loaded->chain, config.chain);
    QCOMPARE(loaded->region, config.region);
    QCOMPARE(loaded->metadata, config.metadata);
    QVERIFY(loaded->created.isValid());

    // Unset optionals come back unset, not as zero.
    const auto plain = m_configs->byId(m_configIds.at(0));
    QVERIFY(plain.ok());
    QVERIFY(!plain->temperature.has_value());
    QVERIFY(!plain->topK.has_value());
    QVERIFY(!plain->promptVersion.has_value());
}

void TestLlmConfigRepository::createValidates()
{
    const auto noBot = m_configs->create(makeConfig(777, QStringLiteral("x"), QStringLiteral("gpt-4o")));
    QVERIFY(!noBot.ok());
    QCOMPARE(noBot.error().code, Error::Code::NotFound);
    QVERIFY(noBot.error().message.contains(QLatin1String("777")));

    const auto noModel = m_configs->create(makeConfig(m_botId, QStringLiteral("x"), QString()));
    QVERIFY(!noModel.ok());
    QCOMPARE(noModel.error().code, Error::Code::InvalidInput);

    LlmConfig badVersion = makeConfig(m_botId, QStringLiteral("x"), QStringLiteral("gpt-4o"));
    badVersion.promptVersion = 0;
    QCOMPARE(m_configs->create(badVersion).error().code, Error::Code::InvalidInput);
    QCOMPARE(m_configs->listForBot(m_botId)->size(), 3);
}

void TestLlmConfigRepository::activateSwitchesAndReturnsPrevious()
{
    const qint64 a = m_configIds.at(0);
    const qint64 b = m_configIds.at(1);
    QVERIFY(!m_configs->activeForBot(m_botId)->has_value());

    const auto first = m_configs->activate(a);
    QVERIFY(first.ok());
    QVERIFY(!first->has_value());  // nothing was active
    QCOMPARE(m_configs->activeForBot(m_botId)->value().id, a);

    const auto second = m_configs->activate(b);
    QVERIFY(second.ok());
    QCOMPARE(*second, std::optional<qint64>(a));
    QCOMPARE(m_configs->activeForBot(m_botId)->value().id, b);
    QVERIFY(!m_configs->byId(a)->active);
    QVERIFY(m_configs->byId(b)->active);
    QCOMPARE(activeCount(m_botId), 1);

    // Activating the active config again reports itself as the previous one and changes nothing.
    const auto again = m_configs->activate(b);
    QVERIFY(again.ok());
    QCOMPARE(*again, std::optional<qint64>(b));
    QCOMPARE(activeCount(m_botId), 1);

    // Undo: activate what was returned.
    QVERIFY(m_configs->activate(a).ok());
    QCOMPARE(m_configs->activeForBot(m_botId)->value().id, a);
}

void TestLlmConfigRepository::activateUnknownIdChangesNothing()
{
    const qint64 a = m_configIds.at(0);
    QVERIFY(m_configs->activate(a).ok());
    const QString stamp = updatedAt(a);
    QTest::qWait(5);

    const auto missing = m_configs->activate(987654);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, Error::Code::NotFound);
    QVERIFY(missing.error().message.contains(QLatin1String("987654")));
    QCOMPARE(m_configs->activeForBot(m_botId)->value().id, a);
    QCOMPARE(updatedAt(a), stamp);
    QCOMPARE(activeCount(m_botId), 1);
}

void TestLlmConfigRepository::partialUniqueIndexBlocksSecondActive()
{
    const qint64 a = m_configIds.at(0);
    const qint64 b = m_configIds.at(1);
    QVERIFY(m_configs->activate(a).ok());

    QSqlQuery query(m_database->connection());
    QVERIFY(!query.exec(QStringLiteral("UPDATE llm_configs SET is_active = 1 WHERE id = %1").arg(b)));
    QVERIFY2(query.lastError().text().contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive),
             qPrintable(query.lastError().text()));
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO llm_configs (bot_id, provider, model, is_active, created_at, "
                                       "updated_at) VALUES (%1, 'openai', 'gpt-4.1', 1, 'x', 'x')")
                            .arg(m_botId)));
    QVERIFY(!query.exec(QStringLiteral("UPDATE llm_configs SET is_active = 1 WHERE bot_id = %1").arg(m_botId)));
    QCOMPARE(activeCount(m_botId), 1);
    QCOMPARE(m_configs->activeForBot(m_botId)->value().id, a);

    // Inactive rows are not limited.
    QVERIFY(query.exec(QStringLiteral("INSERT INTO llm_configs (bot_id, provider, model, is_active, created_at, "
                                      "updated_at) VALUES (%1, 'openai', 'gpt-4.1', 0, 'x', 'x')")
                           .arg(m_botId)));
}

void TestLlmConfigRepository::activeIsPerBot()
{
    BotRepository bots(*m_database);
    Bot other;
    other.name = QStringLiteral("Other");
    const auto bot = bots.create(other);
    QVERIFY(bot.ok());
    const auto config = m_configs->create(makeConfig(bot->id, QStringLiteral("o"), QStringLiteral("gpt-4o")));
    QVERIFY(config.ok());

    QVERIFY(m_configs->activate(m_configIds.at(2)).ok());
    const auto previous = m_configs->activate(config->id);
    QVERIFY(previous.ok());
    QVERIFY(!previous->has_value());  // the other bot had none; this bot's active config is not "previous"
    QCOMPARE(m_configs->activeForBot(m_botId)->value().id, m_configIds.at(2));
    QCOMPARE(m_configs->activeForBot(bot->id)->value().id, config->id);
}

void TestLlmConfigRepository::createActiveReplacesActive()
{
    QVERIFY(m_configs->activate(m_configIds.at(0)).ok());
    LlmConfig config = makeConfig(m_botId, QStringLiteral("new"), QStringLiteral("gpt-5"));
    config.active = true;
    const auto created = m_configs->create(config);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    QVERIFY(created->active);
    QCOMPARE(m_configs->activeForBot(m_botId)->value().id, created->id);
    QVERIFY(!m_configs->byId(m_configIds.at(0))->active);
    QCOMPARE(activeCount(m_botId), 1);
}

void TestLlmConfigRepository::deactivateLeavesNone()
{
    const auto none = m_configs->deactivate(m_botId);
    QVERIFY(none.ok());
    QVERIFY(!none->has_value());

    QVERIFY(m_configs->activate(m_configIds.at(1)).ok());
    const auto previous = m_configs->deactivate(m_botId);
    QVERIFY(previous.ok());
    QCOMPARE(*previous, std::optional<qint64>(m_configIds.at(1)));
    QVERIFY(!m_configs->activeForBot(m_botId)->has_value());
    QCOMPARE(activeCount(m_botId), 0);
}

void TestLlmConfigRepository::updateDoesNotTouchActiveFlag()
{
    QVERIFY(m_configs->activate(m_configIds.at(0)).ok());
    LlmConfig edited = *m_configs->byId(m_configIds.at(1));
    edited.model = QStringLiteral("gpt-4.1-mini");
    edited.temperature = 0.2;
    edited.active = true;  // ignored: switching goes through activate()
    const auto updated = m_configs->update(edited);
    QVERIFY(updated.ok());
    QCOMPARE(updated->model, QStringLiteral("gpt-4.1-mini"));
    QCOMPARE(updated->temperature, std::optional<double>(0.2));
    QVERIFY(!updated->active);
    QCOMPARE(m_configs->activeForBot(m_botId)->value().id, m_configIds.at(0));

    edited.id = 5555;
    QCOMPARE(m_configs->update(edited).error().code, Error::Code::NotFound);
}

void TestLlmConfigRepository::removeRefusesActiveConfig()
{
    QVERIFY(m_configs->activate(m_configIds.at(0)).ok());
    const auto refused = m_configs->remove(m_configIds.at(0));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QVERIFY(refused.error().message.contains(QLatin1String("activate another")));
    QVERIFY(m_configs->byId(m_configIds.at(0)).ok());

    QVERIFY(m_configs->remove(m_configIds.at(2)).ok());
    QCOMPARE(m_configs->byId(m_configIds.at(2)).error().code, Error::Code::NotFound);
    QCOMPARE(m_configs->listForBot(m_botId)->size(), 2);
    QCOMPARE(m_configs->remove(m_configIds.at(2)).error().code, Error::Code::NotFound);
}

void TestLlmConfigRepository::concurrentSwitchesNeverShowTwoActive()
{
    // Two writer threads switch back and forth while a reader counts active rows: every snapshot shows exactly one.
    QVERIFY(m_configs->activate(m_configIds.at(0)).ok());
    std::atomic<bool> stop{false};
    std::atomic<int> writeErrors{0};
    std::atomic<int> badSnapshots{0};
    std::atomic<int> snapshots{0};
    Database &database = *m_database;
    const qint64 botId = m_botId;
    const QList<qint64> ids = m_configIds;

    const auto writer = [&](int offset) {
        LlmConfigRepository configs(database);
        for (int i = 0; i < 150; ++i) {
            if (!configs.activate(ids.at((i + offset) % ids.size())).ok())
                ++writeErrors;
        }
    };
    std::unique_ptr<QThread> one(QThread::create(writer, 0));
    std::unique_ptr<QThread> two(QThread::create(writer, 1));
    std::unique_ptr<QThread> reader(QThread::create([&] {
        while (!stop) {
            QSqlQuery query(database.connection());
            if (query.exec(QStringLiteral("SELECT COUNT(*) FROM llm_configs WHERE is_active = 1 AND bot_id = %1")
                               .arg(botId)) &&
                query.next()) {
                ++snapshots;
                if (query.value(0).toInt() != 1)
                    ++badSnapshots;
            }
        }
    }));
    reader->start();
    one->start();
    two->start();
    QVERIFY(one->wait(60000));
    QVERIFY(two->wait(60000));
    stop = true;
    QVERIFY(reader->wait(10000));

    QCOMPARE(writeErrors.load(), 0);
    QVERIFY(snapshots.load() > 0);
    QCOMPARE(badSnapshots.load(), 0);
    QCOMPARE(activeCount(m_botId), 1);
}

QTEST_GUILESS_MAIN(TestLlmConfigRepository)
#include "tst_llmconfigrepository.moc"
