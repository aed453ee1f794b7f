#include "core/reporting/DemoDataGenerator.h"
#include "core/settings/Settings.h"
#include "core/store/BotRepository.h"
#include "core/store/Database.h"
#include "core/store/PromptRepository.h"
#include "core/store/ProviderRepository.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/AboutDialog.h"
#include "ui/EmptyStatePage.h"
#include "ui/FileDialog.h"
#include "ui/FilterTablePage.h"
#include "ui/MainWindow.h"
#include "ui/PageScreenshots.h"
#include "ui/SettingsDialog.h"
#include "ui/activity/ActivityPage.h"
#include "ui/activity/CallsTableModel.h"
#include "ui/bots/BotDocument.h"
#include "ui/bots/BotEditorPage.h"
#include "ui/bots/BotsPage.h"
#include "ui/chat/ChatPage.h"
#include "ui/dashboards/DashboardsPage.h"
#include "ui/prompts/PromptEditorDocument.h"
#include "ui/prompts/PromptHistoryPanel.h"
#include "ui/prompts/PromptTextEdit.h"
#include "ui/prompts/PromptsPage.h"
#include "ui/providers/ProvidersDocument.h"
#include "ui/providers/ProvidersPage.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QUndoGroup>
#include <QUndoStack>
#include <memory>
#include <optional>

using namespace Switchyard;
using Testing::child;
using Testing::closeDialogs;
using Testing::createMainWindow;
using Testing::UiWorkspace;

namespace {

void addBot(Database &db, const QString &name, const QString &status, const QString &type)
{
    Bot bot;
    bot.name = name;
    bot.status = status;
    bot.type = type;
    const auto created = BotRepository(db).create(bot);
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().toString()));
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void clickingNavigationChangesPage();
    void ctrlNumberShortcutsSwitchPages();
    void statusBarShowsWorkspacePath();
    void botsPageListsBotsAndFilterNarrowsThem();
    void promptsAndProvidersPagesShowStoreContent();
    void emptyWorkspaceShowsEmptyStates();
    void unreadableWorkspaceShowsErrorsOnThePages();
    void everySectionIsBuilt();
    void dashboardsAndActivityFollowTheWorkspace();
    void preferencesOkChangesSettingsCancelDoesNot();
    void aboutDialogShowsVersion();
    void geometryIsSavedAndRestored();
    void splittersAreSavedAndRestored();
    void openWorkspaceSwitchesDatabaseAndRemembersIt();
    void openWorkspaceRefusesNonWorkspaceAndKeepsCurrent();
    void screenshotsSaveOnePngPerPage();
    void editMenuUndoFollowsTheCurrentEditor();

private:
    std::optional<UiWorkspace> m_workspace;
};

void TestMainWindow::init()
{
    m_workspace.emplace();
    m_workspace->open();
}

void TestMainWindow::cleanup()
{
    closeDialogs();
    m_workspace.reset();
}

void TestMainWindow::clickingNavigationChangesPage()
{
    auto window = createMainWindow(*m_workspace);
    auto *navigation = child<QListView>(window.get(), "navigationView");
    auto *pages = child<QStackedWidget>(window.get(), "pageStack");
    QCOMPARE(pages->count(), 6);
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("botsPage"));

    const QStringList expected{QStringLiteral("botsPage"),      QStringLiteral("promptsPage"),
                               QStringLiteral("chatPage"),      QStringLiteral("dashboardsPage"),
                               QStringLiteral("providersPage"), QStringLiteral("activityPage")};
    // Click in reverse so every click really changes the page (Bots is current at start).
    for (int row = navigation->model()->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = navigation->model()->index(row, 0);
        const QRect rect = navigation->visualRect(index);
        QVERIFY(rect.isValid());
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(pages->currentWidget()->objectName(), expected.at(row));
        QCOMPARE(int(window->currentPage()), row);
        QCOMPARE(navigation->currentIndex().row(), row);
    }
}

