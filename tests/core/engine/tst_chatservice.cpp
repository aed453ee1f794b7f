// ChatService on a real workspace file: a bot call goes through the active config, its prompt and the engine to the
// simulator provider, is priced and recorded; configuration changes — from this process or another connection —
// reach the next call without reloading anything (switching a config is instant and needs no code).
#include "core/accounting/ChatSessionLedger.h"
#include "core/accounting/UsageRecorder.h"
#include "core/engine/ChatService.h"
#include "core/model/Money.h"
#include "core/routing/BreakerRegistry.h"
#include "core/routing/FaultInjector.h"
#include "core/secrets/SecretResolver.h"
#include "core/store/BotRepository.h"
#include "core/store/BudgetRepository.h"
#include "core/store/Database.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/PromptRepository.h"
#include "core/store/ProviderRepository.h"
#include "core/store/SessionRepository.h"
#include "core/store/WalletRepository.h"
#include "core/templating/SystemVariables.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace Switchyard;

namespace {

ModelSpec pricedModel(const QString &id, double inputPer1k, double outputPer1k)
{
    ModelSpec model;
    model.id = id;
    model.contextWindow = 32000;
    model.maxOutputTokens = 1024;
    model.price = Price{inputPer1k, outputPer1k, {}, {}, {}};
    return model;
}

/// A ChatService on the test workspace together with the collaborators it borrows (it keeps references, so they live
/// exactly as long as it does).
struct ServiceRig {
    explicit ServiceRig(Database &database) : recorder(database), service(database, &network, secrets, recorder) {}

    QNetworkAccessManager network;
    SecretResolver secrets;
    UsageRecorder recorder;
    ChatService service;
};

}  // namespace

class TestChatService : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void botCallIsRenderedServedPricedAndRecorded();
    void configSwitchFromAnotherConnectionIsSeenAtOnce();
    void labelMoveReachesTheNextCall();
    void botWithoutActiveConfigIsRefused();
    void anyConfigOfTheBotCanBeCalledDirectly();
    void sessionTurnsCarryHistoryAndAreCharged();
    void shortWalletIsRefusedBeforeAnyProviderCall();
    void dailyTokenBudgetRefusesTheCallThatWouldPassIt();
    void cancelMidStreamIsRecorded();
    void injectedFaultIsRecordedAsInjected();
    void breakerChangesAreSignalledAndJournaled();

private:
    /// Runs one bot call to the end and returns whether it succeeded.
    bool runBotCall(ChatService &service, const QString &message);

    std::unique_ptr<QTemporaryDir> m_dir;
    Database m_database;
    std::optional<ServiceRig> m_rig;  ///< built last in init(), once the workspace is set up; gone before it closes
    qint64 m_botId = 0;
    qint64 m_fastConfig = 0;
    qint64 m_smartConfig = 0;
};

void TestChatService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_database.open(m_dir->filePath(QStringLiteral("ws.db"))).ok());

    ProvidersConfig providers;
    ProviderSpec simulator;
    simulator.id = QStringLiteral("sim");
    simulator.kind = QStringLiteral("simulator");
    simulator.baseUrl = QStringLiteral("simulator://local?latency_ms=0&tokens_per_second=100000");
    simulator.models = {pricedModel(QStringLiteral("sim-fast"), 0.5, 1.0),
                        pricedModel(QStringLiteral("sim-smart"), 3.0, 15.0)};
    providers.providers = {simulator};
    QVERIFY(ProviderRepository(m_database).replaceAll(providers).ok());

    PromptRepository prompts(m_database);
    QVERIFY(prompts
                .addVersion(QStringLiteral("guide"),
                            QStringLiteral("key: guide\nsystem: You guide {{user_name}}. Version one.\n"),
                            QStringLiteral("ana"), {})
                .ok());
    QVERIFY(prompts
                .addVersion(QStringLiteral("guide"),
                            QStringLiteral("key: guide\nsystem: You guide {{user_name}}. Version two.\n"),
                            QStringLiteral("ana"), {})
                .ok());
    QVERIFY(prompts.moveLabel(QStringLiteral("guide"), QStringLiteral("production"), 1, QStringLiteral("ana")).ok());

    Bot bot;
    bot.name = QStringLiteral("Guide");
    auto created = BotRepository(m_database).create(bot);
    QVERIFY(created.ok());
    m_botId = created->id;

    LlmConfigRepository configs(m_database);
    LlmConfig fast;
    fast.botId = m_botId;
    fast.name = QStringLiteral("fast");
    fast.provider = QStringLiteral("sim");
    fast.model = QStringLiteral("sim-fast");
    fast.promptKey = QStringLiteral("guide");
    fast.promptLabel = QStringLiteral("production");
    fast.metadata.insert(ChatSessionLedger::priceKey(), 0.05);
    auto storedFast = configs.create(fast);
    QVERIFY(storedFast.ok());
    m_fastConfig = storedFast->id;
    LlmConfig smart = fast;
    smart.name = QStringLiteral("smart");
    smart.model = QStringLiteral("sim-smart");
    auto storedSmart = configs.create(smart);
    QVERIFY(storedSmart.ok());
    m_smartConfig = storedSmart->id;
    QVERIFY(configs.activate(m_fastConfig).ok());
    m_rig.emplace(m_database);
}

