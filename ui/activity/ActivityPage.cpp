#include "ui/activity/ActivityPage.h"

#include "ui/ChoiceBox.h"
#include "ui/activity/CallDetailDialog.h"
#include "ui/activity/CallsTableModel.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QShowEvent>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Switchyard {

namespace {

/// m_period's data for the custom range; positive values are "the last N days", 0 is any time.
constexpr int CustomPeriod = -1;

QDate todayUtc()
{
    return QDateTime::currentDateTimeUtc().date();
}

}  // namespace

ActivityPage::ActivityPage(Database &database, QWidget *parent)
    : QWidget(parent), m_database(database), m_model(new CallsTableModel(database, this)), m_count(new QLabel(this)),
      m_busy(new QProgressBar(this)), m_view(new QTableView(this)), m_error(new QLabel(this)),
      m_searchTimer(new QTimer(this))
{
    QLayout *filterBar = createFilterBar();

    m_count->setObjectName(QStringLiteral("activityCount"));
    m_busy->setObjectName(QStringLiteral("activityBusy"));
    m_busy->setRange(0, 0);  // busy: a query gives no progress
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    // The table must not jump by the bar's height each time a query starts and ends.
    QSizePolicy busyPolicy = m_busy->sizePolicy();
    busyPolicy.setRetainSizeWhenHidden(true);
    m_busy->setSizePolicy(busyPolicy);
    m_busy->hide();
    m_error->setObjectName(QStringLiteral("activityError"));
    m_error->setWordWrap(true);
    m_error->hide();

    m_view->setObjectName(QStringLiteral("activityView"));
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(CallsTableModel::Time, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);  // one line per call: rows stay short and equally high
    // Fixed row heights keep the view from measuring every row: scrolling stays cheap with many calls.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) { openCall(index.row()); });

    connect(m_model, &CallsTableModel::loadingChanged, this, &ActivityPage::updateState);
    connect(m_model, &CallsTableModel::countChanged, this, &ActivityPage::updateState);
    connect(m_model, &CallsTableModel::loadFailed, this, &ActivityPage::showError);

    createActions();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterBar);
    layout->addWidget(m_busy);
    layout->addWidget(m_error);
    layout->addWidget(m_view, 1);
    updatePeriod();
    updateState();
}

QLayout *ActivityPage::createFilterBar()
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("activityFilter"));
    m_search->setPlaceholderText(tr("Search call id, bot, prompt, provider, model or error class (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    // Typing re-queries the database: wait for a pause instead of querying on every key; Enter does not wait.
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(250);
    connect(m_searchTimer, &QTimer::timeout, this, &ActivityPage::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &ActivityPage::applyFilter);

    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("activityPeriod"));
    m_period->addItem(tr("Any time"), 0);
    m_period->addItem(tr("Today (UTC)"), 1);
    m_period->addItem(tr("Last 7 days"), 7);
    m_period->addItem(tr("Last 30 days"), 30);
    m_period->addItem(tr("Last 90 days"), 90);
    m_period->addItem(tr("Custom range"), CustomPeriod);
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        updatePeriod();
        applyFilter();
    });

    const QDate today = todayUtc();
    const auto dateEdit = [this](const QString &name, const QDate &date) {
        auto *edit = new QDateEdit(date, this);
        edit->setObjectName(name);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        // A date typed digit by digit passes through other dates: the search pause covers the burst.
        connect(edit, &QDateEdit::dateChanged, m_searchTimer, qOverload<>(&QTimer::start));
        return edit;
    };
    m_from = dateEdit(QStringLiteral("activityFrom"), today.addDays(-29));
    m_to = dateEdit(QStringLiteral("activityTo"), today);

    const auto combo = [this](const QString &name, const QString &any) {
        auto *box = new QComboBox(this);
        box->setObjectName(name);
        box->addItem(any, QVariant());
        // Long model ids must not widen the page (it fits a window 900 pixels wide): the popup shows them in full.
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
        connect(box, &QComboBox::currentIndexChanged, this, &ActivityPage::applyFilter);
        return box;
    };
    m_bot = combo(QStringLiteral("activityBot"), tr("Any bot"));
    m_provider = combo(QStringLiteral("activityProvider"), tr("Any provider"));
    m_modelFilter = combo(QStringLiteral("activityModel"), tr("Any model"));
    m_status = combo(QStringLiteral("activityStatus"), tr("Any status"));
    {
        const QSignalBlocker blocker(m_status);
        m_status->addItem(tr("Answered"), QStringLiteral("ok"));
        m_status->addItem(tr("Failed"), QStringLiteral("failed"));
        m_status->addItem(tr("Cancelled"), QStringLiteral("cancelled"));
    }
    m_errorClass = combo(QStringLiteral("activityErrorClass"), tr("Any error class"));

    auto *search = new QHBoxLayout;
    search->addWidget(m_search, 1);
    search->addWidget(m_period);
    m_fromLabel = new QLabel(tr("&From:"), this);
    m_fromLabel->setBuddy(m_from);
    m_toLabel = new QLabel(tr("&To:"), this);
    m_toLabel->setBuddy(m_to);
    search->addWidget(m_fromLabel);
    search->addWidget(m_from);
    search->addWidget(m_toLabel);
    search->addWidget(m_to);

    auto *choices = new QHBoxLayout;
    for (QComboBox *box : {m_bot, m_provider, m_modelFilter, m_status, m_errorClass})
        choices->addWidget(box);
    choices->addStretch(1);
    choices->addWidget(m_count);

    auto *bar = new QVBoxLayout;
    bar->addLayout(search);
    bar->addLayout(choices);
    return bar;
}

