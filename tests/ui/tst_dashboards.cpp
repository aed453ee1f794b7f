#include "core/model/Money.h"
#include "core/reporting/DemoDataGenerator.h"
#include "core/reporting/ReportService.h"
#include "core/reporting/ReportTable.h"
#include "core/store/CallLogRepository.h"
#include "core/store/PromptRepository.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/FileDialog.h"
#include "ui/activity/CallDetailDialog.h"
#include "ui/activity/CallsTableModel.h"
#include "ui/chat/AttemptsTableModel.h"
#include "ui/dashboards/DashboardsPage.h"

#include <QAbstractBarSeries>
#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSvgRenderer>
#include <QTest>
#include <QToolTip>
#include <memory>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

const QDate LastDay(2026, 11, 20);
constexpr int Days = 14;
constexpr qint64 Calls = 3000;

QList<QBarSet *> barSets(QChartView *view)
{
    const auto series = view->chart()->series();
    if (series.isEmpty())
        return {};
    return qobject_cast<QAbstractBarSeries *>(series.first())->barSets();
}

}  // namespace

class TestDashboards : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void chartsShowReportServiceNumbers();
    void changingAFilterRequeries();
    void filterChoicesFollowTheRecordedCalls();
    void loadingStateWhileAQueryRunsAndLatestWins();
    void drillDownListsTheCallsOfABucket();
    void callDetailShowsTheAttemptPath();
    void csvExportEqualsTheCliReport();
    void pngAndSvgExportsAreValid();

private:
    ReportQuery baseQuery(ReportGrouping grouping) const { return dashboardQuery(LastDay, Days, grouping); }
    /// Sets the filter bar and waits for the charts to show it.
    void load(const ReportQuery &query) { QVERIFY(loadDashboards(*m_page, query)); }
    /// Drills into a bar and waits for the worker's count of its calls and the first page of the list (read on the
    /// model's own worker); false when either never arrives.
    bool drillDown(DashboardsPage::Chart chart, int set, int category)
    {
        QSignalSpy counted(m_page.get(), &DashboardsPage::drillCounted);
        m_page->drillDown(chart, set, category);
        return counted.wait(20000) && waitUntilLoaded(m_page->drillModel());
    }
    /// Waits until @p model has answered its latest request; false when it never does.
    static bool waitUntilLoaded(CallsTableModel *model)
    {
        return QTest::qWaitFor([model] { return !model->isLoading() && !model->isCounting(); }, 20000);
    }
    /// Reads every page of @p model (each on its worker); false when a page never arrives.
    static bool fetchAll(CallsTableModel *model)
    {
        while (waitUntilLoaded(model) && model->canFetchMore({}))
            model->fetchMore({});
        return !model->isLoading();
    }

    std::unique_ptr<UiWorkspace> m_workspace;
    std::unique_ptr<DashboardsPage> m_page;
};

