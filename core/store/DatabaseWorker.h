#pragma once

#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <utility>

class QThread;

namespace Switchyard {

class Database;

/**
 * A stream of requests where only the newest matters (the call list for the filter the user has now, its count):
 * each next() makes every earlier ticket stale. DatabaseWorker::runLatest() skips a stale request, interrupts its
 * query when it goes stale while running, and drops its answer. next() and cancel() belong to the thread that owns
 * the LatestRequest; tickets may be checked from any thread.
 */
class LatestRequest {
public:
    /// One request of the stream.
    class Ticket {
    public:
        Ticket() = default;
        /// True once a newer request was made (or the stream was cancelled); a default ticket is always stale.
        bool isStale() const { return !m_latest || m_latest->load(std::memory_order_acquire) != m_id; }

    private:
        friend class LatestRequest;
        Ticket(std::shared_ptr<const std::atomic<quint64>> latest, quint64 id) : m_latest(std::move(latest)), m_id(id)
        {
        }
        std::shared_ptr<const std::atomic<quint64>> m_latest;
        quint64 m_id = 0;
    };

    /// A new request; every earlier ticket is stale from now on.
    Ticket next() { return {m_latest, m_latest->fetch_add(1, std::memory_order_acq_rel) + 1}; }
    /// Makes every ticket stale without starting a new request.
    void cancel() { m_latest->fetch_add(1, std::memory_order_acq_rel); }

private:
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
};

/**
 * A thread with its own database connection that runs reads for the UI thread, one after the other in the order
 * they were asked, and hands each answer back on the thread that created the worker, so a page never waits for
 * SQLite. run() always answers; runLatest() answers only the newest request of a LatestRequest stream and interrupts
 * (sqlite3_progress_handler) a query that became stale while it runs, so a filter typed again does not wait behind
 * the scan of the one before.
 *
 * A read gets the worker's Database and must not touch objects of other threads: capture values, not widgets. The
 * destructor lets the running read finish and drops the rest; answers are never delivered after it.
 */
class DatabaseWorker : public QObject {
    Q_OBJECT

public:
    /// Starts the thread, named @p name (seen in debuggers and in QThread::objectName()).
    DatabaseWorker(Database &database, const QString &name, QObject *parent = nullptr);
    ~DatabaseWorker() override;

    /// Runs `read(Database &)` on the worker, then `deliver(result)` on this object's thread.
    template <typename Read, typename Deliver> void run(Read read, Deliver deliver)
    {
        post([this, read = std::move(read), deliver = std::move(deliver)]() mutable {
            auto result = read(m_database);
            answer([deliver, result = std::move(result)]() mutable { deliver(result); });
        });
    }

    /// Like run() for request @p ticket: skipped when stale before it starts, its SQLite statements interrupted when
    /// it goes stale while running, and `deliver` only called while it is still the latest request on arrival.
    template <typename Read, typename Deliver>
    void runLatest(const LatestRequest::Ticket &ticket, Read read, Deliver deliver)
    {
        post([this, ticket, read = std::move(read), deliver = std::move(deliver)]() mutable {
            if (ticket.isStale())
                return;
            auto result = [&] {
                const StaleInterrupt interrupt(m_database, ticket);
                return read(m_database);
            }();
            if (ticket.isStale())
                return;
            answer([ticket, deliver, result = std::move(result)]() mutable {
                if (!ticket.isStale())
                    deliver(result);
            });
        });
    }

    /// Blocks until every read asked for so far has finished (before the database is closed or reopened, which
    /// closes this worker's connection too). Answers already made are still delivered by the event loop.
    void waitForIdle();

    /// The thread the reads run on.
    QThread *workerThread() const { return m_thread; }

private:
    /// While it lives, the calling thread's connection stops (SQLITE_INTERRUPT) any statement once @p ticket is stale.
    class StaleInterrupt {
    public:
        StaleInterrupt(Database &database, const LatestRequest::Ticket &ticket);
        ~StaleInterrupt();
        StaleInterrupt(const StaleInterrupt &) = delete;
        StaleInterrupt &operator=(const StaleInterrupt &) = delete;

    private:
        void *m_handle = nullptr;
    };

    void post(std::function<void()> job);
    void answer(std::function<void()> delivery);

    Database &m_database;
    QThread *m_thread = nullptr;
    QObject *m_context = nullptr;  ///< lives on m_thread; the reads run in its event loop
};

}  // namespace Switchyard
