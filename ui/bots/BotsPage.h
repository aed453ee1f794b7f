#pragma once

#include "core/model/ProviderSpec.h"

#include <QMap>
#include <QWidget>

class QAction;
class QStackedWidget;

namespace Switchyard {

class BotEditorPage;
class BotsTableModel;
class Database;
class FilterTablePage;

/// The Bots section: the list of bots (or the trash of deleted ones) on the left, the bot editor on the right.
///
/// Selecting a bot in the list opens it in the editor (asking first when the open bot has unsaved changes).
/// "Delete Bot" soft-deletes the open bot; "Trash" shows the deleted bots, and "Restore" brings the selected one back.
///
/// Object names: the list is the FilterTablePage "bots" (botsView, botsFilter, ...), the trash the FilterTablePage
/// "trash" (trashView, ...), actions newBotAction, deleteBotAction, showTrashAction, restoreBotAction.
class BotsPage : public QWidget {
    Q_OBJECT

public:
    BotsPage(Database &database, QWidget *parent = nullptr);
    ~BotsPage() override;

    /// Re-reads the bots and the deleted bots; the open bot stays selected.
    void reload();
    /// The workspace's providers, for the config table's choices.
    void setProviders(const ProvidersConfig &providers);
    /// The workspace's prompt keys and their labels, for the config table's choices.
    void setPrompts(const QMap<QString, QStringList> &labelsByKey);

    BotEditorPage *editor() const { return m_editor; }
    FilterTablePage *listPage() const { return m_listPage; }
    FilterTablePage *trashPage() const { return m_trashPage; }
    BotsTableModel *botsModel() const { return m_botsModel; }
    BotsTableModel *trashModel() const { return m_trashModel; }

    QAction *newBotAction() const { return m_newBot; }
    QAction *deleteBotAction() const { return m_deleteBot; }
    QAction *showTrashAction() const { return m_showTrash; }
    QAction *restoreBotAction() const { return m_restoreBot; }

Q_SIGNALS:
    /// A short message for the status bar (a bot was deleted or restored).
    void statusMessage(const QString &message);

private:
    void onListCurrentChanged(const QModelIndex &current);
    void selectBot(qint64 botId);
    void newBot();
    void deleteBot();
    void restoreBot();
    void updateActions();

    Database &m_database;
    BotsTableModel *m_botsModel = nullptr;
    BotsTableModel *m_trashModel = nullptr;
    FilterTablePage *m_listPage = nullptr;
    FilterTablePage *m_trashPage = nullptr;
    QStackedWidget *m_lists = nullptr;
    BotEditorPage *m_editor = nullptr;

    QAction *m_newBot = nullptr;
    QAction *m_deleteBot = nullptr;
    QAction *m_showTrash = nullptr;
    QAction *m_restoreBot = nullptr;

    bool m_selecting = false;  ///< true while the list selection follows the editor, so that opens nothing
};

}  // namespace Switchyard
