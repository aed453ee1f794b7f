// The Activity page on 20k demo calls: the first page newest first, more pages as the view scrolls, every filter,
// sorting by a column, the count; queries on the worker with a busy bar while they run (the window keeps running its
// event loop, and a filter changed again drops the answer of the one before); Enter, double-click, Ctrl+F and F5.
#include "core/reporting/DemoDataGenerator.h"
#include "core/store/CallLogRepository.h"
#include "core/store/DatabaseWorker.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/activity/ActivityPage.h"
#include "ui/activity/CallDetailDialog.h"
#include "ui/activity/CallsTableModel.h"
#include "ui/chat/AttemptsTableModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <memory>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {
constexpr qint64 Calls = 20000;
const QDate LastDay(2026, 11, 20);
}  // namespace

class TestActivityPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void newestFirstAndOnlyAPageIsRead();
    void scrollingFetchesMoreWithoutLoadingAll();
    void filtersNarrow();
    void periodAndInvalidRange();
    void sortingByAColumn();
    void queriesRunOnTheWorkerAndTheLatestWins();
    void doubleClickOpensTheCall();
    void callDetailReadsOnItsWorkerAndTheLatestWins();
    void keyboard();

private:
    /// Waits until the page's model has its first page and count for the latest request.
    bool waitUntilLoaded();
    /// The calls the repository counts for @p filter.
    qint64 count(const CallLogFilter &filter);

    std::unique_ptr<UiWorkspace> m_workspace;
    std::unique_ptr<ActivityPage> m_page;
};

void TestActivityPage::initTestCase()
{
    // One workspace with 20k demo calls for every test: the page only reads it.
    m_workspace = std::make_unique<UiWorkspace>();
    m_workspace->openWithSample();
    if (QTest::currentTestFailed())
        return;
    DemoDataOptions options;
    options.calls = Calls;
    options.days = 20;
    options.seed = 7;
    options.lastDay = LastDay;
    const auto written = DemoDataGenerator::generate(m_workspace->database, options);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
}

void TestActivityPage::cleanupTestCase()
{
    m_workspace.reset();
}

void TestActivityPage::init()
{
    m_page = std::make_unique<ActivityPage>(m_workspace->database);
    m_page->resize(1200, 700);
    showActive(m_page.get());
    m_page->reload();
    QVERIFY(waitUntilLoaded());
}

void TestActivityPage::cleanup()
{
    m_page.reset();
    closeDialogs();
}

bool TestActivityPage::waitUntilLoaded()
{
    CallsTableModel *model = m_page->model();
    return QTest::qWaitFor([model] { return !model->isLoading() && !model->isCounting(); }, 20000);
}

qint64 TestActivityPage::count(const CallLogFilter &filter)
{
    const auto counted = CallLogRepository(m_workspace->database).count(filter);
    return counted ? *counted : -1;
}

void TestActivityPage::newestFirstAndOnlyAPageIsRead()
{
    CallsTableModel *model = m_page->model();
    QVERIFY(model->errorString().isEmpty());
    QCOMPARE(model->rowCount(), CallsTableModel::PageSize);
    QVERIFY(model->canFetchMore({}));
    QVERIFY(model->rowCount() < Calls);
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->callRow(row - 1).createdAt >= model->callRow(row).createdAt);
    // The first row is the newest call recorded.
    const auto newest =
        CallLogRepository(m_workspace->database).page({}, CallLogSort::Time, Qt::DescendingOrder, std::nullopt, 1);
    QVERIFY(newest.ok());
    QCOMPARE(model->callRow(0).uuid, newest->rows.first().uuid);
    // Every call is counted, and the page says how many; the busy bar is gone.
    QCOMPARE(model->totalCount(), Calls);
    QCOMPARE(child<QLabel>(m_page.get(), "activityCount")->text(),
             QStringLiteral("%1 calls").arg(QLocale().toString(Calls)));
    QVERIFY(child<QProgressBar>(m_page.get(), "activityBusy")->isHidden());
    {
        // The tester fetches more after every change it checks (a page at a time, asynchronously now), so it would
        // read the whole log: attach it after the first page was checked, and only for the next few pages.
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(model->rowCount() > 2 * CallsTableModel::PageSize);
    }
    QVERIFY(waitUntilLoaded());
}

