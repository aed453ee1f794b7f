#include "core/store/BotRepository.h"
#include "core/store/Database.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/SessionRepository.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <memory>

using namespace Switchyard;

class TestSessionRepository : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createLocksPrice();
    void createWithoutPriceIsUnlocked();
    void createValidates();
    void appendNumbersMessages();
    void appendValidates();
    void databaseKeepsLockedPrice();
    void concurrentAppendsGetDistinctPositions();
    void searchMatchesTitleUserAndMessagesNewestFirst();
    void searchTakesWildcardsLiterally();
    void renameAndRemove();
    void listReturnsEverySessionOldestFirst();

private:
    ChatSession makeSession(std::optional<qint64> price) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<SessionRepository> m_sessions;
    qint64 m_botId = 0;
    qint64 m_configId = 0;
};

void TestSessionRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(m_dir->filePath(QStringLiteral("ws.db"))).ok());
    BotRepository bots(*m_database);
    Bot bot;
    bot.name = QStringLiteral("Astro Guide");
    const auto created = bots.create(bot);
    QVERIFY(created.ok());
    m_botId = created->id;
    LlmConfig config;
    config.botId = m_botId;
    config.provider = QStringLiteral("openai");
    config.model = QStringLiteral("gpt-4o-mini");
    const auto stored = LlmConfigRepository(*m_database).create(config);
    QVERIFY(stored.ok());
    m_configId = stored->id;
    m_sessions = std::make_unique<SessionRepository>(*m_database);
}

void TestSessionRepository::cleanup()
{
    m_sessions.reset();
    m_database.reset();
    m_dir.reset();
}

ChatSession TestSessionRepository::makeSession(std::optional<qint64> price) const
{
    ChatSession session;
    session.botId = m_botId;
    session.configId = m_configId;
    session.userRef = QStringLiteral("alice");
    session.title = QStringLiteral("Horoscope");
    session.pricePerMessageMicroUsd = price;
    session.metadata = QJsonObject{{QStringLiteral("channel"), QStringLiteral("web")}};
    return session;
}

void TestSessionRepository::listReturnsEverySessionOldestFirst()
{
    const auto empty = m_sessions->list();
    QVERIFY(empty.ok());
    QVERIFY(empty->isEmpty());
    const auto first = m_sessions->create(makeSession(std::nullopt));
    ChatSession other = makeSession(50000);
    other.userRef = QStringLiteral("bob");
    const auto second = m_sessions->create(other);
    QVERIFY(first.ok() && second.ok());
    const auto all = m_sessions->list();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).id, first->id);
    QCOMPARE(all->at(1).id, second->id);
    QCOMPARE(all->at(1).userRef, QStringLiteral("bob"));
    QCOMPARE(all->at(1).pricePerMessageMicroUsd, std::optional<qint64>(50000));
}

void TestSessionRepository::createLocksPrice()
{
    const auto created = m_sessions->create(makeSession(50000));
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    QVERIFY(created->id > 0);
    QVERIFY(!created->uuid.isEmpty());
    QCOMPARE(created->pricePerMessageMicroUsd, std::optional<qint64>(50000));
    QVERIFY(created->priceLockedAt.isValid());
    QCOMPARE(created->priceLockedAt, created->created);

    const auto loaded = m_sessions->byUuid(created->uuid);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->id, created->id);
    QCOMPARE(loaded->botId, std::optional<qint64>(m_botId));
    QCOMPARE(loaded->configId, std::optional<qint64>(m_configId));
    QCOMPARE(loaded->userRef, QStringLiteral("alice"));
    QCOMPARE(loaded->title, QStringLiteral("Horoscope"));
    QCOMPARE(loaded->metadata.value(QStringLiteral("channel")).toString(), QStringLiteral("web"));
    QCOMPARE(loaded->pricePerMessageMicroUsd, std::optional<qint64>(50000));

    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT price_per_message_usd FROM sessions WHERE id = %1").arg(created->id)));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toDouble(), 0.05);
}

void TestSessionRepository::createWithoutPriceIsUnlocked()
{
    const auto created = m_sessions->create(makeSession(std::nullopt));
    QVERIFY(created.ok());
    QVERIFY(!created->pricePerMessageMicroUsd.has_value());
    QVERIFY(!created->priceLockedAt.isValid());
}

