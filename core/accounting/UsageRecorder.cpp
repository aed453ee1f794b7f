#include "core/accounting/UsageRecorder.h"

#include "core/store/CallRowText.h"
#include "core/store/Database.h"
#include "core/store/DeferredRollups.h"
#include "core/store/RestartNoteStore.h"
#include "core/store/SentPromptStore.h"
#include "core/store/SqlSupport.h"
#include "core/store/SqliteHandle.h"
#include "core/store/Transaction.h"

#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QVariant>
#include <array>
#include <bit>
#include <cstring>
#include <limits>

#ifdef SWITCHYARD_HAVE_SQLITE3_API
#include <sqlite3.h>
#endif

namespace Switchyard {

namespace {

constexpr int MaxKeptErrors = 100;

const char CallColumns[] =
    "uuid, bot_id, config_id, session_id, user_ref, prompt_key, prompt_version, requested_provider, requested_model, "
    "requested_region, served_provider, served_model, served_region, status, error_class, error_message, streamed, "
    "latency_ms, ttft_ms, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, "
    "cost_usd, created_at, is_demo";
constexpr int CallColumnCount = 27;
const char AttemptColumns[] = "call_id, hop_index, retry_index, provider, model, region, outcome, http_status, "
                              "error_class, error_message, latency_ms, started_at";
constexpr int AttemptColumnCount = 12;
/// Every table the recorder inserts into (DeferredRollups::skipRowTriggers() checks their triggers).
const QStringList RecordedTables = {QStringLiteral("calls"), QStringLiteral("attempts"), QStringLiteral("prompt_texts"),
                                    QStringLiteral("call_prompts"), QStringLiteral("attempt_restarts")};

/// "INSERT INTO table (columns) VALUES (?, ...), (?, ...)" with @p rows rows of @p columnCount placeholders.
QByteArray insertSql(const char *table, const char *columns, int columnCount, int rows)
{
    const QByteArray row = '(' + SqlSupport::placeholders(columnCount).toLatin1() + ')';
    QByteArray sql = QByteArray("INSERT INTO ") + table + " (" + columns + ") VALUES " + row;
    for (int r = 1; r < rows; ++r)
        sql += ", " + row;
    return sql;
}

using CallRowText::formatTimestamp;

#ifdef SWITCHYARD_HAVE_SQLITE3_API
/// The INSERTs straight on the SQLite connection under Qt's QSQLITE driver (the same library and handle), for the
/// recorder's throughput: binding through QSqlQuery costs a QVariant and a formatted placeholder name per value,
/// which is most of the time of a row.
///
/// A batch goes in as multi-row INSERTs of RowsPerStatement rows (all its calls, then all their attempts; the rest in
/// power-of-two pieces, so that at most a handful of statements per table are ever prepared):
/// SQLite's per-statement work (opening a cursor per index, the AUTOINCREMENT bookkeeping, closing) is paid once per
/// statement instead of once per row, and its cursors stay on the last page of each index between the rows of a
/// statement, so appending (time-ordered keys) skips the descent from the root.
class NativeStatements {
public:
    static constexpr int RowsPerStatement = 256;  ///< a power of two

    static std::unique_ptr<NativeStatements> create(const QSqlDatabase &db)
    {
        sqlite3 *connection = sqliteHandle(db);
        if (!connection)
            return nullptr;
        auto statements = std::unique_ptr<NativeStatements>(new NativeStatements(connection));
        if (!statements->prepareSingleRow())
            return nullptr;
        return statements;
    }

    ~NativeStatements()
    {
        for (sqlite3_stmt *statement : m_calls)
            sqlite3_finalize(statement);
        for (sqlite3_stmt *statement : m_attempts)
            sqlite3_finalize(statement);
        sqlite3_finalize(m_lastCallId);
    }

    NativeStatements(const NativeStatements &) = delete;
    NativeStatements &operator=(const NativeStatements &) = delete;

