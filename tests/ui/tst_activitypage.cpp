#include "core/reporting/DemoDataGenerator.h"
#include "core/store/CallLogRepository.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/activity/ActivityPage.h"
#include "ui/activity/CallDetailDialog.h"
#include "ui/activity/CallsTableModel.h"
#include "ui/chat/AttemptsTableModel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <memory>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {
constexpr qint64 Calls = 20000;
}

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
    void sortingByAColumn();
    void doubleClickOpensTheCall();

private:
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
    options.lastDay = QDate(2026, 11, 20);
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
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->reload();
}

void TestActivityPage::cleanup()
{
    m_page.reset();
    closeDialogs();
}

void TestActivityPage::newestFirstAndOnlyAPageIsRead()
{
    CallsTableModel *model = m_page->model();
    QVERIFY(model->errorString().isEmpty());
    QCOMPARE(model->rowCount(), CallsTableModel::PageSize);
    QVERIFY(model->canFetchMore({}));
    // The tester fetches more itself: attach it after the first page was checked.
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model->rowCount() < Calls);
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->callRow(row - 1).createdAt >= model->callRow(row).createdAt);
    // The first row is the newest call recorded.
    const auto newest = CallLogRepository(m_workspace->database).page({}, CallLogSort::Time, Qt::DescendingOrder, 0, 1);
    QVERIFY(newest.ok());
    QCOMPARE(model->callRow(0).uuid, newest->first().uuid);
}

void TestActivityPage::scrollingFetchesMoreWithoutLoadingAll()
{
    CallsTableModel *model = m_page->model();
    QTableView *view = m_page->view();
    QCOMPARE(model->rowCount(), CallsTableModel::PageSize);
    QElapsedTimer timer;
    timer.start();
    // Scrolling to the end asks the model for more, a page at a time.
    for (int i = 0; i < 3; ++i) {
        view->scrollToBottom();
        QTRY_VERIFY(model->rowCount() >= (i + 2) * CallsTableModel::PageSize);
    }
    qInfo("3 pages fetched by scrolling in %lld ms", qint64(timer.elapsed()));
    QVERIFY(model->rowCount() < Calls / 10);
    QVERIFY(model->canFetchMore({}));
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->callRow(row - 1).createdAt >= model->callRow(row).createdAt);
}

void TestActivityPage::filtersNarrow()
{
    CallsTableModel *model = m_page->model();
    auto *status = m_page->findChild<QComboBox *>(QStringLiteral("activityStatus"));
    QVERIFY(status);
    status->setCurrentIndex(status->findData(QStringLiteral("failed")));
    QVERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->callRow(row).status, QStringLiteral("failed"));
    CallLogFilter failed;
    failed.status = QStringLiteral("failed");
    const auto failedCount = CallLogRepository(m_workspace->database).count(failed);
    QVERIFY(failedCount.ok());
    QVERIFY(*failedCount > 0 && *failedCount < Calls);

    status->setCurrentIndex(0);
    auto *provider = m_page->findChild<QComboBox *>(QStringLiteral("activityProvider"));
    QVERIFY(provider->count() > 2);
    const QString chosen = provider->itemData(1).toString();
    provider->setCurrentIndex(1);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->callRow(row).provider, chosen);
    provider->setCurrentIndex(0);

    // Typing in the filter box re-queries after a pause (the end of a uuid: its start is a timestamp).
    auto *filter = m_page->findChild<QLineEdit *>(QStringLiteral("activityFilter"));
    const QString uuid = model->callRow(17).uuid;
    QTest::keyClicks(filter, uuid.right(12));
    QCOMPARE(filter->text(), uuid.right(12));
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->callRow(0).uuid, uuid);
    filter->clear();
    QTRY_COMPARE(model->rowCount(), CallsTableModel::PageSize);
}

void TestActivityPage::sortingByAColumn()
{
    CallsTableModel *model = m_page->model();
    QHeaderView *header = m_page->view()->horizontalHeader();
    header->setSortIndicator(CallsTableModel::Cost, Qt::AscendingOrder);
    QCOMPARE(model->rowCount(), CallsTableModel::PageSize);
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->callRow(row - 1).costMicroUsd <= model->callRow(row).costMicroUsd);
    header->setSortIndicator(CallsTableModel::Cost, Qt::DescendingOrder);
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->callRow(row - 1).costMicroUsd >= model->callRow(row).costMicroUsd);
    // The most expensive call of all comes first, not just of the first page.
    const auto top = CallLogRepository(m_workspace->database).page({}, CallLogSort::Cost, Qt::DescendingOrder, 0, 1);
    QVERIFY(top.ok());
    QCOMPARE(model->callRow(0).costMicroUsd, top->first().costMicroUsd);
    QVERIFY(model->callRow(0).costMicroUsd > model->callRow(model->rowCount() - 1).costMicroUsd);
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
    QCOMPARE(dialog->call().uuid, model->callRow(2).uuid);
    QCOMPARE(dialog->attemptsModel()->rowCount(), int(model->callRow(2).attempts));
    dialog->close();
}

QTEST_MAIN(TestActivityPage)
#include "tst_activitypage.moc"
