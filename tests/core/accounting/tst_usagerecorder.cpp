#include "core/accounting/UsageRecorder.h"
#include "core/store/BotRepository.h"
#include "core/store/Database.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/SessionRepository.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>
#include <memory>

using namespace Switchyard;

namespace {

CallRecord makeCall(const QString &userRef, int attempts = 2)
{
    CallRecord call;
    call.userRef = userRef;
    call.requestedProvider = QStringLiteral("gemini");
    call.requestedModel = QStringLiteral("gemini-2.5-pro");
    call.servedProvider = QStringLiteral("gemini");
    call.servedModel = QStringLiteral("gemini-2.5-flash");
    call.usage = Usage{100, 0, 0, 20, 0};
    call.costUsd = 0.00008;
    for (int a = 0; a < attempts; ++a) {
        AttemptRecord attempt;
        attempt.hopIndex = a;
        attempt.provider = QStringLiteral("gemini");
        attempt.model = a + 1 == attempts ? QStringLiteral("gemini-2.5-flash") : QStringLiteral("gemini-2.5-pro");
        attempt.outcome = a + 1 == attempts ? AttemptRecord::Outcome::Succeeded : AttemptRecord::Outcome::Failed;
        call.attempts.append(attempt);
    }
    return call;
}

}  // namespace

class TestUsageRecorder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void newCallUuidsAreVersion7AndTimeOrdered()
    {
        // The engine takes ids from here before recording: they must be the index-friendly kind record() makes.
        QStringList ids;
        for (int i = 0; i < 50; ++i) {
            ids << UsageRecorder::newCallUuid();
            if (i % 10 == 9)
                QTest::qWait(2);  // cross a millisecond now and then
        }
        for (const QString &id : std::as_const(ids)) {
            QCOMPARE(id.size(), 36);
            QCOMPARE(id.at(14), QLatin1Char('7'));  // version nibble
            QVERIFY2(QStringLiteral("89ab").contains(id.at(19)), qPrintable(id));  // RFC 4122 variant
        }
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
        // The first 48 bits are the time in ms: ids of later milliseconds sort after earlier ones.
        QVERIFY(ids.first().left(13) < ids.last().left(13));
    }

    void init();
    void cleanup();
    void writesEveryColumn_data();
    void writesEveryColumn();
    void fillsMissingUuidAndTimes();
    void writesFullBatchesWithoutWaiting();
    void writesPartialBatchAfterMaxDelay();
    void keepsTheOrderOfRecording();
    void concurrentProducers();
    void destructorFlushes();
    void refusedCallIsDroppedAlone_data();
    void refusedCallIsDroppedAlone();
    void roundTripsEveryFieldOfManyCalls_data();
    void roundTripsEveryFieldOfManyCalls();
    void refusedCallsInLargeBatchAreDroppedAlone_data();
    void refusedCallsInLargeBatchAreDroppedAlone();
    void neverReusesCallIds_data();
    void neverReusesCallIds();
    void recordNeverWaitsForTheDatabase();
    void killedWriterLeavesOnlyCompleteCalls();

private:
    qint64 count(const QString &sql);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
};