void ActivityPage::createActions()
{
    m_find = new QAction(tr("&Find Calls"), this);
    m_find->setObjectName(QStringLiteral("activityFindAction"));
    m_find->setShortcut(QKeySequence::Find);
    m_find->setStatusTip(tr("Go to the search box of the call log"));
    connect(m_find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    m_reload = new QAction(tr("&Reload Calls"), this);
    m_reload->setObjectName(QStringLiteral("activityReloadAction"));
    m_reload->setShortcut(QKeySequence(Qt::Key_F5));
    m_reload->setStatusTip(tr("Read the recorded calls again, with calls recorded since"));
    connect(m_reload, &QAction::triggered, this, &ActivityPage::reload);

    // Only while the page has focus: other pages have their own meaning for these keys.
    for (QAction *action : {m_find, m_reload}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }

    m_openCall = new QAction(tr("&Open Call"), this);
    m_openCall->setObjectName(QStringLiteral("activityOpenCallAction"));
    m_openCall->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_openCall->setStatusTip(tr("Show the selected call with its attempts, prompt and conversation"));
    // Enter belongs to the table: in the search box it applies the search at once instead.
    m_openCall->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_openCall);
    connect(m_openCall, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            openCall(current.row());
    });
}

void ActivityPage::reload()
{
    // The choices come from the rollups (small); they share the pages' worker and arrive before the first page.
    m_model->pageWorker()->runLatest(
        m_choicesRequests.next(), [](Database &db) { return CallLogRepository(db).choices(); },
        [this](const Result<CallLogChoices> &choices) {
            if (choices)
                showChoices(*choices);
            else
                showError(tr("Could not read the filter choices: %1").arg(choices.error().toString()));
        });
    applyFilter();
}

void ActivityPage::waitForQueries()
{
    m_choicesRequests.cancel();
    m_model->stopQueries();
}

void ActivityPage::showChoices(const CallLogChoices &choices)
{
    QList<Choice> bots;
    for (const CallLogChoices::Bot &bot : choices.bots)
        bots.append({bot.slug, bot.id});
    bool changed = refillChoices(m_bot, bots);
    changed = refillChoices(m_provider, choicesOf(choices.providers)) || changed;
    changed = refillChoices(m_modelFilter, choicesOf(choices.models)) || changed;
    changed = refillChoices(m_errorClass, choicesOf(choices.errorClasses)) || changed;
    // A chosen bot, provider, model or error class that no call has any more: list without it.
    if (changed)
        applyFilter();
}

CallLogFilter ActivityPage::filter() const
{
    CallLogFilter filter;
    filter.text = m_search->text().trimmed();
    const int period = m_period->currentData().toInt();
    if (period == CustomPeriod) {
        filter.report.from = m_from->date();
        filter.report.to = m_to->date();
    } else if (period > 0) {
        // Days are UTC days, as in the reports.
        filter.report.from = todayUtc().addDays(1 - period);
    }
    if (const QVariant bot = m_bot->currentData(); bot.isValid())
        filter.report.botId = bot.toLongLong();
    filter.provider = m_provider->currentData().toString();
    filter.report.model = m_modelFilter->currentData().toString();
    filter.status = m_status->currentData().toString();
    if (const QVariant errorClass = m_errorClass->currentData(); errorClass.isValid())
        filter.failedWithClass = errorClass.toString();
    return filter;
}

void ActivityPage::applyFilter()
{
    m_searchTimer->stop();
    const CallLogFilter filter = this->filter();
    if (auto valid = filter.report.validate(); !valid) {
        showError(valid.error().message);
        return;
    }
    m_error->hide();
    m_model->setFilter(filter);
}

void ActivityPage::updatePeriod()
{
    // The custom range's dates only show while it is chosen.
    const bool custom = m_period->currentData().toInt() == CustomPeriod;
    for (QWidget *widget : {static_cast<QWidget *>(m_fromLabel), static_cast<QWidget *>(m_from),
                            static_cast<QWidget *>(m_toLabel), static_cast<QWidget *>(m_to)})
        widget->setVisible(custom);
}

void ActivityPage::updateState()
{
    m_busy->setVisible(m_model->isLoading());
    if (m_model->isCounting())
        m_count->setText(tr("Counting…"));
    else if (m_model->totalCount() == 1)
        m_count->setText(tr("1 call"));
    else if (m_model->totalCount() >= 0)
        m_count->setText(tr("%1 calls").arg(QLocale().toString(m_model->totalCount())));
    else
        m_count->clear();
}

void ActivityPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void ActivityPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!event->spontaneous())
        reload();
}

CallDetailDialog *ActivityPage::openCall(int row)
{
    return CallDetailDialog::openFor(m_database, m_model->callId(row), this);
}

}  // namespace Switchyard