void TestActivityPage::scrollingFetchesMoreWithoutLoadingAll()
{
    CallsTableModel *model = m_page->model();
    QTableView *view = m_page->view();
    QCOMPARE(model->rowCount(), CallsTableModel::PageSize);
    // Scrolling to the end asks the model for more, a page at a time (keyset pages, read on the worker).
    for (int i = 0; i < 3; ++i) {
        view->scrollToBottom();
        QTRY_VERIFY(model->rowCount() >= (i + 2) * CallsTableModel::PageSize);
    }
    QVERIFY(waitUntilLoaded());
    QVERIFY(model->rowCount() < Calls / 10);
    QVERIFY(model->canFetchMore({}));
    QSet<qint64> ids;
    for (int row = 0; row < model->rowCount(); ++row) {
        ids.insert(model->callId(row));
        if (row > 0)
            QVERIFY(model->callRow(row - 1).createdAt >= model->callRow(row).createdAt);
    }
    QCOMPARE(ids.size(), model->rowCount());  // no call twice across pages
}

void TestActivityPage::filtersNarrow()
{
    CallsTableModel *model = m_page->model();
    auto *status = child<QComboBox>(m_page.get(), "activityStatus");
    status->setCurrentIndex(status->findData(QStringLiteral("failed")));
    QVERIFY(model->isLoading());  // the query runs on the worker: the answer comes later
    QVERIFY(waitUntilLoaded());
    QVERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->callRow(row).status, QStringLiteral("failed"));
    CallLogFilter failed;
    failed.status = QStringLiteral("failed");
    QCOMPARE(model->totalCount(), count(failed));
    QVERIFY(model->totalCount() > 0 && model->totalCount() < Calls);
    status->setCurrentIndex(0);

    // The choices come from the calls: providers, models, bots and error classes.
    auto *provider = child<QComboBox>(m_page.get(), "activityProvider");
    QVERIFY(provider->count() > 2);
    const QString chosen = provider->itemData(1).toString();
    provider->setCurrentIndex(1);
    QVERIFY(waitUntilLoaded());
    QVERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->callRow(row).provider, chosen);
    provider->setCurrentIndex(0);

    auto *modelBox = child<QComboBox>(m_page.get(), "activityModel");
    QVERIFY(modelBox->count() > 2);
    const QString modelId = modelBox->itemData(1).toString();
    modelBox->setCurrentIndex(1);
    QVERIFY(waitUntilLoaded());
    QVERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->callRow(row).model, modelId);
    modelBox->setCurrentIndex(0);

    auto *bot = child<QComboBox>(m_page.get(), "activityBot");
    QVERIFY(bot->count() > 2);
    const QString slug = bot->itemText(2);
    bot->setCurrentIndex(2);
    QVERIFY(waitUntilLoaded());
    QVERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->callRow(row).botSlug, slug);
    CallLogFilter oneBot;
    oneBot.report.botId = bot->itemData(2).toLongLong();
    QCOMPARE(model->totalCount(), count(oneBot));
    bot->setCurrentIndex(0);

    auto *errorClass = child<QComboBox>(m_page.get(), "activityErrorClass");
    QVERIFY(errorClass->count() > 1);
    const QString className = errorClass->itemData(1).toString();
    errorClass->setCurrentIndex(1);
    QVERIFY(waitUntilLoaded());
    QVERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row) {
        QVERIFY(model->callRow(row).status != QLatin1String("ok"));
        QCOMPARE(model->callRow(row).errorClass, className);
    }
    errorClass->setCurrentIndex(0);
    QVERIFY(waitUntilLoaded());

    // Typing in the search box re-queries after a pause (the end of a uuid: its start is a timestamp).
    auto *search = child<QLineEdit>(m_page.get(), "activityFilter");
    const QString uuid = model->callRow(17).uuid;
    QTest::keyClicks(search, uuid.right(12));
    QCOMPARE(search->text(), uuid.right(12));
    QVERIFY(!model->isLoading());  // debounced: no query per key
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->callRow(0).uuid, uuid);
    QTRY_COMPARE(model->totalCount(), qint64(1));
    QCOMPARE(child<QLabel>(m_page.get(), "activityCount")->text(), QStringLiteral("1 call"));
    search->clear();
    QTRY_COMPARE(model->rowCount(), CallsTableModel::PageSize);
}

