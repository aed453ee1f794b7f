#include "tests/ui/UiTestSupport.h"

#include "core/workspace/WorkspaceInstaller.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QDialog>
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

}  // namespace Switchyard::Testing
