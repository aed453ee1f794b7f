#include "ui/dashboards/DashboardsPage.h"

#include "core/model/Money.h"
#include "core/store/BotRepository.h"
#include "core/store/Database.h"
#include "core/store/DatabaseWorker.h"
#include "ui/ChoiceBox.h"
#include "ui/FileDialog.h"
#include "ui/activity/CallDetailDialog.h"
#include "ui/activity/CallsTableModel.h"
#include "ui/dashboards/ReportTableModel.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDateEdit>
#include <QDir>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QProgressBar>
#include <QSaveFile>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QSvgGenerator>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

namespace Switchyard {

namespace {

QString chartId(DashboardsPage::Chart chart)
{
    switch (chart) {
    case DashboardsPage::Chart::Cost:
        return QStringLiteral("cost");
    case DashboardsPage::Chart::Tokens:
        return QStringLiteral("tokens");
    case DashboardsPage::Chart::Latency:
        return QStringLiteral("latency");
    case DashboardsPage::Chart::Outcomes:
        return QStringLiteral("outcomes");
    case DashboardsPage::Chart::Fallbacks:
        return QStringLiteral("fallbacks");
    case DashboardsPage::Chart::ApprovalByVersion:
        return QStringLiteral("approvalByVersion");
    case DashboardsPage::Chart::ApprovalByModel:
        return QStringLiteral("approvalByModel");
    case DashboardsPage::Chart::Breakers:
        return QStringLiteral("breakers");
    case DashboardsPage::Chart::Conversations:
        return QStringLiteral("conversations");
    case DashboardsPage::Chart::Budget:
        return QStringLiteral("budget");
    case DashboardsPage::Chart::Versions:
        return QStringLiteral("versions");
    }
    return {};
}

/// The charts of the grid (the version comparison is a table below it).
constexpr DashboardsPage::Chart allCharts[] = {DashboardsPage::Chart::Cost,
                                               DashboardsPage::Chart::Tokens,
                                               DashboardsPage::Chart::Latency,
                                               DashboardsPage::Chart::Outcomes,
                                               DashboardsPage::Chart::Fallbacks,
                                               DashboardsPage::Chart::ApprovalByVersion,
                                               DashboardsPage::Chart::ApprovalByModel,
                                               DashboardsPage::Chart::Breakers,
                                               DashboardsPage::Chart::Conversations,
                                               DashboardsPage::Chart::Budget};

/// A report key as a category label: groups without a bot or prompt have the key "".
QString categoryLabel(const QString &key)
{
    return key.isEmpty() ? DashboardsPage::tr("(none)") : key;
}

QList<QBarSet *> barSetsOf(QChartView *view)
{
    const auto series = view->chart()->series();
    const auto *bars = series.isEmpty() ? nullptr : qobject_cast<QAbstractBarSeries *>(series.first());
    return bars ? bars->barSets() : QList<QBarSet *>();
}

template <typename Row> QStringList keysOf(const QList<Row> &rows)
{
    QStringList keys;
    for (const Row &row : rows)
        keys << row.key;
    return keys;
}

QString percent(qint64 part, qint64 whole)
{
    return whole > 0 ? QLocale().toString(100.0 * double(part) / double(whole), 'f', 1) : QStringLiteral("-");
}

}  // namespace

DashboardsPage::DashboardsPage(Database &database, QWidget *parent)
    : QWidget(parent), m_database(database),
      m_worker(new DatabaseWorker(database, QStringLiteral("dashboardsWorker"), this)), m_queryTimer(new QTimer(this)),
      m_busy(new QProgressBar(this)), m_error(new QLabel(this)), m_drillLabel(new QLabel(this)),
      m_drillModel(new CallsTableModel(database, this)), m_drillView(new QTableView(this))
{
    createFilterBar();

    m_busy->setObjectName(QStringLiteral("dashboardsBusy"));
    m_busy->setRange(0, 0);  // busy: the reports give no progress
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_error->setObjectName(QStringLiteral("dashboardsError"));
    m_error->setWordWrap(true);
    m_error->hide();

    // Filter edits come in bursts (a date typed digit by digit): query once they pause.
    m_queryTimer->setSingleShot(true);
    m_queryTimer->setInterval(150);
    connect(m_queryTimer, &QTimer::timeout, this, &DashboardsPage::refresh);

    auto *charts = new QWidget;
    auto *grid = new QGridLayout(charts);
    int cell = 0;
    for (const Chart chart : allCharts) {
        auto *view = new QChartView(charts);
        view->setObjectName(chartId(chart) + QStringLiteral("ChartView"));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(360);  // room for rotated date labels
        view->setChart(new QChart);
        m_views.insert(chart, view);

        auto *box = new QVBoxLayout;
        box->addWidget(createExportButton(chart, charts), 0, Qt::AlignRight);
        box->addWidget(view, 1);
        if (chart == Chart::Budget) {
            // A bar per bot and day: it needs the whole width to be read.
            cell += cell % 2;
            grid->addLayout(box, cell / 2, 0, 1, 2);
            cell += 2;
        } else {
            grid->addLayout(box, cell / 2, cell % 2);
            ++cell;
        }
    }
    grid->addWidget(createVersionsSection(charts), (cell + 1) / 2, 0, 1, 2);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("dashboardsCharts"));
    scroll->setWidgetResizable(true);
    scroll->setWidget(charts);