void TestDashboards::init()
{
    m_workspace = std::make_unique<UiWorkspace>();
    m_workspace->openWithSample();
    if (QTest::currentTestFailed())
        return;
    DemoDataOptions options;
    options.calls = Calls;
    options.days = Days;
    options.seed = 42;
    options.lastDay = LastDay;
    const auto written = DemoDataGenerator::generate(m_workspace->database, options);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
    QCOMPARE(*written, Calls);

    m_page = std::make_unique<DashboardsPage>(m_workspace->database);
    m_page->resize(1400, 1000);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestDashboards::cleanup()
{
    m_page.reset();
    closeDialogs();
    m_workspace.reset();
}

void TestDashboards::chartsShowReportServiceNumbers()
{
    const ReportQuery query = baseQuery(ReportGrouping::Day);
    load(query);
    QCOMPARE(m_page->data().query.groupBy, ReportGrouping::Day);

    ReportService service(m_workspace->database);
    const auto costs = service.costs(query);
    QVERIFY(costs.ok());
    QCOMPARE(int(costs->size()), Days);

    // Cost by day: one layer, one bar per day, the report's cost in dollars.
    const QList<QBarSet *> cost = barSets(m_page->chartView(DashboardsPage::Chart::Cost));
    QCOMPARE(int(cost.size()), 1);
    QCOMPARE(cost.first()->count(), int(costs->size()));
    for (int i = 0; i < costs->size(); ++i)
        QVERIFY(qFuzzyCompare(cost.first()->at(i), double(costs->at(i).costMicroUsd) / 1e6));
    // Hovering a bar shows its exact value.
    Q_EMIT cost.first()->hovered(true, 2);
    QVERIFY2(QToolTip::text().contains(MicroUsd::decimal(costs->at(2).costMicroUsd)), qPrintable(QToolTip::text()));
    QVERIFY(QToolTip::text().contains(costs->at(2).key));

    // Tokens by kind per day, exact.
    const QList<QBarSet *> tokens = barSets(m_page->chartView(DashboardsPage::Chart::Tokens));
    QCOMPARE(int(tokens.size()), 4);
    for (int i = 0; i < costs->size(); ++i) {
        QCOMPARE(qint64(tokens.at(0)->at(i)), costs->at(i).tokens.input);
        QCOMPARE(qint64(tokens.at(1)->at(i)), costs->at(i).tokens.cachedInput);
        QCOMPARE(qint64(tokens.at(2)->at(i)), costs->at(i).tokens.output);
        QCOMPARE(qint64(tokens.at(3)->at(i)), costs->at(i).tokens.reasoning);
    }

    // Latency percentiles per model.
    ReportQuery byModel = query;
    byModel.groupBy = ReportGrouping::Model;
    const auto latency = service.latency(byModel);
    QVERIFY(latency.ok());
    QVERIFY(latency->size() >= 2);
    const QList<QBarSet *> latencySets = barSets(m_page->chartView(DashboardsPage::Chart::Latency));
    QCOMPARE(int(latencySets.size()), 4);
    for (int i = 0; i < latency->size(); ++i) {
        QCOMPARE(qint64(latencySets.at(0)->at(i)), latency->at(i).total.p50.value_or(0));
        QCOMPARE(qint64(latencySets.at(1)->at(i)), latency->at(i).total.p95.value_or(0));
        QCOMPARE(qint64(latencySets.at(2)->at(i)), latency->at(i).total.p99.value_or(0));
        QCOMPARE(qint64(latencySets.at(3)->at(i)), latency->at(i).timeToFirstToken.p50.value_or(0));
    }

    // Outcomes: answered calls plus every error class add up to the calls of each group.
    const auto fallbacks = service.fallbacks(query);
    QVERIFY(fallbacks.ok());
    const QList<QBarSet *> outcomes = barSets(m_page->chartView(DashboardsPage::Chart::Outcomes));
    QVERIFY(outcomes.size() >= 2);
    for (int i = 0; i < fallbacks->size(); ++i) {
        QCOMPARE(qint64(outcomes.first()->at(i)), fallbacks->at(i).okCalls);
        double sum = 0;
        for (QBarSet *set : outcomes)
            sum += set->at(i);
        QCOMPARE(qint64(sum), fallbacks->at(i).calls);
    }

    // Approval per prompt version, in percent.
    ReportQuery byVersion = query;
    byVersion.groupBy = ReportGrouping::Version;
    const auto quality = service.quality(byVersion);
    QVERIFY(quality.ok());
    const QList<QBarSet *> approval = barSets(m_page->chartView(DashboardsPage::Chart::ApprovalByVersion));
    QCOMPARE(int(approval.size()), 1);
    QCOMPARE(approval.first()->count(), int(quality->size()));
    for (int i = 0; i < quality->size(); ++i)
        QVERIFY(qFuzzyCompare(1.0 + approval.first()->at(i), 1.0 + quality->at(i).approvalRate().value_or(0) * 100));
}

void TestDashboards::changingAFilterRequeries()
{
    load(baseQuery(ReportGrouping::Day));
    // The user picks another grouping in the filter bar: the page queries again by itself.
    auto *grouping = m_page->findChild<QComboBox *>(QStringLiteral("dashboardsGrouping"));
    QVERIFY(grouping);
    QSignalSpy loaded(m_page.get(), &DashboardsPage::loaded);
    grouping->setCurrentIndex(grouping->findData(QStringLiteral("provider")));
    QVERIFY(loaded.wait(20000));
    QCOMPARE(m_page->data().query.groupBy, ReportGrouping::Provider);

    // Cost over time is now stacked by provider: each layer equals the report for that provider by day.
    ReportService service(m_workspace->database);
    const QList<QBarSet *> layers = barSets(m_page->chartView(DashboardsPage::Chart::Cost));
    const auto providers = service.costs(baseQuery(ReportGrouping::Provider));
    QVERIFY(providers.ok());
    QVERIFY(providers->size() >= 2);
    // The most expensive providers get a layer each, the rest one "other" layer.
    const bool other = providers->size() > DashboardData::MaxCostSeries;
    QCOMPARE(int(layers.size()),
             int(qMin<qsizetype>(providers->size(), DashboardData::MaxCostSeries)) + (other ? 1 : 0));
    QList<double> stacked(layers.first()->count(), 0.0);
    for (QBarSet *layer : layers) {
        for (int i = 0; i < layer->count(); ++i)
            stacked[i] += layer->at(i);
        if (other && layer == layers.last()) {
            QCOMPARE(layer->label(), QStringLiteral("other"));
            continue;
        }
        ReportQuery one = baseQuery(ReportGrouping::Day);
        one.provider = layer->label();
        const auto perDay = service.costs(one);
        QVERIFY(perDay.ok());
        double total = 0;
        for (int i = 0; i < layer->count(); ++i)
            total += layer->at(i);
        qint64 expected = 0;
        for (const CostRow &row : *perDay)
            expected += row.costMicroUsd;
        QCOMPARE(qRound64(total * 1e6), expected);
    }
    // Stacked, the layers are each day's whole cost.
    const auto perDay = service.costs(baseQuery(ReportGrouping::Day));
    QVERIFY(perDay.ok());
    for (int i = 0; i < perDay->size(); ++i)
        QCOMPARE(qRound64(stacked.at(i) * 1e6), perDay->at(i).costMicroUsd);

    // A provider filter narrows every chart to that provider.
    const QString provider = providers->first().key;
    auto *providerBox = m_page->findChild<QComboBox *>(QStringLiteral("dashboardsProvider"));
    QVERIFY(providerBox->findData(provider) > 0);
    providerBox->setCurrentIndex(providerBox->findData(provider));
    QVERIFY(loaded.wait(20000));
    QCOMPARE(m_page->data().query.provider, provider);
    QCOMPARE(int(m_page->data().costsByGroup.size()), 1);
    QCOMPARE(m_page->data().costsByGroup.first(), providers->first());
}

void TestDashboards::filterChoicesFollowTheRecordedCalls()
{
    // The choices are read on the worker; the charts asked for after a reload must already see the new choices.
    load(baseQuery(ReportGrouping::Provider));
    auto *providerBox = m_page->findChild<QComboBox *>(QStringLiteral("dashboardsProvider"));
    QVERIFY(providerBox);
    QVERIFY(providerBox->count() > 2);
    const QString gone = providerBox->itemData(1).toString();
    const QString kept = providerBox->itemData(2).toString();
    QSignalSpy loaded(m_page.get(), &DashboardsPage::loaded);
    providerBox->setCurrentIndex(1);
    QVERIFY(loaded.wait(20000));
    QCOMPARE(m_page->data().query.provider, gone);

    // Every call of the chosen provider goes: after a reload it is no longer offered, the filter falls back to any
    // provider, and the charts show the other providers' calls.
    QSqlQuery remove(m_workspace->database.connection());
    QVERIFY2(
        remove.exec(
            QStringLiteral("DELETE FROM calls WHERE served_provider = '%1' OR requested_provider = '%1'").arg(gone)),
        qPrintable(remove.lastError().text()));
    loaded.clear();
    m_page->reload();
    QVERIFY(m_page->isLoading());
    QVERIFY(loaded.wait(20000));
    QCOMPARE(providerBox->findData(gone), -1);
    QVERIFY(providerBox->findData(kept) > 0);
    QCOMPARE(providerBox->currentIndex(), 0);
    QVERIFY(m_page->data().query.provider.isEmpty());
    QVERIFY(!m_page->data().costsByGroup.isEmpty());
    for (const CostRow &row : m_page->data().costsByGroup)
        QVERIFY2(row.key != gone, qPrintable(row.key));
}

void TestDashboards::loadingStateWhileAQueryRunsAndLatestWins()
{
    load(baseQuery(ReportGrouping::Day));
    auto *busy = m_page->findChild<QProgressBar *>(QStringLiteral("dashboardsBusy"));
    QVERIFY(busy);
    QVERIFY(!busy->isVisible());

    QSignalSpy loaded(m_page.get(), &DashboardsPage::loaded);
    m_page->setQuery(baseQuery(ReportGrouping::Bot));
    m_page->refresh();
    // The reports run on the worker: the page is loading and shows it, and the UI thread is free.
    QVERIFY(m_page->isLoading());
    QVERIFY(busy->isVisible());
    // A second request before the first answered: only the latest is shown.
    m_page->setQuery(baseQuery(ReportGrouping::Month));
    m_page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isLoading(), 20000);
    QVERIFY(!busy->isVisible());
    QTest::qWait(300);  // the debounce timers of setQuery() fire and query once more
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isLoading(), 20000);
    QCOMPARE(m_page->data().query.groupBy, ReportGrouping::Month);
    for (const QList<QVariant> &arguments : loaded)
        QVERIFY(arguments.isEmpty());
    QVERIFY(loaded.size() >= 1);
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("dashboardsError"))->isHidden());

    // waitForQueries() (before the workspace is reopened) returns once the worker is idle; the answer is shown
    // afterwards by the UI thread.
    m_page->refresh();
    m_page->waitForQueries();
    QVERIFY(m_page->isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isLoading(), 20000);
}