void TestUsageRecorder::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_database = std::make_unique<Database>();
    auto opened = m_database->open(m_dir->filePath(QStringLiteral("usage.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
}

void TestUsageRecorder::cleanup()
{
    m_database.reset();
    m_dir.reset();
}

qint64 TestUsageRecorder::count(const QString &sql)
{
    QSqlQuery query(m_database->connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestUsageRecorder::writesEveryColumn_data()
{
    QTest::addColumn<bool>("native");
    QTest::newRow("sqlite api") << true;
    QTest::newRow("qsqlquery") << false;
}

void TestUsageRecorder::writesEveryColumn()
{
    QFETCH(bool, native);
    Bot bot;
    bot.name = QStringLiteral("Support");
    auto created = BotRepository(*m_database).create(bot);
    QVERIFY(created.ok());

    CallRecord call;
    call.uuid = QStringLiteral("0b7d1f9e-2f3c-4a55-9a77-3d2b1c0e9f01");
    call.botId = created->id;
    call.userRef = QStringLiteral("user-7");
    call.promptKey = QStringLiteral("support.answer");
    call.promptVersion = 3;
    call.requestedProvider = QStringLiteral("gemini");
    call.requestedModel = QStringLiteral("gemini-2.5-pro");
    call.requestedRegion = QString();
    call.servedProvider = QStringLiteral("bedrock");
    call.servedModel = QStringLiteral("deepseek.r1-v1:0");
    call.servedRegion = QStringLiteral("ap-south-1");
    call.status = CallRecord::Status::Ok;
    call.streamed = true;
    call.latencyMs = 1234;
    call.ttftMs = 321;
    call.usage = Usage{10, 20, 30, 40, 50};
    call.costUsd = 0.012345678;
    call.createdAt = QDateTime(QDate(2025, 1, 31), QTime(12, 0, 0, 5), QTimeZone::utc());
    call.isDemo = true;
    AttemptRecord failed;
    failed.hopIndex = 0;
    failed.retryIndex = 1;
    failed.provider = QStringLiteral("gemini");
    failed.model = QStringLiteral("gemini-2.5-pro");
    failed.outcome = AttemptRecord::Outcome::Failed;
    failed.httpStatus = 429;
    failed.errorClass = FailureClass::RateLimited;
    failed.errorMessage = QStringLiteral("Resource has been exhausted");
    failed.latencyMs = 87;
    failed.startedAt = QDateTime(QDate(2025, 1, 31), QTime(11, 59, 59, 900), QTimeZone::utc());
    AttemptRecord served;
    served.hopIndex = 1;
    served.provider = QStringLiteral("bedrock");
    served.model = QStringLiteral("deepseek.r1-v1:0");
    served.region = QStringLiteral("ap-south-1");
    served.outcome = AttemptRecord::Outcome::Succeeded;
    served.httpStatus = 200;
    call.attempts = {failed, served};

    UsageRecorder recorder(*m_database, UsageRecorder::Options{512, 250, native});
    recorder.record(call);
    QVERIFY(recorder.flush().ok());
    QCOMPARE(recorder.writtenCount(), qint64(1));

    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral(
        "SELECT uuid, bot_id, config_id, session_id, user_ref, prompt_key, prompt_version, requested_provider, "
        "requested_model, requested_region, served_provider, served_model, served_region, status, error_class, "
        "error_message, streamed, latency_ms, ttft_ms, input_tokens, cached_input_tokens, cache_write_tokens, "
        "output_tokens, reasoning_tokens, cost_usd, created_at, is_demo, id FROM calls")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), call.uuid);
    QCOMPARE(query.value(1).toLongLong(), created->id);
    QVERIFY(query.value(2).isNull());
    QVERIFY(query.value(3).isNull());
    QCOMPARE(query.value(4).toString(), QStringLiteral("user-7"));
    QCOMPARE(query.value(5).toString(), QStringLiteral("support.answer"));
    QCOMPARE(query.value(6).toInt(), 3);
    QCOMPARE(query.value(7).toString(), QStringLiteral("gemini"));
    QCOMPARE(query.value(8).toString(), QStringLiteral("gemini-2.5-pro"));
    QCOMPARE(query.value(9).toString(), QString());
    QCOMPARE(query.value(10).toString(), QStringLiteral("bedrock"));
    QCOMPARE(query.value(11).toString(), QStringLiteral("deepseek.r1-v1:0"));
    QCOMPARE(query.value(12).toString(), QStringLiteral("ap-south-1"));
    QCOMPARE(query.value(13).toString(), QStringLiteral("ok"));
    QCOMPARE(query.value(14).toString(), QString());
    QCOMPARE(query.value(16).toInt(), 1);
    QCOMPARE(query.value(17).toLongLong(), qint64(1234));
    QCOMPARE(query.value(18).toLongLong(), qint64(321));
    QCOMPARE(query.value(19).toLongLong(), qint64(10));
    QCOMPARE(query.value(20).toLongLong(), qint64(20));
    QCOMPARE(query.value(21).toLongLong(), qint64(30));
    QCOMPARE(query.value(22).toLongLong(), qint64(40));
    QCOMPARE(query.value(23).toLongLong(), qint64(50));
    QCOMPARE(query.value(24).toDouble(), 0.012345678);
    QCOMPARE(query.value(25).toString(), QStringLiteral("2025-01-31T12:00:00.005Z"));
    QCOMPARE(query.value(26).toInt(), 1);
    const qint64 callId = query.value(27).toLongLong();
    QVERIFY(!query.next());

    QVERIFY(query.exec(QStringLiteral("SELECT call_id, hop_index, retry_index, provider, model, region, outcome, "
                                      "http_status, error_class, error_message, latency_ms, started_at FROM attempts "
                                      "ORDER BY id")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), callId);
    QCOMPARE(query.value(1).toInt(), 0);
    QCOMPARE(query.value(2).toInt(), 1);
    QCOMPARE(query.value(3).toString(), QStringLiteral("gemini"));
    QCOMPARE(query.value(6).toString(), QStringLiteral("failed"));
    QCOMPARE(query.value(7).toInt(), 429);
    QCOMPARE(query.value(8).toString(), QStringLiteral("rate_limited"));
    QCOMPARE(query.value(9).toString(), QStringLiteral("Resource has been exhausted"));
    QCOMPARE(query.value(10).toLongLong(), qint64(87));
    QCOMPARE(query.value(11).toString(), QStringLiteral("2025-01-31T11:59:59.900Z"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), callId);
    QCOMPARE(query.value(1).toInt(), 1);
    QCOMPARE(query.value(4).toString(), QStringLiteral("deepseek.r1-v1:0"));
    QCOMPARE(query.value(5).toString(), QStringLiteral("ap-south-1"));
    QCOMPARE(query.value(6).toString(), QStringLiteral("ok"));
    QCOMPARE(query.value(8).toString(), QString());
    QVERIFY(query.value(10).isNull());
    QCOMPARE(query.value(11).toString(), QStringLiteral("2025-01-31T12:00:00.005Z"));  // the call's time
    QVERIFY(!query.next());
}

void TestUsageRecorder::fillsMissingUuidAndTimes()
{
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    {
        UsageRecorder recorder(*m_database);
        recorder.record(makeCall(QStringLiteral("a")));
        recorder.record(makeCall(QStringLiteral("b")));
    }
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT uuid, created_at FROM calls ORDER BY id")));
    QStringList uuids;
    while (query.next()) {
        uuids.append(query.value(0).toString());
        const QDateTime created = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        QVERIFY(created >= before);
        QVERIFY(created <= QDateTime::currentDateTimeUtc());
    }
    QCOMPARE(uuids.size(), 2);
    QVERIFY(uuids.at(0) != uuids.at(1));
    QCOMPARE(uuids.at(0).size(), 36);
}

void TestUsageRecorder::writesFullBatchesWithoutWaiting()
{
    UsageRecorder recorder(*m_database, UsageRecorder::Options{10, 600000});
    for (int i = 0; i < 25; ++i)
        recorder.record(makeCall(QString::number(i)));
    // Two full batches go out at once; the remaining 5 wait for the (10 minute) delay or a flush.
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT COUNT(*) FROM calls")), qint64(20), 5000);
    QTest::qWait(300);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM calls")), qint64(20));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM attempts")), qint64(40));
    QVERIFY(recorder.flush().ok());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM calls")), qint64(25));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM attempts")), qint64(50));
    QCOMPARE(recorder.writtenCount(), qint64(25));
}