    m_drillLabel->setObjectName(QStringLiteral("dashboardsDrillLabel"));
    m_drillLabel->setText(tr("Click a bar to list the calls behind it."));
    m_drillView->setObjectName(QStringLiteral("dashboardsDrillView"));
    m_drillView->setModel(m_drillModel);
    m_drillView->setSortingEnabled(true);
    m_drillView->horizontalHeader()->setSortIndicator(CallsTableModel::Time, Qt::DescendingOrder);
    m_drillView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_drillView->verticalHeader()->hide();
    m_drillView->setWordWrap(false);  // one line per call: rows stay short and equally high
    m_drillView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_drillView->horizontalHeader()->setStretchLastSection(true);
    connect(m_drillView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) { openCall(index.row()); });
    auto *drill = new QWidget;
    auto *drillLayout = new QVBoxLayout(drill);
    drillLayout->setContentsMargins(0, 0, 0, 0);
    drillLayout->addWidget(m_drillLabel);
    drillLayout->addWidget(m_drillView, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(scroll);
    splitter->addWidget(drill);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = qobject_cast<QVBoxLayout *>(this->layout());
    layout->addWidget(m_busy);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);
}

// A running report finishes first (in the worker's destructor); its answer is then dropped.
DashboardsPage::~DashboardsPage() = default;

QToolButton *DashboardsPage::createExportButton(Chart chart, QWidget *parent)
{
    auto *exportButton = new QToolButton(parent);
    exportButton->setObjectName(chartId(chart) + QStringLiteral("ExportButton"));
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    menu->addAction(tr("Image (PNG)…"), this, [this, chart] { exportChart(chart, ExportFormat::Png); });
    menu->addAction(tr("Vector image (SVG)…"), this, [this, chart] { exportChart(chart, ExportFormat::Svg); });
    menu->addAction(tr("Data (CSV)…"), this, [this, chart] { exportChart(chart, ExportFormat::Csv); });
    exportButton->setMenu(menu);
    return exportButton;
}

QWidget *DashboardsPage::createVersionsSection(QWidget *parent)
{
    auto *section = new QWidget(parent);
    m_versionPrompt = new QComboBox(section);
    m_versionPrompt->setObjectName(QStringLiteral("dashboardsVersionPrompt"));
    m_versionPrompt->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_versionPrompt->setMinimumContentsLength(20);
    connect(m_versionPrompt, &QComboBox::currentIndexChanged, this, &DashboardsPage::scheduleQuery);
    auto *label = new QLabel(tr("Compare the versions of &prompt:"), section);
    label->setBuddy(m_versionPrompt);

    m_versionsModel = new ReportTableModel(this);
    m_versionsView = new QTableView(section);
    m_versionsView->setObjectName(QStringLiteral("versionsTableView"));
    m_versionsView->setModel(m_versionsModel);
    m_versionsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_versionsView->verticalHeader()->hide();
    m_versionsView->setMinimumHeight(180);
    m_versionsView->setToolTip(tr("Double-click a version to list its calls."));
    connect(m_versionsView, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { drillDown(Chart::Versions, 0, index.row()); });

    auto *header = new QHBoxLayout;
    header->addWidget(label);
    header->addWidget(m_versionPrompt);
    header->addStretch(1);
    header->addWidget(createExportButton(Chart::Versions, section));
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_versionsView, 1);
    return section;
}

QString DashboardsPage::versionPrompt() const
{
    return m_versionPrompt->currentData().toString();
}

void DashboardsPage::setVersionPrompt(const QString &promptKey)
{
    int index = m_versionPrompt->findData(promptKey);
    if (index < 0) {
        m_versionPrompt->addItem(promptKey, promptKey);
        index = m_versionPrompt->count() - 1;
    }
    m_versionPrompt->setCurrentIndex(index);
    scheduleQuery();
}

void DashboardsPage::createFilterBar()
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const auto dateEdit = [this](const QString &name, const QDate &date) {
        auto *edit = new QDateEdit(date, this);
        edit->setObjectName(name);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        connect(edit, &QDateEdit::dateChanged, this, &DashboardsPage::scheduleQuery);
        return edit;
    };
    m_from = dateEdit(QStringLiteral("dashboardsFrom"), today.addDays(-29));
    m_to = dateEdit(QStringLiteral("dashboardsTo"), today);

    const auto combo = [this](const QString &name, const QString &any) {
        auto *box = new QComboBox(this);
        box->setObjectName(name);
        box->addItem(any, QVariant());
        // Long model ids must not widen the page: the popup shows them in full.
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(14);
        connect(box, &QComboBox::currentIndexChanged, this, &DashboardsPage::scheduleQuery);
        return box;
    };
    m_grouping = new QComboBox(this);
    m_grouping->setObjectName(QStringLiteral("dashboardsGrouping"));
    const QStringList groupingLabels = {tr("Provider"), tr("Model"), tr("Bot"),  tr("Prompt version"),
                                        tr("Day"),      tr("Week"),  tr("Month")};
    const QStringList names = ReportQuery::groupingNames();
    for (int i = 0; i < names.size() && i < groupingLabels.size(); ++i)
        m_grouping->addItem(groupingLabels.at(i), names.at(i));
    connect(m_grouping, &QComboBox::currentIndexChanged, this, &DashboardsPage::scheduleQuery);
    m_bot = combo(QStringLiteral("dashboardsBot"), tr("Any bot"));
    m_provider = combo(QStringLiteral("dashboardsProvider"), tr("Any provider"));
    m_model = combo(QStringLiteral("dashboardsModel"), tr("Any model"));
    m_prompt = combo(QStringLiteral("dashboardsPrompt"), tr("Any prompt"));

    const auto spin = [this](const QString &name, const QString &any) {
        auto *box = new QSpinBox(this);
        box->setObjectName(name);
        box->setRange(0, 1000000000);
        box->setSpecialValueText(any);  // shown for 0: no filter
        connect(box, &QSpinBox::valueChanged, this, &DashboardsPage::scheduleQuery);
        return box;
    };
    m_version = spin(QStringLiteral("dashboardsVersion"), tr("any version"));
    m_config = spin(QStringLiteral("dashboardsConfig"), tr("any config"));

    // Three rows of three filters: the page must fit a window 900 pixels wide.
    auto *bar = new QGridLayout;
    int field = 0;
    const auto add = [&](const QString &label, QWidget *widget) {
        auto *text = new QLabel(label, this);
        text->setBuddy(widget);
        bar->addWidget(text, field / 3, (field % 3) * 2);
        bar->addWidget(widget, field / 3, (field % 3) * 2 + 1);
        ++field;
    };
    add(tr("&From:"), m_from);
    add(tr("&To:"), m_to);
    add(tr("&Group by:"), m_grouping);
    add(tr("&Bot:"), m_bot);
    add(tr("&Provider:"), m_provider);
    add(tr("&Model:"), m_model);
    add(tr("P&rompt:"), m_prompt);
    add(tr("&Version:"), m_version);
    add(tr("&Config:"), m_config);
    bar->setColumnStretch(6, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
}

