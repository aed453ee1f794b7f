// Editing the workspace's providers and models in the studio on a real workspace: edits are undoable commands that
// make the page dirty, Save stores them in one transaction after the providers.yaml checks (a refused save stores
// nothing and names the field), custom providers and models are added through the real dialog and table, a provider a
// chain uses can't be removed, and LiteLLM prices are imported on a worker thread with a report or an error.
#include "core/providers/ProvidersFile.h"
#include "core/store/Database.h"
#include "core/store/ProviderRepository.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/FileDialog.h"
#include "ui/FilterTablePage.h"
#include "ui/MainWindow.h"
#include "ui/providers/AddProviderDialog.h"
#include "ui/providers/ApiKeyDialog.h"
#include "ui/providers/ModelsTableModel.h"
#include "ui/providers/ProviderDetailPanel.h"
#include "ui/providers/ProvidersDocument.h"
#include "ui/providers/ProvidersPage.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QUndoStack>
#include <memory>
#include <optional>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

const QString kGroq = QStringLiteral("groq");
const QString kLlama = QStringLiteral("llama-3.1-8b-instant");

ProvidersConfig sampleConfig()
{
    ProviderSpec groq;
    groq.id = kGroq;
    groq.kind = QStringLiteral("groq");
    groq.displayName = QStringLiteral("Groq");
    groq.baseUrl = QStringLiteral("https://api.groq.com/openai");
    groq.apiKeyRef = QStringLiteral("env:GROQ_API_KEY");
    ModelSpec llama;
    llama.id = kLlama;
    llama.contextWindow = 131072;
    llama.price.inputPer1k = 0.05;
    llama.price.outputPer1k = 0.08;
    llama.capabilities = {QStringLiteral("chat"), QStringLiteral("streaming")};
    ModelSpec qwen;
    qwen.id = QStringLiteral("qwen-qwq-32b");
    groq.models = {llama, qwen};

    ProviderSpec spare;
    spare.id = QStringLiteral("spare");
    spare.kind = QStringLiteral("openai_compatible");
    spare.baseUrl = QStringLiteral("http://localhost:9000");

    ProvidersConfig config;
    config.providers = {groq, spare};
    config.chains = {ChainSpec{QStringLiteral("default"), QStringLiteral("Groq first"), {ChainHop{kGroq, kLlama, {}}}}};
    return config;
}

}  // namespace

class TestProviderEditing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void editingTheBaseUrlMakesDirtyAndUndoMakesClean();
    void saveStoresTheEditedProvider();
    void invalidBaseUrlIsRefusedNamingTheFieldAndNothingIsStored();
    void maybeSaveAsksAndDiscardReverts();
    void storedKeyBecomesAKeychainReferenceAndNeverReachesTheDatabase();
    void literalKeyInTheReferenceFieldIsRefused();
    void customProviderWithModelIsAddedAndSaved();
    void duplicateProviderIdIsRefusedInTheDialog();
    void withoutKeychainTheDialogOffersOnlyTheEnvironment();
    void providerUsedByAChainCantBeRemoved();
    void modelTableEditsArePersisted();
    void litellmImportStoresPricesAndShowsTheReport();
    void brokenLitellmFileShowsAnErrorAndChangesNothing();
    void cancelledImportSaysWhatWasStored();
    void modelsTableModelPassesTheTester();
    void sampleWorkspaceProvidersSaveUnchanged();

private:
    ProvidersPage *page() const { return m_window->providersPage(); }
    ProviderDetailPanel *panel() const { return page()->detailPanel(); }
    ProviderSpec stored(const QString &id);
    QString writeFile(const QString &name, const QByteArray &content) const;
    QMessageBox *waitForMessageBox(const char *name) const;

    std::optional<UiWorkspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
};

void TestProviderEditing::init()
{
    m_workspace.emplace();
    m_workspace->open();
    if (QTest::currentTestFailed())
        return;
    const auto replaced = ProviderRepository(m_workspace->database).replaceAll(sampleConfig());
    QVERIFY2(replaced.ok(), replaced.ok() ? "" : qPrintable(replaced.error().toString()));
    m_window = createMainWindow(*m_workspace);
    m_window->showPage(MainWindow::Page::Providers);
    QVERIFY(page()->selectProvider(kGroq));
    QCOMPARE(panel()->provider()->id, kGroq);
}

void TestProviderEditing::cleanup()
{
    closeDialogs();
    if (m_window)
        page()->setUnsavedChangesQuestion([](QWidget *) { return QMessageBox::Discard; });
    m_window.reset();
    m_workspace.reset();
}

