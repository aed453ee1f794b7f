#pragma once

#include <QString>
#include <QStringList>

/// The SQL that defines the report rollups (migration 5's report_daily and report_daily_fallbacks) as aggregates of
/// the raw rows. The migration backfills with it; RollupChecker compares the trigger-maintained tables against it.
namespace Switchyard::ReportRollupSql {

/// "day, bot_id, config_id, provider, model, prompt_key, prompt_version, status, error_class": the rollups' key.
QString keyColumns();

/// The key of the `calls` row named @p row ("NEW", "OLD", "c"), one expression per keyColumns() column.
///
/// A call is reported under the provider and model that answered it or, when none did, the ones it asked for (so a
/// failed call still counts against a provider's error rate). The day is the UTC date of created_at. NULL ids and
/// versions become 0: a NULL never equals another NULL, and a call must always find its rollup row.
QString keyValues(const QString &row);

/// keyValues() as a list, one expression per key column.
QStringList keyValueList(const QString &row);

/// "SELECT key, calls, input, cached input, cache write, output, reasoning tokens, cost in micro-dollars, votes up,
/// votes down FROM calls ... GROUP BY key". A call's cost in micro-dollars is ROUND(cost_usd * 1e6).
QString dailyAggregate();

/// "SELECT key, hop_index, calls FROM attempts JOIN calls ... GROUP BY key, hop_index" over the answering attempts
/// of hops after the first.
QString fallbacksAggregate();

}  // namespace Switchyard::ReportRollupSql