void TestMainWindow::ctrlNumberShortcutsSwitchPages()
{
    auto window = createMainWindow(*m_workspace);
    auto *pages = child<QStackedWidget>(window.get(), "pageStack");
    auto *navigation = child<QListView>(window.get(), "navigationView");

    QTest::keyClick(window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window->currentPage(), MainWindow::Page::Prompts);
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("promptsPage"));
    QCOMPARE(navigation->currentIndex().row(), 1);

    QTest::keyClick(window.get(), Qt::Key_6, Qt::ControlModifier);
    QCOMPARE(window->currentPage(), MainWindow::Page::Activity);
    QTest::keyClick(window.get(), Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(window->currentPage(), MainWindow::Page::Providers);
    QTest::keyClick(window.get(), Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(window->currentPage(), MainWindow::Page::Bots);
}

void TestMainWindow::statusBarShowsWorkspacePath()
{
    auto window = createMainWindow(*m_workspace);
    auto *label = child<QLabel>(window.get(), "workspacePathLabel");
    QVERIFY2(label->text().contains(m_workspace->database.path()), qPrintable(label->text()));
    QVERIFY(window->windowTitle().contains(QStringLiteral("workspace.db")));
    QCOMPARE(m_workspace->settings->recentWorkspaces().value(0), m_workspace->database.path());
}

void TestMainWindow::botsPageListsBotsAndFilterNarrowsThem()
{
    addBot(m_workspace->database, QStringLiteral("Astro Guide"), QStringLiteral("live"), QStringLiteral("astrology"));
    addBot(m_workspace->database, QStringLiteral("Helpdesk"), QStringLiteral("draft"), QStringLiteral("support"));
    addBot(m_workspace->database, QStringLiteral("Release Scribe"), QStringLiteral("live"),
           QStringLiteral("engineering"));
    auto window = createMainWindow(*m_workspace);

    auto *page = child<FilterTablePage>(window.get(), "botsPage");
    auto *view = child<QTableView>(window.get(), "botsView");
    auto *filter = child<QLineEdit>(window.get(), "botsFilter");
    auto *count = child<QLabel>(window.get(), "botsCount");
    QVERIFY(!page->isShowingEmptyState());
    QCOMPARE(view->model()->rowCount(), 3);
    QCOMPARE(page->proxyModel()->sourceModel()->rowCount(), 3);

    filter->setFocus();
    QTest::keyClicks(filter, QStringLiteral("help"));
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("Helpdesk"));
    QCOMPARE(count->text(), QStringLiteral("1 of 3 shown"));

    // Filters every column: "live" is the translated status of two bots.
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("LIVE"));
    QCOMPARE(view->model()->rowCount(), 2);

    filter->clear();
    QCOMPARE(view->model()->rowCount(), 3);
    QCOMPARE(count->text(), QStringLiteral("3 total"));

    QTest::keyClicks(filter, QStringLiteral("no such bot"));
    QCOMPARE(view->model()->rowCount(), 0);
    QVERIFY2(!page->isShowingEmptyState(), "a filter with no match is not an empty workspace");
}

void TestMainWindow::promptsAndProvidersPagesShowStoreContent()
{
    PromptRepository prompts(m_workspace->database);
    QVERIFY(prompts
                .addVersion(QStringLiteral("support_answer"), QStringLiteral("system: v1\n"), QStringLiteral("ann"),
                            QString())
                .ok());
    QVERIFY(prompts
                .addVersion(QStringLiteral("support_answer"), QStringLiteral("system: v2\n"), QStringLiteral("bob"),
                            QStringLiteral("friendlier"))
                .ok());
    QVERIFY(prompts
                .addVersion(QStringLiteral("code_review"), QStringLiteral("system: review\n"), QStringLiteral("cy"),
                            QString())
                .ok());
    QVERIFY(prompts.moveLabel(QStringLiteral("support_answer"), QStringLiteral("production"), 1, QStringLiteral("ann"))
                .ok());

    ProvidersConfig config;
    ProviderSpec openai;
    openai.id = QStringLiteral("openai");
    openai.kind = QStringLiteral("openai");
    openai.displayName = QStringLiteral("OpenAI");
    openai.apiKeyRef = QStringLiteral("env:OPENAI_API_KEY");
    ModelSpec mini;
    mini.id = QStringLiteral("gpt-4o-mini");
    mini.contextWindow = 128000;
    openai.models = {mini};
    config.providers = {openai};
    const auto replaced = ProviderRepository(m_workspace->database).replaceAll(config);
    QVERIFY2(replaced.ok(), replaced.ok() ? "" : qPrintable(replaced.error().toString()));

    auto window = createMainWindow(*m_workspace);
    auto *promptsView = child<QTableView>(window.get(), "promptsView");
    QCOMPARE(promptsView->model()->rowCount(), 2);
    auto *proxy = child<FilterTablePage>(window.get(), "promptsPage")->proxyModel();
    QTest::keyClicks(child<QLineEdit>(window.get(), "promptsFilter"), QStringLiteral("support"));
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, 0).data().toString(), QStringLiteral("support_answer"));
    QCOMPARE(proxy->index(0, 1).data().toInt(), 2);
    QCOMPARE(proxy->index(0, 2).data().toInt(), 2);
    QCOMPARE(proxy->index(0, 3).data().toString(), QStringLiteral("production → v1"));
    QCOMPARE(proxy->index(0, 4).data().toString(), QStringLiteral("bob"));

    auto *providersView = child<QTableView>(window.get(), "providersView");
    QCOMPARE(providersView->model()->rowCount(), 1);
    QCOMPARE(providersView->model()->index(0, 0).data().toString(), QStringLiteral("openai"));
    QCOMPARE(providersView->model()->index(0, 5).data().toString(), QStringLiteral("gpt-4o-mini"));
    QCOMPARE(providersView->model()->index(0, 6).data().toString(), QStringLiteral("env:OPENAI_API_KEY"));

    // reloadWorkspace() picks up what changed in the database since.
    addBot(m_workspace->database, QStringLiteral("Late Bot"), QStringLiteral("draft"), QString());
    QCOMPARE(child<QTableView>(window.get(), "botsView")->model()->rowCount(), 0);
    window->reloadWorkspace();
    QCOMPARE(child<QTableView>(window.get(), "botsView")->model()->rowCount(), 1);
}