ProviderSpec TestProviderEditing::stored(const QString &id)
{
    const auto provider = ProviderRepository(m_workspace->database).provider(id);
    if (!provider)
        return ProviderSpec();
    return *provider;
}

QString TestProviderEditing::writeFile(const QString &name, const QByteArray &content) const
{
    const QString path = m_workspace->dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QMessageBox *TestProviderEditing::waitForMessageBox(const char *name) const
{
    // The import ends on its thread; its message box appears once the page hears of it.
    QElapsedTimer waited;
    waited.start();
    QMessageBox *box = nullptr;
    while (!(box = page()->findChild<QMessageBox *>(QLatin1String(name))) && waited.elapsed() < 10000)
        QTest::qWait(10);
    return box;
}

void TestProviderEditing::editingTheBaseUrlMakesDirtyAndUndoMakesClean()
{
    auto *baseUrl = child<QLineEdit>(panel(), "providerBaseUrlEdit");
    QCOMPARE(baseUrl->text(), QStringLiteral("https://api.groq.com/openai"));
    QVERIFY(!page()->isDirty());
    QVERIFY(!page()->saveAction()->isEnabled());

    baseUrl->setFocus();
    baseUrl->end(false);
    QTest::keyClicks(baseUrl, QStringLiteral("/v1"));
    QVERIFY(page()->isDirty());
    QVERIFY(m_window->navigationModel()->isModified(MainWindow::Page::Providers));
    QVERIFY(page()->saveAction()->isEnabled());
    // Typing is one step with a readable text.
    QCOMPARE(page()->undoStack()->count(), 1);
    QCOMPARE(page()->undoStack()->undoText(), QStringLiteral("Change base URL of “groq”"));
    QCOMPARE(page()->document()->providerAt(0).baseUrl, QStringLiteral("https://api.groq.com/openai/v1"));
    // The list follows the edit without losing the selection.
    QCOMPARE(panel()->provider()->id, kGroq);

    // Undo from the Edit menu / toolbar action.
    page()->undoAction()->trigger();
    QVERIFY(!page()->isDirty());
    QVERIFY(!m_window->navigationModel()->isModified(MainWindow::Page::Providers));
    QCOMPARE(baseUrl->text(), QStringLiteral("https://api.groq.com/openai"));
    QCOMPARE(page()->document()->providerAt(0).baseUrl, QStringLiteral("https://api.groq.com/openai"));
    page()->redoAction()->trigger();
    QVERIFY(page()->isDirty());
    QCOMPARE(baseUrl->text(), QStringLiteral("https://api.groq.com/openai/v1"));
}

void TestProviderEditing::saveStoresTheEditedProvider()
{
    auto *baseUrl = child<QLineEdit>(panel(), "providerBaseUrlEdit");
    baseUrl->setFocus();
    baseUrl->selectAll();
    QTest::keyClicks(baseUrl, QStringLiteral("https://gateway.example.com/groq"));
    auto *rpm = child<QSpinBox>(panel(), "providerRpmSpin");
    rpm->setValue(30);
    child<QLineEdit>(panel(), "providerRegionsEdit")->setFocus();
    QTest::keyClicks(child<QLineEdit>(panel(), "providerRegionsEdit"), QStringLiteral("us, eu"));
    QCOMPARE(page()->undoStack()->count(), 3);

    QTest::keyClick(baseUrl, Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(page()->errorText().isEmpty(), qPrintable(page()->errorText()));
    QVERIFY(!page()->isDirty());
    const ProviderSpec groq = stored(kGroq);
    QCOMPARE(groq.baseUrl, QStringLiteral("https://gateway.example.com/groq"));
    QCOMPARE(groq.rateLimits.requestsPerMinute, 30);
    QCOMPARE(groq.regions, (QStringList{QStringLiteral("us"), QStringLiteral("eu")}));
    // Models and the chain were carried along untouched.
    QCOMPARE(groq.models, sampleConfig().providers.at(0).models);
    const auto config = ProviderRepository(m_workspace->database).load();
    QVERIFY(config.ok());
    QCOMPARE(config->chains, sampleConfig().chains);
}

void TestProviderEditing::invalidBaseUrlIsRefusedNamingTheFieldAndNothingIsStored()
{
    auto *baseUrl = child<QLineEdit>(panel(), "providerBaseUrlEdit");
    baseUrl->setFocus();
    baseUrl->selectAll();
    QTest::keyClicks(baseUrl, QStringLiteral("ftp://files.example.com"));
    QVERIFY(!page()->save());
    QVERIFY2(page()->errorText().contains(QStringLiteral("base_url of provider 'groq'")),
             qPrintable(page()->errorText()));
    QVERIFY2(page()->errorText().contains(QStringLiteral("http://")), qPrintable(page()->errorText()));
    QVERIFY(page()->isDirty());
    QCOMPARE(baseUrl->text(), QStringLiteral("ftp://files.example.com"));
    QCOMPARE(stored(kGroq).baseUrl, QStringLiteral("https://api.groq.com/openai"));

    // A query would carry keys into logs: the adapters' rule refuses it too.
    baseUrl->selectAll();
    QTest::keyClicks(baseUrl, QStringLiteral("https://api.groq.com/openai?key=abc"));
    QVERIFY(!page()->save());
    QVERIFY2(page()->errorText().contains(QStringLiteral("\"groq\"")), qPrintable(page()->errorText()));
    QVERIFY2(page()->errorText().contains(QStringLiteral("without a query")), qPrintable(page()->errorText()));
    QCOMPARE(stored(kGroq).baseUrl, QStringLiteral("https://api.groq.com/openai"));

    // A timeout of 0 is refused by the providers.yaml rules, naming the provider and the field.
    page()->revert();
    QVERIFY(!page()->isDirty());
    page()->document()->setProviderField(0, ProvidersDocument::ProviderField::IdleTimeout, 0);
    QVERIFY(!page()->save());
    QVERIFY2(page()->errorText().contains(QStringLiteral("idle_ms")), qPrintable(page()->errorText()));
    QVERIFY2(page()->errorText().contains(QStringLiteral("provider 'groq'")), qPrintable(page()->errorText()));
    QCOMPARE(stored(kGroq).timeouts.idleMs, Timeouts().idleMs);
}

void TestProviderEditing::maybeSaveAsksAndDiscardReverts()
{
    int asked = 0;
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    page()->setUnsavedChangesQuestion([&](QWidget *) {
        ++asked;
        return answer;
    });
    QVERIFY(page()->maybeSave());
    QCOMPARE(asked, 0);
    auto *name = child<QLineEdit>(panel(), "providerDisplayNameEdit");
    name->setFocus();
    QTest::keyClicks(name, QStringLiteral(" Cloud"));
    QVERIFY(!page()->maybeSave());
    QCOMPARE(asked, 1);
    QVERIFY(page()->isDirty());
    answer = QMessageBox::Discard;
    QVERIFY(page()->maybeSave());
    QVERIFY(!page()->isDirty());
    QCOMPARE(name->text(), QStringLiteral("Groq"));
    QCOMPARE(stored(kGroq).displayName, QStringLiteral("Groq"));
}

void TestProviderEditing::storedKeyBecomesAKeychainReferenceAndNeverReachesTheDatabase()
{
    const QString key = QStringLiteral("gsk-tst-editing-0123456789abcdef");
    QString keychainName;
    QString keychainValue;
    panel()->setKeyWriter([&](const QString &name, const QString &value) -> Result<void> {
        keychainName = name;
        keychainValue = value;
        return {};
    });
    QTest::mouseClick(child<QPushButton>(panel(), "setApiKeyButton"), Qt::LeftButton);
    auto *dialog = child<ApiKeyDialog>(panel(), "apiKeyDialog");
    QTest::keyClicks(child<QLineEdit>(dialog, "apiKeyEdit"), key);
    QTest::mouseClick(child<QPushButton>(dialog, "storeApiKeyButton"), Qt::LeftButton);
    QVERIFY(dialog->stored());
    dialog->close();
    QCOMPARE(keychainName, kGroq);
    QCOMPARE(keychainValue, key);

    QCOMPARE(child<QLineEdit>(panel(), "providerKeyRefEdit")->text(), QStringLiteral("keychain:groq"));
    QCOMPARE(page()->undoStack()->undoText(), QStringLiteral("Change API key reference of “groq”"));
    QVERIFY(page()->save());
    QCOMPARE(stored(kGroq).apiKeyRef, QStringLiteral("keychain:groq"));
    // Only the reference went to the workspace: the key is in no byte of the database or its write-ahead log.
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        QFile file(m_workspace->databasePath() + suffix);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QVERIFY(!file.readAll().contains(key.toUtf8()));
    }
}

void TestProviderEditing::literalKeyInTheReferenceFieldIsRefused()
{
    const QString literal = QStringLiteral("gsk_live_0123456789abcdefghij");
    auto *reference = child<QLineEdit>(panel(), "providerKeyRefEdit");
    auto *hint = child<QLabel>(panel(), "providerKeyHint");
    QVERIFY(hint->isHidden());
    reference->setFocus();
    reference->selectAll();
    QTest::keyClicks(reference, literal);
    QVERIFY(!hint->isHidden());
    QVERIFY(!page()->save());
    QVERIFY2(page()->errorText().contains(QStringLiteral("api_key of provider 'groq'")),
             qPrintable(page()->errorText()));
    QVERIFY2(page()->errorText().contains(QStringLiteral("keychain:groq")), qPrintable(page()->errorText()));
    QVERIFY(!page()->errorText().contains(literal));
    QCOMPARE(stored(kGroq).apiKeyRef, QStringLiteral("env:GROQ_API_KEY"));

    reference->selectAll();
    QTest::keyClicks(reference, QStringLiteral("env:GROQ_KEY"));
    QVERIFY(hint->isHidden());
    QVERIFY(page()->save());
    QCOMPARE(stored(kGroq).apiKeyRef, QStringLiteral("env:GROQ_KEY"));
}

void TestProviderEditing::customProviderWithModelIsAddedAndSaved()
{
    page()->addProviderAction()->trigger();
    auto *dialog = child<AddProviderDialog>(page(), "addProviderDialog");
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(child<QComboBox>(dialog, "newProviderKindCombo")->currentText(), QStringLiteral("openai_compatible"));
    QTest::keyClicks(child<QLineEdit>(dialog, "newProviderIdEdit"), QStringLiteral("my-vllm"));
    QTest::keyClicks(child<QLineEdit>(dialog, "newProviderNameEdit"), QStringLiteral("Local vLLM"));
    QTest::keyClicks(child<QLineEdit>(dialog, "newProviderBaseUrlEdit"), QStringLiteral("http://localhost:8000"));
    QCOMPARE(child<QLineEdit>(dialog, "newProviderKeyVariableEdit")->text(), QStringLiteral("MY_VLLM_API_KEY"));
    QTest::keyClicks(child<QLineEdit>(dialog, "newProviderModelEdit"), QStringLiteral("llama-3.1-8b"));
    QTest::mouseClick(child<QDialogButtonBox>(dialog, "newProviderButtons")->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));

    // Listed and selected, one undoable step.
    const QAbstractItemModel *list = child<QTableView>(page(), "providersView")->model();
    QStringList ids;
    for (int row = 0; row < list->rowCount(); ++row)
        ids << list->index(row, 0).data().toString();
    QVERIFY2(ids.contains(QStringLiteral("my-vllm")), qPrintable(ids.join(QLatin1Char(','))));
    QCOMPARE(panel()->provider()->id, QStringLiteral("my-vllm"));
    QCOMPARE(page()->undoStack()->undoText(), QStringLiteral("Add provider “my-vllm”"));

    // A second model through the panel.
    QTest::keyClicks(child<QLineEdit>(panel(), "newModelIdEdit"), QStringLiteral("qwen2.5-7b"));
    QTest::mouseClick(child<QPushButton>(panel(), "addModelButton"), Qt::LeftButton);
    QCOMPARE(panel()->modelsModel()->rowCount(), 2);
    QCOMPARE(page()->undoStack()->undoText(), QStringLiteral("Add model “qwen2.5-7b” to “my-vllm”"));

    QVERIFY(page()->save());
    const ProviderSpec added = stored(QStringLiteral("my-vllm"));
    QCOMPARE(added.kind, QStringLiteral("openai_compatible"));
    QCOMPARE(added.displayName, QStringLiteral("Local vLLM"));
    QCOMPARE(added.baseUrl, QStringLiteral("http://localhost:8000"));
    QCOMPARE(added.apiKeyRef, QStringLiteral("env:MY_VLLM_API_KEY"));
    QCOMPARE(added.models.size(), 2);
    QCOMPARE(added.models.at(0).id, QStringLiteral("llama-3.1-8b"));
    QCOMPARE(added.models.at(1).id, QStringLiteral("qwen2.5-7b"));

    // After a reload (as when the workspace is opened again) it is still listed.
    QVERIFY(page()->reload().ok());
    QVERIFY(page()->selectProvider(QStringLiteral("my-vllm")));
}

