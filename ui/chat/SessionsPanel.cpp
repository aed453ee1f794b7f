#include "ui/chat/SessionsPanel.h"

#include "core/store/BotRepository.h"
#include "core/store/SessionExporter.h"
#include "core/store/SessionRepository.h"
#include "ui/FileDialog.h"
#include "ui/chat/SessionsTableModel.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Switchyard {

SessionsPanel::SessionsPanel(Database &database, QWidget *parent)
    : QWidget(parent), m_database(database), m_model(new SessionsTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_filter(new QLineEdit(this)), m_view(new QTableView(this)),
      m_open(new QPushButton(tr("Open"), this)), m_refresh(new QPushButton(tr("Refresh"), this)),
      m_export(new QPushButton(tr("Export…"), this))
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
    m_export->setObjectName(QStringLiteral("exportSessionButton"));
    m_export->setToolTip(tr("Write the selected session as Markdown or JSON"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_export);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view, &QTableView::doubleClicked, this, &SessionsPanel::openCurrent);
    connect(m_open, &QPushButton::clicked, this, &SessionsPanel::openCurrent);
    connect(m_refresh, &QPushButton::clicked, this, &SessionsPanel::refresh);
    connect(m_export, &QPushButton::clicked, this, &SessionsPanel::exportCurrent);
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
    // Newest first: the conversation just had is the one most likely reopened. A comparison is one entry, its first
    // column's session, which reopens all of its columns.
    QList<ChatSession> newestFirst;
    QHash<QString, int> comparisonColumns;
    for (auto it = sessions->crbegin(); it != sessions->crend(); ++it) {
        if (it->isComparison())
            ++comparisonColumns[it->compareGroup];
        if (!it->isComparison() || it->compareColumn == 0)
            newestFirst.append(*it);
    }
    m_model->setSessions(newestFirst, names, comparisonColumns);
}

void SessionsPanel::openCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        Q_EMIT openRequested(current.data(SessionsTableModel::SessionIdRole).toLongLong());
}

QString SessionsPanel::exportCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        Q_EMIT exportFailed(tr("Select a session to export."));
        return {};
    }
    const qint64 sessionId = current.data(SessionsTableModel::SessionIdRole).toLongLong();
    const QString path = FileDialog::instance().getSaveFileName(
        this, tr("Export Session"), QDir::home().filePath(QStringLiteral("session-%1.md").arg(sessionId)),
        tr("Markdown (*.md);;JSON (*.json)"));
    if (path.isEmpty())
        return {};
    const auto transcript = SessionExporter(m_database).load(sessionId);
    if (!transcript) {
        Q_EMIT exportFailed(tr("The session was not exported: %1").arg(transcript.error().toString()));
        return {};
    }
    const bool json = path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive);
    const QByteArray bytes =
        SessionExporter::render(*transcript, json ? SessionExporter::Format::Json : SessionExporter::Format::Markdown);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        Q_EMIT exportFailed(tr("Could not write %1: %2. Nothing was written; check that the folder is writable and "
                               "the disk is not full.")
                                .arg(QDir::toNativeSeparators(path), file.errorString()));
        return {};
    }
    Q_EMIT exported(path);
    return path;
}

}  // namespace Switchyard
