#include "core/accounting/UsageRecorder.h"

#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QDate>
#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QVariant>
#include <cstdio>

#ifdef SWITCHYARD_HAVE_SQLITE3_API
#include <sqlite3.h>
#endif

namespace Switchyard {

namespace {

constexpr int MaxKeptErrors = 100;

const char CallInsertSql[] =
    "INSERT INTO calls (uuid, bot_id, config_id, session_id, user_ref, prompt_key, prompt_version, "
    "requested_provider, requested_model, requested_region, served_provider, served_model, served_region, status, "
    "error_class, error_message, streamed, latency_ms, ttft_ms, input_tokens, cached_input_tokens, "
    "cache_write_tokens, output_tokens, reasoning_tokens, cost_usd, created_at, is_demo) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const char AttemptInsertSql[] =
    "INSERT INTO attempts (call_id, hop_index, retry_index, provider, model, region, outcome, http_status, "
    "error_class, error_message, latency_ms, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

/// Writes "2025-01-31T12:00:00.000Z" (the store's timestamp format) to @p buffer (at least 32 bytes) and returns its
/// length; done by hand because QDateTime::toString() costs more than the rest of a row.
int formatTimestamp(const QDateTime &when, char *buffer)
{
    const qint64 msecs = when.toMSecsSinceEpoch();
    const qint64 days = msecs >= 0 ? msecs / 86400000 : -((-msecs + 86399999) / 86400000);
    const qint64 inDay = msecs - days * 86400000;
    int year = 0, month = 0, day = 0;
    QDate::fromJulianDay(2440588 + days).getDate(&year, &month, &day);
    const int ms = int(inDay % 1000);
    const int s = int(inDay / 1000 % 60);
    const int m = int(inDay / 60000 % 60);
    const int h = int(inDay / 3600000);
    return std::snprintf(buffer, 32, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", year, month, day, h, m, s, ms);
}

QString formatTimestamp(const QDateTime &when)
{
    char buffer[32];
    const int length = formatTimestamp(when, buffer);
    return QString::fromLatin1(buffer, length);
}

/// A UUIDv7 (RFC 9562): 48 bits of Unix time in milliseconds, then 74 random bits. Time-ordered ids append to the
/// UNIQUE index on calls.uuid instead of landing on a random page of it, which keeps every batch's writes (and the
/// WAL) small; random v4 ids made the recorder several times slower on a large table.
QString newCallUuid()
{
    const quint64 millis = quint64(QDateTime::currentMSecsSinceEpoch());
    const quint64 random = QRandomGenerator::global()->generate64();
    const quint64 randomB = QRandomGenerator::global()->generate64();
    QByteArray bytes(16, Qt::Uninitialized);
    for (int i = 0; i < 6; ++i)
        bytes[i] = char(millis >> (40 - 8 * i));
    bytes[6] = char(0x70 | (random & 0x0f));  // version 7 + 4 random bits
    bytes[7] = char(random >> 8);
    bytes[8] = char(0x80 | ((random >> 16) & 0x3f));  // RFC 4122 variant + 6 random bits
    for (int i = 9; i < 16; ++i)
        bytes[i] = char(randomB >> (8 * (i - 9)));
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

QString errorClassName(FailureClass failure)
{
    return failure == FailureClass::None ? QString() : failureClassName(failure);
}

#ifdef SWITCHYARD_HAVE_SQLITE3_API
/// The two INSERTs straight on the SQLite connection under Qt's QSQLITE driver (the same library and handle), for
/// the recorder's throughput: binding through QSqlQuery costs a QVariant and a formatted placeholder name per value,
/// which is most of the time of a row.
class NativeStatements {
public:
    static std::unique_ptr<NativeStatements> create(const QSqlDatabase &db)
    {
        if (db.driverName() != QLatin1String("QSQLITE"))
            return nullptr;
        const QVariant handle = db.driver()->handle();
        if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
            return nullptr;
        sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
        if (!connection)
            return nullptr;
        auto statements = std::unique_ptr<NativeStatements>(new NativeStatements(connection));
        if (!statements->prepare())
            return nullptr;
        return statements;
    }

    ~NativeStatements()
    {
        sqlite3_finalize(m_call);
        sqlite3_finalize(m_attempt);
    }

    NativeStatements(const NativeStatements &) = delete;
    NativeStatements &operator=(const NativeStatements &) = delete;

    /// Empty on success, else SQLite's message.
    QString insert(const CallRecord &call, QString *failedAction)
    {
        m_used = 0;
        char created[32];
        const int createdLength = formatTimestamp(call.createdAt, created);
        sqlite3_stmt *q = m_call;
        int i = 1;
        bindText(q, i++, call.uuid);
        bindInt(q, i++, call.botId);
        bindInt(q, i++, call.configId);
        bindInt(q, i++, call.sessionId);
        bindText(q, i++, call.userRef);
        bindText(q, i++, call.promptKey);
        if (call.promptVersion)
            sqlite3_bind_int64(q, i++, *call.promptVersion);
        else
            sqlite3_bind_null(q, i++);
        bindText(q, i++, call.requestedProvider);
        bindText(q, i++, call.requestedModel);
        bindText(q, i++, call.requestedRegion);
        bindText(q, i++, call.servedProvider);
        bindText(q, i++, call.servedModel);
        bindText(q, i++, call.servedRegion);
        const QString status = CallRecord::statusName(call.status);
        bindText(q, i++, status);
        const QString errorClass = errorClassName(call.errorClass);
        bindText(q, i++, errorClass);
        bindText(q, i++, call.errorMessage);
        sqlite3_bind_int(q, i++, call.streamed ? 1 : 0);
        bindInt(q, i++, call.latencyMs);
        bindInt(q, i++, call.ttftMs);
        sqlite3_bind_int64(q, i++, call.usage.input);
        sqlite3_bind_int64(q, i++, call.usage.cachedInput);
        sqlite3_bind_int64(q, i++, call.usage.cacheWrite);
        sqlite3_bind_int64(q, i++, call.usage.output);
        sqlite3_bind_int64(q, i++, call.usage.reasoning);
        sqlite3_bind_double(q, i++, call.costUsd);
        sqlite3_bind_text(q, i++, created, createdLength, SQLITE_STATIC);
        sqlite3_bind_int(q, i++, call.isDemo ? 1 : 0);
        if (!step(q)) {
            *failedAction = QStringLiteral("record call %1").arg(call.uuid);
            return m_lastError;
        }
        const sqlite3_int64 callId = sqlite3_last_insert_rowid(m_db);

        sqlite3_stmt *a = m_attempt;
        for (const AttemptRecord &attempt : call.attempts) {
            m_used = 0;  // the call's row is stored; its texts are no longer needed
            char started[32];
            const int startedLength = attempt.startedAt.isValid() ? formatTimestamp(attempt.startedAt, started) : 0;
            int j = 1;
            sqlite3_bind_int64(a, j++, callId);
            sqlite3_bind_int(a, j++, attempt.hopIndex);
            sqlite3_bind_int(a, j++, attempt.retryIndex);
            bindText(a, j++, attempt.provider);
            bindText(a, j++, attempt.model);
            bindText(a, j++, attempt.region);
            const QString outcome = AttemptRecord::outcomeName(attempt.outcome);
            bindText(a, j++, outcome);
            if (attempt.httpStatus)
                sqlite3_bind_int(a, j++, *attempt.httpStatus);
            else
                sqlite3_bind_null(a, j++);
            const QString attemptClass = errorClassName(attempt.errorClass);
            bindText(a, j++, attemptClass);
            bindText(a, j++, attempt.errorMessage);
            bindInt(a, j++, attempt.latencyMs);
            if (startedLength > 0)
                sqlite3_bind_text(a, j++, started, startedLength, SQLITE_STATIC);
            else
                sqlite3_bind_text(a, j++, created, createdLength, SQLITE_STATIC);
            if (!step(a)) {
                *failedAction = QStringLiteral("record attempt %1.%2 of call %3")
                                    .arg(attempt.hopIndex)
                                    .arg(attempt.retryIndex)
                                    .arg(call.uuid);
                return m_lastError;
            }
        }
        return {};
    }

private:
    explicit NativeStatements(sqlite3 *db) : m_db(db) {}

    bool prepare()
    {
        return sqlite3_prepare_v3(m_db, CallInsertSql, -1, SQLITE_PREPARE_PERSISTENT, &m_call, nullptr) == SQLITE_OK &&
               sqlite3_prepare_v3(m_db, AttemptInsertSql, -1, SQLITE_PREPARE_PERSISTENT, &m_attempt, nullptr) ==
                   SQLITE_OK;
    }

    /// Binds as TEXT; a null QString binds as '' (the columns are NOT NULL), never as NULL. ASCII (nearly every
    /// value: ids, names, statuses) is copied into a scratch buffer as UTF-8 so SQLite need not convert UTF-16.
    void bindText(sqlite3_stmt *statement, int index, const QString &value)
    {
        const qsizetype size = value.size();
        if (size <= qsizetype(m_scratch.size()) - m_used) {
            const char16_t *in = reinterpret_cast<const char16_t *>(value.utf16());
            char *out = m_scratch.data() + m_used;
            bool ascii = true;
            for (qsizetype i = 0; i < size; ++i) {
                if (in[i] >= 0x80) {
                    ascii = false;
                    break;
                }
                out[i] = char(in[i]);
            }
            if (ascii) {
                sqlite3_bind_text(statement, index, out, int(size), SQLITE_STATIC);
                m_used += size;
                return;
            }
        }
        static const char16_t empty[1] = {0};
        const void *data = value.isEmpty() ? static_cast<const void *>(empty) : value.utf16();
        sqlite3_bind_text16(statement, index, data, int(size * 2), SQLITE_STATIC);
    }

    template <typename T> static void bindInt(sqlite3_stmt *statement, int index, const std::optional<T> &value)
    {
        if (value)
            sqlite3_bind_int64(statement, index, *value);
        else
            sqlite3_bind_null(statement, index);
    }

    bool step(sqlite3_stmt *statement)
    {
        const int rc = sqlite3_step(statement);
        if (rc != SQLITE_DONE)
            m_lastError = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
        return rc == SQLITE_DONE;
    }

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_call = nullptr;
    sqlite3_stmt *m_attempt = nullptr;
    QString m_lastError;
    std::vector<char> m_scratch = std::vector<char>(16384);  ///< UTF-8 of the row being bound (SQLITE_STATIC)
    qsizetype m_used = 0;
};
#endif

QVariant nullableInt(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant nullableInt(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Int));
}

/// Qt binds a null QString as SQL NULL; the text columns are NOT NULL with '' for "none".
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

}  // namespace

/// The worker's prepared statements on its own connection.
class UsageRecorder::Writer {
public:
    Writer(QSqlDatabase db, bool native) : m_db(std::move(db)), m_insertCall(m_db), m_insertAttempt(m_db)
    {
        m_prepared = m_insertCall.prepare(QString::fromLatin1(CallInsertSql)) &&
                     m_insertAttempt.prepare(QString::fromLatin1(AttemptInsertSql));
        if (!m_prepared) {
            m_prepareError = (m_insertCall.lastError().isValid() ? m_insertCall : m_insertAttempt).lastError().text();
        }
#ifdef SWITCHYARD_HAVE_SQLITE3_API
        if (m_prepared && native)
            m_native = NativeStatements::create(m_db);
#else
        Q_UNUSED(native);
#endif
    }