void TestProviderEditing::duplicateProviderIdIsRefusedInTheDialog()
{
    auto *view = child<QTableView>(page(), "providersView");
    view->setFocus();
    QTest::keyClick(view, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    auto *dialog = child<AddProviderDialog>(page(), "addProviderDialog");
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(child<QLineEdit>(dialog, "newProviderIdEdit"), kGroq);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("already has a provider “groq”")),
             qPrintable(dialog->errorText()));
    QTest::keyClicks(child<QLineEdit>(dialog, "newProviderBaseUrlEdit"), QStringLiteral("http://localhost:1"));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QCOMPARE(page()->undoStack()->count(), 0);

    // A base URL with a query is refused on OK, naming the problem; the dialog stays open.
    auto *id = child<QLineEdit>(dialog, "newProviderIdEdit");
    id->clear();
    QTest::keyClicks(id, QStringLiteral("proxy"));
    QVERIFY(dialog->errorText().isEmpty());
    auto *baseUrl = child<QLineEdit>(dialog, "newProviderBaseUrlEdit");
    baseUrl->clear();
    QTest::keyClicks(baseUrl, QStringLiteral("http://localhost:1/v1?token=x"));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->errorText().contains(QStringLiteral("without a query")), qPrintable(dialog->errorText()));
    QCOMPARE(page()->undoStack()->count(), 0);
    dialog->reject();
}

