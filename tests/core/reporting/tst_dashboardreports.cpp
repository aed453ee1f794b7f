// The dashboards' newer reports — prompt version comparison, breaker opens, cost per conversation and message, and
// budget use — against expectations computed independently in plain C++ from the generated records (not SQL), and
// demo data (its conversations, breaker events and budgets) being taken out again by remove().
#include "core/model/Money.h"
#include "core/reporting/DemoDataGenerator.h"
#include "core/reporting/ReportService.h"
#include "core/reporting/ReportTable.h"
#include "core/store/BreakerEventRepository.h"
#include "core/store/BudgetRepository.h"
#include "core/store/Database.h"
#include "core/workspace/WorkspaceInstaller.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>

using namespace Switchyard;

namespace {

const QDate LastDay(2026, 3, 15);
constexpr int Days = 21;

/// The nearest-rank percentile by its definition, independent of core/reporting: the smallest value with at least
/// p % of the values at or below it.
std::optional<qint64> definitionPercentile(std::vector<qint64> values, int percent)
{
    if (values.empty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    for (std::size_t i = 0; i < values.size(); ++i) {
        if ((i + 1) * 100 >= std::size_t(percent) * values.size())
            return values[i];
    }
    return values.back();
}

LatencyFigures definitionFigures(const std::vector<qint64> &values)
{
    LatencyFigures figures;
    figures.count = qint64(values.size());
    figures.p50 = definitionPercentile(values, 50);
    figures.p95 = definitionPercentile(values, 95);
    figures.p99 = definitionPercentile(values, 99);
    return figures;
}

QString dayOf(const QDateTime &at)
{
    return at.toUTC().date().toString(Qt::ISODate);
}

QString reportedProvider(const CallRecord &call)
{
    return call.servedProvider.isEmpty() ? call.requestedProvider : call.servedProvider;
}

QString reportedModel(const CallRecord &call)
{
    return call.servedProvider.isEmpty() ? call.requestedModel : call.servedModel;
}

}  // namespace

class TestDashboardReports : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Database m_database;
    std::vector<DemoCall> m_calls;
    QHash<qint64, QString> m_slugs;

    qint64 scalar(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    bool inRange(const CallRecord &call, const ReportQuery &query) const
    {
        const QDate day = call.createdAt.toUTC().date();
        return (!query.from || day >= *query.from) && (!query.to || day <= *query.to);
    }

    bool matches(const CallRecord &call, const ReportQuery &query) const
    {
        return inRange(call, query) && (!query.botId || call.botId == query.botId) &&
               (!query.configId || call.configId == query.configId) &&
               (query.provider.isEmpty() || reportedProvider(call) == query.provider) &&
               (query.model.isEmpty() || reportedModel(call) == query.model) &&
               (query.promptKey.isEmpty() || call.promptKey == query.promptKey) &&
               (!query.promptVersion || call.promptVersion == query.promptVersion);
    }

    QString keyOf(const CallRecord &call, ReportGrouping grouping) const
    {
        const QDate day = call.createdAt.toUTC().date();
        switch (grouping) {
        case ReportGrouping::Bot:
            return call.botId ? m_slugs.value(*call.botId) : QString();
        case ReportGrouping::Model:
            return reportedProvider(call) + QLatin1Char('/') + reportedModel(call);
        case ReportGrouping::Week:
            return day.addDays(1 - day.dayOfWeek()).toString(Qt::ISODate);
        case ReportGrouping::Month:
            return day.toString(QStringLiteral("yyyy-MM"));
        default:
            return day.toString(Qt::ISODate);
        }
    }

    QString mostUsedPrompt() const
    {
        QHash<QString, int> uses;
        for (const DemoCall &demo : m_calls)
            ++uses[demo.call.promptKey];
        uses.remove(QString());
        QString best;
        for (auto it = uses.cbegin(); it != uses.cend(); ++it) {
            if (best.isEmpty() || it.value() > uses.value(best))
                best = it.key();
        }
        return best;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_database.open(m_dir.filePath(QStringLiteral("dashboards.db"))).ok());
        QVERIFY(WorkspaceInstaller(m_database).install(WorkspaceInstaller::sampleFolder()).ok());
        QSqlQuery bots(m_database.connection());
        QVERIFY(bots.exec(QStringLiteral("SELECT id, slug FROM bots")));
        while (bots.next())
            m_slugs.insert(bots.value(0).toLongLong(), bots.value(1).toString());
        auto catalogue = DemoCatalogue::load(m_database);
        QVERIFY(catalogue.ok());
        m_calls = DemoDataGenerator(*catalogue, DemoDataOptions{4000, Days, 7, LastDay}).next(4000);
        const auto written = DemoDataGenerator::write(m_database, m_calls);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
    }