void TestUsageRecorder::writesPartialBatchAfterMaxDelay()
{
    UsageRecorder recorder(*m_database, UsageRecorder::Options{1000, 150});
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 3; ++i)
        recorder.record(makeCall(QString::number(i)));
    while (count(QStringLiteral("SELECT COUNT(*) FROM calls")) < 3 && timer.elapsed() < 5000)
        QThread::msleep(5);
    const qint64 visibleAfter = timer.elapsed();
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM calls")), qint64(3));
    QVERIFY2(visibleAfter >= 140, qPrintable(QString::number(visibleAfter)));
    QVERIFY2(visibleAfter < 3000, qPrintable(QString::number(visibleAfter)));
}

void TestUsageRecorder::keepsTheOrderOfRecording()
{
    UsageRecorder recorder(*m_database, UsageRecorder::Options{64, 1});
    for (int i = 0; i < 1000; ++i)
        recorder.record(makeCall(QString::number(i), 1 + i % 3));
    QVERIFY(recorder.flush().ok());
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT user_ref, (SELECT COUNT(*) FROM attempts a WHERE a.call_id = c.id) "
                                      "FROM calls c ORDER BY id")));
    int expected = 0;
    while (query.next()) {
        QCOMPARE(query.value(0).toString(), QString::number(expected));
        QCOMPARE(query.value(1).toInt(), 1 + expected % 3);
        ++expected;
    }
    QCOMPARE(expected, 1000);
}

void TestUsageRecorder::concurrentProducers()
{
    constexpr int Producers = 4;
    constexpr int PerProducer = 2500;
    UsageRecorder recorder(*m_database, UsageRecorder::Options{100, 5});
    QList<QThread *> threads;
    for (int p = 0; p < Producers; ++p) {
        threads.append(QThread::create([&recorder, p] {
            for (int i = 0; i < PerProducer; ++i)
                recorder.record(makeCall(QStringLiteral("p%1-%2").arg(p).arg(i)));
        }));
        threads.last()->start();
    }
    for (QThread *thread : threads) {
        QVERIFY(thread->wait(60000));
        delete thread;
    }
    QVERIFY(recorder.flush().ok());
    QCOMPARE(recorder.writtenCount(), qint64(Producers * PerProducer));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM calls")), qint64(Producers * PerProducer));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM attempts")), qint64(2 * Producers * PerProducer));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM calls c WHERE (SELECT COUNT(*) FROM attempts a WHERE "
                                  "a.call_id = c.id) <> 2")),
             qint64(0));
    // Each producer's calls keep that producer's order.
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT user_ref FROM calls ORDER BY id")));
    QList<int> next(Producers, 0);
    while (query.next()) {
        const QStringList parts = query.value(0).toString().mid(1).split(QLatin1Char('-'));
        const int producer = parts.at(0).toInt();
        QCOMPARE(parts.at(1).toInt(), next[producer]);
        ++next[producer];
    }
    QCOMPARE(next, QList<int>(Producers, PerProducer));
}

