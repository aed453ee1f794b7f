// What a call sent (migration 6: call_prompts + deduplicated prompt_texts) and compare-mode sessions: written by
// UsageRecorder on its own path, read back by CallLogRepository, kept across an upgrade of an older workspace.
#include "core/accounting/UsageRecorder.h"
#include "core/reporting/DemoDataGenerator.h"
#include "core/store/BotRepository.h"
#include "core/store/CallLogRepository.h"
#include "core/store/CallUsageRepository.h"
#include "core/store/Database.h"
#include "core/store/Migration.h"
#include "core/store/SentPromptStore.h"
#include "core/store/SessionRepository.h"
#include "core/store/UnusedPromptTexts.h"
#include "tests/core/store/RawSqlite.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

CallRecord callWith(const std::optional<SentPrompt> &sent)
{
    CallRecord call;
    call.uuid = UsageRecorder::newCallUuid();
    call.requestedProvider = QStringLiteral("simulator");
    call.requestedModel = QStringLiteral("sim-fast");
    call.servedProvider = QStringLiteral("simulator");
    call.servedModel = QStringLiteral("sim-fast");
    call.requestedRegion = QStringLiteral("us-east-1");
    call.servedRegion = QStringLiteral("eu-west-1");
    call.userRef = QStringLiteral("tester");
    call.usage = Usage{10, 0, 0, 5, 0};
    AttemptRecord attempt;
    attempt.provider = QStringLiteral("simulator");
    attempt.model = QStringLiteral("sim-fast");
    attempt.outcome = AttemptRecord::Outcome::Succeeded;
    call.attempts.append(attempt);
    call.sent = sent;
    return call;
}

SentPrompt prompt(const QString &system, const QStringList &turns)
{
    SentPrompt sent;
    sent.system = system;
    for (int n = 0; n < turns.size(); ++n)
        sent.messages.append(
            ChatMessage{n % 2 == 0 ? ChatMessage::Role::User : ChatMessage::Role::Assistant, turns.at(n)});
    return sent;
}

qint64 count(Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

}  // namespace