void TestActivityPage::periodAndInvalidRange()
{
    CallsTableModel *model = m_page->model();
    auto *period = child<QComboBox>(m_page.get(), "activityPeriod");
    auto *from = child<QDateEdit>(m_page.get(), "activityFrom");
    auto *to = child<QDateEdit>(m_page.get(), "activityTo");
    QVERIFY(from->isHidden());
    period->setCurrentIndex(period->count() - 1);  // custom range
    QVERIFY(!from->isHidden() && !to->isHidden());
    from->setDate(LastDay.addDays(-2));
    to->setDate(LastDay.addDays(-1));
    QTRY_VERIFY(model->filter().report.to == LastDay.addDays(-1));
    QVERIFY(waitUntilLoaded());
    QVERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QDate day = model->callRow(row).createdAt.toUTC().date();
        QVERIFY(day >= LastDay.addDays(-2) && day <= LastDay.addDays(-1));
    }
    CallLogFilter twoDays;
    twoDays.report.from = LastDay.addDays(-2);
    twoDays.report.to = LastDay.addDays(-1);
    QCOMPARE(model->totalCount(), count(twoDays));

    // A range that ends before it starts is named, and not queried.
    auto *error = child<QLabel>(m_page.get(), "activityError");
    from->setDate(LastDay);
    QTRY_VERIFY(!error->isHidden());
    QVERIFY(!error->text().isEmpty());
    QVERIFY(!model->isLoading());
    QCOMPARE(model->filter().report.to, LastDay.addDays(-1));  // the last valid filter stays
    to->setDate(LastDay);
    QTRY_VERIFY(error->isHidden());
    QVERIFY(waitUntilLoaded());
}

void TestActivityPage::sortingByAColumn()
{
    CallsTableModel *model = m_page->model();
    QHeaderView *header = m_page->view()->horizontalHeader();
    header->setSortIndicator(CallsTableModel::Cost, Qt::AscendingOrder);
    QVERIFY(model->isLoading());
    QVERIFY(!model->isCounting());  // the order does not change the count
    QVERIFY(waitUntilLoaded());
    QCOMPARE(model->rowCount(), CallsTableModel::PageSize);
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->callRow(row - 1).costMicroUsd <= model->callRow(row).costMicroUsd);
    header->setSortIndicator(CallsTableModel::Cost, Qt::DescendingOrder);
    QVERIFY(waitUntilLoaded());
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->callRow(row - 1).costMicroUsd >= model->callRow(row).costMicroUsd);
    // The most expensive call of all comes first, not just of the first page.
    const auto top =
        CallLogRepository(m_workspace->database).page({}, CallLogSort::Cost, Qt::DescendingOrder, std::nullopt, 1);
    QVERIFY(top.ok());
    QCOMPARE(model->callRow(0).costMicroUsd, top->rows.first().costMicroUsd);
    QVERIFY(model->callRow(0).costMicroUsd > model->callRow(model->rowCount() - 1).costMicroUsd);
    // The next pages continue the order.
    m_page->view()->scrollToBottom();
    QTRY_VERIFY(model->rowCount() > CallsTableModel::PageSize);
    QVERIFY(waitUntilLoaded());
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->callRow(row - 1).costMicroUsd >= model->callRow(row).costMicroUsd);
}

void TestActivityPage::queriesRunOnTheWorkerAndTheLatestWins()
{
    CallsTableModel *model = m_page->model();
    const QString firstUuid = model->callRow(0).uuid;
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    QSignalSpy loaded(model, &CallsTableModel::loaded);

    // Hold the worker, as a slow query would.
    QSemaphore started;
    QSemaphore release;
    std::atomic<QThread *> workerThread = nullptr;
    model->pageWorker()->run(
        [&](Database &) {
            workerThread = QThread::currentThread();
            started.release();
            release.acquire();
            return 0;
        },
        [](int) {});
    started.acquire();
    QVERIFY(workerThread.load() != QThread::currentThread());

    auto *status = child<QComboBox>(m_page.get(), "activityStatus");
    status->setCurrentIndex(status->findData(QStringLiteral("failed")));
    // The window shows the query running and keeps the rows it had; its event loop keeps running (a timer ticks).
    QVERIFY(model->isLoading());
    QVERIFY(!child<QProgressBar>(m_page.get(), "activityBusy")->isHidden());
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(1);
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start();
    QTRY_VERIFY(ticks >= 5);
    ticker.stop();
    QCOMPARE(model->rowCount(), CallsTableModel::PageSize);
    QCOMPARE(model->callRow(0).uuid, firstUuid);
    QCOMPARE(resets.count(), 0);

    // Changed again before the first answer: only the latest filter's rows are shown, once.
    status->setCurrentIndex(status->findData(QStringLiteral("cancelled")));
    release.release();
    QVERIFY(waitUntilLoaded());
    QCOMPARE(resets.count(), 1);
    QCOMPARE(loaded.count(), 1);
    QVERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->callRow(row).status, QStringLiteral("cancelled"));
    CallLogFilter cancelled;
    cancelled.status = QStringLiteral("cancelled");
    QCOMPARE(model->totalCount(), count(cancelled));
    QVERIFY(child<QProgressBar>(m_page.get(), "activityBusy")->isHidden());
}