void TestMainWindow::emptyWorkspaceShowsEmptyStates()
{
    auto window = createMainWindow(*m_workspace);
    for (const char *name : {"botsPage", "promptsPage", "providersPage"}) {
        auto *page = child<FilterTablePage>(window.get(), name);
        QVERIFY2(page->isShowingEmptyState(), name);
        QVERIFY2(page->error().isEmpty(), qPrintable(page->error()));
    }
    QVERIFY(child<QLabel>(window.get(), "botsEmpty")->text().contains(QStringLiteral("no bots")));
}

void TestMainWindow::unreadableWorkspaceShowsErrorsOnThePages()
{
    addBot(m_workspace->database, QStringLiteral("Before"), QStringLiteral("live"), QString());
    auto window = createMainWindow(*m_workspace);
    QCOMPARE(child<QTableView>(window.get(), "botsView")->model()->rowCount(), 1);

    m_workspace->database.close();
    window->reloadWorkspace();
    for (const char *name : {"botsPage", "promptsPage", "providersPage"}) {
        auto *page = child<FilterTablePage>(window.get(), name);
        QVERIFY2(page->error().startsWith(QStringLiteral("Could not read the")), qPrintable(page->error()));
        QVERIFY(page->proxyModel()->sourceModel()->rowCount() == 0);
    }
    QVERIFY(child<QLabel>(window.get(), "botsError")->isVisible());

    QVERIFY(m_workspace->database.open(m_workspace->databasePath()).ok());
    window->reloadWorkspace();
    QVERIFY(child<FilterTablePage>(window.get(), "botsPage")->error().isEmpty());
    QVERIFY(!child<QLabel>(window.get(), "botsError")->isVisible());
    QCOMPARE(child<QTableView>(window.get(), "botsView")->model()->rowCount(), 1);
}

void TestMainWindow::everySectionIsBuilt()
{
    auto window = createMainWindow(*m_workspace);
    QVERIFY(qobject_cast<ChatPage *>(window->pageWidget(MainWindow::Page::Chat)));
    // Dashboards and Activity are the real pages now, no longer empty states.
    QCOMPARE(window->pageWidget(MainWindow::Page::Dashboards), window->dashboardsPage());
    QCOMPARE(window->pageWidget(MainWindow::Page::Activity), window->activityPage());
    QVERIFY(window->findChildren<EmptyStatePage *>().isEmpty());
    QVERIFY(window->activityPage()->findChild<QTableView *>(QStringLiteral("activityView")));
    QVERIFY(window->dashboardsPage()->chartView(DashboardsPage::Chart::Cost));
}

