// The Providers page on a real workspace: the detail panel shows the selected provider, "Test connection" and "List
// models" run core's ConnectionCheck without blocking and show OK or the failure class (never the key), Cancel
// returns to idle, and "Set API key…" stores through its writer or explains the environment-variable route.
#include "core/settings/Settings.h"
#include "core/store/Database.h"
#include "core/store/ProviderRepository.h"
#include "tests/support/FakeProviderServer.h"
#include "tests/support/FakeResponse.h"
#include "tests/support/OpenAiFixtures.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/providers/ApiKeyDialog.h"
#include "ui/providers/ProviderDetailPanel.h"
#include "ui/providers/ProvidersPage.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <memory>
#include <optional>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

const char kKeyVariable[] = "SWITCHYARD_TST_PROVIDERS_KEY";
const QString kKey = QStringLiteral("sk-tst-providers-0123456789abcdef");

}  // namespace

class TestProvidersPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void panelShowsTheSelectedProvider();
    void simulatorTestConnectionSaysOk();
    void ctrlTTestsTheSelectedProvider();
    void modelListAnswerGivesOkWithModelCount();
    void rejectedKeyShowsFailureClassButNeverTheKey();
    void missingKeyVariableIsReportedWithoutACall();
    void cancelDuringASilentCallReturnsToIdle();
    void apiKeyDialogWithoutKeychainOffersTheEnvironmentVariable();
    void apiKeyDialogWriteFailureOffersTheEnvironmentVariable();
    void apiKeyDialogStoresThroughTheWriterUnderTheProviderId();

private:
    void createWindow();
    void select(const QString &providerId);
    ProviderDetailPanel *panel() const { return m_window->providersPage()->detailPanel(); }
    QString result() const { return child<QLabel>(panel(), "checkResultLabel")->text(); }

    std::optional<UiWorkspace> m_workspace;
    std::unique_ptr<FakeProviderServer> m_server;
    std::unique_ptr<MainWindow> m_window;
};

void TestProvidersPage::init()
{
    m_workspace.emplace();
    m_workspace->open();
    if (QTest::currentTestFailed())
        return;
    m_server = std::make_unique<FakeProviderServer>();
    QVERIFY(m_server->start());
    qputenv(kKeyVariable, kKey.toUtf8());

    ProviderSpec simulator;
    simulator.id = QStringLiteral("simulator");
    simulator.kind = QStringLiteral("simulator");
    simulator.baseUrl = QStringLiteral("simulator://local?latency_ms=0&tokens_per_second=100000");
    ModelSpec fast;
    fast.id = QStringLiteral("sim-fast");
    fast.contextWindow = 8192;
    simulator.models = {fast};

    ProviderSpec local;
    local.id = QStringLiteral("local");
    local.displayName = QStringLiteral("Local vLLM");
    local.kind = QStringLiteral("openai_compatible");
    local.baseUrl = m_server->baseUrl();
    local.apiKeyRef = QStringLiteral("env:") + QLatin1String(kKeyVariable);
    local.region = QStringLiteral("eu-central-1");
    local.timeouts = Timeouts{2000, 2000, 2000, 4000};
    ModelSpec llama;
    llama.id = QStringLiteral("llama-3.1-8b");
    llama.contextWindow = 131072;
    llama.price.inputPer1k = 0.25;
    llama.price.outputPer1k = 0.75;
    local.models = {llama};

    ProvidersConfig config;
    config.providers = {simulator, local};
    const auto replaced = ProviderRepository(m_workspace->database).replaceAll(config);
    QVERIFY2(replaced.ok(), replaced.ok() ? "" : qPrintable(replaced.error().toString()));
    createWindow();
}

void TestProvidersPage::cleanup()
{
    closeDialogs();
    m_window.reset();
    m_server.reset();
    m_workspace.reset();
    qunsetenv(kKeyVariable);
}

