#include "core/reporting/RollupChecker.h"

#include "core/store/Database.h"
#include "core/store/ReportRollupSql.h"
#include "core/store/SqlSupport.h"

#include <QSqlRecord>
#include <tuple>

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
    return result;
}

}  // namespace Switchyard
