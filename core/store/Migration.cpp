#include "core/store/Migration.h"

#include "core/store/ReportRollupSql.h"

// Portability notes (SQLite today, PostgreSQL later through the same repositories):
// - `INTEGER PRIMARY KEY AUTOINCREMENT` is SQLite's never-reused 64-bit row id; PostgreSQL spells it `BIGSERIAL PRIMARY
//   KEY` (or `BIGINT GENERATED ALWAYS AS IDENTITY`). It is the only SQLite-only spelling in the tables below.
// - Timestamps are ISO-8601 UTC TEXT ("2025-01-31T12:00:00.000Z"), so they sort as text and read the same everywhere.
// - JSON is TEXT (a JSONB column in PostgreSQL would be a later optimisation, not a format change).
// - Booleans are INTEGER 0/1 with a CHECK, so `WHERE is_active = 1` (also in the partial index) is valid in both.
// - Money is REAL US dollars; prices are per 1,000 tokens.
// - Partial unique indexes (`CREATE UNIQUE INDEX ... WHERE ...`) and `ON CONFLICT ... DO UPDATE` exist in both.
// - PRAGMAs live only in Database's SQLite connection setup, never here.

namespace Switchyard {

namespace {

/// "table.day = x AND table.bot_id = y ..." pairing the key @p columns (comma-separated) of a rollup with @p values.
QString keyMatch(const QString &table, const QString &columns, const QStringList &values)
{
    const QStringList names = columns.split(QStringLiteral(", "));
    QStringList terms;
    for (int i = 0; i < names.size(); ++i)
        terms << QStringLiteral("%1.%2 = %3").arg(table, names.at(i), values.at(i));
    return terms.join(QStringLiteral(" AND "));
}

/// The report_daily-shaped rollup row (@p table) of the calls row @p row.
QString rollupKeyMatch(const QString &table, const QString &row)
{
    return keyMatch(table, ReportRollupSql::keyColumns(), ReportRollupSql::keyValueList(row));
}

/// Migration 5: rollups for the reports (core/reporting), kept exactly in sync with the raw rows by triggers.
///
/// report_daily holds, per UTC day x bot x config x provider x model x prompt key x prompt version x status x error
/// class, the number of calls, their tokens by kind, their cost in integer micro-dollars (each call's cost_usd
/// rounded to the micro-dollar, then summed as integers: sums of REAL drift, and a rollup maintained by + and - must
/// equal a fresh aggregate exactly) and their feedback votes. report_daily_fallbacks counts, per the same key and hop
/// index > 0, the calls an attempt of a later hop answered (a call served by its first hop is the rest of the ok
/// calls). The triggers fire inside the writer's own statements, so UsageRecorder's batched multi-row INSERTs keep
/// them current without any change; rows whose counts fall to zero may stay (readers ignore them).
///
/// Order of events the triggers rely on: UsageRecorder inserts a batch's calls before their attempts; feedback
/// references an existing call. Deleting a call subtracts its whole contribution in a BEFORE DELETE trigger, while
/// its attempts and feedback still exist; the ON DELETE CASCADE that follows removes them after the call row is gone,
/// so their own DELETE triggers find no call and change nothing.
Migration reportRollups()
{
    Migration m{5, QStringLiteral("report rollups: daily call totals, feedback and fallbacks, kept by triggers"), {}};
    const QString key = ReportRollupSql::keyColumns();
    m.statements << QStringLiteral(R"sql(
CREATE TABLE report_daily (
    day                 TEXT NOT NULL,
    bot_id              INTEGER NOT NULL,
    config_id           INTEGER NOT NULL,
    provider            TEXT NOT NULL,
    model               TEXT NOT NULL,
    prompt_key          TEXT NOT NULL,
    prompt_version      INTEGER NOT NULL,
    status              TEXT NOT NULL,
    error_class         TEXT NOT NULL,
    calls               INTEGER NOT NULL DEFAULT 0,
    input_tokens        INTEGER NOT NULL DEFAULT 0,
    cached_input_tokens INTEGER NOT NULL DEFAULT 0,
    cache_write_tokens  INTEGER NOT NULL DEFAULT 0,
    output_tokens       INTEGER NOT NULL DEFAULT 0,
    reasoning_tokens    INTEGER NOT NULL DEFAULT 0,
    cost_micro_usd      INTEGER NOT NULL DEFAULT 0,
    feedback_up         INTEGER NOT NULL DEFAULT 0,
    feedback_down       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, bot_id, config_id, provider, model, prompt_key, prompt_version, status, error_class)
) WITHOUT ROWID)sql");
    m.statements << QStringLiteral(R"sql(
CREATE TABLE report_daily_fallbacks (
    day            TEXT NOT NULL,
    bot_id         INTEGER NOT NULL,
    config_id      INTEGER NOT NULL,
    provider       TEXT NOT NULL,
    model          TEXT NOT NULL,
    prompt_key     TEXT NOT NULL,
    prompt_version INTEGER NOT NULL,
    status         TEXT NOT NULL,
    error_class    TEXT NOT NULL,
    hop_index      INTEGER NOT NULL,
    calls          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, bot_id, config_id, provider, model, prompt_key, prompt_version, status, error_class, hop_index)
) WITHOUT ROWID)sql");
    // Exact latency percentiles come from the raw rows (answered calls only); this partial covering index lets a
    // report read them without touching the table.
    m.statements << QStringLiteral(
        "CREATE INDEX calls_report_latency ON calls (created_at, served_provider, served_model, bot_id, config_id, "
        "prompt_key, prompt_version, latency_ms, ttft_ms) WHERE status = 'ok'");
    // Deleting a call looks up its feedback and attempts by call: UNIQUE (call_id, user_ref) and attempts_call
    // already index them.

    // Backfill from the rows a workspace already holds.
    const QString costMicros = QStringLiteral("CAST(ROUND(%1.cost_usd * 1000000) AS INTEGER)");
    m.statements << QStringLiteral("INSERT INTO report_daily (%1, calls, input_tokens, cached_input_tokens, "
                                   "cache_write_tokens, output_tokens, reasoning_tokens, cost_micro_usd, feedback_up, "
                                   "feedback_down) %2")
                        .arg(key, ReportRollupSql::dailyAggregate());
    m.statements << QStringLiteral("INSERT INTO report_daily_fallbacks (%1, hop_index, calls) %2")
                        .arg(key, ReportRollupSql::fallbacksAggregate());

