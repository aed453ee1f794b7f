#include "core/accounting/BudgetGuard.h"
#include "core/accounting/UsageRecorder.h"
#include "core/routing/ManualClock.h"
#include "core/store/BotRepository.h"
#include "core/store/BudgetRepository.h"
#include "core/store/CallUsageRepository.h"
#include "core/store/Database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <memory>

using namespace Switchyard;

namespace {

QDateTime utc(int day, int hour, int minute)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute), QTimeZone::utc());
}

}  // namespace

class TestBudgetGuard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void withoutBudgetEverythingIsAllowed();
    void refusesWhenTheEstimateWouldPassTheTokenLimit();
    void refusesWhenTheLimitIsReached();
    void countsOnlyThisBotsRealCallsOfToday();
    void newDayStartsAtMidnightUtc();
    void workspaceDayZone();
    void costBudget();
    void unknownBotIsAnError();
    void usageQueryUsesTheIndex();

private:
    /// Records a call of @p botId at @p when with @p tokens (input/output split) and @p costUsd, and flushes.
    void recordCall(qint64 botId, const QDateTime &when, qint64 tokens, double costUsd = 0.0, bool demo = false,
                    CallRecord::Status status = CallRecord::Status::Ok);
    void setTokenBudget(const QString &slug, qint64 tokens);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<UsageRecorder> m_recorder;
    qint64 m_botId = 0;
    qint64 m_otherBotId = 0;
};

void TestBudgetGuard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(m_dir->filePath(QStringLiteral("ws.db"))).ok());
    m_recorder = std::make_unique<UsageRecorder>(*m_database);
    BotRepository bots(*m_database);
    Bot bot;
    bot.name = QStringLiteral("Astro Guide");
    const auto astro = bots.create(bot);
    bot.name = QStringLiteral("Other");
    const auto other = bots.create(bot);
    QVERIFY(astro.ok() && other.ok());
    QCOMPARE(astro->slug, QStringLiteral("astro-guide"));
    m_botId = astro->id;
    m_otherBotId = other->id;
}

void TestBudgetGuard::cleanup()
{
    m_recorder.reset();
    m_database.reset();
    m_dir.reset();
}

void TestBudgetGuard::recordCall(qint64 botId, const QDateTime &when, qint64 tokens, double costUsd, bool demo,
                                 CallRecord::Status status)
{
    CallRecord call;
    call.botId = botId;
    call.status = status;
    call.createdAt = when;
    call.isDemo = demo;
    // Spread over every kind, so a query that forgets one of them is caught.
    call.usage = Usage{tokens / 2, tokens / 8, tokens / 8, tokens / 8, tokens - tokens / 2 - 3 * (tokens / 8)};
    QCOMPARE(call.usage.total(), tokens);
    call.costUsd = costUsd;
    m_recorder->record(call);
    QVERIFY(m_recorder->flush().ok());
}

void TestBudgetGuard::setTokenBudget(const QString &slug, qint64 tokens)
{
    Budget budget;
    budget.scope = Budget::Scope::Bot;
    budget.scopeRef = slug;
    budget.maxTokens = tokens;
    QVERIFY(BudgetRepository(*m_database).set(budget).ok());
}

void TestBudgetGuard::withoutBudgetEverythingIsAllowed()
{
    ManualClock clock(0, utc(10, 12, 0));
    recordCall(m_botId, utc(10, 11, 0), 5000000);
    const auto decision = BudgetGuard(*m_database, &clock).check(QStringLiteral("astro-guide"), 1000000);
    QVERIFY(decision.ok());
    QVERIFY(decision->allowed);
    QVERIFY(decision->message.isEmpty());
    QVERIFY(!decision->maxTokens.has_value());
}