    QSqlDatabase database() const
    {
        return m_db;
    }

    Result<void> ready() const
    {
        if (m_prepared)
            return {};
        return Error::make(Error::Code::Database,
                           QStringLiteral("Could not prepare to record calls (%1); the workspace may be from another "
                                          "version: reopen it with this Switchyard.")
                               .arg(m_prepareError),
                           m_db.databaseName());
    }

    /// Inserts one call and its attempts (inside the caller's transaction).
    Result<void> insert(const CallRecord &call)
    {
#ifdef SWITCHYARD_HAVE_SQLITE3_API
        if (m_native) {
            QString action;
            const QString error = m_native->insert(call, &action);
            if (error.isEmpty())
                return {};
            return failure(action, error);
        }
#endif
        const QString created = formatTimestamp(call.createdAt);
        QSqlQuery &q = m_insertCall;
        int i = 0;
        q.bindValue(i++, text(call.uuid));
        q.bindValue(i++, nullableInt(call.botId));
        q.bindValue(i++, nullableInt(call.configId));
        q.bindValue(i++, nullableInt(call.sessionId));
        q.bindValue(i++, text(call.userRef));
        q.bindValue(i++, text(call.promptKey));
        q.bindValue(i++, nullableInt(call.promptVersion));
        q.bindValue(i++, text(call.requestedProvider));
        q.bindValue(i++, text(call.requestedModel));
        q.bindValue(i++, text(call.requestedRegion));
        q.bindValue(i++, text(call.servedProvider));
        q.bindValue(i++, text(call.servedModel));
        q.bindValue(i++, text(call.servedRegion));
        q.bindValue(i++, CallRecord::statusName(call.status));
        q.bindValue(i++, text(errorClassName(call.errorClass)));
        q.bindValue(i++, text(call.errorMessage));
        q.bindValue(i++, call.streamed ? 1 : 0);
        q.bindValue(i++, nullableInt(call.latencyMs));
        q.bindValue(i++, nullableInt(call.ttftMs));
        q.bindValue(i++, call.usage.input);
        q.bindValue(i++, call.usage.cachedInput);
        q.bindValue(i++, call.usage.cacheWrite);
        q.bindValue(i++, call.usage.output);
        q.bindValue(i++, call.usage.reasoning);
        q.bindValue(i++, call.costUsd);
        q.bindValue(i++, created);
        q.bindValue(i++, call.isDemo ? 1 : 0);
        if (!q.exec())
            return failure(q, QStringLiteral("record call %1").arg(call.uuid));
        const qint64 callId = q.lastInsertId().toLongLong();

        QSqlQuery &a = m_insertAttempt;
        for (const AttemptRecord &attempt : call.attempts) {
            int j = 0;
            a.bindValue(j++, callId);
            a.bindValue(j++, attempt.hopIndex);
            a.bindValue(j++, attempt.retryIndex);
            a.bindValue(j++, text(attempt.provider));
            a.bindValue(j++, text(attempt.model));
            a.bindValue(j++, text(attempt.region));
            a.bindValue(j++, AttemptRecord::outcomeName(attempt.outcome));
            a.bindValue(j++, nullableInt(attempt.httpStatus));
            a.bindValue(j++, text(errorClassName(attempt.errorClass)));
            a.bindValue(j++, text(attempt.errorMessage));
            a.bindValue(j++, nullableInt(attempt.latencyMs));
            a.bindValue(j++, attempt.startedAt.isValid() ? formatTimestamp(attempt.startedAt) : created);
            if (!a.exec()) {
                return failure(a, QStringLiteral("record attempt %1.%2 of call %3")
                                      .arg(attempt.hopIndex)
                                      .arg(attempt.retryIndex)
                                      .arg(call.uuid));
            }
        }
        return {};
    }

private:
    Error failure(QSqlQuery &query, const QString &action) const
    {
        const QString text = query.lastError().text();
        query.finish();
        return failure(action, text);
    }