    // calls: add a new call to its row; subtract a deleted one (with its votes and fallback) before the cascade.
    const auto addCall = [&](const QString &row, const QString &sign) {
        const QString votes = QStringLiteral("(SELECT COUNT(*) FROM feedback f WHERE f.call_id = %1.id AND "
                                             "f.rating = %2)");
        return QStringLiteral(
                   "INSERT INTO report_daily (%1, calls, input_tokens, cached_input_tokens, cache_write_tokens, "
                   "output_tokens, reasoning_tokens, cost_micro_usd, feedback_up, feedback_down) VALUES (%2, %3 1, "
                   "%3 %4.input_tokens, %3 %4.cached_input_tokens, %3 %4.cache_write_tokens, %3 %4.output_tokens, "
                   "%3 %4.reasoning_tokens, %3 %5, %3 %6, %3 %7) ON CONFLICT (%1) DO UPDATE SET "
                   "calls = calls + excluded.calls, input_tokens = input_tokens + excluded.input_tokens, "
                   "cached_input_tokens = cached_input_tokens + excluded.cached_input_tokens, "
                   "cache_write_tokens = cache_write_tokens + excluded.cache_write_tokens, "
                   "output_tokens = output_tokens + excluded.output_tokens, "
                   "reasoning_tokens = reasoning_tokens + excluded.reasoning_tokens, "
                   "cost_micro_usd = cost_micro_usd + excluded.cost_micro_usd, "
                   "feedback_up = feedback_up + excluded.feedback_up, "
                   "feedback_down = feedback_down + excluded.feedback_down;")
            .arg(key, ReportRollupSql::keyValues(row), sign, row, costMicros.arg(row),
                 votes.arg(row, QStringLiteral("1")), votes.arg(row, QStringLiteral("-1")));
    };
    const auto addFallbacks = [&](const QString &row, const QString &sign) {
        return QStringLiteral("INSERT INTO report_daily_fallbacks (%1, hop_index, calls) SELECT %2, a.hop_index, "
                              "%3 COUNT(*) FROM attempts a WHERE a.call_id = %4.id AND a.outcome = 'ok' AND "
                              "a.hop_index > 0 GROUP BY a.hop_index ON CONFLICT (%1, hop_index) DO UPDATE SET "
                              "calls = calls + excluded.calls;")
            .arg(key, ReportRollupSql::keyValues(row), sign, row);
    };
    // A new call has no votes and no attempts yet (they reference it), so its insert trigger only counts the row.
    m.statements << QStringLiteral(
                        "CREATE TRIGGER calls_report_insert AFTER INSERT ON calls BEGIN "
                        "INSERT INTO report_daily (%1, calls, input_tokens, cached_input_tokens, cache_write_tokens, "
                        "output_tokens, reasoning_tokens, cost_micro_usd) VALUES (%2, 1, NEW.input_tokens, "
                        "NEW.cached_input_tokens, NEW.cache_write_tokens, NEW.output_tokens, NEW.reasoning_tokens, %3) "
                        "ON CONFLICT (%1) DO UPDATE SET calls = calls + 1, "
                        "input_tokens = input_tokens + excluded.input_tokens, "
                        "cached_input_tokens = cached_input_tokens + excluded.cached_input_tokens, "
                        "cache_write_tokens = cache_write_tokens + excluded.cache_write_tokens, "
                        "output_tokens = output_tokens + excluded.output_tokens, "
                        "reasoning_tokens = reasoning_tokens + excluded.reasoning_tokens, "
                        "cost_micro_usd = cost_micro_usd + excluded.cost_micro_usd; END")
                        .arg(key, ReportRollupSql::keyValues(QStringLiteral("NEW")),
                             costMicros.arg(QStringLiteral("NEW")));
    m.statements << QStringLiteral("CREATE TRIGGER calls_report_delete BEFORE DELETE ON calls BEGIN %1 %2 END")
                        .arg(addCall(QStringLiteral("OLD"), QStringLiteral("-")),
                             addFallbacks(QStringLiteral("OLD"), QStringLiteral("-")));
    // An update that changes what the rollups hold (a deleted bot sets bot_id to NULL, a corrected cost) moves the
    // call's whole contribution from its old row to its new one.
    m.statements << QStringLiteral(
                        "CREATE TRIGGER calls_report_update AFTER UPDATE OF created_at, bot_id, config_id, "
                        "served_provider, served_model, requested_provider, requested_model, prompt_key, "
                        "prompt_version, status, error_class, input_tokens, cached_input_tokens, cache_write_tokens, "
                        "output_tokens, reasoning_tokens, cost_usd ON calls BEGIN %1 %2 %3 %4 END")
                        .arg(addCall(QStringLiteral("OLD"), QStringLiteral("-")),
                             addFallbacks(QStringLiteral("OLD"), QStringLiteral("-")),
                             addCall(QStringLiteral("NEW"), QString()), addFallbacks(QStringLiteral("NEW"), QString()));

    // feedback: a vote counts on its call's row. UPDATE ... FROM finds that row by its primary key.
    const auto vote = [&](const QString &row, const QString &sign) {
        return QStringLiteral("UPDATE report_daily SET feedback_up = feedback_up %1 (%2.rating = 1), "
                              "feedback_down = feedback_down %1 (%2.rating = -1) FROM calls c "
                              "WHERE c.id = %2.call_id AND %3;")
            .arg(sign, row, rollupKeyMatch(QStringLiteral("report_daily"), QStringLiteral("c")));
    };
    m.statements << QStringLiteral("CREATE TRIGGER feedback_report_insert AFTER INSERT ON feedback BEGIN %1 END")
                        .arg(vote(QStringLiteral("NEW"), QStringLiteral("+")));
    m.statements << QStringLiteral("CREATE TRIGGER feedback_report_delete AFTER DELETE ON feedback BEGIN %1 END")
                        .arg(vote(QStringLiteral("OLD"), QStringLiteral("-")));
    m.statements << QStringLiteral(
                        "CREATE TRIGGER feedback_report_update AFTER UPDATE OF call_id, rating ON feedback BEGIN %1 %2 "
                        "END")
                        .arg(vote(QStringLiteral("OLD"), QStringLiteral("-")),
                             vote(QStringLiteral("NEW"), QStringLiteral("+")));