void TestUsageRecorder::destructorFlushes()
{
    {
        UsageRecorder recorder(*m_database, UsageRecorder::Options{1000, 600000});
        for (int i = 0; i < 100; ++i)
            recorder.record(makeCall(QString::number(i)));
    }
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM calls")), qint64(100));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM attempts")), qint64(200));
}

void TestUsageRecorder::refusedCallIsDroppedAlone_data()
{
    writesEveryColumn_data();
}

void TestUsageRecorder::refusedCallIsDroppedAlone()
{
    QFETCH(bool, native);
    UsageRecorder recorder(*m_database, UsageRecorder::Options{100, 600000, native});
    CallRecord first = makeCall(QStringLiteral("first"));
    first.uuid = QStringLiteral("11111111-1111-1111-1111-111111111111");
    CallRecord duplicate = makeCall(QStringLiteral("duplicate"), 3);
    duplicate.uuid = first.uuid;
    CallRecord unknownBot = makeCall(QStringLiteral("unknown bot"));
    unknownBot.botId = 987654;
    recorder.record(first);
    recorder.record(duplicate);
    recorder.record(makeCall(QStringLiteral("middle")));
    recorder.record(unknownBot);
    recorder.record(makeCall(QStringLiteral("last")));
    auto flushed = recorder.flush();
    QVERIFY(!flushed.ok());
    QCOMPARE(flushed.error().code, Error::Code::Database);
    QVERIFY2(flushed.error().message.contains(first.uuid), qPrintable(flushed.error().message));
    QCOMPARE(recorder.writtenCount(), qint64(3));
    QCOMPARE(recorder.droppedCount(), qint64(2));
    QCOMPARE(recorder.errors().size(), 2);
    QVERIFY(recorder.flush().ok());  // errors are reported once

    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT user_ref, (SELECT COUNT(*) FROM attempts a WHERE a.call_id = c.id) "
                                      "FROM calls c ORDER BY id")));
    QStringList refs;
    while (query.next()) {
        refs.append(query.value(0).toString());
        QCOMPARE(query.value(1).toInt(), 2);
    }
    QCOMPARE(refs, (QStringList{QStringLiteral("first"), QStringLiteral("middle"), QStringLiteral("last")}));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM attempts")), qint64(6));  // none of the dropped calls' rows
}

void TestUsageRecorder::roundTripsEveryFieldOfManyCalls_data()
{
    writesEveryColumn_data();
}