    /// Inserts every call of @p batch with its attempts (inside the caller's transaction). Empty on success, else
    /// SQLite's message: then some rows may be in, and the caller must roll the transaction back.
    QString insertBatch(const std::vector<CallRecord> &batch)
    {
        // The calls get explicit ids, so that their attempts know them without a round trip per call. The caller's
        // transaction holds the write lock; AUTOINCREMENT never reuses an id, hence the sqlite_sequence term.
        if (sqlite3_step(m_lastCallId) != SQLITE_ROW) {
            const QString error = QString::fromUtf8(sqlite3_errmsg(m_db));
            sqlite3_reset(m_lastCallId);
            return error;
        }
        const sqlite3_int64 lastId = sqlite3_column_int64(m_lastCallId, 0);
        sqlite3_reset(m_lastCallId);
        if (lastId > std::numeric_limits<sqlite3_int64>::max() - sqlite3_int64(batch.size()))
            return QStringLiteral("no call ids left");
        const sqlite3_int64 firstId = lastId + 1;

        const int count = int(batch.size());
        for (int begin = 0, rows = 0; begin < count; begin += rows) {
            rows = statementRows(count - begin);
            sqlite3_stmt *statement = callStatement(rows);
            if (!statement)
                return m_lastError;
            m_used = 0;
            for (int r = 0; r < rows; ++r) {
                const CallRecord &call = batch[std::size_t(begin + r)];
                bindCall(statement, r * (CallColumnCount + 1) + 1, call, firstId + begin + r);
            }
            if (!step(statement))
                return m_lastError;
        }

        struct PendingAttempt {
            const AttemptRecord *attempt;
            const CallRecord *call;
            sqlite3_int64 callId;
        };
        std::array<PendingAttempt, RowsPerStatement> pending;
        int pendingCount = 0;
        const auto writeAttempts = [&]() {
            for (int begin = 0, rows = 0; begin < pendingCount; begin += rows) {
                rows = statementRows(pendingCount - begin);
                sqlite3_stmt *statement = attemptStatement(rows);
                if (!statement)
                    return false;
                m_used = 0;
                for (int r = 0; r < rows; ++r) {
                    const PendingAttempt &row = pending[std::size_t(begin + r)];
                    bindAttempt(statement, r * AttemptColumnCount + 1, *row.attempt, row.callId, row.call->createdAt);
                }
                if (!step(statement))
                    return false;
            }
            pendingCount = 0;
            return true;
        };
        for (int c = 0; c < count; ++c) {
            const CallRecord &call = batch[std::size_t(c)];
            for (const AttemptRecord &attempt : call.attempts) {
                pending[std::size_t(pendingCount++)] = {&attempt, &call, firstId + c};
                if (pendingCount == m_maxRows && !writeAttempts())
                    return m_lastError;
            }
        }
        if (!writeAttempts())
            return m_lastError;
        return {};
    }

