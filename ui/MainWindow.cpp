#include "MainWindow.h"

#include "core/store/Database.h"
#include "core/store/PromptRepository.h"
#include "core/store/ProviderRepository.h"
#include "ui/AboutDialog.h"
#include "ui/FileDialog.h"
#include "ui/FileMenuActions.h"
#include "ui/FilterTablePage.h"
#include "ui/PromptsTableModel.h"
#include "ui/ProvidersTableModel.h"
#include "ui/SettingsDialog.h"
#include "ui/Theme.h"
#include "ui/activity/ActivityPage.h"
#include "ui/activity/CallNavigator.h"
#include "ui/bots/BotDocument.h"
#include "ui/bots/BotEditorPage.h"
#include "ui/bots/BotsPage.h"
#include "ui/chat/ChatPage.h"
#include "ui/dashboards/DashboardsPage.h"
#include "ui/prompts/PromptEditorDocument.h"
#include "ui/prompts/PromptHistoryPanel.h"
#include "ui/prompts/PromptsPage.h"
#include "ui/providers/ProvidersPage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoGroup>
#include <QUndoStack>

namespace Switchyard {

MainWindow::MainWindow(Database &database, Settings &settings, QWidget *parent)
    : QMainWindow(parent), m_database(database), m_settings(settings), m_navigationModel(new NavigationModel(this)),
      m_navigation(new QListView(this)), m_pages(new QStackedWidget(this)), m_workspaceLabel(new QLabel(this)),
      m_promptsModel(new PromptsTableModel(this)), m_providersModel(new ProvidersTableModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/switchyard.svg")));

    m_navigation->setObjectName(QStringLiteral("navigationView"));
    m_navigation->setModel(m_navigationModel);
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setSpacing(2);
    m_navigation->setUniformItemSizes(true);
    m_navigation->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_navigation->setSelectionMode(QAbstractItemView::SingleSelection);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setMinimumWidth(150);
    m_navigation->setMaximumWidth(240);
    m_navigation->setAccessibleName(tr("Sections"));

    m_pages->setObjectName(QStringLiteral("pageStack"));
    createPages();

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);

    m_workspaceLabel->setObjectName(QStringLiteral("workspacePathLabel"));
    m_workspaceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    m_engineLabel = new QLabel(this);
    m_engineLabel->setObjectName(QStringLiteral("engineStateLabel"));
    statusBar()->addPermanentWidget(m_engineLabel);
    statusBar()->addPermanentWidget(m_workspaceLabel);
    updateEngineState(0);
    connect(m_chatPage, &ChatPage::runningCallsChanged, this, &MainWindow::updateEngineState);
    // "Open in Chat Tester" from any call detail (Activity, dashboards' drill-down).
    connect(&CallNavigator::instance(), &CallNavigator::openInChatRequested, this, [this](qint64 callId) {
        showPage(Page::Chat);
        m_chatPage->openCall(callId);
    });

    createMenus();

    connect(m_navigation->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_pages->setCurrentIndex(current.row());
                updateWindowTitle();  // the title names the current page's open document
                updateActiveUndoStack();
                updatePageMenus();
            });
    // Undo in the version history undoes label moves; anywhere else on the Prompts page it undoes text edits.
    connect(qApp, &QApplication::focusChanged, this, &MainWindow::updateActiveUndoStack);
    connect(&m_settings, &Settings::changed, this, &MainWindow::onSettingChanged);

    m_navigation->setCurrentIndex(m_navigationModel->index(0, 0));
    m_settings.addRecentWorkspace(m_database.path());
    updateRecentWorkspacesMenu();
    updateWorkspaceLabel();
    reloadWorkspace();
    restoreWindowState();
}

MainWindow::~MainWindow()
{
    // The pages are destroyed after this body; the focus moving away from them must not reach a half-gone window.
    disconnect(qApp, &QApplication::focusChanged, this, nullptr);
}

