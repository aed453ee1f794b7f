// DatabaseWorker: reads run on the worker thread with its own connection and answer on the caller's thread, in order;
// only the newest request of a LatestRequest stream is answered, stale ones queued behind a busy worker never run,
// a query that goes stale while it runs is interrupted, and no answer arrives after the worker is gone.
#include "core/store/Database.h"
#include "core/store/DatabaseWorker.h"
#include "core/store/SqlSupport.h"

#include <QSemaphore>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <atomic>

using namespace Switchyard;

namespace {

/// Runs for minutes unless interrupted: counts a recursive sequence far beyond what a test waits for.
const QString EndlessQuery = QStringLiteral(
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 4000000000) SELECT COUNT(*) FROM n");

Result<qint64> scalar(Database &database, const QString &sql)
{
    auto rows = SqlSupport::run(database.connection(), sql, {}, QStringLiteral("test query"));
    if (!rows)
        return rows.error();
    return rows->next() ? rows->value(0).toLongLong() : -1;
}

}  // namespace

class TestDatabaseWorker : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Database m_database;

    /// Queues a read on @p worker that holds it until @p release is given a permit.
    static void block(DatabaseWorker &worker, QSemaphore &started, QSemaphore &release)
    {
        worker.run(
            [&started, &release](Database &) {
                started.release();
                release.acquire();
                return 0;
            },
            [](int) {});
        started.acquire();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_database.open(m_dir.filePath(QStringLiteral("worker.db"))).ok());
    }

    void readsRunOnTheWorkerAndAnswerOnTheCallersThreadInOrder()
    {
        DatabaseWorker worker(m_database, QStringLiteral("testWorker"));
        QCOMPARE(worker.workerThread()->objectName(), QStringLiteral("testWorker"));
        QList<int> answers;
        QList<QThread *> answerThreads;
        std::atomic<QThread *> readThread = nullptr;
        for (int i = 1; i <= 3; ++i) {
            worker.run(
                [i, &readThread](Database &database) {
                    readThread = QThread::currentThread();
                    // The worker's own connection answers.
                    return scalar(database, QStringLiteral("SELECT %1").arg(i));
                },
                [&](const Result<qint64> &value) {
                    answers << int(value.ok() ? *value : -1);
                    answerThreads << QThread::currentThread();
                });
        }
        // Nothing is answered synchronously: the answers come through the event loop.
        QVERIFY(answers.isEmpty());
        QTRY_COMPARE(answers, QList<int>({1, 2, 3}));
        QCOMPARE(readThread.load(), worker.workerThread());
        QVERIFY(readThread.load() != QThread::currentThread());
        for (QThread *thread : answerThreads)
            QCOMPARE(thread, QThread::currentThread());
    }

    void onlyTheLatestRequestIsAnswered()
    {
        DatabaseWorker worker(m_database, QStringLiteral("testWorker"));
        QSemaphore started;
        QSemaphore release;
        block(worker, started, release);
        // Three requests queue up behind the busy worker; the third makes the first two stale.
        LatestRequest requests;
        std::atomic<int> reads = 0;
        QList<int> answers;
        for (int i = 1; i <= 3; ++i) {
            worker.runLatest(
                requests.next(),
                [i, &reads](Database &) {
                    ++reads;
                    return i;
                },
                [&answers](int value) { answers << value; });
        }
        release.release();
        worker.waitForIdle();
        QCOMPARE(reads.load(), 1);  // stale requests never start
        QTRY_COMPARE(answers, QList<int>({3}));

        // A request that goes stale after it was read but before its answer is shown is dropped as well.
        worker.runLatest(
            requests.next(), [](Database &) { return 4; }, [&answers](int value) { answers << value; });
        worker.waitForIdle();
        requests.next();
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents();
        QCOMPARE(answers, QList<int>({3}));
    }

    void aStaleQueryIsInterrupted()
    {
        DatabaseWorker worker(m_database, QStringLiteral("testWorker"));
        LatestRequest requests;
        QSemaphore started;
        std::atomic<bool> finished = false;
        std::atomic<bool> failed = false;
        bool answered = false;
        worker.runLatest(
            requests.next(),
            [&](Database &database) {
                started.release();
                const auto count = scalar(database, EndlessQuery);
                failed = !count.ok();
                finished = true;
                return count.ok();
            },
            [&answered](bool) { answered = true; });
        started.acquire();
        requests.cancel();
        // Without the interruption this waits for minutes of counting and fails.
        QTRY_VERIFY_WITH_TIMEOUT(finished.load(), 30000);
        QVERIFY(failed.load());
        worker.waitForIdle();
        QCoreApplication::sendPostedEvents();
        QVERIFY(!answered);

        // The interruption ended with its request: the next query on the worker's connection runs to its end.
        std::optional<qint64> value;
        worker.runLatest(
            requests.next(), [](Database &database) { return scalar(database, QStringLiteral("SELECT 42")); },
            [&value](const Result<qint64> &result) { value = result.ok() ? *result : -1; });
        QTRY_VERIFY(value.has_value());
        QCOMPARE(*value, qint64(42));
        // run() reads are never interrupted: they have no ticket.
        std::optional<qint64> plain;
        worker.run([](Database &database) { return scalar(database, QStringLiteral("SELECT 7")); },
                   [&plain](const Result<qint64> &result) { plain = result.ok() ? *result : -1; });
        QTRY_VERIFY(plain.has_value());
        QCOMPARE(*plain, qint64(7));
    }

    void waitForIdleReturnsWhenQueuedReadsHaveRun()
    {
        DatabaseWorker worker(m_database, QStringLiteral("testWorker"));
        std::atomic<int> done = 0;
        for (int i = 0; i < 5; ++i) {
            worker.run(
                [&done](Database &database) {
                    const auto value = scalar(database, QStringLiteral("SELECT 1"));
                    ++done;
                    return value.ok();
                },
                [](bool) {});
        }
        worker.waitForIdle();
        QCOMPARE(done.load(), 5);
    }

    void noAnswerArrivesAfterTheWorkerIsGone()
    {
        bool answered = false;
        {
            DatabaseWorker worker(m_database, QStringLiteral("testWorker"));
            worker.run([](Database &database) { return scalar(database, QStringLiteral("SELECT 1")).ok(); },
                       [&answered](bool) { answered = true; });
            // The read has run and its answer waits in the event queue when the worker is destroyed.
            worker.waitForIdle();
        }
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QVERIFY(!answered);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseWorker)
#include "tst_databaseworker.moc"
