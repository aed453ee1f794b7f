#include "tests/ui/UiTestSupport.h"

#include "core/store/ProviderRepository.h"
#include "core/workspace/WorkspaceInstaller.h"
#include "ui/MainWindow.h"
#include "ui/activity/CallDetailDialog.h"
#include "ui/chat/ChatColumn.h"
#include "ui/chat/ChatPage.h"
#include "ui/dashboards/DashboardsPage.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

namespace Switchyard::Testing {

void UiWorkspace::open()
{
    QVERIFY(dir.isValid());
    settings = Settings::createTemporary();
    QVERIFY(settings);
    const auto opened = database.open(databasePath());
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().toString()));
}

void UiWorkspace::openWithSample()
{
    open();
    if (QTest::currentTestFailed())
        return;
    installSample();
}

void UiWorkspace::installSample()
{
    const auto installed = WorkspaceInstaller(database).install(WorkspaceInstaller::sampleFolder());
    QVERIFY2(installed.ok(), installed.ok() ? "" : qPrintable(installed.error().toString()));
}

QString UiWorkspace::databasePath() const
{
    return dir.filePath(QStringLiteral("workspace.db"));
}

void showActive(QWidget *window)
{
    window->show();
    QApplication::setActiveWindow(window);
    if (!QTest::qWaitForWindowActive(window))
        qWarning("main window did not become active");
}

std::unique_ptr<MainWindow> createMainWindow(UiWorkspace &workspace)
{
    auto window = std::make_unique<MainWindow>(workspace.database, *workspace.settings);
    showActive(window.get());
    return window;
}

void closeDialogs()
{
    const QWidgetList top = QApplication::topLevelWidgets();
    for (QWidget *widget : top) {
        if (qobject_cast<QDialog *>(widget))
            widget->close();
    }
}

bool waitForCall(CallDetailDialog *dialog)
{
    return QTest::qWaitFor([dialog] { return !dialog->isLoading(); }, 20000);
}

void setSimulator(Database &database, const QString &query)
{
    ProviderRepository providers(database);
    auto config = providers.load();
    QVERIFY(config.ok());
    bool found = false;
    for (ProviderSpec &provider : config->providers) {
        if (provider.id == QLatin1String("simulator")) {
            provider.baseUrl = QStringLiteral("simulator://local?") + query;
            found = true;
        }
    }
    QVERIFY(found);
    QVERIFY(providers.replaceAll(*config).ok());
}

std::unique_ptr<ChatPage> createChatPage(UiWorkspace &workspace, const QString &botSlug)
{
    auto page = std::make_unique<ChatPage>(workspace.database, *workspace.settings);
    page->resize(1200, 800);
    showActive(page.get());
    page->botCombo()->setCurrentIndex(page->botCombo()->findData(botSlug));
    [&] {
        QCOMPARE(page->botCombo()->currentData().toString(), botSlug);
    }();
    return page;
}

bool anyColumnBusy(const ChatPage &page)
{
    const auto &columns = page.columns();
    return std::any_of(columns.cbegin(), columns.cend(), [](const ChatColumn *c) { return c->isBusy(); });
}

void sendAndWait(ChatPage &page, const QString &message)
{
    page.composer()->setFocus();
    page.composer()->setPlainText(message);
    QTest::keyClick(page.composer(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(page.composer()->toPlainText().isEmpty());  // Ctrl+Enter sent it
    QTRY_VERIFY_WITH_TIMEOUT(!anyColumnBusy(page), ChatStreamTimeoutMs);
}

ReportQuery dashboardQuery(const QDate &lastDay, int days, ReportGrouping grouping)
{
    ReportQuery query;
    query.from = lastDay.addDays(-(days - 1));
    query.to = lastDay;
    query.groupBy = grouping;
    return query;
}

bool loadDashboards(DashboardsPage &page, const ReportQuery &query)
{
    QSignalSpy loaded(&page, &DashboardsPage::loaded);
    page.setQuery(query);
    page.refresh();
    return loaded.wait(20000) && page.data().query.groupBy == query.groupBy && !page.isLoading();
}

}  // namespace Switchyard::Testing
