// Why streams restarted (migration 9: attempt_restarts): written by UsageRecorder with their calls on either of its
// paths, read back by CallLogRepository with the attempts they belong to, gone with their calls.
#include "core/accounting/UsageRecorder.h"
#include "core/store/CallLogRepository.h"
#include "core/store/CallUsageRepository.h"
#include "core/store/Database.h"
#include "core/store/RestartNoteStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Switchyard;

namespace {

AttemptRecord attempt(int hop, int retry, AttemptRecord::Outcome outcome, const QString &restartNote = {})
{
    AttemptRecord attempt;
    attempt.hopIndex = hop;
    attempt.retryIndex = retry;
    attempt.provider = QStringLiteral("simulator");
    attempt.model = hop == 0 ? QStringLiteral("sim-smart") : QStringLiteral("sim-fast");
    attempt.outcome = outcome;
    attempt.errorClass = outcome == AttemptRecord::Outcome::Succeeded ? FailureClass::None : FailureClass::StreamCut;
    attempt.restartNote = restartNote;
    return attempt;
}

/// A call whose primary streamed and was cut twice (a restart each), failed once more before streaming (no restart),
/// then the fallback answered.
CallRecord restartedCall()
{
    CallRecord call;
    call.uuid = UsageRecorder::newCallUuid();
    call.requestedProvider = call.servedProvider = QStringLiteral("simulator");
    call.requestedModel = QStringLiteral("sim-smart");
    call.servedModel = QStringLiteral("sim-fast");
    call.attempts = {attempt(0, 0, AttemptRecord::Outcome::Failed, QStringLiteral("first cut")),
                     attempt(0, 1, AttemptRecord::Outcome::Failed, QStringLiteral("second cut — ünïcode")),
                     attempt(0, 2, AttemptRecord::Outcome::Failed), attempt(1, 0, AttemptRecord::Outcome::Succeeded)};
    return call;
}

/// Each attempt's note, in order (empty for an attempt without one).
QStringList notesByAttempt(const CallRecord &call)
{
    QStringList notes;
    for (const AttemptRecord &attempt : call.attempts)
        notes << attempt.restartNote;
    return notes;
}

CallRecord plainCall()
{
    CallRecord call = restartedCall();
    call.uuid = UsageRecorder::newCallUuid();
    for (AttemptRecord &attempt : call.attempts)
        attempt.restartNote.clear();
    return call;
}

}  // namespace

class TestRestartNotes : public QObject {
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

    void recordedWithTheirCallsAndReadBack_data()
    {
        QTest::addColumn<bool>("native");
        QTest::newRow("native SQLite batch") << true;
        QTest::newRow("QSqlQuery") << false;
    }

    void recordedWithTheirCallsAndReadBack()
    {
        QFETCH(bool, native);
        const CallRecord before = plainCall();
        const CallRecord restarted = restartedCall();
        const CallRecord after = plainCall();
        {
            UsageRecorder recorder(*m_database, UsageRecorder::Options{16, 10, native});
            recorder.record(before);
            recorder.record(restarted);
            recorder.record(after);
            QVERIFY(recorder.flush().ok());
        }
        QCOMPARE(notesByAttempt(read(restarted)), notesByAttempt(restarted));
        QCOMPARE(read(restarted).restartNotes(),
                 (QStringList{QStringLiteral("first cut"), QStringLiteral("second cut — ünïcode")}));
        QCOMPARE(notesByAttempt(read(before)), notesByAttempt(before));
        QCOMPARE(read(after).restartNotes(), QStringList());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM attempt_restarts")), 2);
    }

    void refusedCallKeepsNoNoteAndTheOthersKeepTheirs()
    {
        // A refused batch is written again call by call: the notes of the calls it keeps go too, the refused call's
        // do not.
        CallRecord refused = restartedCall();
        refused.botId = 999999;  // no such bot
        const CallRecord good = restartedCall();
        {
            UsageRecorder recorder(*m_database, UsageRecorder::Options{16, 1000, true});
            recorder.record(refused);
            recorder.record(good);
            QVERIFY(!recorder.flush().ok());
            QCOMPARE(recorder.writtenCount(), 1);
        }
        QCOMPARE(notesByAttempt(read(good)), notesByAttempt(good));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM attempt_restarts")), 2);
    }

    void notesGoWithTheirCalls()
    {
        {
            UsageRecorder recorder(*m_database);
            recorder.record(restartedCall());
            QVERIFY(recorder.flush().ok());
        }
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM attempt_restarts")), 2);
        QSqlQuery query(m_database->connection());
        QVERIFY(query.exec(QStringLiteral("DELETE FROM calls")));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM attempt_restarts")), 0);
    }

    void writerRefusesANoteWithoutItsAttempt()
    {
        const auto written = RestartNoteStore(m_database->connection()).write(restartedCall());
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, Error::Code::NotFound);
        QVERIFY2(written.error().message.contains(QStringLiteral("the attempt is not recorded")),
                 qPrintable(written.error().message));
    }

private:
    CallRecord read(const CallRecord &call)
    {
        const auto row = CallUsageRepository(*m_database).byUuid(call.uuid);
        if (!row)
            return {};
        const auto stored = CallLogRepository(*m_database).call(row->id);
        return stored ? *stored : CallRecord{};
    }

    qint64 count(const QString &sql)
    {
        QSqlQuery query(m_database->connection());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
};

QTEST_GUILESS_MAIN(TestRestartNotes)
#include "tst_restartnotes.moc"