void TestBudgetGuard::refusesWhenTheEstimateWouldPassTheTokenLimit()
{
    ManualClock clock(0, utc(10, 12, 0));
    setTokenBudget(QStringLiteral("astro-guide"), 100000);
    recordCall(m_botId, utc(10, 1, 0), 60000);
    recordCall(m_botId, utc(10, 11, 59), 38500);
    const BudgetGuard guard(*m_database, &clock);

    const auto refused = guard.check(QStringLiteral("astro-guide"), 2000);
    QVERIFY(refused.ok());
    QVERIFY(!refused->allowed);
    QCOMPARE(refused->usedTokens, qint64(98500));
    QCOMPARE(refused->maxTokens, std::optional<qint64>(100000));
    QCOMPARE(refused->message, QStringLiteral("bot 'astro-guide' has used 98,500 of its 100,000 daily tokens; this "
                                              "call needs about 2,000 more. The budget resets at midnight UTC."));
    const auto enforced = guard.enforce(QStringLiteral("astro-guide"), 2000);
    QVERIFY(!enforced.ok());
    QCOMPARE(enforced.error().code, Error::Code::Conflict);
    QCOMPARE(enforced.error().message, refused->message);

    // Exactly reaching the limit is still allowed.
    const auto fits = guard.check(QStringLiteral("astro-guide"), 1500);
    QVERIFY(fits.ok());
    QVERIFY(fits->allowed);
    QVERIFY(guard.enforce(QStringLiteral("astro-guide"), 1500).ok());
}

void TestBudgetGuard::refusesWhenTheLimitIsReached()
{
    ManualClock clock(0, utc(10, 12, 0));
    setTokenBudget(QStringLiteral("astro-guide"), 1000);
    recordCall(m_botId, utc(10, 9, 0), 1000);
    const auto decision = BudgetGuard(*m_database, &clock).check(QStringLiteral("astro-guide"), 0);
    QVERIFY(decision.ok());
    QVERIFY(!decision->allowed);
    QCOMPARE(decision->message, QStringLiteral("bot 'astro-guide' has used 1,000 of its 1,000 daily tokens. The "
                                               "budget resets at midnight UTC."));
}

void TestBudgetGuard::countsOnlyThisBotsRealCallsOfToday()
{
    ManualClock clock(0, utc(10, 12, 0));
    setTokenBudget(QStringLiteral("astro-guide"), 100000);
    recordCall(m_botId, utc(10, 8, 0), 1000);  // counts
    recordCall(m_botId, utc(10, 9, 0), 200, 0.0, false,
               CallRecord::Status::Failed);                 // billed tokens of a failure count
    recordCall(m_otherBotId, utc(10, 8, 0), 50000);         // another bot
    recordCall(m_botId, utc(9, 23, 59), 40000);             // yesterday
    recordCall(m_botId, utc(10, 8, 30), 30000, 0.0, true);  // demo history
    recordCall(m_botId, utc(11, 0, 0), 7000);               // tomorrow (clock skew)
    const auto decision = BudgetGuard(*m_database, &clock).check(QStringLiteral("astro-guide"), 10);
    QVERIFY(decision.ok());
    QVERIFY(decision->allowed);
    QCOMPARE(decision->usedTokens, qint64(1200));
    QCOMPARE(decision->dayStart, utc(10, 0, 0));
    QCOMPARE(decision->dayEnd, utc(11, 0, 0));
}

void TestBudgetGuard::newDayStartsAtMidnightUtc()
{
    ManualClock clock(0, utc(10, 23, 59));
    setTokenBudget(QStringLiteral("astro-guide"), 10000);
    recordCall(m_botId, utc(10, 23, 30), 9990);
    const BudgetGuard guard(*m_database, &clock);
    QVERIFY(!guard.check(QStringLiteral("astro-guide"), 100)->allowed);

    clock.advance(60 * 1000);  // 00:00:00 on the 11th
    const auto fresh = guard.check(QStringLiteral("astro-guide"), 100);
    QVERIFY(fresh.ok());
    QVERIFY(fresh->allowed);
    QCOMPARE(fresh->usedTokens, qint64(0));
    QCOMPARE(fresh->dayStart, utc(11, 0, 0));

    // The new day's calls count from midnight on.
    recordCall(m_botId, utc(11, 0, 0), 9950);
    QCOMPARE(guard.check(QStringLiteral("astro-guide"), 100)->usedTokens, qint64(9950));
    QVERIFY(!guard.check(QStringLiteral("astro-guide"), 100)->allowed);
}

