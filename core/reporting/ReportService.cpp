#include "core/reporting/ReportService.h"

#include "core/model/Money.h"
#include "core/reporting/Percentile.h"
#include "core/store/BotRepository.h"
#include "core/store/BudgetRepository.h"
#include "core/store/Database.h"
#include "core/store/SqlSupport.h"
#include "core/store/SqliteHandle.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <algorithm>
#include <deque>
#include <tuple>
#include <vector>

#ifdef SWITCHYARD_HAVE_SQLITE3_API
#include <sqlite3.h>
#endif

namespace Switchyard {

namespace {

struct Where {
    QString sql;  ///< " AND ..." terms
    QVariantList values;

    void add(const QString &term, const QVariant &value)
    {
        sql += QStringLiteral(" AND ") + term;
        values << value;
    }
};

/// The columns the non-date filters compare: a rollup row names them differently from a raw call.
struct FilterColumns {
    QString bot, config, provider, model, promptKey, promptVersion;
};

/// Adds the filters of @p query other than its days, the same for rollup rows and raw calls.
void addFilters(Where &where, const ReportQuery &query, const FilterColumns &columns)
{
    const auto equals = [](const QString &column) {
        return column + QStringLiteral(" = ?");
    };
    if (query.botId)
        where.add(equals(columns.bot), *query.botId);
    if (query.configId)
        where.add(equals(columns.config), *query.configId);
    if (!query.provider.isEmpty())
        where.add(equals(columns.provider), query.provider);
    if (!query.model.isEmpty())
        where.add(equals(columns.model), query.model);
    if (!query.promptKey.isEmpty())
        where.add(equals(columns.promptKey), query.promptKey);
    if (query.promptVersion)
        where.add(equals(columns.promptVersion), *query.promptVersion);
}

/// Filters over a report_daily / report_daily_fallbacks row named @p r.
Where rollupWhere(const ReportQuery &query, const QString &r)
{
    Where where;
    if (query.from)
        where.add(QStringLiteral("%1.day >= ?").arg(r), query.from->toString(Qt::ISODate));
    if (query.to)
        where.add(QStringLiteral("%1.day <= ?").arg(r), query.to->toString(Qt::ISODate));
    const auto column = [&](const char *name) {
        return r + QLatin1Char('.') + QLatin1String(name);
    };
    addFilters(where, query,
               {column("bot_id"), column("config_id"), column("provider"), column("model"), column("prompt_key"),
                column("prompt_version")});
    return where;
}

/// The SQL group of a rollup row: day-based groupings group by day here and are bucketed by finalKey().
QString rollupGroup(ReportGrouping grouping, const QString &r)
{
    switch (grouping) {
    case ReportGrouping::Provider:
        return QStringLiteral("%1.provider").arg(r);
    case ReportGrouping::Model:
        return QStringLiteral("%1.provider || '/' || %1.model").arg(r);
    case ReportGrouping::Bot:
        return QStringLiteral("CAST(%1.bot_id AS TEXT)").arg(r);
    case ReportGrouping::Version:
        return QStringLiteral("%1.prompt_key || CASE WHEN %1.prompt_version > 0 THEN '@' || %1.prompt_version "
                              "ELSE '' END")
            .arg(r);
    case ReportGrouping::Day:
    case ReportGrouping::Week:
    case ReportGrouping::Month:
        return QStringLiteral("%1.day").arg(r);
    }
    return {};
}

/// The columns a rollup query groups by: plain columns, so that SQLite compares stored values and builds the
/// rollupGroup() text once per group instead of once per row.
QString rollupGroupColumns(ReportGrouping grouping, const QString &r)
{
    switch (grouping) {
    case ReportGrouping::Provider:
        return QStringLiteral("%1.provider").arg(r);
    case ReportGrouping::Model:
        return QStringLiteral("%1.provider, %1.model").arg(r);
    case ReportGrouping::Bot:
        return QStringLiteral("%1.bot_id").arg(r);
    case ReportGrouping::Version:
        return QStringLiteral("%1.prompt_key, %1.prompt_version").arg(r);
    case ReportGrouping::Day:
    case ReportGrouping::Week:
    case ReportGrouping::Month:
        return QStringLiteral("%1.day").arg(r);
    }
    return {};
}

/// Turns the SQL group into the report's key: bot ids into slugs, days into weeks or months.
class KeyMapper {
public:
    static Result<KeyMapper> create(Database &database, ReportGrouping grouping)
    {
        KeyMapper mapper;
        mapper.m_grouping = grouping;
        if (grouping == ReportGrouping::Bot) {
            auto rows = SqlSupport::run(database.connection(), QStringLiteral("SELECT id, slug FROM bots"), {},
                                        QStringLiteral("read bot names for a report"));
            if (!rows)
                return rows.error();
            while (rows->next())
                mapper.m_botSlugs.insert(rows->value(0).toString(), rows->value(1).toString());
        }
        return mapper;
    }

