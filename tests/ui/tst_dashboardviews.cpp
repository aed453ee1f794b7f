// The Dashboards page's version comparison, breaker, conversation-cost and budget views: they show the numbers
// ReportService returns, follow the filter bar, drill into the calls behind a version or a bot's day, and export the
// same CSV the CLI prints.
#include "core/model/Money.h"
#include "core/reporting/DemoDataGenerator.h"
#include "core/reporting/ReportService.h"
#include "core/reporting/ReportTable.h"
#include "core/store/BotRepository.h"
#include "core/store/BudgetRepository.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/FileDialog.h"
#include "ui/dashboards/DashboardsPage.h"

#include <QAbstractBarSeries>
#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolTip>
#include <memory>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

const QDate LastDay(2026, 11, 20);
constexpr int Days = 14;

QList<QBarSet *> barSets(QChartView *view)
{
    for (QAbstractSeries *series : view->chart()->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series))
            return bars->barSets();
    }
    return {};
}

QList<QLineSeries *> lines(QChartView *view)
{
    QList<QLineSeries *> found;
    for (QAbstractSeries *series : view->chart()->series()) {
        if (auto *line = qobject_cast<QLineSeries *>(series))
            found << line;
    }
    return found;
}

}  // namespace

class TestDashboardViews : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void versionTableShowsTheComparison();
    void breakerConversationAndBudgetChartsShowReportNumbers();
    void viewsFollowTheFilters();
    void drillDownFromAVersionAndABudgetDay();
    void csvExportsEqualTheCli_data();
    void csvExportsEqualTheCli();
    void versionTableExportsAsImages();

private:
    ReportQuery baseQuery(ReportGrouping grouping) const { return dashboardQuery(LastDay, Days, grouping); }
    /// Sets the filter bar and waits for the charts to show it.
    void load(const ReportQuery &query) { QVERIFY(loadDashboards(*m_page, query)); }
    bool drillDown(DashboardsPage::Chart chart, int set, int category)
    {
        QSignalSpy counted(m_page.get(), &DashboardsPage::drillCounted);
        m_page->drillDown(chart, set, category);
        return counted.wait(20000);
    }
    ReportService service() { return ReportService(m_workspace->database); }

    std::unique_ptr<UiWorkspace> m_workspace;
    std::unique_ptr<DashboardsPage> m_page;
};

void TestDashboardViews::init()
{
    m_workspace = std::make_unique<UiWorkspace>();
    m_workspace->openWithSample();
    if (QTest::currentTestFailed())
        return;
    DemoDataOptions options;
    options.calls = 3000;
    options.days = Days;
    options.seed = 11;
    options.lastDay = LastDay;
    // generate() also gives every bot a demo budget.
    const auto written = DemoDataGenerator::generate(m_workspace->database, options);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));

    m_page = std::make_unique<DashboardsPage>(m_workspace->database);
    m_page->resize(1400, 1000);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestDashboardViews::cleanup()
{
    m_page.reset();
    closeDialogs();
    m_workspace.reset();
}

void TestDashboardViews::versionTableShowsTheComparison()
{
    load(baseQuery(ReportGrouping::Provider));
    const QString prompt = m_page->versionPrompt();
    QVERIFY(!prompt.isEmpty());  // the first prompt until one is chosen
    const auto expected = service().versions(DashboardData::versionQuery(baseQuery(ReportGrouping::Provider), prompt));
    QVERIFY(expected.ok());
    QVERIFY(expected->size() >= 3);
    QCOMPARE(m_page->data().versions, *expected);

    // The table shows each cell as the CLI's table does.
    QTableView *view = m_page->versionsView();
    QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const ReportTable table = ReportTable::versions(*expected);
    QCOMPARE(view->model()->rowCount(), int(table.rows.size()));
    QCOMPARE(view->model()->columnCount(), int(table.columns.size()));
    for (int r = 0; r < table.rows.size(); ++r) {
        for (int c = 0; c < table.columns.size(); ++c) {
            const QString text = ReportTable::text(table.rows.at(r).at(c));
            QCOMPARE(view->model()->index(r, c).data().toString(), text.isEmpty() ? QStringLiteral("-") : text);
        }
    }
    QCOMPARE(view->model()->headerData(4, Qt::Horizontal).toString(), QStringLiteral("cost_per_call_usd"));

    // Choosing another prompt compares its versions.
    auto *picker = child<QComboBox>(m_page.get(), "dashboardsVersionPrompt");
    QVERIFY(picker->count() >= 2);
    const QString other = picker->itemData(picker->currentIndex() == 0 ? 1 : 0).toString();
    QSignalSpy loaded(m_page.get(), &DashboardsPage::loaded);
    picker->setCurrentIndex(picker->findData(other));
    QVERIFY(m_page->isLoading() || loaded.count() > 0 || loaded.wait(20000));
    if (m_page->isLoading())
        QVERIFY(loaded.wait(20000));
    QCOMPARE(m_page->data().versionPrompt, other);
    const auto others = service().versions(DashboardData::versionQuery(baseQuery(ReportGrouping::Provider), other));
    QVERIFY(others.ok());
    QCOMPARE(m_page->data().versions, *others);
}

