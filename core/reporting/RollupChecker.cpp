#include "core/reporting/RollupChecker.h"

#include "core/store/Database.h"
#include "core/store/ReportRollupSql.h"
#include "core/store/SqlSupport.h"

#include <QMap>
#include <QSqlRecord>
#include <algorithm>
#include <tuple>
#include <vector>

namespace Switchyard {

namespace {

constexpr int MaxExamples = 5;

/// Counts the rows of @p left EXCEPT @p right and keeps a few as examples.
Result<qint64> difference(const QSqlDatabase &db, const QString &left, const QString &right, const QString &label,
                          QStringList *examples)
{
    auto rows = SqlSupport::run(db, QStringLiteral("SELECT * FROM (%1 EXCEPT %2)").arg(left, right), {},
                                QStringLiteral("compare the report rollups with the raw rows"));
    if (!rows)
        return rows.error();
    qint64 count = 0;
    while (rows->next()) {
        if (examples->size() < MaxExamples) {
            QStringList values;
            for (int i = 0; i < rows->record().count(); ++i)
                values << rows->value(i).toString();
            examples->append(label + QStringLiteral(": ") + values.join(QStringLiteral(", ")));
        }
        ++count;
    }
    return count;
}

/// One report_latency key's figures in a canonical form: values sorted.
struct LatencySamples {
    qint64 calls = 0;
    std::vector<qint64> latencies;
    std::vector<qint64> ttfts;
    bool operator==(const LatencySamples &) const = default;
};

/// Key -> samples of every row of @p sql ("SELECT <latency key columns>, calls, latencies, ttfts"), rows with zero
/// calls left out.
Result<QMap<QString, LatencySamples>> latencySamples(const QSqlDatabase &db, const QString &sql)
{
    auto rows = SqlSupport::run(db, sql, {}, QStringLiteral("compare the latency rollup with the raw rows"));
    if (!rows)
        return rows.error();
    const int keyColumns = int(ReportRollupSql::latencyKeyColumns().count(QLatin1Char(',')) + 1);
    const auto values = [](const QString &text) {
        std::vector<qint64> result;
        for (const QStringView value : QStringView(text).split(QLatin1Char(','), Qt::SkipEmptyParts))
            result.push_back(value.toLongLong());
        std::sort(result.begin(), result.end());
        return result;
    };
    QMap<QString, LatencySamples> result;
    while (rows->next()) {
        const qint64 calls = rows->value(keyColumns).toLongLong();
        if (calls == 0)
            continue;
        QStringList key;
        for (int i = 0; i < keyColumns; ++i)
            key << rows->value(i).toString();
        result.insert(key.join(QStringLiteral(", ")),
                      LatencySamples{calls, values(rows->value(keyColumns + 1).toString()),
                                     values(rows->value(keyColumns + 2).toString())});
    }
    return result;
}

/// One report_conversations key's figures in a canonical form: the message entries sorted.
struct ConversationFigures {
    qint64 messages = 0;
    qint64 costMicroUsd = 0;
    QStringList entries;
    bool operator==(const ConversationFigures &) const = default;
};

/// Key -> figures of every row of @p sql ("SELECT <conversation key columns>, messages, cost_micro_usd,
/// message_costs"), rows with nothing left in them left out.
Result<QMap<QString, ConversationFigures>> conversationFigures(const QSqlDatabase &db, const QString &sql)
{
    auto rows = SqlSupport::run(db, sql, {}, QStringLiteral("compare the conversation rollup with the raw rows"));
    if (!rows)
        return rows.error();
    const int keyColumns = int(ReportRollupSql::conversationKeyColumns().count(QLatin1Char(',')) + 1);
    QMap<QString, ConversationFigures> result;
    while (rows->next()) {
        ConversationFigures figures{rows->value(keyColumns).toLongLong(), rows->value(keyColumns + 1).toLongLong(),
                                    rows->value(keyColumns + 2).toString().split(QLatin1Char(')'), Qt::SkipEmptyParts)};
        if (figures == ConversationFigures{})
            continue;
        figures.entries.sort();
        QStringList key;
        for (int i = 0; i < keyColumns; ++i)
            key << rows->value(i).toString();
        result.insert(key.join(QStringLiteral(", ")), figures);
    }
    return result;
}

/// Counts the keys whose figures differ between @p stored and @p fresh and keeps a few as examples, with the counts
/// @p count gives for each side.
template <typename Figures, typename Count>
qint64 keyDifferences(const QMap<QString, Figures> &stored, const QMap<QString, Figures> &fresh, const QString &table,
                      Count count, QStringList *examples)
{
    QStringList keys = stored.keys() + fresh.keys();
    keys.removeDuplicates();
    qint64 differences = 0;
    for (const QString &key : keys) {
        if (stored.value(key) == fresh.value(key))
            continue;
        if (examples->size() < MaxExamples) {
            examples->append(QStringLiteral("%1, differs from the raw rows: %2 (%3 stored, %4 in the raw rows)")
                                 .arg(table, key)
                                 .arg(count(stored.value(key)))
                                 .arg(count(fresh.value(key))));
        }
        ++differences;
    }
    return differences;
}

}  // namespace

RollupChecker::RollupChecker(Database &database) : m_database(database) {}

Result<RollupDifferences> RollupChecker::check()
{
    auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    const QString key = ReportRollupSql::keyColumns();
    const QString daily =
        QStringLiteral("SELECT %1, calls, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, "
                       "reasoning_tokens, cost_micro_usd, feedback_up, feedback_down FROM report_daily WHERE NOT "
                       "(calls = 0 AND input_tokens = 0 AND cached_input_tokens = 0 AND cache_write_tokens = 0 AND "
                       "output_tokens = 0 AND reasoning_tokens = 0 AND cost_micro_usd = 0 AND feedback_up = 0 AND "
                       "feedback_down = 0)")
            .arg(key);
    const QString fallbacks =
        QStringLiteral("SELECT %1, hop_index, calls FROM report_daily_fallbacks WHERE calls <> 0").arg(key);

    RollupDifferences result;
    for (const auto &[left, right, label, counter] :
         {std::tuple{daily, ReportRollupSql::dailyAggregate(), QStringLiteral("report_daily, not in the raw rows"),
                     &result.dailyRowsOff},
          std::tuple{ReportRollupSql::dailyAggregate(), daily, QStringLiteral("raw rows, not in report_daily"),
                     &result.dailyRowsOff},
          std::tuple{fallbacks, ReportRollupSql::fallbacksAggregate(),
                     QStringLiteral("report_daily_fallbacks, not in the raw rows"), &result.fallbackRowsOff},
          std::tuple{ReportRollupSql::fallbacksAggregate(), fallbacks,
                     QStringLiteral("raw rows, not in report_daily_fallbacks"), &result.fallbackRowsOff}}) {
        auto count = difference(*db, left, right, label, &result.examples);
        if (!count)
            return count.error();
        *counter += *count;
    }

    auto stored = latencySamples(*db, QStringLiteral("SELECT %1, calls, latencies, ttfts FROM report_latency")
                                          .arg(ReportRollupSql::latencyKeyColumns()));
    if (!stored)
        return stored.error();
    auto fresh = latencySamples(*db, ReportRollupSql::latencyAggregate());
    if (!fresh)
        return fresh.error();
    result.latencyRowsOff = keyDifferences(
        *stored, *fresh, QStringLiteral("report_latency"),
        [](const LatencySamples &samples) { return QStringLiteral("%1 calls").arg(samples.calls); }, &result.examples);

    auto storedConversations = conversationFigures(
        *db, QStringLiteral("SELECT %1, messages, cost_micro_usd, message_costs FROM report_conversations")
                 .arg(ReportRollupSql::conversationKeyColumns()));
    if (!storedConversations)
        return storedConversations.error();
    auto freshConversations = conversationFigures(*db, ReportRollupSql::conversationAggregate());
    if (!freshConversations)
        return freshConversations.error();
    result.conversationRowsOff = keyDifferences(
        *storedConversations, *freshConversations, QStringLiteral("report_conversations"),
        [](const ConversationFigures &figures) {
            return QStringLiteral("%1 messages, %2 micro-USD").arg(figures.messages).arg(figures.costMicroUsd);
        },
        &result.examples);
    return result;
}

}  // namespace Switchyard