    QString operator()(const QString &group) const
    {
        switch (m_grouping) {
        case ReportGrouping::Bot:
            if (group == QLatin1String("0"))
                return {};
            // A bot deleted since keeps its id as key rather than vanishing from the totals.
            return m_botSlugs.value(group, group);
        case ReportGrouping::Week: {
            const QDate day = QDate::fromString(group, Qt::ISODate);
            return day.addDays(1 - day.dayOfWeek()).toString(Qt::ISODate);
        }
        case ReportGrouping::Month:
            return group.left(7);
        default:
            return group;
        }
    }

private:
    ReportGrouping m_grouping = ReportGrouping::Provider;
    QHash<QString, QString> m_botSlugs;
};

Result<QSqlQuery> runReport(Database &database, const QString &sql, const QVariantList &values)
{
    auto db = database.checkedConnection();
    if (!db)
        return db.error();
    return SqlSupport::run(*db, sql, values, QStringLiteral("run a report"));
}

template <typename Row> QList<Row> rowsOf(const QMap<QString, Row> &map)
{
    QList<Row> rows;
    rows.reserve(map.size());
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        rows.append(it.value());
        rows.last().key = it.key();
    }
    return rows;
}

struct Samples {
    std::vector<qint64> total;
    std::vector<qint64> ttft;
};

/// The figures (@p Value) of each SQL group of a report's scan. Groups are few (tens to hundreds) and consecutive
/// rows often share one (a day, a busy model), so a remembered last group and a short linear search beat hashing
/// every row's key.
template <typename Value> class SqlGroups {
public:
    Value &at(QByteArrayView key)
    {
        if (m_last && m_last->first == key)
            return m_last->second;
        for (auto &group : m_groups) {
            if (group.first == key) {
                m_last = &group;
                return group.second;
            }
        }
        m_last = &m_groups.emplace_back(key.toByteArray(), Value{});
        return m_last->second;
    }

    std::deque<std::pair<QByteArray, Value>> &groups() { return m_groups; }

private:
    std::deque<std::pair<QByteArray, Value>> m_groups;  ///< a deque: m_last stays valid as groups are added
    std::pair<QByteArray, Value> *m_last = nullptr;
};

/// Appends the values of a report_latency text ("812,1204,") to @p values. Parsed by hand: a report at a million calls
/// reads two million of them. The text is only ever written by ReportRollupSql's SQL from INTEGER columns; a negative
/// value (never recorded, a clock gone backwards) is left out, as a measure that can not be.
void appendSamples(QByteArrayView text, std::vector<qint64> &values)
{
    qint64 value = 0;
    bool inValue = false;
    bool negative = false;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            inValue = true;
        } else if (c == '-') {
            negative = true;
        } else {
            if (inValue && !negative)
                values.push_back(value);
            value = 0;
            inValue = false;
            negative = false;
        }
    }
    if (inValue && !negative)
        values.push_back(value);
}

/// One row of a scanRows() result: columns read in place as text or integers.
class ScanRow {
public:
#ifdef SWITCHYARD_HAVE_SQLITE3_API
    explicit ScanRow(sqlite3_stmt *statement) : m_statement(statement) {}
#endif
    explicit ScanRow(const QSqlQuery *query) : m_query(query) {}