void TestDashboardViews::breakerConversationAndBudgetChartsShowReportNumbers()
{
    const ReportQuery query = baseQuery(ReportGrouping::Bot);
    load(query);

    // Breaker opens by day, stacked by breaker: every bar is that breaker's opens on that day.
    ReportQuery byDay = query;
    byDay.groupBy = ReportGrouping::Day;
    const auto breakers = service().breakerOpens(byDay);
    QVERIFY(breakers.ok());
    QVERIFY(!breakers->isEmpty());
    QCOMPARE(m_page->data().breakersByTime, *breakers);
    const QList<QBarSet *> breakerSets = barSets(m_page->chartView(DashboardsPage::Chart::Breakers));
    double shown = 0;
    for (QBarSet *set : breakerSets)
        shown += set->sum();
    qint64 opens = 0;
    for (const BreakerRow &row : *breakers)
        opens += row.opens + row.forcedOpens;
    QCOMPARE(qint64(shown), opens);
    Q_EMIT breakerSets.first()->hovered(true, 0);
    QVERIFY2(QToolTip::text().contains(breakerSets.first()->label()), qPrintable(QToolTip::text()));

    // Cost per conversation and per message by bot: the four figures of each bot, the tooltip exact.
    const auto conversations = service().conversationCosts(query);
    QVERIFY(conversations.ok());
    QVERIFY(conversations->size() >= 3);
    QCOMPARE(m_page->data().conversations, *conversations);
    const QList<QBarSet *> conversationSets = barSets(m_page->chartView(DashboardsPage::Chart::Conversations));
    QCOMPARE(int(conversationSets.size()), 4);
    const ReportTable conversationTable = ReportTable::conversations(*conversations, ReportGrouping::Bot);
    for (int i = 0; i < conversations->size(); ++i) {
        const ConversationCostRow &row = conversations->at(i);
        QVERIFY(qFuzzyCompare(conversationSets.at(1)->at(i), double(*row.medianSessionMicroUsd) / 1e6));
        QVERIFY(qFuzzyCompare(conversationSets.at(3)->at(i), double(*row.medianMessageMicroUsd) / 1e6));
        QVERIFY(qFuzzyCompare(conversationSets.at(0)->at(i), double(row.costMicroUsd) / 1e6 / double(row.sessions)));
    }
    Q_EMIT conversationSets.at(2)->hovered(true, 1);
    const QString perMessage = ReportTable::text(conversationTable.rows.at(1).at(7));
    QVERIFY2(QToolTip::text().contains(perMessage), qPrintable(QToolTip::text() + QStringLiteral(" / ") + perMessage));

    // Budget use: a bar per bot and day with its spend, and each bot's limit as a line at its height.
    const auto budget = service().budgetUse(byDay);
    QVERIFY(budget.ok());
    QCOMPARE(m_page->data().budgetUse, *budget);
    QChartView *budgetView = m_page->chartView(DashboardsPage::Chart::Budget);
    const QList<QBarSet *> budgetSets = barSets(budgetView);
    QSet<QString> budgeted;
    for (const BudgetUseRow &row : *budget)
        budgeted << row.bot;
    QVERIFY(budgeted.size() >= 3);  // demo data gave every bot with calls a budget
    QCOMPARE(budgetSets.size(), budgeted.size());
    const QList<QLineSeries *> limits = lines(budgetView);
    QSet<QString> withCostLimit;
    for (const BudgetUseRow &row : *budget) {
        int set = -1;
        for (int s = 0; s < budgetSets.size(); ++s) {
            if (budgetSets.at(s)->label() == row.bot)
                set = s;
        }
        QVERIFY(set >= 0);
        const int day = int(QDate::fromString(row.day, Qt::ISODate).toJulianDay() -
                            query.from->toJulianDay());  // every day of the range has calls
        QVERIFY(qFuzzyCompare(budgetSets.at(set)->at(day), double(row.costMicroUsd) / 1e6));
        if (!row.maxCostMicroUsd)
            continue;  // a token limit only: no line on a chart in dollars
        withCostLimit << row.bot;
        const auto line = std::find_if(limits.cbegin(), limits.cend(), [&](QLineSeries *l) {
            return l->name().startsWith(row.bot + QLatin1Char(' '));
        });
        QVERIFY(line != limits.cend());
        QVERIFY(qFuzzyCompare((*line)->at(0).y(), double(*row.maxCostMicroUsd) / 1e6));
    }
    QVERIFY(withCostLimit.size() >= 2);
    QCOMPARE(limits.size(), withCostLimit.size());
    const auto over = std::find_if(budget->cbegin(), budget->cend(),
                                   [](const BudgetUseRow &r) { return r.overBudget() && r.maxCostMicroUsd; });
    QVERIFY(over != budget->cend());
    int overSet = 0;
    while (budgetSets.at(overSet)->label() != over->bot)
        ++overSet;
    Q_EMIT budgetSets.at(overSet)->hovered(
        true, int(QDate::fromString(over->day, Qt::ISODate).toJulianDay() - query.from->toJulianDay()));
    QVERIFY2(QToolTip::text().contains(MicroUsd::decimal(over->costMicroUsd)), qPrintable(QToolTip::text()));
    QVERIFY(QToolTip::text().contains(MicroUsd::decimal(*over->maxCostMicroUsd)));
    QVERIFY(QToolTip::text().contains(QStringLiteral("over budget")));
}