/// Many calls with every field varied (nulls and values, non-ASCII and very long texts, 0-3 attempts, calendar edges)
/// in several batches of several multi-row statements: each stored column equals what was recorded.
void TestUsageRecorder::roundTripsEveryFieldOfManyCalls()
{
    QFETCH(bool, native);
    Bot bot;
    bot.name = QStringLiteral("Support");
    const auto createdBot = BotRepository(*m_database).create(bot);
    QVERIFY(createdBot.ok());
    LlmConfig config;
    config.botId = createdBot->id;
    config.name = QStringLiteral("fast");
    config.provider = QStringLiteral("gemini");
    config.model = QStringLiteral("gemini-2.5-flash");
    const auto createdConfig = LlmConfigRepository(*m_database).create(config);
    QVERIFY(createdConfig.ok());
    const auto createdSession = SessionRepository(*m_database).create(ChatSession{});
    QVERIFY(createdSession.ok());

    // created_at of the first calls, written out by hand: epoch, before it, leap day, century, first and last year.
    const QList<QPair<qint64, QString>> edges{
        {0, QStringLiteral("1970-01-01T00:00:00.000Z")},
        {-1, QStringLiteral("1969-12-31T23:59:59.999Z")},
        {951868799999, QStringLiteral("2000-02-29T23:59:59.999Z")},
        {4107542400000, QStringLiteral("2100-03-01T00:00:00.000Z")},
        {-62135596800000, QStringLiteral("0001-01-01T00:00:00.000Z")},
        {253402300799999, QStringLiteral("9999-12-31T23:59:59.999Z")},
    };
    const QList<FailureClass> classes{FailureClass::None, FailureClass::RateLimited, FailureClass::Timeout,
                                      FailureClass::StreamCut, FailureClass::Transient};
    const QList<AttemptRecord::Outcome> outcomes{AttemptRecord::Outcome::Succeeded, AttemptRecord::Outcome::Failed,
                                                 AttemptRecord::Outcome::Skipped, AttemptRecord::Outcome::Cancelled};
    const QList<CallRecord::Status> statuses{CallRecord::Status::Ok, CallRecord::Status::Failed,
                                             CallRecord::Status::Cancelled};
    const qint64 base = QDateTime(QDate(2025, 6, 30), QTime(23, 59, 59, 990), QTimeZone::utc()).toMSecsSinceEpoch();

    QList<CallRecord> calls;
    for (int i = 0; i < 150; ++i) {
        CallRecord call;
        if (i % 3 != 0)
            call.uuid = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
        if (i % 4 == 0)
            call.botId = createdBot->id;
        if (i % 5 == 0)
            call.configId = createdConfig->id;
        if (i % 6 == 0)
            call.sessionId = createdSession->id;
        call.userRef = i % 7 == 0   ? QString()
                       : i % 7 == 1 ? QStringLiteral("Jürgen ✓ %1").arg(i)
                                    : QStringLiteral("user-%1").arg(i);
        call.promptKey = i % 2 ? QStringLiteral("support.answer") : QString();
        if (i % 2)
            call.promptVersion = i;
        call.requestedProvider = QStringLiteral("gemini");
        call.requestedModel = QStringLiteral("gemini-2.5-pro-%1").arg(i % 3);
        call.requestedRegion = i % 3 == 0 ? QStringLiteral("us-central1") : QString();
        call.servedProvider = i % 2 ? QStringLiteral("bedrock") : QString();
        call.servedModel = i % 2 ? QStringLiteral("deepseek.r1-v1:0") : QString();
        call.servedRegion = i % 3 == 1 ? QStringLiteral("ap-south-1") : QString();
        call.status = statuses.at(i % statuses.size());
        call.errorClass = classes.at(i % classes.size());
        if (i == 17)
            call.errorMessage = QString(70000, QLatin1Char('x'));  // longer than any scratch buffer
        else if (i == 18)
            call.errorMessage = QString(40000, QChar(0x00e9)) + QStringLiteral(" ✓");
        else if (i >= 40 && i < 64)  // together more than a statement's scratch space
            call.errorMessage = QString(3000 + i, QLatin1Char('a' + i % 26));
        else if (i % 2)
            call.errorMessage = QStringLiteral("Überlastet: 503 from upstream %1").arg(i);
        call.streamed = i % 2 == 0;
        if (i % 3)
            call.latencyMs = 1000 + i;
        if (i % 4)
            call.ttftMs = 100 + i;
        call.usage = Usage{i * 11LL, i * 3LL, i * 5LL, i * 7LL, i * 13LL + 5000000000LL};
        call.costUsd = i * 0.000123456789;
        call.createdAt = QDateTime::fromMSecsSinceEpoch(i < edges.size() ? edges.at(i).first : base + i * 7, Qt::UTC);
        call.isDemo = i % 5 == 1;
        for (int a = 0; a < i % 4; ++a) {
            AttemptRecord attempt;
            attempt.hopIndex = a;
            attempt.retryIndex = (i + a) % 2;
            attempt.provider = a % 2 ? QStringLiteral("bedrock") : QStringLiteral("gemini");
            attempt.model = QStringLiteral("model-%1-%2").arg(i).arg(a);
            attempt.region = a == 1 ? QStringLiteral("région-%1").arg(i) : QString();
            attempt.outcome = outcomes.at((i + a) % outcomes.size());
            if ((i + a) % 3)
                attempt.httpStatus = 200 + i + a;
            attempt.errorClass = classes.at((i + a) % classes.size());
            attempt.errorMessage = a == 2 ? QStringLiteral("Quota ✗ %1").arg(i) : QString();
            if ((i + a) % 2)
                attempt.latencyMs = 10 * i + a;
            if (a % 2 == 0)
                attempt.startedAt = QDateTime::fromMSecsSinceEpoch(base + 1000 * i + a, Qt::UTC);
            call.attempts.append(attempt);
        }
        calls.append(call);
    }

    {
        // 64 per batch: two full batches and a partial one, each several multi-row statements.
        UsageRecorder recorder(*m_database, UsageRecorder::Options{64, 600000, native});
        for (const CallRecord &call : std::as_const(calls))
            recorder.record(call);
        const auto flushed = recorder.flush();
        QVERIFY2(flushed.ok(), qPrintable(flushed.ok() ? QString() : flushed.error().toString()));
        QCOMPARE(recorder.writtenCount(), qint64(calls.size()));
    }

    const auto text = [](const QVariant &value) {
        return value.isNull() ? QStringLiteral("<NULL>") : value.toString();
    };
    const auto optional = [](const auto &value) {
        return value ? QVariant(qint64(*value)) : QVariant();
    };
    const auto integer = [](const QVariant &value) {
        return value.isNull() ? QVariant() : QVariant(value.toLongLong());
    };

    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral(
        "SELECT uuid, bot_id, config_id, session_id, user_ref, prompt_key, prompt_version, requested_provider, "
        "requested_model, requested_region, served_provider, served_model, served_region, status, error_class, "
        "error_message, streamed, latency_ms, ttft_ms, input_tokens, cached_input_tokens, cache_write_tokens, "
        "output_tokens, reasoning_tokens, cost_usd, created_at, is_demo, id FROM calls ORDER BY id")));
    QList<qint64> ids;
    QSet<QString> uuids;
    for (const CallRecord &call : std::as_const(calls)) {
        const int i = int(ids.size());
        QVERIFY2(query.next(), qPrintable(QString::number(i)));
        const QString uuid = text(query.value(0));
        if (call.uuid.isEmpty()) {
            QCOMPARE(uuid.size(), 36);
            QCOMPARE(uuid.at(14), QLatin1Char('7'));  // a generated UUIDv7
        } else {
            QCOMPARE(uuid, call.uuid);
        }
        uuids.insert(uuid);
        QCOMPARE(integer(query.value(1)), optional(call.botId));
        QCOMPARE(integer(query.value(2)), optional(call.configId));
        QCOMPARE(integer(query.value(3)), optional(call.sessionId));
        QCOMPARE(text(query.value(4)), call.userRef.isNull() ? QStringLiteral("") : call.userRef);
        QCOMPARE(text(query.value(5)), call.promptKey.isNull() ? QStringLiteral("") : call.promptKey);
        QCOMPARE(integer(query.value(6)), optional(call.promptVersion));
        QCOMPARE(text(query.value(7)), call.requestedProvider);
        QCOMPARE(text(query.value(8)), call.requestedModel);
        QCOMPARE(text(query.value(9)), call.requestedRegion.isNull() ? QStringLiteral("") : call.requestedRegion);
        QCOMPARE(text(query.value(10)), call.servedProvider.isNull() ? QStringLiteral("") : call.servedProvider);
        QCOMPARE(text(query.value(11)), call.servedModel.isNull() ? QStringLiteral("") : call.servedModel);
        QCOMPARE(text(query.value(12)), call.servedRegion.isNull() ? QStringLiteral("") : call.servedRegion);
        QCOMPARE(text(query.value(13)), CallRecord::statusName(call.status));
        QCOMPARE(text(query.value(14)),
                 call.errorClass == FailureClass::None ? QStringLiteral("") : failureClassName(call.errorClass));
        QCOMPARE(text(query.value(15)), call.errorMessage.isNull() ? QStringLiteral("") : call.errorMessage);
        QCOMPARE(integer(query.value(16)), QVariant(qint64(call.streamed ? 1 : 0)));
        QCOMPARE(integer(query.value(17)), optional(call.latencyMs));
        QCOMPARE(integer(query.value(18)), optional(call.ttftMs));
        QCOMPARE(integer(query.value(19)), QVariant(call.usage.input));
        QCOMPARE(integer(query.value(20)), QVariant(call.usage.cachedInput));
        QCOMPARE(integer(query.value(21)), QVariant(call.usage.cacheWrite));
        QCOMPARE(integer(query.value(22)), QVariant(call.usage.output));
        QCOMPARE(integer(query.value(23)), QVariant(call.usage.reasoning));
        QCOMPARE(query.value(24).toDouble(), call.costUsd);
        QCOMPARE(text(query.value(25)),
                 i < edges.size() ? edges.at(i).second : call.createdAt.toUTC().toString(Qt::ISODateWithMs));
        QCOMPARE(integer(query.value(26)), QVariant(qint64(call.isDemo ? 1 : 0)));
        ids.append(query.value(27).toLongLong());
    }
    QVERIFY(!query.next());
    QCOMPARE(uuids.size(), calls.size());

    QVERIFY(query.exec(QStringLiteral("SELECT call_id, hop_index, retry_index, provider, model, region, outcome, "
                                      "http_status, error_class, error_message, latency_ms, started_at FROM attempts "
                                      "ORDER BY id")));
    for (int c = 0; c < calls.size(); ++c) {
        const CallRecord &call = calls.at(c);
        for (const AttemptRecord &attempt : call.attempts) {
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toLongLong(), ids.at(c));
            QCOMPARE(integer(query.value(1)), QVariant(qint64(attempt.hopIndex)));
            QCOMPARE(integer(query.value(2)), QVariant(qint64(attempt.retryIndex)));
            QCOMPARE(text(query.value(3)), attempt.provider);
            QCOMPARE(text(query.value(4)), attempt.model);
            QCOMPARE(text(query.value(5)), attempt.region.isNull() ? QStringLiteral("") : attempt.region);
            QCOMPARE(text(query.value(6)), AttemptRecord::outcomeName(attempt.outcome));
            QCOMPARE(integer(query.value(7)), optional(attempt.httpStatus));
            QCOMPARE(text(query.value(8)), attempt.errorClass == FailureClass::None
                                               ? QStringLiteral("")
                                               : failureClassName(attempt.errorClass));
            QCOMPARE(text(query.value(9)), attempt.errorMessage.isNull() ? QStringLiteral("") : attempt.errorMessage);
            QCOMPARE(integer(query.value(10)), optional(attempt.latencyMs));
            const QDateTime started = attempt.startedAt.isValid() ? attempt.startedAt : call.createdAt;
            QCOMPARE(text(query.value(11)), !attempt.startedAt.isValid() && c < edges.size()
                                                ? edges.at(c).second
                                                : started.toUTC().toString(Qt::ISODateWithMs));
        }
    }
    QVERIFY(!query.next());
}