    /// Column @p i as UTF-8 text, valid until the next row.
    QByteArrayView text(int i) const
    {
#ifdef SWITCHYARD_HAVE_SQLITE3_API
        if (m_statement) {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, i));
            return QByteArrayView(text, sqlite3_column_bytes(m_statement, i));
        }
#endif
        if (std::size_t(i) >= m_texts.size())
            m_texts.resize(std::size_t(i) + 1);
        m_texts[std::size_t(i)] = m_query->value(i).toString().toUtf8();
        return m_texts[std::size_t(i)];
    }

    qint64 integer(int i) const
    {
#ifdef SWITCHYARD_HAVE_SQLITE3_API
        if (m_statement)
            return sqlite3_column_int64(m_statement, i);
#endif
        return m_query->value(i).toLongLong();
    }

private:
#ifdef SWITCHYARD_HAVE_SQLITE3_API
    sqlite3_stmt *m_statement = nullptr;
#endif
    const QSqlQuery *m_query = nullptr;
    mutable std::vector<QByteArray> m_texts;  ///< the QSqlQuery path's texts, kept alive like SQLite's
};

/// Calls @p row with a ScanRow for every row of @p sql (a report reading tens of thousands of rollup rows).
template <typename RowFunction>
Result<void> scanRows(Database &database, const QString &sql, const QVariantList &values, RowFunction &&row)
{
    auto db = database.checkedConnection();
    if (!db)
        return db.error();
#ifdef SWITCHYARD_HAVE_SQLITE3_API
    // Many rows and megabytes of text: read them in place from SQLite rather than copied into QVariants.
    if (sqlite3 *handle = sqliteHandle(*db)) {
        const QByteArray utf8 = sql.toUtf8();
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(handle, utf8.constData(), int(utf8.size()), &statement, nullptr) != SQLITE_OK) {
            return Error::make(
                Error::Code::Database,
                QStringLiteral("Could not run a report (%1).").arg(QString::fromUtf8(sqlite3_errmsg(handle))));
        }
        for (int i = 0; i < values.size(); ++i) {
            const QVariant &value = values.at(i);
            if (value.typeId() == QMetaType::QString) {
                const QByteArray text = value.toString().toUtf8();
                sqlite3_bind_text(statement, i + 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
            } else {
                sqlite3_bind_int64(statement, i + 1, value.toLongLong());
            }
        }
        const ScanRow current(statement);
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
            row(current);
        const QString error = rc == SQLITE_DONE ? QString() : QString::fromUtf8(sqlite3_errmsg(handle));
        sqlite3_finalize(statement);
        if (!error.isEmpty())
            return Error::make(Error::Code::Database, QStringLiteral("Could not run a report (%1).").arg(error));
        return {};
    }
#endif
    auto query = SqlSupport::run(*db, sql, values, QStringLiteral("run a report"));
    if (!query)
        return query.error();
    const ScanRow current(&*query);
    while (query->next())
        row(current);
    return {};
}

LatencyFigures figures(std::vector<qint64> &values)
{
    LatencyFigures result;
    result.count = qint64(values.size());
    const std::vector<qint64> p = Percentile::nearestRank(values, {50, 95, 99});
    if (p.size() == 3) {
        result.p50 = p[0];
        result.p95 = p[1];
        result.p99 = p[2];
    }
    return result;
}

}  // namespace

ReportService::ReportService(Database &database) : m_database(database) {}

