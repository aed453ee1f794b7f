#include "core/accounting/UsageRecorder.h"
#include "core/store/BotRepository.h"
#include "core/store/Database.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
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
