#pragma once

#include "core/common/Result.h"
#include "core/model/CallRecord.h"

#include <QElapsedTimer>
#include <QList>
#include <QMutex>
#include <QWaitCondition>
#include <deque>
#include <memory>

class QThread;

namespace Switchyard {

class Database;

/**
 * Writes CallRecords (a `calls` row and one `attempts` row per attempt) to the workspace database in batches, on a
 * worker thread with its own connection, so the engine never waits for the disk.
 *
 * record() only appends to an in-memory queue (a mutex held for a few instructions; the queue is unbounded). The
 * worker writes a batch, each in ONE transaction, as soon as `batchSize` records are waiting or the oldest waiting
 * record is `maxDelayMs` old, and whenever flush() asks. Records are written in the order record() accepted them.
 *
 * Durability: flush() returns once everything recorded before it is committed, and the destructor flushes, so a
 * normal exit loses nothing. A killed process loses at most what was not yet committed (the records of the current
 * batch and the queue); because a call and its attempts share a transaction and the database runs in WAL mode, the
 * file always opens intact and holds only complete calls with all their attempts.
 *
 * A call the database refuses (a duplicate uuid, a bot, config or session id that does not exist) is dropped on its
 * own — the rest of its batch is still written — and its Error is reported by the next flush() and by errors(). (A
 * batch is first tried as a whole; only when the database refuses it is it written again call by call, each call in
 * a savepoint, to find the refused ones.)
 *
 * The Database must stay open until the recorder is destroyed.
 */
class UsageRecorder {
public:
    struct Options {
        int batchSize = 1024;  ///< records per transaction at most; a full batch is written at once
        int maxDelayMs = 250;  ///< longest time a record waits in the queue before it is written
        /// Write rows through the SQLite C API on the same connection when the driver is QSQLITE, a batch in
        /// multi-row INSERTs (about twice the throughput of the QSqlQuery path, which binds a QVariant per value and
        /// runs a statement per row); false forces the portable QSqlQuery path (other drivers always use it).
        bool nativeSqlite = true;
        /// Update the report rollups once per batch (DeferredRollups): on the native path from the batch's records,
        /// totalled in memory (BatchRollupTotals), else from the rows it inserted; false leaves them to the per-row
        /// triggers (slower: kept for comparison benchmarks).
        bool batchRollups = true;
    };

    /// Starts the worker thread. It opens its own connection to @p database on first use.
    explicit UsageRecorder(Database &database);
    UsageRecorder(Database &database, Options options);

    /// Flushes everything recorded so far, then stops the worker.
    ~UsageRecorder();

    UsageRecorder(const UsageRecorder &) = delete;
    UsageRecorder &operator=(const UsageRecorder &) = delete;

    /// Queues @p call for writing and returns at once. Thread-safe. A call without a uuid gets a new time-ordered one
    /// (UUIDv7, which keeps the unique index on calls.uuid cheap to extend), a call
    /// without createdAt gets the current time, an attempt without startedAt gets the call's createdAt.
    void record(CallRecord call);

    /// A new call uuid of the kind record() gives: a UUIDv7 (RFC 9562, 48 bits of Unix milliseconds, then random
    /// bits). Time-ordered ids append to the UNIQUE index on calls.uuid instead of landing on a random page of it,
    /// which keeps every batch's writes (and the WAL) small; random v4 ids made recording several times slower on a
    /// large table. Callers that need the id before recording (to show or link it) take it from here.
    static QString newCallUuid();

    /// Blocks until every record queued before this call is written (or dropped). Thread-safe.
    /// @return the first Error since the previous flush() when a call was dropped, else success.
    Result<void> flush();

    /// Calls committed to the database so far.
    qint64 writtenCount() const;

    /// Calls the database refused so far.
    qint64 droppedCount() const;

    /// Every Error since the recorder started (the most recent 100).
    QList<Error> errors() const;

    const Options &options() const { return m_options; }

private:
    class Writer;

    void run();
    void finishBatch(qint64 written, qint64 dropped, const QList<Error> &errors);

    Database &m_database;
    const Options m_options;

    mutable QMutex m_mutex;
    QWaitCondition m_workAvailable;  ///< to the worker: records waiting, a flush or stop
    QWaitCondition m_batchDone;      ///< to flush(): a batch was processed
    std::deque<CallRecord> m_queue;
    qint64 m_enqueued = 0;     ///< records ever accepted
    qint64 m_processed = 0;    ///< records written or dropped
    qint64 m_flushTarget = 0;  ///< write without waiting until m_processed reaches this
    qint64 m_written = 0;
    qint64 m_dropped = 0;
    QElapsedTimer m_clock;
    qint64 m_oldestQueuedMs = 0;  ///< m_clock time the oldest queued record arrived
    bool m_stopping = false;
    QList<Error> m_errors;
    QList<Error> m_errorsSinceFlush;

    std::unique_ptr<QThread> m_thread;
};

}  // namespace Switchyard
