#pragma once

#include <QString>
#include <QStringList>

/// The SQL that defines the report rollups (migration 5's report_daily and report_daily_fallbacks, migration 6's
/// report_latency, migration 8's report_conversations) as aggregates of the raw rows. The migrations backfill with it,
/// UsageRecorder adds each batch with it (DeferredRollups), and RollupChecker compares the maintained tables against
/// it.
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

/// An extra condition for the aggregates below (" AND c.id > ?" for one batch's calls); empty for all rows.
/// In fallbacksAggregate() the calls row is `c` and the attempts row `a`.

/// "SELECT key, calls, input, cached input, cache write, output, reasoning tokens, cost in micro-dollars, votes up,
/// votes down FROM calls ... GROUP BY key". A call's cost in micro-dollars is ROUND(cost_usd * 1e6).
/// With @p countVotes false the votes are written as 0 without looking at feedback: for calls inserted in the current
/// transaction, which no feedback row can reference yet.
QString dailyAggregate(const QString &condition = {}, bool countVotes = true);

/// "ON CONFLICT (key) DO UPDATE SET calls = calls + excluded.calls, ..." adding an aggregate to report_daily.
QString dailyAccumulate();

/// "SELECT key, hop_index, calls FROM attempts JOIN calls ... GROUP BY key, hop_index" over the answering attempts
/// of hops after the first.
QString fallbacksAggregate(const QString &condition = {});

/// "day, bot_id, config_id, provider, model, prompt_key, prompt_version": report_latency's key. Only answered calls
/// (status 'ok') are in report_latency, under the provider and model that answered (served_provider, served_model).
QString latencyKeyColumns();

/// The report_latency key of the `calls` row named @p row, one expression per latencyKeyColumns() column.
QStringList latencyKeyValueList(const QString &row);

/// "SELECT key, calls, latencies, ttfts FROM calls c WHERE c.status = 'ok' ... GROUP BY key": the number of
/// answered calls and every answered call's latency_ms and ttft_ms as text, each value followed by a comma
/// ("812,1204,"), in no particular order; NULL values are left out. The order of the values is not part of the
/// definition (a percentile does not depend on it), so RollupChecker compares them as sorted multisets.
QString latencyAggregate(const QString &condition = {});

/// "ON CONFLICT (key) DO UPDATE SET calls = calls + excluded.calls, latencies = latencies || excluded.latencies, ..."
/// adding to report_latency.
QString latencyAccumulate();

/// "day, bot_id, config_id, provider, model, prompt_key, prompt_version, session_id": report_conversations' key, the
/// first seven keyColumns() of the call a message links to, and the message's session.
QString conversationKeyColumns();

/// The report_conversations key of the `calls` row named @p call, without the session: keyValueList()'s first seven.
QStringList conversationCallKeyValueList(const QString &call);

/// A call's cost in integer micro-dollars as the rollups count it: ROUND(cost_usd * 1e6) of the `calls` row @p call.
QString costMicros(const QString &call);

/// One message's entry in report_conversations.message_costs: "(cost@call id)", e.g. "(1520@4711)". The call id makes
/// every entry of a call findable (a call deleted or changed takes all of its messages' entries out with replace()),
/// the brackets keep one entry from matching inside another.
QString messageCostEntry(const QString &call);

/// "SELECT key, messages, cost_micro_usd, message_costs FROM messages m JOIN calls c ... GROUP BY key": per message
/// session and key of the linked call, the number of messages linked to calls, the sum of their calls' costs (each
/// message counts its call's cost once) and one messageCostEntry() per message, in no particular order.
QString conversationAggregate(const QString &condition = {});

/// "ON CONFLICT (key) DO UPDATE SET messages = messages + excluded.messages, ..." adding to report_conversations.
QString conversationAccumulate();

}  // namespace Switchyard::ReportRollupSql