void TestProvidersPage::createWindow()
{
    m_window = std::make_unique<MainWindow>(m_workspace->database, *m_workspace->settings);
    m_window->showPage(MainWindow::Page::Providers);
    showActive(m_window.get());
}

void TestProvidersPage::select(const QString &providerId)
{
    auto *view = child<QTableView>(m_window.get(), "providersView");
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data().toString() != providerId)
            continue;
        const QRect rect = view->visualRect(index);
        QVERIFY(rect.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QVERIFY(panel()->provider());
        QCOMPARE(panel()->provider()->id, providerId);
        return;
    }
    QFAIL(qPrintable(QStringLiteral("provider %1 is not listed").arg(providerId)));
}

void TestProvidersPage::panelShowsTheSelectedProvider()
{
    QVERIFY(!panel()->provider());
    QVERIFY(!child<QPushButton>(panel(), "testConnectionButton")->isEnabled());

    select(QStringLiteral("local"));
    QCOMPARE(child<QLabel>(panel(), "providerKindLabel")->text(), QStringLiteral("openai_compatible"));
    QCOMPARE(child<QLineEdit>(panel(), "providerBaseUrlEdit")->text(), m_server->baseUrl());
    QCOMPARE(child<QLineEdit>(panel(), "providerRegionEdit")->text(), QStringLiteral("eu-central-1"));
    QCOMPARE(child<QLineEdit>(panel(), "providerKeyRefEdit")->text(),
             QStringLiteral("env:SWITCHYARD_TST_PROVIDERS_KEY"));
    const QAbstractItemModel *models = child<QTableView>(panel(), "providerModelsView")->model();
    QCOMPARE(models->rowCount(), 1);
    QCOMPARE(models->index(0, 0).data().toString(), QStringLiteral("llama-3.1-8b"));
    QCOMPARE(models->index(0, 1).data().toString(), QLocale().toString(131072));
    QCOMPARE(models->index(0, 2).data().toString(), QStringLiteral("$0.25"));
    QCOMPARE(models->index(0, 3).data().toString(), QStringLiteral("$0.75"));
    QVERIFY(child<QPushButton>(panel(), "testConnectionButton")->isEnabled());

    select(QStringLiteral("simulator"));
    QCOMPARE(child<QLabel>(panel(), "providerKindLabel")->text(), QStringLiteral("simulator"));
    QCOMPARE(models->rowCount(), 1);
    QCOMPARE(models->index(0, 0).data().toString(), QStringLiteral("sim-fast"));
}

void TestProvidersPage::simulatorTestConnectionSaysOk()
{
    select(QStringLiteral("simulator"));
    auto *test = child<QPushButton>(panel(), "testConnectionButton");
    auto *busy = child<QProgressBar>(panel(), "checkBusyIndicator");
    QVERIFY(!busy->isVisible());
    QTest::mouseClick(test, Qt::LeftButton);
    // Started, not finished: the click returned to the event loop with the check running.
    QVERIFY(panel()->isChecking());
    QVERIFY(!test->isEnabled());
    QVERIFY(busy->isVisible());
    QVERIFY(child<QPushButton>(panel(), "cancelCheckButton")->isVisible());

    QTRY_VERIFY_WITH_TIMEOUT(!panel()->isChecking(), 10000);
    QVERIFY2(result().startsWith(QStringLiteral("OK")), qPrintable(result()));
    QVERIFY2(result().contains(QStringLiteral("sim-fast")), qPrintable(result()));
    QVERIFY(test->isEnabled());
    QVERIFY(!busy->isVisible());
}