void TestSessionRepository::createValidates()
{
    ChatSession noBot = makeSession(1);
    noBot.botId = 4242;
    const auto missing = m_sessions->create(noBot);
    QCOMPARE(missing.error().code, Error::Code::NotFound);
    QVERIFY(missing.error().message.contains(QLatin1String("4242")));

    ChatSession noConfig = makeSession(1);
    noConfig.configId = 777;
    QCOMPARE(m_sessions->create(noConfig).error().code, Error::Code::NotFound);
    QCOMPARE(m_sessions->create(makeSession(-1)).error().code, Error::Code::InvalidInput);
    QCOMPARE(m_sessions->byId(1).error().code, Error::Code::NotFound);
    QCOMPARE(m_sessions->byUuid(QStringLiteral("nope")).error().code, Error::Code::NotFound);
}

void TestSessionRepository::appendNumbersMessages()
{
    const auto session = m_sessions->create(makeSession(50000));
    const auto other = m_sessions->create(makeSession(50000));
    QVERIFY(session.ok() && other.ok());
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO calls (uuid, status, created_at) VALUES ('c', 'ok', 'x')")));
    const qint64 callId = query.lastInsertId().toLongLong();

    const auto first = m_sessions->appendMessage(session->id, QStringLiteral("user"), QStringLiteral("Hi"));
    QVERIFY(first.ok());
    QCOMPARE(first->position, 1);
    // Positions are per session.
    QCOMPARE(m_sessions->appendMessage(other->id, QStringLiteral("user"), QStringLiteral("Yo"))->position, 1);
    const auto second =
        m_sessions->appendMessage(session->id, QStringLiteral("assistant"), QStringLiteral("Hello"), callId, 50000);
    QVERIFY(second.ok());
    QCOMPARE(second->position, 2);

    const auto list = m_sessions->messages(session->id);
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).role, QStringLiteral("user"));
    QCOMPARE(list->at(0).content, QStringLiteral("Hi"));
    QVERIFY(!list->at(0).callId.has_value());
    QVERIFY(!list->at(0).priceMicroUsd.has_value());
    QCOMPARE(list->at(1).role, QStringLiteral("assistant"));
    QCOMPARE(list->at(1).content, QStringLiteral("Hello"));
    QCOMPARE(list->at(1).callId, std::optional<qint64>(callId));
    QCOMPARE(list->at(1).priceMicroUsd, std::optional<qint64>(50000));
    QCOMPARE(list->at(1).id, second->id);
    QVERIFY(m_sessions->byId(session->id)->updated >= session->updated);
}

void TestSessionRepository::appendValidates()
{
    const auto session = m_sessions->create(makeSession(1));
    QVERIFY(session.ok());
    QCOMPARE(m_sessions->appendMessage(session->id, QStringLiteral("robot"), QStringLiteral("x")).error().code,
             Error::Code::InvalidInput);
    QCOMPARE(m_sessions->appendMessage(999, QStringLiteral("user"), QStringLiteral("x")).error().code,
             Error::Code::NotFound);
    QVERIFY(m_sessions->messages(session->id)->isEmpty());
}

void TestSessionRepository::databaseKeepsLockedPrice()
{
    const auto locked = m_sessions->create(makeSession(50000));
    const auto open = m_sessions->create(makeSession(std::nullopt));
    QVERIFY(locked.ok() && open.ok());
    QSqlQuery query(m_database->connection());
    QVERIFY(
        !query.exec(QStringLiteral("UPDATE sessions SET price_per_message_usd = 0.01 WHERE id = %1").arg(locked->id)));
    QVERIFY2(query.lastError().text().contains(QLatin1String("locked")), qPrintable(query.lastError().text()));
    QVERIFY(!query.exec(QStringLiteral("UPDATE sessions SET price_locked_at = NULL WHERE id = %1").arg(locked->id)));
    // Other columns stay editable, and a session without a price can still get one.
    QVERIFY(query.exec(QStringLiteral("UPDATE sessions SET title = 'renamed' WHERE id = %1").arg(locked->id)));
    QVERIFY(query.exec(QStringLiteral("UPDATE sessions SET price_per_message_usd = 0.02, price_locked_at = 'now' "
                                      "WHERE id = %1")
                           .arg(open->id)));
    QCOMPARE(m_sessions->byId(locked->id)->pricePerMessageMicroUsd, std::optional<qint64>(50000));
}

