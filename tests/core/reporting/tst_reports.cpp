// The reports against expectations computed independently, in plain C++ over the generated records (not SQL), for
// every report, grouping and filter; and the rollups (report_daily, report_latency, report_conversations) staying equal
// to the raw rows through inserts, feedback changes, updates and the removal of demo data.
#include "core/accounting/UsageRecorder.h"
#include "core/model/Money.h"
#include "core/reporting/DemoDataGenerator.h"
#include "core/reporting/ReportService.h"
#include "core/reporting/RollupChecker.h"
#include "core/store/Database.h"
#include "core/store/ReportRollupSql.h"
#include "core/workspace/WorkspaceInstaller.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <numeric>

using namespace Switchyard;

namespace {

const QDate LastDay(2026, 3, 15);
constexpr int Days = 21;

/// The percentile as its definition says, written independently of core/reporting: the smallest value such that
/// at least p% of the values are <= it, found by walking the sorted values.
qint64 definitionPercentile(std::vector<qint64> values, int percent)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    for (std::size_t i = 0; i < n; ++i) {
        if ((i + 1) * 100 >= std::size_t(percent) * n)
            return values[i];
    }
    return values.back();
}

LatencyFigures definitionFigures(const std::vector<qint64> &values)
{
    LatencyFigures figures;
    figures.count = qint64(values.size());
    if (!values.empty()) {
        figures.p50 = definitionPercentile(values, 50);
        figures.p95 = definitionPercentile(values, 95);
        figures.p99 = definitionPercentile(values, 99);
    }
    return figures;
}

QString reportedProvider(const CallRecord &call)
{
    return call.servedProvider.isEmpty() ? call.requestedProvider : call.servedProvider;
}

QString reportedModel(const CallRecord &call)
{
    return call.servedProvider.isEmpty() ? call.requestedModel : call.servedModel;
}

QString failureName(FailureClass failure)
{
    return failure == FailureClass::None ? QString() : failureClassName(failure);
}

}  // namespace