/// What the filter bar offers: every bot of the workspace, and the providers, models and prompts that have calls.
struct DashboardFilterChoices {
    QList<Choice> bots;
    CallLogChoices calls;
};

namespace {

Result<DashboardFilterChoices> readFilterChoices(Database &database)
{
    DashboardFilterChoices choices;
    auto bots = BotRepository(database).list();
    if (!bots)
        return bots.error();
    for (const Bot &bot : *bots)
        choices.bots.append({bot.slug, bot.id});
    auto calls = CallLogRepository(database).choices();
    if (!calls)
        return calls.error();
    choices.calls = std::move(*calls);
    return choices;
}

}  // namespace

void DashboardsPage::showChoices(const Result<DashboardFilterChoices> &choices)
{
    if (!choices) {
        showError(tr("Could not read the filter choices: %1").arg(choices.error().toString()));
        return;
    }
    refillChoices(m_bot, choices->bots);
    refillChoices(m_provider, choicesOf(choices->calls.providers));
    refillChoices(m_model, choicesOf(choices->calls.models));
    refillChoices(m_prompt, choicesOf(choices->calls.promptKeys));
    // The comparison always shows one prompt: the filter bar's when it names one, else the one chosen here, else the
    // first.
    const QString current = versionPrompt();
    const QSignalBlocker blocker(m_versionPrompt);
    m_versionPrompt->clear();
    for (const QString &key : choices->calls.promptKeys)
        m_versionPrompt->addItem(key, key);
    const QString wanted = m_prompt->currentData().toString();
    m_versionPrompt->setCurrentIndex(qMax(0, m_versionPrompt->findData(wanted.isEmpty() ? current : wanted)));
}

void DashboardsPage::reload()
{
    m_stale = true;
    if (!isVisible())
        return;
    m_stale = false;
    // The choices come from the rollups (a scan of report_daily, ~0.1 s at a million calls): read on the worker, and
    // the charts asked for once they are in, so the query sees the choices as they are now.
    ++m_pendingRequest;  // loading from now: an answer to the filters as they were is dropped
    m_busy->show();
    m_worker->run(readFilterChoices, [this](const Result<DashboardFilterChoices> &choices) {
        showChoices(choices);
        refresh();
    });
}

void DashboardsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

ReportQuery DashboardsPage::query() const
{
    ReportQuery query;
    query.from = m_from->date();
    query.to = m_to->date();
    if (auto grouping = ReportQuery::parseGrouping(m_grouping->currentData().toString()))
        query.groupBy = *grouping;
    if (m_bot->currentData().isValid())
        query.botId = m_bot->currentData().toLongLong();
    query.provider = m_provider->currentData().toString();
    query.model = m_model->currentData().toString();
    query.promptKey = m_prompt->currentData().toString();
    if (!query.promptKey.isEmpty() && m_version->value() > 0)
        query.promptVersion = m_version->value();
    if (m_config->value() > 0)
        query.configId = m_config->value();
    return query;
}

void DashboardsPage::setQuery(const ReportQuery &query)
{
    const auto select = [](QComboBox *box, const QVariant &value) {
        int index = value.isValid() ? box->findData(value) : 0;
        if (index < 0) {
            box->addItem(value.toString(), value);
            index = box->count() - 1;
        }
        box->setCurrentIndex(index);
    };
    if (query.from)
        m_from->setDate(*query.from);
    if (query.to)
        m_to->setDate(*query.to);
    m_grouping->setCurrentIndex(m_grouping->findData(ReportQuery::groupingName(query.groupBy)));
    select(m_bot, query.botId ? QVariant(*query.botId) : QVariant());
    select(m_provider, query.provider.isEmpty() ? QVariant() : QVariant(query.provider));
    select(m_model, query.model.isEmpty() ? QVariant() : QVariant(query.model));
    select(m_prompt, query.promptKey.isEmpty() ? QVariant() : QVariant(query.promptKey));
    m_version->setValue(query.promptVersion.value_or(0));
    m_config->setValue(int(query.configId.value_or(0)));
    scheduleQuery();
}

