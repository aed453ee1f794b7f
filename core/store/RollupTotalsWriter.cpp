#include "core/store/RollupTotalsWriter.h"

#ifdef SWITCHYARD_HAVE_SQLITE3_API
#include "core/store/ReportRollupSql.h"
#include "core/store/SqlSupport.h"
#include "core/store/SqliteHandle.h"

#include <sqlite3.h>

namespace Switchyard {

namespace {

/// Binds as TEXT, never NULL (the key columns are NOT NULL and '' means "none"). The totals outlive the statement's
/// step, so SQLite need not copy (it converts UTF-16 to UTF-8 as it does for the recorder's rows).
void bindText(sqlite3_stmt *statement, int index, const QString &value)
{
    static const char16_t empty[1] = {0};
    const void *data = value.isEmpty() ? static_cast<const void *>(empty) : value.constData();
    sqlite3_bind_text16(statement, index, data, int(value.size() * 2), SQLITE_STATIC);
}

void bindDay(sqlite3_stmt *statement, int index, const BatchRollupTotals::Day &day)
{
    sqlite3_bind_text(statement, index, day.data(), int(day.size()), SQLITE_STATIC);
}

/// Binds the report_daily key from parameter 1 on; returns the next parameter.
int bindDailyKey(sqlite3_stmt *statement, const BatchRollupTotals::DailyKey &key)
{
    int i = 1;
    bindDay(statement, i++, key.day);
    sqlite3_bind_int64(statement, i++, key.botId);
    sqlite3_bind_int64(statement, i++, key.configId);
    bindText(statement, i++, key.provider);
    bindText(statement, i++, key.model);
    bindText(statement, i++, key.promptKey);
    sqlite3_bind_int64(statement, i++, key.promptVersion);
    bindText(statement, i++, key.status);
    bindText(statement, i++, key.errorClass);
    return i;
}

/// "(?, ?, ...)": one VALUES row of @p count parameters.
QString values(int count)
{
    return QLatin1Char('(') + SqlSupport::placeholders(count) + QLatin1Char(')');
}

}  // namespace

RollupTotalsWriter::RollupTotalsWriter(sqlite3 *connection) : m_db(connection) {}

RollupTotalsWriter::~RollupTotalsWriter()
{
    sqlite3_finalize(m_daily);
    sqlite3_finalize(m_fallbacks);
    sqlite3_finalize(m_latency);
}

std::unique_ptr<RollupTotalsWriter> RollupTotalsWriter::create(sqlite3 *connection, QString *error)
{
    if (!connection)
        return nullptr;
    auto writer = std::unique_ptr<RollupTotalsWriter>(new RollupTotalsWriter(connection));
    if (!writer->prepare()) {
        if (error)
            *error = writer->m_lastError;
        return nullptr;
    }
    return writer;
}

bool RollupTotalsWriter::prepare()
{
    const QString key = ReportRollupSql::keyColumns();
    const QString latencyKey = ReportRollupSql::latencyKeyColumns();
    const int keyCount = int(key.count(QLatin1Char(',')) + 1);
    const int latencyKeyCount = int(latencyKey.count(QLatin1Char(',')) + 1);
    const struct {
        sqlite3_stmt **statement;
        QString sql;
    } statements[] = {
        {&m_daily, QStringLiteral("INSERT INTO report_daily (%1, calls, input_tokens, cached_input_tokens, "
                                  "cache_write_tokens, output_tokens, reasoning_tokens, cost_micro_usd, feedback_up, "
                                  "feedback_down) VALUES %2 %3")
                       .arg(key, values(keyCount + 9), ReportRollupSql::dailyAccumulate())},
        {&m_fallbacks, QStringLiteral("INSERT INTO report_daily_fallbacks (%1, hop_index, calls) VALUES %2 ON CONFLICT "
                                      "(%1, hop_index) DO UPDATE SET calls = calls + excluded.calls")
                           .arg(key, values(keyCount + 2))},
        {&m_latency, QStringLiteral("INSERT INTO report_latency (%1, calls, latencies, ttfts) VALUES %2 %3")
                         .arg(latencyKey, values(latencyKeyCount + 3), ReportRollupSql::latencyAccumulate())},
    };
    for (const auto &[statement, sql] : statements) {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, statement,
                               nullptr) != SQLITE_OK) {
            m_lastError = QString::fromUtf8(sqlite3_errmsg(m_db));
            return false;
        }
    }
    return true;
}

