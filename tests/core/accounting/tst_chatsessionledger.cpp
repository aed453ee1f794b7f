#include "core/accounting/ChatSessionLedger.h"
#include "core/accounting/UsageRecorder.h"
#include "core/store/BotRepository.h"
#include "core/store/Database.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/SessionRepository.h"
#include "core/store/WalletRepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <memory>

using namespace Switchyard;

namespace {

constexpr qint64 Cent = 10000;  // micro-dollars

template <typename T> QString why(const Result<T> &result)
{
    return result.ok() ? QString() : result.error().toString();
}

}  // namespace

class TestChatSessionLedger : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void startLocksTheActiveConfigsPrice();
    void lockedPriceSurvivesPriceChanges();
    void startRefusesWhatCanNotBeBilled_data();
    void startRefusesWhatCanNotBeBilled();
    void shortBalanceIsRefusedBeforeTheCall();
    void chargeRecordsTheTurn();
    void chargeRefusedWhenTheWalletRanDryWritesNothing();
    void failedCallsAreNeverCharged();
    void aCallIsChargedOnce();
    void freeSessionsRecordWithoutCharging();

private:
    /// Records a call (as the engine does, through the UsageRecorder) and returns its uuid.
    QString recordCall(CallRecord::Status status = CallRecord::Status::Ok);
    qint64 createConfig(const QString &name, const QJsonValue &price, bool active);
    qint64 count(const QString &sql);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<UsageRecorder> m_recorder;
    std::unique_ptr<ChatSessionLedger> m_ledger;
    qint64 m_botId = 0;
    qint64 m_configId = 0;
};

void TestChatSessionLedger::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(m_dir->filePath(QStringLiteral("ws.db"))).ok());
    m_recorder = std::make_unique<UsageRecorder>(*m_database);
    m_ledger = std::make_unique<ChatSessionLedger>(*m_database);
    Bot bot;
    bot.name = QStringLiteral("Astro Guide");
    const auto created = BotRepository(*m_database).create(bot);
    QVERIFY(created.ok());
    m_botId = created->id;
    m_configId = createConfig(QStringLiteral("mini"), 0.05, true);
    QVERIFY(m_configId > 0);
}

void TestChatSessionLedger::cleanup()
{
    m_ledger.reset();
    m_recorder.reset();
    m_database.reset();
    m_dir.reset();
}

qint64 TestChatSessionLedger::createConfig(const QString &name, const QJsonValue &price, bool active)
{
    LlmConfig config;
    config.botId = m_botId;
    config.name = name;
    config.provider = QStringLiteral("openai");
    config.model = QStringLiteral("gpt-4o-mini");
    if (!price.isUndefined())
        config.metadata.insert(ChatSessionLedger::priceKey(), price);
    config.active = active;
    const auto created = LlmConfigRepository(*m_database).create(config);
    return created.ok() ? created->id : -1;
}

QString TestChatSessionLedger::recordCall(CallRecord::Status status)
{
    CallRecord call;
    call.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    call.botId = m_botId;
    call.status = status;
    m_recorder->record(call);
    if (!m_recorder->flush().ok())
        return QString();
    return call.uuid;
}