void TestChatService::cleanup()
{
    m_rig.reset();
    m_database.close();
}

bool TestChatService::runBotCall(ChatService &service, const QString &message)
{
    Templating::SystemVariables system;
    auto chat = service.prepareForBot(QStringLiteral("guide"), message,
                                      QJsonObject{{QStringLiteral("user_name"), QStringLiteral("Ana")}}, system);
    if (!chat) {
        qWarning("%s", qPrintable(chat.error().toString()));
        return false;
    }
    QSignalSpy finished(&service, &ChatService::finished);
    service.start(std::move(*chat));
    if (!finished.wait(10000))
        return false;
    if (!service.result().ok)
        qWarning("call failed: %s", qPrintable(service.result().errorMessage));
    return service.result().ok;
}

void TestChatService::botCallIsRenderedServedPricedAndRecorded()
{
    ChatService &service = m_rig->service;

    QVERIFY(runBotCall(service, QStringLiteral("Where is Mars tonight?")));
    QCOMPARE(service.result().servedBy->model, QStringLiteral("sim-fast"));
    QVERIFY(!service.result().text.isEmpty());

    const CallRecord &record = service.record();
    QCOMPARE(record.botId, std::optional<qint64>(m_botId));
    QCOMPARE(record.configId, std::optional<qint64>(m_fastConfig));
    QCOMPARE(record.promptKey, QStringLiteral("guide"));
    QCOMPARE(record.promptVersion, std::optional<int>(1));
    const Usage usage = service.result().usage;
    QVERIFY(usage.input > 0 && usage.output > 0);
    // Cost is every token kind times its price per 1K (sim-fast: $0.5 in, $1.0 out).
    const double expected = usage.input * 0.5 / 1000.0 + usage.output * 1.0 / 1000.0;
    QVERIFY2(qAbs(record.costUsd - expected) < 1e-9, qPrintable(QString::number(record.costUsd)));

    QVERIFY(m_rig->recorder.flush().ok());
    QSqlQuery query(m_database.connection());
    QVERIFY(query.exec(QStringLiteral("SELECT served_model, output_tokens, cost_usd FROM calls")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("sim-fast"));
    QCOMPARE(query.value(1).toLongLong(), usage.output);
    QVERIFY(qAbs(query.value(2).toDouble() - expected) < 1e-9);
    QVERIFY(!query.next());
}

void TestChatService::configSwitchFromAnotherConnectionIsSeenAtOnce()
{
    ChatService &service = m_rig->service;
    QVERIFY(runBotCall(service, QStringLiteral("first")));
    QCOMPARE(service.result().servedBy->model, QStringLiteral("sim-fast"));

    // Another process (the CLI, a colleague's studio) switches the bot's config.
    {
        Database other;
        QVERIFY(other.open(m_database.path()).ok());
        QVERIFY(LlmConfigRepository(other).activate(m_smartConfig).ok());
    }
    QVERIFY(runBotCall(service, QStringLiteral("second")));
    QCOMPARE(service.result().servedBy->model, QStringLiteral("sim-smart"));
    QCOMPARE(service.record().configId, std::optional<qint64>(m_smartConfig));

    // And back again from this process's own connection.
    QVERIFY(LlmConfigRepository(m_database).activate(m_fastConfig).ok());
    QVERIFY(runBotCall(service, QStringLiteral("third")));
    QCOMPARE(service.result().servedBy->model, QStringLiteral("sim-fast"));
}

void TestChatService::labelMoveReachesTheNextCall()
{
    ChatService &service = m_rig->service;
    QVERIFY(runBotCall(service, QStringLiteral("hello")));
    QCOMPARE(service.record().promptVersion, std::optional<int>(1));

    QVERIFY(PromptRepository(m_database)
                .moveLabel(QStringLiteral("guide"), QStringLiteral("production"), 2, QStringLiteral("ana"))
                .ok());
    Templating::SystemVariables system;
    auto chat = service.prepareForBot(QStringLiteral("guide"), QStringLiteral("again"),
                                      QJsonObject{{QStringLiteral("user_name"), QStringLiteral("Ana")}}, system);
    QVERIFY(chat.ok());
    QCOMPARE(chat->promptVersion, std::optional<int>(2));
    QCOMPARE(chat->call.system, QStringLiteral("You guide Ana. Version two."));
}

void TestChatService::botWithoutActiveConfigIsRefused()
{
    ChatService &service = m_rig->service;
    QVERIFY(runBotCall(service, QStringLiteral("cached route")));
    QVERIFY(LlmConfigRepository(m_database).deactivate(m_botId).ok());

    Templating::SystemVariables system;
    auto chat = service.prepareForBot(QStringLiteral("guide"), QStringLiteral("hi"), {}, system);
    QVERIFY(!chat.ok());
    QVERIFY2(chat.error().message.contains(QLatin1String("has no active config")), qPrintable(chat.error().message));
}

void TestChatService::anyConfigOfTheBotCanBeCalledDirectly()
{
    // The studio's chat tester and compare mode call a config that is not the active one.
    ChatService &service = m_rig->service;
    Templating::SystemVariables system;
    auto chat = service.prepareForConfig(m_smartConfig, QStringLiteral("hello"),
                                         QJsonObject{{QStringLiteral("user_name"), QStringLiteral("Ana")}}, system);
    QVERIFY2(chat.ok(), qPrintable(chat.ok() ? QString() : chat.error().toString()));
    QCOMPARE(chat->configId, std::optional<qint64>(m_smartConfig));
    QCOMPARE(chat->botId, std::optional<qint64>(m_botId));
    QCOMPARE(chat->call.config.model, QStringLiteral("sim-smart"));
    QCOMPARE(chat->call.system, QStringLiteral("You guide Ana. Version one."));
    QCOMPARE(chat->promptVersion, std::optional<int>(1));
    QCOMPARE(chat->call.messages.size(), 1);
    QSignalSpy finished(&service, &ChatService::finished);
    service.start(std::move(*chat));
    QVERIFY(finished.wait(10000));
    QCOMPARE(service.record().servedModel, QStringLiteral("sim-smart"));
    QCOMPARE(service.record().configId, std::optional<qint64>(m_smartConfig));

    const auto missing = service.prepareForConfig(m_smartConfig + 1000, QStringLiteral("hello"), {}, system);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, Error::Code::NotFound);
}