void TestDashboardViews::viewsFollowTheFilters()
{
    ReportQuery query = baseQuery(ReportGrouping::Day);
    load(query);
    const qint64 allBots = m_page->data().budgetUse.size();

    // One bot: its budget only, and conversations of its calls only.
    const auto bots = BotRepository(m_workspace->database).list();
    query.botId = bots->first().id;
    load(query);
    QVERIFY(!m_page->data().budgetUse.isEmpty());
    QVERIFY(m_page->data().budgetUse.size() < allBots);
    for (const BudgetUseRow &row : m_page->data().budgetUse)
        QCOMPARE(row.bot, bots->first().slug);
    QCOMPARE(m_page->data().conversations, *service().conversationCosts(query));
    QCOMPARE(barSets(m_page->chartView(DashboardsPage::Chart::Budget)).size(), 1);

    // A shorter range and one provider: the breakers chart keeps that provider's breakers of those days.
    query.botId.reset();
    query.from = LastDay.addDays(-4);
    query.provider = m_page->data().breakersByTime.isEmpty() ? QStringLiteral("openai")
                                                             : m_page->data().breakersByTime.first().provider;
    load(query);
    for (const BreakerRow &row : m_page->data().breakersByTime) {
        QCOMPARE(row.provider, query.provider);
        QVERIFY(QDate::fromString(row.key, Qt::ISODate) >= *query.from);
    }
    QCOMPARE(m_page->data().breakersByTime, *service().breakerOpens(query));

    // A prompt chosen in the filter bar is the one whose versions are compared, over the same filters.
    query.provider.clear();
    auto *picker = child<QComboBox>(m_page.get(), "dashboardsVersionPrompt");
    const QString prompt = picker->itemData(picker->count() - 1).toString();
    query.promptKey = prompt;
    query.promptVersion = 2;  // the comparison shows every version all the same
    load(query);
    QCOMPARE(m_page->versionPrompt(), prompt);
    QCOMPARE(m_page->data().versions, *service().versions(DashboardData::versionQuery(query, prompt)));
    QVERIFY(m_page->data().versions.size() >= 2);
}

