// CallLogRepository: the calls behind every bucket of every report grouping are exactly the ones the report counts,
// filters and paging, sorting, and one call read back with its attempts.
#include "core/reporting/DemoDataGenerator.h"
#include "core/reporting/ReportService.h"
#include "core/store/CallLogRepository.h"
#include "core/store/Database.h"
#include "core/workspace/WorkspaceInstaller.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Switchyard;

namespace {
const QDate LastDay(2026, 11, 20);
constexpr int Days = 40;
constexpr qint64 Calls = 2500;
}  // namespace

class TestCallLogRepository : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Database m_database;
    std::vector<DemoCall> m_calls;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_database.open(m_dir.filePath(QStringLiteral("calls.db"))).ok());
        QVERIFY(WorkspaceInstaller(m_database).install(WorkspaceInstaller::sampleFolder()).ok());
        auto catalogue = DemoCatalogue::load(m_database);
        QVERIFY(catalogue.ok());
        m_calls = DemoDataGenerator(*catalogue, DemoDataOptions{Calls, Days, 5, LastDay}).next(Calls);
        QVERIFY(DemoDataGenerator::write(m_database, m_calls).ok());
    }

    void bucketsListTheCallsTheReportCounts_data()
    {
        QTest::addColumn<int>("grouping");
        QTest::addColumn<bool>("filtered");
        for (const QString &name : ReportQuery::groupingNames()) {
            const ReportGrouping grouping = *ReportQuery::parseGrouping(name);
            QTest::newRow(qPrintable(name)) << int(grouping) << false;
            QTest::newRow(qPrintable(name + QStringLiteral(" with filters"))) << int(grouping) << true;
        }
    }

    void bucketsListTheCallsTheReportCounts()
    {
        QFETCH(int, grouping);
        QFETCH(bool, filtered);
        ReportQuery query;
        query.groupBy = ReportGrouping(grouping);
        if (filtered) {
            query.from = LastDay.addDays(-20);
            query.to = LastDay.addDays(-3);
            query.provider = m_calls.front().call.servedProvider.isEmpty() ? m_calls.front().call.requestedProvider
                                                                           : m_calls.front().call.servedProvider;
        }
        const auto costs = ReportService(m_database).costs(query);
        QVERIFY(costs.ok());
        // Grouped by provider with a provider filter, there is one group; otherwise several.
        QVERIFY(costs->size() >= (filtered && query.groupBy == ReportGrouping::Provider ? 1 : 2));
        CallLogRepository log(m_database);
        qint64 total = 0;
        for (const CostRow &row : *costs) {
            CallLogFilter filter;
            filter.report = query;
            filter.bucket = row.key;
            const auto count = log.count(filter);
            QVERIFY(count.ok());
            QCOMPARE(*count, row.calls);
            total += *count;
        }
        CallLogFilter all;
        all.report = query;
        QCOMPARE(*log.count(all), total);
    }

    void pagesAreNewestFirstAndDisjoint()
    {
        CallLogRepository log(m_database);
        const auto first = log.page({}, CallLogSort::Time, Qt::DescendingOrder, 0, 100);
        const auto second = log.page({}, CallLogSort::Time, Qt::DescendingOrder, 100, 100);
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(first->size(), 100);
        QCOMPARE(second->size(), 100);
        QVERIFY(first->last().createdAt >= second->first().createdAt);
        QSet<qint64> ids;
        for (const auto *page : {&*first, &*second}) {
            for (int i = 0; i < page->size(); ++i) {
                ids.insert(page->at(i).id);
                if (i > 0)
                    QVERIFY(page->at(i - 1).createdAt >= page->at(i).createdAt);
            }
        }
        QCOMPARE(ids.size(), 200);
        const auto past = log.page({}, CallLogSort::Time, Qt::DescendingOrder, Calls - 10, 100);
        QCOMPARE(past->size(), 10);
    }

    void filtersAndSorting()
    {
        CallLogRepository log(m_database);
        CallLogFilter failed;
        failed.status = QStringLiteral("failed");
        const auto rows = log.page(failed, CallLogSort::Latency, Qt::AscendingOrder, 0, 1000);
        QVERIFY(rows.ok());
        qint64 expected = 0;
        for (const DemoCall &demo : m_calls)
            expected += demo.call.status == CallRecord::Status::Failed ? 1 : 0;
        QVERIFY(expected > 0);
        QCOMPARE(qint64(rows->size()), qMin<qint64>(expected, 1000));
        for (int i = 0; i < rows->size(); ++i) {
            QCOMPARE(rows->at(i).status, QStringLiteral("failed"));
            if (i > 0)
                QVERIFY(rows->at(i - 1).latencyMs.value_or(-1) <= rows->at(i).latencyMs.value_or(-1));
        }

        // Text: a call's uuid finds exactly that call.
        const auto newest = log.page({}, CallLogSort::Time, Qt::DescendingOrder, 0, 1);
        CallLogFilter text;
        text.text = newest->first().uuid.right(12);
        const auto found = log.page(text, CallLogSort::Time, Qt::DescendingOrder, 0, 10);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().uuid, newest->first().uuid);

        const auto choices = log.choices();
        QVERIFY(choices.ok());
        QVERIFY(choices->providers.size() >= 2);
        QVERIFY(!choices->promptKeys.isEmpty());
    }

    void oneCallWithItsAttempts()
    {
        // The generator's first call with a fallback, read back by id.
        const DemoCall *expected = nullptr;
        for (const DemoCall &demo : m_calls) {
            if (demo.call.attempts.size() > 1) {
                expected = &demo;
                break;
            }
        }
        QVERIFY(expected);
        CallLogRepository log(m_database);
        CallLogFilter filter;
        filter.text = expected->call.uuid;
        const auto rows = log.page(filter, CallLogSort::Time, Qt::DescendingOrder, 0, 2);
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().attempts, qint64(expected->call.attempts.size()));
        const auto call = log.call(rows->first().id);
        QVERIFY(call.ok());
        QCOMPARE(call->uuid, expected->call.uuid);
        QCOMPARE(call->servedProvider, expected->call.servedProvider);
        QCOMPARE(call->status, expected->call.status);
        QCOMPARE(call->errorClass, expected->call.errorClass);
        QCOMPARE(call->attempts.size(), expected->call.attempts.size());
        for (int i = 0; i < call->attempts.size(); ++i) {
            QCOMPARE(call->attempts.at(i).hopIndex, expected->call.attempts.at(i).hopIndex);
            QCOMPARE(call->attempts.at(i).outcome, expected->call.attempts.at(i).outcome);
            QCOMPARE(call->attempts.at(i).errorClass, expected->call.attempts.at(i).errorClass);
            QCOMPARE(call->attempts.at(i).provider, expected->call.attempts.at(i).provider);
        }
        QCOMPARE(log.call(999999999).error().code, Error::Code::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestCallLogRepository)
#include "tst_calllogrepository.moc"