void MainWindow::createPages()
{
    m_botsPage = new BotsPage(m_database, m_pages);
    BotEditorPage *editor = m_botsPage->editor();
    connect(editor, &BotEditorPage::documentStateChanged, this, &MainWindow::updateWindowTitle);
    connect(m_botsPage, &BotsPage::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });

    m_promptsPage = new PromptsPage(m_database, m_settings, m_promptsModel, m_pages);
    connect(m_promptsPage, &PromptsPage::documentStateChanged, this, &MainWindow::updateWindowTitle);
    connect(m_promptsPage, &PromptsPage::promptsChanged, this, &MainWindow::loadPrompts);
    connect(m_promptsPage, &PromptsPage::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });

    m_providersPage = new ProvidersPage(m_database, m_providersModel, m_pages);
    connect(m_providersPage, &ProvidersPage::documentStateChanged, this, &MainWindow::updateWindowTitle);
    connect(m_providersPage, &ProvidersPage::providersSaved, this,
            [this](const ProvidersConfig &config) { m_botsPage->setProviders(config); });

    m_chatPage = new ChatPage(m_database, m_settings, m_pages);
    connect(m_chatPage, &ChatPage::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });

    m_dashboardsPage = new DashboardsPage(m_database, m_pages);
    m_activityPage = new ActivityPage(m_database, m_pages);

    for (int row = 0; row < m_navigationModel->rowCount(); ++row) {
        const Page page = m_navigationModel->pageAt(row);
        QWidget *widget = nullptr;
        switch (page) {
        case Page::Bots:
            widget = m_botsPage;
            break;
        case Page::Prompts:
            widget = m_promptsPage;
            break;
        case Page::Providers:
            widget = m_providersPage;
            break;
        case Page::Chat:
            widget = m_chatPage;
            break;
        case Page::Dashboards:
            widget = m_dashboardsPage;
            break;
        case Page::Activity:
            widget = m_activityPage;
            break;
        }
        widget->setObjectName(NavigationModel::pageId(page) + QStringLiteral("Page"));
        m_pages->addWidget(widget);
    }
}