void TestUsageRecorder::refusedCallsInLargeBatchAreDroppedAlone_data()
{
    writesEveryColumn_data();
}

/// Refused calls at the start, in the middle of a full multi-row statement and in the last, shorter one of a batch:
/// only they are dropped, each with its own error, and every other call is stored with all its attempts, in order.
void TestUsageRecorder::refusedCallsInLargeBatchAreDroppedAlone()
{
    QFETCH(bool, native);
    UsageRecorder recorder(*m_database, UsageRecorder::Options{256, 600000, native});
    CallRecord earlier = makeCall(QStringLiteral("earlier"));
    earlier.uuid = QStringLiteral("22222222-2222-4222-8222-222222222222");
    recorder.record(earlier);
    QVERIFY(recorder.flush().ok());

    const QSet<int> refused{0, 37, 100, 199};
    for (int i = 0; i < 200; ++i) {
        CallRecord call = makeCall(QString::number(i), 1 + i % 3);
        call.uuid = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
        if (i == 0)
            call.uuid = earlier.uuid;  // a duplicate of a committed call
        else if (i == 37)
            call.botId = 987654;  // no such bot
        else if (i == 100)
            call.uuid = QStringLiteral("00000000-0000-4000-8000-%1").arg(99, 12, 10, QLatin1Char('0'));  // same batch
        else if (i == 199)
            call.sessionId = 424242;  // no such session
        recorder.record(call);
    }
    const auto flushed = recorder.flush();
    QVERIFY(!flushed.ok());
    QCOMPARE(flushed.error().code, Error::Code::Database);
    QVERIFY2(flushed.error().message.contains(earlier.uuid), qPrintable(flushed.error().message));
    QCOMPARE(recorder.writtenCount(), qint64(1 + 200 - refused.size()));
    QCOMPARE(recorder.droppedCount(), qint64(refused.size()));
    QCOMPARE(recorder.errors().size(), refused.size());
    QVERIFY2(recorder.errors().at(1).message.contains(QStringLiteral("000000000037")),
             qPrintable(recorder.errors().at(1).message));

    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT user_ref, (SELECT COUNT(*) FROM attempts a WHERE a.call_id = c.id) "
                                      "FROM calls c ORDER BY id")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("earlier"));
    qint64 attempts = 2;
    for (int i = 0; i < 200; ++i) {
        if (refused.contains(i))
            continue;
        QVERIFY2(query.next(), qPrintable(QString::number(i)));
        QCOMPARE(query.value(0).toString(), QString::number(i));
        QCOMPARE(query.value(1).toInt(), 1 + i % 3);
        attempts += 1 + i % 3;
    }
    QVERIFY(!query.next());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM attempts")), attempts);  // none of the refused calls' rows
}

