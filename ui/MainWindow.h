#pragma once

#include "core/settings/Settings.h"
#include "ui/NavigationModel.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QListView;
class QMenu;
class QStackedWidget;

namespace Switchyard {

class AboutDialog;
class BotsPage;
class ChatPage;
class Database;
class FilterTablePage;
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
    /// The Chat section: the chat tester.
    ChatPage *chatPage() const { return m_chatPage; }
    /// The Providers section: provider list, detail panel, connection check.
    ProvidersPage *providersPage() const { return m_providersPage; }

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
    void updateWindowTitle();
    void onSettingChanged(Settings::Key key);
    void showWorkspaceError(const QString &message);
    void loadBots();
    void loadPrompts();
    void loadProviders();

    Database &m_database;
    Settings &m_settings;

    NavigationModel *m_navigationModel = nullptr;
    QListView *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_workspaceLabel = nullptr;
    QMenu *m_recentMenu = nullptr;

    PromptsTableModel *m_promptsModel = nullptr;
    ProvidersTableModel *m_providersModel = nullptr;
    BotsPage *m_botsPage = nullptr;
    FilterTablePage *m_promptsPage = nullptr;
    ProvidersPage *m_providersPage = nullptr;
    ChatPage *m_chatPage = nullptr;

    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<AboutDialog> m_aboutDialog;
};

}  // namespace Switchyard