qint64 TestChatSessionLedger::count(const QString &sql)
{
    QSqlQuery query(m_database->connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestChatSessionLedger::startLocksTheActiveConfigsPrice()
{
    const auto session =
        m_ledger->startSession(QStringLiteral("astro-guide"), QStringLiteral("alice"), QStringLiteral("Horoscope"));
    QVERIFY2(session.ok(), qPrintable(why(session)));
    QCOMPARE(session->pricePerMessageMicroUsd, std::optional<qint64>(5 * Cent));
    QVERIFY(session->priceLockedAt.isValid());
    QCOMPARE(session->botId, std::optional<qint64>(m_botId));
    QCOMPARE(session->configId, std::optional<qint64>(m_configId));
    QCOMPARE(session->userRef, QStringLiteral("alice"));
    QCOMPARE(session->title, QStringLiteral("Horoscope"));
    // The user has a wallet from the start (empty), so a top-up has somewhere to go.
    const auto wallet = WalletRepository(*m_database).byUser(QStringLiteral("alice"));
    QVERIFY(wallet.ok());
    QCOMPARE(wallet->balanceMicroUsd, qint64(0));
}

void TestChatSessionLedger::lockedPriceSurvivesPriceChanges()
{
    const auto session = m_ledger->startSession(QStringLiteral("astro-guide"), QStringLiteral("alice"));
    QVERIFY(session.ok());
    QVERIFY(WalletRepository(*m_database).topUp(QStringLiteral("alice"), 100 * Cent).ok());

    // The admin raises the price of the config, then switches the bot to a pricier config.
    LlmConfigRepository configs(*m_database);
    LlmConfig edited = *configs.byId(m_configId);
    edited.metadata.insert(ChatSessionLedger::priceKey(), 0.10);
    QVERIFY(configs.update(edited).ok());
    const qint64 premium = createConfig(QStringLiteral("premium"), 0.25, true);
    QVERIFY(premium > 0);

    const auto charged = m_ledger->chargeMessage(session->id, recordCall(), QStringLiteral("Q"), QStringLiteral("A"));
    QVERIFY2(charged.ok(), qPrintable(why(charged)));
    QCOMPARE(charged->chargedMicroUsd, 5 * Cent);
    QCOMPARE(charged->balanceMicroUsd, 95 * Cent);
    QCOMPARE(SessionRepository(*m_database).byId(session->id)->pricePerMessageMicroUsd,
             std::optional<qint64>(5 * Cent));

    // A new session takes the price of the config active now.
    const auto later = m_ledger->startSession(QStringLiteral("astro-guide"), QStringLiteral("alice"));
    QVERIFY(later.ok());
    QCOMPARE(later->pricePerMessageMicroUsd, std::optional<qint64>(25 * Cent));
    QCOMPARE(later->configId, std::optional<qint64>(premium));
}

void TestChatSessionLedger::startRefusesWhatCanNotBeBilled_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown bot") << QStringLiteral("unknown") << int(Error::Code::NotFound) << QString();
    QTest::newRow("no active config") << QStringLiteral("inactive") << int(Error::Code::InvalidInput)
                                      << QStringLiteral("no active LLM config");
    QTest::newRow("no price") << QStringLiteral("unpriced") << int(Error::Code::InvalidInput)
                              << QStringLiteral("price_per_message_usd");
    QTest::newRow("price is text") << QStringLiteral("text") << int(Error::Code::InvalidInput)
                                   << QStringLiteral("must be a number");
    QTest::newRow("negative price") << QStringLiteral("negative") << int(Error::Code::InvalidInput)
                                    << QStringLiteral("must be a number");
    QTest::newRow("deleted bot") << QStringLiteral("deleted") << int(Error::Code::InvalidInput)
                                 << QStringLiteral("deleted");
}

void TestChatSessionLedger::startRefusesWhatCanNotBeBilled()
{
    QFETCH(QString, setup);
    QFETCH(int, code);
    QFETCH(QString, mentions);
    QString slug = QStringLiteral("astro-guide");
    if (setup == QLatin1String("unknown"))
        slug = QStringLiteral("nobody");
    else if (setup == QLatin1String("inactive"))
        QVERIFY(LlmConfigRepository(*m_database).deactivate(m_botId).ok());
    else if (setup == QLatin1String("unpriced"))
        QVERIFY(createConfig(QStringLiteral("x"), QJsonValue(QJsonValue::Undefined), true) > 0);
    else if (setup == QLatin1String("text"))
        QVERIFY(createConfig(QStringLiteral("x"), QStringLiteral("0.05"), true) > 0);
    else if (setup == QLatin1String("negative"))
        QVERIFY(createConfig(QStringLiteral("x"), -0.01, true) > 0);
    else if (setup == QLatin1String("deleted"))
        QVERIFY(BotRepository(*m_database).softDelete(m_botId).ok());

    const auto refused = m_ledger->startSession(slug, QStringLiteral("alice"));
    QVERIFY(!refused.ok());
    QCOMPARE(int(refused.error().code), code);
    QVERIFY2(refused.error().message.contains(mentions), qPrintable(refused.error().message));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sessions")), qint64(0));
}

void TestChatSessionLedger::shortBalanceIsRefusedBeforeTheCall()
{
    const auto session = m_ledger->startSession(QStringLiteral("astro-guide"), QStringLiteral("alice"));
    QVERIFY(session.ok());
    const auto empty = m_ledger->checkAffordable(session->id);
    QVERIFY(!empty.ok());
    QVERIFY2(empty.error().message.startsWith(QLatin1String("wallet of 'alice' holds $0.00; this message costs $0.05")),
             qPrintable(empty.error().message));

    QVERIFY(WalletRepository(*m_database).topUp(QStringLiteral("alice"), 2 * Cent).ok());
    const auto short_ = m_ledger->checkAffordable(session->id);
    QVERIFY(!short_.ok());
    QCOMPARE(short_.error().code, Error::Code::Conflict);
    QVERIFY2(
        short_.error().message.startsWith(QLatin1String("wallet of 'alice' holds $0.02; this message costs $0.05")),
        qPrintable(short_.error().message));
    // Checking writes nothing.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM transactions")), qint64(1));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM messages")), qint64(0));

    QVERIFY(WalletRepository(*m_database).topUp(QStringLiteral("alice"), 3 * Cent).ok());
    QVERIFY(m_ledger->checkAffordable(session->id).ok());  // exactly the price is enough
    QCOMPARE(m_ledger->checkAffordable(424242).error().code, Error::Code::NotFound);
}

void TestChatSessionLedger::chargeRecordsTheTurn()
{
    const auto session = m_ledger->startSession(QStringLiteral("astro-guide"), QStringLiteral("alice"));
    QVERIFY(session.ok());
    QVERIFY(WalletRepository(*m_database).topUp(QStringLiteral("alice"), 12 * Cent).ok());
    const QString callUuid = recordCall();
    QVERIFY(!callUuid.isEmpty());
    const qint64 callId = count(QStringLiteral("SELECT id FROM calls WHERE uuid = '%1'").arg(callUuid));

    QVERIFY(m_ledger->checkAffordable(session->id).ok());
    const auto charged = m_ledger->chargeMessage(session->id, callUuid, QStringLiteral("What about Leo?"),
                                                 QStringLiteral("A bright week."));
    QVERIFY2(charged.ok(), qPrintable(why(charged)));
    QCOMPARE(charged->chargedMicroUsd, 5 * Cent);
    QCOMPARE(charged->balanceMicroUsd, 7 * Cent);
    QCOMPARE(charged->question.position, 1);
    QCOMPARE(charged->answer.position, 2);

    const auto messages = SessionRepository(*m_database).messages(session->id);
    QVERIFY(messages.ok());
    QCOMPARE(messages->size(), 2);
    QCOMPARE(messages->at(0).role, QStringLiteral("user"));
    QCOMPARE(messages->at(0).content, QStringLiteral("What about Leo?"));
    QVERIFY(!messages->at(0).priceMicroUsd.has_value());
    QCOMPARE(messages->at(1).role, QStringLiteral("assistant"));
    QCOMPARE(messages->at(1).content, QStringLiteral("A bright week."));
    QCOMPARE(messages->at(1).callId, std::optional<qint64>(callId));
    QCOMPARE(messages->at(1).priceMicroUsd, std::optional<qint64>(5 * Cent));

    const auto transactions = WalletRepository(*m_database).transactions(QStringLiteral("alice"));
    QVERIFY(transactions.ok());
    QCOMPARE(transactions->size(), 2);
    const WalletTransaction &charge = transactions->at(1);
    QCOMPARE(charge.kind, WalletTransaction::Kind::Charge);
    QCOMPARE(charge.amountMicroUsd, -5 * Cent);
    QCOMPARE(charge.callId, std::optional<qint64>(callId));
    QCOMPARE(charge.sessionId, std::optional<qint64>(session->id));

    // The second turn continues the numbering; then $0.02 is left and the third is refused before any call.
    const auto second = m_ledger->chargeMessage(session->id, recordCall(), QStringLiteral("Q2"), QStringLiteral("A2"));
    QVERIFY(second.ok());
    QCOMPARE(second->question.position, 3);
    QCOMPARE(second->balanceMicroUsd, 2 * Cent);
    QVERIFY(!m_ledger->checkAffordable(session->id).ok());
}

void TestChatSessionLedger::chargeRefusedWhenTheWalletRanDryWritesNothing()
{
    // The balance check passed, then another session of the same user spent the money before this answer came back.
    const auto session = m_ledger->startSession(QStringLiteral("astro-guide"), QStringLiteral("alice"));
    QVERIFY(session.ok());
    QVERIFY(WalletRepository(*m_database).topUp(QStringLiteral("alice"), 5 * Cent).ok());
    QVERIFY(m_ledger->checkAffordable(session->id).ok());
    QVERIFY(WalletRepository(*m_database).charge(QStringLiteral("alice"), 4 * Cent, {}).ok());

    const auto refused = m_ledger->chargeMessage(session->id, recordCall(), QStringLiteral("Q"), QStringLiteral("A"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QVERIFY2(refused.error().message.contains(QLatin1String("holds $0.01")), qPrintable(refused.error().message));
    // All or nothing: the question appended before the charge was rolled back with it.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM messages")), qint64(0));
    QCOMPARE(*WalletRepository(*m_database).balance(QStringLiteral("alice")), Cent);
}

void TestChatSessionLedger::failedCallsAreNeverCharged()
{
    const auto session = m_ledger->startSession(QStringLiteral("astro-guide"), QStringLiteral("alice"));
    QVERIFY(session.ok());
    QVERIFY(WalletRepository(*m_database).topUp(QStringLiteral("alice"), 100 * Cent).ok());

    for (const auto status : {CallRecord::Status::Failed, CallRecord::Status::Cancelled}) {
        const auto refused =
            m_ledger->chargeMessage(session->id, recordCall(status), QStringLiteral("Q"), QStringLiteral("A"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::InvalidInput);
        QVERIFY2(refused.error().message.contains(QLatin1String("never charged")), qPrintable(refused.error().message));
    }
    const auto unknown =
        m_ledger->chargeMessage(session->id, QStringLiteral("no-such-call"), QStringLiteral("Q"), QStringLiteral("A"));
    QCOMPARE(unknown.error().code, Error::Code::NotFound);

    QCOMPARE(*WalletRepository(*m_database).balance(QStringLiteral("alice")), 100 * Cent);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE kind = 'charge'")), qint64(0));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM messages")), qint64(0));
}

void TestChatSessionLedger::aCallIsChargedOnce()
{
    const auto session = m_ledger->startSession(QStringLiteral("astro-guide"), QStringLiteral("alice"));
    QVERIFY(session.ok());
    QVERIFY(WalletRepository(*m_database).topUp(QStringLiteral("alice"), 100 * Cent).ok());
    const QString call = recordCall();
    QVERIFY(m_ledger->chargeMessage(session->id, call, QStringLiteral("Q"), QStringLiteral("A")).ok());
    const auto again = m_ledger->chargeMessage(session->id, call, QStringLiteral("Q"), QStringLiteral("A"));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, Error::Code::Conflict);
    QCOMPARE(*WalletRepository(*m_database).balance(QStringLiteral("alice")), 95 * Cent);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM messages")), qint64(2));
}

void TestChatSessionLedger::freeSessionsRecordWithoutCharging()
{
    QVERIFY(createConfig(QStringLiteral("free"), 0, true) > 0);
    const auto session = m_ledger->startSession(QStringLiteral("astro-guide"), QStringLiteral("bob"));
    QVERIFY(session.ok());
    QCOMPARE(session->pricePerMessageMicroUsd, std::optional<qint64>(0));
    QVERIFY(m_ledger->checkAffordable(session->id).ok());  // an empty wallet is enough
    const auto turn = m_ledger->chargeMessage(session->id, recordCall(), QStringLiteral("Q"), QStringLiteral("A"));
    QVERIFY2(turn.ok(), qPrintable(why(turn)));
    QCOMPARE(turn->chargedMicroUsd, qint64(0));
    QCOMPARE(turn->answer.priceMicroUsd, std::optional<qint64>(0));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM transactions")), qint64(0));
}

QTEST_GUILESS_MAIN(TestChatSessionLedger)
#include "tst_chatsessionledger.moc"