void TestSessionRepository::concurrentAppendsGetDistinctPositions()
{
    const auto session = m_sessions->create(makeSession(1));
    QVERIFY(session.ok());
    const qint64 id = session->id;
    Database &database = *m_database;
    std::atomic<int> failures{0};
    const auto appender = [&](const QString &role) {
        SessionRepository sessions(database);
        for (int i = 0; i < 40; ++i) {
            if (!sessions.appendMessage(id, role, QString::number(i)).ok())
                ++failures;
        }
    };
    std::unique_ptr<QThread> one(QThread::create(appender, QStringLiteral("user")));
    std::unique_ptr<QThread> two(QThread::create(appender, QStringLiteral("assistant")));
    one->start();
    two->start();
    QVERIFY(one->wait(60000));
    QVERIFY(two->wait(60000));
    QCOMPARE(failures.load(), 0);

    const auto list = m_sessions->messages(id);
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 80);
    for (int i = 0; i < list->size(); ++i)
        QCOMPARE(list->at(i).position, i + 1);
}

void TestSessionRepository::searchMatchesTitleUserAndMessagesNewestFirst()
{
    ChatSession first = makeSession(std::nullopt);
    first.title = QStringLiteral("Mars weather");
    first.userRef = QStringLiteral("bob");
    const auto mars = m_sessions->create(first);
    ChatSession second = makeSession(std::nullopt);
    second.title = QStringLiteral("Moon phases");
    second.userRef = QStringLiteral("carol");
    const auto moon = m_sessions->create(second);
    QVERIFY(mars.ok() && moon.ok());
    QVERIFY(m_sessions->appendMessage(mars->id, QStringLiteral("user"), QStringLiteral("Will it rain on Mars?")).ok());
    QTest::qWait(5);  // updated_at has millisecond precision: the second touch is strictly later
    QVERIFY(
        m_sessions->appendMessage(moon->id, QStringLiteral("assistant"), QStringLiteral("No rain on the Moon.")).ok());

    const auto ids = [](const QList<ChatSession> &sessions) {
        QList<qint64> list;
        for (const ChatSession &session : sessions)
            list << session.id;
        return list;
    };
    QCOMPARE(ids(*m_sessions->search(QStringLiteral("rain"))), (QList<qint64>{moon->id, mars->id}));
    QCOMPARE(ids(*m_sessions->search(QStringLiteral("MARS"))), QList<qint64>{mars->id});   // title, any case
    QCOMPARE(ids(*m_sessions->search(QStringLiteral("carol"))), QList<qint64>{moon->id});  // user
    QCOMPARE(ids(*m_sessions->search(QStringLiteral("Jupiter"))), QList<qint64>{});
    QCOMPARE(ids(*m_sessions->search(QString())), (QList<qint64>{moon->id, mars->id}));
    QCOMPARE(ids(*m_sessions->search(QString(), 1)), QList<qint64>{moon->id});
}

void TestSessionRepository::searchTakesWildcardsLiterally()
{
    ChatSession plain = makeSession(std::nullopt);
    plain.title = QStringLiteral("Discount ratio");
    ChatSession percent = makeSession(std::nullopt);
    percent.title = QStringLiteral("100% sure_thing \\ backslash");
    const auto a = m_sessions->create(plain);
    const auto b = m_sessions->create(percent);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(m_sessions->search(QStringLiteral("%"))->size(), 1);
    QCOMPARE(m_sessions->search(QStringLiteral("%"))->first().id, b->id);
    QCOMPARE(m_sessions->search(QStringLiteral("_"))->size(), 1);
    QCOMPARE(m_sessions->search(QStringLiteral("\\"))->size(), 1);
    QCOMPARE(m_sessions->search(QStringLiteral("o_r"))->size(), 0);  // '_' is not "any character"
    QCOMPARE(m_sessions->search(QStringLiteral("'; DROP TABLE sessions; --"))->size(), 0);
    QCOMPARE(m_sessions->search(QString())->size(), 2);
}

void TestSessionRepository::renameAndRemove()
{
    const auto created = m_sessions->create(makeSession(std::nullopt));
    QVERIFY(created.ok());
    QVERIFY(m_sessions->appendMessage(created->id, QStringLiteral("user"), QStringLiteral("Hi")).ok());
    QVERIFY(m_sessions->rename(created->id, QStringLiteral("Renamed")).ok());
    QCOMPARE(m_sessions->byId(created->id)->title, QStringLiteral("Renamed"));
    QCOMPARE(m_sessions->rename(created->id + 100, QStringLiteral("x")).error().code, Error::Code::NotFound);

    QVERIFY(m_sessions->remove(created->id).ok());
    QCOMPARE(m_sessions->byId(created->id).error().code, Error::Code::NotFound);
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM messages WHERE session_id = %1").arg(created->id)));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);  // the messages went with it
    QCOMPARE(m_sessions->remove(created->id).error().code, Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(TestSessionRepository)
#include "tst_sessionrepository.moc"