void TestProviderEditing::withoutKeychainTheDialogOffersOnlyTheEnvironment()
{
    panel()->setKeyWriter({});  // as in a build without QtKeychain
    page()->addProviderAction()->trigger();
    auto *dialog = child<AddProviderDialog>(page(), "addProviderDialog");
    auto *source = child<QComboBox>(dialog, "newProviderKeyCombo");
    QCOMPARE(source->currentIndex(), int(AddProviderDialog::KeySource::Environment));
    const auto *items = qobject_cast<const QStandardItemModel *>(source->model());
    QVERIFY(items);
    QVERIFY(!items->item(int(AddProviderDialog::KeySource::Keychain))->isEnabled());
    QVERIFY2(child<QLabel>(dialog, "newProviderKeyNote")->text().contains(QStringLiteral("no keychain support")),
             qPrintable(child<QLabel>(dialog, "newProviderKeyNote")->text()));
    QTest::keyClicks(child<QLineEdit>(dialog, "newProviderIdEdit"), QStringLiteral("lm-studio"));
    QTest::keyClicks(child<QLineEdit>(dialog, "newProviderBaseUrlEdit"), QStringLiteral("http://127.0.0.1:1234"));
    QCOMPARE(dialog->provider().apiKeyRef, QStringLiteral("env:LM_STUDIO_API_KEY"));
    source->setCurrentIndex(int(AddProviderDialog::KeySource::None));
    QVERIFY(dialog->provider().apiKeyRef.isEmpty());
    dialog->accept();
    QVERIFY(!dialog->isVisible());
    QCOMPARE(page()->document()->providerAt(page()->document()->rowOf(QStringLiteral("lm-studio"))).apiKeyRef,
             QString());
}