Result<QList<CostRow>> ReportService::costs(const ReportQuery &query)
{
    SWITCHYARD_TRY(query.validate());
    auto mapper = KeyMapper::create(m_database, query.groupBy);
    if (!mapper)
        return mapper.error();
    const Where where = rollupWhere(query, QStringLiteral("r"));
    auto rows = runReport(m_database,
                          QStringLiteral("SELECT %1, SUM(r.calls), SUM(r.input_tokens), SUM(r.cached_input_tokens), "
                                         "SUM(r.cache_write_tokens), SUM(r.output_tokens), SUM(r.reasoning_tokens), "
                                         "SUM(r.cost_micro_usd) FROM report_daily r WHERE r.calls <> 0%2 GROUP BY %3")
                              .arg(rollupGroup(query.groupBy, QStringLiteral("r")), where.sql,
                                   rollupGroupColumns(query.groupBy, QStringLiteral("r"))),
                          where.values);
    if (!rows)
        return rows.error();
    QMap<QString, CostRow> merged;
    while (rows->next()) {
        CostRow &row = merged[(*mapper)(rows->value(0).toString())];
        row.calls += rows->value(1).toLongLong();
        row.tokens += Usage{rows->value(2).toLongLong(), rows->value(3).toLongLong(), rows->value(4).toLongLong(),
                            rows->value(5).toLongLong(), rows->value(6).toLongLong()};
        row.costMicroUsd += rows->value(7).toLongLong();
    }
    return rowsOf(merged);
}

Result<QList<QualityRow>> ReportService::quality(const ReportQuery &query)
{
    SWITCHYARD_TRY(query.validate());
    auto mapper = KeyMapper::create(m_database, query.groupBy);
    if (!mapper)
        return mapper.error();
    const Where where = rollupWhere(query, QStringLiteral("r"));
    auto rows = runReport(m_database,
                          QStringLiteral("SELECT %1, SUM(r.calls), SUM(r.feedback_up), SUM(r.feedback_down) "
                                         "FROM report_daily r WHERE r.calls <> 0%2 GROUP BY %3")
                              .arg(rollupGroup(query.groupBy, QStringLiteral("r")), where.sql,
                                   rollupGroupColumns(query.groupBy, QStringLiteral("r"))),
                          where.values);
    if (!rows)
        return rows.error();
    QMap<QString, QualityRow> merged;
    while (rows->next()) {
        QualityRow &row = merged[(*mapper)(rows->value(0).toString())];
        row.calls += rows->value(1).toLongLong();
        row.up += rows->value(2).toLongLong();
        row.down += rows->value(3).toLongLong();
    }
    return rowsOf(merged);
}

Result<QList<FallbackRow>> ReportService::fallbacks(const ReportQuery &query)
{
    SWITCHYARD_TRY(query.validate());
    auto mapper = KeyMapper::create(m_database, query.groupBy);
    if (!mapper)
        return mapper.error();
    // One pass over each rollup, summed here rather than by GROUP BY: the rollups are ordered by day, so grouping by
    // anything else made SQLite sort every row (three sorts of ~50,000 rows at a million calls).
    const Where where = rollupWhere(query, QStringLiteral("r"));
    const QString group = rollupGroup(query.groupBy, QStringLiteral("r"));
    SqlGroups<FallbackRow> groups;
    SWITCHYARD_TRY(scanRows(m_database,
                            QStringLiteral("SELECT %1, r.status = 'ok', r.error_class, r.calls FROM report_daily r "
                                           "WHERE r.calls <> 0%2")
                                .arg(group, where.sql),
                            where.values, [&](const ScanRow &row) {
                                FallbackRow &into = groups.at(row.text(0));
                                const qint64 calls = row.integer(3);
                                into.calls += calls;
                                if (row.integer(1) != 0) {
                                    into.okCalls += calls;
                                } else {
                                    into.errorCalls += calls;
                                    into.errorClasses[QString::fromUtf8(row.text(2))] += calls;
                                }
                            }));
    SWITCHYARD_TRY(scanRows(m_database,
                            QStringLiteral("SELECT %1, r.hop_index, r.calls FROM report_daily_fallbacks r "
                                           "WHERE r.calls <> 0%2")
                                .arg(group, where.sql),
                            where.values, [&](const ScanRow &row) {
                                groups.at(row.text(0)).servedByHop[int(row.integer(1))] += row.integer(2);
                            }));
    QMap<QString, FallbackRow> merged;
    for (const auto &[sqlGroup, figures] : groups.groups()) {
        FallbackRow &row = merged[(*mapper)(QString::fromUtf8(sqlGroup))];
        row.calls += figures.calls;
        row.okCalls += figures.okCalls;
        row.errorCalls += figures.errorCalls;
        for (auto it = figures.errorClasses.cbegin(); it != figures.errorClasses.cend(); ++it)
            row.errorClasses[it.key()] += it.value();
        for (auto it = figures.servedByHop.cbegin(); it != figures.servedByHop.cend(); ++it)
            row.servedByHop[it.key()] += it.value();
    }
    for (FallbackRow &row : merged) {
        const qint64 firstHop = row.okCalls - row.fallbackCalls();
        if (firstHop != 0)
            row.servedByHop[0] = firstHop;
    }
    return rowsOf(merged);
}

