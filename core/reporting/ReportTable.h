#pragma once

#include "core/common/Result.h"
#include "core/reporting/ReportQuery.h"
#include "core/reporting/ReportRows.h"

#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <variant>

namespace Switchyard {

class Database;

/// The reports a ReportTable can hold.
enum class ReportKind { Costs, Latency, Quality, Fallbacks, Versions, Breakers, Conversations, Budgets };

/**
 * One report as named columns of cells: what `switchyard-cli report` prints and what the studio's dashboards export,
 * so both write the same numbers. A cell is an exact integer, a text (decimal strings for money and rates), a small
 * map (hop → calls, error class → calls) or nothing.
 */
struct ReportTable {
    using Cell = std::variant<std::monostate, qint64, QString, QMap<QString, qint64>>;

    QStringList columns;
    QList<QList<Cell>> rows;

    /// The cell as text: numbers in decimal, maps as "key=value;key=value", nothing as "".
    static QString text(const Cell &cell);
    /// The cell as JSON: numbers, strings, objects or null.
    static QJsonValue json(const Cell &cell);
    /// @p numerator / @p denominator as a decimal with six places, rounded half up in integers (no float drift);
    /// nothing without a denominator.
    static Cell ratio(qint64 numerator, qint64 denominator);

    /// RFC 4180 CSV: a header line with the columns, then one line per row, each ending in "\n".
    QString toCsv() const;

    static ReportTable costs(const QList<CostRow> &rows, ReportGrouping grouping);
    static ReportTable latency(const QList<LatencyRow> &rows, ReportGrouping grouping);
    static ReportTable quality(const QList<QualityRow> &rows, ReportGrouping grouping);
    static ReportTable fallbacks(const QList<FallbackRow> &rows, ReportGrouping grouping);
    static ReportTable versions(const QList<VersionRow> &rows);
    static ReportTable breakers(const QList<BreakerRow> &rows, ReportGrouping grouping);
    static ReportTable conversations(const QList<ConversationCostRow> &rows, ReportGrouping grouping);
    static ReportTable budgets(const QList<BudgetUseRow> &rows);

    /// Runs the @p kind report for @p query through ReportService and tabulates it.
    static Result<ReportTable> build(Database &database, ReportKind kind, const ReportQuery &query);
};

}  // namespace Switchyard
