#include "PageScreenshots.h"

#include "ui/FilterTablePage.h"
#include "ui/MainWindow.h"
#include "ui/bots/BotsPage.h"
#include "ui/chat/ChaosHopsModel.h"
#include "ui/chat/ChaosPanel.h"
#include "ui/chat/ChatColumn.h"
#include "ui/chat/ChatPage.h"
#include "ui/chat/TranscriptModel.h"
#include "ui/dashboards/DashboardsPage.h"
#include "ui/prompts/PromptPreviewPanel.h"
#include "ui/prompts/PromptsPage.h"
#include "ui/providers/ProvidersPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QListView>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <functional>

namespace Switchyard {

namespace {

/// Runs the event loop until @p done or @p timeoutMs passed: streaming answers and background previews settle.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 10000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    return true;
}

bool chatIdle(const ChatPage &chat)
{
    for (const ChatColumn *column : chat.columns())
        if (column->isBusy())
            return false;
    return true;
}

/// Sends @p message from the chat page and waits for every column's answer; selects the first column's answer so
/// the details panel shows its path.
void chatAndWait(ChatPage &chat, const QString &message)
{
    chat.composer()->setPlainText(message);
    chat.send();
    waitUntil([&chat] { return chatIdle(chat); }, 30000);
    if (chat.columns().isEmpty())
        return;
    const ChatColumn *first = chat.columns().first();
    const int answer = first->model()->lastRow(TranscriptEntry::Role::Assistant);
    if (answer >= 0)
        first->view()->setCurrentIndex(first->model()->index(answer));
}

}  // namespace

Result<QStringList> PageScreenshots::save(MainWindow &window, const QString &dir)
{
    if (!QDir().mkpath(dir)) {
        return Error::make(Error::Code::Io, QCoreApplication::translate("Switchyard::PageScreenshots",
                                                                        "Could not create the screenshot folder %1. "
                                                                        "Check that its parent folder is writable.")
                                                .arg(QDir::toNativeSeparators(dir)));
    }
    if (!window.isVisible())
        window.show();
    const MainWindow::Page before = window.currentPage();
    // Show an editor with content rather than its empty state: open the first bot.
    if (QTableView *bots = window.botsPage()->listPage()->view(); bots->model() && bots->model()->rowCount() > 0)
        bots->setCurrentIndex(bots->model()->index(0, 0));
    // And the offline simulator on the Providers page: the one provider that answers without a key.
    window.providersPage()->selectProvider(QStringLiteral("simulator"));
    // A structured prompt in the editor, its preview rendered.
    PromptsPage *prompts = window.promptsPage();
    if (prompts->openPrompt(QStringLiteral("astrologer_daily")))
        waitUntil([prompts] { return !prompts->previewPanel()->renderedSystem().isEmpty(); });
    // A conversation with the Astro Guide (its active config is the offline simulator).
    ChatPage *chat = window.chatPage();
    window.showPage(MainWindow::Page::Chat);
    chatAndWait(*chat, QCoreApplication::translate("Switchyard::PageScreenshots",
                                                   "What does today hold for a Leo who starts a new job?"));

    const NavigationModel *navigation = window.navigationModel();
    QStringList written;
    for (int row = 0; row < navigation->rowCount(); ++row) {
        const MainWindow::Page page = navigation->pageAt(row);
        window.showPage(page);
        // Let layouts and the paint of the newly shown page settle before grabbing; the dashboards query on a
        // worker thread once shown.
        QCoreApplication::processEvents();
        if (page == MainWindow::Page::Dashboards) {
            DashboardsPage *dashboards = window.dashboardsPage();
            waitUntil([dashboards] { return !dashboards->isLoading(); }, 30000);
            QCoreApplication::processEvents();
        }
        const QString path = QDir(dir).filePath(NavigationModel::pageId(page) + QStringLiteral(".png"));
        if (!window.grab().save(path, "PNG")) {
            window.showPage(before);
            return Error::make(Error::Code::Io,
                               QCoreApplication::translate("Switchyard::PageScreenshots",
                                                           "Could not write the screenshot %1. Check that the folder "
                                                           "is writable and the disk is not full.")
                                   .arg(QDir::toNativeSeparators(path)));
        }
        written.append(path);
    }

    // The chat tester's fallback story and compare mode: extra shots of the Chat page.
    const auto grabAs = [&window, &dir, &written](const QString &name) {
        QCoreApplication::processEvents();
        const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
        if (window.grab().save(path, "PNG"))
            written.append(path);
    };
    // The lower half of the dashboards (breakers, conversation costs, budget use and the version comparison), when
    // there are calls to show.
    window.showPage(MainWindow::Page::Dashboards);
    if (auto *charts = window.dashboardsPage()->findChild<QScrollArea *>(QStringLiteral("dashboardsCharts"));
        charts && !window.dashboardsPage()->data().timeKeys.isEmpty()) {
        charts->verticalScrollBar()->setValue(charts->verticalScrollBar()->maximum());
        grabAs(QStringLiteral("dashboards-more"));
    }
    window.showPage(MainWindow::Page::Chat);
    if (ChaosPanel *chaos = chat->chaosPanel(); chaos && chaos->model()->rowCount() > 1) {
        // A 500 injected into the primary: the answer comes from the next hop, and the path shows both.
        ChaosHopsModel *hops = chaos->model();
        hops->setData(hops->index(0, ChaosHopsModel::FaultColumn),
                      InjectedFault::name(InjectedFault::Kind::ServerError));
        chatAndWait(*chat, QCoreApplication::translate("Switchyard::PageScreenshots", "And for a Virgo?"));
        grabAs(QStringLiteral("chat-fallback"));
    }
    chat->compareCheck()->setChecked(true);
    if (QComboBox *with = chat->compareCombos().value(0); with && with->count() > 1) {
        with->setCurrentIndex(1);
        chatAndWait(*chat, QCoreApplication::translate("Switchyard::PageScreenshots", "Give me one lucky number."));
        grabAs(QStringLiteral("chat-compare"));
    }
    chat->compareCheck()->setChecked(false);

    window.showPage(before);
    return written;
}

}  // namespace Switchyard