Result<QList<LatencyRow>> ReportService::latency(const ReportQuery &query)
{
    SWITCHYARD_TRY(query.validate());
    auto mapper = KeyMapper::create(m_database, query.groupBy);
    if (!mapper)
        return mapper.error();
    // report_latency holds every answered call's values, one row per key and day (migration 6).
    const Where where = rollupWhere(query, QStringLiteral("r"));
    const QString sql = QStringLiteral("SELECT %1, r.latencies, r.ttfts FROM report_latency r WHERE r.calls <> 0%2")
                            .arg(rollupGroup(query.groupBy, QStringLiteral("r")), where.sql);
    SqlGroups<Samples> groups;
    SWITCHYARD_TRY(scanRows(m_database, sql, where.values, [&](const ScanRow &row) {
        Samples &samples = groups.at(row.text(0));
        appendSamples(row.text(1), samples.total);
        appendSamples(row.text(2), samples.ttft);
    }));
    QMap<QString, Samples> merged;
    for (auto &[group, samples] : groups.groups()) {
        Samples &into = merged[(*mapper)(QString::fromUtf8(group))];
        if (into.total.empty() && into.ttft.empty()) {
            into = std::move(samples);
        } else {
            into.total.insert(into.total.end(), samples.total.begin(), samples.total.end());
            into.ttft.insert(into.ttft.end(), samples.ttft.begin(), samples.ttft.end());
        }
    }
    QList<LatencyRow> rows;
    rows.reserve(merged.size());
    for (auto it = merged.begin(); it != merged.end(); ++it)
        rows.append(LatencyRow{it.key(), figures(it->total), figures(it->ttft)});
    return rows;
}

namespace {

/// Appends the costs of a report_conversations message_costs text ("(1520@4711)(-3@4712)", see
/// ReportRollupSql::messageCostEntry()) to @p values. Parsed by hand like appendSamples(): a million calls' history
/// holds hundreds of thousands of them.
void appendMessageCosts(QByteArrayView text, std::vector<qint64> &values)
{
    qint64 value = 0;
    bool inCost = false;
    bool negative = false;
    for (const char c : text) {
        if (c == '(') {
            value = 0;
            negative = false;
            inCost = true;
        } else if (!inCost) {
            continue;
        } else if (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
        } else if (c == '-') {
            negative = true;
        } else {  // the '@' before the call id
            values.push_back(negative ? -value : value);
            inCost = false;
        }
    }
}

std::optional<qint64> median(std::vector<qint64> &values)
{
    const std::vector<qint64> p = Percentile::nearestRank(values, {50});
    return p.empty() ? std::nullopt : std::optional<qint64>(p.front());
}

}  // namespace

Result<QList<VersionRow>> ReportService::versions(const ReportQuery &query)
{
    if (query.promptKey.isEmpty()) {
        return Error::make(
            Error::Code::InvalidInput,
            QCoreApplication::translate("ReportService", "the version comparison needs a prompt: give its key"));
    }
    ReportQuery byVersion = query;
    byVersion.groupBy = ReportGrouping::Version;
    auto costs = this->costs(byVersion);
    if (!costs)
        return costs.error();
    auto latency = this->latency(byVersion);
    if (!latency)
        return latency.error();
    auto quality = this->quality(byVersion);
    if (!quality)
        return quality.error();
    // Keys are "key@version", or the bare key for calls without a version.
    const auto versionOf = [&](const QString &key) {
        const qsizetype at = key.lastIndexOf(QLatin1Char('@'));
        return at < 0 ? 0 : key.mid(at + 1).toInt();
    };
    QMap<int, VersionRow> rows;
    for (const CostRow &row : *costs) {
        VersionRow &into = rows[versionOf(row.key)];
        into.calls = row.calls;
        into.costMicroUsd = row.costMicroUsd;
    }
    for (const LatencyRow &row : *latency) {
        VersionRow &into = rows[versionOf(row.key)];
        into.total = row.total;
        into.timeToFirstToken = row.timeToFirstToken;
    }
    for (const QualityRow &row : *quality) {
        VersionRow &into = rows[versionOf(row.key)];
        into.up = row.up;
        into.down = row.down;
    }
    QList<VersionRow> result;
    for (auto it = rows.begin(); it != rows.end(); ++it) {
        it->version = it.key();
        result.append(*it);
    }
    return result;
}