void DashboardsPage::scheduleQuery()
{
    m_version->setEnabled(m_prompt->currentIndex() > 0);
    // Choosing a prompt in the filter bar compares its versions.
    if (const QString prompt = m_prompt->currentData().toString();
        !prompt.isEmpty() && prompt != versionPrompt() && m_versionPrompt->findData(prompt) >= 0) {
        const QSignalBlocker blocker(m_versionPrompt);
        m_versionPrompt->setCurrentIndex(m_versionPrompt->findData(prompt));
    }
    m_queryTimer->start();
}

void DashboardsPage::refresh()
{
    m_queryTimer->stop();
    const ReportQuery query = this->query();
    if (auto valid = query.validate(); !valid) {
        showError(valid.error().message);
        return;
    }
    const quint64 request = ++m_pendingRequest;
    m_busy->show();
    const QString prompt = versionPrompt();
    m_worker->run([query, prompt](Database &database) { return DashboardData::load(database, query, prompt); },
                  [this, request](const Result<DashboardData> &data) { showData(request, data); });
}

void DashboardsPage::waitForQueries()
{
    m_worker->waitForIdle();
    m_drillModel->stopQueries();
}

void DashboardsPage::showData(quint64 request, const Result<DashboardData> &data)
{
    // Only the latest request's answer is shown; an older one arriving late is dropped.
    if (request != m_pendingRequest)
        return;
    m_shownRequest = request;
    m_busy->hide();
    if (!data) {
        showError(tr("Could not read the reports: %1").arg(data.error().toString()));
        return;
    }
    m_error->hide();
    m_data = *data;
    rebuildCharts();
    Q_EMIT loaded();
}

void DashboardsPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void DashboardsPage::setChart(Chart chart, QChart *content)
{
    QChartView *view = m_views.value(chart);
    QChart *old = view->chart();
    // Many layers (the cost chart stacks up to nine) leave no room for their names in a bottom row: Qt Charts then
    // elides them to nothing. A column on the right keeps every name readable.
    const bool manyEntries = content->legend()->markers().size() > 4;
    content->legend()->setAlignment(manyEntries ? Qt::AlignRight : Qt::AlignBottom);
    content->legend()->setShowToolTips(true);
    content->setAnimationOptions(QChart::NoAnimation);
    view->setChart(content);
    delete old;
}

void DashboardsPage::connectBars(Chart chart, const QList<QBarSet *> &sets,
                                 const std::function<QString(int set, int category)> &tooltip, bool drill)
{
    for (int s = 0; s < sets.size(); ++s) {
        connect(sets.at(s), &QBarSet::hovered, this, [this, tooltip, s](bool status, int index) {
            if (status)
                QToolTip::showText(QCursor::pos(), tooltip(s, index), this);
            else
                QToolTip::hideText();
        });
        if (drill)
            connect(sets.at(s), &QBarSet::clicked, this, [this, chart, s](int index) { drillDown(chart, s, index); });
    }
}

namespace {

/// @p labelFormat: printf-style, for the value axis ("%.2f" for dollars; whole numbers otherwise, never "1e+06").
QChart *barChart(const QString &title, QAbstractBarSeries *series, const QStringList &categories,
                 const QString &valueTitle, const QString &labelFormat = QStringLiteral("%.0f"))
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    QStringList labels;
    for (const QString &category : categories)
        labels << categoryLabel(category);
    axisX->append(labels);
    if (categories.size() > 8)
        axisX->setLabelsAngle(-60);  // dates and model ids stay readable instead of "…"
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setTitleText(valueTitle);
    axisY->setLabelFormat(labelFormat);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    return chart;
}

}  // namespace