void TestMainWindow::dashboardsAndActivityFollowTheWorkspace()
{
    m_workspace->installSample();
    if (QTest::currentTestFailed())
        return;
    DemoDataOptions options;
    options.calls = 300;
    options.days = 5;
    QVERIFY(DemoDataGenerator::generate(m_workspace->database, options).ok());
    const QString otherPath = m_workspace->dir.filePath(QStringLiteral("empty.db"));
    {
        Database other;
        QVERIFY(other.open(otherPath).ok());
    }

    auto window = createMainWindow(*m_workspace);
    window->showPage(MainWindow::Page::Activity);
    CallsTableModel *calls = window->activityPage()->model();
    QTRY_COMPARE(calls->rowCount(), CallsTableModel::PageSize);  // read on the page's worker
    DashboardsPage *dashboards = window->dashboardsPage();
    QSignalSpy loaded(dashboards, &DashboardsPage::loaded);
    window->showPage(MainWindow::Page::Dashboards);  // the page queries when first shown
    QVERIFY(loaded.wait(20000));
    qint64 total = 0;
    for (const CostRow &row : dashboards->data().costsByTime)
        total += row.calls;
    QCOMPARE(total, qint64(300));

    // Another workspace: both pages show its (lack of) calls.
    QVERIFY(window->openWorkspace(otherPath));
    QTRY_COMPARE(calls->rowCount(), 0);
    QTRY_COMPARE(calls->totalCount(), qint64(0));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 2, 20000);  // may have arrived while the activity page loaded
    QVERIFY(dashboards->data().costsByTime.isEmpty());
    QVERIFY(dashboards->findChild<QLabel *>(QStringLiteral("dashboardsError"))->isHidden());
}

void TestMainWindow::preferencesOkChangesSettingsCancelDoesNot()
{
    auto window = createMainWindow(*m_workspace);
    auto *action = child<QAction>(window.get(), "preferencesAction");
    QVERIFY(action->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));

    // Cancel first: the change made in the dialog must not reach Settings.
    QTest::keyClick(window.get(), Qt::Key_Comma, Qt::ControlModifier);
    QPointer<SettingsDialog> dialog = window->settingsDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *policy = child<QComboBox>(dialog, "missingVariablePolicyCombo");
    policy->setFocus();
    QTest::keyClick(policy, Qt::Key_End);
    QCOMPARE(policy->currentData().toString(), QStringLiteral("error"));
    auto *buttons = child<QDialogButtonBox>(dialog, "buttonBox");
    QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QCOMPARE(m_workspace->settings->missingVariablePolicy(), QStringLiteral("keep"));

    // Then OK through the Edit menu action.
    action->trigger();
    dialog = window->settingsDialog();
    QVERIFY(dialog);
    policy = child<QComboBox>(dialog, "missingVariablePolicyCombo");
    QCOMPARE(policy->currentData().toString(), QStringLiteral("keep"));
    policy->setFocus();
    QTest::keyClick(policy, Qt::Key_End);
    buttons = child<QDialogButtonBox>(dialog, "buttonBox");
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QCOMPARE(m_workspace->settings->missingVariablePolicy(), QStringLiteral("error"));
}

void TestMainWindow::aboutDialogShowsVersion()
{
    auto window = createMainWindow(*m_workspace);
    child<QAction>(window.get(), "aboutAction")->trigger();
    AboutDialog *about = window->aboutDialog();
    QVERIFY(about);
    QTRY_VERIFY(about->isVisible());
    QCOMPARE(AboutDialog::version(), QStringLiteral(SWITCHYARD_EXPECTED_VERSION));
    const QString version = child<QLabel>(about, "aboutVersion")->text();
    QVERIFY2(version.contains(QStringLiteral(SWITCHYARD_EXPECTED_VERSION)), qPrintable(version));
    QVERIFY(child<QLabel>(about, "aboutQt")->text().contains(QLatin1String(qVersion())));
    QVERIFY(!child<QLabel>(about, "aboutLicense")->text().isEmpty());
    QVERIFY(!child<QLabel>(about, "aboutIcon")->pixmap().isNull());
}

void TestMainWindow::geometryIsSavedAndRestored()
{
    {
        auto window = createMainWindow(*m_workspace);
        window->resize(900, 640);
        QTRY_COMPARE(window->size(), QSize(900, 640));
        window->close();
    }
    QVERIFY(!m_workspace->settings->value(Settings::Key::MainWindowGeometry).toByteArray().isEmpty());
    QVERIFY(!m_workspace->settings->value(Settings::Key::MainWindowState).toByteArray().isEmpty());

    auto restored = createMainWindow(*m_workspace);
    QTRY_COMPARE(restored->size(), QSize(900, 640));
}

