#include "core/store/CallLogRepository.h"

#include "core/model/Money.h"
#include "core/store/Database.h"
#include "core/store/ReportRollupSql.h"
#include "core/store/SentPromptStore.h"
#include "core/store/SqlSupport.h"

#include <QDate>
#include <optional>

namespace Switchyard {

namespace {

struct Where {
    QString sql;
    QVariantList values;
    /// The terms read the bot's slug (b.slug): the query must join bots. Otherwise it must not: a join SQLite then
    /// drops still steers it to scanning the calls through an index, several times slower than reading the table.
    bool needsBots = false;
    void add(const QString &term, const QVariantList &termValues)
    {
        sql += QStringLiteral(" AND ") + term;
        values << termValues;
    }
};

// The rollup key of row "c": day, bot_id, config_id, provider, model, prompt_key, prompt_version, status, error_class.
enum KeyColumn { Day, BotId, ConfigId, Provider, Model, PromptKey, PromptVersion };

/// Calls created from day @p first to day @p last (either open): the rollup key's day is the ISO created_at's date
/// prefix, so a range over created_at selects the same calls while SQLite may use the calls_created index (comparing
/// substr(created_at) scans every call, tens of milliseconds on a large log for each page and count).
void addDays(Where &where, const std::optional<QDate> &first, const std::optional<QDate> &last)
{
    if (first)
        where.add(QStringLiteral("c.created_at >= ?"), {first->toString(Qt::ISODate)});
    if (last)
        where.add(QStringLiteral("c.created_at < ?"), {last->addDays(1).toString(Qt::ISODate)});
}

Result<Where> whereOf(Database &database, const CallLogFilter &filter)
{
    const QStringList key = ReportRollupSql::keyValueList(QStringLiteral("c"));
    const ReportQuery &query = filter.report;
    Where where;
    addDays(where, query.from, query.to);
    if (query.botId)
        where.add(key[BotId] + QStringLiteral(" = ?"), {*query.botId});
    if (query.configId)
        where.add(key[ConfigId] + QStringLiteral(" = ?"), {*query.configId});
    if (!query.provider.isEmpty())
        where.add(key[Provider] + QStringLiteral(" = ?"), {query.provider});
    if (!query.model.isEmpty())
        where.add(key[Model] + QStringLiteral(" = ?"), {query.model});
    if (!query.promptKey.isEmpty())
        where.add(key[PromptKey] + QStringLiteral(" = ?"), {query.promptKey});
    if (query.promptVersion)
        where.add(key[PromptVersion] + QStringLiteral(" = ?"), {*query.promptVersion});
    if (!filter.status.isEmpty())
        where.add(QStringLiteral("c.status = ?"), {filter.status});
    if (filter.failedWithClass)
        where.add(QStringLiteral("c.status <> 'ok' AND c.error_class = ?"), {*filter.failedWithClass});
    if (filter.servedByHop) {
        if (*filter.servedByHop > 0) {
            where.add(QStringLiteral("c.status = 'ok' AND EXISTS (SELECT 1 FROM attempts a WHERE a.call_id = c.id "
                                     "AND a.outcome = 'ok' AND a.hop_index = ?)"),
                      {*filter.servedByHop});
        } else {
            where.add(QStringLiteral("c.status = 'ok' AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.call_id = c.id "
                                     "AND a.outcome = 'ok' AND a.hop_index > 0)"),
                      {});
        }
    }
    if (!filter.provider.isEmpty())
        where.add(key[Provider] + QStringLiteral(" = ?"), {filter.provider});
    if (!filter.text.isEmpty()) {
        const QString like = QStringLiteral("%") + filter.text + QStringLiteral("%");
        const QStringList columns = {QStringLiteral("c.uuid"),
                                     QStringLiteral("c.prompt_key"),
                                     QStringLiteral("c.served_provider"),
                                     QStringLiteral("c.served_model"),
                                     QStringLiteral("c.requested_provider"),
                                     QStringLiteral("c.requested_model"),
                                     QStringLiteral("c.error_class"),
                                     QStringLiteral("b.slug")};
        QStringList terms;
        QVariantList values;
        for (const QString &column : columns) {
            terms << column + QStringLiteral(" LIKE ?");
            values << like;
        }
        where.add(QLatin1Char('(') + terms.join(QStringLiteral(" OR ")) + QLatin1Char(')'), values);
        where.needsBots = true;
    }
    if (filter.bucket) {
        const QString &bucket = *filter.bucket;
        switch (query.groupBy) {
        case ReportGrouping::Provider:
            where.add(key[Provider] + QStringLiteral(" = ?"), {bucket});
            break;
        case ReportGrouping::Model:
            where.add(key[Provider] + QStringLiteral(" || '/' || ") + key[Model] + QStringLiteral(" = ?"), {bucket});
            break;
        case ReportGrouping::Bot: {
            // The report names a bot by its slug (a deleted bot's calls keep its id, which is then the key).
            auto rows = SqlSupport::run(database.connection(), QStringLiteral("SELECT id FROM bots WHERE slug = ?"),
                                        {bucket}, QStringLiteral("find bot '%1'").arg(bucket));
            if (!rows)
                return rows.error();
            const qint64 id = rows->next() ? rows->value(0).toLongLong() : bucket.toLongLong();
            where.add(key[BotId] + QStringLiteral(" = ?"), {id});
            break;
        }
        case ReportGrouping::Version:
            where.add(key[PromptKey] + QStringLiteral(" || CASE WHEN ") + key[PromptVersion] +
                          QStringLiteral(" > 0 THEN '@' || ") + key[PromptVersion] + QStringLiteral(" ELSE '' END = ?"),
                      {bucket});
            break;
        case ReportGrouping::Day: {
            const QDate day = QDate::fromString(bucket, Qt::ISODate);
            addDays(where, day, day);
            break;
        }
        case ReportGrouping::Week: {
            const QDate monday = QDate::fromString(bucket, Qt::ISODate);
            addDays(where, monday, monday.addDays(6));
            break;
        }
        case ReportGrouping::Month: {
            const QDate first = QDate::fromString(bucket + QStringLiteral("-01"), Qt::ISODate);
            addDays(where, first, first.addMonths(1).addDays(-1));
            break;
        }
        }
    }
    return where;
}

/// The class stored by its failureClassName(); None for "" or a name this build does not know.
FailureClass failureClassFromName(const QString &name)
{
    for (int value = 0; value <= int(FailureClass::RateLimitSkipped); ++value) {
        if (failureClassName(FailureClass(value)) == name)
            return FailureClass(value);
    }
    return FailureClass::None;
}

/// The expressions of the columns the log shows that are computed per call.
const QString AttemptsSql = QStringLiteral("(SELECT COUNT(*) FROM attempts a WHERE a.call_id = c.id)");
const QString TokensSql = QStringLiteral(
    "c.input_tokens + c.cached_input_tokens + c.cache_write_tokens + c.output_tokens + c.reasoning_tokens");

/// What @p sort orders by, before the id that breaks ties. Nullable columns go through COALESCE with a value below any
/// real one (ids, versions and durations are never negative): NULLs still sort first ascending, as in a plain ORDER
/// BY, and the seek comparison of keyset paging never meets a NULL (which would compare as unknown and end the log).
QStringList sortKeys(CallLogSort sort)
{
    const QStringList key = ReportRollupSql::keyValueList(QStringLiteral("c"));
    switch (sort) {
    case CallLogSort::Time:
        return {QStringLiteral("c.created_at")};
    case CallLogSort::Bot:
        return {QStringLiteral("-1")};  // replaced by the slug's rank: see botRank()
    case CallLogSort::Config:
        return {QStringLiteral("COALESCE(c.config_id, -1)")};
    case CallLogSort::Prompt:
        return {QStringLiteral("c.prompt_key"), QStringLiteral("COALESCE(c.prompt_version, -1)")};
    case CallLogSort::Provider:
        return {key[Provider], key[Model]};
    case CallLogSort::Status:
        return {QStringLiteral("c.status")};
    case CallLogSort::ErrorClass:
        return {QStringLiteral("c.error_class")};
    case CallLogSort::Attempts:
        return {AttemptsSql};
    case CallLogSort::Tokens:
        return {TokensSql};
    case CallLogSort::Cost:
        return {QStringLiteral("c.cost_usd")};
    case CallLogSort::Latency:
        return {QStringLiteral("COALESCE(c.latency_ms, -1)")};
    case CallLogSort::Ttft:
        return {QStringLiteral("COALESCE(c.ttft_ms, -1)")};
    }
    return {QStringLiteral("c.created_at")};
}

/// The bot order as an expression of c.bot_id: each bot's rank by slug (ids break ties), -1 without a bot (first, as a
/// NULL slug sorts). Sorting by it needs no join with bots, and the calls_bot_created index covers it.
Result<QString> botRank(Database &database)
{
    auto rows = SqlSupport::run(database.connection(), QStringLiteral("SELECT id FROM bots ORDER BY slug, id"), {},
                                QStringLiteral("list the bots by slug"));
    if (!rows)
        return rows.error();
    QString cases;
    for (int rank = 0; rows->next(); ++rank)
        cases += QStringLiteral(" WHEN %1 THEN %2").arg(rows->value(0).toLongLong()).arg(rank);
    return cases.isEmpty() ? QStringLiteral("-1") : QStringLiteral("CASE c.bot_id%1 ELSE -1 END").arg(cases);
}

/// " LEFT JOIN bots b ..." when @p where reads the bot's slug, else nothing.
QString botsJoin(const Where &where)
{
    return where.needsBots ? QStringLiteral(" LEFT JOIN bots b ON b.id = c.bot_id") : QString();
}

}  // namespace

CallLogRepository::CallLogRepository(Database &database) : m_database(database) {}

Result<CallLogPage> CallLogRepository::page(const CallLogFilter &filter, CallLogSort sort, Qt::SortOrder order,
                                            const std::optional<CallLogSeek> &after, int limit)
{
    if (limit < 1)
        return Error::make(
            Error::Code::InvalidInput,
            QStringLiteral("A page of the call log needs room for at least one call (asked for %1).").arg(limit));
    auto where = whereOf(m_database, filter);
    if (!where)
        return where.error();
    QStringList keys = sortKeys(sort);
    if (sort == CallLogSort::Bot) {
        auto rank = botRank(m_database);
        if (!rank)
            return rank.error();
        keys[0] = *rank;
    }
    const bool ascending = order == Qt::AscendingOrder;
    if (after) {
        if (after->key.size() != keys.size())
            return Error::make(Error::Code::InvalidInput,
                               QStringLiteral("The call log was asked to continue after a call of another sort "
                                              "order; start again from the first page."));
        // A row-value comparison: SQLite turns it into a range of an index that leads with the keys (calls_created
        // for the time order), so a deep page costs what the first one does.
        where->add(QStringLiteral("(%1, c.id) %2 (%3)")
                       .arg(keys.join(QStringLiteral(", ")), ascending ? QStringLiteral(">") : QStringLiteral("<"),
                            SqlSupport::placeholders(int(keys.size()) + 1)),
                   after->key + QVariantList{after->id});
    }
    const QString direction = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QStringList keyColumns;
    QStringList keyNames;
    QStringList orderBy;
    for (int i = 0; i < keys.size(); ++i) {
        keyColumns << keys.at(i) + QStringLiteral(" AS sort_key%1").arg(i);
        keyNames << QStringLiteral("page.sort_key%1").arg(i);
        orderBy << QStringLiteral("sort_key%1").arg(i) + direction;
    }
    // A deferred join: the inner query orders only ids and sort keys, the outer one reads the shown columns (the
    // attempt count is a subquery per call) for the page's calls alone. Computed for every call the filter keeps,
    // they made a sorted page several times slower.
    const QStringList key = ReportRollupSql::keyValueList(QStringLiteral("c"));
    const QString inner =
        QStringLiteral("SELECT c.id AS id, %1 FROM calls c%2 WHERE true%3 ORDER BY %4, c.id%5 LIMIT ?")
            .arg(keyColumns.join(QStringLiteral(", ")), botsJoin(*where), where->sql,
                 orderBy.join(QStringLiteral(", ")), direction);
    const QString sql =
        QStringLiteral("SELECT c.id, c.uuid, c.created_at, COALESCE(b.slug, ''), c.config_id, c.prompt_key, "
                       "c.prompt_version, %1, %2, c.status, c.error_class, %3, %4, c.cost_usd, c.latency_ms, "
                       "c.ttft_ms, %5 FROM (%6) AS page JOIN calls c ON c.id = page.id "
                       "LEFT JOIN bots b ON b.id = c.bot_id ORDER BY %7, page.id%8")
            .arg(
                key[Provider], key[Model], AttemptsSql, TokensSql, keyNames.join(QStringLiteral(", ")), inner,
                orderBy.join(QStringLiteral(", ")).replace(QStringLiteral("sort_key"), QStringLiteral("page.sort_key")),
                direction);
    QVariantList values = where->values;
    values << limit + 1;  // one more than asked: whether a next page exists, without asking for it
    auto rows = SqlSupport::run(m_database.connection(), sql, values, QStringLiteral("list calls"));
    if (!rows)
        return rows.error();
    constexpr int FirstKeyColumn = 16;
    CallLogPage result;
    QVariantList lastKey;
    while (rows->next()) {
        if (result.rows.size() == limit) {
            result.next = CallLogSeek{lastKey, result.rows.last().id};
            break;
        }
        CallLogRow row;
        row.id = rows->value(0).toLongLong();
        row.uuid = rows->value(1).toString();
        row.createdAt = SqlSupport::fromDbTimestamp(rows->value(2));
        row.botSlug = rows->value(3).toString();
        row.configId = SqlSupport::optionalInt64(rows->value(4));
        row.promptKey = rows->value(5).toString();
        row.promptVersion = SqlSupport::optionalInt(rows->value(6));
        row.provider = rows->value(7).toString();
        row.model = rows->value(8).toString();
        row.status = rows->value(9).toString();
        row.errorClass = rows->value(10).toString();
        row.attempts = rows->value(11).toLongLong();
        row.tokens = rows->value(12).toLongLong();
        row.costMicroUsd = MicroUsd::fromUsd(rows->value(13).toDouble());
        row.latencyMs = SqlSupport::optionalInt64(rows->value(14));
        row.ttftMs = SqlSupport::optionalInt64(rows->value(15));
        lastKey.clear();
        for (int i = 0; i < keys.size(); ++i)
            lastKey << rows->value(FirstKeyColumn + i);
        result.rows.append(row);
    }
    return result;
}

Result<qint64> CallLogRepository::count(const CallLogFilter &filter)
{
    auto where = whereOf(m_database, filter);
    if (!where)
        return where.error();
    auto rows =
        SqlSupport::run(m_database.connection(),
                        QStringLiteral("SELECT COUNT(*) FROM calls c%1 WHERE true%2").arg(botsJoin(*where), where->sql),
                        where->values, QStringLiteral("count calls"));
    if (!rows)
        return rows.error();
    return rows->next() ? rows->value(0).toLongLong() : 0;
}

Result<CallLogChoices> CallLogRepository::choices()
{
    CallLogChoices choices;
    for (const auto &[column, target] : {std::pair{QStringLiteral("provider"), &choices.providers},
                                         std::pair{QStringLiteral("model"), &choices.models},
                                         std::pair{QStringLiteral("prompt_key"), &choices.promptKeys}}) {
        auto rows = SqlSupport::run(m_database.connection(),
                                    QStringLiteral("SELECT DISTINCT %1 FROM report_daily WHERE calls <> 0 AND %1 <> '' "
                                                   "ORDER BY %1")
                                        .arg(column),
                                    {}, QStringLiteral("list the recorded %1 values").arg(column));
        if (!rows)
            return rows.error();
        while (rows->next())
            *target << rows->value(0).toString();
    }
    auto bots = SqlSupport::run(m_database.connection(),
                                QStringLiteral("SELECT DISTINCT r.bot_id, COALESCE(b.slug, '') FROM report_daily r "
                                               "LEFT JOIN bots b ON b.id = r.bot_id WHERE r.calls <> 0 AND "
                                               "r.bot_id <> 0 ORDER BY 2, 1"),
                                {}, QStringLiteral("list the bots that have calls"));
    if (!bots)
        return bots.error();
    while (bots->next()) {
        const qint64 id = bots->value(0).toLongLong();
        const QString slug = bots->value(1).toString();
        choices.bots.append({id, slug.isEmpty() ? QString::number(id) : slug});
    }
    auto classes = SqlSupport::run(m_database.connection(),
                                   QStringLiteral("SELECT DISTINCT error_class FROM report_daily WHERE calls <> 0 AND "
                                                  "status <> 'ok' AND error_class <> '' ORDER BY 1"),
                                   {}, QStringLiteral("list the recorded error classes"));
    if (!classes)
        return classes.error();
    while (classes->next())
        choices.errorClasses << classes->value(0).toString();
    return choices;
}

Result<CallRecord> CallLogRepository::call(qint64 id)
{
    const QSqlDatabase db = m_database.connection();
    auto rows = SqlSupport::run(
        db,
        QStringLiteral("SELECT uuid, bot_id, config_id, session_id, prompt_key, prompt_version, "
                       "requested_provider, requested_model, served_provider, served_model, "
                       "status, error_class, error_message, streamed, latency_ms, ttft_ms, "
                       "input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, "
                       "reasoning_tokens, cost_usd, created_at, is_demo, requested_region, served_region, "
                       "user_ref FROM calls WHERE id = ?"),
        {id}, QStringLiteral("read call %1").arg(id));
    if (!rows)
        return rows.error();
    if (!rows->next())
        return Error::make(Error::Code::NotFound, QStringLiteral("no call with id %1").arg(id));
    CallRecord call;
    call.uuid = rows->value(0).toString();
    call.botId = SqlSupport::optionalInt64(rows->value(1));
    call.configId = SqlSupport::optionalInt64(rows->value(2));
    call.sessionId = SqlSupport::optionalInt64(rows->value(3));
    call.promptKey = rows->value(4).toString();
    call.promptVersion = SqlSupport::optionalInt(rows->value(5));
    call.requestedProvider = rows->value(6).toString();
    call.requestedModel = rows->value(7).toString();
    call.servedProvider = rows->value(8).toString();
    call.servedModel = rows->value(9).toString();
    const QString status = rows->value(10).toString();
    call.status = status == QLatin1String("ok")       ? CallRecord::Status::Ok
                  : status == QLatin1String("failed") ? CallRecord::Status::Failed
                                                      : CallRecord::Status::Cancelled;
    call.errorClass = failureClassFromName(rows->value(11).toString());
    call.errorMessage = rows->value(12).toString();
    call.streamed = rows->value(13).toBool();
    call.latencyMs = SqlSupport::optionalInt64(rows->value(14));
    call.ttftMs = SqlSupport::optionalInt64(rows->value(15));
    call.usage.input = rows->value(16).toLongLong();
    call.usage.cachedInput = rows->value(17).toLongLong();
    call.usage.cacheWrite = rows->value(18).toLongLong();
    call.usage.output = rows->value(19).toLongLong();
    call.usage.reasoning = rows->value(20).toLongLong();
    call.costUsd = rows->value(21).toDouble();
    call.createdAt = SqlSupport::fromDbTimestamp(rows->value(22));
    call.isDemo = rows->value(23).toBool();
    call.requestedRegion = rows->value(24).toString();
    call.servedRegion = rows->value(25).toString();
    call.userRef = rows->value(26).toString();

    auto attempts = SqlSupport::run(db,
                                    QStringLiteral("SELECT hop_index, retry_index, provider, model, region, outcome, "
                                                   "http_status, error_class, error_message, latency_ms, started_at, "
                                                   "r.note FROM attempts LEFT JOIN attempt_restarts r ON "
                                                   "r.attempt_id = attempts.id WHERE call_id = ? ORDER BY id"),
                                    {id}, QStringLiteral("read the attempts of call %1").arg(id));
    if (!attempts)
        return attempts.error();
    while (attempts->next()) {
        AttemptRecord attempt;
        attempt.hopIndex = attempts->value(0).toInt();
        attempt.retryIndex = attempts->value(1).toInt();
        attempt.provider = attempts->value(2).toString();
        attempt.model = attempts->value(3).toString();
        attempt.region = attempts->value(4).toString();
        const QString outcome = attempts->value(5).toString();
        attempt.outcome = outcome == QLatin1String("ok")          ? AttemptRecord::Outcome::Succeeded
                          : outcome == QLatin1String("skipped")   ? AttemptRecord::Outcome::Skipped
                          : outcome == QLatin1String("cancelled") ? AttemptRecord::Outcome::Cancelled
                                                                  : AttemptRecord::Outcome::Failed;
        attempt.httpStatus = SqlSupport::optionalInt(attempts->value(6));
        attempt.errorClass = failureClassFromName(attempts->value(7).toString());
        attempt.errorMessage = attempts->value(8).toString();
        attempt.latencyMs = SqlSupport::optionalInt64(attempts->value(9));
        attempt.startedAt = SqlSupport::fromDbTimestamp(attempts->value(10));
        attempt.restartNote = attempts->value(11).toString();
        call.attempts.append(attempt);
    }
    auto sent = SentPromptStore(db).read(id);
    if (!sent)
        return sent.error();
    call.sent = *sent;
    return call;
}

}  // namespace Switchyard