void TestProviderEditing::providerUsedByAChainCantBeRemoved()
{
    // The list follows the document row by row; the tester checks every insertion and removal on the way.
    QAbstractItemModel *list = page()->listPage()->proxyModel()->sourceModel();
    QAbstractItemModelTester tester(list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(page()->removeProviderAction()->isEnabled());
    page()->removeProviderAction()->trigger();
    QVERIFY2(page()->errorText().contains(QStringLiteral("fallback chain “default”")), qPrintable(page()->errorText()));
    QVERIFY(!page()->isDirty());
    QCOMPARE(page()->document()->rowOf(kGroq), 0);

    // Its model the chain names can't be removed either; the other one can.
    auto *models = panel()->modelsView();
    models->setCurrentIndex(panel()->modelsModel()->index(0, 0));
    QTest::mouseClick(child<QPushButton>(panel(), "removeModelButton"), Qt::LeftButton);
    QVERIFY2(panel()->errorText().contains(QStringLiteral("fallback chain “default”")),
             qPrintable(panel()->errorText()));
    QCOMPARE(panel()->modelsModel()->rowCount(), 2);
    models->setCurrentIndex(panel()->modelsModel()->index(1, 0));
    QTest::mouseClick(child<QPushButton>(panel(), "removeModelButton"), Qt::LeftButton);
    QCOMPARE(panel()->modelsModel()->rowCount(), 1);

    // A provider nothing uses goes, undoably.
    QVERIFY(page()->selectProvider(QStringLiteral("spare")));
    page()->removeProviderAction()->trigger();
    QCOMPARE(page()->document()->rowOf(QStringLiteral("spare")), -1);
    QCOMPARE(page()->undoStack()->undoText(), QStringLiteral("Remove provider “spare”"));
    QVERIFY(page()->save());
    QVERIFY(!ProviderRepository(m_workspace->database).provider(QStringLiteral("spare")).ok());
    QCOMPARE(stored(kGroq).models.size(), 1);
    QCOMPARE(list->rowCount(), 1);
    page()->undoAction()->trigger();
    QCOMPARE(page()->document()->rowOf(QStringLiteral("spare")), 1);
    QCOMPARE(list->rowCount(), 2);
    QCOMPARE(list->index(1, 0).data().toString(), QStringLiteral("spare"));
    QVERIFY(page()->isDirty());
}

void TestProviderEditing::modelTableEditsArePersisted()
{
    auto *view = panel()->modelsView();
    ModelsTableModel *model = panel()->modelsModel();
    QCOMPARE(model->rowCount(), 2);

    // The input price through the delegate's spin box, as a user edits it.
    const QModelIndex input = model->index(0, ModelsTableModel::InputPriceColumn);
    view->setFocus();
    view->setCurrentIndex(input);
    view->edit(input);
    auto *spin = view->findChild<QDoubleSpinBox *>(QStringLiteral("modelPriceEditor"));
    QVERIFY(spin);
    QCOMPARE(spin->value(), 0.05);
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("0.5"));
    QTest::keyClick(spin, Qt::Key_Return);
    // The delegate commits on Return through a queued call.
    QTRY_COMPARE(model->index(0, ModelsTableModel::InputPriceColumn).data(Qt::EditRole).toDouble(), 0.5);
    QCOMPARE(page()->undoStack()->undoText(), QStringLiteral("Change Input / 1k tokens of “llama-3.1-8b-instant”"));

    // An optional price left empty, then set.
    const QModelIndex cached = model->index(0, ModelsTableModel::CachedInputPriceColumn);
    QVERIFY(!cached.data(Qt::EditRole).isValid());
    QVERIFY(model->setData(cached, 0.025));

    // Vision on through the check box role, chat off.
    const QModelIndex vision = model->index(0, ModelsTableModel::VisionColumn);
    QVERIFY(model->flags(vision) & Qt::ItemIsUserCheckable);
    QCOMPARE(vision.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QVERIFY(model->setData(vision, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(page()->undoStack()->undoText(), QStringLiteral("Mark “llama-3.1-8b-instant” as supporting vision"));
    QVERIFY(model->setData(model->index(0, ModelsTableModel::ChatColumn), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(model->setData(model->index(1, ModelsTableModel::ContextWindowColumn), 32768));
    QCOMPARE(page()->undoStack()->count(), 5);

    QVERIFY(page()->save());
    const ProviderSpec groq = stored(kGroq);
    QCOMPARE(groq.models.at(0).price.inputPer1k, 0.5);
    QCOMPARE(groq.models.at(0).price.cachedInputPer1k, std::optional<double>(0.025));
    QCOMPARE(groq.models.at(0).price.outputPer1k, 0.08);
    QCOMPARE(groq.models.at(0).capabilities, (QStringList{QStringLiteral("streaming"), QStringLiteral("vision")}));
    QCOMPARE(groq.models.at(1).contextWindow, 32768);
    // The providers.yaml price is the one accounting uses now, and the table says so.
    const auto effective = ProviderRepository(m_workspace->database).effectivePrice(kGroq, kLlama);
    QVERIFY(effective.ok() && effective->has_value());
    QCOMPARE((*effective)->price.inputPer1k, 0.5);
    QVERIFY2(model->index(0, ModelsTableModel::EffectivePriceColumn)
                 .data()
                 .toString()
                 .contains(QStringLiteral("providers.yaml")),
             qPrintable(model->index(0, ModelsTableModel::EffectivePriceColumn).data().toString()));
}

void TestProviderEditing::litellmImportStoresPricesAndShowsTheReport()
{
    const QString path = writeFile(QStringLiteral("prices.json"), R"({
  "sample_spec": {"input_cost_per_token": 0, "output_cost_per_token": 0},
  "groq/llama-3.1-8b-instant": {"litellm_provider": "groq", "mode": "chat",
                                "input_cost_per_token": 5e-08, "output_cost_per_token": 8e-08},
  "groq/some-other-model": {"litellm_provider": "groq", "mode": "chat",
                            "input_cost_per_token": 1e-07, "output_cost_per_token": 2e-07},
  "text-embedding-3-small": {"litellm_provider": "openai", "mode": "embedding", "input_cost_per_token": 2e-08,
                             "output_cost_per_token": 0}
})");
    auto *model = panel()->modelsModel();
    QVERIFY(model->index(0, ModelsTableModel::LiteLlmPriceColumn).data().toString().isEmpty());

    FileDialog::instance().setNextFileName(path);
    page()->importPricesAction()->trigger();
    // Running on its thread: the page is busy and can be cancelled, the action can't be started twice.
    QVERIFY(page()->isImporting());
    QVERIFY(child<QProgressBar>(page(), "importBusyIndicator")->isVisible());
    QVERIFY(child<QPushButton>(page(), "cancelImportButton")->isVisible());
    QVERIFY(!page()->importPricesAction()->isEnabled());

    QMessageBox *report = waitForMessageBox("litellmImportReport");
    QVERIFY(report);
    QVERIFY(!page()->isImporting());
    QVERIFY(!child<QProgressBar>(page(), "importBusyIndicator")->isVisible());
    QVERIFY2(report->text().contains(QStringLiteral("Imported prices for 1 models")), qPrintable(report->text()));
    QVERIFY2(report->text().contains(QStringLiteral("Unknown models (no provider of this workspace lists them): 1")),
             qPrintable(report->text()));
    QVERIFY2(report->text().contains(QStringLiteral("Skipped entries: 2")), qPrintable(report->text()));
    QVERIFY2(report->detailedText().contains(QStringLiteral("groq/some-other-model")),
             qPrintable(report->detailedText()));

    // Stored as the LiteLLM price beside the providers.yaml one, and shown in the table at once.
    const auto prices = ProviderRepository(m_workspace->database).prices();
    QVERIFY(prices.ok());
    bool found = false;
    for (const ProviderRepository::PriceRecord &record : *prices) {
        if (record.providerId == kGroq && record.modelId == kLlama &&
            record.source == ProviderRepository::PriceSource::LiteLlm) {
            found = true;
            QCOMPARE(record.price.inputPer1k, 0.00005);
            QCOMPARE(record.price.outputPer1k, 0.00008);
        }
    }
    QVERIFY(found);
    QCOMPARE(model->index(0, ModelsTableModel::LiteLlmPriceColumn).data().toString(),
             QStringLiteral("$%1 / $%2").arg(QLocale().toString(0.00005, 'g', 6), QLocale().toString(0.00008, 'g', 6)));
    // The effective price follows core's rule: the providers.yaml price of a listed model still wins.
    QVERIFY2(model->index(0, ModelsTableModel::EffectivePriceColumn)
                 .data()
                 .toString()
                 .contains(QStringLiteral("providers.yaml")),
             qPrintable(model->index(0, ModelsTableModel::EffectivePriceColumn).data().toString()));
}

void TestProviderEditing::brokenLitellmFileShowsAnErrorAndChangesNothing()
{
    const QString path =
        writeFile(QStringLiteral("broken.json"), "{\n  \"gpt-4o\": {\"input_cost_per_token\": 1e-06,\n");
    const auto before = ProviderRepository(m_workspace->database).prices();
    QVERIFY(before.ok());

    FileDialog::instance().setNextFileName(path);
    page()->importPricesAction()->trigger();
    QMessageBox *error = waitForMessageBox("litellmImportError");
    QVERIFY(error);
    QVERIFY2(error->text().contains(QStringLiteral("broken.json")), qPrintable(error->text()));
    QVERIFY2(error->informativeText().contains(QStringLiteral("broken.json:")), qPrintable(error->informativeText()));
    QVERIFY(!page()->findChild<QMessageBox *>(QStringLiteral("litellmImportReport")));

    const auto after = ProviderRepository(m_workspace->database).prices();
    QVERIFY(after.ok());
    QCOMPARE(after->size(), before->size());

    // A file that can't be read names the file too.
    error->close();
    FileDialog::instance().setNextFileName(m_workspace->dir.filePath(QStringLiteral("missing.json")));
    page()->importPricesAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!page()->isImporting(), 10000);
    QMessageBox *missing = waitForMessageBox("litellmImportError");
    QVERIFY(missing);
    QVERIFY2(missing->informativeText().contains(QStringLiteral("missing.json")),
             qPrintable(missing->informativeText()));
}

void TestProviderEditing::cancelledImportSaysWhatWasStored()
{
    const QString path = writeFile(QStringLiteral("prices.json"),
                                   R"({"groq/llama-3.1-8b-instant": {"litellm_provider": "groq", "mode": "chat",
                                       "input_cost_per_token": 5e-08, "output_cost_per_token": 8e-08}})");
    QSignalSpy finished(page(), &ProvidersPage::importFinished);
    FileDialog::instance().setNextFileName(path);
    page()->importPricesAction()->trigger();
    QVERIFY(page()->isImporting());
    auto *cancel = child<QPushButton>(page(), "cancelImportButton");
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!cancel->isEnabled());
    QVERIFY(finished.wait(10000));
    QVERIFY(!page()->isImporting());
    QVERIFY(!cancel->isVisible());

    // The import is one transaction on another thread, so Cancel wins or comes too late; either way the page says
    // exactly what happened.
    bool stored = false;
    const auto prices = ProviderRepository(m_workspace->database).prices();
    QVERIFY(prices.ok());
    for (const ProviderRepository::PriceRecord &record : *prices)
        stored = stored || record.source == ProviderRepository::PriceSource::LiteLlm;
    auto *report = page()->findChild<QMessageBox *>(QStringLiteral("litellmImportReport"));
    QCOMPARE(report != nullptr, stored);
    if (report)
        QVERIFY2(report->text().contains(QStringLiteral("Cancel came after the prices were stored")),
                 qPrintable(report->text()));
}