void TestDashboards::drillDownListsTheCallsOfABucket()
{
    load(baseQuery(ReportGrouping::Provider));
    const DashboardData &data = m_page->data();

    // A day of the tokens chart: exactly the report's calls of that day.
    const int day = 3;
    // Drilled into the day before first, then this day before that count arrived: only the latest count shows.
    QVERIFY(data.costsByTime.at(day - 1).calls != data.costsByTime.at(day).calls);
    m_page->drillDown(DashboardsPage::Chart::Tokens, 0, day - 1);
    QVERIFY(drillDown(DashboardsPage::Chart::Tokens, 0, day));
    QCOMPARE(m_page->drillCount(), data.costsByTime.at(day).calls);
    CallsTableModel *model = m_page->drillModel();
    QVERIFY(data.costsByTime.at(day).calls > CallsTableModel::PageSize);
    QVERIFY(model->rowCount() < data.costsByTime.at(day).calls);  // read a page at a time
    QVERIFY(fetchAll(model));
    QCOMPARE(model->rowCount(), int(data.costsByTime.at(day).calls));
    {
        // The same listing through the model tester (on a model of its own: the tester and a view both fetching
        // from their reset handlers would confuse the tester's bookkeeping, not the model).
        CallsTableModel checked(m_workspace->database);
        QAbstractItemModelTester tester(&checked, QAbstractItemModelTester::FailureReportingMode::QtTest);
        checked.setFilter(model->filter());
        QVERIFY(fetchAll(&checked));
        QCOMPARE(checked.rowCount(), model->rowCount());
        checked.sort(CallsTableModel::Cost, Qt::AscendingOrder);
        QVERIFY(waitUntilLoaded(&checked));
        QVERIFY(checked.rowCount() > 0);
    }
    const QDate date = QDate::fromString(data.timeKeys.at(day), Qt::ISODate);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->callRow(row).createdAt.toUTC().date(), date);

    // One provider's layer of the cost chart on one day.
    QVERIFY(!data.costSeries.first().key.isEmpty());
    QVERIFY(drillDown(DashboardsPage::Chart::Cost, 0, day));
    ReportQuery one = data.costSeries.first().query;
    one.groupBy = ReportGrouping::Day;
    const auto perDay = ReportService(m_workspace->database).costs(one);
    QVERIFY(perDay.ok());
    qint64 expected = 0;
    for (const CostRow &row : *perDay) {
        if (row.key == data.timeKeys.at(day))
            expected = row.calls;
    }
    QVERIFY(expected > 0);
    QCOMPARE(m_page->drillCount(), expected);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->callRow(row).provider, data.costSeries.first().key);

    // The outcome chart (grouped by provider): its answered layer and each error class layer of a provider.
    int group = 0;
    for (int i = 1; i < data.fallbacksByGroup.size(); ++i) {
        if (data.fallbacksByGroup.at(i).errorCalls > data.fallbacksByGroup.at(group).errorCalls)
            group = i;
    }
    const FallbackRow &outcomes = data.fallbacksByGroup.at(group);
    QVERIFY(drillDown(DashboardsPage::Chart::Outcomes, 0, group));
    QCOMPARE(m_page->drillCount(), outcomes.okCalls);
    const QList<QBarSet *> layers = barSets(m_page->chartView(DashboardsPage::Chart::Outcomes));
    int checked = 0;
    for (int set = 1; set < layers.size(); ++set) {
        const QString errorClass =
            layers.at(set)->label() == QLatin1String("unknown") ? QString() : layers.at(set)->label();
        QVERIFY(drillDown(DashboardsPage::Chart::Outcomes, set, group));
        QCOMPARE(m_page->drillCount(), outcomes.errorClasses.value(errorClass));
        for (int row = 0; row < model->rowCount(); ++row) {
            QVERIFY(model->callRow(row).status != QLatin1String("ok"));
            QCOMPARE(model->callRow(row).errorClass, errorClass);
        }
        checked += outcomes.errorClasses.value(errorClass) > 0 ? 1 : 0;
    }
    QVERIFY(checked >= 1);

    // The fallback chart: the calls each hop answered, for the same provider.
    const QList<QBarSet *> hops = barSets(m_page->chartView(DashboardsPage::Chart::Fallbacks));
    QVERIFY(hops.size() >= 2);
    qint64 answered = 0;
    for (int set = 0; set < hops.size(); ++set) {
        QVERIFY(drillDown(DashboardsPage::Chart::Fallbacks, set, group));
        QCOMPARE(m_page->drillCount(), qint64(hops.at(set)->at(group)));
        answered += m_page->drillCount();
    }
    QCOMPARE(answered, outcomes.okCalls);
    QVERIFY(outcomes.fallbackCalls() > 0);
}

