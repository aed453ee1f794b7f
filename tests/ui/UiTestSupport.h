#pragma once

#include "core/reporting/ReportQuery.h"
#include "core/settings/Settings.h"
#include "core/store/Database.h"

#include <QObject>
#include <QString>
#include <QTemporaryDir>
#include <memory>

class QWidget;

namespace Switchyard {
class CallDetailDialog;
class ChatPage;
class DashboardsPage;
class MainWindow;
}  // namespace Switchyard

namespace Switchyard::Testing {

/// A throwaway workspace for one UI test: a temporary directory, temporary settings (never the user's configuration)
/// and a database file in that directory. Members are destroyed in reverse order, so the database closes before its
/// directory is removed.
struct UiWorkspace {
    /// Creates the settings and opens databasePath(). A failure is recorded as a QTest failure and returns from here
    /// only, so callers stop with `if (QTest::currentTestFailed()) return;`.
    void open();

    /// open() and then installs the sample workspace (WorkspaceInstaller::sampleFolder()), as most page tests start.
    /// Failures are recorded like open()'s, so callers stop with `if (QTest::currentTestFailed()) return;`.
    void openWithSample();

    /// Installs the sample workspace into the already open database; failures are recorded like open()'s.
    void installSample();

    /// The workspace file, "workspace.db" in dir.
    QString databasePath() const;

    QTemporaryDir dir;
    std::unique_ptr<Settings> settings;
    Database database;
};

/// Shows @p window and waits until it is the active window, as keyboard and focus checks need; warns (the checks that
/// depend on it will then fail with a clearer message) when the platform never activates it.
void showActive(QWidget *window);

/// A MainWindow on @p workspace, shown and active.
std::unique_ptr<MainWindow> createMainWindow(UiWorkspace &workspace);

/// The descendant of @p parent named @p name; stops the test program (qFatal) when there is none, so a renamed widget
/// shows as such rather than as a null-pointer crash further on.
template <typename T> T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

/// Closes every top-level dialog: dialogs opened with open() must not outlive the test that opened them.
void closeDialogs();

/// Waits until @p dialog shows the call it was asked for last (it reads on its worker); false when it never does.
bool waitForCall(CallDetailDialog *dialog);

/// How long a chat test waits for the simulator to finish streaming.
constexpr int ChatStreamTimeoutMs = 15000;

/// Points the sample's "simulator" provider at `simulator://local?<query>` (e.g.
/// "latency_ms=5&tokens_per_second=2000"), so chat tests stream fast. Failures are recorded like UiWorkspace::open()'s.
void setSimulator(Database &database, const QString &query);

/// A Chat page on @p workspace, shown and active, with the bot @p botSlug chosen. Failures are recorded like
/// UiWorkspace::open()'s (the page is returned anyway).
std::unique_ptr<ChatPage> createChatPage(UiWorkspace &workspace, const QString &botSlug);

/// Whether a column of @p page is still streaming.
bool anyColumnBusy(const ChatPage &page);

/// Types @p message into @p page's composer, sends it with Ctrl+Enter and waits until every column finished.
void sendAndWait(ChatPage &page, const QString &message);

/// The dashboards tests' query: the @p days up to and including @p lastDay, grouped by @p grouping.
ReportQuery dashboardQuery(const QDate &lastDay, int days, ReportGrouping grouping);

/// Sets @p page's filter bar to @p query, refreshes now (not after the typing pause; the answer to the first showing
/// is then dropped) and waits for the charts; false when they never arrive, show another grouping or still load.
bool loadDashboards(DashboardsPage &page, const ReportQuery &query);

}  // namespace Switchyard::Testing