void TestProviderEditing::modelsTableModelPassesTheTester()
{
    ProvidersDocument document(m_workspace->database);
    ModelsTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(document.load().ok());
    model.setProviderId(kGroq);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, ModelsTableModel::IdColumn).data().toString(), kLlama);
    QCOMPARE(model.index(0, ModelsTableModel::ContextWindowColumn).data(Qt::EditRole).toInt(), 131072);

    ModelSpec added;
    added.id = QStringLiteral("gemma2-9b-it");
    QVERIFY(document.addModel(0, added).ok());
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.setData(model.index(2, ModelsTableModel::DisplayNameColumn), QStringLiteral("Gemma 2")));
    QCOMPARE(model.index(2, ModelsTableModel::DisplayNameColumn).data().toString(), QStringLiteral("Gemma 2"));
    QVERIFY(!model.setData(model.index(2, ModelsTableModel::InputPriceColumn), -1.0));
    QVERIFY(!(model.flags(model.index(2, ModelsTableModel::IdColumn)) & Qt::ItemIsEditable));
    QVERIFY(document.addModel(0, added).error().code == Error::Code::Conflict);
    QVERIFY(document.removeModel(0, 2).ok());
    QCOMPARE(model.rowCount(), 2);
    document.undoStack()->undo();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(2, ModelsTableModel::DisplayNameColumn).data().toString(), QStringLiteral("Gemma 2"));
    document.undoStack()->undo();
    document.undoStack()->undo();
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(!document.isDirty());

    // Another provider, and the shown one removed and restored.
    model.setProviderId(QStringLiteral("spare"));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(document.addModel(1, added).ok());
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(document.removeProvider(1).ok());
    QCOMPARE(model.rowCount(), 0);
    document.undoStack()->undo();
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(document.revert().ok());
    QCOMPARE(model.rowCount(), 0);
}