    // attempts: an answer from a later hop is a fallback of its call. Only those rows fire the triggers' bodies.
    const auto hop = [&](const QString &row, const QString &sign) {
        return QStringLiteral("INSERT INTO report_daily_fallbacks (%1, hop_index, calls) SELECT %2, %3.hop_index, "
                              "%4 1 FROM calls c WHERE c.id = %3.call_id ON CONFLICT (%1, hop_index) DO UPDATE SET "
                              "calls = calls + excluded.calls;")
            .arg(key, ReportRollupSql::keyValues(QStringLiteral("c")), row, sign);
    };
    const QString served = QStringLiteral("%1.outcome = 'ok' AND %1.hop_index > 0");
    m.statements << QStringLiteral(
                        "CREATE TRIGGER attempts_report_insert AFTER INSERT ON attempts WHEN %1 BEGIN %2 END")
                        .arg(served.arg(QStringLiteral("NEW")), hop(QStringLiteral("NEW"), QString()));
    m.statements << QStringLiteral(
                        "CREATE TRIGGER attempts_report_delete AFTER DELETE ON attempts WHEN %1 BEGIN %2 END")
                        .arg(served.arg(QStringLiteral("OLD")), hop(QStringLiteral("OLD"), QStringLiteral("-")));
    m.statements << QStringLiteral("CREATE TRIGGER attempts_report_update_old AFTER UPDATE OF call_id, hop_index, "
                                   "outcome ON attempts WHEN %1 BEGIN %2 END")
                        .arg(served.arg(QStringLiteral("OLD")), hop(QStringLiteral("OLD"), QStringLiteral("-")));
    m.statements << QStringLiteral("CREATE TRIGGER attempts_report_update_new AFTER UPDATE OF call_id, hop_index, "
                                   "outcome ON attempts WHEN %1 BEGIN %2 END")
                        .arg(served.arg(QStringLiteral("NEW")), hop(QStringLiteral("NEW"), QString()));
    return m;
}

/// The report_latency row of the calls row @p row.
QString latencyKeyMatch(const QString &row)
{
    return keyMatch(QStringLiteral("report_latency"), ReportRollupSql::latencyKeyColumns(),
                    ReportRollupSql::latencyKeyValueList(row));
}

/// Migration 6: exact latency percentiles from a rollup, and rollups a batch writer may maintain itself.
///
/// report_latency holds, per UTC day x bot x config x served provider x model x prompt key x version, the number of
/// answered calls and the latency_ms
/// and ttft_ms of every answered call as text ("812,1204,", see ReportRollupSql::latencyAggregate()). A percentile
/// needs every value, so this is not a summary but the values clustered by the reports' key: a latency report reads
/// one row per key and day (about 2% of the calls' rows at a million calls) instead of every call, and its figures
/// stay exactly the nearest rank of the raw values. The price: inserting or deleting one call rewrites its key-day's
/// text, which grows with the calls that key has in a day.
///
/// rollup_control.deferred lets one writer apply a whole batch's rollup changes with a few grouped UPSERTs instead
/// of a trigger per row (DeferredRollups, used by UsageRecorder): it sets deferred = 1 inside its write transaction,
/// inserts, adds the aggregate of the rows it inserted and sets deferred = 0 again before it commits. Only the INSERT
/// triggers check the flag (the batch writer only inserts). Other connections never see the 1: under WAL they read
/// the last commit, and the write lock keeps other writers out until then.
Migration deferredRollupsAndLatency()
{
    Migration m{6, QStringLiteral("exact latency rollup; rollups a batch writer may apply once per batch"), {}};
    m.statements << QStringLiteral(
        "CREATE TABLE rollup_control (id INTEGER PRIMARY KEY CHECK (id = 1), deferred INTEGER NOT NULL DEFAULT 0 "
        "CHECK (deferred IN (0, 1)))");
    m.statements << QStringLiteral("INSERT INTO rollup_control (id, deferred) VALUES (1, 0)");
    // A rowid table with a unique key rather than WITHOUT ROWID: its rows are long text, and SQLite keeps WITHOUT
    // ROWID tables efficient only for short rows.
    m.statements << QStringLiteral(R"sql(
CREATE TABLE report_latency (
    day            TEXT NOT NULL,
    bot_id         INTEGER NOT NULL,
    config_id      INTEGER NOT NULL,
    provider       TEXT NOT NULL,
    model          TEXT NOT NULL,
    prompt_key     TEXT NOT NULL,
    prompt_version INTEGER NOT NULL,
    calls          INTEGER NOT NULL DEFAULT 0,
    latencies      TEXT NOT NULL DEFAULT '',
    ttfts          TEXT NOT NULL DEFAULT '',
    UNIQUE (day, bot_id, config_id, provider, model, prompt_key, prompt_version)
))sql");
    const QString latencyKey = ReportRollupSql::latencyKeyColumns();
    m.statements << QStringLiteral("INSERT INTO report_latency (%1, calls, latencies, ttfts) %2")
                        .arg(latencyKey, ReportRollupSql::latencyAggregate());
    // The raw-row scan's index is no longer read by any report.
    m.statements << QStringLiteral("DROP INDEX calls_report_latency");

    // report_latency: an answered call appends its values; a removed one takes one occurrence of each out.
    const auto appendLatency = [&](const QString &row) {
        return QStringLiteral("INSERT INTO report_latency (%1, calls, latencies, ttfts) SELECT %2, 1, "
                              "COALESCE(%3.latency_ms || ',', ''), COALESCE(%3.ttft_ms || ',', '') WHERE "
                              "%3.status = 'ok' %4;")
            .arg(latencyKey, ReportRollupSql::latencyKeyValueList(row).join(QStringLiteral(", ")), row,
                 ReportRollupSql::latencyAccumulate());
    };
    const QString notDeferred = QStringLiteral("(SELECT deferred FROM rollup_control) = 0");
    // Migration 5's insert triggers, unchanged but for the flag; the one on calls also appends to report_latency (one
    // trigger rather than two: each trigger runs a sub-program per row, even when its WHEN is false).
    const QString key = ReportRollupSql::keyColumns();
    m.statements << QStringLiteral("DROP TRIGGER calls_report_insert");
    m.statements << QStringLiteral(
                        "CREATE TRIGGER calls_report_insert AFTER INSERT ON calls WHEN %4 BEGIN "
                        "INSERT INTO report_daily (%1, calls, input_tokens, cached_input_tokens, cache_write_tokens, "
                        "output_tokens, reasoning_tokens, cost_micro_usd) VALUES (%2, 1, NEW.input_tokens, "
                        "NEW.cached_input_tokens, NEW.cache_write_tokens, NEW.output_tokens, NEW.reasoning_tokens, "
                        "CAST(ROUND(NEW.cost_usd * 1000000) AS INTEGER)) %3; %5 END")
                        .arg(key, ReportRollupSql::keyValues(QStringLiteral("NEW")), ReportRollupSql::dailyAccumulate(),
                             notDeferred, appendLatency(QStringLiteral("NEW")));
    m.statements << QStringLiteral("DROP TRIGGER attempts_report_insert");
    m.statements << QStringLiteral(
                        "CREATE TRIGGER attempts_report_insert AFTER INSERT ON attempts WHEN NEW.outcome = 'ok' AND "
                        "NEW.hop_index > 0 AND %3 BEGIN INSERT INTO report_daily_fallbacks (%1, hop_index, calls) "
                        "SELECT %2, NEW.hop_index, 1 FROM calls c WHERE c.id = NEW.call_id ON CONFLICT (%1, "
                        "hop_index) DO UPDATE SET calls = calls + excluded.calls; END")
                        .arg(key, ReportRollupSql::keyValues(QStringLiteral("c")), notDeferred);

    // Removes the first "v," that starts the text or follows a comma: found in ',' || text as ",v,".
    const auto withoutOne = [](const QString &column, const QString &value) {
        const QString at = QStringLiteral("instr(',' || %1, ',' || %2 || ',')").arg(column, value);
        return QStringLiteral("CASE WHEN %2 IS NULL OR %3 = 0 THEN %1 ELSE substr(%1, 1, %3 - 1) || "
                              "substr(%1, %3 + length(%2 || ',')) END")
            .arg(column, value, at);
    };
    const auto removeValues = [&](const QString &row) {
        return QStringLiteral("UPDATE report_latency SET calls = calls - 1, latencies = %1, ttfts = %2 WHERE %3;")
            .arg(withoutOne(QStringLiteral("latencies"), row + QStringLiteral(".latency_ms")),
                 withoutOne(QStringLiteral("ttfts"), row + QStringLiteral(".ttft_ms")), latencyKeyMatch(row));
    };
    m.statements << QStringLiteral(
                        "CREATE TRIGGER calls_latency_delete AFTER DELETE ON calls WHEN OLD.status = 'ok' BEGIN %1 END")
                        .arg(removeValues(QStringLiteral("OLD")));
    // Moving a value between rows (or changing it) is a removal and an append; as multiset operations their order
    // does not matter.
    const QString latencyColumns = QStringLiteral("created_at, bot_id, config_id, served_provider, served_model, "
                                                  "prompt_key, prompt_version, status, latency_ms, ttft_ms");
    m.statements << QStringLiteral("CREATE TRIGGER calls_latency_update_old AFTER UPDATE OF %1 ON calls "
                                   "WHEN OLD.status = 'ok' BEGIN %2 END")
                        .arg(latencyColumns, removeValues(QStringLiteral("OLD")));
    m.statements << QStringLiteral("CREATE TRIGGER calls_latency_update_new AFTER UPDATE OF %1 ON calls "
                                   "WHEN NEW.status = 'ok' BEGIN %2 END")
                        .arg(latencyColumns, appendLatency(QStringLiteral("NEW")));
    return m;
}