void DashboardsPage::rebuildCharts()
{
    const QLocale locale;
    const DashboardData &data = m_data;

    {  // Cost over time, stacked by the grouping.
        auto *series = new QStackedBarSeries;
        QList<QBarSet *> sets;
        const bool single = data.costSeries.size() == 1 && data.costSeries.first().key.isEmpty();
        for (const DashboardData::CostSeries &layer : data.costSeries) {
            auto *set = new QBarSet(layer.key.isEmpty() ? (single ? tr("all calls") : tr("other")) : layer.key);
            for (const qint64 micro : layer.microUsd)
                set->append(double(micro) / double(MicroUsd::PerDollar));
            series->append(set);
            sets << set;
        }
        setChart(Chart::Cost,
                 barChart(tr("Cost over time (USD)"), series, data.timeKeys, tr("USD"), QStringLiteral("%.2f")));
        connectBars(Chart::Cost, sets, [this](int s, int c) {
            const DashboardData::CostSeries &layer = m_data.costSeries.value(s);
            return tr("%1 · %2: $%3")
                .arg(categoryLabel(m_data.timeKeys.value(c)), layer.key.isEmpty() ? tr("other") : layer.key,
                     MicroUsd::decimal(layer.microUsd.value(c)));
        });
    }
    {  // Tokens over time by kind.
        auto *series = new QStackedBarSeries;
        const QStringList kinds = {tr("input"), tr("cached input"), tr("output"), tr("reasoning")};
        QList<QBarSet *> sets;
        for (const QString &kind : kinds) {
            auto *set = new QBarSet(kind);
            series->append(set);
            sets << set;
        }
        for (const CostRow &row : data.costsByTime) {
            sets[0]->append(double(row.tokens.input));
            sets[1]->append(double(row.tokens.cachedInput));
            sets[2]->append(double(row.tokens.output));
            sets[3]->append(double(row.tokens.reasoning));
        }
        setChart(Chart::Tokens, barChart(tr("Tokens over time"), series, data.timeKeys, tr("tokens")));
        connectBars(Chart::Tokens, sets, [this, kinds, locale](int s, int c) {
            const CostRow row = m_data.costsByTime.value(c);
            const qint64 values[] = {row.tokens.input, row.tokens.cachedInput, row.tokens.output, row.tokens.reasoning};
            return tr("%1 · %2: %3 tokens").arg(row.key, kinds.value(s), locale.toString(values[qBound(0, s, 3)]));
        });
    }
    {  // Latency percentiles and time to first token per model.
        auto *series = new QBarSeries;
        const QStringList names = {tr("p50"), tr("p95"), tr("p99"), tr("TTFT p50")};
        QList<QBarSet *> sets;
        for (const QString &name : names) {
            auto *set = new QBarSet(name);
            series->append(set);
            sets << set;
        }
        for (const LatencyRow &row : data.latencyByModel) {
            sets[0]->append(double(row.total.p50.value_or(0)));
            sets[1]->append(double(row.total.p95.value_or(0)));
            sets[2]->append(double(row.total.p99.value_or(0)));
            sets[3]->append(double(row.timeToFirstToken.p50.value_or(0)));
        }
        const QStringList keys = keysOf(data.latencyByModel);
        setChart(Chart::Latency, barChart(tr("Latency per model (ms)"), series, keys, tr("ms")));
        connectBars(Chart::Latency, sets, [this, names, locale](int s, int c) {
            const LatencyRow row = m_data.latencyByModel.value(c);
            const LatencyFigures &figures = s == 3 ? row.timeToFirstToken : row.total;
            const std::optional<qint64> value = s == 0 || s == 3 ? figures.p50 : s == 1 ? figures.p95 : figures.p99;
            return tr("%1 · %2: %3 ms over %4 calls")
                .arg(row.key, names.value(s), value ? locale.toString(*value) : QStringLiteral("-"),
                     locale.toString(figures.count));
        });
    }
    {  // Outcomes: answered calls and failed ones by error class.
        QStringList classes;
        for (const FallbackRow &row : data.fallbacksByGroup) {
            for (auto it = row.errorClasses.cbegin(); it != row.errorClasses.cend(); ++it) {
                const QString name = it.key().isEmpty() ? tr("unknown") : it.key();
                if (!classes.contains(name))
                    classes << name;
            }
        }
        classes.sort();
        auto *series = new QStackedBarSeries;
        QList<QBarSet *> sets;
        sets << new QBarSet(tr("answered"));
        for (const QString &name : classes)
            sets << new QBarSet(name);
        for (const FallbackRow &row : data.fallbacksByGroup) {
            sets[0]->append(double(row.okCalls));
            QMap<QString, qint64> byName;
            for (auto it = row.errorClasses.cbegin(); it != row.errorClasses.cend(); ++it)
                byName[it.key().isEmpty() ? tr("unknown") : it.key()] += it.value();
            for (int i = 0; i < classes.size(); ++i)
                sets[i + 1]->append(double(byName.value(classes.at(i))));
        }
        for (QBarSet *set : sets)
            series->append(set);
        const QStringList keys = keysOf(data.fallbacksByGroup);
        setChart(Chart::Outcomes, barChart(tr("Success and errors"), series, keys, tr("calls")));
        connectBars(Chart::Outcomes, sets, [this, sets](int s, int c) {
            const FallbackRow row = m_data.fallbacksByGroup.value(c);
            const qint64 value = qint64(sets.value(s)->at(c));
            return tr("%1 · %2: %3 of %4 calls (%5%)")
                .arg(categoryLabel(row.key), sets.value(s)->label())
                .arg(value)
                .arg(row.calls)
                .arg(percent(value, row.calls));
        });
    }
    {  // Which hop served the answered calls.
        QList<int> hops;
        for (const FallbackRow &row : data.fallbacksByGroup) {
            for (auto it = row.servedByHop.cbegin(); it != row.servedByHop.cend(); ++it) {
                if (!hops.contains(it.key()))
                    hops << it.key();
            }
        }
        std::sort(hops.begin(), hops.end());
        m_fallbackHops = hops;
        auto *series = new QStackedBarSeries;
        QList<QBarSet *> sets;
        for (const int hop : hops) {
            auto *set = new QBarSet(hop == 0 ? tr("first hop") : tr("fallback hop %1").arg(hop + 1));
            for (const FallbackRow &row : data.fallbacksByGroup)
                set->append(double(row.servedByHop.value(hop)));
            series->append(set);
            sets << set;
        }
        const QStringList keys = keysOf(data.fallbacksByGroup);
        setChart(Chart::Fallbacks, barChart(tr("Which hop answered"), series, keys, tr("calls")));
        connectBars(Chart::Fallbacks, sets, [this, hops](int s, int c) {
            const FallbackRow row = m_data.fallbacksByGroup.value(c);
            const qint64 value = row.servedByHop.value(hops.value(s));
            return tr("%1 · hop %2: %3 of %4 answered calls; fallback rate %5%")
                .arg(categoryLabel(row.key))
                .arg(hops.value(s) + 1)
                .arg(value)
                .arg(row.okCalls)
                .arg(percent(row.fallbackCalls(), row.calls));
        });
    }
    const auto approval = [&](Chart chart, const QString &title, const QList<QualityRow> &rows,
                              QList<QualityRow> DashboardData::*member) {
        auto *series = new QBarSeries;
        auto *set = new QBarSet(tr("approval %"));
        for (const QualityRow &row : rows)
            set->append(row.approvalRate().value_or(0.0) * 100.0);
        series->append(set);
        const QStringList keys = keysOf(rows);
        setChart(chart, barChart(title, series, keys, tr("%")));
        connectBars(chart, {set}, [this, member](int, int c) {
            const QualityRow row = (m_data.*member).value(c);
            return tr("%1: %2 up, %3 down (%4% approval) over %5 calls")
                .arg(categoryLabel(row.key))
                .arg(row.up)
                .arg(row.down)
                .arg(percent(row.up, row.up + row.down))
                .arg(row.calls);
        });
    };
    approval(Chart::ApprovalByVersion, tr("Approval per prompt version"), data.qualityByVersion,
             &DashboardData::qualityByVersion);
    approval(Chart::ApprovalByModel, tr("Approval per model"), data.qualityByModel, &DashboardData::qualityByModel);
    rebuildNewerCharts();
}

