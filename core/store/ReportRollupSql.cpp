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

QString dailyAggregate()
{
    return QStringLiteral("SELECT %1, COUNT(*), SUM(c.input_tokens), SUM(c.cached_input_tokens), "
                          "SUM(c.cache_write_tokens), SUM(c.output_tokens), SUM(c.reasoning_tokens), "
                          "SUM(CAST(ROUND(c.cost_usd * 1000000) AS INTEGER)), "
                          "SUM((SELECT COUNT(*) FROM feedback f WHERE f.call_id = c.id AND f.rating = 1)), "
                          "SUM((SELECT COUNT(*) FROM feedback f WHERE f.call_id = c.id AND f.rating = -1)) "
                          "FROM calls c WHERE true GROUP BY %1")
        .arg(keyValues(QStringLiteral("c")));
}

QString fallbacksAggregate()
{
    return QStringLiteral("SELECT %1, a.hop_index, COUNT(*) FROM attempts a JOIN calls c ON c.id = a.call_id "
                          "WHERE a.outcome = 'ok' AND a.hop_index > 0 GROUP BY %1, a.hop_index")
        .arg(keyValues(QStringLiteral("c")));
}

}  // namespace Switchyard::ReportRollupSql