/// Migration 7: what each call sent, and comparisons kept as sessions.
///
/// Rendered prompts: `prompt_texts` holds each distinct text once, keyed by its SHA-256 (hex): a bot's rendered
/// system prompt is usually the same for thousands of calls, and a session's earlier turns are re-sent with every
/// later one, so a call stores only references. `call_prompts` has one row per call recorded with its prompt:
/// system_hash (NULL for no system instruction) and `messages`, a JSON array of {"role": ..., "hash": ...} in the
/// order sent. Calls recorded before this migration (and demo calls) have no row: "not recorded". Deleting calls
/// cascades to their call_prompts rows only; the paths that delete calls then drop the texts no call refers to any
/// more (UnusedPromptTexts), not a trigger: finding a text's other users takes a pass over call_prompts, fine once per
/// deletion but not per deleted call. Nothing but prompt text is stored, never request headers or keys.
///
/// Comparisons: each column of a compare-mode conversation is a session of its own; the columns of one run share
/// `sessions.compare_group` (a uuid; NULL for a single conversation) and are numbered by `compare_column` from 0
/// (the page's own config). `messages.winner` = 1 marks the answer picked as the winner of its turn.
Migration renderedPromptsAndComparisons()
{
    return Migration{
        7,
        QStringLiteral("rendered prompts per call (deduplicated texts); compare-mode sessions and winners"),
        {
            QStringLiteral(R"sql(
CREATE TABLE prompt_texts (
    hash TEXT PRIMARY KEY,
    text TEXT NOT NULL
))sql"),
            QStringLiteral(R"sql(
CREATE TABLE call_prompts (
    call_id     INTEGER PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
    system_hash TEXT REFERENCES prompt_texts (hash),
    messages    TEXT NOT NULL DEFAULT '[]'
))sql"),
            QStringLiteral("ALTER TABLE sessions ADD COLUMN compare_group TEXT"),
            QStringLiteral("ALTER TABLE sessions ADD COLUMN compare_column INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE INDEX sessions_compare_group ON sessions (compare_group, compare_column) "
                           "WHERE compare_group IS NOT NULL"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN winner INTEGER NOT NULL DEFAULT 0 "
                           "CHECK (winner IN (0, 1))"),
            QStringLiteral("CREATE INDEX messages_call ON messages (call_id) WHERE call_id IS NOT NULL"),
        },
    };
}