void DashboardsPage::rebuildNewerCharts()
{
    const QLocale locale;
    const DashboardData &data = m_data;
    const auto dollars = [](qint64 micros) {
        return double(micros) / double(MicroUsd::PerDollar);
    };

    {  // Breaker opens over time, stacked by breaker.
        QStringList keys, targets;
        for (const BreakerRow &row : data.breakersByTime) {
            if (!keys.contains(row.key))
                keys << row.key;
            const QString target = row.provider + QLatin1Char('/') + row.model;
            if (!targets.contains(target))
                targets << target;
        }
        keys.sort();
        targets.sort();
        auto *series = new QStackedBarSeries;
        QList<QBarSet *> sets;
        for (const QString &target : targets) {
            auto *set = new QBarSet(target);
            QList<qreal> values(keys.size(), 0.0);
            for (const BreakerRow &row : data.breakersByTime) {
                if (row.provider + QLatin1Char('/') + row.model == target)
                    values[keys.indexOf(row.key)] += double(row.opens + row.forcedOpens);
            }
            set->append(values);
            series->append(set);
            sets << set;
        }
        setChart(Chart::Breakers,
                 barChart(tr("Circuit breakers opened (provider and model filters)"), series, keys, tr("opens")));
        connectBars(
            Chart::Breakers, sets,
            [this, keys, targets](int s, int c) {
                qint64 opens = 0, forced = 0;
                for (const BreakerRow &row : m_data.breakersByTime) {
                    if (row.key == keys.value(c) && row.provider + QLatin1Char('/') + row.model == targets.value(s)) {
                        opens += row.opens;
                        forced += row.forcedOpens;
                    }
                }
                return tr("%1 · %2: opened %3 times by the engine, forced open %4 times")
                    .arg(keys.value(c), targets.value(s))
                    .arg(opens)
                    .arg(forced);
            },
            false);
    }
    {  // Cost per conversation and per answered message.
        auto *series = new QBarSeries;
        const QStringList names = {tr("mean / conversation"), tr("median / conversation"), tr("mean / message"),
                                   tr("median / message")};
        QList<QBarSet *> sets;
        for (const QString &name : names) {
            auto *set = new QBarSet(name);
            series->append(set);
            sets << set;
        }
        for (const ConversationCostRow &row : data.conversations) {
            sets[0]->append(row.sessions > 0 ? dollars(row.costMicroUsd) / double(row.sessions) : 0.0);
            sets[1]->append(dollars(row.medianSessionMicroUsd.value_or(0)));
            sets[2]->append(row.messages > 0 ? dollars(row.costMicroUsd) / double(row.messages) : 0.0);
            sets[3]->append(dollars(row.medianMessageMicroUsd.value_or(0)));
        }
        setChart(Chart::Conversations, barChart(tr("Cost per conversation and per message (USD)"), series,
                                                keysOf(data.conversations), tr("USD"), QStringLiteral("%.4f")));
        connectBars(
            Chart::Conversations, sets,
            [this, names](int s, int c) {
                const ConversationCostRow row = m_data.conversations.value(c);
                const ReportTable table = ReportTable::conversations({row}, m_data.query.groupBy);
                // The exact figures of the CSV: mean and median per conversation, then per message.
                const int column = 5 + qBound(0, s, 3);
                return tr("%1 · %2: $%3 (%4 conversations, %5 messages, $%6 in all)")
                    .arg(categoryLabel(row.key), names.value(s), ReportTable::text(table.rows.value(0).value(column)))
                    .arg(row.sessions)
                    .arg(row.messages)
                    .arg(MicroUsd::decimal(row.costMicroUsd));
            },
            false);
    }
    {  // Daily spend per bot against its budget: bars for the spend, a line per bot for its limit.
        QStringList days, bots;
        for (const BudgetUseRow &row : data.budgetUse) {
            if (!days.contains(row.day))
                days << row.day;
            if (!bots.contains(row.bot))
                bots << row.bot;
        }
        days.sort();
        m_budgetDays = days;
        m_budgetBots = bots;
        auto *series = new QBarSeries;
        series->setBarWidth(0.9);  // a month of days times several bots: every pixel of width counts
        QList<QBarSet *> sets;
        QList<QLineSeries *> limits;
        for (const QString &bot : bots) {
            auto *set = new QBarSet(bot);
            QList<qreal> values(days.size(), 0.0);
            std::optional<qint64> limit;
            for (const BudgetUseRow &row : data.budgetUse) {
                if (row.bot != bot)
                    continue;
                values[days.indexOf(row.day)] = dollars(row.costMicroUsd);
                limit = row.maxCostMicroUsd;
            }
            set->append(values);
            series->append(set);
            sets << set;
            if (limit && !days.isEmpty()) {
                auto *line = new QLineSeries;
                line->setName(tr("%1 daily limit").arg(bot));
                // Across the whole bar group of each day: from the first category's left edge to the last's right.
                line->append(-0.5, dollars(*limit));
                line->append(double(days.size()) - 0.5, dollars(*limit));
                limits << line;
            }
        }
        QChart *chart =
            barChart(bots.isEmpty() ? tr("Budget use (no bot has a daily budget)") : tr("Daily spend against budget"),
                     series, days, tr("USD"), QStringLiteral("%.2f"));
        for (int i = 0; i < limits.size(); ++i) {
            QLineSeries *line = limits.at(i);
            chart->addSeries(line);
            for (QAbstractAxis *axis : chart->axes())
                line->attachAxis(axis);
            QPen pen(sets.value(i) ? sets.value(i)->color() : QColor(Qt::red));
            for (QBarSet *set : std::as_const(sets)) {
                if (line->name() == tr("%1 daily limit").arg(set->label()))
                    pen.setColor(set->color().darker(140));
            }
            pen.setWidth(2);
            pen.setStyle(Qt::DashLine);
            line->setPen(pen);
            connect(line, &QLineSeries::hovered, this, [this, line](const QPointF &, bool state) {
                if (state)
                    QToolTip::showText(QCursor::pos(), line->name(), this);
                else
                    QToolTip::hideText();
            });
        }
        // The limits must stay in view even on days far below them.
        if (auto *axisY = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0))) {
            qreal top = axisY->max();
            for (QLineSeries *line : std::as_const(limits))
                top = qMax(top, line->at(0).y() * 1.1);
            axisY->setMax(top);
        }
        setChart(Chart::Budget, chart);
        connectBars(Chart::Budget, sets, [this, locale](int s, int c) {
            const QString bot = m_budgetBots.value(s);
            const QString day = m_budgetDays.value(c);
            BudgetUseRow row;
            for (const BudgetUseRow &candidate : m_data.budgetUse) {
                if (candidate.bot == bot && candidate.day == day)
                    row = candidate;
            }
            QString text =
                tr("%1 · %2: $%3 over %4 calls").arg(bot, day, MicroUsd::decimal(row.costMicroUsd)).arg(row.calls);
            if (row.maxCostMicroUsd) {
                text +=
                    tr("; %1% of the $%2 daily limit")
                        .arg(percent(row.costMicroUsd, *row.maxCostMicroUsd), MicroUsd::decimal(*row.maxCostMicroUsd));
            }
            if (row.maxTokens) {
                text += tr("; %1 of %2 tokens (%3%)")
                            .arg(locale.toString(row.tokens), locale.toString(*row.maxTokens),
                                 percent(row.tokens, *row.maxTokens));
            }
            return row.overBudget() ? tr("%1 — over budget").arg(text) : text;
        });
    }
    m_versionsModel->setTable(table(Chart::Versions));
    m_versionsView->resizeColumnsToContents();
}

