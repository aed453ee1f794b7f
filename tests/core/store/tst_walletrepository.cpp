#include "core/model/Money.h"
#include "core/store/Database.h"
#include "core/store/WalletRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <memory>

using namespace Switchyard;

namespace {

constexpr qint64 Cent = 10000;  // micro-dollars

QString why(const Result<Wallet> &result)
{
    return result.ok() ? QString() : result.error().toString();
}

}  // namespace

class TestWalletRepository : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void moneyFormatAndRoundTrip();
    void ensureCreatesOnce();
    void balancesAreExact();
    void everyChangeWritesATransaction();
    void shortChargeIsRefusedAndChangesNothing();
    void chargeWithoutWalletIsRefused();
    void chargeToExactlyZero();
    void callIsChargedOnce();
    void databaseRefusesOverdraft();
    void invalidAmountsAreRefused();
    void concurrentChargesNeverOverdraw();

private:
    qint64 scalar(const QString &sql);
    qint64 insertCall(const QString &uuid);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<WalletRepository> m_wallets;
};

void TestWalletRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(m_dir->filePath(QStringLiteral("ws.db"))).ok());
    m_wallets = std::make_unique<WalletRepository>(*m_database);
}

void TestWalletRepository::cleanup()
{
    m_wallets.reset();
    m_database.reset();
    m_dir.reset();
}

qint64 TestWalletRepository::scalar(const QString &sql)
{
    QSqlQuery query(m_database->connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

qint64 TestWalletRepository::insertCall(const QString &uuid)
{
    QSqlQuery query(m_database->connection());
    if (!query.exec(QStringLiteral("INSERT INTO calls (uuid, status, created_at) VALUES ('%1', 'ok', "
                                   "'2026-01-01T00:00:00.000Z')")
                        .arg(uuid)))
        return -1;
    return query.lastInsertId().toLongLong();
}

void TestWalletRepository::moneyFormatAndRoundTrip()
{
    QCOMPARE(MicroUsd::format(0), QStringLiteral("$0.00"));
    QCOMPARE(MicroUsd::format(2 * Cent), QStringLiteral("$0.02"));
    QCOMPARE(MicroUsd::format(12500000), QStringLiteral("$12.50"));
    QCOMPARE(MicroUsd::format(125), QStringLiteral("$0.000125"));
    QCOMPARE(MicroUsd::format(-100 * Cent), QStringLiteral("-$1.00"));
    // Every micro-dollar amount survives the trip through a REAL column, including ones binary can't hold exactly.
    for (const qint64 micros : {qint64(1), qint64(290000), qint64(100000), qint64(123456789), qint64(999999999999)})
        QCOMPARE(MicroUsd::fromUsd(MicroUsd::toUsd(micros)), micros);
    QCOMPARE(MicroUsd::fromUsd(0.1 + 0.2), qint64(300000));
}

void TestWalletRepository::ensureCreatesOnce()
{
    QCOMPARE(m_wallets->byUser(QStringLiteral("alice")).error().code, Error::Code::NotFound);
    QCOMPARE(*m_wallets->balance(QStringLiteral("alice")), qint64(0));

    const auto first = m_wallets->ensure(QStringLiteral("alice"));
    QVERIFY2(first.ok(), qPrintable(why(first)));
    QCOMPARE(first->userRef, QStringLiteral("alice"));
    QCOMPARE(first->balanceMicroUsd, qint64(0));
    QVERIFY(first->created.isValid());
    const auto again = m_wallets->ensure(QStringLiteral("alice"));
    QVERIFY(again.ok());
    QCOMPARE(again->id, first->id);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM wallets")), qint64(1));
    // Creating a wallet is not a balance change.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM transactions")), qint64(0));

    QCOMPARE(m_wallets->ensure(QStringLiteral("  ")).error().code, Error::Code::InvalidInput);
}

void TestWalletRepository::balancesAreExact()
{
    // Ten top-ups of $0.10 and one of $0.20: summed as REAL dollars this drifts (0.1 * 10 != 1.0 in binary).
    for (int i = 0; i < 10; ++i)
        QVERIFY(m_wallets->topUp(QStringLiteral("alice"), 10 * Cent).ok());
    const auto topped = m_wallets->topUp(QStringLiteral("alice"), 20 * Cent);
    QVERIFY(topped.ok());
    QCOMPARE(topped->balanceMicroUsd, qint64(1200000));
    // Three charges of $0.30 and one of $0.01 leave exactly $0.29.
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_wallets->charge(QStringLiteral("alice"), 30 * Cent, {}).ok());
    const auto charged = m_wallets->charge(QStringLiteral("alice"), Cent, {});
    QVERIFY(charged.ok());
    QCOMPARE(charged->balanceMicroUsd, qint64(290000));
    QCOMPARE(*m_wallets->balance(QStringLiteral("alice")), qint64(290000));

    // The stored REAL is the closest double to 0.29, not an accumulated approximation.
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT balance_usd FROM wallets WHERE user_ref = 'alice'")) && query.next());
    QCOMPARE(query.value(0).toDouble(), 0.29);
}

void TestWalletRepository::everyChangeWritesATransaction()
{
    const qint64 call = insertCall(QStringLiteral("c-1"));
    QVERIFY(call > 0);
    QVERIFY(m_wallets->topUp(QStringLiteral("bob"), 100 * Cent, QStringLiteral("card")).ok());
    QVERIFY(m_wallets->charge(QStringLiteral("bob"), 5 * Cent, {call, std::nullopt}, QStringLiteral("msg")).ok());
    QVERIFY(
        m_wallets->refund(QStringLiteral("bob"), 5 * Cent, {call, std::nullopt}, QStringLiteral("bad answer")).ok());
    QVERIFY(m_wallets->adjust(QStringLiteral("bob"), -25 * Cent, QStringLiteral("correction")).ok());

    const auto list = m_wallets->transactions(QStringLiteral("bob"));
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 4);
    QCOMPARE(list->at(0).kind, WalletTransaction::Kind::TopUp);
    QCOMPARE(list->at(0).amountMicroUsd, 100 * Cent);
    QCOMPARE(list->at(0).note, QStringLiteral("card"));
    QVERIFY(!list->at(0).callId.has_value());
    QCOMPARE(list->at(1).kind, WalletTransaction::Kind::Charge);
    QCOMPARE(list->at(1).amountMicroUsd, -5 * Cent);
    QCOMPARE(list->at(1).callId, std::optional<qint64>(call));
    QCOMPARE(list->at(2).kind, WalletTransaction::Kind::Refund);
    QCOMPARE(list->at(2).amountMicroUsd, 5 * Cent);
    QCOMPARE(list->at(3).kind, WalletTransaction::Kind::Adjustment);
    QCOMPARE(list->at(3).amountMicroUsd, -25 * Cent);

    // The ledger adds up to the balance, and the stored kinds are the documented spellings.
    qint64 sum = 0;
    for (const WalletTransaction &transaction : *list)
        sum += transaction.amountMicroUsd;
    QCOMPARE(sum, *m_wallets->balance(QStringLiteral("bob")));
    QCOMPARE(sum, 75 * Cent);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE kind IN ('topup', 'charge', 'refund', "
                                   "'adjustment')")),
             qint64(4));
    QVERIFY(m_wallets->transactions(QStringLiteral("nobody"))->isEmpty());
}