/// Migration 8: what conversations cost, from a rollup instead of a join of every message with its call.
///
/// report_conversations holds, per UTC day x bot x config x provider x model x prompt key x version of the call a
/// message links to (the report_daily key without status and error class: a message links to any call) x the
/// message's session, the number of such messages, the sum of their calls' costs in micro-dollars and each message's
/// cost as a "(cost@call id)" entry (ReportRollupSql::messageCostEntry()). A conversation report sums a session's
/// rows for its session costs and reads the entries for the exact median message cost. Rows are short (a session has
/// a few messages per key and day), so the entries are rewritten cheaply when a message or call changes.
///
/// Order of events the triggers rely on: a message links to a call recorded before it (ChatSessionLedger looks the
/// call up by uuid, demo data inserts the calls first), so inserting a call never changes this rollup and the batch
/// recorder needs no trigger here. Deleting a call subtracts its messages in a BEFORE DELETE trigger, while they still
/// link to it; the ON DELETE SET NULL that follows updates them after the call row is gone, so their own update
/// trigger finds no call and changes nothing. Deleting a session deletes its messages by ON DELETE CASCADE, whose
/// delete trigger subtracts each.
Migration conversationRollup()
{
    Migration m{
        8, QStringLiteral("conversation cost rollup: messages and their calls' costs per session, by triggers"), {}};
    const QString key = ReportRollupSql::conversationKeyColumns();
    m.statements << QStringLiteral(R"sql(
CREATE TABLE report_conversations (
    day            TEXT NOT NULL,
    bot_id         INTEGER NOT NULL,
    config_id      INTEGER NOT NULL,
    provider       TEXT NOT NULL,
    model          TEXT NOT NULL,
    prompt_key     TEXT NOT NULL,
    prompt_version INTEGER NOT NULL,
    session_id     INTEGER NOT NULL,
    messages       INTEGER NOT NULL DEFAULT 0,
    cost_micro_usd INTEGER NOT NULL DEFAULT 0,
    message_costs  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (day, bot_id, config_id, provider, model, prompt_key, prompt_version, session_id)
) WITHOUT ROWID)sql");
    m.statements << QStringLiteral("INSERT INTO report_conversations (%1, messages, cost_micro_usd, message_costs) %2")
                        .arg(key, ReportRollupSql::conversationAggregate());

    const auto callKey = [](const QString &call) {
        return ReportRollupSql::conversationCallKeyValueList(call).join(QStringLiteral(", "));
    };
    const auto rowOf = [&](const QString &call, const QString &session) {
        return keyMatch(QStringLiteral("report_conversations"), key,
                        ReportRollupSql::conversationCallKeyValueList(call) << session);
    };
    const QString cost = ReportRollupSql::costMicros(QStringLiteral("c"));
    const QString entry = ReportRollupSql::messageCostEntry(QStringLiteral("c"));
    // One message (row @p message) counted on, or taken off, the row of its call and session.
    const auto addMessage = [&](const QString &message) {
        return QStringLiteral("INSERT INTO report_conversations (%1, messages, cost_micro_usd, message_costs) "
                              "SELECT %2, %3.session_id, 1, %4, %5 FROM calls c WHERE c.id = %3.call_id %6;")
            .arg(key, callKey(QStringLiteral("c")), message, cost, entry, ReportRollupSql::conversationAccumulate());
    };
    const QString firstEntry = QStringLiteral("instr(message_costs, %1)").arg(entry);
    const auto removeMessage = [&](const QString &message) {
        return QStringLiteral("UPDATE report_conversations SET messages = messages - 1, cost_micro_usd = "
                              "cost_micro_usd - %1, message_costs = CASE WHEN %2 = 0 THEN message_costs ELSE "
                              "substr(message_costs, 1, %2 - 1) || substr(message_costs, %2 + length(%3)) END "
                              "FROM calls c WHERE c.id = %4.call_id AND %5;")
            .arg(cost, firstEntry, entry, message, rowOf(QStringLiteral("c"), message + QStringLiteral(".session_id")));
    };
    // All messages of one call (row @p call), per session: replace() takes out every entry of the call at once.
    const auto addCall = [&](const QString &call) {
        return QStringLiteral("INSERT INTO report_conversations (%1, messages, cost_micro_usd, message_costs) "
                              "SELECT %2, m.session_id, COUNT(*), COUNT(*) * %3, group_concat(%4, '') FROM messages m "
                              "WHERE m.call_id = %5.id GROUP BY m.session_id %6;")
            .arg(key, callKey(call), ReportRollupSql::costMicros(call), ReportRollupSql::messageCostEntry(call), call,
                 ReportRollupSql::conversationAccumulate());
    };
    const auto removeCall = [&](const QString &call) {
        return QStringLiteral("UPDATE report_conversations SET messages = messages - s.n, cost_micro_usd = "
                              "cost_micro_usd - s.n * %1, message_costs = replace(message_costs, %2, '') FROM "
                              "(SELECT m.session_id, COUNT(*) AS n FROM messages m WHERE m.call_id = %3.id GROUP BY "
                              "m.session_id) s WHERE %4;")
            .arg(ReportRollupSql::costMicros(call), ReportRollupSql::messageCostEntry(call), call,
                 rowOf(call, QStringLiteral("s.session_id")));
    };

    const QString newRow = QStringLiteral("NEW");
    const QString oldRow = QStringLiteral("OLD");
    m.statements << QStringLiteral("CREATE TRIGGER messages_conversation_insert AFTER INSERT ON messages "
                                   "WHEN NEW.call_id IS NOT NULL BEGIN %1 END")
                        .arg(addMessage(newRow));
    m.statements << QStringLiteral("CREATE TRIGGER messages_conversation_delete AFTER DELETE ON messages "
                                   "WHEN OLD.call_id IS NOT NULL BEGIN %1 END")
                        .arg(removeMessage(oldRow));
    m.statements << QStringLiteral(
                        "CREATE TRIGGER messages_conversation_update AFTER UPDATE OF session_id, call_id "
                        "ON messages WHEN OLD.call_id IS NOT NULL OR NEW.call_id IS NOT NULL BEGIN %1 %2 END")
                        .arg(removeMessage(oldRow), addMessage(newRow));
    m.statements << QStringLiteral("CREATE TRIGGER calls_conversation_delete BEFORE DELETE ON calls BEGIN %1 END")
                        .arg(removeCall(oldRow));
    // The columns of the key and the cost; an update moves all of the call's messages from its old row to its new.
    m.statements << QStringLiteral("CREATE TRIGGER calls_conversation_update AFTER UPDATE OF created_at, bot_id, "
                                   "config_id, served_provider, served_model, requested_provider, requested_model, "
                                   "prompt_key, prompt_version, cost_usd ON calls BEGIN %1 %2 END")
                        .arg(removeCall(oldRow), addCall(newRow));
    return m;
}