Result<QList<BreakerRow>> ReportService::breakerOpens(const ReportQuery &query)
{
    SWITCHYARD_TRY(query.validate());
    if (query.groupBy == ReportGrouping::Bot || query.groupBy == ReportGrouping::Version) {
        return Error::make(Error::Code::InvalidInput,
                           QCoreApplication::translate("ReportService",
                                                       "breaker events belong to a provider and model, not to a bot "
                                                       "or prompt; group them by provider, model, day, week or "
                                                       "month"));
    }
    auto mapper = KeyMapper::create(m_database, query.groupBy);
    if (!mapper)
        return mapper.error();
    Where where;
    if (query.from)
        where.add(QStringLiteral("e.created_at >= ?"), query.from->toString(Qt::ISODate) + QStringLiteral("T"));
    if (query.to)
        where.add(QStringLiteral("e.created_at < ?"), query.to->addDays(1).toString(Qt::ISODate) + QStringLiteral("T"));
    if (!query.provider.isEmpty())
        where.add(QStringLiteral("e.provider = ?"), query.provider);
    if (!query.model.isEmpty())
        where.add(QStringLiteral("e.model = ?"), query.model);
    QString group = QStringLiteral("substr(e.created_at, 1, 10)");
    if (query.groupBy == ReportGrouping::Provider)
        group = QStringLiteral("e.provider");
    else if (query.groupBy == ReportGrouping::Model)
        group = QStringLiteral("e.provider || '/' || e.model");
    auto rows = runReport(m_database,
                          QStringLiteral("SELECT %1, e.provider, e.model, SUM(e.to_state = 'open'), "
                                         "SUM(e.to_state = 'forced_open') FROM breaker_events e "
                                         "WHERE e.to_state IN ('open', 'forced_open')%2 GROUP BY 1, 2, 3")
                              .arg(group, where.sql),
                          where.values);
    if (!rows)
        return rows.error();
    QMap<std::tuple<QString, QString, QString>, BreakerRow> merged;
    while (rows->next()) {
        const QString key = (*mapper)(rows->value(0).toString());
        BreakerRow &row = merged[{key, rows->value(1).toString(), rows->value(2).toString()}];
        row.key = key;
        row.provider = rows->value(1).toString();
        row.model = rows->value(2).toString();
        row.opens += rows->value(3).toLongLong();
        row.forcedOpens += rows->value(4).toLongLong();
    }
    return merged.values();
}