void TestMainWindow::splittersAreSavedAndRestored()
{
    QList<int> chosen;
    {
        auto window = createMainWindow(*m_workspace);
        window->showPage(MainWindow::Page::Bots);
        auto *splitter = window->findChild<QSplitter *>(QStringLiteral("botsSplitter"));
        QVERIFY(splitter);
        QTRY_VERIFY(splitter->width() > 400);
        const int total = splitter->sizes().at(0) + splitter->sizes().at(1);
        splitter->setSizes({total - 700, 700});
        chosen = splitter->sizes();
        window->close();
    }
    QVERIFY(
        m_workspace->settings->value(Settings::Key::SplitterStates).toMap().contains(QStringLiteral("botsSplitter")));
    auto restored = createMainWindow(*m_workspace);
    restored->showPage(MainWindow::Page::Bots);
    auto *splitter = restored->findChild<QSplitter *>(QStringLiteral("botsSplitter"));
    QVERIFY(splitter);
    QTRY_COMPARE(splitter->sizes(), chosen);
}

void TestMainWindow::openWorkspaceSwitchesDatabaseAndRemembersIt()
{
    const QString otherPath = m_workspace->dir.filePath(QStringLiteral("other.db"));
    {
        Database other;
        QVERIFY(other.open(otherPath).ok());
        addBot(other, QStringLiteral("Other Bot"), QStringLiteral("live"), QString());
    }
    auto window = createMainWindow(*m_workspace);
    const QString firstPath = m_workspace->database.path();
    auto *botsView = child<QTableView>(window.get(), "botsView");
    QCOMPARE(botsView->model()->rowCount(), 0);

    QSignalSpy opened(window.get(), &MainWindow::workspaceOpened);
    FileDialog::instance().setNextFileName(otherPath);
    QTest::keyClick(window.get(), Qt::Key_O, Qt::ControlModifier);

    QCOMPARE(opened.count(), 1);
    QCOMPARE(m_workspace->database.path(), otherPath);
    QCOMPARE(botsView->model()->rowCount(), 1);
    QCOMPARE(botsView->model()->index(0, 0).data().toString(), QStringLiteral("Other Bot"));
    QVERIFY(child<QLabel>(window.get(), "workspacePathLabel")->text().contains(otherPath));
    QCOMPARE(m_workspace->settings->recentWorkspaces(), (QStringList{otherPath, firstPath}));
    QCOMPARE(m_workspace->settings->value(Settings::Key::LastWorkspace).toString(), otherPath);

    // The Recent Workspaces menu offers the first workspace again, and choosing it goes back.
    auto *recent = child<QMenu>(window.get(), "recentWorkspacesMenu");
    QAction *back = nullptr;
    for (QAction *action : recent->actions()) {
        if (action->data().toString() == firstPath)
            back = action;
    }
    QVERIFY(back);
    QVERIFY(back->isEnabled());
    back->trigger();
    QCOMPARE(m_workspace->database.path(), firstPath);
    QCOMPARE(botsView->model()->rowCount(), 0);
    QCOMPARE(opened.count(), 2);

    // A cancelled file dialog changes nothing.
    FileDialog::instance().setNextFileName(QString());
    child<QAction>(window.get(), "openWorkspaceAction")->trigger();
    QCOMPARE(m_workspace->database.path(), firstPath);
    QCOMPARE(opened.count(), 2);
}

void TestMainWindow::openWorkspaceRefusesNonWorkspaceAndKeepsCurrent()
{
    addBot(m_workspace->database, QStringLiteral("Stays"), QStringLiteral("live"), QString());
    const QString textPath = m_workspace->dir.filePath(QStringLiteral("notes.txt"));
    QFile text(textPath);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("these are my notes, not a workspace\n");
    text.close();

    auto window = createMainWindow(*m_workspace);
    const QString firstPath = m_workspace->database.path();
    QSignalSpy opened(window.get(), &MainWindow::workspaceOpened);
    QVERIFY(!window->openWorkspace(textPath));

    QCOMPARE(opened.count(), 0);
    QCOMPARE(m_workspace->database.path(), firstPath);
    QVERIFY(m_workspace->database.isOpen());
    QCOMPARE(child<QTableView>(window.get(), "botsView")->model()->rowCount(), 1);
    auto *box = window->findChild<QMessageBox *>(QStringLiteral("workspaceErrorBox"));
    QVERIFY(box);
    QVERIFY2(box->text().contains(textPath), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QStringLiteral("current workspace stays open")), qPrintable(box->text()));
    QVERIFY(!m_workspace->settings->recentWorkspaces().contains(textPath));
    box->close();
}

