// A session exported from the database: messages joined to their calls and attempts, as Markdown and as JSON.
#include "core/accounting/UsageRecorder.h"
#include "core/store/BotRepository.h"
#include "core/store/CallUsageRepository.h"
#include "core/store/Database.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/SessionExporter.h"
#include "core/store/SessionRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Switchyard;

class TestSessionExporter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void jsonCarriesEveryMessageWithItsCallAndAttempts();
    void markdownShowsTheStory();
    void missingSessionIsNotFound();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    qint64 m_sessionId = 0;
};

void TestSessionExporter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(m_dir->filePath(QStringLiteral("ws.db"))).ok());
    Bot bot;
    bot.name = QStringLiteral("Astro Guide");
    bot.slug = QStringLiteral("astro-guide");
    const auto createdBot = BotRepository(*m_database).create(bot);
    QVERIFY(createdBot.ok());
    LlmConfig config;
    config.botId = createdBot->id;
    config.name = QStringLiteral("fast");
    config.provider = QStringLiteral("openai");
    config.model = QStringLiteral("gpt-4o-mini");
    const auto createdConfig = LlmConfigRepository(*m_database).create(config);
    QVERIFY(createdConfig.ok());

    SessionRepository sessions(*m_database);
    ChatSession session;
    session.botId = createdBot->id;
    session.configId = createdConfig->id;
    session.userRef = QStringLiteral("alice");
    session.title = QStringLiteral("Stars tonight");
    const auto created = sessions.create(session);
    QVERIFY(created.ok());
    m_sessionId = created->id;

    // The answer's call: hop 0 was rate limited (injected), hop 1 answered.
    CallRecord call;
    call.uuid = UsageRecorder::newCallUuid();
    call.sessionId = m_sessionId;
    call.servedProvider = QStringLiteral("anthropic");
    call.servedModel = QStringLiteral("claude-haiku");
    call.servedRegion = QStringLiteral("eu");
    call.status = CallRecord::Status::Ok;
    call.latencyMs = 1234;
    call.ttftMs = 321;
    call.usage.input = 100;
    call.usage.output = 42;
    call.costUsd = 0.00125;
    AttemptRecord failed;
    failed.provider = QStringLiteral("openai");
    failed.model = QStringLiteral("gpt-4o-mini");
    failed.outcome = AttemptRecord::Outcome::Failed;
    failed.httpStatus = 429;
    failed.errorClass = FailureClass::RateLimited;
    failed.errorMessage = QStringLiteral("Injected: rate_limited: HTTP 429");
    failed.latencyMs = 3;
    failed.startedAt = QDateTime::currentDateTimeUtc();
    AttemptRecord served = failed;
    served.hopIndex = 1;
    served.provider = QStringLiteral("anthropic");
    served.model = QStringLiteral("claude-haiku");
    served.region = QStringLiteral("eu");
    served.outcome = AttemptRecord::Outcome::Succeeded;
    served.httpStatus = 200;
    served.errorClass = FailureClass::None;
    served.errorMessage.clear();
    served.latencyMs = 1200;
    call.attempts = {failed, served};
    UsageRecorder recorder(*m_database);
    recorder.record(call);
    QVERIFY(recorder.flush().ok());
    const auto stored = CallUsageRepository(*m_database).byUuid(call.uuid);
    QVERIFY(stored.ok());

    QVERIFY(
        sessions.appendMessage(m_sessionId, QStringLiteral("system"), QStringLiteral("You are ```careful```.")).ok());
    QVERIFY(sessions.appendMessage(m_sessionId, QStringLiteral("user"), QStringLiteral("Which planets are up?")).ok());
    QVERIFY(sessions
                .appendMessage(m_sessionId, QStringLiteral("assistant"), QStringLiteral("Venus and Jupiter."),
                               stored->id, 20000)
                .ok());
}

void TestSessionExporter::cleanup()
{
    m_database.reset();
    m_dir.reset();
}