    Error failure(const QString &action, const QString &text) const
    {
        return Error::make(Error::Code::Database,
                           QStringLiteral("Could not %1 (%2); the call was not recorded. Check that its bot, config "
                                          "and session exist and that its uuid is new.")
                               .arg(action, text),
                           m_db.databaseName());
    }

    QSqlDatabase m_db;
    QSqlQuery m_insertCall;
    QSqlQuery m_insertAttempt;
    bool m_prepared = false;
    QString m_prepareError;
#ifdef SWITCHYARD_HAVE_SQLITE3_API
    std::unique_ptr<NativeStatements> m_native;  ///< destroyed before the queries, on the worker thread
#endif
};

UsageRecorder::UsageRecorder(Database &database) : UsageRecorder(database, Options{}) {}

UsageRecorder::UsageRecorder(Database &database, Options options)
    : m_database(database), m_options{qMax(1, options.batchSize), qMax(0, options.maxDelayMs), options.nativeSqlite}
{
    m_clock.start();
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("switchyard-usage-recorder"));
    m_thread->start();
}

UsageRecorder::~UsageRecorder()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_workAvailable.wakeAll();
    }
    m_thread->wait();
}

void UsageRecorder::record(CallRecord call)
{
    if (call.uuid.isEmpty())
        call.uuid = newCallUuid();
    if (!call.createdAt.isValid())
        call.createdAt = QDateTime::currentDateTimeUtc();
    QMutexLocker lock(&m_mutex);
    if (m_queue.empty())
        m_oldestQueuedMs = m_clock.elapsed();
    m_queue.push_back(std::move(call));
    ++m_enqueued;
    // Wake the worker when it has something new to time (first record) or a full batch; not for every record.
    if (m_queue.size() == 1 || m_queue.size() == std::size_t(m_options.batchSize))
        m_workAvailable.wakeOne();
}