void TestBudgetGuard::workspaceDayZone()
{
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    if (!berlin.isValid())
        QSKIP("no time zone data for Europe/Berlin on this system");
    // 2026-03-10 is UTC+1 in Berlin: the Berlin day of the 11th starts at 23:00 UTC on the 10th.
    ManualClock clock(0, utc(11, 0, 10));
    setTokenBudget(QStringLiteral("astro-guide"), 10000);
    recordCall(m_botId, utc(10, 22, 30), 4000);  // 23:30 on the 10th in Berlin
    recordCall(m_botId, utc(10, 23, 30), 3000);  // 00:30 on the 11th in Berlin

    const auto inBerlin = BudgetGuard(*m_database, &clock, berlin).check(QStringLiteral("astro-guide"), 0);
    QVERIFY(inBerlin.ok());
    QCOMPARE(inBerlin->usedTokens, qint64(3000));
    QCOMPARE(inBerlin->dayStart, utc(10, 23, 0));

    // The same moment in UTC is a new day with nothing used.
    QCOMPARE(BudgetGuard(*m_database, &clock).check(QStringLiteral("astro-guide"), 0)->usedTokens, qint64(0));

    setTokenBudget(QStringLiteral("astro-guide"), 3000);
    const auto refused = BudgetGuard(*m_database, &clock, berlin).check(QStringLiteral("astro-guide"), 1);
    QVERIFY(!refused->allowed);
    QVERIFY2(refused->message.endsWith(QLatin1String("resets at midnight Europe/Berlin.")),
             qPrintable(refused->message));
}

void TestBudgetGuard::costBudget()
{
    ManualClock clock(0, utc(10, 12, 0));
    Budget budget;
    budget.scope = Budget::Scope::Bot;
    budget.scopeRef = QStringLiteral("astro-guide");
    budget.maxCostUsd = 1.0;
    QVERIFY(BudgetRepository(*m_database).set(budget).ok());
    recordCall(m_botId, utc(10, 8, 0), 10, 0.4);
    recordCall(m_botId, utc(10, 9, 0), 10, 0.55);
    const BudgetGuard guard(*m_database, &clock);

    const auto fits = guard.check(QStringLiteral("astro-guide"), 1000000, 0.05);
    QVERIFY(fits.ok());
    QVERIFY(fits->allowed);  // no token limit; exactly $1.00 fits
    QCOMPARE(fits->usedCostNanoUsd, qint64(950000000));

    const auto refused = guard.check(QStringLiteral("astro-guide"), 10, 0.06);
    QVERIFY(refused.ok());
    QVERIFY(!refused->allowed);
    QCOMPARE(refused->message, QStringLiteral("bot 'astro-guide' has spent $0.95 of its $1.00 daily budget; this "
                                              "call costs about $0.06 more. The budget resets at midnight UTC."));
}

void TestBudgetGuard::unknownBotIsAnError()
{
    const auto missing = BudgetGuard(*m_database).check(QStringLiteral("nobody"), 1);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, Error::Code::NotFound);
}

void TestBudgetGuard::usageQueryUsesTheIndex()
{
    QSqlQuery query(m_database->connection());
    QVERIFY(query.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + CallUsageRepository::botUsageSql()));
    query.addBindValue(m_botId);
    query.addBindValue(QStringLiteral("2026-03-10T00:00:00.000Z"));
    query.addBindValue(QStringLiteral("2026-03-11T00:00:00.000Z"));
    QVERIFY(query.exec());
    QString plan;
    while (query.next())
        plan += query.value(3).toString() + QLatin1Char('\n');
    // A range search on (bot_id, created_at), never a scan of every call.
    QVERIFY2(plan.contains(QLatin1String("calls_bot_created")), qPrintable(plan));
    QVERIFY2(!plan.contains(QLatin1String("SCAN")), qPrintable(plan));
}

QTEST_GUILESS_MAIN(TestBudgetGuard)
#include "tst_budgetguard.moc"