ReportTable DashboardsPage::table(Chart chart) const
{
    switch (chart) {
    case Chart::Cost:
        return ReportTable::costs(m_data.costsByGroup, m_data.query.groupBy);
    case Chart::Tokens:
        return ReportTable::costs(m_data.costsByTime, m_data.timeBucket);
    case Chart::Latency:
        return ReportTable::latency(m_data.latencyByModel, ReportGrouping::Model);
    case Chart::Outcomes:
    case Chart::Fallbacks:
        return ReportTable::fallbacks(m_data.fallbacksByGroup, m_data.query.groupBy);
    case Chart::ApprovalByVersion:
        return ReportTable::quality(m_data.qualityByVersion, ReportGrouping::Version);
    case Chart::ApprovalByModel:
        return ReportTable::quality(m_data.qualityByModel, ReportGrouping::Model);
    case Chart::Breakers:
        return ReportTable::breakers(m_data.breakersByTime, m_data.timeBucket);
    case Chart::Conversations:
        return ReportTable::conversations(m_data.conversations, m_data.query.groupBy);
    case Chart::Budget:
        return ReportTable::budgets(m_data.budgetUse);
    case Chart::Versions:
        return ReportTable::versions(m_data.versions);
    }
    return {};
}

bool DashboardsPage::exportChart(Chart chart, ExportFormat format)
{
    QString filter;
    QString suffix;
    switch (format) {
    case ExportFormat::Png:
        filter = tr("PNG images (*.png)");
        suffix = QStringLiteral(".png");
        break;
    case ExportFormat::Svg:
        filter = tr("SVG images (*.svg)");
        suffix = QStringLiteral(".svg");
        break;
    case ExportFormat::Csv:
        filter = tr("CSV files (*.csv)");
        suffix = QStringLiteral(".csv");
        break;
    }
    const QString path = FileDialog::instance().getSaveFileName(this, tr("Export Chart"),
                                                                QDir::home().filePath(chartId(chart) + suffix), filter);
    if (path.isEmpty())
        return false;
    const QString where = QDir::toNativeSeparators(path);
    QWidget *view = chart == Chart::Versions ? static_cast<QWidget *>(m_versionsView) : m_views.value(chart);
    bool written = false;
    switch (format) {
    case ExportFormat::Png:
        written = view->grab().save(path, "PNG");
        break;
    case ExportFormat::Svg: {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(view->size());
        generator.setViewBox(view->rect());
        generator.setTitle(chart == Chart::Versions ? tr("Versions of %1").arg(m_data.versionPrompt)
                                                    : m_views.value(chart)->chart()->title());
        QPainter painter;
        written = painter.begin(&generator);
        if (written) {
            view->render(&painter);
            written = painter.end();
        }
        break;
    }
    case ExportFormat::Csv: {
        QSaveFile file(path);
        written = file.open(QIODevice::WriteOnly | QIODevice::Text) && file.write(table(chart).toCsv().toUtf8()) >= 0 &&
                  file.commit();
        break;
    }
    }
    if (!written) {
        showError(
            tr("Could not write %1. Check that the folder exists and is writable, then export again.").arg(where));
        return false;
    }
    m_error->hide();
    return true;
}