    void demoHistoryHasConversationsAndBreakerEvents()
    {
        QSet<QString> sessions;
        qint64 answers = 0, events = 0;
        for (const DemoCall &demo : m_calls) {
            if (demo.turn) {
                sessions << demo.turn->sessionUuid;
                answers += demo.call.status == CallRecord::Status::Ok ? 1 : 0;
            }
            events += demo.breakerEvents.size();
        }
        QVERIFY(sessions.size() > 100);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE is_demo = 1")), qint64(sessions.size()));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE call_id IS NOT NULL")), answers);
        QVERIFY(events > 20);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM breaker_events WHERE actor = 'demo'")), events);
    }

    void versionsMatchIndependentExpectations_data()
    {
        QTest::addColumn<bool>("narrowed");
        QTest::newRow("every call of the prompt") << false;
        QTest::newRow("one week, one bot") << true;
    }

    void versionsMatchIndependentExpectations()
    {
        QFETCH(bool, narrowed);
        ReportQuery query;
        query.promptKey = mostUsedPrompt();
        QVERIFY(!query.promptKey.isEmpty());
        if (narrowed) {
            query.from = LastDay.addDays(-6);
            query.to = LastDay;
            for (const DemoCall &demo : m_calls) {
                if (demo.call.promptKey == query.promptKey && demo.call.botId) {
                    query.botId = demo.call.botId;
                    break;
                }
            }
        }
        struct Expected {
            VersionRow row;
            std::vector<qint64> total, ttft;
        };
        QMap<int, Expected> expected;
        for (const DemoCall &demo : m_calls) {
            const CallRecord &call = demo.call;
            if (!matches(call, query))
                continue;
            Expected &e = expected[call.promptVersion.value_or(0)];
            e.row.version = call.promptVersion.value_or(0);
            ++e.row.calls;
            e.row.costMicroUsd += MicroUsd::fromUsd(call.costUsd);
            e.row.up += demo.rating == 1 ? 1 : 0;
            e.row.down += demo.rating == -1 ? 1 : 0;
            if (call.status == CallRecord::Status::Ok) {
                if (call.latencyMs)
                    e.total.push_back(*call.latencyMs);
                if (call.ttftMs)
                    e.ttft.push_back(*call.ttftMs);
            }
        }
        QVERIFY(expected.size() >= 3);
        QList<VersionRow> want;
        for (Expected &e : expected) {
            e.row.total = definitionFigures(e.total);
            e.row.timeToFirstToken = definitionFigures(e.ttft);
            want.append(e.row);
        }
        const auto got = ReportService(m_database).versions(query);
        QVERIFY2(got.ok(), qPrintable(got.ok() ? QString() : got.error().toString()));
        QCOMPARE(*got, want);

        // The table: cost per call and approval as exact decimals.
        const ReportTable table = ReportTable::versions(*got);
        const VersionRow &first = want.first();
        QCOMPARE(ReportTable::text(table.rows.first().at(table.columns.indexOf(QStringLiteral("calls")))),
                 QString::number(first.calls));
        const qint64 perCallMillionths = (first.costMicroUsd * 2 + first.calls) / (2 * first.calls);
        QCOMPARE(ReportTable::text(table.rows.first().at(table.columns.indexOf(QStringLiteral("cost_per_call_usd")))),
                 QStringLiteral("%1.%2")
                     .arg(perCallMillionths / 1000000)
                     .arg(perCallMillionths % 1000000, 6, 10, QLatin1Char('0')));
    }

    void tableColumnsAreUnique()
    {
        // JSON objects are keyed by column: a repeated name would lose a value in `report ... --format json`.
        ReportService service(m_database);
        ReportQuery query;
        query.promptKey = mostUsedPrompt();
        for (const ReportGrouping grouping :
             {ReportGrouping::Provider, ReportGrouping::Model, ReportGrouping::Day, ReportGrouping::Week}) {
            query.groupBy = grouping;
            for (const ReportTable &table : {ReportTable::versions(*service.versions(query)),
                                             ReportTable::breakers(*service.breakerOpens(query), grouping),
                                             ReportTable::conversations(*service.conversationCosts(query), grouping),
                                             ReportTable::budgets(*service.budgetUse(query))}) {
                QVERIFY(!table.rows.isEmpty() || table.columns.contains(QStringLiteral("bot")));
                QCOMPARE(QSet<QString>(table.columns.cbegin(), table.columns.cend()).size(), table.columns.size());
            }
        }
    }

    void versionsNeedAPrompt()
    {
        const auto got = ReportService(m_database).versions(ReportQuery{});
        QVERIFY(!got.ok());
        QVERIFY(got.error().message.contains(QStringLiteral("prompt")));
    }

    void breakerOpensMatchIndependentExpectations_data()
    {
        QTest::addColumn<int>("grouping");
        QTest::addColumn<bool>("narrowed");
        QTest::newRow("by day") << int(ReportGrouping::Day) << false;
        QTest::newRow("by week, one provider") << int(ReportGrouping::Week) << true;
        QTest::newRow("by model, last ten days") << int(ReportGrouping::Model) << true;
    }

    void breakerOpensMatchIndependentExpectations()
    {
        QFETCH(int, grouping);
        QFETCH(bool, narrowed);
        ReportQuery query;
        query.groupBy = ReportGrouping(grouping);
        // Filters that do not apply to breakers are ignored: a bot filter changes nothing.
        query.botId = m_slugs.keys().first();
        QString provider;
        for (const DemoCall &demo : m_calls) {
            if (!demo.breakerEvents.isEmpty())
                provider = demo.breakerEvents.first().provider;
        }
        if (narrowed && query.groupBy == ReportGrouping::Week)
            query.provider = provider;
        if (narrowed && query.groupBy == ReportGrouping::Model) {
            query.from = LastDay.addDays(-9);
            query.to = LastDay;
        }
        QMap<std::tuple<QString, QString, QString>, BreakerRow> expected;
        for (const DemoCall &demo : m_calls) {
            for (const BreakerEventRow &event : demo.breakerEvents) {
                const QDate day = event.createdAt.toUTC().date();
                if ((query.from && day < *query.from) || (query.to && day > *query.to))
                    continue;
                if (!query.provider.isEmpty() && event.provider != query.provider)
                    continue;
                if (event.toState != QLatin1String("open") && event.toState != QLatin1String("forced_open"))
                    continue;
                QString key = event.provider + QLatin1Char('/') + event.model;
                if (query.groupBy == ReportGrouping::Day)
                    key = day.toString(Qt::ISODate);
                else if (query.groupBy == ReportGrouping::Week)
                    key = day.addDays(1 - day.dayOfWeek()).toString(Qt::ISODate);
                BreakerRow &row = expected[{key, event.provider, event.model}];
                row.key = key;
                row.provider = event.provider;
                row.model = event.model;
                (event.toState == QLatin1String("open") ? row.opens : row.forcedOpens) += 1;
            }
        }
        QVERIFY(!expected.isEmpty());
        const auto got = ReportService(m_database).breakerOpens(query);
        QVERIFY2(got.ok(), qPrintable(got.ok() ? QString() : got.error().toString()));
        QCOMPARE(*got, expected.values());
    }

    void breakerOpensRefuseBotGrouping()
    {
        ReportQuery query;
        query.groupBy = ReportGrouping::Bot;
        const auto got = ReportService(m_database).breakerOpens(query);
        QVERIFY(!got.ok());
        QVERIFY(got.error().message.contains(QStringLiteral("provider, model, day")));
    }

    void conversationCostsMatchIndependentExpectations_data()
    {
        QTest::addColumn<int>("grouping");
        QTest::addColumn<bool>("narrowed");
        QTest::newRow("by day") << int(ReportGrouping::Day) << false;
        QTest::newRow("by week") << int(ReportGrouping::Week) << false;
        QTest::newRow("by bot") << int(ReportGrouping::Bot) << false;
        QTest::newRow("by model, one week") << int(ReportGrouping::Model) << true;
    }

    void conversationCostsMatchIndependentExpectations()
    {
        QFETCH(int, grouping);
        QFETCH(bool, narrowed);
        ReportQuery query;
        query.groupBy = ReportGrouping(grouping);
        if (narrowed) {
            query.from = LastDay.addDays(-6);
            query.to = LastDay;
        }
        struct Expected {
            QHash<QString, qint64> sessions;
            std::vector<qint64> messages;
        };
        QMap<QString, Expected> groups;
        for (const DemoCall &demo : m_calls) {
            const CallRecord &call = demo.call;
            if (!demo.turn || call.status != CallRecord::Status::Ok || !matches(call, query))
                continue;
            Expected &group = groups[keyOf(call, query.groupBy)];
            const qint64 cost = MicroUsd::fromUsd(call.costUsd);
            group.sessions[demo.turn->sessionUuid] += cost;
            group.messages.push_back(cost);
        }
        QVERIFY(groups.size() >= 3);
        QList<ConversationCostRow> want;
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            ConversationCostRow row;
            row.key = it.key();
            row.sessions = it->sessions.size();
            row.messages = qint64(it->messages.size());
            std::vector<qint64> perSession;
            for (const qint64 cost : it->sessions) {
                perSession.push_back(cost);
                row.costMicroUsd += cost;
            }
            row.medianSessionMicroUsd = definitionPercentile(perSession, 50);
            row.medianMessageMicroUsd = definitionPercentile(it->messages, 50);
            want.append(row);
        }
        const auto got = ReportService(m_database).conversationCosts(query);
        QVERIFY2(got.ok(), qPrintable(got.ok() ? QString() : got.error().toString()));
        QCOMPARE(*got, want);
    }

    void budgetUseMatchesIndependentExpectations()
    {
        // Two bots with budgets at their median day (so that some days pass them and some do not; one of cost
        // only), the others without; one budget names a bot that is gone.
        QStringList slugs = m_slugs.values();
        slugs.sort();
        QVERIFY(slugs.size() >= 3);
        const auto medianDay = [&](const QString &slug, bool tokens) {
            QMap<QString, qint64> days;
            for (const DemoCall &demo : m_calls) {
                const CallRecord &call = demo.call;
                if (call.botId && m_slugs.value(*call.botId) == slug)
                    days[dayOf(call.createdAt)] += tokens ? call.usage.input + call.usage.cachedInput +
                                                                call.usage.cacheWrite + call.usage.output +
                                                                call.usage.reasoning
                                                          : MicroUsd::fromUsd(call.costUsd);
            }
            std::vector<qint64> values(days.cbegin(), days.cend());
            return definitionPercentile(values, 50).value_or(1);
        };
        BudgetRepository budgets(m_database);
        Budget both{0,
                    Budget::Scope::Bot,
                    slugs.at(0),
                    medianDay(slugs.at(0), true),
                    MicroUsd::toUsd(medianDay(slugs.at(0), false)),
                    {},
                    {}};
        Budget costOnly{
            0, Budget::Scope::Bot, slugs.at(1), std::nullopt, MicroUsd::toUsd(medianDay(slugs.at(1), false)), {}, {}};
        QVERIFY(budgets.set(both).ok());
        QVERIFY(budgets.set(costOnly).ok());
        QVERIFY(budgets.set(Budget{0, Budget::Scope::Bot, QStringLiteral("gone"), qint64(1), {}, {}, {}}).ok());
        QVERIFY(budgets.set(Budget{0, Budget::Scope::Workspace, {}, qint64(1), {}, {}, {}}).ok());

        ReportQuery query;
        query.from = LastDay.addDays(-9);
        query.to = LastDay;
        QMap<std::pair<QString, QString>, BudgetUseRow> expected;
        for (const DemoCall &demo : m_calls) {
            const CallRecord &call = demo.call;
            if (!call.botId || !inRange(call, query))
                continue;
            const QString slug = m_slugs.value(*call.botId);
            const Budget *budget = slug == both.scopeRef ? &both : slug == costOnly.scopeRef ? &costOnly : nullptr;
            if (!budget)
                continue;
            BudgetUseRow &row = expected[{slug, dayOf(call.createdAt)}];
            row.bot = slug;
            row.day = dayOf(call.createdAt);
            ++row.calls;
            row.tokens += call.usage.input + call.usage.cachedInput + call.usage.cacheWrite + call.usage.output +
                          call.usage.reasoning;
            row.costMicroUsd += MicroUsd::fromUsd(call.costUsd);
            row.maxTokens = budget->maxTokens;
            row.maxCostMicroUsd = MicroUsd::fromUsd(*budget->maxCostUsd);
        }
        QVERIFY(expected.size() >= 15);
        const auto got = ReportService(m_database).budgetUse(query);
        QVERIFY2(got.ok(), qPrintable(got.ok() ? QString() : got.error().toString()));
        QCOMPARE(*got, expected.values());
        QVERIFY(std::any_of(got->cbegin(), got->cend(), [](const BudgetUseRow &row) { return row.overBudget(); }));
        QVERIFY(std::any_of(got->cbegin(), got->cend(), [](const BudgetUseRow &row) { return !row.overBudget(); }));

        // The bot filter keeps that bot's rows only.
        query.botId = m_slugs.key(costOnly.scopeRef);
        const auto one = ReportService(m_database).budgetUse(query);
        QVERIFY(one.ok());
        QVERIFY(!one->isEmpty());
        for (const BudgetUseRow &row : *one)
            QCOMPARE(row.bot, costOnly.scopeRef);

        // Leave the workspace as it was for the removal test.
        for (const QString &slug : {both.scopeRef, costOnly.scopeRef, QStringLiteral("gone")})
            QVERIFY(*budgets.remove(Budget::Scope::Bot, slug));
        QVERIFY(*budgets.remove(Budget::Scope::Workspace));
    }

    void demoBudgetsAndRemovalLeaveTheRest()
    {
        // What is not demo data: a real call in a session, a real breaker event and a budget set by hand.
        QStringList slugs = m_slugs.values();
        slugs.sort();
        const QString keptBot = slugs.first();
        QVERIFY(
            BudgetRepository(m_database).set(Budget{0, Budget::Scope::Bot, keptBot, std::nullopt, 9.0, {}, {}}).ok());
        BreakerEventRow real;
        real.provider = QStringLiteral("openai");
        real.model = QStringLiteral("gpt-4o");
        real.fromState = QStringLiteral("closed");
        real.toState = QStringLiteral("open");
        real.createdAt = QDateTime(LastDay, QTime(12, 0), QTimeZone::utc());
        QVERIFY(BreakerEventRepository(m_database).append({real}).ok());

        const auto added = DemoDataGenerator::addBudgets(m_database);
        QVERIFY(added.ok());
        // Every bot that made calls but the one that has a budget.
        const qint64 unbudgeted = scalar(QStringLiteral("SELECT COUNT(*) FROM bots WHERE deleted_at IS NULL AND id IN "
                                                        "(SELECT bot_id FROM calls) AND slug <> '%1'")
                                             .arg(keptBot));
        QVERIFY(unbudgeted >= 2);
        QCOMPARE(qint64(*added), unbudgeted);
        const auto budgets = BudgetRepository(m_database).list();
        QCOMPARE(budgets->size(), unbudgeted + 1);
        // A demo budget sits a little above the bot's median day: some days pass it, most do not.
        const auto use = ReportService(m_database).budgetUse(ReportQuery{});
        QVERIFY(use.ok());
        const qint64 over = std::count_if(use->cbegin(), use->cend(), [&](const BudgetUseRow &row) {
            return row.bot != keptBot && row.overBudget();
        });
        QVERIFY2(over > 0 && over < use->size() / 2, qPrintable(QString::number(over)));

        // A demo budget edited since is the user's now and stays.
        Budget edited = *std::find_if(budgets->cbegin(), budgets->cend(),
                                      [&](const Budget &budget) { return budget.scopeRef != keptBot; });
        edited.maxCostUsd = 123.0;
        QTest::qWait(5);  // updated_at must differ from created_at
        QVERIFY(BudgetRepository(m_database).set(edited).ok());

        const auto removed = DemoDataGenerator::remove(m_database);
        QVERIFY(removed.ok());
        QCOMPARE(*removed, qint64(m_calls.size()));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM sessions")), qint64(0));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), qint64(0));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM breaker_events")), qint64(1));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM workspace_meta WHERE key = 'demo.budget_ids'")),
                 qint64(0));
        const auto left = BudgetRepository(m_database).list();
        QCOMPARE(left->size(), 2);
        QStringList refs;
        for (const Budget &budget : *left)
            refs << budget.scopeRef;
        QVERIFY(refs.contains(keptBot));
        QVERIFY(refs.contains(edited.scopeRef));
        QVERIFY(ReportService(m_database).conversationCosts(ReportQuery{})->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDashboardReports)
#include "tst_dashboardreports.moc"
