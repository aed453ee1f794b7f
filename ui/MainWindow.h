#pragma once

#include "core/settings/Settings.h"
#include "ui/NavigationModel.h"

#include <QMainWindow>
#include <QMap>
#include <QPointer>

class QLabel;
class QListView;
class QMenu;
class QStackedWidget;
class QUndoGroup;

namespace Switchyard {

class AboutDialog;
class ActivityPage;
class BotsPage;
class ChatPage;
class DashboardsPage;
class Database;
class PromptsPage;
class FileMenuActions;
class PromptsTableModel;
class ProvidersPage;
class ProvidersTableModel;
class SettingsDialog;

/// The studio's main window: navigation on the left, one page per section, the workspace path in the status bar.
///
/// The window reads the workspace through the store's repositories; it never runs SQL and never touches QSettings.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    using Page = NavigationModel::Page;

    MainWindow(Database &database, Settings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    Page currentPage() const;
    void showPage(Page page);
    QWidget *pageWidget(Page page) const;
    const NavigationModel *navigationModel() const { return m_navigationModel; }

    /// Re-reads bots, prompts and providers from the database into the pages' models.
    void reloadWorkspace();

    /// Opens the workspace at @p path in place of the current one. On failure the current workspace stays open and
    /// an error dialog (object name "workspaceErrorBox") explains what went wrong. Returns true on success.
    bool openWorkspace(const QString &path);

    /// Stores the window geometry and toolbar/dock state in Settings (also done on close).
    void saveWindowState();

    /// The Preferences dialog while it is open, else nullptr.
    SettingsDialog *settingsDialog() const;
    /// The About dialog while it is open, else nullptr.
    AboutDialog *aboutDialog() const;
    /// The Bots section: bot list, trash and bot editor.
    BotsPage *botsPage() const { return m_botsPage; }
    /// The Prompts section: prompt list, YAML editor, preview and outline.
    PromptsPage *promptsPage() const { return m_promptsPage; }
    /// The Chat section: the chat tester.
    ChatPage *chatPage() const { return m_chatPage; }
    /// The Dashboards section: charts over the reports with drill-down and export.
    DashboardsPage *dashboardsPage() const { return m_dashboardsPage; }
    /// The Activity section: every recorded call.
    ActivityPage *activityPage() const { return m_activityPage; }
    /// The Providers section: provider list, detail panel, connection check.
    ProvidersPage *providersPage() const { return m_providersPage; }
    /// The File menu's New Workspace and import/export actions.
    FileMenuActions *fileActions() const { return m_fileActions; }
    /// The Edit menu's Undo/Redo: they act on the current page's editor.
    QUndoGroup *undoGroup() const { return m_undoGroup; }
    /// The menu holding @p page's actions (Bot, Prompt, Provider), nullptr for pages without one.
    QMenu *pageMenu(Page page) const { return m_pageMenus.value(page); }

public Q_SLOTS:
    void showPreferences();
    void showAbout();

Q_SIGNALS:
    /// Emitted after another workspace was opened and loaded.
    void workspaceOpened(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createPages();
    void createMenus();
    void restoreWindowState();
    void chooseWorkspace();
    void updateRecentWorkspacesMenu();
    void updateWorkspaceLabel();
    void updateEngineState(int runningCalls);
    void updateWindowTitle();
    void onSettingChanged(Settings::Key key);
    void showWorkspaceError(const QString &message);
    void loadBots();
    void loadPrompts();
    void loadProviders();
    /// Asked before an import replaces what the editors show. Today only the bot editor; the prompt editor's
    /// maybeSave() belongs here too.
    /// Asks every editor with unsaved changes to save or discard them; false when the user cancelled.
    bool confirmLeavingEditors();
    void createPageMenus();
    void updateActiveUndoStack();
    void updatePageMenus();

    Database &m_database;
    Settings &m_settings;

    NavigationModel *m_navigationModel = nullptr;
    QListView *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_workspaceLabel = nullptr;
    QLabel *m_engineLabel = nullptr;  ///< engine state: idle, or how many calls are streaming
    QMenu *m_recentMenu = nullptr;
    /// One Undo/Redo in the Edit menu for every editor: the group's active stack follows the page (and, on the
    /// Prompts page, whether the version history has focus).
    QUndoGroup *m_undoGroup = nullptr;
    /// The menu of each editing page's actions, shown while that page is current.
    QMap<Page, QMenu *> m_pageMenus;

    PromptsTableModel *m_promptsModel = nullptr;
    ProvidersTableModel *m_providersModel = nullptr;
    BotsPage *m_botsPage = nullptr;
    PromptsPage *m_promptsPage = nullptr;
    ProvidersPage *m_providersPage = nullptr;
    FileMenuActions *m_fileActions = nullptr;
    ChatPage *m_chatPage = nullptr;
    DashboardsPage *m_dashboardsPage = nullptr;
    ActivityPage *m_activityPage = nullptr;

    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<AboutDialog> m_aboutDialog;
};

}  // namespace Switchyard
