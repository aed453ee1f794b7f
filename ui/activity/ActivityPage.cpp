#include "ui/activity/ActivityPage.h"

#include "ui/activity/CallDetailDialog.h"
#include "ui/activity/CallsTableModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QShowEvent>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Switchyard {

ActivityPage::ActivityPage(Database &database, QWidget *parent)
    : QWidget(parent), m_database(database), m_model(new CallsTableModel(database, this)),
      m_filter(new QLineEdit(this)), m_status(new QComboBox(this)), m_provider(new QComboBox(this)),
      m_view(new QTableView(this)), m_error(new QLabel(this)), m_filterTimer(new QTimer(this))
{
    m_filter->setObjectName(QStringLiteral("activityFilter"));
    m_filter->setPlaceholderText(tr("Filter by call id, bot, prompt, provider, model or error class"));
    m_filter->setClearButtonEnabled(true);

    m_status->setObjectName(QStringLiteral("activityStatus"));
    m_status->addItem(tr("Any status"), QString());
    m_status->addItem(tr("Answered"), QStringLiteral("ok"));
    m_status->addItem(tr("Failed"), QStringLiteral("failed"));
    m_status->addItem(tr("Cancelled"), QStringLiteral("cancelled"));

    m_provider->setObjectName(QStringLiteral("activityProvider"));
    m_provider->addItem(tr("Any provider"), QString());

    m_error->setObjectName(QStringLiteral("activityError"));
    m_error->setWordWrap(true);
    m_error->hide();

    m_view->setObjectName(QStringLiteral("activityView"));
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(CallsTableModel::Time, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);  // one line per call: rows stay short and equally high
    // Fixed row heights keep the view from measuring every row: scrolling stays cheap with many calls.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);

    // Typing re-queries the database: wait for a pause instead of querying on every key.
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(250);
    connect(m_filterTimer, &QTimer::timeout, this, &ActivityPage::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_status, &QComboBox::currentIndexChanged, this, &ActivityPage::applyFilter);
    connect(m_provider, &QComboBox::currentIndexChanged, this, &ActivityPage::applyFilter);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) { openCall(index.row()); });
    connect(m_model, &CallsTableModel::loadFailed, this, [this](const QString &message) {
        m_error->setText(message);
        m_error->show();
    });

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_status);
    filters->addWidget(m_provider);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_error);
    layout->addWidget(m_view, 1);
}

void ActivityPage::reload()
{
    const QString current = m_provider->currentData().toString();
    {
        const QSignalBlocker blocker(m_provider);
        while (m_provider->count() > 1)
            m_provider->removeItem(1);
        if (auto choices = CallLogRepository(m_database).choices()) {
            for (const QString &provider : choices->providers)
                m_provider->addItem(provider, provider);
        }
        m_provider->setCurrentIndex(qMax(0, m_provider->findData(current)));
    }
    applyFilter();
}

void ActivityPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!event->spontaneous())
        reload();
}

void ActivityPage::applyFilter()
{
    m_filterTimer->stop();
    CallLogFilter filter;
    filter.text = m_filter->text().trimmed();
    filter.status = m_status->currentData().toString();
    filter.provider = m_provider->currentData().toString();
    m_error->hide();
    m_model->setFilter(filter);
}

CallDetailDialog *ActivityPage::openCall(int row)
{
    return CallDetailDialog::openFor(m_database, m_model->callId(row), this);
}

}  // namespace Switchyard