void TestDashboards::callDetailShowsTheAttemptPath()
{
    load(baseQuery(ReportGrouping::Day));
    QVERIFY(drillDown(DashboardsPage::Chart::Tokens, 0, 0));
    CallsTableModel *model = m_page->drillModel();
    int fallback = -1;
    for (int row = 0; row < model->rowCount() && fallback < 0; ++row) {
        if (model->callRow(row).attempts > 1 && model->callRow(row).status == QLatin1String("ok"))
            fallback = row;
    }
    QVERIFY2(fallback >= 0, "the demo day has a call that needed more than one attempt");
    CallDetailDialog *dialog = m_page->openCall(fallback);
    QVERIFY(dialog);
    QVERIFY(dialog->isLoading());
    QVERIFY(waitForCall(dialog));
    QCOMPARE(dialog->call().uuid, model->callRow(fallback).uuid);
    QCOMPARE(dialog->attemptsModel()->rowCount(), int(model->callRow(fallback).attempts));
    QAbstractItemModelTester tester(dialog->attemptsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The path ends with the attempt that answered, with the served provider and model.
    const QList<AttemptRecord> &attempts = dialog->call().attempts;
    QCOMPARE(attempts.last().outcome, AttemptRecord::Outcome::Succeeded);
    QCOMPARE(attempts.last().provider, dialog->call().servedProvider);
    QVERIFY(attempts.first().outcome != AttemptRecord::Outcome::Succeeded);
    const QString lastOutcome =
        dialog->attemptsModel()->index(int(attempts.size()) - 1, AttemptsTableModel::Target).data().toString();
    QVERIFY2(lastOutcome.contains(dialog->call().servedModel), qPrintable(lastOutcome));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("callServed"))->text().contains(dialog->call().servedProvider));

    // The prompt tab shows the template of the version the call used, when the workspace has it.
    const CallRecord &call = dialog->call();
    QVERIFY(!call.promptKey.isEmpty());
    auto *prompt = dialog->findChild<QPlainTextEdit *>(QStringLiteral("callPromptText"));
    QVERIFY(prompt);
    const auto version =
        PromptRepository(m_workspace->database).version(call.promptKey, call.promptVersion.value_or(1));
    if (version.ok()) {
        QCOMPARE(prompt->toPlainText(), version->body);
    } else {
        QVERIFY(prompt->toPlainText().isEmpty());
        QVERIFY(prompt->placeholderText().contains(call.promptKey));
    }
    dialog->close();
}

