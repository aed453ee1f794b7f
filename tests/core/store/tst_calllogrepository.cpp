// CallLogRepository: the calls behind every bucket of every report grouping are exactly the ones the report counts,
// filters, keyset paging over every sort order (against one ORDER BY query on random calls), sorting, the filters'
// choices, and one call read back with its attempts.
#include "core/reporting/DemoDataGenerator.h"
#include "core/reporting/ReportService.h"
#include "core/store/CallLogRepository.h"
#include "core/store/Database.h"
#include "core/workspace/WorkspaceInstaller.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
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
    Database m_random;
    QList<qint64> m_randomBotIds;
    quint32 m_randomSeed = 0;

    /// A workspace with random calls made of few distinct values (many ties) and NULLs, written once.
    Database &randomLog()
    {
        if (m_random.isOpen())
            return m_random;
        const bool opened = m_random.open(m_dir.filePath(QStringLiteral("random.db"))).ok() &&
                            WorkspaceInstaller(m_random).install(WorkspaceInstaller::sampleFolder()).ok();
        if (!opened) {
            QTest::qFail("could not create the random workspace", __FILE__, __LINE__);
            return m_random;
        }
        // SWITCHYARD_TEST_SEED repeats a failed run.
        m_randomSeed = qEnvironmentVariableIsSet("SWITCHYARD_TEST_SEED")
                           ? quint32(qEnvironmentVariableIntValue("SWITCHYARD_TEST_SEED"))
                           : QRandomGenerator::global()->generate();
        qInfo("random call log seed %u", m_randomSeed);
        QRandomGenerator random(m_randomSeed);
        QSqlDatabase db = m_random.connection();
        QList<QVariant> botIds{QVariant()};
        QList<QVariant> configIds{QVariant()};
        QSqlQuery ids(db);
        ids.exec(QStringLiteral("SELECT id FROM bots ORDER BY id LIMIT 3"));
        while (ids.next()) {
            botIds << ids.value(0);
            m_randomBotIds << ids.value(0).toLongLong();
        }
        ids.exec(QStringLiteral("SELECT id FROM llm_configs ORDER BY id LIMIT 3"));
        while (ids.next())
            configIds << ids.value(0);
        const auto pick = [&random](const QList<QVariant> &values) {
            return values.at(int(random.bounded(qsizetype(values.size()))));
        };
        const QVariant null;
        db.transaction();
        QSqlQuery call(db);
        call.prepare(QStringLiteral(
            "INSERT INTO calls (uuid, bot_id, config_id, prompt_key, prompt_version, requested_provider, "
            "requested_model, served_provider, served_model, status, error_class, latency_ms, ttft_ms, input_tokens, "
            "output_tokens, cost_usd, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        QSqlQuery attempt(db);
        attempt.prepare(QStringLiteral("INSERT INTO attempts (call_id, hop_index, provider, model, outcome, "
                                       "started_at) VALUES (?, ?, 'p1', 'm1', 'failed', '2026-11-01T10:00:00.000Z')"));
        for (int i = 0; i < 300; ++i) {
            const QList<QVariant> values = {
                QStringLiteral("random-%1").arg(i),
                pick(botIds),
                pick(configIds),
                pick({QStringLiteral(""), QStringLiteral("alpha"), QStringLiteral("beta")}),
                pick({null, 1, 2}),
                pick({QStringLiteral("p1"), QStringLiteral("p3")}),
                pick({QStringLiteral("m1"), QStringLiteral("m2")}),
                pick({QStringLiteral(""), QStringLiteral("p1"), QStringLiteral("p2")}),
                pick({QStringLiteral("m1"), QStringLiteral("m2")}),
                pick({QStringLiteral("ok"), QStringLiteral("failed"), QStringLiteral("cancelled")}),
                pick({QStringLiteral(""), QStringLiteral("timeout"), QStringLiteral("rate_limited")}),
                pick({null, 100, 250}),
                pick({null, 40}),
                pick({0, 5, 10}),
                pick({0, 5}),
                pick({0.0, 0.25, 1.5}),
                QStringLiteral("2026-11-0%1T10:00:00.000Z").arg(1 + random.bounded(6)),
            };
            for (int v = 0; v < values.size(); ++v)
                call.bindValue(v, values.at(v));
            if (!call.exec()) {
                QTest::qFail(qPrintable(call.lastError().text()), __FILE__, __LINE__);
                return m_random;
            }
            const qint64 id = call.lastInsertId().toLongLong();
            for (int hop = 0, hops = int(random.bounded(4)); hop < hops; ++hop) {
                attempt.bindValue(0, id);
                attempt.bindValue(1, hop);
                attempt.exec();
            }
        }
        db.commit();
        return m_random;
    }

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
        const auto first = log.page({}, CallLogSort::Time, Qt::DescendingOrder, std::nullopt, 100);
        QVERIFY(first.ok());
        QVERIFY(first->next.has_value());
        const auto second = log.page({}, CallLogSort::Time, Qt::DescendingOrder, first->next, 100);
        QVERIFY(second.ok());
        QCOMPARE(first->rows.size(), 100);
        QCOMPARE(second->rows.size(), 100);
        QVERIFY(first->rows.last().createdAt >= second->rows.first().createdAt);
        QSet<qint64> ids;
        for (const auto *page : {&first->rows, &second->rows}) {
            for (int i = 0; i < page->size(); ++i) {
                ids.insert(page->at(i).id);
                if (i > 0)
                    QVERIFY(page->at(i - 1).createdAt >= page->at(i).createdAt);
            }
        }
        QCOMPARE(ids.size(), 200);
        // Oldest first, the last page holds what is left and says nothing follows.
        const auto head = log.page({}, CallLogSort::Time, Qt::AscendingOrder, std::nullopt, int(Calls) - 10);
        QVERIFY(head.ok() && head->next);
        const auto tail = log.page({}, CallLogSort::Time, Qt::AscendingOrder, head->next, 100);
        QVERIFY(tail.ok());
        QCOMPARE(tail->rows.size(), 10);
        QVERIFY(!tail->next);
        QCOMPARE(tail->rows.last().id, first->rows.first().id);  // the newest call ends the oldest-first listing

        // A seek key of another order is refused with a message, and so is a page without room.
        const auto mixed = log.page({}, CallLogSort::Prompt, Qt::AscendingOrder, first->next, 10);
        QVERIFY(!mixed.ok());
        QCOMPARE(mixed.error().code, Error::Code::InvalidInput);
        QVERIFY(mixed.error().message.contains(QStringLiteral("another sort order")));
        const auto empty = log.page({}, CallLogSort::Time, Qt::DescendingOrder, std::nullopt, 0);
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().code, Error::Code::InvalidInput);
    }

    /// Keyset paging over every sort order, both directions, with and without filters, at several page sizes returns
    /// exactly the rows of one ORDER BY query (written here independently, NULLs in SQLite's own order) on random
    /// calls full of ties and NULLs: no call twice, none skipped.
    void keysetPagesMatchOneOrderByQuery_data()
    {
        QTest::addColumn<int>("sort");
        QTest::addColumn<QStringList>("reference");
        const QString provider =
            QStringLiteral("CASE WHEN c.served_provider <> '' THEN c.served_provider ELSE c.requested_provider END");
        const QString model =
            QStringLiteral("CASE WHEN c.served_provider <> '' THEN c.served_model ELSE c.requested_model END");
        const auto row = [](const char *name, CallLogSort sort, const QStringList &reference) {
            QTest::newRow(name) << int(sort) << reference;
        };
        row("time", CallLogSort::Time, {QStringLiteral("c.created_at")});
        row("bot", CallLogSort::Bot, {QStringLiteral("b.slug")});
        row("config", CallLogSort::Config, {QStringLiteral("c.config_id")});
        row("prompt", CallLogSort::Prompt, {QStringLiteral("c.prompt_key"), QStringLiteral("c.prompt_version")});
        row("provider", CallLogSort::Provider, {provider, model});
        row("status", CallLogSort::Status, {QStringLiteral("c.status")});
        row("error class", CallLogSort::ErrorClass, {QStringLiteral("c.error_class")});
        row("attempts", CallLogSort::Attempts,
            {QStringLiteral("(SELECT COUNT(*) FROM attempts a WHERE a.call_id = c.id)")});
        row("tokens", CallLogSort::Tokens,
            {QStringLiteral("c.input_tokens + c.cached_input_tokens + c.cache_write_tokens + c.output_tokens + "
                            "c.reasoning_tokens")});
        row("cost", CallLogSort::Cost, {QStringLiteral("c.cost_usd")});
        row("latency", CallLogSort::Latency, {QStringLiteral("c.latency_ms")});
        row("ttft", CallLogSort::Ttft, {QStringLiteral("c.ttft_ms")});
    }

    void keysetPagesMatchOneOrderByQuery()
    {
        QFETCH(int, sort);
        QFETCH(QStringList, reference);
        Database &database = randomLog();
        QVERIFY(!QTest::currentTestFailed());
        CallLogRepository log(database);

        struct FilterCase {
            const char *name;
            CallLogFilter filter;
            QString where;
        };
        QList<FilterCase> filters;
        filters.append({"no filter", {}, QStringLiteral("true")});
        CallLogFilter failed;
        failed.status = QStringLiteral("failed");
        filters.append({"failed calls", failed, QStringLiteral("c.status = 'failed'")});
        CallLogFilter bot;
        bot.report.botId = m_randomBotIds.first();
        filters.append({"one bot", bot, QStringLiteral("c.bot_id = %1").arg(m_randomBotIds.first())});

        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            const QString direction = order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
            QStringList orderBy;
            for (const QString &expression : reference)
                orderBy << expression + direction;
            orderBy << QStringLiteral("c.id") + direction;
            for (const FilterCase &filter : filters) {
                QList<qint64> expected;
                {
                    QSqlQuery query(database.connection());
                    QVERIFY(query.exec(QStringLiteral("SELECT c.id FROM calls c LEFT JOIN bots b ON b.id = c.bot_id "
                                                      "WHERE %1 ORDER BY %2")
                                           .arg(filter.where, orderBy.join(QStringLiteral(", ")))));
                    while (query.next())
                        expected << query.value(0).toLongLong();
                }
                QVERIFY(expected.size() > 8);
                for (const int pageSize : {4, 64}) {
                    QList<qint64> paged;
                    std::optional<CallLogSeek> after;
                    int pages = 0;
                    do {
                        const auto page = log.page(filter.filter, CallLogSort(sort), order, after, pageSize);
                        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().toString()));
                        QVERIFY(page->rows.size() <= pageSize);
                        // Only the last page may be short, and only it says nothing follows.
                        QVERIFY(!page->next || page->rows.size() == pageSize);
                        for (const CallLogRow &row : page->rows)
                            paged << row.id;
                        after = page->next;
                        QVERIFY(++pages <= expected.size() + 1);
                    } while (after);
                    const QString context =
                        QStringLiteral("%1, %2, pages of %3 (seed %4)")
                            .arg(QLatin1String(filter.name), order == Qt::AscendingOrder ? QStringLiteral("ascending")
                                                                                         : QStringLiteral("descending"))
                            .arg(pageSize)
                            .arg(m_randomSeed);
                    QVERIFY2(paged == expected, qPrintable(context));
                    QCOMPARE(QSet<qint64>(paged.cbegin(), paged.cend()).size(), paged.size());
                }
            }
        }
    }

    void keysetPagesStayDisjointWhileCallsAreRecorded()
    {
        Database &database = randomLog();
        QVERIFY(!QTest::currentTestFailed());
        CallLogRepository log(database);
        const auto first = log.page({}, CallLogSort::Time, Qt::DescendingOrder, std::nullopt, 10);
        QVERIFY(first.ok() && first->next);
        // A newer call is recorded between two pages: with OFFSET the second page would repeat the first's last call.
        QSqlQuery insert(database.connection());
        QVERIFY(insert.exec(QStringLiteral("INSERT INTO calls (uuid, status, created_at) VALUES ('late-call', 'ok', "
                                           "'2030-01-01T00:00:00.000Z')")));
        const auto second = log.page({}, CallLogSort::Time, Qt::DescendingOrder, first->next, 10);
        QVERIFY(second.ok());
        QSqlQuery expected(database.connection());
        QVERIFY(expected.exec(QStringLiteral("SELECT id FROM calls WHERE uuid <> 'late-call' ORDER BY created_at DESC, "
                                             "id DESC LIMIT 10 OFFSET 10")));
        for (const CallLogRow &row : second->rows) {
            QVERIFY(expected.next());
            QCOMPARE(row.id, expected.value(0).toLongLong());
        }
        QVERIFY(insert.exec(QStringLiteral("DELETE FROM calls WHERE uuid = 'late-call'")));
    }

    void filtersAndSorting()
    {
        CallLogRepository log(m_database);
        CallLogFilter failed;
        failed.status = QStringLiteral("failed");
        const auto page = log.page(failed, CallLogSort::Latency, Qt::AscendingOrder, std::nullopt, 1000);
        QVERIFY(page.ok());
        const QList<CallLogRow> *rows = &page->rows;
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
        const auto newest = log.page({}, CallLogSort::Time, Qt::DescendingOrder, std::nullopt, 1);
        CallLogFilter text;
        text.text = newest->rows.first().uuid.right(12);
        const auto found = log.page(text, CallLogSort::Time, Qt::DescendingOrder, std::nullopt, 10);
        QCOMPARE(found->rows.size(), 1);
        QCOMPARE(found->rows.first().uuid, newest->rows.first().uuid);
        QVERIFY(!found->next);

        const auto choices = log.choices();
        QVERIFY(choices.ok());
        QVERIFY(choices->providers.size() >= 2);
        QVERIFY(!choices->promptKeys.isEmpty());
        // The bots and error classes the calls have, for the Activity page's filters.
        QSet<qint64> botIds;
        QSet<QString> errorClasses;
        for (const DemoCall &demo : m_calls) {
            if (demo.call.botId)
                botIds.insert(*demo.call.botId);
            if (demo.call.status != CallRecord::Status::Ok && demo.call.errorClass != FailureClass::None)
                errorClasses.insert(failureClassName(demo.call.errorClass));
        }
        QCOMPARE(choices->bots.size(), botIds.size());
        for (const CallLogChoices::Bot &bot : choices->bots) {
            QVERIFY(botIds.contains(bot.id));
            QVERIFY(!bot.slug.isEmpty());
        }
        QCOMPARE(QSet<QString>(choices->errorClasses.cbegin(), choices->errorClasses.cend()), errorClasses);
        QVERIFY(!errorClasses.isEmpty());
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
        const auto page = log.page(filter, CallLogSort::Time, Qt::DescendingOrder, std::nullopt, 2);
        QCOMPARE(page->rows.size(), 1);
        QCOMPARE(page->rows.first().attempts, qint64(expected->call.attempts.size()));
        const auto call = log.call(page->rows.first().id);
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
