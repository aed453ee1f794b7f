// The chat tester's chaos controls on real widgets: arming a hop reaches the engine's FaultInjector, breaker state
// follows the service live, and a real call over the sample workspace's simulator consumes the fault.
#include "core/accounting/UsageRecorder.h"
#include "core/engine/ChatService.h"
#include "core/routing/BreakerRegistry.h"
#include "core/secrets/SecretResolver.h"
#include "core/store/ProviderRepository.h"
#include "core/templating/SystemVariables.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/chat/ChaosHopsModel.h"
#include "ui/chat/ChaosPanel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <optional>

using namespace Switchyard;
using Testing::child;
using Testing::UiWorkspace;

namespace {

/// The sample's Astro Guide config: the simulator's sim-smart on the "offline" chain (sim-smart, then sim-fast).
LlmConfig astroGuideConfig()
{
    LlmConfig config;
    config.provider = QStringLiteral("simulator");
    config.model = QStringLiteral("sim-smart");
    config.chain = QStringLiteral("offline");
    return config;
}

}  // namespace

class TestChaosPanel : public QObject {
    Q_OBJECT

    std::optional<UiWorkspace> m_workspace;
    std::optional<QNetworkAccessManager> m_network;
    std::optional<SecretResolver> m_secrets;
    std::optional<UsageRecorder> m_recorder;
    std::optional<ChatService> m_service;
    std::optional<ChaosPanel> m_panel;

private Q_SLOTS:
    void init()
    {
        m_workspace.emplace();
        m_workspace->openWithSample();
        if (QTest::currentTestFailed())
            return;
        m_network.emplace();
        m_secrets.emplace();
        m_recorder.emplace(m_workspace->database);
        m_service.emplace(m_workspace->database, &*m_network, *m_secrets, *m_recorder);
        m_panel.emplace(&*m_service);
        const auto providers = ProviderRepository(m_workspace->database).load();
        QVERIFY(providers.ok());
        m_panel->setConfig(*providers, astroGuideConfig());
        m_panel->show();
    }

    void cleanup()
    {
        m_panel.reset();
        m_service.reset();
        if (m_recorder)
            (void)m_recorder->flush();
        m_recorder.reset();
        m_secrets.reset();
        m_network.reset();
        m_workspace.reset();
    }

    void modelShowsTheChainAndPassesTheTester()
    {
        ChaosHopsModel *model = m_panel->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model->rowCount() >= 2);
        QCOMPARE(model->index(0, ChaosHopsModel::ProviderColumn).data().toString(), QStringLiteral("simulator"));
        QCOMPARE(model->index(0, ChaosHopsModel::ModelColumn).data().toString(), QStringLiteral("sim-smart"));
        QCOMPARE(model->index(1, ChaosHopsModel::ModelColumn).data().toString(), QStringLiteral("sim-fast"));
        QCOMPARE(model->index(0, ChaosHopsModel::BreakerColumn).data().toString(), QStringLiteral("Closed"));
        QVERIFY(model->index(0, ChaosHopsModel::FaultColumn).data().toString().isEmpty());