bool RollupTotalsWriter::step(sqlite3_stmt *statement)
{
    // The bound texts point into the totals (SQLITE_STATIC): stepOnce() never leaves them bound.
    return stepOnce(m_db, statement, m_lastError);
}

QString RollupTotalsWriter::write(const BatchRollupTotals &totals)
{
    for (auto it = totals.daily().cbegin(); it != totals.daily().cend(); ++it) {
        int i = bindDailyKey(m_daily, it.key());
        const BatchRollupTotals::DailyTotals &sums = it.value();
        for (const qint64 value : {sums.calls, sums.inputTokens, sums.cachedInputTokens, sums.cacheWriteTokens,
                                   sums.outputTokens, sums.reasoningTokens, sums.costMicroUsd, qint64(0), qint64(0)})
            sqlite3_bind_int64(m_daily, i++, value);
        if (!step(m_daily))
            return m_lastError;
    }
    for (auto it = totals.fallbacks().cbegin(); it != totals.fallbacks().cend(); ++it) {
        int i = bindDailyKey(m_fallbacks, it.key().call);
        sqlite3_bind_int64(m_fallbacks, i++, it.key().hopIndex);
        sqlite3_bind_int64(m_fallbacks, i++, it.value());
        if (!step(m_fallbacks))
            return m_lastError;
    }
    for (auto it = totals.latency().cbegin(); it != totals.latency().cend(); ++it) {
        const BatchRollupTotals::LatencyKey &key = it.key();
        int i = 1;
        bindDay(m_latency, i++, key.day);
        sqlite3_bind_int64(m_latency, i++, key.botId);
        sqlite3_bind_int64(m_latency, i++, key.configId);
        bindText(m_latency, i++, key.provider);
        bindText(m_latency, i++, key.model);
        bindText(m_latency, i++, key.promptKey);
        sqlite3_bind_int64(m_latency, i++, key.promptVersion);
        sqlite3_bind_int64(m_latency, i++, it.value().calls);
        // '' rather than NULL for no values: the columns are NOT NULL, and '' || x is x.
        static const char none[1] = {0};
        const QByteArray &latencies = it.value().latencies;
        const QByteArray &ttfts = it.value().ttfts;
        sqlite3_bind_text(m_latency, i++, latencies.isEmpty() ? none : latencies.constData(), int(latencies.size()),
                          SQLITE_STATIC);
        sqlite3_bind_text(m_latency, i++, ttfts.isEmpty() ? none : ttfts.constData(), int(ttfts.size()), SQLITE_STATIC);
        if (!step(m_latency))
            return m_lastError;
    }
    return {};
}

}  // namespace Switchyard

#else

namespace Switchyard {

RollupTotalsWriter::RollupTotalsWriter(sqlite3 *connection) : m_db(connection) {}
RollupTotalsWriter::~RollupTotalsWriter() = default;

std::unique_ptr<RollupTotalsWriter> RollupTotalsWriter::create(sqlite3 *, QString *error)
{
    if (error)
        *error = QStringLiteral("built without the SQLite API");
    return nullptr;
}

bool RollupTotalsWriter::prepare()
{
    return false;
}

bool RollupTotalsWriter::step(sqlite3_stmt *)
{
    return false;
}

QString RollupTotalsWriter::write(const BatchRollupTotals &)
{
    return QStringLiteral("built without the SQLite API");
}

}  // namespace Switchyard

#endif