void TestUsageRecorder::neverReusesCallIds_data()
{
    writesEveryColumn_data();
}

/// Call ids keep AUTOINCREMENT's promise although the recorder assigns them itself: never an id that was used (even
/// by a deleted call), never one another connection took meanwhile; attempts point at their own call.
void TestUsageRecorder::neverReusesCallIds()
{
    QFETCH(bool, native);
    UsageRecorder recorder(*m_database, UsageRecorder::Options{64, 600000, native});
    for (int i = 0; i < 10; ++i)
        recorder.record(makeCall(QStringLiteral("before-%1").arg(i)));
    QVERIFY(recorder.flush().ok());
    const qint64 highest = count(QStringLiteral("SELECT MAX(id) FROM calls"));
    QVERIFY(highest >= 10);

    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("DELETE FROM calls WHERE id > %1").arg(highest - 3)));
    QCOMPARE(count(QStringLiteral("SELECT MAX(id) FROM calls")), highest - 3);
    QVERIFY(query.exec(QStringLiteral("INSERT INTO calls (uuid, status, created_at) VALUES "
                                      "('33333333-3333-4333-8333-333333333333', 'ok', '2025-01-01T00:00:00.000Z')")));
    const qint64 external = query.lastInsertId().toLongLong();
    QCOMPARE(external, highest + 1);

    for (int i = 0; i < 5; ++i)
        recorder.record(makeCall(QStringLiteral("after-%1").arg(i), 1 + i));
    QVERIFY(recorder.flush().ok());
    QVERIFY(query.exec(QStringLiteral("SELECT id, user_ref, (SELECT COUNT(*) FROM attempts a WHERE a.call_id = c.id) "
                                      "FROM calls c WHERE user_ref LIKE 'after-%' ORDER BY id")));
    qint64 previous = external;
    for (int i = 0; i < 5; ++i) {
        QVERIFY(query.next());
        QVERIFY2(query.value(0).toLongLong() > previous, qPrintable(query.value(0).toString()));
        previous = query.value(0).toLongLong();
        QCOMPARE(query.value(1).toString(), QStringLiteral("after-%1").arg(i));
        QCOMPARE(query.value(2).toInt(), 1 + i);
    }
    QVERIFY(!query.next());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM attempts a LEFT JOIN calls c ON c.id = a.call_id WHERE "
                                  "c.id IS NULL")),
             qint64(0));
}