void TestSessionExporter::jsonCarriesEveryMessageWithItsCallAndAttempts()
{
    const auto transcript = SessionExporter(*m_database).load(m_sessionId);
    QVERIFY(transcript.ok());
    const QJsonObject root = SessionExporter::toJson(*transcript);
    // Through text and back, as a consumer reads the file.
    const QJsonObject json = QJsonDocument::fromJson(QJsonDocument(root).toJson()).object();
    QCOMPARE(json.value(QLatin1String("schema")).toString(), QStringLiteral("switchyard.session/1"));
    QCOMPARE(json.value(QLatin1String("session")).toObject().value(QLatin1String("title")).toString(),
             QStringLiteral("Stars tonight"));
    QCOMPARE(json.value(QLatin1String("bot")).toObject().value(QLatin1String("slug")).toString(),
             QStringLiteral("astro-guide"));
    QCOMPARE(json.value(QLatin1String("config")).toObject().value(QLatin1String("model")).toString(),
             QStringLiteral("gpt-4o-mini"));
    const QJsonArray messages = json.value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(1).toObject().value(QLatin1String("role")).toString(), QStringLiteral("user"));
    QVERIFY(messages.at(1).toObject().value(QLatin1String("call")).isNull());
    const QJsonObject answer = messages.at(2).toObject();
    QCOMPARE(answer.value(QLatin1String("price_usd")).toDouble(), 0.02);
    const QJsonObject call = answer.value(QLatin1String("call")).toObject();
    QCOMPARE(call.value(QLatin1String("provider")).toString(), QStringLiteral("anthropic"));
    QCOMPARE(call.value(QLatin1String("region")).toString(), QStringLiteral("eu"));
    QCOMPARE(call.value(QLatin1String("latency_ms")).toInteger(), 1234);
    QCOMPARE(call.value(QLatin1String("ttft_ms")).toInteger(), 321);
    QCOMPARE(call.value(QLatin1String("tokens")).toObject().value(QLatin1String("output")).toInteger(), 42);
    QCOMPARE(call.value(QLatin1String("cost_usd")).toDouble(), 0.00125);
    const QJsonArray attempts = call.value(QLatin1String("attempts")).toArray();
    QCOMPARE(attempts.size(), 2);
    QCOMPARE(attempts.at(0).toObject().value(QLatin1String("http_status")).toInt(), 429);
    QCOMPARE(attempts.at(0).toObject().value(QLatin1String("error_class")).toString(), QStringLiteral("rate_limited"));
    QCOMPARE(attempts.at(1).toObject().value(QLatin1String("hop")).toInt(), 1);
    QCOMPARE(attempts.at(1).toObject().value(QLatin1String("outcome")).toString(), QStringLiteral("ok"));
}

void TestSessionExporter::markdownShowsTheStory()
{
    const auto transcript = SessionExporter(*m_database).load(m_sessionId);
    QVERIFY(transcript.ok());
    const QString markdown = SessionExporter::toMarkdown(*transcript);
    QVERIFY(markdown.startsWith(QStringLiteral("# Stars tonight\n")));
    QVERIFY(markdown.contains(QStringLiteral("- Bot: Astro Guide (`astro-guide`)")));
    QVERIFY(markdown.contains(QStringLiteral("- Config: fast — openai/gpt-4o-mini")));
    QVERIFY(markdown.contains(QStringLiteral("## 2. User\n\nWhich planets are up?")));
    QVERIFY(markdown.contains(QStringLiteral("## 3. Assistant\n\nVenus and Jupiter.")));
    QVERIFY(markdown.contains(QStringLiteral("- Served by: anthropic/claude-haiku@eu")));
    QVERIFY(markdown.contains(QStringLiteral("- Latency: 1234 ms (first token after 321 ms)")));
    QVERIFY(markdown.contains(QStringLiteral("hop 0, try 1: openai/gpt-4o-mini — failed, HTTP 429, rate_limited")));
    QVERIFY(markdown.contains(QStringLiteral("hop 1, try 1: anthropic/claude-haiku@eu — ok, HTTP 200")));
    // The system prompt's own backticks cannot close its fence.
    QVERIFY(markdown.contains(QStringLiteral("````\nYou are ```careful```.\n````")));
    // The file an export writes: this Markdown as UTF-8, or the JSON object indented.
    QCOMPARE(SessionExporter::render(*transcript, SessionExporter::Format::Markdown), markdown.toUtf8());
    const QByteArray json = SessionExporter::render(*transcript, SessionExporter::Format::Json);
    QVERIFY(json.contains("\n    \""));
    QCOMPARE(QJsonDocument::fromJson(json).object(), SessionExporter::toJson(*transcript));
}

void TestSessionExporter::missingSessionIsNotFound()
{
    QCOMPARE(SessionExporter(*m_database).load(m_sessionId + 1).error().code, Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(TestSessionExporter)
#include "tst_sessionexporter.moc"