void TestChatService::sessionTurnsCarryHistoryAndAreCharged()
{
    ChatService &service = m_rig->service;
    QVERIFY(WalletRepository(m_database).topUp(QStringLiteral("alice"), MicroUsd::fromUsd(0.12)).ok());
    auto session = ChatSessionLedger(m_database).startSession(QStringLiteral("guide"), QStringLiteral("alice"));
    QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
    QCOMPARE(session->pricePerMessageMicroUsd, std::optional<qint64>(MicroUsd::fromUsd(0.05)));

    Templating::SystemVariables system;
    const auto turn = [&](const QString &message) -> bool {
        auto chat =
            service.prepareForBot(QStringLiteral("guide"), message,
                                  QJsonObject{{QStringLiteral("user_name"), QStringLiteral("Ana")}}, system, &*session);
        if (!chat)
            return false;
        QSignalSpy finished(&service, &ChatService::finished);
        service.start(std::move(*chat));
        return finished.wait(10000) && service.result().ok;
    };
    QVERIFY(turn(QStringLiteral("first question")));
    QVERIFY(service.charge().has_value());
    QCOMPARE(service.charge()->chargedMicroUsd, MicroUsd::fromUsd(0.05));
    QCOMPARE(service.charge()->balanceMicroUsd, MicroUsd::fromUsd(0.07));
    const QString firstAnswer = service.result().text;

    // The second turn sends the first question and answer before the new message.
    auto chat =
        service.prepareForBot(QStringLiteral("guide"), QStringLiteral("second question"), {}, system, &*session);
    QVERIFY(chat.ok());
    QCOMPARE(chat->call.messages.size(), 3);
    QCOMPARE(chat->call.messages.at(0).content, QStringLiteral("first question"));
    QCOMPARE(chat->call.messages.at(1).content, firstAnswer);
    QCOMPARE(chat->call.messages.at(1).role, ChatMessage::Role::Assistant);
    QVERIFY(turn(QStringLiteral("second question")));
    QCOMPARE(service.charge()->balanceMicroUsd, MicroUsd::fromUsd(0.02));

    // The stored session holds the four messages, the answers linked to their calls and priced.
    const auto messages = SessionRepository(m_database).messages(session->id);
    QVERIFY(messages.ok());
    QCOMPARE(messages->size(), 4);
    QVERIFY(messages->at(1).callId.has_value());
    QCOMPARE(messages->at(3).priceMicroUsd, std::optional<qint64>(MicroUsd::fromUsd(0.05)));
    QCOMPARE(service.record().sessionId, std::optional<qint64>(session->id));
}