void TestActivityPage::doubleClickOpensTheCall()
{
    CallsTableModel *model = m_page->model();
    QTableView *view = m_page->view();
    const QModelIndex index = model->index(2, CallsTableModel::Status);
    const QRect rect = view->visualRect(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    CallDetailDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_page->findChild<CallDetailDialog *>()) != nullptr);
    QVERIFY(waitForCall(dialog));
    QCOMPARE(dialog->call().uuid, model->callRow(2).uuid);
    QCOMPARE(dialog->attemptsModel()->rowCount(), int(model->callRow(2).attempts));
    dialog->close();
}

void TestActivityPage::callDetailReadsOnItsWorkerAndTheLatestWins()
{
    CallsTableModel *model = m_page->model();
    CallDetailDialog dialog(m_workspace->database);
    QSignalSpy shown(&dialog, &CallDetailDialog::callShown);

    // The call is read on the dialog's worker: the dialog says it is reading until the answer arrives.
    dialog.showCall(model->callId(3));
    QVERIFY(dialog.isLoading());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("callDetailLoading"))->isVisibleTo(&dialog));
    QVERIFY(!dialog.openInChatButton()->isEnabled());
    QVERIFY(shown.wait(20000));
    QCOMPARE(shown.takeFirst().at(0).toBool(), true);
    QVERIFY(!dialog.isLoading());
    QCOMPARE(dialog.call().uuid, model->callRow(3).uuid);
    QVERIFY(dialog.openInChatButton()->isEnabled());

    // Asked for two calls in a row, it shows the second only.
    dialog.showCall(model->callId(5));
    dialog.showCall(model->callId(6));
    QVERIFY(shown.wait(20000));
    QTest::qWait(50);
    QCOMPARE(shown.count(), 1);
    QCOMPARE(dialog.call().uuid, model->callRow(6).uuid);

    // A call that is not there: the reason is shown, nothing of the previous call stays, and it can not be opened.
    shown.clear();
    dialog.showCall(987654321);
    QVERIFY(shown.wait(20000));
    QCOMPARE(shown.takeFirst().at(0).toBool(), false);
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("callDetailError"));
    QVERIFY(error->isVisibleTo(&dialog));
    QVERIFY2(error->text().contains(QStringLiteral("987654321")), qPrintable(error->text()));
    QVERIFY(dialog.call().uuid.isEmpty());
    QCOMPARE(dialog.attemptsModel()->rowCount(), 0);
    QVERIFY(!dialog.openInChatButton()->isEnabled());
}

void TestActivityPage::keyboard()
{
    CallsTableModel *model = m_page->model();
    QTableView *view = m_page->view();
    auto *search = child<QLineEdit>(m_page.get(), "activityFilter");

    // Enter in the table opens the current call.
    view->setFocus();
    view->setCurrentIndex(model->index(4, CallsTableModel::Bot));
    QTest::keyClick(view, Qt::Key_Return);
    CallDetailDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_page->findChild<CallDetailDialog *>()) != nullptr);
    QVERIFY(waitForCall(dialog));
    QCOMPARE(dialog->call().uuid, model->callRow(4).uuid);
    dialog->close();
    QTRY_VERIFY(m_page->findChild<CallDetailDialog *>() == nullptr);
    showActive(m_page.get());

    // Ctrl+F goes to the search box; Enter there searches at once instead of opening a call.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());
    search->setText(model->callRow(9).uuid);
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(model->isLoading());
    QVERIFY(waitUntilLoaded());
    QCOMPARE(model->rowCount(), 1);
    QVERIFY(m_page->findChild<CallDetailDialog *>() == nullptr);
    search->clear();
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(waitUntilLoaded());

    // F5 reads again: a call recorded since shows at the top, and the count grows.
    QSqlQuery insert(m_workspace->database.connection());
    QVERIFY(insert.exec(QStringLiteral("INSERT INTO calls (uuid, status, created_at) VALUES ('recorded-later', 'ok', "
                                       "'2030-01-01T00:00:00.000Z')")));
    QVERIFY(model->callRow(0).uuid != QLatin1String("recorded-later"));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_F5);
    QVERIFY(model->isLoading());
    QVERIFY(waitUntilLoaded());
    QCOMPARE(model->callRow(0).uuid, QStringLiteral("recorded-later"));
    QCOMPARE(model->totalCount(), Calls + 1);
    QVERIFY(insert.exec(QStringLiteral("DELETE FROM calls WHERE uuid = 'recorded-later'")));
}

QTEST_MAIN(TestActivityPage)
#include "tst_activitypage.moc"