class TestReports : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Database m_database;
    std::vector<DemoCall> m_calls;  ///< everything in the database, as the test believes it to be
    QHash<qint64, QString> m_slugs;

    QString keyOf(const CallRecord &call, ReportGrouping grouping) const
    {
        const QDate day = call.createdAt.toUTC().date();
        switch (grouping) {
        case ReportGrouping::Provider:
            return reportedProvider(call);
        case ReportGrouping::Model:
            return reportedProvider(call) + QLatin1Char('/') + reportedModel(call);
        case ReportGrouping::Bot:
            return call.botId ? m_slugs.value(*call.botId) : QString();
        case ReportGrouping::Version:
            return call.promptKey +
                   (call.promptVersion.value_or(0) > 0 ? QStringLiteral("@%1").arg(*call.promptVersion) : QString());
        case ReportGrouping::Day:
            return day.toString(QStringLiteral("yyyy-MM-dd"));
        case ReportGrouping::Week:
            return day.addDays(-(day.dayOfWeek() - 1)).toString(QStringLiteral("yyyy-MM-dd"));
        case ReportGrouping::Month:
            return day.toString(QStringLiteral("yyyy-MM"));
        }
        return {};
    }

    static bool matches(const CallRecord &call, const ReportQuery &query)
    {
        const QDate day = call.createdAt.toUTC().date();
        if ((query.from && day < *query.from) || (query.to && day > *query.to))
            return false;
        if (query.botId && call.botId != query.botId)
            return false;
        if (query.configId && call.configId != query.configId)
            return false;
        if (!query.provider.isEmpty() && reportedProvider(call) != query.provider)
            return false;
        if (!query.model.isEmpty() && reportedModel(call) != query.model)
            return false;
        if (!query.promptKey.isEmpty() && call.promptKey != query.promptKey)
            return false;
        if (query.promptVersion && call.promptVersion != query.promptVersion)
            return false;
        return true;
    }

    /// Compares all four reports for @p query with expectations from m_calls.
    void compareAll(const ReportQuery &query)
    {
        QMap<QString, CostRow> costs;
        QMap<QString, QualityRow> quality;
        QMap<QString, FallbackRow> fallbacks;
        QMap<QString, std::pair<std::vector<qint64>, std::vector<qint64>>> latencies;
        for (const DemoCall &demo : m_calls) {
            const CallRecord &call = demo.call;
            if (!matches(call, query))
                continue;
            const QString key = keyOf(call, query.groupBy);
            CostRow &cost = costs[key];
            cost.key = key;
            ++cost.calls;
            cost.tokens += call.usage;
            cost.costMicroUsd += MicroUsd::fromUsd(call.costUsd);

            QualityRow &votes = quality[key];
            votes.key = key;
            ++votes.calls;
            if (demo.rating == 1)
                ++votes.up;
            else if (demo.rating == -1)
                ++votes.down;

            FallbackRow &fallback = fallbacks[key];
            fallback.key = key;
            ++fallback.calls;
            if (call.status == CallRecord::Status::Ok) {
                ++fallback.okCalls;
                int hop = 0;
                for (const AttemptRecord &attempt : call.attempts) {
                    if (attempt.outcome == AttemptRecord::Outcome::Succeeded)
                        hop = attempt.hopIndex;
                }
                ++fallback.servedByHop[hop];
                auto &samples = latencies[key];
                if (call.latencyMs)
                    samples.first.push_back(*call.latencyMs);
                if (call.ttftMs)
                    samples.second.push_back(*call.ttftMs);
            } else {
                ++fallback.errorCalls;
                ++fallback.errorClasses[failureName(call.errorClass)];
            }
        }

        ReportService service(m_database);
        const auto actualCosts = service.costs(query);
        QVERIFY2(actualCosts.ok(), qPrintable(actualCosts.ok() ? QString() : actualCosts.error().toString()));
        QCOMPARE(actualCosts->size(), costs.size());
        QVERIFY(!costs.isEmpty());
        for (const CostRow &row : *actualCosts) {
            const CostRow expected = costs.value(row.key);
            QCOMPARE(row.key, expected.key);
            QCOMPARE(row.calls, expected.calls);
            QCOMPARE(row.tokens.input, expected.tokens.input);
            QCOMPARE(row.tokens.cachedInput, expected.tokens.cachedInput);
            QCOMPARE(row.tokens.cacheWrite, expected.tokens.cacheWrite);
            QCOMPARE(row.tokens.output, expected.tokens.output);
            QCOMPARE(row.tokens.reasoning, expected.tokens.reasoning);
            QCOMPARE(row.costMicroUsd, expected.costMicroUsd);
        }
        QVERIFY(std::is_sorted(actualCosts->begin(), actualCosts->end(),
                               [](const CostRow &a, const CostRow &b) { return a.key < b.key; }));

        const auto actualQuality = service.quality(query);
        QVERIFY(actualQuality.ok());
        QCOMPARE(*actualQuality, quality.values());

        const auto actualFallbacks = service.fallbacks(query);
        QVERIFY(actualFallbacks.ok());
        QCOMPARE(actualFallbacks->size(), fallbacks.size());
        for (const FallbackRow &row : *actualFallbacks) {
            const FallbackRow expected = fallbacks.value(row.key);
            QCOMPARE(row.calls, expected.calls);
            QCOMPARE(row.okCalls, expected.okCalls);
            QCOMPARE(row.servedByHop, expected.servedByHop);
            QCOMPARE(row.errorCalls, expected.errorCalls);
            QCOMPARE(row.errorClasses, expected.errorClasses);
        }

        const auto actualLatency = service.latency(query);
        QVERIFY(actualLatency.ok());
        QCOMPARE(actualLatency->size(), latencies.size());
        for (const LatencyRow &row : *actualLatency) {
            QVERIFY2(latencies.contains(row.key), qPrintable(row.key));
            const auto &samples = latencies[row.key];
            QCOMPARE(row.total, definitionFigures(samples.first));
            QCOMPARE(row.timeToFirstToken, definitionFigures(samples.second));
        }
    }

    void verifyConsistent()
    {
        const auto check = RollupChecker(m_database).check();
        QVERIFY2(check.ok(), qPrintable(check.ok() ? QString() : check.error().toString()));
        QVERIFY2(check->consistent(), qPrintable(check->examples.join(QLatin1Char('\n'))));
    }

    qint64 scalar(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery query(m_database.connection());
        query.prepare(sql);
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values.at(i));
        if (!query.exec() || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    void exec(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery query(m_database.connection());
        QVERIFY(query.prepare(sql));
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values.at(i));
        QVERIFY2(query.exec(), qPrintable(sql));
    }

    /// The conversation costs report as its definition says, in C++ over m_calls: every message linked to a call
    /// counts that call's cost, in the group of the call, and a session's cost in a group is the sum of its messages'.
    /// Only the links between messages and calls come from the database.
    void compareConversations(ReportGrouping grouping)
    {
        QHash<QString, const CallRecord *> byUuid;
        for (const DemoCall &demo : m_calls)
            byUuid.insert(demo.call.uuid, &demo.call);
        struct Expected {
            QHash<qint64, qint64> sessions;
            std::vector<qint64> messages;
        };
        QMap<QString, Expected> expected;
        QSqlQuery links(m_database.connection());
        QVERIFY(links.exec(QStringLiteral("SELECT c.uuid, m.session_id FROM messages m JOIN calls c ON c.id = "
                                          "m.call_id")));
        while (links.next()) {
            const CallRecord *call = byUuid.value(links.value(0).toString());
            QVERIFY2(call, qPrintable(links.value(0).toString()));
            Expected &group = expected[keyOf(*call, grouping)];
            const qint64 cost = MicroUsd::fromUsd(call->costUsd);
            group.sessions[links.value(1).toLongLong()] += cost;
            group.messages.push_back(cost);
        }
        const auto actual =
            ReportService(m_database).conversationCosts(ReportQuery{{}, {}, {}, {}, {}, {}, {}, {}, grouping});
        QVERIFY(actual.ok());
        QCOMPARE(actual->size(), expected.size());
        for (const ConversationCostRow &row : *actual) {
            QVERIFY2(expected.contains(row.key), qPrintable(row.key));
            const Expected &group = expected[row.key];
            std::vector<qint64> sessions(group.sessions.cbegin(), group.sessions.cend());
            QCOMPARE(row.sessions, qint64(sessions.size()));
            QCOMPARE(row.messages, qint64(group.messages.size()));
            QCOMPARE(row.costMicroUsd, std::accumulate(sessions.begin(), sessions.end(), qint64(0)));
            QCOMPARE(row.medianSessionMicroUsd, std::optional<qint64>(definitionPercentile(sessions, 50)));
            QCOMPARE(row.medianMessageMicroUsd, std::optional<qint64>(definitionPercentile(group.messages, 50)));
        }
    }

    std::vector<DemoCall> generate(quint64 seed, qint64 count)
    {
        auto catalogue = DemoCatalogue::load(m_database);
        if (!catalogue)
            return {};
        return DemoDataGenerator(*catalogue, DemoDataOptions{count, Days, seed, LastDay}).next(count);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_database.open(m_dir.filePath(QStringLiteral("reports.db"))).ok());
        QVERIFY(WorkspaceInstaller(m_database).install(WorkspaceInstaller::sampleFolder()).ok());
        QSqlQuery bots(m_database.connection());
        QVERIFY(bots.exec(QStringLiteral("SELECT id, slug FROM bots")));
        while (bots.next())
            m_slugs.insert(bots.value(0).toLongLong(), bots.value(1).toString());

        m_calls = generate(42, 4000);
        QCOMPARE(m_calls.size(), std::size_t(4000));
        const auto written = DemoDataGenerator::write(m_database, m_calls);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM calls WHERE is_demo = 1")), qint64(4000));
    }

    void generatedHistoryIsVaried()
    {
        // What the reports need to be exercised: several bots, providers, versions, fallbacks, errors and votes.
        QSet<QString> providers, versions, classes;
        QSet<qint64> bots;
        int fallbacks = 0, failed = 0, votes = 0, streamed = 0;
        for (const DemoCall &demo : m_calls) {
            providers << reportedProvider(demo.call);
            versions << keyOf(demo.call, ReportGrouping::Version);
            if (demo.call.botId)
                bots << *demo.call.botId;
            if (demo.call.attempts.size() > 1)
                ++fallbacks;
            if (demo.call.status != CallRecord::Status::Ok) {
                ++failed;
                classes << failureName(demo.call.errorClass);
            }
            votes += demo.rating ? 1 : 0;
            streamed += demo.call.ttftMs ? 1 : 0;
            QVERIFY(demo.call.createdAt.date() <= LastDay && demo.call.createdAt.date() > LastDay.addDays(-Days));
        }
        QVERIFY(providers.size() >= 3);
        QVERIFY(bots.size() >= 3);
        QVERIFY(versions.size() >= 4);
        QVERIFY(classes.size() >= 3);
        QVERIFY(fallbacks > 100 && failed > 20 && votes > 200 && streamed > 1000);
        // The same seed gives the same history.
        const std::vector<DemoCall> again = generate(42, 4000);
        for (std::size_t i = 0; i < again.size(); ++i) {
            CallRecord a = again[i].call, b = m_calls[i].call;
            a.uuid = b.uuid;
            QCOMPARE(a, b);
            QCOMPARE(again[i].rating, m_calls[i].rating);
        }
    }

    void reportsMatchIndependentExpectations_data()
    {
        QTest::addColumn<int>("grouping");
        QTest::addColumn<int>("filter");
        for (const QString &name : ReportQuery::groupingNames()) {
            for (int filter = 0; filter < 7; ++filter) {
                QTest::addRow("%s-%d", qPrintable(name), filter) << int(*ReportQuery::parseGrouping(name)) << filter;
            }
        }
    }

    void reportsMatchIndependentExpectations()
    {
        QFETCH(int, grouping);
        QFETCH(int, filter);
        ReportQuery query;
        query.groupBy = ReportGrouping(grouping);
        const CallRecord &sample = m_calls.at(7).call;
        switch (filter) {
        case 0:
            break;
        case 1:  // a window of days: both ends included
            query.from = LastDay.addDays(-12);
            query.to = LastDay.addDays(-5);
            break;
        case 2:
            query.botId = sample.botId;
            break;
        case 3:
            query.provider = reportedProvider(sample);
            query.model = reportedModel(sample);
            break;
        case 4:
            query.promptKey = sample.promptKey;
            query.promptVersion = sample.promptVersion;
            break;
        case 5:
            query.configId = sample.configId;
            query.to = LastDay.addDays(-3);
            break;
        case 6:  // a single day
            query.from = LastDay.addDays(-2);
            query.to = LastDay.addDays(-2);
            break;
        }
        compareAll(query);
    }

    void rollupsMatchRawRows() { verifyConsistent(); }

    void recordingKeepsRollupsInSync()
    {
        // Live (non-demo) calls recorded by the engine's recorder, in batches, with fallbacks and votes.
        std::vector<DemoCall> live = generate(7, 700);
        for (DemoCall &demo : live)
            demo.call.isDemo = false;
        QVERIFY(DemoDataGenerator::write(m_database, live).ok());
        m_calls.insert(m_calls.end(), live.begin(), live.end());
        verifyConsistent();
        compareAll(ReportQuery{});
    }

    void feedbackChangesKeepRollupsInSync()
    {
        DemoCall *voted = nullptr;
        DemoCall *unvoted = nullptr;
        DemoCall *removed = nullptr;
        for (DemoCall &demo : m_calls) {
            if (demo.rating && !voted)
                voted = &demo;
            else if (demo.rating && !removed)
                removed = &demo;
            else if (!demo.rating && demo.call.status == CallRecord::Status::Ok && !unvoted)
                unvoted = &demo;
        }
        QVERIFY(voted && unvoted && removed);
        const QString callId = QStringLiteral("(SELECT id FROM calls WHERE uuid = ?)");
        exec(QStringLiteral("UPDATE feedback SET rating = -rating WHERE call_id = %1").arg(callId), {voted->call.uuid});
        voted->rating = -*voted->rating;
        exec(QStringLiteral("DELETE FROM feedback WHERE call_id = %1").arg(callId), {removed->call.uuid});
        removed->rating.reset();
        exec(QStringLiteral("INSERT INTO feedback (call_id, rating, user_ref, created_at) SELECT id, 1, 'analyst', "
                            "'2026-03-15T00:00:00.000Z' FROM calls WHERE uuid = ?"),
             {unvoted->call.uuid});
        unvoted->rating = 1;
        verifyConsistent();
        ReportQuery byVersion;
        byVersion.groupBy = ReportGrouping::Version;
        compareAll(byVersion);
    }

    void callUpdatesAndAttemptDeletesKeepRollupsInSync()
    {
        // A corrected cost, and a bot deleted from the database (ON DELETE SET NULL on calls.bot_id).
        CallRecord &corrected = m_calls.at(3).call;
        exec(QStringLiteral("UPDATE calls SET cost_usd = cost_usd + 0.000002 WHERE uuid = ?"), {corrected.uuid});
        corrected.costUsd = MicroUsd::toUsd(MicroUsd::fromUsd(corrected.costUsd) + 2);

        // A hop that answered loses its attempt row: the call is then reported as served by its first hop.
        for (DemoCall &demo : m_calls) {
            auto served = std::find_if(demo.call.attempts.begin(), demo.call.attempts.end(), [](const auto &a) {
                return a.outcome == AttemptRecord::Outcome::Succeeded && a.hopIndex > 0;
            });
            if (served == demo.call.attempts.end())
                continue;
            exec(QStringLiteral("DELETE FROM attempts WHERE call_id = (SELECT id FROM calls WHERE uuid = ?) AND "
                                "outcome = 'ok'"),
                 {demo.call.uuid});
            demo.call.attempts.erase(served);
            break;
        }
        verifyConsistent();
        compareAll(ReportQuery{});

        const qint64 botId = *m_calls.at(0).call.botId;
        exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        exec(QStringLiteral("DELETE FROM bots WHERE id = ?"), {botId});
        for (DemoCall &demo : m_calls) {
            if (demo.call.botId == botId) {
                demo.call.botId.reset();
                demo.call.configId.reset();
            }
        }
        verifyConsistent();
        ReportQuery byBot;
        byBot.groupBy = ReportGrouping::Bot;
        compareAll(byBot);
    }

    void batchRecordingWithChangesKeepsRollupsInSync_data()
    {
        QTest::addColumn<bool>("native");
        QTest::addRow("sqlite-api") << true;
        QTest::addRow("qsqlquery") << false;
    }

    void batchRecordingWithChangesKeepsRollupsInSync()
    {
        // The recorder applies each batch's rollup changes itself (triggers deferred); small batches make several,
        // and a refused call (a uuid already recorded) sends one batch through the call-by-call path.
        QFETCH(bool, native);
        std::vector<DemoCall> live = generate(native ? 11 : 12, 500);
        for (DemoCall &demo : live) {
            demo.call.isDemo = false;
            demo.call.uuid = UsageRecorder::newCallUuid();
            demo.rating.reset();
        }
        {
            UsageRecorder recorder(m_database, UsageRecorder::Options{64, 250, native});
            for (std::size_t i = 0; i < live.size(); ++i) {
                recorder.record(live[i].call);
                if (i == 300) {
                    CallRecord duplicate = live[0].call;  // refused: its uuid is taken
                    recorder.record(duplicate);
                }
            }
            const auto flushed = recorder.flush();
            QVERIFY(!flushed.ok());
            QCOMPARE(recorder.writtenCount(), qint64(live.size()));
            QCOMPARE(recorder.droppedCount(), qint64(1));
        }
        QCOMPARE(scalar(QStringLiteral("SELECT deferred FROM rollup_control")), qint64(0));
        m_calls.insert(m_calls.end(), live.begin(), live.end());
        verifyConsistent();
        compareAll(ReportQuery{});

        // Then every other kind of writer, through the triggers: changed latencies and keys, a call that failed after
        // all, deleted calls, votes, and a call inserted by plain SQL.
        const auto find = [&](const CallRecord &call) -> DemoCall & {
            return *std::find_if(m_calls.begin(), m_calls.end(),
                                 [&](const DemoCall &d) { return d.call.uuid == call.uuid; });
        };
        const auto answered = [&](int skip) -> CallRecord & {
            int seen = 0;
            for (DemoCall &demo : live) {
                // One attempt: no fallback counts follow the call when its status changes.
                if (demo.call.status == CallRecord::Status::Ok && demo.call.ttftMs && demo.call.attempts.size() == 1 &&
                    seen++ == skip)
                    return find(demo.call).call;
            }
            return find(live[0].call).call;
        };
        CallRecord &slower = answered(0);
        exec(QStringLiteral("UPDATE calls SET latency_ms = latency_ms + 7, ttft_ms = NULL WHERE uuid = ?"),
             {slower.uuid});
        *slower.latencyMs += 7;
        slower.ttftMs.reset();
        CallRecord &moved = answered(1);
        exec(QStringLiteral("UPDATE calls SET created_at = '2026-03-01T08:00:00.000Z', prompt_version = NULL WHERE "
                            "uuid = ?"),
             {moved.uuid});
        moved.createdAt = QDateTime::fromString(QStringLiteral("2026-03-01T08:00:00.000Z"), Qt::ISODateWithMs);
        moved.promptVersion.reset();
        CallRecord &failed = answered(2);
        exec(QStringLiteral("UPDATE calls SET status = 'failed', error_class = 'timeout' WHERE uuid = ?"),
             {failed.uuid});
        failed.status = CallRecord::Status::Failed;
        failed.errorClass = FailureClass::Timeout;
        for (int i : {3, 4, 5}) {
            const QString uuid = answered(i).uuid;
            exec(QStringLiteral("DELETE FROM calls WHERE uuid = ?"), {uuid});
            std::erase_if(m_calls, [&](const DemoCall &d) { return d.call.uuid == uuid; });
        }
        CallRecord &voted = answered(6);
        exec(QStringLiteral("INSERT INTO feedback (call_id, rating, user_ref, created_at) SELECT id, -1, 'batch', "
                            "'2026-03-15T00:00:00.000Z' FROM calls WHERE uuid = ?"),
             {voted.uuid});
        find(voted).rating = -1;
        const CallRecord &model = answered(7);
        const QString bySqlUuid = QStringLiteral("by-sql-%1").arg(native);
        exec(QStringLiteral("INSERT INTO calls (uuid, bot_id, config_id, prompt_key, prompt_version, served_provider, "
                            "served_model, status, latency_ms, ttft_ms, input_tokens, cost_usd, created_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, 'ok', 4321, 123, 10, 0.5, '2026-03-14T10:00:00.000Z')"),
             {bySqlUuid, QVariant::fromValue(*model.botId), QVariant::fromValue(*model.configId), model.promptKey,
              model.promptVersion ? QVariant(*model.promptVersion) : QVariant(), model.servedProvider,
              model.servedModel});
        DemoCall bySql{model, std::nullopt, std::nullopt, {}};
        bySql.call.uuid = bySqlUuid;
        bySql.call.requestedProvider = model.servedProvider;
        bySql.call.requestedModel = model.servedModel;
        bySql.call.status = CallRecord::Status::Ok;
        bySql.call.errorClass = FailureClass::None;
        bySql.call.latencyMs = 4321;
        bySql.call.ttftMs = 123;
        bySql.call.usage = Usage{10, 0, 0, 0, 0};
        bySql.call.costUsd = 0.5;
        bySql.call.attempts.clear();
        bySql.call.createdAt = QDateTime::fromString(QStringLiteral("2026-03-14T10:00:00.000Z"), Qt::ISODateWithMs);
        m_calls.push_back(bySql);
        verifyConsistent();
        for (const ReportGrouping grouping : {ReportGrouping::Model, ReportGrouping::Version, ReportGrouping::Day})
            compareAll(ReportQuery{{}, {}, {}, {}, {}, {}, {}, {}, grouping});
    }

    void recorderKeepsOtherTriggersFiring()
    {
        // The recorder turns its connection's triggers off only when all of them are rollup triggers it replaces: a
        // rule added on calls must still fire, and the rollups still come out right.
        exec(QStringLiteral("CREATE TABLE recorded_audit (uuid TEXT NOT NULL)"));
        exec(QStringLiteral("CREATE TRIGGER calls_audit AFTER INSERT ON calls BEGIN INSERT INTO recorded_audit (uuid) "
                            "VALUES (NEW.uuid); END"));
        std::vector<DemoCall> live = generate(13, 200);
        for (DemoCall &demo : live) {
            demo.call.isDemo = false;
            demo.call.uuid = UsageRecorder::newCallUuid();
            demo.rating.reset();
        }
        {
            UsageRecorder recorder(m_database, UsageRecorder::Options{64, 250, true});
            for (const DemoCall &demo : live)
                recorder.record(demo.call);
            QVERIFY(recorder.flush().ok());
        }
        m_calls.insert(m_calls.end(), live.begin(), live.end());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM recorded_audit")), qint64(live.size()));
        exec(QStringLiteral("DROP TRIGGER calls_audit"));
        exec(QStringLiteral("DROP TABLE recorded_audit"));
        verifyConsistent();
        compareAll(ReportQuery{});
    }

    void messageChangesKeepConversationRollupInSync()
    {
        QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM report_conversations WHERE messages > 0")) > 100);
        compareConversations(ReportGrouping::Model);
        // Two answered calls already linked to messages, and a new session.
        QList<CallRecord *> linked;
        for (DemoCall &demo : m_calls) {
            if (linked.size() < 2 && scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE call_id = (SELECT id "
                                                           "FROM calls WHERE uuid = ?)"),
                                            {demo.call.uuid}) == 1)
                linked << &demo.call;
        }
        QCOMPARE(linked.size(), 2);
        CallRecord &first = *linked[0];
        CallRecord &second = *linked[1];
        exec(QStringLiteral("INSERT INTO sessions (uuid, title, created_at, updated_at) VALUES ('conversation-test', "
                            "'test', '2026-03-15T00:00:00.000Z', '2026-03-15T00:00:00.000Z')"));
        const QString session = QStringLiteral("(SELECT id FROM sessions WHERE uuid = 'conversation-test')");
        const QString callId = QStringLiteral("(SELECT id FROM calls WHERE uuid = ?)");
        const auto addMessage = [&](int position, const QString &uuid) {
            exec(QStringLiteral("INSERT INTO messages (session_id, position, role, content, call_id, created_at) "
                                "VALUES (%1, ?, 'assistant', 'answer', %2, '2026-03-15T00:00:00.000Z')")
                     .arg(session, callId),
                 {position, uuid});
        };
        // Inserts: the first call answers twice in the new session (two entries of one call in one row).
        addMessage(1, first.uuid);
        addMessage(2, first.uuid);
        addMessage(3, first.uuid);
        verifyConsistent();
        // Updates of call_id (to another call, to none) and of session_id.
        exec(QStringLiteral("UPDATE messages SET call_id = %1 WHERE session_id = %2 AND position = 3")
                 .arg(callId, session),
             {second.uuid});
        exec(QStringLiteral("UPDATE messages SET call_id = NULL WHERE call_id = %1 AND session_id <> %2")
                 .arg(callId, session),
             {second.uuid});
        exec(QStringLiteral("UPDATE messages SET session_id = %1, position = 4 WHERE id = (SELECT MIN(id) FROM "
                            "messages WHERE call_id IS NOT NULL AND session_id <> %1)")
                 .arg(session));
        verifyConsistent();
        compareConversations(ReportGrouping::Version);
        // A message deleted.
        exec(QStringLiteral("DELETE FROM messages WHERE session_id = %1 AND position = 2").arg(session));
        addMessage(5, first.uuid);
        verifyConsistent();
        // The call's key and cost change: all of its messages move.
        exec(QStringLiteral("UPDATE calls SET cost_usd = cost_usd + 0.000005, prompt_version = 99, created_at = "
                            "'2026-03-02T10:00:00.000Z' WHERE uuid = ?"),
             {first.uuid});
        first.costUsd = MicroUsd::toUsd(MicroUsd::fromUsd(first.costUsd) + 5);
        first.promptVersion = 99;
        first.createdAt = QDateTime::fromString(QStringLiteral("2026-03-02T10:00:00.000Z"), Qt::ISODateWithMs);
        verifyConsistent();
        compareConversations(ReportGrouping::Day);
        compareConversations(ReportGrouping::Version);
        // The second call deleted: its messages lose the link (ON DELETE SET NULL).
        exec(QStringLiteral("DELETE FROM calls WHERE uuid = ?"), {second.uuid});
        const QString secondUuid = second.uuid;
        std::erase_if(m_calls, [&](const DemoCall &d) { return d.call.uuid == secondUuid; });
        QCOMPARE(
            scalar(
                QStringLiteral("SELECT COUNT(*) FROM messages WHERE session_id = %1 AND call_id IS NULL").arg(session)),
            qint64(1));
        verifyConsistent();
        compareConversations(ReportGrouping::Week);
        // The session deleted: its messages go by ON DELETE CASCADE.
        exec(QStringLiteral("DELETE FROM sessions WHERE uuid = 'conversation-test'"));
        verifyConsistent();
        compareConversations(ReportGrouping::Model);
        compareConversations(ReportGrouping::Bot);
    }

    void corruptedConversationRollupIsDetected()
    {
        // One message's cost replaced: same count and sum, different multiset.
        exec(QStringLiteral("UPDATE report_conversations SET message_costs = '(0@0)' || substr(message_costs, "
                            "instr(message_costs, ')') + 1) WHERE session_id = (SELECT MIN(session_id) FROM "
                            "report_conversations WHERE messages > 0)"));
        const auto check = RollupChecker(m_database).check();
        QVERIFY(check.ok());
        QVERIFY(!check->consistent());
        QVERIFY(check->conversationRowsOff > 0);
        QCOMPARE(check->dailyRowsOff + check->fallbackRowsOff + check->latencyRowsOff, qint64(0));
        QVERIFY(!check->examples.isEmpty());
        exec(QStringLiteral("DELETE FROM report_conversations"));
        exec(QStringLiteral("INSERT INTO report_conversations (%1, messages, cost_micro_usd, message_costs) %2")
                 .arg(ReportRollupSql::conversationKeyColumns(), ReportRollupSql::conversationAggregate()));
        verifyConsistent();
    }

    void corruptedLatencyRollupIsDetected()
    {
        // One value replaced by another: same count, different multiset.
        exec(QStringLiteral("UPDATE report_latency SET latencies = '1,' || substr(latencies, instr(latencies, ',') + "
                            "1) WHERE rowid = (SELECT MIN(rowid) FROM report_latency WHERE latencies <> '')"));
        const auto check = RollupChecker(m_database).check();
        QVERIFY(check.ok());
        QVERIFY(!check->consistent());
        QCOMPARE(check->latencyRowsOff, qint64(1));
        QCOMPARE(check->dailyRowsOff, qint64(0));
        QVERIFY(!check->examples.isEmpty());
        exec(QStringLiteral("DELETE FROM report_latency"));
        exec(QStringLiteral("INSERT INTO report_latency (day, bot_id, config_id, provider, model, prompt_key, "
                            "prompt_version, calls, latencies, ttfts) %1")
                 .arg(ReportRollupSql::latencyAggregate()));
        verifyConsistent();
    }

    void corruptedRollupIsDetected()
    {
        exec(QStringLiteral("UPDATE report_daily SET cost_micro_usd = cost_micro_usd + 1 WHERE day = (SELECT MIN(day) "
                            "FROM report_daily)"));
        const auto check = RollupChecker(m_database).check();
        QVERIFY(check.ok());
        QVERIFY(!check->consistent());
        QVERIFY(check->dailyRowsOff > 0);
        QVERIFY(!check->examples.isEmpty());
        exec(QStringLiteral("UPDATE report_daily SET cost_micro_usd = cost_micro_usd - 1 WHERE day = (SELECT MIN(day) "
                            "FROM report_daily)"));
        verifyConsistent();
    }

    void removingDemoDataKeepsTheRest()
    {
        const qint64 demo =
            qint64(std::count_if(m_calls.begin(), m_calls.end(), [](const DemoCall &d) { return d.call.isDemo; }));
        const auto removed = DemoDataGenerator::remove(m_database);
        QVERIFY(removed.ok());
        QCOMPARE(*removed, demo);
        std::erase_if(m_calls, [](const DemoCall &d) { return d.call.isDemo; });
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM calls")), qint64(m_calls.size()));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM feedback WHERE call_id NOT IN (SELECT id FROM calls)")),
                 qint64(0));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM report_daily WHERE calls = 0")), qint64(0));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM report_daily_fallbacks WHERE calls = 0")), qint64(0));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM report_latency WHERE calls = 0")), qint64(0));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM report_conversations WHERE messages = 0")), qint64(0));
        verifyConsistent();
        compareConversations(ReportGrouping::Model);
        for (const ReportGrouping grouping : {ReportGrouping::Model, ReportGrouping::Day})
            compareAll(ReportQuery{{}, {}, {}, {}, {}, {}, {}, {}, grouping});

        // Nothing left to remove.
        QCOMPARE(*DemoDataGenerator::remove(m_database), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
