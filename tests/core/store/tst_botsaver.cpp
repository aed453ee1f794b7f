#include "core/store/BotRepository.h"
#include "core/store/BotSaver.h"
#include "core/store/Database.h"
#include "core/store/LlmConfigRepository.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Switchyard;

namespace {

LlmConfig makeConfig(const QString &name, const QString &model)
{
    LlmConfig config;
    config.name = name;
    config.provider = QStringLiteral("openai");
    config.model = model;
    return config;
}

}  // namespace

class TestBotSaver : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void newBotIsCreatedWithItsConfigs();
    void existingBotIsUpdatedAndConfigsAreMatchedById();
    void unchangedRowsAreNotRewritten();
    void failingConfigRollsBackTheWholeSave();
    void removingTheActiveConfigFailsAndChangesNothing();
    void configRemovedMeanwhileIsCreatedAgain();
    void editableFieldComparisonIgnoresIdentity();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
};

void TestBotSaver::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(m_dir->filePath(QStringLiteral("workspace.db"))).ok());
}

void TestBotSaver::cleanup()
{
    m_database.reset();
    m_dir.reset();
}

void TestBotSaver::newBotIsCreatedWithItsConfigs()
{
    Bot bot;
    bot.name = QStringLiteral("Night Owl");
    const auto saved = BotSaver(*m_database)
                           .save(bot, {makeConfig(QStringLiteral("A"), QStringLiteral("gpt-4o")),
                                       makeConfig(QStringLiteral("B"), QStringLiteral("gpt-4o-mini"))});
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().toString()));
    QVERIFY(saved->bot.id > 0);
    QCOMPARE(saved->bot.slug, QStringLiteral("night-owl"));
    QCOMPARE(saved->configs.size(), 2);
    const auto stored = LlmConfigRepository(*m_database).listForBot(saved->bot.id);
    QCOMPARE(stored->size(), 2);
    QCOMPARE(stored->at(0).id, saved->configs.at(0).id);
    QCOMPARE(stored->at(1).model, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(stored->at(1).botId, saved->bot.id);
    QVERIFY(!stored->at(0).active);
}

void TestBotSaver::existingBotIsUpdatedAndConfigsAreMatchedById()
{
    Bot bot;
    bot.name = QStringLiteral("Keeper");
    auto first = BotSaver(*m_database)
                     .save(bot, {makeConfig(QStringLiteral("Keep"), QStringLiteral("gpt-4o")),
                                 makeConfig(QStringLiteral("Drop"), QStringLiteral("gpt-4o"))});
    QVERIFY(first.ok());

    Bot edited = first->bot;
    edited.description = QStringLiteral("keeps things");
    LlmConfig kept = first->configs.at(0);
    kept.temperature = 0.4;
    const auto second =
        BotSaver(*m_database).save(edited, {kept, makeConfig(QStringLiteral("New"), QStringLiteral("gpt-4o-mini"))});
    QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.error().toString()));
    QCOMPARE(second->configs.at(0).id, kept.id);
    QVERIFY(second->configs.at(1).id != first->configs.at(1).id);

    QCOMPARE(BotRepository(*m_database).byId(edited.id)->description, QStringLiteral("keeps things"));
    const auto stored = LlmConfigRepository(*m_database).listForBot(edited.id);
    QCOMPARE(stored->size(), 2);
    QCOMPARE(stored->at(0).temperature, std::optional<double>(0.4));
    QCOMPARE(stored->at(1).name, QStringLiteral("New"));
    QVERIFY(!LlmConfigRepository(*m_database).byId(first->configs.at(1).id).ok());
}

void TestBotSaver::unchangedRowsAreNotRewritten()
{
    Bot bot;
    bot.name = QStringLiteral("Still");
    auto first = BotSaver(*m_database).save(bot, {makeConfig(QStringLiteral("Same"), QStringLiteral("gpt-4o"))});
    QVERIFY(first.ok());
    QTest::qWait(1100);  // timestamps have second resolution at least
    const auto second = BotSaver(*m_database).save(first->bot, first->configs);
    QVERIFY(second.ok());
    QCOMPARE(second->bot.updated, first->bot.updated);
    QCOMPARE(second->configs.at(0).updated, first->configs.at(0).updated);
}

void TestBotSaver::failingConfigRollsBackTheWholeSave()
{
    Bot bot;
    bot.name = QStringLiteral("Doomed");
    LlmConfig broken = makeConfig(QStringLiteral("Broken"), QString());
    const auto saved =
        BotSaver(*m_database).save(bot, {makeConfig(QStringLiteral("Fine"), QStringLiteral("gpt-4o")), broken});
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().code, Error::Code::InvalidInput);
    QVERIFY2(saved.error().message.startsWith(QStringLiteral("config 'Broken': ")), qPrintable(saved.error().message));
    QVERIFY(BotRepository(*m_database).list(true)->isEmpty());
}

void TestBotSaver::removingTheActiveConfigFailsAndChangesNothing()
{
    Bot bot;
    bot.name = QStringLiteral("Live One");
    auto first = BotSaver(*m_database).save(bot, {makeConfig(QStringLiteral("Active"), QStringLiteral("gpt-4o"))});
    QVERIFY(first.ok());
    QVERIFY(LlmConfigRepository(*m_database).activate(first->configs.at(0).id).ok());

    Bot renamed = first->bot;
    renamed.name = QStringLiteral("Renamed");
    const auto saved = BotSaver(*m_database).save(renamed, {});
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().code, Error::Code::Conflict);
    QVERIFY(saved.error().message.contains(QStringLiteral("'Active'")));
    // The rename ran before the failing removal; it is rolled back with it.
    QCOMPARE(BotRepository(*m_database).byId(renamed.id)->name, QStringLiteral("Live One"));
    QCOMPARE(LlmConfigRepository(*m_database).listForBot(renamed.id)->size(), 1);
}

void TestBotSaver::configRemovedMeanwhileIsCreatedAgain()
{
    Bot bot;
    bot.name = QStringLiteral("Phoenix");
    auto first = BotSaver(*m_database).save(bot, {makeConfig(QStringLiteral("Gone"), QStringLiteral("gpt-4o"))});
    QVERIFY(first.ok());
    QVERIFY(LlmConfigRepository(*m_database).remove(first->configs.at(0).id).ok());
    const auto again = BotSaver(*m_database).save(first->bot, first->configs);
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().toString()));
    QVERIFY(again->configs.at(0).id != first->configs.at(0).id);
    QCOMPARE(LlmConfigRepository(*m_database).listForBot(first->bot.id)->size(), 1);
}

void TestBotSaver::editableFieldComparisonIgnoresIdentity()
{
    LlmConfig a = makeConfig(QStringLiteral("A"), QStringLiteral("gpt-4o"));
    LlmConfig b = a;
    b.id = 9;
    b.active = true;
    b.created = QDateTime::currentDateTimeUtc();
    QVERIFY(BotSaver::sameEditableFields(a, b));
    b.topK = 5;
    QVERIFY(!BotSaver::sameEditableFields(a, b));

    Bot x;
    x.name = QStringLiteral("X");
    Bot y = x;
    y.id = 4;
    y.uuid = QStringLiteral("u");
    QVERIFY(BotSaver::sameEditableFields(x, y));
    y.metadata.insert(QStringLiteral("k"), 1);
    QVERIFY(!BotSaver::sameEditableFields(x, y));
}

QTEST_GUILESS_MAIN(TestBotSaver)
#include "tst_botsaver.moc"