void TestProviderEditing::sampleWorkspaceProvidersSaveUnchanged()
{
    // The providers.yaml the README's sample workspace ships passes the editor's checks as it is: Save never refuses
    // a workspace its own import accepted, and stores it back unchanged.
    QFile file(QStringLiteral(SWITCHYARD_SAMPLE_PROVIDERS));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto parsed = ProvidersFile::parse(file.readAll(), file.fileName());
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().toString()));
    QVERIFY(ProviderRepository(m_workspace->database).replaceAll(parsed->config).ok());
    QVERIFY(page()->reload().ok());
    QCOMPARE(page()->document()->config(), parsed->config);
    const auto valid = page()->document()->validate();
    QVERIFY2(valid.ok(), valid.ok() ? "" : qPrintable(valid.error().toString()));

    // One edit, saved, and everything else as it was.
    QVERIFY(page()->selectProvider(parsed->config.providers.first().id));
    auto *rpm = child<QSpinBox>(panel(), "providerRpmSpin");
    rpm->setValue(rpm->value() + 7);
    QVERIFY(page()->save());
    ProvidersConfig expected = parsed->config;
    expected.providers.first().rateLimits.requestsPerMinute += 7;
    const auto reloaded = ProviderRepository(m_workspace->database).load();
    QVERIFY(reloaded.ok());
    QCOMPARE(*reloaded, expected);
}

QTEST_MAIN(TestProviderEditing)
#include "tst_providerediting.moc"
