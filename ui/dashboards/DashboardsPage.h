#pragma once

#include "core/reporting/ReportQuery.h"
#include "core/reporting/ReportTable.h"
#include "core/store/CallLogRepository.h"
#include "ui/dashboards/DashboardData.h"

#include <QMap>
#include <QWidget>
#include <functional>

class QBarSet;
class QChart;
class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QProgressBar;
class QSpinBox;
class QTableView;
class QTimer;
class QToolButton;

namespace Switchyard {

class CallDetailDialog;
class CallsTableModel;
class Database;
class DatabaseWorker;
struct DashboardFilterChoices;
class ReportTableModel;

/**
 * Charts over the recorded calls, all driven by one filter bar (date range, grouping, bot, provider, model, prompt
 * and version, config): cost over time stacked by the grouping, tokens over time by kind, latency percentiles and
 * time to first token per model, outcomes with error classes, which hop served, and approval per prompt version and
 * per model, breaker opens by provider/model over time, cost per conversation and per message, each bot's daily
 * spend against its budget, and a table comparing every version of one prompt. The reports run on a worker thread
 * with its own connection (the latest request wins) while a busy bar shows; clicking a bar lists the calls behind
 * it, and each chart (and the version table) exports as PNG, SVG or the CLI's CSV.
 */
class DashboardsPage : public QWidget {
    Q_OBJECT

public:
    enum class Chart {
        Cost,
        Tokens,
        Latency,
        Outcomes,
        Fallbacks,
        ApprovalByVersion,
        ApprovalByModel,
        Breakers,
        Conversations,
        Budget,
        Versions,  ///< the version comparison: a table, not a chart
    };
    enum class ExportFormat { Png, Svg, Csv };

    explicit DashboardsPage(Database &database, QWidget *parent = nullptr);
    ~DashboardsPage() override;

    /// Re-reads the filter choices and the reports (the workspace changed). Runs when the page is shown.
    void reload();

    /// Runs the reports for the filter bar now instead of after the typing pause.
    void refresh();

    /// Blocks until the worker has finished the report it runs (if any): call before the database is closed or
    /// reopened, which closes the worker's connection too.
    void waitForQueries();

    /// The query the filter bar describes.
    ReportQuery query() const;
    /// Sets the filter bar to @p query (re-queries like a user edit would).
    void setQuery(const ReportQuery &query);

    /// True from a request until its answer arrives.
    bool isLoading() const { return m_pendingRequest != m_shownRequest; }
    /// What the charts show now.
    const DashboardData &data() const { return m_data; }
    QChartView *chartView(Chart chart) const { return m_views.value(chart); }
    /// The version comparison's table.
    QTableView *versionsView() const { return m_versionsView; }

    /// The prompt whose versions the comparison shows ("" for none).
    QString versionPrompt() const;
    /// Compares the versions of @p promptKey (re-queries like a user's choice would).
    void setVersionPrompt(const QString &promptKey);

    /// The report a chart exports (the same table `switchyard-cli report ... --format csv` prints).
    ReportTable table(Chart chart) const;
    /// Asks for a file name (FileDialog) and writes @p chart in @p format; false when cancelled or failed (the
    /// failure is shown inline).
    bool exportChart(Chart chart, ExportFormat format);

    /// Lists the calls behind bar @p category of layer @p set of @p chart in the drill-down table (for the version
    /// table: the calls of the version in row @p category). Breaker opens and conversation costs have no drill-down:
    /// their bars are not sets of calls.
    void drillDown(Chart chart, int set, int category);
    CallsTableModel *drillModel() const { return m_drillModel; }
    /// How many calls the drill-down lists in all (the table reads them a page at a time). Counted on the worker:
    /// valid once drillCounted() has been emitted for the latest drillDown().
    qint64 drillCount() const { return m_drillCount; }
    /// Opens the detail of the drill-down's call in @p row.
    CallDetailDialog *openCall(int row);

Q_SIGNALS:
    /// The charts show the answer to the latest request.
    void loaded();
    /// The count of the latest drillDown() arrived (drillCount() holds it).
    void drillCounted();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void createFilterBar();
    QToolButton *createExportButton(Chart chart, QWidget *parent);
    QWidget *createVersionsSection(QWidget *parent);
    void rebuildNewerCharts();
    void showChoices(const Result<DashboardFilterChoices> &choices);
    void scheduleQuery();
    void showData(quint64 request, const Result<DashboardData> &data);
    void showDrillCount(quint64 request, const Result<qint64> &count, const QString &what);
    void rebuildCharts();
    void setChart(Chart chart, QChart *content);
    /// Exact-value tooltips and (when @p drill) drill-down clicks for the bars of @p sets.
    void connectBars(Chart chart, const QList<QBarSet *> &sets,
                     const std::function<QString(int set, int category)> &tooltip, bool drill = true);
    void showError(const QString &message);

    Database &m_database;
    DatabaseWorker *m_worker = nullptr;  ///< the reports and drill-down counts run on it, in order
    quint64 m_pendingRequest = 0;
    quint64 m_shownRequest = 0;
    bool m_stale = true;
    DashboardData m_data;

    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_grouping = nullptr;
    QComboBox *m_bot = nullptr;
    QComboBox *m_provider = nullptr;
    QComboBox *m_model = nullptr;
    QComboBox *m_prompt = nullptr;
    QSpinBox *m_version = nullptr;
    QSpinBox *m_config = nullptr;
    QTimer *m_queryTimer = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_error = nullptr;
    QMap<Chart, QChartView *> m_views;
    QList<int> m_fallbackHops;  ///< the hop index of each layer of the fallbacks chart
    QStringList m_budgetBots;   ///< the bot of each layer of the budget chart
    QStringList m_budgetDays;   ///< the categories of the budget chart

    QComboBox *m_versionPrompt = nullptr;
    QTableView *m_versionsView = nullptr;
    ReportTableModel *m_versionsModel = nullptr;

    QLabel *m_drillLabel = nullptr;
    CallsTableModel *m_drillModel = nullptr;
    QTableView *m_drillView = nullptr;
    qint64 m_drillCount = 0;
    quint64 m_drillRequest = 0;  ///< the latest drill-down's count request; older answers are dropped
};

}  // namespace Switchyard