    /// Inserts one call and its attempts, one row per statement (the per-call retry of a refused batch). Empty on
    /// success, else SQLite's message and, in @p failedAction, what failed.
    QString insert(const CallRecord &call, QString *failedAction)
    {
        m_used = 0;
        sqlite3_stmt *const insertCall = callStatement(1);  // prepared by create()
        bindCall(insertCall, 1, call, std::nullopt);
        if (!step(insertCall)) {
            *failedAction = QStringLiteral("record call %1").arg(call.uuid);
            return m_lastError;
        }
        const sqlite3_int64 callId = sqlite3_last_insert_rowid(m_db);
        sqlite3_stmt *const insertAttempt = attemptStatement(1);
        for (const AttemptRecord &attempt : call.attempts) {
            m_used = 0;
            bindAttempt(insertAttempt, 1, attempt, callId, call.createdAt);
            if (!step(insertAttempt)) {
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
    /// How long the text bound to a parameter stays valid: the record's own strings live until the batch is done,
    /// names made for the row (statuses, error classes) die before the statement runs.
    enum class Lifetime { Batch, Temporary };

    using StatementCache = std::array<sqlite3_stmt *, std::countr_zero(unsigned(RowsPerStatement)) + 1>;

    explicit NativeStatements(sqlite3 *db) : m_db(db)
    {
        // A build of SQLite may allow fewer parameters per statement than 64 calls need (the limit was 999 before
        // 3.32).
        const int parameters = sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, -1);
        while (m_maxRows > 1 && m_maxRows * (CallColumnCount + 1) > parameters)
            m_maxRows /= 2;
    }

    /// Rows of the next statement for @p remaining rows: the most a statement takes, or the largest power of two
    /// that fits.
    int statementRows(int remaining) const
    {
        int rows = m_maxRows;
        while (rows > remaining)
            rows /= 2;
        return rows;
    }

    bool prepareSingleRow()
    {
        return callStatement(1) && attemptStatement(1) &&
               sqlite3_prepare_v3(m_db,
                                  "SELECT max(coalesce(max(id), 0), coalesce((SELECT seq FROM sqlite_sequence WHERE "
                                  "name = 'calls'), 0)) FROM calls",
                                  -1, SQLITE_PREPARE_PERSISTENT, &m_lastCallId, nullptr) == SQLITE_OK;
    }

    /// The INSERT of @p rows calls (with an explicit id column), prepared on first use; null on failure.
    sqlite3_stmt *callStatement(int rows)
    {
        return statement(m_calls, rows, [rows] {
            return insertSql("calls", (QByteArray("id, ") + CallColumns).constData(), CallColumnCount + 1, rows);
        });
    }

    sqlite3_stmt *attemptStatement(int rows)
    {
        return statement(m_attempts, rows,
                         [rows] { return insertSql("attempts", AttemptColumns, AttemptColumnCount, rows); });
    }

    template <typename MakeSql> sqlite3_stmt *statement(StatementCache &cache, int rows, MakeSql makeSql)
    {
        sqlite3_stmt *&slot = cache[std::size_t(std::countr_zero(unsigned(rows)))];
        if (!slot) {
            const QByteArray sql = makeSql();
            if (sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &slot, nullptr) !=
                SQLITE_OK) {
                m_lastError = QString::fromUtf8(sqlite3_errmsg(m_db));
                slot = nullptr;
            }
        }
        return slot;
    }

    /// Binds @p call's columns from parameter @p first on: its id (NULL lets SQLite choose), then CallColumns.
    void bindCall(sqlite3_stmt *q, int first, const CallRecord &call, std::optional<sqlite3_int64> id)
    {
        int i = first;
        bindInt(q, i++, id);
        bindText(q, i++, call.uuid);
        bindInt(q, i++, call.botId);
        bindInt(q, i++, call.configId);
        bindInt(q, i++, call.sessionId);
        bindText(q, i++, call.userRef);
        bindText(q, i++, call.promptKey);
        bindInt(q, i++, call.promptVersion);
        bindText(q, i++, call.requestedProvider);
        bindText(q, i++, call.requestedModel);
        bindText(q, i++, call.requestedRegion);
        bindText(q, i++, call.servedProvider);
        bindText(q, i++, call.servedModel);
        bindText(q, i++, call.servedRegion);
        bindText(q, i++, CallRecord::statusName(call.status), Lifetime::Temporary);
        bindText(q, i++, CallRowText::errorClass(call.errorClass), Lifetime::Temporary);
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
        bindTimestamp(q, i++, call.createdAt);
        sqlite3_bind_int(q, i++, call.isDemo ? 1 : 0);
    }

    /// Binds @p attempt's AttemptColumns from parameter @p first on; without startedAt it gets @p callCreated.
    void bindAttempt(sqlite3_stmt *a, int first, const AttemptRecord &attempt, sqlite3_int64 callId,
                     const QDateTime &callCreated)
    {
        int j = first;
        sqlite3_bind_int64(a, j++, callId);
        sqlite3_bind_int(a, j++, attempt.hopIndex);
        sqlite3_bind_int(a, j++, attempt.retryIndex);
        bindText(a, j++, attempt.provider);
        bindText(a, j++, attempt.model);
        bindText(a, j++, attempt.region);
        bindText(a, j++, AttemptRecord::outcomeName(attempt.outcome), Lifetime::Temporary);
        bindInt(a, j++, attempt.httpStatus);
        bindText(a, j++, CallRowText::errorClass(attempt.errorClass), Lifetime::Temporary);
        bindText(a, j++, attempt.errorMessage);
        bindInt(a, j++, attempt.latencyMs);
        bindTimestamp(a, j++, attempt.startedAt.isValid() ? attempt.startedAt : callCreated);
    }

    /// Binds as TEXT; a null QString binds as '' (the columns are NOT NULL), never as NULL. ASCII (nearly every
    /// value: ids, names, statuses) is copied into a scratch buffer as UTF-8 so SQLite need not convert UTF-16.
    void bindText(sqlite3_stmt *statement, int index, const QString &value, Lifetime lifetime = Lifetime::Batch)
    {
        const qsizetype size = value.size();
        // constData(), not utf16(): the latter reallocates a literal's (raw data) string to add a terminator.
        const char16_t *in = reinterpret_cast<const char16_t *>(value.constData());
        if (size <= qsizetype(m_scratch.size()) - m_used) {
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
        const void *data = size == 0 ? static_cast<const void *>(empty) : in;
        sqlite3_bind_text16(statement, index, data, int(size * 2),
                            lifetime == Lifetime::Batch ? SQLITE_STATIC : SQLITE_TRANSIENT);
    }

    void bindTimestamp(sqlite3_stmt *statement, int index, const QDateTime &when)
    {
        char text[32];
        const int length = formatTimestamp(when, text);
        if (length <= qsizetype(m_scratch.size()) - m_used) {
            char *out = m_scratch.data() + m_used;
            std::memcpy(out, text, std::size_t(length));
            m_used += length;
            sqlite3_bind_text(statement, index, out, length, SQLITE_STATIC);
        } else {
            sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
        }
    }

    template <typename T> static void bindInt(sqlite3_stmt *statement, int index, const std::optional<T> &value)
    {
        if (value)
            sqlite3_bind_int64(statement, index, *value);
        else
            sqlite3_bind_null(statement, index);
    }

    /// Runs @p statement once, then unbinds its parameters: they point into the scratch buffer and the batch's
    /// strings (SQLITE_STATIC), which must not outlive the batch even unused.
    bool step(sqlite3_stmt *statement) { return stepOnce(m_db, statement, m_lastError); }

    sqlite3 *m_db = nullptr;
    int m_maxRows = RowsPerStatement;  ///< rows per statement at most, a power of two
    StatementCache m_calls{};          ///< [n] inserts 2^n calls
    StatementCache m_attempts{};
    sqlite3_stmt *m_lastCallId = nullptr;
    QString m_lastError;
    /// UTF-8 of the rows being bound (SQLITE_STATIC): reset before each statement, never reallocated.
    std::vector<char> m_scratch = std::vector<char>(65536);
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

QString UsageRecorder::newCallUuid()
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

/// The worker's prepared statements on its own connection.
class UsageRecorder::Writer {
public:
    Writer(QSqlDatabase db, bool native, bool batchRollups)
        : m_db(std::move(db)), m_insertCall(m_db), m_insertAttempt(m_db), m_rollups(m_db, batchRollups),
          m_sentPrompts(m_db), m_restartNotes(m_db)
    {
        m_prepared =
            m_insertCall.prepare(QString::fromLatin1(insertSql("calls", CallColumns, CallColumnCount, 1))) &&
            m_insertAttempt.prepare(QString::fromLatin1(insertSql("attempts", AttemptColumns, AttemptColumnCount, 1)));
        if (!m_prepared) {
            m_prepareError = (m_insertCall.lastError().isValid() ? m_insertCall : m_insertAttempt).lastError().text();
        }
        // This connection only records: the rollups are applied per batch, the per-row triggers would do it twice.
        m_rollups.skipRowTriggers(RecordedTables);
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

    /// The report rollups are updated once per transaction, from what it inserted (see DeferredRollups).
    DeferredRollups &rollups()
    {
        return m_rollups;
    }

    /// Counts @p call, just inserted, into the batch's rollups. Only the native path does: its totals come from the
    /// records, while the portable one (any driver) lets DeferredRollups aggregate the inserted rows.
    void countInRollups(const CallRecord &call)
    {
#ifdef SWITCHYARD_HAVE_SQLITE3_API
        if (m_native)
            m_rollups.add(call);
#else
        Q_UNUSED(call);
#endif
    }

    /// What goes in after the rows of @p calls (one call or a batch), in the same transaction: the prompts they sent
    /// and why their streams restarted. The stores are kept per connection, so their statements are prepared once.
    template <typename Calls> Result<void> insertDetails(const Calls &calls)
    {
        SWITCHYARD_TRY(m_sentPrompts.write(calls));
        return m_restartNotes.write(calls);
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

    /// Inserts every call of @p batch with its attempts (inside the caller's transaction). On failure some rows may
    /// be in: roll the transaction back, then insert() call by call to find the refused ones.
    Result<void> insertBatch(const std::vector<CallRecord> &batch)
    {
#ifdef SWITCHYARD_HAVE_SQLITE3_API
        if (m_native) {
            const QString error = m_native->insertBatch(batch);
            if (error.isEmpty())
                return {};
            return failure(QStringLiteral("record a batch of %1 calls").arg(batch.size()), error);
        }
#endif
        for (const CallRecord &call : batch) {
            if (auto inserted = insert(call); !inserted)
                return inserted;
        }
        return {};
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
        q.bindValue(i++, text(CallRowText::errorClass(call.errorClass)));
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
            a.bindValue(j++, text(CallRowText::errorClass(attempt.errorClass)));
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
    DeferredRollups m_rollups;
    SentPromptStore m_sentPrompts;
    RestartNoteStore m_restartNotes;
    bool m_prepared = false;
    QString m_prepareError;
#ifdef SWITCHYARD_HAVE_SQLITE3_API
    std::unique_ptr<NativeStatements> m_native;  ///< destroyed before the queries, on the worker thread
#endif
};

UsageRecorder::UsageRecorder(Database &database) : UsageRecorder(database, Options{}) {}

UsageRecorder::UsageRecorder(Database &database, Options options)
    : m_database(database), m_options{qMax(1, options.batchSize), qMax(0, options.maxDelayMs), options.nativeSqlite,
                                      options.batchRollups}
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
            // rewrites the same index pages and syncs. These settings apply to this connection only.
            QSqlQuery pragma(*db);
            pragma.exec(QStringLiteral("PRAGMA cache_size = -16384"));
            pragma.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 8192"));
            // A multi-row INSERT keeps a statement journal (to undo just that statement when a row is refused); in
            // memory, not in a temporary file.
            pragma.exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
        }
        if (db)
            writer = std::make_unique<Writer>(*db, m_options.nativeSqlite, m_options.batchRollups);
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
                    auto deferred = writer->rollups().defer();
                    if (!deferred)
                        errors.append(deferred.error());
                    refused = deferred && !writer->insertBatch(batch);
                    if (deferred && !refused)
                        refused = !writer->insertDetails(batch);
                    if (deferred && !refused) {
                        for (const CallRecord &call : batch)
                            writer->countInRollups(call);
                        auto committed = writer->rollups().apply();
                        if (committed)
                            committed = tx.commit();
                        if (committed)
                            written = qint64(batch.size());
                        else
                            errors.append(committed.error());
                    }
                }
            }
            if (refused) {
                Transaction tx(writer->database());
                auto deferred = tx.isActive() ? writer->rollups().defer() : Result<void>(tx.error());
                if (!deferred) {
                    errors.append(deferred.error());
                } else {
                    qint64 kept = 0;
                    for (const CallRecord &call : batch) {
                        Transaction one(writer->database());
                        auto inserted = one.isActive() ? writer->insert(call) : Result<void>(one.error());
                        if (inserted)
                            inserted = writer->insertDetails(call);
                        if (inserted)
                            inserted = one.commit();
                        if (inserted) {
                            ++kept;
                            writer->countInRollups(call);
                        } else {
                            errors.append(inserted.error());
                        }
                    }
                    auto committed = writer->rollups().apply();
                    if (committed)
                        committed = tx.commit();
                    if (committed)
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