void TestWalletRepository::shortChargeIsRefusedAndChangesNothing()
{
    QVERIFY(m_wallets->topUp(QStringLiteral("alice"), 2 * Cent).ok());
    const QString updated = m_wallets->byUser(QStringLiteral("alice"))->updated.toString(Qt::ISODateWithMs);
    const auto refused = m_wallets->charge(QStringLiteral("alice"), 5 * Cent, {});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QVERIFY2(refused.error().message.contains(QLatin1String("'alice' holds $0.02; it can't pay $0.05")),
             qPrintable(refused.error().message));
    QCOMPARE(*m_wallets->balance(QStringLiteral("alice")), 2 * Cent);
    QCOMPARE(m_wallets->byUser(QStringLiteral("alice"))->updated.toString(Qt::ISODateWithMs), updated);
    QCOMPARE(m_wallets->transactions(QStringLiteral("alice"))->size(), 1);

    // An adjustment can't overdraw either.
    QCOMPARE(m_wallets->adjust(QStringLiteral("alice"), -3 * Cent, QStringLiteral("x")).error().code,
             Error::Code::Conflict);
    QCOMPARE(*m_wallets->balance(QStringLiteral("alice")), 2 * Cent);
}

void TestWalletRepository::chargeWithoutWalletIsRefused()
{
    const auto refused = m_wallets->charge(QStringLiteral("ghost"), Cent, {});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QVERIFY(refused.error().message.contains(QLatin1String("holds $0.00")));
    // Refusing does not create a wallet as a side effect.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM wallets")), qint64(0));
}

void TestWalletRepository::chargeToExactlyZero()
{
    QVERIFY(m_wallets->topUp(QStringLiteral("alice"), 5 * Cent).ok());
    const auto charged = m_wallets->charge(QStringLiteral("alice"), 5 * Cent, {});
    QVERIFY2(charged.ok(), qPrintable(why(charged)));
    QCOMPARE(charged->balanceMicroUsd, qint64(0));
    QCOMPARE(m_wallets->charge(QStringLiteral("alice"), 1, {}).error().code, Error::Code::Conflict);
}

