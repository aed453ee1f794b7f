#include "MainWindow.h"

#include "core/store/Database.h"
#include "core/store/PromptRepository.h"
#include "core/store/ProviderRepository.h"
#include "ui/AboutDialog.h"
#include "ui/EmptyStatePage.h"
#include "ui/FileDialog.h"
#include "ui/FilterTablePage.h"
#include "ui/PromptsTableModel.h"
#include "ui/ProvidersTableModel.h"
#include "ui/SettingsDialog.h"
#include "ui/Theme.h"
#include "ui/bots/BotDocument.h"
#include "ui/bots/BotEditorPage.h"
#include "ui/bots/BotsPage.h"
#include "ui/chat/ChatPage.h"
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
    statusBar()->addPermanentWidget(m_workspaceLabel);

    createMenus();

    connect(m_navigation->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_pages->setCurrentIndex(current.row());
            });
    connect(&m_settings, &Settings::changed, this, &MainWindow::onSettingChanged);

    m_navigation->setCurrentIndex(m_navigationModel->index(0, 0));
    m_settings.addRecentWorkspace(m_database.path());
    updateRecentWorkspacesMenu();
    updateWorkspaceLabel();
    reloadWorkspace();
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages()
{
    m_botsPage = new BotsPage(m_database, m_pages);
    BotEditorPage *editor = m_botsPage->editor();
    connect(editor, &BotEditorPage::documentStateChanged, this, &MainWindow::updateWindowTitle);
    connect(m_botsPage, &BotsPage::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });

    m_promptsPage = new FilterTablePage(QStringLiteral("prompts"), m_promptsModel,
                                        tr("This workspace has no prompts yet.\nPrompts appear here once prompt "
                                           "files are imported."),
                                        m_pages);
    m_promptsPage->filterEdit()->setPlaceholderText(tr("Filter prompts by key, label or author"));

    m_providersPage = new ProvidersPage(m_database, m_providersModel, m_pages);
    connect(m_providersPage, &ProvidersPage::documentStateChanged, this,
            [this] { m_navigationModel->setModified(Page::Providers, m_providersPage->isDirty()); });
    connect(m_providersPage, &ProvidersPage::providersSaved, this,
            [this](const ProvidersConfig &config) { m_botsPage->setProviders(config); });

    m_chatPage = new ChatPage(m_database, m_settings, m_pages);
    connect(m_chatPage, &ChatPage::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });

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
            widget = new EmptyStatePage(tr("Dashboards"),
                                        tr("Here you will see what calls cost, how fast they were and how users "
                                           "rated them — per bot, provider and model, over time."),
                                        m_pages);
            break;
        case Page::Activity:
            widget = new EmptyStatePage(tr("Activity"),
                                        tr("Here you will find every call the engine made, with its attempts, the "
                                           "reason each fallback happened and the provider that finally answered."),
                                        m_pages);
            break;
        }
        widget->setObjectName(NavigationModel::pageId(page) + QStringLiteral("Page"));
        m_pages->addWidget(widget);
    }
}

void MainWindow::createMenus()
{
    menuBar()->setObjectName(QStringLiteral("menuBar"));

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *open = file->addAction(tr("&Open Workspace…"), this, &MainWindow::chooseWorkspace);
    open->setObjectName(QStringLiteral("openWorkspaceAction"));
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Open another workspace database"));
    m_recentMenu = file->addMenu(tr("Recent &Workspaces"));
    m_recentMenu->setObjectName(QStringLiteral("recentWorkspacesMenu"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addAction(m_botsPage->editor()->undoAction());
    edit->addAction(m_botsPage->editor()->redoAction());
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
        m_promptsPage->setError(tr("Could not read the prompts of %1: %2")
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
    m_promptsPage->setError(QString());
    m_promptsModel->setRows(rows);
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

bool MainWindow::openWorkspace(const QString &path)
{
    const QString previous = m_database.path();
    if (QFileInfo(path) == QFileInfo(previous))
        return true;
    // The open bot belongs to the current workspace: its unsaved changes are saved or discarded before leaving.
    if (!m_botsPage->editor()->maybeSave())
        return false;
    if (!m_providersPage->maybeSave())
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

void MainWindow::updateWindowTitle()
{
    const QString path = m_database.path();
    QString title =
        path.isEmpty() ? QStringLiteral("Switchyard") : tr("%1 — Switchyard").arg(QFileInfo(path).fileName());
    // The open bot leads the title, and "[*]" becomes the platform's unsaved-changes marker.
    const BotDocument *bot = m_botsPage ? m_botsPage->editor()->document() : nullptr;
    if (bot && bot->isOpen())
        title = tr("%1[*] — %2").arg(bot->displayName(), title);
    setWindowTitle(title);
    const bool dirty = bot && bot->isDirty();
    setWindowModified(dirty);
    m_navigationModel->setModified(Page::Bots, dirty);
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
    if (!m_botsPage->editor()->maybeSave() || !m_providersPage->maybeSave()) {
        event->ignore();
        return;
    }
    saveWindowState();
    QMainWindow::closeEvent(event);
}

}  // namespace Switchyard
