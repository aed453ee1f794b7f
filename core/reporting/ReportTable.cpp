#include "core/reporting/ReportTable.h"

#include "core/common/Csv.h"
#include "core/model/Money.h"
#include "core/reporting/ReportService.h"

#include <QJsonObject>

namespace Switchyard {

namespace {

ReportTable::Cell optionalCell(const std::optional<qint64> &value)
{
    return value ? ReportTable::Cell(*value) : ReportTable::Cell(std::monostate{});
}

}  // namespace

QString ReportTable::text(const Cell &cell)
{
    if (const auto *number = std::get_if<qint64>(&cell))
        return QString::number(*number);
    if (const auto *string = std::get_if<QString>(&cell))
        return *string;
    if (const auto *map = std::get_if<QMap<QString, qint64>>(&cell)) {
        QStringList parts;
        for (auto it = map->cbegin(); it != map->cend(); ++it)
            parts << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
        return parts.join(QLatin1Char(';'));
    }
    return {};
}

QJsonValue ReportTable::json(const Cell &cell)
{
    if (const auto *number = std::get_if<qint64>(&cell))
        return QJsonValue(*number);
    if (const auto *string = std::get_if<QString>(&cell))
        return QJsonValue(*string);
    if (const auto *map = std::get_if<QMap<QString, qint64>>(&cell)) {
        QJsonObject object;
        for (auto it = map->cbegin(); it != map->cend(); ++it)
            object.insert(it.key(), QJsonValue(it.value()));
        return object;
    }
    return QJsonValue(QJsonValue::Null);
}

ReportTable::Cell ReportTable::ratio(qint64 numerator, qint64 denominator)
{
    if (denominator <= 0)
        return std::monostate{};
    const qint64 millionths = (numerator * 2000000 + denominator) / (2 * denominator);
    return QStringLiteral("%1.%2").arg(millionths / 1000000).arg(millionths % 1000000, 6, 10, QLatin1Char('0'));
}

QString ReportTable::toCsv() const
{
    QString csv = Csv::row(columns) + QLatin1Char('\n');
    for (const QList<Cell> &row : rows) {
        QStringList fields;
        for (const Cell &cell : row)
            fields << text(cell);
        csv += Csv::row(fields) + QLatin1Char('\n');
    }
    return csv;
}

ReportTable ReportTable::costs(const QList<CostRow> &rows, ReportGrouping grouping)
{
    ReportTable table;
    table.columns = {ReportQuery::groupingName(grouping),  QStringLiteral("calls"),
                     QStringLiteral("input_tokens"),       QStringLiteral("cached_input_tokens"),
                     QStringLiteral("cache_write_tokens"), QStringLiteral("output_tokens"),
                     QStringLiteral("reasoning_tokens"),   QStringLiteral("cost_usd"),
                     QStringLiteral("cost_micro_usd")};
    for (const CostRow &row : rows) {
        table.rows.append({row.key, row.calls, row.tokens.input, row.tokens.cachedInput, row.tokens.cacheWrite,
                           row.tokens.output, row.tokens.reasoning, MicroUsd::decimal(row.costMicroUsd),
                           row.costMicroUsd});
    }
    return table;
}

ReportTable ReportTable::latency(const QList<LatencyRow> &rows, ReportGrouping grouping)
{
    ReportTable table;
    table.columns = {
        ReportQuery::groupingName(grouping), QStringLiteral("calls"),          QStringLiteral("latency_p50_ms"),
        QStringLiteral("latency_p95_ms"),    QStringLiteral("latency_p99_ms"), QStringLiteral("ttft_calls"),
        QStringLiteral("ttft_p50_ms"),       QStringLiteral("ttft_p95_ms"),    QStringLiteral("ttft_p99_ms")};
    for (const LatencyRow &row : rows) {
        table.rows.append({row.key, row.total.count, optionalCell(row.total.p50), optionalCell(row.total.p95),
                           optionalCell(row.total.p99), row.timeToFirstToken.count,
                           optionalCell(row.timeToFirstToken.p50), optionalCell(row.timeToFirstToken.p95),
                           optionalCell(row.timeToFirstToken.p99)});
    }
    return table;
}

ReportTable ReportTable::quality(const QList<QualityRow> &rows, ReportGrouping grouping)
{
    ReportTable table;
    table.columns = {ReportQuery::groupingName(grouping), QStringLiteral("calls"), QStringLiteral("votes_up"),
                     QStringLiteral("votes_down"), QStringLiteral("approval_rate")};
    for (const QualityRow &row : rows)
        table.rows.append({row.key, row.calls, row.up, row.down, ratio(row.up, row.up + row.down)});
    return table;
}

ReportTable ReportTable::fallbacks(const QList<FallbackRow> &rows, ReportGrouping grouping)
{
    ReportTable table;
    table.columns = {ReportQuery::groupingName(grouping), QStringLiteral("calls"),
                     QStringLiteral("fallback_calls"),    QStringLiteral("fallback_rate"),
                     QStringLiteral("served_by_hop"),     QStringLiteral("error_calls"),
                     QStringLiteral("error_rate"),        QStringLiteral("error_classes")};
    for (const FallbackRow &row : rows) {
        QMap<QString, qint64> hops;
        for (auto it = row.servedByHop.cbegin(); it != row.servedByHop.cend(); ++it)
            hops.insert(QString::number(it.key()), it.value());
        QMap<QString, qint64> classes;
        for (auto it = row.errorClasses.cbegin(); it != row.errorClasses.cend(); ++it)
            classes.insert(it.key().isEmpty() ? QStringLiteral("unknown") : it.key(), it.value());
        table.rows.append({row.key, row.calls, row.fallbackCalls(), ratio(row.fallbackCalls(), row.calls), hops,
                           row.errorCalls, ratio(row.errorCalls, row.calls), classes});
    }
    return table;
}

ReportTable ReportTable::versions(const QList<VersionRow> &rows)
{
    ReportTable table;
    table.columns = {QStringLiteral("version"),           QStringLiteral("calls"),
                     QStringLiteral("cost_usd"),          QStringLiteral("cost_micro_usd"),
                     QStringLiteral("cost_per_call_usd"), QStringLiteral("latency_calls"),
                     QStringLiteral("latency_p50_ms"),    QStringLiteral("latency_p95_ms"),
                     QStringLiteral("latency_p99_ms"),    QStringLiteral("ttft_p50_ms"),
                     QStringLiteral("votes_up"),          QStringLiteral("votes_down"),
                     QStringLiteral("approval_rate")};
    for (const VersionRow &row : rows) {
        table.rows.append({row.version > 0 ? Cell(qint64(row.version)) : Cell(std::monostate{}), row.calls,
                           MicroUsd::decimal(row.costMicroUsd), row.costMicroUsd,
                           ratio(row.costMicroUsd, row.calls * MicroUsd::PerDollar), row.total.count,
                           optionalCell(row.total.p50), optionalCell(row.total.p95), optionalCell(row.total.p99),
                           optionalCell(row.timeToFirstToken.p50), row.up, row.down, ratio(row.up, row.up + row.down)});
    }
    return table;
}

ReportTable ReportTable::breakers(const QList<BreakerRow> &rows, ReportGrouping grouping)
{
    ReportTable table;
    // One "breaker" column ("provider/model"): columns named provider and model would repeat the grouping's name.
    table.columns = {ReportQuery::groupingName(grouping), QStringLiteral("breaker"), QStringLiteral("opens"),
                     QStringLiteral("forced_opens")};
    for (const BreakerRow &row : rows)
        table.rows.append({row.key, row.provider + QLatin1Char('/') + row.model, row.opens, row.forcedOpens});
    return table;
}

ReportTable ReportTable::conversations(const QList<ConversationCostRow> &rows, ReportGrouping grouping)
{
    ReportTable table;
    table.columns = {ReportQuery::groupingName(grouping),  QStringLiteral("sessions"),
                     QStringLiteral("messages"),           QStringLiteral("cost_usd"),
                     QStringLiteral("cost_micro_usd"),     QStringLiteral("cost_per_session_usd"),
                     QStringLiteral("median_session_usd"), QStringLiteral("cost_per_message_usd"),
                     QStringLiteral("median_message_usd")};
    const auto dollars = [](const std::optional<qint64> &micros) {
        return micros ? Cell(MicroUsd::decimal(*micros)) : Cell(std::monostate{});
    };
    for (const ConversationCostRow &row : rows) {
        table.rows.append(
            {row.key, row.sessions, row.messages, MicroUsd::decimal(row.costMicroUsd), row.costMicroUsd,
             ratio(row.costMicroUsd, row.sessions * MicroUsd::PerDollar), dollars(row.medianSessionMicroUsd),
             ratio(row.costMicroUsd, row.messages * MicroUsd::PerDollar), dollars(row.medianMessageMicroUsd)});
    }
    return table;
}

ReportTable ReportTable::budgets(const QList<BudgetUseRow> &rows)
{
    ReportTable table;
    table.columns = {QStringLiteral("bot"),        QStringLiteral("day"),          QStringLiteral("calls"),
                     QStringLiteral("tokens"),     QStringLiteral("max_tokens"),   QStringLiteral("token_use"),
                     QStringLiteral("cost_usd"),   QStringLiteral("max_cost_usd"), QStringLiteral("cost_use"),
                     QStringLiteral("over_budget")};
    for (const BudgetUseRow &row : rows) {
        table.rows.append({row.bot, row.day, row.calls, row.tokens, optionalCell(row.maxTokens),
                           row.maxTokens ? ratio(row.tokens, *row.maxTokens) : Cell(std::monostate{}),
                           MicroUsd::decimal(row.costMicroUsd),
                           row.maxCostMicroUsd ? Cell(MicroUsd::decimal(*row.maxCostMicroUsd)) : Cell(std::monostate{}),
                           row.maxCostMicroUsd ? ratio(row.costMicroUsd, *row.maxCostMicroUsd) : Cell(std::monostate{}),
                           qint64(row.overBudget() ? 1 : 0)});
    }
    return table;
}

Result<ReportTable> ReportTable::build(Database &database, ReportKind kind, const ReportQuery &query)
{
    ReportService service(database);
    switch (kind) {
    case ReportKind::Costs: {
        auto rows = service.costs(query);
        if (!rows)
            return rows.error();
        return costs(*rows, query.groupBy);
    }
    case ReportKind::Latency: {
        auto rows = service.latency(query);
        if (!rows)
            return rows.error();
        return latency(*rows, query.groupBy);
    }
    case ReportKind::Quality: {
        auto rows = service.quality(query);
        if (!rows)
            return rows.error();
        return quality(*rows, query.groupBy);
    }
    case ReportKind::Fallbacks: {
        auto rows = service.fallbacks(query);
        if (!rows)
            return rows.error();
        return fallbacks(*rows, query.groupBy);
    }
    case ReportKind::Versions: {
        auto rows = service.versions(query);
        if (!rows)
            return rows.error();
        return versions(*rows);
    }
    case ReportKind::Breakers: {
        auto rows = service.breakerOpens(query);
        if (!rows)
            return rows.error();
        return breakers(*rows, query.groupBy);
    }
    case ReportKind::Conversations: {
        auto rows = service.conversationCosts(query);
        if (!rows)
            return rows.error();
        return conversations(*rows, query.groupBy);
    }
    case ReportKind::Budgets: {
        auto rows = service.budgetUse(query);
        if (!rows)
            return rows.error();
        return budgets(*rows);
    }
    }
    return ReportTable{};
}

}  // namespace Switchyard