Result<QList<ConversationCostRow>> ReportService::conversationCosts(const ReportQuery &query)
{
    SWITCHYARD_TRY(query.validate());
    auto mapper = KeyMapper::create(m_database, query.groupBy);
    if (!mapper)
        return mapper.error();
    // report_conversations (migration 8) has a row per session and key-day of the linked calls: a session's cost in a
    // group is the sum of its rows there, the messages' costs are the rows' entries.
    const Where where = rollupWhere(query, QStringLiteral("r"));
    const QString sql = QStringLiteral("SELECT %1, r.session_id, r.cost_micro_usd, r.message_costs FROM "
                                       "report_conversations r WHERE r.messages <> 0%2")
                            .arg(rollupGroup(query.groupBy, QStringLiteral("r")), where.sql);
    // (session, cost) pairs sorted and summed once per report key: cheaper than hashing every row's session.
    struct Conversations {
        std::vector<std::pair<qint64, qint64>> sessionCosts;
        std::vector<qint64> messages;
    };
    SqlGroups<Conversations> groups;
    SWITCHYARD_TRY(scanRows(m_database, sql, where.values, [&](const ScanRow &row) {
        Conversations &group = groups.at(row.text(0));
        group.sessionCosts.emplace_back(row.integer(1), row.integer(2));
        appendMessageCosts(row.text(3), group.messages);
    }));
    QMap<QString, Conversations> merged;  // report key → its groups (the days of a week or month) together
    for (auto &[sqlGroup, conversations] : groups.groups()) {
        Conversations &into = merged[(*mapper)(QString::fromUtf8(sqlGroup))];
        if (into.sessionCosts.empty() && into.messages.empty()) {
            into = std::move(conversations);
            continue;
        }
        into.sessionCosts.insert(into.sessionCosts.end(), conversations.sessionCosts.begin(),
                                 conversations.sessionCosts.end());
        into.messages.insert(into.messages.end(), conversations.messages.begin(), conversations.messages.end());
    }
    QList<ConversationCostRow> result;
    for (auto it = merged.begin(); it != merged.end(); ++it) {
        ConversationCostRow row;
        row.key = it.key();
        row.messages = qint64(it->messages.size());
        std::vector<std::pair<qint64, qint64>> &sessionCosts = it->sessionCosts;
        std::sort(sessionCosts.begin(), sessionCosts.end());
        std::vector<qint64> perSession;
        for (std::size_t i = 0; i < sessionCosts.size(); ++i) {
            if (i == 0 || sessionCosts[i].first != sessionCosts[i - 1].first)
                perSession.push_back(0);
            perSession.back() += sessionCosts[i].second;
            row.costMicroUsd += sessionCosts[i].second;
        }
        row.sessions = qint64(perSession.size());
        row.medianSessionMicroUsd = median(perSession);
        row.medianMessageMicroUsd = median(it->messages);
        result.append(row);
    }
    return result;
}

Result<QList<BudgetUseRow>> ReportService::budgetUse(const ReportQuery &query)
{
    SWITCHYARD_TRY(query.validate());
    auto budgets = BudgetRepository(m_database).list();
    if (!budgets)
        return budgets.error();
    auto bots = BotRepository(m_database).list();
    if (!bots)
        return bots.error();
    QList<BudgetUseRow> result;
    for (const Budget &budget : *budgets) {
        if (budget.scope != Budget::Scope::Bot)
            continue;
        const auto bot = std::find_if(bots->cbegin(), bots->cend(),
                                      [&](const Bot &candidate) { return candidate.slug == budget.scopeRef; });
        if (bot == bots->cend() || (query.botId && *query.botId != bot->id))
            continue;
        Where where;
        where.add(QStringLiteral("r.bot_id = ?"), bot->id);
        if (query.from)
            where.add(QStringLiteral("r.day >= ?"), query.from->toString(Qt::ISODate));
        if (query.to)
            where.add(QStringLiteral("r.day <= ?"), query.to->toString(Qt::ISODate));
        auto rows = runReport(m_database,
                              QStringLiteral("SELECT r.day, SUM(r.calls), SUM(r.input_tokens + r.cached_input_tokens "
                                             "+ r.cache_write_tokens + r.output_tokens + r.reasoning_tokens), "
                                             "SUM(r.cost_micro_usd) FROM report_daily r WHERE r.calls <> 0%1 "
                                             "GROUP BY r.day ORDER BY r.day")
                                  .arg(where.sql),
                              where.values);
        if (!rows)
            return rows.error();
        while (rows->next()) {
            BudgetUseRow row;
            row.bot = bot->slug;
            row.day = rows->value(0).toString();
            row.calls = rows->value(1).toLongLong();
            row.tokens = rows->value(2).toLongLong();
            row.costMicroUsd = rows->value(3).toLongLong();
            row.maxTokens = budget.maxTokens;
            if (budget.maxCostUsd)
                row.maxCostMicroUsd = MicroUsd::fromUsd(*budget.maxCostUsd);
            result.append(row);
        }
    }
    return result;
}

}  // namespace Switchyard