/// Migration 9: why a stream restarted. An attempt that streamed part of an answer and then failed (the call went on
/// to another try and its text was discarded) keeps the engine's note about it, so that a reopened answer shows its
/// restarts as it did live. Few attempts have one, hence a table of its own rather than a column on every attempt;
/// its rows go with their attempts (and so with their calls) by ON DELETE CASCADE.
Migration attemptRestartNotes()
{
    return Migration{
        9,
        QStringLiteral("stream restart notes of attempts"),
        {
            QStringLiteral(R"sql(
CREATE TABLE attempt_restarts (
    attempt_id INTEGER PRIMARY KEY REFERENCES attempts (id) ON DELETE CASCADE,
    note       TEXT NOT NULL
))sql"),
        },
    };
}

QList<Migration> buildMigrations()
{
    QList<Migration> migrations;

    migrations.append(Migration{
        1,
        QStringLiteral("workspace: bots, LLM configs, prompts, providers, models, prices, chains"),
        {
            QStringLiteral(R"sql(
CREATE TABLE schema_version (
    version     INTEGER PRIMARY KEY,
    applied_at  TEXT NOT NULL,
    description TEXT NOT NULL
))sql"),
            // Workspace-wide settings as key/value: routing.universal_fallback, routing.circuit_breaker (JSON),
            // demo markers and other single values.
            QStringLiteral(R"sql(
CREATE TABLE workspace_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
))sql"),
            QStringLiteral(R"sql(
CREATE TABLE bots (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    slug        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    avatar      TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'live', 'archived')),
    type        TEXT NOT NULL DEFAULT '',
    rank        INTEGER NOT NULL DEFAULT 0,
    metadata    TEXT NOT NULL DEFAULT '{}',
    launched_at TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
))sql"),
            QStringLiteral("CREATE INDEX bots_deleted ON bots (deleted_at)"),
            // provider/model are names from providers.yaml, not foreign keys: `providers import` replaces the
            // provider tables wholesale and must not be blocked by (or cascade into) the bots' configs.
            QStringLiteral(R"sql(
CREATE TABLE llm_configs (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    bot_id            INTEGER NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
    name              TEXT NOT NULL DEFAULT '',
    provider          TEXT NOT NULL,
    model             TEXT NOT NULL,
    temperature       REAL,
    top_p             REAL,
    top_k             INTEGER,
    max_output_tokens INTEGER,
    prompt_key        TEXT NOT NULL DEFAULT '',
    prompt_version    INTEGER,
    prompt_label      TEXT NOT NULL DEFAULT '',
    chain             TEXT NOT NULL DEFAULT '',
    region            TEXT NOT NULL DEFAULT '',
    metadata          TEXT NOT NULL DEFAULT '{}',
    is_active         INTEGER NOT NULL DEFAULT 0 CHECK (is_active IN (0, 1)),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
))sql"),
            QStringLiteral("CREATE INDEX llm_configs_bot ON llm_configs (bot_id)"),
            // At most one active config per bot, enforced by the database itself.
            QStringLiteral("CREATE UNIQUE INDEX llm_configs_one_active ON llm_configs (bot_id) WHERE is_active = 1"),
            QStringLiteral(R"sql(
CREATE TABLE prompts (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    key        TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
))sql"),
            QStringLiteral(R"sql(
CREATE TABLE prompt_versions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    prompt_id    INTEGER NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL CHECK (version >= 1),
    body         TEXT NOT NULL,
    author       TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (prompt_id, version)
))sql"),
            // Versions are immutable. SQLite trigger syntax; PostgreSQL: a plpgsql function that RAISEs, attached
            // with CREATE TRIGGER ... BEFORE UPDATE ON prompt_versions FOR EACH ROW EXECUTE FUNCTION ...
            QStringLiteral(R"sql(
CREATE TRIGGER prompt_versions_immutable BEFORE UPDATE ON prompt_versions
BEGIN
    SELECT RAISE(ABORT, 'prompt versions are immutable; add a new version instead');
END)sql"),
            QStringLiteral(R"sql(
CREATE TABLE prompt_labels (
    prompt_id  INTEGER NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
    label      TEXT NOT NULL,
    version    INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (prompt_id, label),
    FOREIGN KEY (prompt_id, version) REFERENCES prompt_versions (prompt_id, version)
))sql"),
            QStringLiteral(R"sql(
CREATE TABLE prompt_label_moves (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    prompt_id    INTEGER NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
    label        TEXT NOT NULL,
    from_version INTEGER,
    to_version   INTEGER NOT NULL,
    moved_by     TEXT NOT NULL DEFAULT '',
    moved_at     TEXT NOT NULL
))sql"),
            QStringLiteral("CREATE INDEX prompt_label_moves_prompt ON prompt_label_moves (prompt_id, label, id)"),
            // Secrets never reach the database: api_key_ref holds "env:NAME", "keychain:name" or "${NAME}".
            QStringLiteral(R"sql(
CREATE TABLE providers (
    id                     TEXT PRIMARY KEY,
    position               INTEGER NOT NULL,
    kind                   TEXT NOT NULL,
    display_name           TEXT NOT NULL DEFAULT '',
    base_url               TEXT NOT NULL DEFAULT '',
    api_key_ref            TEXT NOT NULL DEFAULT '',
    api_version            TEXT NOT NULL DEFAULT '',
    region                 TEXT NOT NULL DEFAULT '',
    regions                TEXT NOT NULL DEFAULT '[]',
    requests_per_minute    INTEGER NOT NULL DEFAULT 0,
    tokens_per_minute      INTEGER NOT NULL DEFAULT 0,
    connect_timeout_ms     INTEGER NOT NULL,
    first_token_timeout_ms INTEGER NOT NULL,
    idle_timeout_ms        INTEGER NOT NULL,
    total_timeout_ms       INTEGER NOT NULL
))sql"),
            QStringLiteral(R"sql(
CREATE TABLE models (
    provider_id       TEXT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    id                TEXT NOT NULL,
    position          INTEGER NOT NULL,
    display_name      TEXT NOT NULL DEFAULT '',
    context_window    INTEGER NOT NULL DEFAULT 0,
    max_output_tokens INTEGER NOT NULL DEFAULT 0,
    capabilities      TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (provider_id, id)
))sql"),
            // One row per model and source. Not a foreign key to models: a LiteLLM catalogue may price models the
            // workspace's providers.yaml does not list, and those prices must survive `providers import`.
            QStringLiteral(R"sql(
CREATE TABLE prices (
    provider_id         TEXT NOT NULL,
    model_id            TEXT NOT NULL,
    source              TEXT NOT NULL CHECK (source IN ('providers.yaml', 'litellm', 'manual')),
    input_per_1k        REAL NOT NULL,
    output_per_1k       REAL NOT NULL,
    cached_input_per_1k REAL,
    cache_write_per_1k  REAL,
    reasoning_per_1k    REAL,
    updated_at          TEXT NOT NULL,
    PRIMARY KEY (provider_id, model_id, source)
))sql"),
            QStringLiteral(R"sql(
CREATE TABLE chains (
    name        TEXT PRIMARY KEY,
    position    INTEGER NOT NULL,
    description TEXT NOT NULL DEFAULT ''
))sql"),
            QStringLiteral(R"sql(
CREATE TABLE chain_hops (
    chain_name TEXT NOT NULL REFERENCES chains (name) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    provider   TEXT NOT NULL,
    model      TEXT NOT NULL DEFAULT '',
    region     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (chain_name, position)
))sql"),
            QStringLiteral(R"sql(
CREATE TABLE fallback_rules (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    position       INTEGER NOT NULL UNIQUE,
    match_provider TEXT NOT NULL,
    match_model    TEXT NOT NULL DEFAULT '',
    match_region   TEXT NOT NULL DEFAULT ''
))sql"),
            QStringLiteral(R"sql(
CREATE TABLE fallback_rule_hops (
    rule_id  INTEGER NOT NULL REFERENCES fallback_rules (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    provider TEXT NOT NULL,
    model    TEXT NOT NULL DEFAULT '',
    region   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (rule_id, position)
))sql"),
        },
    });

    migrations.append(Migration{
        2,
        QStringLiteral("activity: sessions, messages, calls, attempts, feedback, wallets, transactions, budgets, "
                       "breaker events"),
        {
            // Chat sessions lock a per-message price when they start.
            QStringLiteral(R"sql(
CREATE TABLE sessions (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid                  TEXT NOT NULL UNIQUE,
    bot_id                INTEGER REFERENCES bots (id) ON DELETE SET NULL,
    config_id             INTEGER REFERENCES llm_configs (id) ON DELETE SET NULL,
    user_ref              TEXT NOT NULL DEFAULT '',
    title                 TEXT NOT NULL DEFAULT '',
    price_per_message_usd REAL,
    price_locked_at       TEXT,
    metadata              TEXT NOT NULL DEFAULT '{}',
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    is_demo               INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))
))sql"),
            QStringLiteral("CREATE INDEX sessions_bot ON sessions (bot_id, created_at)"),
            QStringLiteral("CREATE INDEX sessions_user ON sessions (user_ref, created_at)"),
            // status: ok | failed | cancelled (free text so the engine can add states without a migration).
            QStringLiteral(R"sql(
CREATE TABLE calls (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid                TEXT NOT NULL UNIQUE,
    bot_id              INTEGER REFERENCES bots (id) ON DELETE SET NULL,
    config_id           INTEGER REFERENCES llm_configs (id) ON DELETE SET NULL,
    session_id          INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
    user_ref            TEXT NOT NULL DEFAULT '',
    prompt_key          TEXT NOT NULL DEFAULT '',
    prompt_version      INTEGER,
    requested_provider  TEXT NOT NULL DEFAULT '',
    requested_model     TEXT NOT NULL DEFAULT '',
    requested_region    TEXT NOT NULL DEFAULT '',
    served_provider     TEXT NOT NULL DEFAULT '',
    served_model        TEXT NOT NULL DEFAULT '',
    served_region       TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL,
    error_class         TEXT NOT NULL DEFAULT '',
    error_message       TEXT NOT NULL DEFAULT '',
    streamed            INTEGER NOT NULL DEFAULT 0 CHECK (streamed IN (0, 1)),
    latency_ms          INTEGER,
    ttft_ms             INTEGER,
    input_tokens        INTEGER NOT NULL DEFAULT 0,
    cached_input_tokens INTEGER NOT NULL DEFAULT 0,
    cache_write_tokens  INTEGER NOT NULL DEFAULT 0,
    output_tokens       INTEGER NOT NULL DEFAULT 0,
    reasoning_tokens    INTEGER NOT NULL DEFAULT 0,
    cost_usd            REAL NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL,
    is_demo             INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))
))sql"),
            QStringLiteral("CREATE INDEX calls_created ON calls (created_at)"),
            QStringLiteral("CREATE INDEX calls_bot_created ON calls (bot_id, created_at)"),
            QStringLiteral("CREATE INDEX calls_config_created ON calls (config_id, created_at)"),
            QStringLiteral("CREATE INDEX calls_served_created ON calls (served_provider, served_model, created_at)"),
            QStringLiteral("CREATE INDEX calls_prompt ON calls (prompt_key, prompt_version)"),
            QStringLiteral("CREATE INDEX calls_session ON calls (session_id)"),
            QStringLiteral("CREATE INDEX calls_demo ON calls (is_demo)"),
            // One row per try: a hop can be retried, so (call_id, hop_index) is not unique.
            QStringLiteral(R"sql(
CREATE TABLE attempts (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    call_id       INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    hop_index     INTEGER NOT NULL,
    retry_index   INTEGER NOT NULL DEFAULT 0,
    provider      TEXT NOT NULL,
    model         TEXT NOT NULL,
    region        TEXT NOT NULL DEFAULT '',
    outcome       TEXT NOT NULL,
    http_status   INTEGER,
    error_class   TEXT NOT NULL DEFAULT '',
    error_message TEXT NOT NULL DEFAULT '',
    latency_ms    INTEGER,
    started_at    TEXT NOT NULL
))sql"),
            QStringLiteral("CREATE INDEX attempts_call ON attempts (call_id, hop_index, retry_index)"),
            QStringLiteral("CREATE INDEX attempts_target ON attempts (provider, model, region, started_at)"),
            QStringLiteral(R"sql(
CREATE TABLE messages (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant', 'tool')),
    content    TEXT NOT NULL,
    call_id    INTEGER REFERENCES calls (id) ON DELETE SET NULL,
    price_usd  REAL,
    created_at TEXT NOT NULL,
    UNIQUE (session_id, position)
))sql"),
            QStringLiteral(R"sql(
CREATE TABLE feedback (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    call_id    INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    rating     INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    comment    TEXT NOT NULL DEFAULT '',
    user_ref   TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (call_id, user_ref)
))sql"),
            QStringLiteral(R"sql(
CREATE TABLE wallets (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_ref    TEXT NOT NULL UNIQUE,
    balance_usd REAL NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
))sql"),
            // kind: topup | charge | refund | adjustment; amount is signed (charges are negative).
            QStringLiteral(R"sql(
CREATE TABLE transactions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    wallet_id  INTEGER NOT NULL REFERENCES wallets (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    amount_usd REAL NOT NULL,
    call_id    INTEGER REFERENCES calls (id) ON DELETE SET NULL,
    session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
))sql"),
            QStringLiteral("CREATE INDEX transactions_wallet ON transactions (wallet_id, created_at)"),
            // scope: workspace | bot | user; scope_ref is the bot slug or user ref ('' for the workspace).
            QStringLiteral(R"sql(
CREATE TABLE budgets (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    scope        TEXT NOT NULL CHECK (scope IN ('workspace', 'bot', 'user')),
    scope_ref    TEXT NOT NULL DEFAULT '',
    period       TEXT NOT NULL DEFAULT 'daily',
    max_tokens   INTEGER,
    max_cost_usd REAL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (scope, scope_ref, period)
))sql"),
            // Circuit breaker state changes, automatic (actor 'auto') or forced by an admin.
            QStringLiteral(R"sql(
CREATE TABLE breaker_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    provider   TEXT NOT NULL,
    model      TEXT NOT NULL DEFAULT '',
    region     TEXT NOT NULL DEFAULT '',
    from_state TEXT NOT NULL,
    to_state   TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    actor      TEXT NOT NULL DEFAULT 'auto',
    created_at TEXT NOT NULL
))sql"),
            QStringLiteral(
                "CREATE INDEX breaker_events_target ON breaker_events (provider, model, region, created_at)"),
        },
    });

    // Readers that cache workspace configuration (ChatService between calls, the studio) need to know cheaply, and
    // across processes, whether it changed: every write to a configuration table bumps one counter. Activity
    // tables (calls, attempts, sessions, ...) are left out on purpose — they change on every call.
    Migration generation{3, QStringLiteral("workspace generation counter bumped by every configuration change"), {}};
    generation.statements << QStringLiteral(R"sql(
CREATE TABLE workspace_generation (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
))sql") << QStringLiteral("INSERT INTO workspace_generation (id, value) VALUES (1, 0)");
    const QStringList configurationTables{QStringLiteral("workspace_meta"),
                                          QStringLiteral("bots"),
                                          QStringLiteral("llm_configs"),
                                          QStringLiteral("prompts"),
                                          QStringLiteral("prompt_versions"),
                                          QStringLiteral("prompt_labels"),
                                          QStringLiteral("providers"),
                                          QStringLiteral("models"),
                                          QStringLiteral("prices"),
                                          QStringLiteral("chains"),
                                          QStringLiteral("chain_hops"),
                                          QStringLiteral("fallback_rules"),
                                          QStringLiteral("fallback_rule_hops"),
                                          QStringLiteral("budgets")};
    for (const QString &table : configurationTables) {
        for (const QString &event : {QStringLiteral("INSERT"), QStringLiteral("UPDATE"), QStringLiteral("DELETE")}) {
            generation.statements << QStringLiteral("CREATE TRIGGER %1_%2_generation AFTER %3 ON %1 BEGIN "
                                                    "UPDATE workspace_generation SET value = value + 1 WHERE id = 1; "
                                                    "END")
                                         .arg(table, event.toLower(), event);
        }
    }
    migrations.append(generation);

    // Migration 2 created the billing tables; these rules make the database itself refuse what the wallet and session
    // code must never do, like the partial unique index does for active configs. The daily budget query
    // (BudgetGuard: one bot's calls since midnight) is served by calls_bot_created from migration 2.
    migrations.append(Migration{
        4,
        QStringLiteral("billing rules: one charge per call, no overdrawn wallet, locked session prices"),
        {
            // A call is charged at most once, even if a retry of the caller records the charge twice.
            QStringLiteral("CREATE UNIQUE INDEX transactions_charge_call ON transactions (call_id) "
                           "WHERE kind = 'charge' AND call_id IS NOT NULL"),
            // Balances never go below zero. SQLite trigger syntax; PostgreSQL: a CHECK (balance_usd >= 0) constraint.
            QStringLiteral(R"sql(
CREATE TRIGGER wallets_no_overdraft BEFORE UPDATE OF balance_usd ON wallets
WHEN NEW.balance_usd < 0
BEGIN
    SELECT RAISE(ABORT, 'a wallet balance can not go below zero');
END)sql"),
            // Once locked, a session's per-message price never changes. PostgreSQL: a plpgsql trigger function.
            QStringLiteral(R"sql(
CREATE TRIGGER sessions_price_locked BEFORE UPDATE OF price_per_message_usd, price_locked_at ON sessions
WHEN OLD.price_locked_at IS NOT NULL
    AND (NEW.price_per_message_usd IS NOT OLD.price_per_message_usd OR NEW.price_locked_at IS NOT OLD.price_locked_at)
BEGIN
    SELECT RAISE(ABORT, 'a session price is locked when the session starts and can not change');
END)sql"),
        },
    });

    migrations.append(reportRollups());
    migrations.append(deferredRollupsAndLatency());
    migrations.append(renderedPromptsAndComparisons());
    migrations.append(conversationRollup());
    migrations.append(attemptRestartNotes());

    return migrations;
}

}  // namespace

const QList<Migration> &Migration::all()
{
    static const QList<Migration> migrations = buildMigrations();
    return migrations;
}

}  // namespace Switchyard