void TestProvidersPage::ctrlTTestsTheSelectedProvider()
{
    select(QStringLiteral("simulator"));
    auto *view = child<QTableView>(m_window.get(), "providersView");
    view->setFocus();
    QVERIFY(result().isEmpty());
    QTest::keyClick(view, Qt::Key_T, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(result().startsWith(QStringLiteral("OK")), 10000);
}

void TestProvidersPage::modelListAnswerGivesOkWithModelCount()
{
    const QStringList ids{QStringLiteral("llama-3.1-8b"), QStringLiteral("qwen2.5-7b"), QStringLiteral("phi-4")};
    m_server->enqueue(QStringLiteral("/v1/models"), FakeResponse::json(200, OpenAiFixtures::modelList(ids)));
    select(QStringLiteral("local"));
    QTest::mouseClick(child<QPushButton>(panel(), "testConnectionButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel()->isChecking(), 10000);
    QVERIFY2(result().startsWith(QStringLiteral("OK")), qPrintable(result()));
    QVERIFY2(result().contains(QStringLiteral("models listed: 3")), qPrintable(result()));
    // The key came from the environment variable the reference names.
    QCOMPARE(m_server->lastRequest().header("authorization"), "Bearer " + kKey.toUtf8());
    QVERIFY(!child<QListView>(panel(), "liveModelsView")->isVisible());

    // "List models" asks again and shows the live list.
    m_server->enqueue(QStringLiteral("/v1/models"), FakeResponse::json(200, OpenAiFixtures::modelList(ids)));
    QTest::mouseClick(child<QPushButton>(panel(), "listModelsButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel()->isChecking(), 10000);
    QCOMPARE(m_server->requestCount(), 2);
    auto *live = child<QListView>(panel(), "liveModelsView");
    QVERIFY(live->isVisible());
    QStringList shown;
    for (int row = 0; row < live->model()->rowCount(); ++row)
        shown << live->model()->index(row, 0).data().toString();
    QCOMPARE(shown, ids);
}

void TestProvidersPage::rejectedKeyShowsFailureClassButNeverTheKey()
{
    m_server->enqueue(
        QStringLiteral("/v1/models"),
        FakeResponse::json(401, OpenAiFixtures::errorBody(QStringLiteral("Incorrect API key provided: ") + kKey,
                                                          QStringLiteral("invalid_request_error"),
                                                          QStringLiteral("invalid_api_key"))));
    select(QStringLiteral("local"));
    QTest::mouseClick(child<QPushButton>(panel(), "testConnectionButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel()->isChecking(), 10000);
    QVERIFY2(result().startsWith(QStringLiteral("Failed (authentication)")), qPrintable(result()));
    QVERIFY2(result().contains(QStringLiteral("401")), qPrintable(result()));
    QVERIFY2(!result().contains(kKey), "the key is shown");
    QVERIFY(!result().contains(kKey.mid(3, 12)));
    QVERIFY(child<QPushButton>(panel(), "testConnectionButton")->isEnabled());
}

void TestProvidersPage::missingKeyVariableIsReportedWithoutACall()
{
    qunsetenv(kKeyVariable);
    select(QStringLiteral("local"));
    QTest::mouseClick(child<QPushButton>(panel(), "testConnectionButton"), Qt::LeftButton);
    QVERIFY(!panel()->isChecking());
    QVERIFY2(result().startsWith(QStringLiteral("Failed (authentication)")), qPrintable(result()));
    QVERIFY2(result().contains(QLatin1String(kKeyVariable)), qPrintable(result()));
    QTest::qWait(50);
    QCOMPARE(m_server->requestCount(), 0);
}

void TestProvidersPage::cancelDuringASilentCallReturnsToIdle()
{
    m_server->enqueue(QStringLiteral("/v1/models"), FakeResponse::silence());
    select(QStringLiteral("local"));
    auto *test = child<QPushButton>(panel(), "testConnectionButton");
    auto *cancel = child<QPushButton>(panel(), "cancelCheckButton");
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 1, 5000);
    // The server stays silent: the check is still running and only Cancel can end it before its timeout.
    QVERIFY(panel()->isChecking());
    QVERIFY(!test->isEnabled());
    QVERIFY(cancel->isVisible());

    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel()->isChecking(), 1000);  // well before the 2 s timeouts
    QCOMPARE(result(), QStringLiteral("Cancelled"));
    QVERIFY(test->isEnabled());
    QVERIFY(!cancel->isVisible());
    QVERIFY(!child<QProgressBar>(panel(), "checkBusyIndicator")->isVisible());
}

void TestProvidersPage::apiKeyDialogWithoutKeychainOffersTheEnvironmentVariable()
{
    select(QStringLiteral("local"));
    panel()->setKeyWriter({});  // as in a build without QtKeychain
    QTest::mouseClick(child<QPushButton>(panel(), "setApiKeyButton"), Qt::LeftButton);
    auto *dialog = child<ApiKeyDialog>(panel(), "apiKeyDialog");
    QTRY_VERIFY(dialog->isVisible());
    auto *edit = child<QLineEdit>(dialog, "apiKeyEdit");
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY(!edit->isEnabled());
    QVERIFY(!child<QPushButton>(dialog, "storeApiKeyButton")->isEnabled());
    QVERIFY2(dialog->statusText().contains(QStringLiteral("no keychain support")), qPrintable(dialog->statusText()));
    QVERIFY2(dialog->statusText().contains(QStringLiteral("env:SWITCHYARD_TST_PROVIDERS_KEY")),
             qPrintable(dialog->statusText()));
    QVERIFY(!dialog->stored());
}

void TestProvidersPage::apiKeyDialogWriteFailureOffersTheEnvironmentVariable()
{
    ProviderSpec provider;
    provider.id = QStringLiteral("my-vllm");
    int calls = 0;
    ApiKeyDialog dialog(provider, [&calls](const QString &, const QString &) -> Result<void> {
        ++calls;
        return Error::make(Error::Code::Io, QStringLiteral("no Secret Service is running"));
    });
    dialog.show();
    auto *store = child<QPushButton>(&dialog, "storeApiKeyButton");
    QVERIFY(!store->isEnabled());
    QTest::keyClicks(child<QLineEdit>(&dialog, "apiKeyEdit"), kKey);
    QVERIFY(store->isEnabled());
    QTest::mouseClick(store, Qt::LeftButton);
    QCOMPARE(calls, 1);
    QVERIFY(!dialog.stored());
    QVERIFY2(dialog.statusText().contains(QStringLiteral("no Secret Service is running")),
             qPrintable(dialog.statusText()));
    QVERIFY2(dialog.statusText().contains(QStringLiteral("MY_VLLM_API_KEY")), qPrintable(dialog.statusText()));
    QVERIFY(!dialog.statusText().contains(kKey));
}

void TestProvidersPage::apiKeyDialogStoresThroughTheWriterUnderTheProviderId()
{
    select(QStringLiteral("local"));
    QString name;
    QString value;
    panel()->setKeyWriter([&](const QString &n, const QString &v) -> Result<void> {
        name = n;
        value = v;
        return {};
    });
    QTest::mouseClick(child<QPushButton>(panel(), "setApiKeyButton"), Qt::LeftButton);
    auto *dialog = child<ApiKeyDialog>(panel(), "apiKeyDialog");
    QVERIFY(dialog->statusText().isEmpty());
    auto *edit = child<QLineEdit>(dialog, "apiKeyEdit");
    QTest::keyClicks(edit, kKey);
    QTest::mouseClick(child<QPushButton>(dialog, "storeApiKeyButton"), Qt::LeftButton);
    QCOMPARE(name, QStringLiteral("local"));
    QCOMPARE(value, kKey);
    QVERIFY(dialog->stored());
    QVERIFY(edit->text().isEmpty());
    QVERIFY2(dialog->statusText().contains(QStringLiteral("keychain:local")), qPrintable(dialog->statusText()));
    // The workspace's providers are not changed by storing a key.
    QCOMPARE(ProviderRepository(m_workspace->database).provider(QStringLiteral("local"))->apiKeyRef,
             QStringLiteral("env:SWITCHYARD_TST_PROVIDERS_KEY"));
}

QTEST_MAIN(TestProvidersPage)
#include "tst_providerspage.moc"