void DashboardsPage::drillDown(Chart chart, int set, int category)
{
    CallLogFilter filter;
    filter.report = m_data.query;
    QString what;
    switch (chart) {
    case Chart::Cost: {
        const DashboardData::CostSeries layer = m_data.costSeries.value(set);
        filter.report = layer.query;
        filter.bucket = m_data.timeKeys.value(category);
        what = layer.key.isEmpty() ? *filter.bucket : tr("%1 · %2").arg(*filter.bucket, layer.key);
        break;
    }
    case Chart::Tokens:
        filter.report.groupBy = m_data.timeBucket;
        filter.bucket = m_data.timeKeys.value(category);
        what = *filter.bucket;
        break;
    case Chart::Latency:
        filter.report.groupBy = ReportGrouping::Model;
        filter.bucket = m_data.latencyByModel.value(category).key;
        filter.status = QStringLiteral("ok");  // the latency report covers answered calls
        what = tr("answered calls of %1").arg(*filter.bucket);
        break;
    case Chart::Outcomes: {
        filter.bucket = m_data.fallbacksByGroup.value(category).key;
        const QList<QBarSet *> sets = barSetsOf(m_views.value(chart));
        const QString layer = sets.value(set) ? sets.value(set)->label() : QString();
        if (set == 0) {
            filter.status = QStringLiteral("ok");
        } else {
            // The layers of failed calls are named by error class; calls without one are "unknown" (as in the CLI).
            filter.failedWithClass = layer == tr("unknown") ? QString() : layer;
        }
        what = tr("%1 · %2").arg(categoryLabel(*filter.bucket), layer);
        break;
    }
    case Chart::Fallbacks: {
        filter.bucket = m_data.fallbacksByGroup.value(category).key;
        filter.servedByHop = m_fallbackHops.value(set);
        const QList<QBarSet *> sets = barSetsOf(m_views.value(chart));
        what = tr("%1 · %2").arg(categoryLabel(*filter.bucket), sets.value(set) ? sets.value(set)->label() : QString());
        break;
    }
    case Chart::ApprovalByVersion:
        filter.report.groupBy = ReportGrouping::Version;
        filter.bucket = m_data.qualityByVersion.value(category).key;
        what = categoryLabel(*filter.bucket);
        break;
    case Chart::ApprovalByModel:
        filter.report.groupBy = ReportGrouping::Model;
        filter.bucket = m_data.qualityByModel.value(category).key;
        what = categoryLabel(*filter.bucket);
        break;
    case Chart::Versions: {
        if (category < 0 || category >= m_data.versions.size())
            return;
        const int version = m_data.versions.at(category).version;
        filter.report = DashboardData::versionQuery(m_data.query, m_data.versionPrompt);
        filter.bucket =
            version > 0 ? QStringLiteral("%1@%2").arg(m_data.versionPrompt).arg(version) : m_data.versionPrompt;
        what = *filter.bucket;
        break;
    }
    case Chart::Budget: {
        // A budget counts every call of its bot that day, whatever the other filters say.
        const QString slug = m_budgetBots.value(set);
        auto bot = BotRepository(m_database).bySlug(slug);
        if (!bot || category < 0 || category >= m_budgetDays.size())
            return;
        filter.report = ReportQuery{};
        filter.report.botId = bot->id;
        filter.report.groupBy = ReportGrouping::Day;
        filter.bucket = m_budgetDays.at(category);
        what = tr("%1 · %2").arg(slug, *filter.bucket);
        break;
    }
    case Chart::Breakers:
    case Chart::Conversations:
        return;  // their bars are not sets of calls
    }
    m_drillModel->setFilter(filter);
    // Counting a bucket scans its calls (tens of milliseconds on a large log): the worker does it, in order after
    // any report it runs, on its own connection.
    const quint64 request = ++m_drillRequest;
    m_drillCount = 0;
    m_drillLabel->setText(tr("Counting the calls in %1…").arg(what));
    m_worker->run([filter](Database &database) { return CallLogRepository(database).count(filter); },
                  [this, request, what](const Result<qint64> &count) { showDrillCount(request, count, what); });
}

void DashboardsPage::showDrillCount(quint64 request, const Result<qint64> &count, const QString &what)
{
    if (request != m_drillRequest)
        return;
    m_drillCount = count ? *count : 0;
    m_drillLabel->setText(
        count ? tr("%1 calls in %2 (double-click a call for its attempt path)").arg(QLocale().toString(*count), what)
              : tr("Could not count the calls: %1").arg(count.error().toString()));
    Q_EMIT drillCounted();
}

CallDetailDialog *DashboardsPage::openCall(int row)
{
    return CallDetailDialog::openFor(m_database, m_drillModel->callId(row), this);
}

}  // namespace Switchyard