void TestMainWindow::screenshotsSaveOnePngPerPage()
{
    addBot(m_workspace->database, QStringLiteral("Pictured"), QStringLiteral("live"), QString());
    auto window = createMainWindow(*m_workspace);
    window->showPage(MainWindow::Page::Providers);
    const QString dir = m_workspace->dir.filePath(QStringLiteral("shots/nested"));
    const auto saved = PageScreenshots::save(*window, dir);
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().toString()));
    QCOMPARE(saved->size(), 6);
    for (const QString &id : {QStringLiteral("bots"), QStringLiteral("prompts"), QStringLiteral("chat"),
                              QStringLiteral("dashboards"), QStringLiteral("providers"), QStringLiteral("activity")}) {
        const QString path = dir + QLatin1Char('/') + id + QStringLiteral(".png");
        QVERIFY2(saved->contains(path), qPrintable(path));
        const QImage image(path);
        QVERIFY2(!image.isNull(), qPrintable(path));
        QCOMPARE(image.size(), window->size() * window->devicePixelRatio());
    }
    QCOMPARE(window->currentPage(), MainWindow::Page::Providers);

    // The Bots and Chat shots differ: each really shows its own page.
    QVERIFY(QImage(dir + QStringLiteral("/bots.png")) != QImage(dir + QStringLiteral("/chat.png")));
}

void TestMainWindow::editMenuUndoFollowsTheCurrentEditor()
{
    m_workspace->installSample();
    if (QTest::currentTestFailed())
        return;
    auto window = createMainWindow(*m_workspace);
    Testing::showActive(window.get());
    auto *undo = window->findChild<QAction *>(QStringLiteral("undoAction"));
    QVERIFY(undo);
    QVERIFY(undo->shortcuts().contains(QKeySequence(QKeySequence::Undo)));
    QVERIFY(child<QMenu>(window.get(), "editMenu")->actions().contains(undo));

    // Bots: the bot editor's stack, and only the Bot menu of the page menus is shown.
    QCOMPARE(window->undoGroup()->activeStack(), window->botsPage()->editor()->document()->undoStack());
    QVERIFY(window->pageMenu(MainWindow::Page::Bots)->menuAction()->isVisible());
    QVERIFY(!window->pageMenu(MainWindow::Page::Prompts)->menuAction()->isVisible());

    // Providers: an edit there is undone by the window's Undo.
    window->showPage(MainWindow::Page::Providers);
    ProvidersPage *providers = window->providersPage();
    QCOMPARE(window->undoGroup()->activeStack(), providers->undoStack());
    QVERIFY(window->pageMenu(MainWindow::Page::Providers)->menuAction()->isVisible());
    QVERIFY(!window->pageMenu(MainWindow::Page::Bots)->menuAction()->isVisible());
    const QString before = providers->document()->providerAt(0).baseUrl;
    providers->document()->setProviderField(0, ProvidersDocument::ProviderField::BaseUrl,
                                            QStringLiteral("https://changed.example/v1"));
    QVERIFY(providers->isDirty());
    QVERIFY(window->windowTitle().startsWith(QStringLiteral("Providers")));
    QVERIFY(undo->isEnabled());
    undo->trigger();
    QCOMPARE(providers->document()->providerAt(0).baseUrl, before);
    QVERIFY(!providers->isDirty());

    // Prompts: the text stack, and the label stack while the version history has focus.
    window->showPage(MainWindow::Page::Prompts);
    PromptsPage *prompts = window->promptsPage();
    QCOMPARE(window->undoGroup()->activeStack(), prompts->document()->undoStack());
    QVERIFY(prompts->openPrompt(QStringLiteral("support_answer")));
    prompts->sideTabs()->setCurrentWidget(prompts->historyPanel());
    prompts->historyPanel()->versionsView()->setFocus();
    QTRY_COMPARE(window->undoGroup()->activeStack(), prompts->historyPanel()->undoStack());
    prompts->editor()->setFocus();
    QTRY_COMPARE(window->undoGroup()->activeStack(), prompts->document()->undoStack());

    // Pages without an editor leave Undo disabled.
    window->showPage(MainWindow::Page::Dashboards);
    QCOMPARE(window->undoGroup()->activeStack(), nullptr);
    QVERIFY(!undo->isEnabled());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