        // The Fault cell arms and disarms through setData, and refuses what is not a fault.
        QVERIFY(model->setData(model->index(1, ChaosHopsModel::FaultColumn), QStringLiteral("timeout")));
        QCOMPARE(m_service->faultInjector().armed(1)->kind, InjectedFault::Kind::Timeout);
        QVERIFY(!model->setData(model->index(1, ChaosHopsModel::FaultColumn), QStringLiteral("meteor")));
        QVERIFY(model->setData(model->index(1, ChaosHopsModel::FaultColumn), QString()));
        QVERIFY(!m_service->faultInjector().armed(1));
    }

    void armReachesTheInjectorAndShowsInTheRow()
    {
        auto *view = child<QTableView>(&*m_panel, "chaosHopsView");
        auto *combo = child<QComboBox>(&*m_panel, "chaosFaultCombo");
        auto *arm = child<QPushButton>(&*m_panel, "chaosArmButton");
        auto *disarm = child<QPushButton>(&*m_panel, "chaosDisarmButton");
        QSignalSpy changed(m_panel->model(), &QAbstractItemModel::dataChanged);

        m_panel->setCurrentHop(1);
        combo->setCurrentIndex(combo->findData(QStringLiteral("rate_limited")));
        QVERIFY(!disarm->isEnabled());
        QTest::mouseClick(arm, Qt::LeftButton);

        QCOMPARE(m_service->faultInjector().armed(1)->kind, InjectedFault::Kind::RateLimited);
        QVERIFY(!m_service->faultInjector().armed(0));
        QVERIFY(changed.count() >= 1);
        const QModelIndex fault = view->model()->index(1, ChaosHopsModel::FaultColumn);
        QCOMPARE(fault.data().toString(), QStringLiteral("Armed: 429 rate limited"));
        QVERIFY(disarm->isEnabled());

        QTest::mouseClick(disarm, Qt::LeftButton);
        QVERIFY(!m_service->faultInjector().armed(1));
        QVERIFY(fault.data().toString().isEmpty());
    }

    void forceOpenAndResetFollowTheBreaker()
    {
        auto *forceOpen = child<QPushButton>(&*m_panel, "chaosForceOpenButton");
        auto *reset = child<QPushButton>(&*m_panel, "chaosResetButton");
        ChaosHopsModel *model = m_panel->model();
        m_panel->setCurrentHop(0);
        QVERIFY(!reset->isEnabled());

        QTest::mouseClick(forceOpen, Qt::LeftButton);
        const BreakerKey key{QStringLiteral("simulator"), QStringLiteral("sim-smart"), {}};
        QCOMPARE(m_service->breakers().state(key), BreakerState::ForcedOpen);
        QCOMPARE(model->index(0, ChaosHopsModel::BreakerColumn).data().toString(), QStringLiteral("Forced open"));
        QVERIFY(!forceOpen->isEnabled());
        QVERIFY(reset->isEnabled());

        // A change made elsewhere (another panel, the engine) reaches the row through the service's signal.
        m_service->resetBreaker(key, QStringLiteral("someone"), QStringLiteral("test"));
        QCOMPARE(model->index(0, ChaosHopsModel::BreakerColumn).data().toString(), QStringLiteral("Closed"));
        m_service->forceOpenBreaker(key, QStringLiteral("someone"), QStringLiteral("test"));
        QCOMPARE(model->index(0, ChaosHopsModel::BreakerColumn).data().toString(), QStringLiteral("Forced open"));
        QTest::mouseClick(reset, Qt::LeftButton);
        QCOMPARE(m_service->breakers().state(key), BreakerState::Closed);
        QCOMPARE(model->index(0, ChaosHopsModel::BreakerColumn).data().toString(), QStringLiteral("Closed"));
    }

    void aRealCallConsumesTheFaultAndTheRowDisarms()
    {
        ChaosHopsModel *model = m_panel->model();
        auto *combo = child<QComboBox>(&*m_panel, "chaosFaultCombo");
        m_panel->setCurrentHop(0);
        combo->setCurrentIndex(combo->findData(QStringLiteral("server_error")));
        QTest::mouseClick(child<QPushButton>(&*m_panel, "chaosArmButton"), Qt::LeftButton);
        QVERIFY(!model->index(0, ChaosHopsModel::FaultColumn).data().toString().isEmpty());

        Templating::SystemVariables system;
        auto chat =
            m_service->prepareForBot(QStringLiteral("astro-guide"), QStringLiteral("Will Mars help me?"),
                                     QJsonObject{{QStringLiteral("user_name"), QStringLiteral("Priya")}}, system);
        QVERIFY2(chat.ok(), qPrintable(chat.ok() ? QString() : chat.error().toString()));
        QSignalSpy finished(&*m_service, &ChatService::finished);
        m_service->start(std::move(*chat));
        QVERIFY(finished.wait(20000));

        const CallResult &result = m_service->result();
        QVERIFY2(result.ok, qPrintable(result.errorMessage));
        QCOMPARE(result.servedBy->model, QStringLiteral("sim-fast"));  // hop 0 failed every try, hop 1 answered
        QVERIFY(FaultInjector::isInjected(result.attempts.first().errorMessage));
        QVERIFY(!m_service->faultInjector().armed(0));
        QVERIFY(model->index(0, ChaosHopsModel::FaultColumn).data().toString().isEmpty());
        QVERIFY(model->index(0, 0).data(ChaosHopsModel::ArmedKindRole).toString().isEmpty());
    }
};

QTEST_MAIN(TestChaosPanel)
#include "tst_chaospanel.moc"