void TestDashboardViews::drillDownFromAVersionAndABudgetDay()
{
    load(baseQuery(ReportGrouping::Provider));
    const DashboardData &data = m_page->data();
    QVERIFY(drillDown(DashboardsPage::Chart::Versions, 0, 1));
    QCOMPARE(m_page->drillCount(), data.versions.at(1).calls);

    const BudgetUseRow row = data.budgetUse.at(2);
    const QList<QBarSet *> sets = barSets(m_page->chartView(DashboardsPage::Chart::Budget));
    int set = 0;
    while (sets.at(set)->label() != row.bot)
        ++set;
    const int day =
        int(QDate::fromString(row.day, Qt::ISODate).toJulianDay() - baseQuery(ReportGrouping::Day).from->toJulianDay());
    QVERIFY(drillDown(DashboardsPage::Chart::Budget, set, day));
    QCOMPARE(m_page->drillCount(), row.calls);
}

void TestDashboardViews::csvExportsEqualTheCli_data()
{
    QTest::addColumn<int>("chart");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("grouping");
    QTest::newRow("versions") << int(DashboardsPage::Chart::Versions) << QStringList{QStringLiteral("versions")}
                              << int(ReportGrouping::Provider);
    QTest::newRow("breakers") << int(DashboardsPage::Chart::Breakers)
                              << QStringList{QStringLiteral("breakers"), QStringLiteral("--by"), QStringLiteral("day")}
                              << int(ReportGrouping::Provider);
    QTest::newRow("conversations") << int(DashboardsPage::Chart::Conversations)
                                   << QStringList{QStringLiteral("conversations"), QStringLiteral("--by"),
                                                  QStringLiteral("bot")}
                                   << int(ReportGrouping::Bot);
    QTest::newRow("budgets") << int(DashboardsPage::Chart::Budget) << QStringList{QStringLiteral("budgets")}
                             << int(ReportGrouping::Provider);
}

void TestDashboardViews::csvExportsEqualTheCli()
{
    QFETCH(int, chart);
    QFETCH(QStringList, arguments);
    QFETCH(int, grouping);
    load(baseQuery(ReportGrouping(grouping)));
    const QString path = m_workspace->dir.filePath(QStringLiteral("export.csv"));
    FileDialog::instance().setNextFileName(path);
    QVERIFY(m_page->exportChart(DashboardsPage::Chart(chart), DashboardsPage::ExportFormat::Csv));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray exported = file.readAll();
    QVERIFY2(exported.count('\n') > 2, exported.constData());

    if (arguments.first() == QLatin1String("versions"))
        arguments << QStringLiteral("--prompt") << m_page->versionPrompt();
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SWITCHYARD_DB"));
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(SWITCHYARD_CLI_PATH),
              QStringList{QStringLiteral("report")}
                  << arguments
                  << QStringList{QStringLiteral("--from"), baseQuery(ReportGrouping::Day).from->toString(Qt::ISODate),
                                 QStringLiteral("--to"), LastDay.toString(Qt::ISODate), QStringLiteral("--format"),
                                 QStringLiteral("csv"), QStringLiteral("--db"), m_workspace->databasePath()});
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(exported, cli.readAllStandardOutput());
}

void TestDashboardViews::versionTableExportsAsImages()
{
    load(baseQuery(ReportGrouping::Provider));
    const QString png = m_workspace->dir.filePath(QStringLiteral("versions.png"));
    FileDialog::instance().setNextFileName(png);
    QVERIFY(m_page->exportChart(DashboardsPage::Chart::Versions, DashboardsPage::ExportFormat::Png));
    QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), m_page->versionsView()->size() * m_page->versionsView()->devicePixelRatio());
    const QString svg = m_workspace->dir.filePath(QStringLiteral("budget.svg"));
    FileDialog::instance().setNextFileName(svg);
    QVERIFY(m_page->exportChart(DashboardsPage::Chart::Budget, DashboardsPage::ExportFormat::Svg));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("<svg"));
    FileDialog::instance().setNextFileName(QString());
}

QTEST_MAIN(TestDashboardViews)
#include "tst_dashboardviews.moc"
