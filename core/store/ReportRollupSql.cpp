#include "core/store/ReportRollupSql.h"

namespace Switchyard::ReportRollupSql {

QString keyColumns()
{
    return QStringLiteral("day, bot_id, config_id, provider, model, prompt_key, prompt_version, status, error_class");
}

QStringList keyValueList(const QString &row)
{
    return {
        QStringLiteral("substr(%1.created_at, 1, 10)").arg(row),
        QStringLiteral("COALESCE(%1.bot_id, 0)").arg(row),
        QStringLiteral("COALESCE(%1.config_id, 0)").arg(row),
        QStringLiteral("CASE WHEN %1.served_provider <> '' THEN %1.served_provider ELSE %1.requested_provider END")
            .arg(row),
        QStringLiteral("CASE WHEN %1.served_provider <> '' THEN %1.served_model ELSE %1.requested_model END").arg(row),
        QStringLiteral("%1.prompt_key").arg(row),
        QStringLiteral("COALESCE(%1.prompt_version, 0)").arg(row),
        QStringLiteral("%1.status").arg(row),
        QStringLiteral("%1.error_class").arg(row)};
}

QString keyValues(const QString &row)
{
    return keyValueList(row).join(QStringLiteral(", "));
}

QString dailyAggregate(const QString &condition, bool countVotes)
{
    const QString votes = countVotes ? QStringLiteral("SUM((SELECT COUNT(*) FROM feedback f WHERE f.call_id = c.id AND "
                                                      "f.rating = 1)), SUM((SELECT COUNT(*) FROM feedback f WHERE "
                                                      "f.call_id = c.id AND f.rating = -1))")
                                     : QStringLiteral("0, 0");
    return QStringLiteral("SELECT %1, COUNT(*), SUM(c.input_tokens), SUM(c.cached_input_tokens), "
                          "SUM(c.cache_write_tokens), SUM(c.output_tokens), SUM(c.reasoning_tokens), "
                          "SUM(CAST(ROUND(c.cost_usd * 1000000) AS INTEGER)), %3 FROM calls c WHERE true%2 GROUP BY %1")
        .arg(keyValues(QStringLiteral("c")), condition, votes);
}

QString dailyAccumulate()
{
    QStringList sums;
    for (const char *column : {"calls", "input_tokens", "cached_input_tokens", "cache_write_tokens", "output_tokens",
                               "reasoning_tokens", "cost_micro_usd", "feedback_up", "feedback_down"})
        sums << QStringLiteral("%1 = %1 + excluded.%1").arg(QLatin1String(column));
    return QStringLiteral("ON CONFLICT (%1) DO UPDATE SET %2").arg(keyColumns(), sums.join(QStringLiteral(", ")));
}

QString fallbacksAggregate(const QString &condition)
{
    return QStringLiteral("SELECT %1, a.hop_index, COUNT(*) FROM attempts a JOIN calls c ON c.id = a.call_id "
                          "WHERE a.outcome = 'ok' AND a.hop_index > 0%2 GROUP BY %1, a.hop_index")
        .arg(keyValues(QStringLiteral("c")), condition);
}

QString latencyKeyColumns()
{
    return QStringLiteral("day, bot_id, config_id, provider, model, prompt_key, prompt_version");
}

QStringList latencyKeyValueList(const QString &row)
{
    return {QStringLiteral("substr(%1.created_at, 1, 10)").arg(row),
            QStringLiteral("COALESCE(%1.bot_id, 0)").arg(row),
            QStringLiteral("COALESCE(%1.config_id, 0)").arg(row),
            QStringLiteral("%1.served_provider").arg(row),
            QStringLiteral("%1.served_model").arg(row),
            QStringLiteral("%1.prompt_key").arg(row),
            QStringLiteral("COALESCE(%1.prompt_version, 0)").arg(row)};
}

QString latencyAggregate(const QString &condition)
{
    // group_concat() skips the NULLs that `NULL || ','` gives, and is NULL when a group has no value at all.
    return QStringLiteral("SELECT %1, COUNT(*), COALESCE(group_concat(c.latency_ms || ',', ''), ''), "
                          "COALESCE(group_concat(c.ttft_ms || ',', ''), '') FROM calls c WHERE c.status = 'ok'%2 "
                          "GROUP BY %1")
        .arg(latencyKeyValueList(QStringLiteral("c")).join(QStringLiteral(", ")), condition);
}

QString latencyAccumulate()
{
    return QStringLiteral("ON CONFLICT (%1) DO UPDATE SET calls = calls + excluded.calls, "
                          "latencies = latencies || excluded.latencies, "
                          "ttfts = ttfts || excluded.ttfts")
        .arg(latencyKeyColumns());
}

QString conversationKeyColumns()
{
    return latencyKeyColumns() + QStringLiteral(", session_id");
}

QStringList conversationCallKeyValueList(const QString &call)
{
    return keyValueList(call).mid(0, 7);
}

QString costMicros(const QString &call)
{
    return QStringLiteral("CAST(ROUND(%1.cost_usd * 1000000) AS INTEGER)").arg(call);
}

QString messageCostEntry(const QString &call)
{
    return QStringLiteral("'(' || %1 || '@' || %2.id || ')'").arg(costMicros(call), call);
}

QString conversationAggregate(const QString &condition)
{
    const QString key = (conversationCallKeyValueList(QStringLiteral("c")) << QStringLiteral("m.session_id"))
                            .join(QStringLiteral(", "));
    return QStringLiteral("SELECT %1, COUNT(*), SUM(%2), group_concat(%3, '') FROM messages m JOIN calls c ON c.id = "
                          "m.call_id WHERE true%4 GROUP BY %1")
        .arg(key, costMicros(QStringLiteral("c")), messageCostEntry(QStringLiteral("c")), condition);
}

QString conversationAccumulate()
{
    return QStringLiteral("ON CONFLICT (%1) DO UPDATE SET messages = messages + excluded.messages, "
                          "cost_micro_usd = cost_micro_usd + excluded.cost_micro_usd, "
                          "message_costs = message_costs || excluded.message_costs")
        .arg(conversationKeyColumns());
}

}  // namespace Switchyard::ReportRollupSql
