#include "ui/chat/SessionsPanel.h"

#include "core/store/BotRepository.h"
#include "core/store/SessionRepository.h"
#include "ui/chat/SessionsTableModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Switchyard {

SessionsPanel::SessionsPanel(Database &database, QWidget *parent)
    : QWidget(parent), m_database(database), m_model(new SessionsTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_filter(new QLineEdit(this)), m_view(new QTableView(this)),
      m_open(new QPushButton(tr("Open"), this)), m_refresh(new QPushButton(tr("Refresh"), this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setObjectName(QStringLiteral("sessionFilterEdit"));
    m_filter->setPlaceholderText(tr("Filter sessions by title, bot or user"));
    m_filter->setClearButtonEnabled(true);
    m_view->setObjectName(QStringLiteral("sessionsView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_open->setObjectName(QStringLiteral("openSessionButton"));
    m_refresh->setObjectName(QStringLiteral("refreshSessionsButton"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_refresh);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view, &QTableView::doubleClicked, this, &SessionsPanel::openCurrent);
    connect(m_open, &QPushButton::clicked, this, &SessionsPanel::openCurrent);
    connect(m_refresh, &QPushButton::clicked, this, &SessionsPanel::refresh);
}

void SessionsPanel::refresh()
{
    auto sessions = SessionRepository(m_database).list();
    auto bots = BotRepository(m_database).list(true);
    if (!sessions || !bots) {
        m_filter->setPlaceholderText(sessions ? bots.error().message : sessions.error().message);
        m_model->setSessions({}, {});
        return;
    }
    QHash<qint64, QString> names;
    for (const Bot &bot : std::as_const(*bots))
        names.insert(bot.id, bot.name);
    // Newest first: the conversation just had is the one most likely reopened.
    QList<ChatSession> newestFirst(sessions->crbegin(), sessions->crend());
    m_model->setSessions(newestFirst, names);
}

void SessionsPanel::openCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        Q_EMIT openRequested(current.data(SessionsTableModel::SessionIdRole).toLongLong());
}

}  // namespace Switchyard