void TestUsageRecorder::recordNeverWaitsForTheDatabase()
{
    UsageRecorder recorder(*m_database, UsageRecorder::Options{50, 1});
    // Another connection holds the write lock: the worker blocks in BEGIN IMMEDIATE, the producer must not.
    QSqlQuery lock(m_database->connection());
    QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 5000; ++i)
        recorder.record(makeCall(QString::number(i)));
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
    QTest::qWait(200);
    QCOMPARE(recorder.writtenCount(), qint64(0));
    QVERIFY(lock.exec(QStringLiteral("COMMIT")));
    QVERIFY(recorder.flush().ok());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM calls")), qint64(5000));
}

void TestUsageRecorder::killedWriterLeavesOnlyCompleteCalls()
{
#ifdef Q_OS_WIN
    QSKIP("SIGKILL semantics are POSIX");
#endif
    const QString path = m_dir->filePath(QStringLiteral("killed.db"));
    const QRegularExpression refPattern(QStringLiteral("^seq=(\\d+) attempts=(\\d)$"));
    qint64 previousCalls = 0;
    // Kill it three times at different moments; each run appends to the same file.
    for (int round = 0; round < 3; ++round) {
        QProcess writer;
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer.start(QStringLiteral(USAGE_WRITER_HELPER), {path});
        QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));
        // Wait until it has committed at least one flush, then let it run on into the middle of later batches.
        QVERIFY2(writer.waitForReadyRead(30000), "the writer never flushed");
        QVERIFY(writer.readLine().startsWith("flushed"));
        QThread::msleep(37 * (round + 1));
        writer.kill();  // SIGKILL: no destructor, no flush
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        Database reopened;
        auto opened = reopened.open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        QSqlQuery query(reopened.connection());
        QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
        query.finish();
        QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_key_check")));
        QVERIFY(!query.next());
        query.finish();

        // Every call is complete (all its attempts), and each run's calls are a gap-free prefix 0..n-1.
        QVERIFY(query.exec(QStringLiteral("SELECT c.user_ref, (SELECT COUNT(*) FROM attempts a WHERE a.call_id = "
                                          "c.id) FROM calls c ORDER BY c.id")));
        qint64 calls = 0;
        qint64 expectedSeq = 0;
        while (query.next()) {
            const auto match = refPattern.match(query.value(0).toString());
            QVERIFY2(match.hasMatch(), qPrintable(query.value(0).toString()));
            const qint64 seq = match.captured(1).toLongLong();
            if (seq == 0)
                expectedSeq = 0;  // the next run starts again at 0
            QCOMPARE(seq, expectedSeq);
            QCOMPARE(query.value(1).toInt(), match.captured(2).toInt());
            ++expectedSeq;
            ++calls;
        }
        // The run committed at least the 1000 calls of its first flush.
        QVERIFY2(calls >= previousCalls + 1000, qPrintable(QStringLiteral("%1 calls").arg(calls)));
        previousCalls = calls;
        query.finish();
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM attempts a LEFT JOIN calls c ON c.id = a.call_id "
                                          "WHERE c.id IS NULL")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toLongLong(), qint64(0));
    }
}

QTEST_GUILESS_MAIN(TestUsageRecorder)
#include "tst_usagerecorder.moc"