void TestChatService::shortWalletIsRefusedBeforeAnyProviderCall()
{
    ChatService &service = m_rig->service;
    QVERIFY(WalletRepository(m_database).topUp(QStringLiteral("bob"), MicroUsd::fromUsd(0.02)).ok());
    auto session = ChatSessionLedger(m_database).startSession(QStringLiteral("guide"), QStringLiteral("bob"));
    QVERIFY(session.ok());

    Templating::SystemVariables system;
    // Outside the session the same message is fine; as a turn of the session the wallet is short.
    QVERIFY(service.prepareForBot(QStringLiteral("guide"), QStringLiteral("hello"), {}, system).ok());
    const auto attached =
        service.prepareForBot(QStringLiteral("guide"), QStringLiteral("hello"), {}, system, &*session);
    QVERIFY(!attached.ok());
    QVERIFY2(attached.error().message.contains(QLatin1String("holds $0.02")), qPrintable(attached.error().message));
    QVERIFY(attached.error().message.contains(QLatin1String("$0.05")));
    // Nothing was called, recorded or charged.
    QVERIFY(m_rig->recorder.flush().ok());
    QSqlQuery query(m_database.connection());
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM calls")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    QCOMPARE(*WalletRepository(m_database).balance(QStringLiteral("bob")), MicroUsd::fromUsd(0.02));
}

void TestChatService::dailyTokenBudgetRefusesTheCallThatWouldPassIt()
{
    ChatService &service = m_rig->service;
    QVERIFY(runBotCall(service, QStringLiteral("before any budget")));
    const qint64 used = service.result().usage.input + service.result().usage.output;
    QVERIFY(m_rig->recorder.flush().ok());

    // A budget just above today's usage: set from this process, seen by the long-lived service at once.
    Budget budget;
    budget.scope = Budget::Scope::Bot;
    budget.scopeRef = QStringLiteral("guide");
    budget.maxTokens = used + 2;
    QVERIFY(BudgetRepository(m_database).set(budget).ok());
    Templating::SystemVariables system;
    auto chat =
        service.prepareForBot(QStringLiteral("guide"), QStringLiteral("a question that needs more tokens"), {}, system);
    QVERIFY(!chat.ok());
    QCOMPARE(chat.error().code, Error::Code::Conflict);
    QVERIFY2(chat.error().message.contains(QLatin1String("daily tokens")), qPrintable(chat.error().message));

    // Raising the budget lets the next call through.
    budget.maxTokens = used + 100000;
    QVERIFY(BudgetRepository(m_database).set(budget).ok());
    QVERIFY(runBotCall(service, QStringLiteral("within budget again")));
}