void TestWalletRepository::callIsChargedOnce()
{
    const qint64 call = insertCall(QStringLiteral("c-9"));
    QVERIFY(call > 0);
    QVERIFY(m_wallets->topUp(QStringLiteral("alice"), 100 * Cent).ok());
    QVERIFY(m_wallets->charge(QStringLiteral("alice"), 5 * Cent, {call, std::nullopt}).ok());
    const auto twice = m_wallets->charge(QStringLiteral("alice"), 5 * Cent, {call, std::nullopt});
    QVERIFY(!twice.ok());
    QCOMPARE(twice.error().code, Error::Code::Conflict);
    QVERIFY2(twice.error().message.contains(QLatin1String("already charged")), qPrintable(twice.error().message));
    QCOMPARE(*m_wallets->balance(QStringLiteral("alice")), 95 * Cent);

    // The database enforces it too (migration 3), whoever writes the row.
    QSqlQuery query(m_database->connection());
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO transactions (wallet_id, kind, amount_usd, call_id, created_at) "
                                       "SELECT id, 'charge', -0.05, %1, 'x' FROM wallets")
                            .arg(call)));
    QVERIFY2(query.lastError().text().contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive),
             qPrintable(query.lastError().text()));
    // A refund of that call is a different kind and is allowed.
    QVERIFY(m_wallets->refund(QStringLiteral("alice"), 5 * Cent, {call, std::nullopt}, QStringLiteral("r")).ok());
}

void TestWalletRepository::databaseRefusesOverdraft()
{
    QVERIFY(m_wallets->topUp(QStringLiteral("alice"), Cent).ok());
    QSqlQuery query(m_database->connection());
    QVERIFY(!query.exec(QStringLiteral("UPDATE wallets SET balance_usd = -0.01 WHERE user_ref = 'alice'")));
    QVERIFY2(query.lastError().text().contains(QLatin1String("below zero")), qPrintable(query.lastError().text()));
    QVERIFY(query.exec(QStringLiteral("UPDATE wallets SET balance_usd = 0 WHERE user_ref = 'alice'")));
}

void TestWalletRepository::invalidAmountsAreRefused()
{
    QCOMPARE(m_wallets->topUp(QStringLiteral("alice"), 0).error().code, Error::Code::InvalidInput);
    QCOMPARE(m_wallets->topUp(QStringLiteral("alice"), -Cent).error().code, Error::Code::InvalidInput);
    QCOMPARE(m_wallets->charge(QStringLiteral("alice"), -Cent, {}).error().code, Error::Code::InvalidInput);
    QCOMPARE(m_wallets->refund(QStringLiteral("alice"), 0, {}, QString()).error().code, Error::Code::InvalidInput);
    QCOMPARE(m_wallets->adjust(QStringLiteral("alice"), 0, QString()).error().code, Error::Code::InvalidInput);
    QCOMPARE(m_wallets->topUp(QString(), Cent).error().code, Error::Code::InvalidInput);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM wallets")), qint64(0));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM transactions")), qint64(0));
}

void TestWalletRepository::concurrentChargesNeverOverdraw()
{
    // Enough for exactly 40 charges of $0.05; four threads, each on its own connection, try 25 each (100 in all).
    constexpr qint64 Price = 5 * Cent;
    constexpr int Affordable = 40;
    QVERIFY(m_wallets->topUp(QStringLiteral("alice"), Affordable * Price).ok());
    std::atomic<int> charged{0};
    std::atomic<int> refused{0};
    std::atomic<int> otherErrors{0};
    Database &database = *m_database;

    const auto charger = [&] {
        WalletRepository wallets(database);
        for (int i = 0; i < 25; ++i) {
            const auto result = wallets.charge(QStringLiteral("alice"), Price, {});
            if (result.ok()) {
                ++charged;
                if (result->balanceMicroUsd < 0)
                    ++otherErrors;
            } else if (result.error().code == Error::Code::Conflict &&
                       result.error().message.contains(QLatin1String("holds"))) {
                ++refused;
            } else {
                ++otherErrors;
                qWarning() << result.error().toString();
            }
        }
    };
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back(QThread::create(charger));
    for (auto &thread : threads)
        thread->start();
    for (auto &thread : threads)
        QVERIFY(thread->wait(120000));

    QCOMPARE(otherErrors.load(), 0);
    QCOMPARE(charged.load(), Affordable);
    QCOMPARE(refused.load(), 100 - Affordable);
    QCOMPARE(*m_wallets->balance(QStringLiteral("alice")), qint64(0));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE kind = 'charge'")), qint64(Affordable));
}

QTEST_GUILESS_MAIN(TestWalletRepository)
#include "tst_walletrepository.moc"