Result<void> UsageRecorder::flush()
{
    QMutexLocker lock(&m_mutex);
    const qint64 target = m_enqueued;
    if (target > m_flushTarget) {
        m_flushTarget = target;
        m_workAvailable.wakeOne();
    }
    while (m_processed < target)
        m_batchDone.wait(&m_mutex);
    if (m_errorsSinceFlush.isEmpty())
        return {};
    const Error first = m_errorsSinceFlush.first();
    m_errorsSinceFlush.clear();
    return first;
}

qint64 UsageRecorder::writtenCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_written;
}

qint64 UsageRecorder::droppedCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_dropped;
}

QList<Error> UsageRecorder::errors() const
{
    QMutexLocker lock(&m_mutex);
    return m_errors;
}

void UsageRecorder::finishBatch(qint64 written, qint64 dropped, const QList<Error> &errors)
{
    QMutexLocker lock(&m_mutex);
    m_written += written;
    m_dropped += dropped;
    m_processed += written + dropped;
    for (const Error &error : errors) {
        m_errors.append(error);
        m_errorsSinceFlush.append(error);
    }
    while (m_errors.size() > MaxKeptErrors)
        m_errors.removeFirst();
    m_batchDone.wakeAll();
}

void UsageRecorder::run()
{
    std::unique_ptr<Writer> writer;
    Error connectionError;
    {
        auto db = m_database.checkedConnection();
        if (db && db->driverName() == QLatin1String("QSQLITE")) {
            // This connection only appends. A large page cache keeps the hot index pages in memory between batches,
            // and checkpointing every 32 MB of WAL (instead of 4 MB) cuts the recorder's disk work: each checkpoint
            // rewrites the same index pages and syncs. Both settings apply to this connection only.
            QSqlQuery pragma(*db);
            pragma.exec(QStringLiteral("PRAGMA cache_size = -16384"));
            pragma.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 8192"));
        }
        if (db)
            writer = std::make_unique<Writer>(*db, m_options.nativeSqlite);
        else
            connectionError = db.error();
    }

    std::vector<CallRecord> batch;
    batch.reserve(std::size_t(m_options.batchSize));
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            for (;;) {
                if (m_queue.empty()) {
                    if (m_stopping)
                        return;
                    m_workAvailable.wait(&m_mutex);
                    continue;
                }
                const bool full = m_queue.size() >= std::size_t(m_options.batchSize);
                const bool flushing = m_flushTarget > m_processed;
                const qint64 waited = m_clock.elapsed() - m_oldestQueuedMs;
                if (full || flushing || m_stopping || waited >= m_options.maxDelayMs)
                    break;
                m_workAvailable.wait(&m_mutex, QDeadlineTimer(m_options.maxDelayMs - waited));
            }
            const std::size_t count = qMin(m_queue.size(), std::size_t(m_options.batchSize));
            for (std::size_t n = 0; n < count; ++n) {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
            // What stays behind has waited at least as long as what was taken: write it without delay.
        }

        QList<Error> errors;
        qint64 written = 0;
        if (!writer) {
            errors.append(connectionError);
        } else if (auto ready = writer->ready(); !ready) {
            errors.append(ready.error());
        } else {
            // Fast path: the whole batch in one transaction. If the database refuses one call, redo the batch with a
            // savepoint per call so that only the refused calls are dropped.
            bool refused = false;
            {
                Transaction tx(writer->database());
                if (!tx.isActive()) {
                    errors.append(tx.error());
                } else {
                    for (const CallRecord &call : batch) {
                        if (!writer->insert(call)) {
                            refused = true;
                            break;
                        }
                    }
                    if (!refused) {
                        if (auto committed = tx.commit())
                            written = qint64(batch.size());
                        else
                            errors.append(committed.error());
                    }
                }
            }
            if (refused) {
                Transaction tx(writer->database());
                if (!tx.isActive()) {
                    errors.append(tx.error());
                } else {
                    qint64 kept = 0;
                    for (const CallRecord &call : batch) {
                        Transaction one(writer->database());
                        auto inserted = one.isActive() ? writer->insert(call) : Result<void>(one.error());
                        if (inserted)
                            inserted = one.commit();
                        if (inserted)
                            ++kept;
                        else
                            errors.append(inserted.error());
                    }
                    if (auto committed = tx.commit())
                        written = kept;
                    else
                        errors.append(committed.error());
                }
            }
        }
        finishBatch(written, qint64(batch.size()) - written, errors);
        batch.clear();
    }
}

}  // namespace Switchyard
