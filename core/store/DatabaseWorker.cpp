#include "core/store/DatabaseWorker.h"

#include "core/store/Database.h"
#include "core/store/SqliteHandle.h"

#include <QThread>

#ifdef SWITCHYARD_HAVE_SQLITE3_API
#include <sqlite3.h>
#endif

namespace Switchyard {

namespace {

#ifdef SWITCHYARD_HAVE_SQLITE3_API
/// How many virtual machine steps SQLite runs between two looks at the ticket: a few microseconds of work, so a stale
/// scan stops at once while the look itself costs nothing measurable.
constexpr int StepsBetweenChecks = 1000;

int interruptWhenStale(void *ticket)
{
    return static_cast<const LatestRequest::Ticket *>(ticket)->isStale() ? 1 : 0;
}
#endif

}  // namespace

DatabaseWorker::DatabaseWorker(Database &database, const QString &name, QObject *parent)
    : QObject(parent), m_database(database), m_thread(new QThread(this)), m_context(new QObject)
{
    m_thread->setObjectName(name);
    m_context->moveToThread(m_thread);
    m_thread->start();
}

DatabaseWorker::~DatabaseWorker()
{
    // The running read finishes (its answer is dropped with this object's posted events); queued reads never start.
    m_thread->quit();
    m_thread->wait();
    delete m_context;
}

void DatabaseWorker::post(std::function<void()> job)
{
    QMetaObject::invokeMethod(m_context, std::move(job), Qt::QueuedConnection);
}

void DatabaseWorker::answer(std::function<void()> delivery)
{
    QMetaObject::invokeMethod(this, std::move(delivery), Qt::QueuedConnection);
}

void DatabaseWorker::waitForIdle()
{
    if (QThread::currentThread() == m_thread)
        return;
    // The worker runs reads in order: an empty one queued behind them returns when they are done.
    QMetaObject::invokeMethod(
        m_context, [] {}, Qt::BlockingQueuedConnection);
}

DatabaseWorker::StaleInterrupt::StaleInterrupt(Database &database, const LatestRequest::Ticket &ticket)
{
#ifdef SWITCHYARD_HAVE_SQLITE3_API
    sqlite3 *handle = sqliteHandle(database.connection());
    if (handle)
        sqlite3_progress_handler(handle, StepsBetweenChecks, interruptWhenStale,
                                 const_cast<LatestRequest::Ticket *>(&ticket));
    m_handle = handle;
#else
    // Without the SQLite API a stale read runs to its end; its answer is still dropped.
    Q_UNUSED(database);
    Q_UNUSED(ticket);
#endif
}

DatabaseWorker::StaleInterrupt::~StaleInterrupt()
{
#ifdef SWITCHYARD_HAVE_SQLITE3_API
    if (m_handle)
        sqlite3_progress_handler(static_cast<sqlite3 *>(m_handle), 0, nullptr, nullptr);
#endif
}

}  // namespace Switchyard