void TestChatService::cancelMidStreamIsRecorded()
{
    ChatService &service = m_rig->service;
    Templating::SystemVariables system;
    auto chat = service.prepareForBot(QStringLiteral("guide"), QStringLiteral("Tell me a long story"),
                                      QJsonObject{{QStringLiteral("user_name"), QStringLiteral("Ana")}}, system);
    QVERIFY(chat.ok());
    int deltas = 0;
    // Stop at the first token, from inside the delta slot: the hardest place to cancel from.
    const auto connection = connect(&service, &ChatService::delta, this, [&] {
        if (++deltas == 1)
            service.cancel();
    });
    QSignalSpy finished(&service, &ChatService::finished);
    service.start(std::move(*chat));
    QVERIFY(finished.wait(10000));
    disconnect(connection);
    QCOMPARE(deltas, 1);

    const CallRecord &record = service.record();
    QCOMPARE(record.status, CallRecord::Status::Cancelled);
    QCOMPARE(record.errorClass, FailureClass::Cancelled);
    QCOMPARE(record.attempts.size(), 1);
    QCOMPARE(record.attempts.first().outcome, AttemptRecord::Outcome::Cancelled);
    QCOMPARE(record.attempts.first().errorClass, FailureClass::Cancelled);

    QVERIFY(m_rig->recorder.flush().ok());
    QSqlQuery query(m_database.connection());
    QVERIFY(query.exec(QStringLiteral("SELECT c.status, a.outcome, a.error_class FROM calls c "
                                      "JOIN attempts a ON a.call_id = c.id")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("cancelled"));
    QCOMPARE(query.value(1).toString(), QStringLiteral("cancelled"));
    QCOMPARE(query.value(2).toString(), QStringLiteral("cancelled"));
    QVERIFY(!query.next());
}

void TestChatService::injectedFaultIsRecordedAsInjected()
{
    ChatService &service = m_rig->service;
    service.faultInjector().arm(0, InjectedFault{InjectedFault::Kind::ContextLength, 1000, 2});
    QVERIFY(!runBotCall(service, QStringLiteral("Hello")));  // the bot has no larger hop to fall back to
    QVERIFY(!service.faultInjector().armed(0));
    const CallRecord &record = service.record();
    QCOMPARE(record.errorClass, FailureClass::ContextTooLong);
    QCOMPARE(record.attempts.size(), 1);
    QCOMPARE(record.attempts.first().httpStatus, std::optional<int>(400));
    QVERIFY(FaultInjector::isInjected(record.attempts.first().errorMessage));

    QVERIFY(m_rig->recorder.flush().ok());
    QSqlQuery query(m_database.connection());
    QVERIFY(query.exec(QStringLiteral("SELECT error_message FROM attempts")));
    QVERIFY(query.next());
    QVERIFY(query.value(0).toString().startsWith(QStringLiteral("Injected: context_too_long")));

    // One-shot: the next call is clean.
    QVERIFY(runBotCall(service, QStringLiteral("Hello again")));
}

void TestChatService::breakerChangesAreSignalledAndJournaled()
{
    ChatService &service = m_rig->service;
    QSignalSpy changed(&service, &ChatService::breakerChanged);
    const BreakerKey key{QStringLiteral("sim"), QStringLiteral("sim-fast"), {}};
    // Before any call: the registry is the workspace's.
    service.forceOpenBreaker(key, QStringLiteral("studio"), QStringLiteral("chaos test"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).value<BreakerKey>(), key);
    QCOMPARE(changed.first().at(1).value<BreakerState>(), BreakerState::ForcedOpen);
    QCOMPARE(service.breakers().state(key), BreakerState::ForcedOpen);
    {
        QSqlQuery query(m_database.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT actor FROM breaker_events")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("studio"));
    }

    // The forced-open hop is skipped by the next call.
    QVERIFY(!runBotCall(service, QStringLiteral("Anyone there?")));
    QCOMPARE(service.record().attempts.first().errorClass, FailureClass::CircuitOpen);

    service.resetBreaker(key, QStringLiteral("studio"), QStringLiteral("done"));
    QCOMPARE(changed.last().at(1).value<BreakerState>(), BreakerState::Closed);
    QVERIFY(runBotCall(service, QStringLiteral("Back?")));
}

QTEST_GUILESS_MAIN(TestChatService)
#include "tst_chatservice.moc"