void TestDashboards::csvExportEqualsTheCliReport()
{
    load(baseQuery(ReportGrouping::Model));
    const QString path = m_workspace->dir.filePath(QStringLiteral("cost.csv"));
    FileDialog::instance().setNextFileName(path);
    QVERIFY(m_page->exportChart(DashboardsPage::Chart::Cost, DashboardsPage::ExportFormat::Csv));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray exported = file.readAll();
    QVERIFY(exported.count('\n') > 2);

    // The real CLI on the same workspace and query prints the same bytes.
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SWITCHYARD_DB"));
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(SWITCHYARD_CLI_PATH),
              {QStringLiteral("report"), QStringLiteral("costs"), QStringLiteral("--by"), QStringLiteral("model"),
               QStringLiteral("--from"), baseQuery(ReportGrouping::Model).from->toString(Qt::ISODate),
               QStringLiteral("--to"), LastDay.toString(Qt::ISODate), QStringLiteral("--format"), QStringLiteral("csv"),
               QStringLiteral("--db"), m_workspace->databasePath()});
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(exported, cli.readAllStandardOutput());

    // The latency chart exports the latency report by model.
    FileDialog::instance().setNextFileName(path);
    QVERIFY(m_page->exportChart(DashboardsPage::Chart::Latency, DashboardsPage::ExportFormat::Csv));
    ReportQuery byModel = baseQuery(ReportGrouping::Model);
    const auto latency = ReportTable::build(m_workspace->database, ReportKind::Latency, byModel);
    QVERIFY(latency.ok());
    QFile again(path);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(again.readAll()), latency->toCsv());
}

void TestDashboards::pngAndSvgExportsAreValid()
{
    load(baseQuery(ReportGrouping::Day));
    const QString png = m_workspace->dir.filePath(QStringLiteral("tokens.png"));
    FileDialog::instance().setNextFileName(png);
    QVERIFY(m_page->exportChart(DashboardsPage::Chart::Tokens, DashboardsPage::ExportFormat::Png));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), m_page->chartView(DashboardsPage::Chart::Tokens)->size() *
                               m_page->chartView(DashboardsPage::Chart::Tokens)->devicePixelRatio());

    const QString svg = m_workspace->dir.filePath(QStringLiteral("tokens.svg"));
    FileDialog::instance().setNextFileName(svg);
    QVERIFY(m_page->exportChart(DashboardsPage::Chart::Tokens, DashboardsPage::ExportFormat::Svg));
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("Tokens over time"));

    // Cancelling the file dialog writes nothing.
    FileDialog::instance().setNextFileName(QString());
    QVERIFY(!m_page->exportChart(DashboardsPage::Chart::Tokens, DashboardsPage::ExportFormat::Png));
}

QTEST_MAIN(TestDashboards)
#include "tst_dashboards.moc"