class TestSentPrompts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_database = std::make_unique<Database>();
        const auto opened = m_database->open(m_dir->filePath(QStringLiteral("w.db")));
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    }

    void cleanup()
    {
        m_database.reset();
        m_dir.reset();
    }

    void recordsAndReadsBackWhatWasSent_data()
    {
        QTest::addColumn<bool>("native");
        QTest::newRow("native SQLite batch") << true;
        QTest::newRow("QSqlQuery") << false;
    }

    void recordsAndReadsBackWhatWasSent()
    {
        QFETCH(bool, native);
        const SentPrompt first = prompt(QStringLiteral("You are terse. Today is Monday."),
                                        {QStringLiteral("Hello"), QStringLiteral("Hi!"), QStringLiteral("And now?")});
        const SentPrompt second = prompt(QStringLiteral("You are terse. Today is Monday."), {QStringLiteral("Hello")});
        const CallRecord withPrompt = callWith(first);
        const CallRecord alsoWithPrompt = callWith(second);
        const CallRecord without = callWith(std::nullopt);
        {
            UsageRecorder recorder(*m_database, UsageRecorder::Options{16, 10, native});
            recorder.record(withPrompt);
            recorder.record(without);
            recorder.record(alsoWithPrompt);
            QVERIFY(recorder.flush().ok());
        }
        CallUsageRepository usage(*m_database);
        CallLogRepository log(*m_database);
        const auto read = [&](const CallRecord &call) {
            auto row = usage.byUuid(call.uuid);
            return row ? log.call(row->id) : Result<CallRecord>(row.error());
        };
        const auto readFirst = read(withPrompt);
        QVERIFY2(readFirst.ok(), qPrintable(readFirst.ok() ? QString() : readFirst.error().toString()));
        QVERIFY(readFirst->sent.has_value());
        QCOMPARE(readFirst->sent->system, first.system);
        QCOMPARE(readFirst->sent->messages, first.messages);
        QCOMPARE(readFirst->sent->lastUserMessage(), QStringLiteral("And now?"));
        // The rest of what a reopened answer's details show comes back too.
        QCOMPARE(readFirst->servedRegion, QStringLiteral("eu-west-1"));
        QCOMPARE(readFirst->requestedRegion, QStringLiteral("us-east-1"));
        QCOMPARE(readFirst->userRef, QStringLiteral("tester"));
        QCOMPARE(readFirst->attempts.size(), 1);
        QCOMPARE(read(alsoWithPrompt)->sent, std::optional<SentPrompt>(second));
        QCOMPARE(read(without)->sent, std::optional<SentPrompt>());

        // Each distinct text once: the system prompt and "Hello" are shared by both calls.
        QCOMPARE(count(*m_database, QStringLiteral("SELECT COUNT(*) FROM prompt_texts")), 4);
        QCOMPARE(count(*m_database, QStringLiteral("SELECT COUNT(*) FROM call_prompts")), 2);
    }

    void emptySystemAndRepeatedTextsRoundTrip()
    {
        SentPrompt sent = prompt(QString(), {QStringLiteral("same"), QStringLiteral("same"), QStringLiteral("same")});
        const CallRecord call = callWith(sent);
        {
            UsageRecorder recorder(*m_database);
            recorder.record(call);
            QVERIFY(recorder.flush().ok());
        }
        const auto id = CallUsageRepository(*m_database).byUuid(call.uuid);
        QVERIFY(id.ok());
        const auto read = CallLogRepository(*m_database).call(id->id);
        QVERIFY(read.ok());
        QCOMPARE(read->sent, std::optional<SentPrompt>(sent));
        QCOMPARE(count(*m_database, QStringLiteral("SELECT COUNT(*) FROM prompt_texts")), 1);
        QCOMPARE(count(*m_database, QStringLiteral("SELECT COUNT(*) FROM call_prompts WHERE system_hash IS NULL")), 1);
    }

    void refusedCallDoesNotDropTheOthersPrompts()
    {
        // A batch the database refuses is written again call by call: the prompts of the calls it keeps go too.
        const CallRecord good = callWith(prompt(QStringLiteral("sys"), {QStringLiteral("q")}));
        CallRecord refused = callWith(prompt(QStringLiteral("sys"), {QStringLiteral("never stored")}));
        refused.botId = 999999;  // no such bot
        {
            UsageRecorder recorder(*m_database, UsageRecorder::Options{16, 1000, true});
            recorder.record(refused);
            recorder.record(good);
            QVERIFY(!recorder.flush().ok());
            QCOMPARE(recorder.writtenCount(), 1);
        }
        const auto id = CallUsageRepository(*m_database).byUuid(good.uuid);
        QVERIFY(id.ok());
        QCOMPARE(CallLogRepository(*m_database).call(id->id)->sent, good.sent);
        QCOMPARE(count(*m_database, QStringLiteral("SELECT COUNT(*) FROM prompt_texts WHERE text = 'never stored'")),
                 0);
    }

    void deletingACallDeletesItsPrompt()
    {
        const CallRecord call = callWith(prompt(QStringLiteral("sys"), {QStringLiteral("q")}));
        {
            UsageRecorder recorder(*m_database);
            recorder.record(call);
            QVERIFY(recorder.flush().ok());
        }
        QSqlQuery query(m_database->connection());
        QVERIFY(query.exec(QStringLiteral("DELETE FROM calls")));
        QCOMPARE(count(*m_database, QStringLiteral("SELECT COUNT(*) FROM call_prompts")), 0);
    }

    void removingCallsDropsTheTextsOnlyTheySent()
    {
        // Two demo calls and a live one: the live call shares a system prompt with one demo call and a message with
        // the other; the rest was sent by demo calls only.
        CallRecord demoA =
            callWith(prompt(QStringLiteral("demo system"), {QStringLiteral("Hello"), QStringLiteral("only demo A")}));
        demoA.isDemo = true;
        CallRecord demoB = callWith(prompt(QStringLiteral("shared system"), {QStringLiteral("only demo B")}));
        demoB.isDemo = true;
        const CallRecord live = callWith(prompt(QStringLiteral("shared system"), {QStringLiteral("Hello")}));
        {
            UsageRecorder recorder(*m_database);
            recorder.record(demoA);
            recorder.record(live);
            recorder.record(demoB);
            QVERIFY(recorder.flush().ok());
        }
        QCOMPARE(count(*m_database, QStringLiteral("SELECT COUNT(*) FROM prompt_texts")), 5);

        const auto removed = DemoDataGenerator::remove(*m_database);
        QVERIFY2(removed.ok(), qPrintable(removed.ok() ? QString() : removed.error().toString()));
        QCOMPARE(*removed, 2);
        QSqlQuery texts(m_database->connection());
        QVERIFY(texts.exec(QStringLiteral("SELECT text FROM prompt_texts ORDER BY text")));
        QStringList kept;
        while (texts.next())
            kept << texts.value(0).toString();
        QCOMPARE(kept, (QStringList{QStringLiteral("Hello"), QStringLiteral("shared system")}));
        const auto id = CallUsageRepository(*m_database).byUuid(live.uuid);
        QVERIFY(id.ok());
        QCOMPARE(CallLogRepository(*m_database).call(id->id)->sent, live.sent);

        // With the last call that sent them gone, the shared texts go too.
        QSqlQuery query(m_database->connection());
        QVERIFY(query.exec(QStringLiteral("DELETE FROM calls")));
        const auto unused = UnusedPromptTexts::remove(m_database->connection());
        QVERIFY(unused.ok());
        QCOMPARE(*unused, 2);
        QCOMPARE(count(*m_database, QStringLiteral("SELECT COUNT(*) FROM prompt_texts")), 0);
    }

    void writerRefusesAPromptWithoutItsCall()
    {
        SentPromptStore store(m_database->connection());
        const auto written = store.write(callWith(prompt(QStringLiteral("s"), {QStringLiteral("q")})));
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, Error::Code::NotFound);
        QVERIFY(written.error().message.contains(QStringLiteral("the call is not recorded")));
    }

    void comparisonSessionsAndWinner()
    {
        Bot newBot;
        newBot.name = QStringLiteral("Judge");
        auto bot = BotRepository(*m_database).create(newBot);
        QVERIFY2(bot.ok(), qPrintable(bot.ok() ? QString() : bot.error().toString()));
        SessionRepository sessions(*m_database);
        QList<ChatSession> columns;
        for (int column = 0; column < 3; ++column) {
            ChatSession session;
            session.botId = bot->id;
            session.title = QStringLiteral("Which is better?");
            session.compareGroup = QStringLiteral("group-1");
            session.compareColumn = 2 - column;  // created out of order: comparison() sorts by column
            auto created = sessions.create(session);
            QVERIFY(created.ok());
            QCOMPARE(created->compareGroup, QStringLiteral("group-1"));
            columns.append(*created);
        }
        auto single = sessions.create(ChatSession{});
        QVERIFY(single.ok());
        QVERIFY(!single->isComparison());

        auto group = sessions.comparison(QStringLiteral("group-1"));
        QVERIFY(group.ok());
        QCOMPARE(group->size(), 3);
        for (int column = 0; column < 3; ++column)
            QCOMPARE(group->at(column).compareColumn, column);

        // One answer per column to the same question, each linked to its call.
        QList<qint64> callIds;
        {
            UsageRecorder recorder(*m_database);
            QList<CallRecord> calls;
            for (int column = 0; column < 3; ++column) {
                calls.append(callWith(std::nullopt));
                recorder.record(calls.last());
            }
            QVERIFY(recorder.flush().ok());
            for (const CallRecord &call : std::as_const(calls))
                callIds.append(CallUsageRepository(*m_database).byUuid(call.uuid)->id);
        }
        for (int column = 0; column < 3; ++column) {
            const qint64 sessionId = group->at(column).id;
            QVERIFY(sessions.appendMessage(sessionId, QStringLiteral("user"), QStringLiteral("Which?")).ok());
            QVERIFY(sessions
                        .appendMessage(sessionId, QStringLiteral("assistant"), QStringLiteral("A%1").arg(column),
                                       callIds.at(column))
                        .ok());
        }
        const auto found = sessions.messageForCall(callIds.at(1));
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE((*found)->sessionId, group->at(1).id);
        QCOMPARE((*found)->content, QStringLiteral("A1"));

        QVERIFY(sessions.markWinner(callIds.at(1)).ok());
        QVERIFY(sessions.markWinner(callIds.at(2)).ok());  // a new pick replaces the old one of the same turn
        for (int column = 0; column < 3; ++column) {
            const auto messages = sessions.messages(group->at(column).id);
            QVERIFY(messages.ok());
            QCOMPARE(messages->at(1).winner, column == 2);
            QVERIFY(!messages->at(0).winner);
        }
        const auto notStored = sessions.markWinner(987654);
        QVERIFY(!notStored.ok());
        QCOMPARE(notStored.error().code, Error::Code::NotFound);
    }

    void upgradeKeepsDataOfThePreviousVersion()
    {
        // A workspace written by the previous schema version, with a conversation in it.
        const QString path = m_dir->filePath(QStringLiteral("previous.db"));
        const int previous = Database::latestSchemaVersion() - 1;
        QStringList statements{QStringLiteral("BEGIN")};
        for (const Migration &migration : Migration::all()) {
            if (migration.version > previous)
                break;
            statements += migration.statements;
            statements << QStringLiteral("INSERT INTO schema_version (version, applied_at, description) VALUES "
                                         "(%1, '2025-01-01T00:00:00.000Z', 'older')")
                              .arg(migration.version);
        }
        statements << QStringLiteral("PRAGMA application_id = %1").arg(Database::ApplicationId)
                   << QStringLiteral("INSERT INTO bots (uuid, name, slug, created_at, updated_at) VALUES ('b', 'Bot', "
                                     "'bot', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')")
                   << QStringLiteral("INSERT INTO sessions (uuid, bot_id, title, created_at, updated_at) VALUES ('s', "
                                     "1, 'old chat', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')")
                   << QStringLiteral("INSERT INTO calls (uuid, bot_id, session_id, status, created_at) VALUES ('c', "
                                     "1, 1, 'ok', '2025-01-01T00:00:00.000Z')")
                   << QStringLiteral("INSERT INTO messages (session_id, position, role, content, created_at) VALUES "
                                     "(1, 1, 'user', 'hello', '2025-01-01T00:00:00.000Z')")
                   << QStringLiteral("INSERT INTO messages (session_id, position, role, content, call_id, created_at) "
                                     "VALUES (1, 2, 'assistant', 'hi', 1, '2025-01-01T00:00:00.000Z')")
                   << QStringLiteral("COMMIT");
        QVERIFY(runRaw(path, statements));

        Database upgraded;
        const auto opened = upgraded.open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        QCOMPARE(upgraded.schemaVersion(), Database::latestSchemaVersion());

        SessionRepository sessions(upgraded);
        const auto session = sessions.byUuid(QStringLiteral("s"));
        QVERIFY(session.ok());
        QCOMPARE(session->title, QStringLiteral("old chat"));
        QVERIFY(!session->isComparison());
        const auto messages = sessions.messages(session->id);
        QVERIFY(messages.ok());
        QCOMPARE(messages->size(), 2);
        QCOMPARE(messages->at(1).content, QStringLiteral("hi"));
        QCOMPARE(messages->at(1).callId, std::optional<qint64>(1));
        QVERIFY(!messages->at(1).winner);

        // The old call reads as before, without a recorded prompt; new calls record theirs.
        const auto old = CallLogRepository(upgraded).call(1);
        QVERIFY2(old.ok(), qPrintable(old.ok() ? QString() : old.error().toString()));
        QCOMPARE(old->uuid, QStringLiteral("c"));
        QVERIFY(!old->sent.has_value());
        const CallRecord fresh = callWith(prompt(QStringLiteral("sys"), {QStringLiteral("q")}));
        {
            UsageRecorder recorder(upgraded);
            recorder.record(fresh);
            QVERIFY(recorder.flush().ok());
        }
        const auto freshId = CallUsageRepository(upgraded).byUuid(fresh.uuid);
        QVERIFY(freshId.ok());
        QCOMPARE(CallLogRepository(upgraded).call(freshId->id)->sent, fresh.sent);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
};

QTEST_GUILESS_MAIN(TestSentPrompts)
#include "tst_sentprompts.moc"