void MainWindow::createMenus()
{
    menuBar()->setObjectName(QStringLiteral("menuBar"));

    m_fileActions = new FileMenuActions(this, m_database, [this] { return confirmLeavingEditors(); });
    connect(m_fileActions, &FileMenuActions::workspaceContentChanged, this, &MainWindow::reloadWorkspace);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_fileActions->newWorkspaceAction());
    QAction *open = file->addAction(tr("&Open Workspace…"), this, &MainWindow::chooseWorkspace);
    open->setObjectName(QStringLiteral("openWorkspaceAction"));
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Open another workspace database"));
    m_recentMenu = file->addMenu(tr("Recent &Workspaces"));
    m_recentMenu->setObjectName(QStringLiteral("recentWorkspacesMenu"));
    file->addSeparator();
    file->addAction(m_fileActions->importPromptsAction());
    file->addAction(m_fileActions->exportPromptsAction());
    file->addAction(m_fileActions->importProvidersAction());
    file->addAction(m_fileActions->exportProvidersAction());
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QAction *importPrices = m_providersPage->importPricesAction();
    file->insertAction(quit, importPrices);
    file->insertAction(quit, m_fileActions->exportPricesAction());
    file->insertSeparator(quit);

    m_undoGroup = new QUndoGroup(this);
    for (QUndoStack *stack : {m_botsPage->editor()->document()->undoStack(), m_promptsPage->document()->undoStack(),
                              m_promptsPage->historyPanel()->undoStack(), m_providersPage->undoStack()})
        m_undoGroup->addStack(stack);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    QAction *undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcuts(QKeySequence::Undo);
    edit->addAction(undo);
    QAction *redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcuts(QKeySequence::Redo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    // QKeySequence::Preferences has no binding on some desktops; Ctrl+, works everywhere.
    QList<QKeySequence> preferenceKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    const QKeySequence ctrlComma(Qt::CTRL | Qt::Key_Comma);
    if (!preferenceKeys.contains(ctrlComma))
        preferenceKeys.append(ctrlComma);
    preferences->setShortcuts(preferenceKeys);
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    createPageMenus();
    view->setObjectName(QStringLiteral("viewMenu"));
    for (int row = 0; row < m_navigationModel->rowCount(); ++row) {
        const Page page = m_navigationModel->pageAt(row);
        QAction *action = view->addAction(QIcon(m_navigationModel->iconPath(page)), m_navigationModel->title(page));
        action->setObjectName(NavigationModel::pageId(page) + QStringLiteral("PageAction"));
        action->setShortcut(QKeySequence(QKeyCombination(Qt::CTRL, Qt::Key(Qt::Key_1 + row))));
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, [this, page] { showPage(page); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *about = help->addAction(tr("&About Switchyard"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setObjectName(QStringLiteral("aboutQtAction"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

MainWindow::Page MainWindow::currentPage() const
{
    return m_navigationModel->pageAt(m_pages->currentIndex());
}

void MainWindow::showPage(Page page)
{
    const int row = m_navigationModel->rowOf(page);
    if (row < 0)
        return;
    m_navigation->setCurrentIndex(m_navigationModel->index(row, 0));
    m_pages->setCurrentIndex(row);
}

QWidget *MainWindow::pageWidget(Page page) const
{
    const int row = m_navigationModel->rowOf(page);
    return row < 0 ? nullptr : m_pages->widget(row);
}

void MainWindow::reloadWorkspace()
{
    loadBots();
    loadPrompts();
    loadProviders();
    m_dashboardsPage->reload();
    m_activityPage->reload();
}

void MainWindow::loadBots()
{
    m_botsPage->reload();
    m_chatPage->reload();
}

void MainWindow::loadPrompts()
{
    PromptRepository repository(m_database);
    const auto fail = [this](const Error &error) {
        m_promptsModel->setRows({});
        m_botsPage->setPrompts({});
        m_promptsPage->listPage()->setError(tr("Could not read the prompts of %1: %2")
                                                .arg(QDir::toNativeSeparators(m_database.path()), error.toString()));
    };
    const auto keys = repository.keys();
    if (!keys)
        return fail(keys.error());

    QList<PromptsTableModel::Row> rows;
    for (const QString &key : keys.value()) {
        const auto history = repository.history(key);
        if (!history)
            return fail(history.error());
        if (history->isEmpty())
            continue;
        const auto labels = repository.labels(key);
        if (!labels)
            return fail(labels.error());
        rows.append({history->last(), int(history->size()), labels.value()});
    }
    m_promptsPage->listPage()->setError(QString());
    m_promptsModel->setRows(rows);
    m_promptsPage->promptsReloaded();
    QMap<QString, QStringList> labelsByKey;
    for (const PromptsTableModel::Row &row : std::as_const(rows)) {
        QStringList &labels = labelsByKey[row.latest.key];
        for (const PromptLabel &label : row.labels)
            labels.append(label.label);
    }
    m_botsPage->setPrompts(labelsByKey);
}

void MainWindow::loadProviders()
{
    const auto config = m_providersPage->reload();
    if (!config) {
        m_botsPage->setProviders({});
        m_providersPage->listPage()->setError(
            tr("Could not read the providers of %1: %2")
                .arg(QDir::toNativeSeparators(m_database.path()), config.error().toString()));
        return;
    }
    m_providersPage->listPage()->setError(QString());
    m_botsPage->setProviders(config.value());
}

bool MainWindow::confirmLeavingEditors()
{
    return m_botsPage->editor()->maybeSave() && m_promptsPage->maybeSave() && m_providersPage->maybeSave();
}

void MainWindow::createPageMenus()
{
    // Each page's own actions (with the shortcuts they have while the page has focus), in a menu of their own.
    const auto addMenu = [this](Page page, const QString &title, const QString &objectName,
                                const QList<QAction *> &actions) {
        auto *menu = new QMenu(title, this);
        menu->setObjectName(objectName);
        for (QAction *action : actions) {
            if (action)
                menu->addAction(action);
            else
                menu->addSeparator();
        }
        menuBar()->addMenu(menu);
        m_pageMenus.insert(page, menu);
    };
    BotEditorPage *bot = m_botsPage->editor();
    addMenu(Page::Bots, tr("&Bot"), QStringLiteral("botMenu"),
            {m_botsPage->newBotAction(), bot->saveAction(), bot->revertAction(), nullptr, bot->newConfigAction(),
             bot->activateConfigAction(), bot->compareConfigsAction(), bot->deleteConfigAction(), nullptr,
             m_botsPage->deleteBotAction(), m_botsPage->showTrashAction(), m_botsPage->restoreBotAction()});
    PromptHistoryPanel *history = m_promptsPage->historyPanel();
    addMenu(Page::Prompts, tr("&Prompt"), QStringLiteral("promptMenu"),
            {m_promptsPage->newPromptAction(), m_promptsPage->saveVersionAction(), m_promptsPage->revertAction(),
             nullptr, history->compareWithPreviousAction(), history->compareSelectedAction(),
             history->moveLabelAction(), history->restoreVersionAction(), nullptr,
             m_promptsPage->deletePromptAction()});
    addMenu(Page::Providers, tr("P&rovider"), QStringLiteral("providerMenu"),
            {m_providersPage->addProviderAction(), m_providersPage->saveAction(), m_providersPage->revertAction(),
             nullptr, m_providersPage->importPricesAction(), nullptr, m_providersPage->removeProviderAction()});
    addMenu(Page::Activity, tr("&Activity"), QStringLiteral("activityMenu"),
            {m_activityPage->findAction(), m_activityPage->reloadAction(), m_activityPage->openCallAction()});
    updatePageMenus();
}

void MainWindow::updatePageMenus()
{
    for (auto it = m_pageMenus.cbegin(); it != m_pageMenus.cend(); ++it)
        it.value()->menuAction()->setVisible(it.key() == currentPage());
}

void MainWindow::updateActiveUndoStack()
{
    if (!m_undoGroup)
        return;
    QUndoStack *stack = nullptr;
    switch (currentPage()) {
    case Page::Bots:
        stack = m_botsPage->editor()->document()->undoStack();
        break;
    case Page::Prompts: {
        PromptHistoryPanel *history = m_promptsPage->historyPanel();
        const QWidget *focus = QApplication::focusWidget();
        stack = focus && history->isAncestorOf(focus) ? history->undoStack() : m_promptsPage->document()->undoStack();
        break;
    }
    case Page::Providers:
        stack = m_providersPage->undoStack();
        break;
    case Page::Chat:
    case Page::Dashboards:
    case Page::Activity:
        break;
    }
    m_undoGroup->setActiveStack(stack);
}

bool MainWindow::openWorkspace(const QString &path)
{
    const QString previous = m_database.path();
    if (QFileInfo(path) == QFileInfo(previous))
        return true;
    // The open bot, prompt and provider edits belong to the current workspace: their unsaved changes are saved or
    // discarded first.
    if (!confirmLeavingEditors())
        return false;

    // Validate with a separate Database first: a refused file must not close the workspace the user is in.
    {
        Database probe;
        const auto probed = probe.open(path);
        if (!probed) {
            showWorkspaceError(tr("Could not open the workspace %1.\n\n%2\n\nThe current workspace stays open.")
                                   .arg(QDir::toNativeSeparators(path), probed.error().toString()));
            updateRecentWorkspacesMenu();
            return false;
        }
        probe.close();
    }

    // Reopening closes every thread's connection: the dashboards' worker must not be in the middle of a report.
    m_dashboardsPage->waitForQueries();
    m_activityPage->waitForQueries();
    const auto opened = m_database.open(path);
    if (!opened) {
        const auto restored = m_database.open(previous);
        showWorkspaceError(restored ? tr("Could not open the workspace %1.\n\n%2\n\nThe previous workspace was "
                                         "reopened.")
                                          .arg(QDir::toNativeSeparators(path), opened.error().toString())
                                    : tr("Could not open the workspace %1 (%2), and reopening %3 failed too (%4). "
                                         "Use File ▸ Open Workspace… to choose a workspace.")
                                          .arg(QDir::toNativeSeparators(path), opened.error().toString(),
                                               QDir::toNativeSeparators(previous), restored.error().toString()));
        updateWorkspaceLabel();
        reloadWorkspace();
        return false;
    }

    m_botsPage->editor()->closeBot();
    m_promptsPage->closePrompt();
    m_settings.addRecentWorkspace(m_database.path());
    updateRecentWorkspacesMenu();
    updateWorkspaceLabel();
    reloadWorkspace();
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(m_database.path())), 5000);
    Q_EMIT workspaceOpened(m_database.path());
    return true;
}

void MainWindow::chooseWorkspace()
{
    const QString dir = QFileInfo(m_database.path()).absolutePath();
    const QString path = FileDialog::instance().getOpenFileName(
        this, tr("Open Workspace"), dir, tr("Switchyard workspaces (*.db *.sqlite *.switchyard);;All files (*)"));
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::updateRecentWorkspacesMenu()
{
    // Not QMenu::clear(): this runs while a recent-workspace action emits triggered(), which must not delete it.
    const QList<QAction *> old = m_recentMenu->actions();
    for (QAction *action : old) {
        m_recentMenu->removeAction(action);
        action->deleteLater();
    }
    const QStringList recent = m_settings.recentWorkspaces();
    for (int i = 0; i < recent.size(); ++i) {
        const QString &path = recent.at(i);
        // The number is an accelerator for keyboard users; the full path is in the status tip.
        QAction *action = m_recentMenu->addAction(
            tr("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(path).replace(QLatin1Char('&'), QLatin1String("&&"))));
        action->setData(path);
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setEnabled(path != m_database.path());
        connect(action, &QAction::triggered, this, [this, path] { openWorkspace(path); });
    }
    if (!recent.isEmpty())
        m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear List"), this, [this] {
        m_settings.reset(Settings::Key::RecentWorkspaces);
        updateRecentWorkspacesMenu();
    });
    clear->setObjectName(QStringLiteral("clearRecentWorkspacesAction"));
    clear->setEnabled(!recent.isEmpty());
}

void MainWindow::updateWorkspaceLabel()
{
    const QString path = m_database.path();
    m_workspaceLabel->setText(path.isEmpty() ? tr("No workspace open")
                                             : tr("Workspace: %1").arg(QDir::toNativeSeparators(path)));
    updateWindowTitle();
}

void MainWindow::updateEngineState(int runningCalls)
{
    if (runningCalls == 0)
        m_engineLabel->setText(tr("Engine idle"));
    else if (runningCalls == 1)
        m_engineLabel->setText(tr("Engine: 1 call streaming"));
    else
        m_engineLabel->setText(tr("Engine: %1 calls streaming").arg(runningCalls));
}

void MainWindow::updateWindowTitle()
{
    const QString path = m_database.path();
    QString title =
        path.isEmpty() ? QStringLiteral("Switchyard") : tr("%1 — Switchyard").arg(QFileInfo(path).fileName());
    // The current page's open document leads the title (the bot, or on the Prompts page the prompt), and "[*]"
    // becomes the platform's unsaved-changes marker.
    const BotDocument *bot = m_botsPage ? m_botsPage->editor()->document() : nullptr;
    const PromptEditorDocument *prompt = m_promptsPage ? m_promptsPage->document() : nullptr;
    const bool botDirty = bot && bot->isDirty();
    const bool promptDirty = prompt && prompt->isDirty();
    const bool providersDirty = m_providersPage && m_providersPage->isDirty();
    bool dirty = false;
    if (prompt && prompt->isOpen() && m_pages->currentWidget() == m_promptsPage) {
        title = tr("%1[*] — %2").arg(m_promptsPage->displayName(), title);
        dirty = promptDirty;
    } else if (m_providersPage && m_pages->currentWidget() == m_providersPage) {
        title = tr("Providers[*] — %1").arg(title);
        dirty = providersDirty;
    } else if (bot && bot->isOpen()) {
        title = tr("%1[*] — %2").arg(bot->displayName(), title);
        dirty = botDirty;
    }
    setWindowTitle(title);
    setWindowModified(dirty);
    m_navigationModel->setModified(Page::Bots, botDirty);
    m_navigationModel->setModified(Page::Prompts, promptDirty);
    m_navigationModel->setModified(Page::Providers, providersDirty);
}

void MainWindow::onSettingChanged(Settings::Key key)
{
    if (key == Settings::Key::Theme)
        Theme::apply(m_settings.theme());
    else if (key == Settings::Key::RecentWorkspaces)
        updateRecentWorkspacesMenu();
}

void MainWindow::showWorkspaceError(const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Critical, tr("Cannot Open Workspace"), message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("workspaceErrorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showPreferences()
{
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(m_settings, this);
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_settingsDialog->open();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
}

SettingsDialog *MainWindow::settingsDialog() const
{
    return m_settingsDialog;
}

AboutDialog *MainWindow::aboutDialog() const
{
    return m_aboutDialog;
}

void MainWindow::showAbout()
{
    if (!m_aboutDialog) {
        m_aboutDialog = new AboutDialog(this);
        m_aboutDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_aboutDialog->open();
    m_aboutDialog->raise();
}

void MainWindow::saveWindowState()
{
    m_settings.setValue(Settings::Key::MainWindowGeometry, saveGeometry());
    m_settings.setValue(Settings::Key::MainWindowState, saveState());
    // Every named splitter of every page (list beside editor, form above table, ...), so the panes come back as left.
    QVariantMap splitters;
    for (const QSplitter *splitter : findChildren<QSplitter *>())
        if (!splitter->objectName().isEmpty())
            splitters.insert(splitter->objectName(), splitter->saveState());
    m_settings.setValue(Settings::Key::SplitterStates, splitters);
}

void MainWindow::restoreWindowState()
{
    const QByteArray geometry = m_settings.value(Settings::Key::MainWindowGeometry).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1200, 760);
    const QByteArray state = m_settings.value(Settings::Key::MainWindowState).toByteArray();
    if (!state.isEmpty())
        restoreState(state);
    const QVariantMap splitters = m_settings.value(Settings::Key::SplitterStates).toMap();
    for (QSplitter *splitter : findChildren<QSplitter *>()) {
        const auto saved = splitters.constFind(splitter->objectName());
        if (!splitter->objectName().isEmpty() && saved != splitters.cend())
            splitter->restoreState(saved->toByteArray());  // a state from another layout is ignored by Qt
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmLeavingEditors()) {
        event->ignore();
        return;
    }
    saveWindowState();
    QMainWindow::closeEvent(event);
}

}  // namespace Switchyard
