#include "BotsPage.h"

#include "core/store/BotRepository.h"
#include "core/store/Database.h"
#include "ui/BotsTableModel.h"
#include "ui/FilterTablePage.h"
#include "ui/bots/BotDocument.h"
#include "ui/bots/BotEditorPage.h"

#include <QAction>
#include <QDir>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace Switchyard {

BotsPage::BotsPage(Database &database, QWidget *parent)
    : QWidget(parent), m_database(database), m_botsModel(new BotsTableModel(this)),
      m_trashModel(new BotsTableModel(this)), m_lists(new QStackedWidget(this)),
      m_editor(new BotEditorPage(database, this))
{
    m_listPage = new FilterTablePage(QStringLiteral("bots"), m_botsModel,
                                     tr("This workspace has no bots yet.\nBots appear here once the sample workspace "
                                        "or your own workspace file is imported."),
                                     m_lists);
    m_listPage->filterEdit()->setPlaceholderText(tr("Filter bots by name, slug, status or type"));
    m_trashPage =
        new FilterTablePage(QStringLiteral("trash"), m_trashModel,
                            tr("The trash is empty.\nDeleted bots appear here until you restore them."), m_lists);
    m_trashPage->filterEdit()->setPlaceholderText(tr("Filter deleted bots"));
    m_lists->addWidget(m_listPage);
    m_lists->addWidget(m_trashPage);

    m_newBot = new QAction(tr("New &Bot"), this);
    m_newBot->setObjectName(QStringLiteral("newBotAction"));
    m_newBot->setStatusTip(tr("Create a bot"));
    m_deleteBot = new QAction(tr("&Delete Bot"), this);
    m_deleteBot->setObjectName(QStringLiteral("deleteBotAction"));
    m_deleteBot->setStatusTip(tr("Move the open bot to the trash (its configs and history stay)"));
    m_showTrash = new QAction(tr("&Trash"), this);
    m_showTrash->setObjectName(QStringLiteral("showTrashAction"));
    m_showTrash->setCheckable(true);
    m_showTrash->setStatusTip(tr("Show the deleted bots"));
    m_restoreBot = new QAction(tr("&Restore"), this);
    m_restoreBot->setObjectName(QStringLiteral("restoreBotAction"));
    m_restoreBot->setStatusTip(tr("Bring the selected deleted bot back"));

    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(QStringLiteral("botsToolBar"));
    toolbar->addAction(m_newBot);
    toolbar->addAction(m_deleteBot);
    toolbar->addSeparator();
    toolbar->addAction(m_showTrash);
    toolbar->addAction(m_restoreBot);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(toolbar);
    leftLayout->addWidget(m_lists, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("botsSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    // Start with room for the list's name, slug and status columns; the editor takes the rest.
    splitter->setSizes({440, 660});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_listPage->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &BotsPage::onListCurrentChanged);
    connect(m_trashPage->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &BotsPage::updateActions);
    connect(m_newBot, &QAction::triggered, this, &BotsPage::newBot);
    connect(m_deleteBot, &QAction::triggered, this, &BotsPage::deleteBot);
    connect(m_restoreBot, &QAction::triggered, this, &BotsPage::restoreBot);
    connect(m_showTrash, &QAction::toggled, this, [this](bool on) {
        m_lists->setCurrentWidget(on ? m_trashPage : m_listPage);
        updateActions();
    });
    connect(m_editor, &BotEditorPage::botSaved, this, [this](qint64 botId) {
        reload();
        selectBot(botId);
    });
    connect(m_editor, &BotEditorPage::documentStateChanged, this, &BotsPage::updateActions);
    updateActions();
}

BotsPage::~BotsPage() = default;

void BotsPage::reload()
{
    BotRepository repository(m_database);
    const QString where = QDir::toNativeSeparators(m_database.path());
    const auto bots = repository.list();
    m_selecting = true;
    if (!bots) {
        m_botsModel->setBots({});
        m_listPage->setError(tr("Could not read the bots of %1: %2").arg(where, bots.error().toString()));
    } else {
        m_listPage->setError(QString());
        m_botsModel->setBots(bots.value());
    }
    const auto deleted = repository.listDeleted();
    if (!deleted) {
        m_trashModel->setBots({});
        m_trashPage->setError(tr("Could not read the deleted bots of %1: %2").arg(where, deleted.error().toString()));
    } else {
        m_trashPage->setError(QString());
        m_trashModel->setBots(deleted.value());
    }
    m_selecting = false;
    if (m_editor->document()->isOpen() && !m_editor->document()->isNew())
        selectBot(m_editor->document()->bot().id);
    updateActions();
}

void BotsPage::setProviders(const ProvidersConfig &providers)
{
    m_editor->setProviders(providers);
}

void BotsPage::setPrompts(const QMap<QString, QStringList> &labelsByKey)
{
    m_editor->setPrompts(labelsByKey);
}

void BotsPage::onListCurrentChanged(const QModelIndex &current)
{
    updateActions();
    if (m_selecting || !current.isValid())
        return;
    const QModelIndex source = m_listPage->proxyModel()->mapToSource(current);
    const qint64 botId = m_botsModel->botAt(source.row()).id;
    BotDocument *document = m_editor->document();
    if (document->isOpen() && document->bot().id == botId)
        return;
    if (!m_editor->maybeSave()) {
        // Stay on the bot with the unsaved changes, in the list too.
        if (document->isOpen() && !document->isNew())
            selectBot(document->bot().id);
        else
            selectBot(0);
        return;
    }
    // Saving the previous bot above reloads the list; keep the bot being opened selected.
    m_editor->openBot(botId);
    selectBot(botId);
}

void BotsPage::selectBot(qint64 botId)
{
    m_selecting = true;
    QTableView *view = m_listPage->view();
    view->selectionModel()->clearSelection();
    view->setCurrentIndex(QModelIndex());
    for (int row = 0; row < m_botsModel->rowCount(); ++row) {
        if (m_botsModel->botAt(row).id == botId) {
            view->setCurrentIndex(m_listPage->proxyModel()->mapFromSource(m_botsModel->index(row, 0)));
            view->selectRow(view->currentIndex().row());
            break;
        }
    }
    m_selecting = false;
}

void BotsPage::newBot()
{
    if (!m_editor->maybeSave())
        return;
    m_showTrash->setChecked(false);
    selectBot(0);
    m_editor->newBot();
}

void BotsPage::deleteBot()
{
    BotDocument *document = m_editor->document();
    if (!document->isOpen() || document->isNew())
        return;
    const Bot bot = document->bot();
    if (!m_editor->maybeSave())
        return;
    if (auto deleted = BotRepository(m_database).softDelete(bot.id); !deleted) {
        m_listPage->setError(tr("Could not delete the bot “%1”: %2").arg(bot.name, deleted.error().toString()));
        return;
    }
    m_editor->closeBot();
    reload();
    Q_EMIT statusMessage(tr("Moved “%1” to the trash; restore it from there.").arg(bot.name));
}

void BotsPage::restoreBot()
{
    const QModelIndex current = m_trashPage->view()->currentIndex();
    if (!current.isValid())
        return;
    const Bot bot = m_trashModel->botAt(m_trashPage->proxyModel()->mapToSource(current).row());
    if (!m_editor->maybeSave())
        return;
    if (auto restored = BotRepository(m_database).restore(bot.id); !restored) {
        m_trashPage->setError(tr("Could not restore the bot “%1”: %2").arg(bot.name, restored.error().toString()));
        return;
    }
    m_showTrash->setChecked(false);
    m_editor->openBot(bot.id);
    reload();
    Q_EMIT statusMessage(tr("Restored “%1”.").arg(bot.name));
}

void BotsPage::updateActions()
{
    const BotDocument *document = m_editor->document();
    m_deleteBot->setEnabled(document->isOpen() && !document->isNew());
    m_restoreBot->setEnabled(m_showTrash->isChecked() && m_trashPage->view()->currentIndex().isValid());
}

}  // namespace Switchyard
