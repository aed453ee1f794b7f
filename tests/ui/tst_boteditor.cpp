#include "core/settings/Settings.h"
#include "core/store/BotRepository.h"
#include "core/store/Database.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/ProviderRepository.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/BotsTableModel.h"
#include "ui/FilterTablePage.h"
#include "ui/MainWindow.h"
#include "ui/NavigationModel.h"
#include "ui/bots/BotDocument.h"
#include "ui/bots/BotEditorPage.h"
#include "ui/bots/BotsPage.h"
#include "ui/bots/ConfigComparisonDialog.h"
#include "ui/bots/ConfigComparisonModel.h"
#include "ui/bots/ConfigsTableModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFont>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <memory>
#include <optional>

using namespace Switchyard;
using Testing::child;
using Testing::createMainWindow;
using Testing::UiWorkspace;

namespace {

/// Clicks the tool button that shows @p action, as a user would.
void clickAction(QAction *action)
{
    QVERIFY2(action->isEnabled(), qPrintable(action->objectName()));
    QToolButton *button = nullptr;
    const QObjectList widgets = action->associatedObjects();
    for (QObject *object : widgets) {
        if (auto *toolbar = qobject_cast<QToolBar *>(object))
            button = qobject_cast<QToolButton *>(toolbar->widgetForAction(action));
    }
    QVERIFY2(button, qPrintable(action->objectName()));
    QTest::mouseClick(button, Qt::LeftButton);
}

/// Clicks a row; the view may refuse to move there (an editor that asks first), so callers check where it is.
void clickRow(QTableView *view, int row, int column = 0)
{
    const QModelIndex index = view->model()->index(row, column);
    view->scrollTo(index);
    const QRect rect = view->visualRect(index);
    QVERIFY(rect.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

/// Opens the cell's editor, lets @p edit type into it, and commits with Return.
template <typename Editor, typename Edit> void editCell(QTableView *view, int row, int column, Edit edit)
{
    const QModelIndex index = view->model()->index(row, column);
    view->setCurrentIndex(index);
    view->edit(index);
    QApplication::processEvents();
    auto *editor = view->viewport()->findChild<Editor *>();
    QVERIFY2(editor, "no editor opened");
    edit(editor);
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits and closes the editor in a queued call, then the editor is deleted later.
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(!view->viewport()->findChild<Editor *>());
}

qint64 addBot(Database &db, const QString &name, int rank = 0)
{
    Bot bot;
    bot.name = name;
    bot.rank = rank;
    const auto created = BotRepository(db).create(bot);
    if (!created)
        qFatal("%s", qPrintable(created.error().toString()));
    return created->id;
}

ProvidersConfig sampleProviders()
{
    ProvidersConfig config;
    ProviderSpec openai;
    openai.id = QStringLiteral("openai");
    openai.kind = QStringLiteral("openai");
    openai.apiKeyRef = QStringLiteral("env:OPENAI_API_KEY");
    openai.models = {ModelSpec{QStringLiteral("gpt-4o-mini"), QStringLiteral("GPT-4o mini"), 128000, 16384, {}, {}},
                     ModelSpec{QStringLiteral("gpt-4o"), QStringLiteral("GPT-4o"), 128000, 16384, {}, {}}};
    ProviderSpec bedrock;
    bedrock.id = QStringLiteral("bedrock");
    bedrock.kind = QStringLiteral("bedrock");
    bedrock.apiKeyRef = QStringLiteral("aws:env");
    bedrock.region = QStringLiteral("us-east-1");
    bedrock.regions = {QStringLiteral("us-east-1"), QStringLiteral("eu-central-1")};
    bedrock.models = {
        ModelSpec{QStringLiteral("anthropic.claude-3-haiku"), QStringLiteral("Claude 3 Haiku"), 200000, 4096, {}, {}}};
    config.providers = {openai, bedrock};
    ChainSpec premium;
    premium.name = QStringLiteral("premium");
    premium.hops = {ChainHop{QStringLiteral("openai"), QStringLiteral("gpt-4o"), QString()}};
    config.chains = {premium};
    return config;
}

}  // namespace

class TestBotEditor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // The document and its commands.
    void renamingDerivesTheSlugAndTypingIsOneUndoStep();
    void dirtyStateFollowsTheSavedState();
    void failedSaveWritesNothingAndKeepsTheEdits();
    void removingTheActiveConfigIsRefused();

    // The config table model.
    void configsModelPassesTheTesterThroughEditsUndoAndResets();
    void configsModelRejectsOutOfRangeValuesAndSaysWhy();
    void changingProviderPicksOneOfItsModels();

    // The studio, driven through its widgets.
    void createBotInTheEditor();
    void addTwoConfigsActivateOneAndUndo();
    void duplicateSlugIsRejected();
    void switchingBotsWithUnsavedChangesAsks();
    void closingWithUnsavedChangesAsks();
    void deletedBotIsRestoredFromTheTrash();
    void twoConfigsSideBySideShowTheirDifferences();

private:
    std::optional<UiWorkspace> m_workspace;
};

void TestBotEditor::init()
{
    m_workspace.emplace();
    m_workspace->open();
    if (QTest::currentTestFailed())
        return;
    const auto providers = ProviderRepository(m_workspace->database).replaceAll(sampleProviders());
    QVERIFY2(providers.ok(), providers.ok() ? "" : qPrintable(providers.error().toString()));
}

void TestBotEditor::cleanup()
{
    m_workspace.reset();
}

void TestBotEditor::renamingDerivesTheSlugAndTypingIsOneUndoStep()
{
    BotDocument document(m_workspace->database);
    document.startNew();
    QVERIFY(!document.isDirty());

    // Keystroke by keystroke, as the name field reports them.
    for (const QString &typed : {QStringLiteral("C"), QStringLiteral("Ca"), QStringLiteral("Café Crème")})
        document.setBotField(BotDocument::BotField::Name, typed);
    QCOMPARE(document.bot().slug, QStringLiteral("cafe-creme"));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Rename bot to “Café Crème”"));

    // A slug of its own stops following the name.
    document.setBotField(BotDocument::BotField::Slug, QStringLiteral("coffee"));
    document.setBotField(BotDocument::BotField::Name, QStringLiteral("Café Noir"));
    QCOMPARE(document.bot().slug, QStringLiteral("coffee"));
    QCOMPARE(document.undoStack()->count(), 3);

    document.undoStack()->undo();
    document.undoStack()->undo();
    QCOMPARE(document.bot().name, QStringLiteral("Café Crème"));
    QCOMPARE(document.bot().slug, QStringLiteral("cafe-creme"));
    document.undoStack()->undo();
    QCOMPARE(document.bot().name, QString());
    QCOMPARE(document.bot().slug, QString());
    QVERIFY(!document.isDirty());
}

void TestBotEditor::dirtyStateFollowsTheSavedState()
{
    const qint64 id = addBot(m_workspace->database, QStringLiteral("Helpdesk"));
    BotDocument document(m_workspace->database);
    QSignalSpy dirty(&document, &BotDocument::dirtyChanged);
    QVERIFY(document.load(id).ok());
    QVERIFY(!document.isDirty());

    document.setBotField(BotDocument::BotField::Status, QStringLiteral("live"));
    QVERIFY(document.isDirty());
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Set status to Live"));
    document.undoStack()->undo();
    QVERIFY(!document.isDirty());
    QCOMPARE(dirty.count(), 2);

    document.setBotField(BotDocument::BotField::Rank, 7);
    QJsonObject metadata;
    metadata.insert(QStringLiteral("audience"), QStringLiteral("beta"));
    document.setBotField(BotDocument::BotField::Metadata, metadata);
    QVERIFY(document.save().ok());
    QVERIFY(!document.isDirty());
    const auto stored = BotRepository(m_workspace->database).byId(id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->rank, 7);
    QCOMPARE(stored->metadata, metadata);

    // Undoing past the save differs from the stored bot again.
    document.undoStack()->undo();
    QVERIFY(document.isDirty());
    QVERIFY(document.bot().metadata.isEmpty());
    QCOMPARE(document.bot().id, id);
}

void TestBotEditor::failedSaveWritesNothingAndKeepsTheEdits()
{
    BotDocument document(m_workspace->database);
    document.startNew();
    document.setBotField(BotDocument::BotField::Name, QStringLiteral("Half Bot"));
    LlmConfig good;
    good.name = QStringLiteral("Good");
    good.provider = QStringLiteral("openai");
    good.model = QStringLiteral("gpt-4o-mini");
    document.addConfig(good);
    LlmConfig bad;
    bad.name = QStringLiteral("No model");
    bad.provider = QStringLiteral("openai");
    document.addConfig(bad);

    const auto saved = document.save();
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().message.contains(QStringLiteral("'No model'")), qPrintable(saved.error().message));
    // The bot row and the first config were written inside the transaction; none of it may remain.
    QCOMPARE(BotRepository(m_workspace->database).list(true)->size(), 0);
    QVERIFY(!BotRepository(m_workspace->database).bySlug(QStringLiteral("half-bot")).ok());
    QVERIFY(document.isDirty());
    QVERIFY(document.isNew());
    QCOMPARE(document.configCount(), 2);
    QCOMPARE(document.configAt(0).id, 0);
    QCOMPARE(document.bot().name, QStringLiteral("Half Bot"));

    // Fixing the cause and saving again stores everything.
    LlmConfig fixed = document.configAt(1);
    fixed.model = QStringLiteral("gpt-4o");
    document.editConfig(1, fixed, QStringLiteral("fix"));
    QVERIFY(document.save().ok());
    QVERIFY(!document.isDirty());
    const auto configs = LlmConfigRepository(m_workspace->database).listForBot(document.bot().id);
    QVERIFY(configs.ok());
    QCOMPARE(configs->size(), 2);
    QCOMPARE(configs->at(1).model, QStringLiteral("gpt-4o"));
    QCOMPARE(document.configAt(1).id, configs->at(1).id);
}

void TestBotEditor::removingTheActiveConfigIsRefused()
{
    const qint64 botId = addBot(m_workspace->database, QStringLiteral("Router"));
    LlmConfig config;
    config.botId = botId;
    config.name = QStringLiteral("Primary");
    config.provider = QStringLiteral("openai");
    config.model = QStringLiteral("gpt-4o");
    config.active = true;
    QVERIFY(LlmConfigRepository(m_workspace->database).create(config).ok());
    config.name = QStringLiteral("Spare");
    config.active = false;
    QVERIFY(LlmConfigRepository(m_workspace->database).create(config).ok());

    BotDocument document(m_workspace->database);
    QVERIFY(document.load(botId).ok());
    QCOMPARE(document.activeRow(), 0);
    const auto refused = document.removeConfig(0);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QCOMPARE(document.configCount(), 2);
    QCOMPARE(document.undoStack()->count(), 0);

    QVERIFY(document.removeConfig(1).ok());
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Delete config “Spare”"));
    QVERIFY(document.save().ok());
    QCOMPARE(LlmConfigRepository(m_workspace->database).listForBot(botId)->size(), 1);
    // Undo brings it back; saving stores it again (as a new row: the old one is gone).
    document.undoStack()->undo();
    QVERIFY(document.isDirty());
    QVERIFY(document.save().ok());
    const auto configs = LlmConfigRepository(m_workspace->database).listForBot(botId);
    QCOMPARE(configs->size(), 2);
    QCOMPARE(configs->at(1).name, QStringLiteral("Spare"));
    QCOMPARE(document.configAt(1).id, configs->at(1).id);
}

void TestBotEditor::configsModelPassesTheTesterThroughEditsUndoAndResets()
{
    const qint64 botId = addBot(m_workspace->database, QStringLiteral("Tested"));
    LlmConfig stored;
    stored.botId = botId;
    stored.name = QStringLiteral("Stored");
    stored.provider = QStringLiteral("bedrock");
    stored.model = QStringLiteral("anthropic.claude-3-haiku");
    stored.temperature = 0.2;
    stored.region = QStringLiteral("eu-central-1");
    QVERIFY(LlmConfigRepository(m_workspace->database).create(stored).ok());

    BotDocument document(m_workspace->database);
    ConfigsTableModel model(&document);
    model.setProviders(sampleProviders());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QVERIFY(document.load(botId).ok());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, ConfigsTableModel::TemperatureColumn).data().toString(), QStringLiteral("0.2"));
    QCOMPARE(model.index(0, ConfigsTableModel::RegionColumn).data(ConfigsTableModel::ChoicesRole).toStringList(),
             (QStringList{QString(), QStringLiteral("us-east-1"), QStringLiteral("eu-central-1")}));
    QCOMPARE(model.index(0, ConfigsTableModel::ModelColumn).data(ConfigsTableModel::ChoicesRole).toStringList(),
             QStringList{QStringLiteral("anthropic.claude-3-haiku")});
    QVERIFY(!model.index(0, ConfigsTableModel::TemperatureColumn).data(ConfigsTableModel::ChoicesRole).isValid());
    QVERIFY(!model.index(0, ConfigsTableModel::ModelColumn).data(ConfigsTableModel::ChoicesEditableRole).toBool());
    model.setPrompts({{QStringLiteral("greeting"), {QStringLiteral("production"), QStringLiteral("staging")}},
                      {QStringLiteral("horoscope"), {QStringLiteral("production")}}});
    QCOMPARE(model.index(0, ConfigsTableModel::PromptKeyColumn).data(ConfigsTableModel::ChoicesRole).toStringList(),
             (QStringList{QString(), QStringLiteral("greeting"), QStringLiteral("horoscope")}));
    QVERIFY(model.setData(model.index(0, ConfigsTableModel::PromptKeyColumn), QStringLiteral("greeting")));
    QCOMPARE(model.index(0, ConfigsTableModel::PromptLabelColumn).data(ConfigsTableModel::ChoicesRole).toStringList(),
             (QStringList{QString(), QStringLiteral("production"), QStringLiteral("staging")}));
    QVERIFY(!(model.flags(model.index(0, ConfigsTableModel::ActiveColumn)) & Qt::ItemIsEditable));

    LlmConfig added;
    added.name = QStringLiteral("Added");
    added.provider = QStringLiteral("openai");
    added.model = QStringLiteral("gpt-4o-mini");
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QCOMPARE(document.addConfig(added), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 2);

    QVERIFY(model.setData(model.index(1, ConfigsTableModel::TopKColumn), QStringLiteral("40")));
    QVERIFY(model.setData(model.index(1, ConfigsTableModel::ChainColumn), QStringLiteral("premium")));
    QVERIFY(model.setData(model.index(1, ConfigsTableModel::MetadataColumn), QStringLiteral("{\"tag\": \"b\"}")));
    QCOMPARE(document.configAt(1).topK, std::optional<int>(40));
    QCOMPARE(document.configAt(1).chain, QStringLiteral("premium"));
    QCOMPARE(document.configAt(1).metadata.value(QStringLiteral("tag")).toString(), QStringLiteral("b"));
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Edit metadata of “Added”"));

    // Clearing an optional number unsets it.
    QVERIFY(model.setData(model.index(0, ConfigsTableModel::TemperatureColumn), QString()));
    QCOMPARE(document.configAt(0).temperature, std::optional<double>());

    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(document.configAt(0).temperature, std::optional<double>(0.2));
    while (document.undoStack()->canRedo())
        document.undoStack()->redo();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, ConfigsTableModel::TopKColumn).data().toString(), QStringLiteral("40"));

    QVERIFY(document.removeConfig(1).ok());
    QCOMPARE(model.rowCount(), 1);
    document.startNew();
    QCOMPARE(model.rowCount(), 0);
    document.close();
    QCOMPARE(model.rowCount(), 0);
}

void TestBotEditor::configsModelRejectsOutOfRangeValuesAndSaysWhy()
{
    BotDocument document(m_workspace->database);
    ConfigsTableModel model(&document);
    model.setProviders(sampleProviders());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.startNew();
    LlmConfig config;
    config.provider = QStringLiteral("openai");
    config.model = QStringLiteral("gpt-4o-mini");
    document.addConfig(config);
    const int steps = document.undoStack()->count();

    QSignalSpy rejected(&model, &ConfigsTableModel::editRejected);
    QVERIFY(!model.setData(model.index(0, ConfigsTableModel::TemperatureColumn), QStringLiteral("7")));
    QVERIFY(!model.setData(model.index(0, ConfigsTableModel::TopPColumn), QStringLiteral("abc")));
    QVERIFY(!model.setData(model.index(0, ConfigsTableModel::MetadataColumn), QStringLiteral("{\"open\": ")));
    QVERIFY(!model.setData(model.index(0, ConfigsTableModel::MetadataColumn), QStringLiteral("[1, 2]")));
    QVERIFY(!model.setData(model.index(0, ConfigsTableModel::ModelColumn), QStringLiteral("claude-x")));
    QVERIFY(!model.setData(model.index(0, ConfigsTableModel::ProviderColumn), QStringLiteral("nowhere")));
    QVERIFY(!model.setData(model.index(0, ConfigsTableModel::ChainColumn), QStringLiteral("missing")));
    QCOMPARE(rejected.count(), 7);
    QVERIFY(rejected.at(0).at(0).toString().contains(QStringLiteral("from 0 to 2")));
    QVERIFY(rejected.at(2).at(0).toString().contains(QStringLiteral("not valid JSON")));
    QVERIFY(rejected.at(4).at(0).toString().contains(QStringLiteral("not a model of the provider “openai”")));
    QCOMPARE(document.undoStack()->count(), steps);
    QCOMPARE(document.configAt(0).temperature, std::optional<double>());
}

void TestBotEditor::changingProviderPicksOneOfItsModels()
{
    BotDocument document(m_workspace->database);
    ConfigsTableModel model(&document);
    model.setProviders(sampleProviders());
    document.startNew();
    LlmConfig config;
    config.name = QStringLiteral("Hop");
    config.provider = QStringLiteral("openai");
    config.model = QStringLiteral("gpt-4o");
    document.addConfig(config);

    QVERIFY(model.setData(model.index(0, ConfigsTableModel::ProviderColumn), QStringLiteral("bedrock")));
    QCOMPARE(document.configAt(0).provider, QStringLiteral("bedrock"));
    QCOMPARE(document.configAt(0).model, QStringLiteral("anthropic.claude-3-haiku"));
    QCOMPARE(document.configAt(0).region, QStringLiteral("us-east-1"));
    // One edit, one undo step: provider and model go back together.
    document.undoStack()->undo();
    QCOMPARE(document.configAt(0).provider, QStringLiteral("openai"));
    QCOMPARE(document.configAt(0).model, QStringLiteral("gpt-4o"));
    QCOMPARE(document.configAt(0).region, QString());
}

void TestBotEditor::createBotInTheEditor()
{
    auto window = createMainWindow(*m_workspace);
    BotsPage *page = window->botsPage();
    BotEditorPage *editor = page->editor();
    QVERIFY(child<QLabel>(window.get(), "botEditorEmpty")->isVisible());
    QVERIFY(!window->isWindowModified());

    clickAction(page->newBotAction());
    auto *name = child<QLineEdit>(window.get(), "botNameEdit");
    auto *slug = child<QLineEdit>(window.get(), "botSlugEdit");
    QVERIFY(name->isVisible());
    QTest::keyClicks(name, QStringLiteral("Astro Guide"));
    QCOMPARE(slug->text(), QStringLiteral("astro-guide"));

    // Unsaved changes show in the title and the navigation.
    QVERIFY(window->isWindowModified());
    QVERIFY(window->windowTitle().startsWith(QStringLiteral("Astro Guide[*]")));
    const QModelIndex botsEntry =
        window->navigationModel()->index(window->navigationModel()->rowOf(NavigationModel::Page::Bots), 0);
    QVERIFY(botsEntry.data(NavigationModel::ModifiedRole).toBool());
    QVERIFY(botsEntry.data().toString() != QStringLiteral("Bots"));

    auto *status = child<QComboBox>(window.get(), "botStatusCombo");
    status->setFocus();
    QTest::keyClick(status, Qt::Key_Down);  // draft → live
    QCOMPARE(editor->document()->bot().status, QStringLiteral("live"));

    auto *metadata = child<QPlainTextEdit>(window.get(), "botMetadataEdit");
    auto *metadataError = child<QLabel>(window.get(), "botMetadataError");
    metadata->setFocus();
    QTest::keyClicks(metadata, QStringLiteral("{\"audience\": "));
    QVERIFY(metadataError->isVisible());
    QVERIFY2(metadataError->text().startsWith(QStringLiteral("Line 1, column")), qPrintable(metadataError->text()));
    // Saving with broken metadata is refused and says why.
    QVERIFY(!editor->save());
    QVERIFY(editor->errorText().contains(QStringLiteral("metadata")));
    QVERIFY(BotRepository(m_workspace->database).list()->isEmpty());
    QTest::keyClicks(metadata, QStringLiteral("\"beta\"}"));
    QVERIFY(!metadataError->isVisible());

    clickAction(editor->saveAction());
    QVERIFY2(editor->errorText().isEmpty(), qPrintable(editor->errorText()));
    const auto stored = BotRepository(m_workspace->database).bySlug(QStringLiteral("astro-guide"));
    QVERIFY(stored.ok());
    QCOMPARE(stored->name, QStringLiteral("Astro Guide"));
    QCOMPARE(stored->status, QStringLiteral("live"));
    QCOMPARE(stored->metadata.value(QStringLiteral("audience")).toString(), QStringLiteral("beta"));

    QVERIFY(!window->isWindowModified());
    QVERIFY(!botsEntry.data(NavigationModel::ModifiedRole).toBool());
    QCOMPARE(botsEntry.data().toString(), QStringLiteral("Bots"));
    auto *list = child<QTableView>(window.get(), "botsView");
    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->currentIndex().data().toString(), QStringLiteral("Astro Guide"));
}

void TestBotEditor::addTwoConfigsActivateOneAndUndo()
{
    const qint64 botId = addBot(m_workspace->database, QStringLiteral("Router"));
    auto window = createMainWindow(*m_workspace);
    BotEditorPage *editor = window->botsPage()->editor();
    clickRow(child<QTableView>(window.get(), "botsView"), 0);
    QCOMPARE(editor->document()->bot().id, botId);

    auto *configs = child<QTableView>(window.get(), "configsView");
    clickAction(editor->newConfigAction());
    clickAction(editor->newConfigAction());
    QCOMPARE(configs->model()->rowCount(), 2);
    QCOMPARE(configs->model()->index(0, ConfigsTableModel::ProviderColumn).data().toString(), QStringLiteral("openai"));
    QCOMPARE(configs->model()->index(0, ConfigsTableModel::ModelColumn).data().toString(),
             QStringLiteral("gpt-4o-mini"));

    // The second config goes to Bedrock, chosen in the provider combo; its model follows.
    editCell<QComboBox>(configs, 1, ConfigsTableModel::ProviderColumn, [](QComboBox *combo) {
        QCOMPARE(combo->count(), 2);
        combo->setCurrentIndex(combo->findText(QStringLiteral("bedrock")));
    });
    QCOMPARE(editor->document()->configAt(1).provider, QStringLiteral("bedrock"));
    QCOMPARE(editor->document()->configAt(1).model, QStringLiteral("anthropic.claude-3-haiku"));
    editCell<QLineEdit>(configs, 0, ConfigsTableModel::TemperatureColumn, [](QLineEdit *line) {
        line->selectAll();
        QTest::keyClicks(line, QStringLiteral("0.7"));
    });
    QCOMPARE(editor->document()->configAt(0).temperature, std::optional<double>(0.7));
    QCOMPARE(editor->undoAction()->text(), QStringLiteral("Undo Set Temperature of “Config 1” to “0.7”"));

    // Not saved yet: activation needs stored configs.
    clickRow(configs, 0);
    clickAction(editor->activateConfigAction());
    QVERIFY(editor->errorText().contains(QStringLiteral("not saved yet")));
    QVERIFY(!LlmConfigRepository(m_workspace->database).activeForBot(botId)->has_value());

    clickAction(editor->saveAction());
    QVERIFY2(editor->errorText().isEmpty(), qPrintable(editor->errorText()));
    const auto stored = LlmConfigRepository(m_workspace->database).listForBot(botId);
    QCOMPARE(stored->size(), 2);
    QCOMPARE(stored->at(0).temperature, std::optional<double>(0.7));
    QCOMPARE(stored->at(1).provider, QStringLiteral("bedrock"));
    QCOMPARE(stored->at(1).region, QStringLiteral("us-east-1"));
    const qint64 first = stored->at(0).id;
    const qint64 second = stored->at(1).id;

    clickRow(configs, 0);
    clickAction(editor->activateConfigAction());
    QCOMPARE(LlmConfigRepository(m_workspace->database).activeForBot(botId)->value().id, first);
    QCOMPARE(configs->model()->index(0, ConfigsTableModel::ActiveColumn).data().toString(), QStringLiteral("Active"));
    QVERIFY(!editor->activateConfigAction()->isEnabled());
    QVERIFY(!editor->deleteConfigAction()->isEnabled());
    QVERIFY(!window->isWindowModified());  // stored at once: nothing to save

    clickRow(configs, 1);
    clickAction(editor->activateConfigAction());
    QCOMPARE(LlmConfigRepository(m_workspace->database).activeForBot(botId)->value().id, second);
    QVERIFY(configs->model()->index(0, ConfigsTableModel::ActiveColumn).data().toString().isEmpty());
    QCOMPARE(configs->model()->index(1, ConfigsTableModel::ActiveColumn).data().toString(), QStringLiteral("Active"));
    QCOMPARE(editor->undoAction()->text(), QStringLiteral("Undo Activate config “Config 2”"));

    // One undo away from the previous active config, in the database too.
    editor->undoAction()->trigger();
    QCOMPARE(LlmConfigRepository(m_workspace->database).activeForBot(botId)->value().id, first);
    QVERIFY(configs->model()->index(0, ConfigsTableModel::ActiveColumn).data(ConfigsTableModel::ActiveRole).toBool());
    editor->undoAction()->trigger();
    QVERIFY(!LlmConfigRepository(m_workspace->database).activeForBot(botId)->has_value());
    QCOMPARE(editor->document()->activeRow(), -1);
    editor->redoAction()->trigger();
    QCOMPARE(LlmConfigRepository(m_workspace->database).activeForBot(botId)->value().id, first);
    QVERIFY(!window->isWindowModified());

    // The active config can't be deleted; the other one can, and undo brings it back.
    clickRow(configs, 1);
    clickAction(editor->deleteConfigAction());
    QCOMPARE(configs->model()->rowCount(), 1);
    QVERIFY(window->isWindowModified());
    editor->undoAction()->trigger();
    QCOMPARE(configs->model()->rowCount(), 2);
    QVERIFY(!window->isWindowModified());
}

void TestBotEditor::duplicateSlugIsRejected()
{
    addBot(m_workspace->database, QStringLiteral("Astro Guide"));
    auto window = createMainWindow(*m_workspace);
    BotsPage *page = window->botsPage();
    BotEditorPage *editor = page->editor();

    clickAction(page->newBotAction());
    auto *name = child<QLineEdit>(window.get(), "botNameEdit");
    QTest::keyClicks(name, QStringLiteral("Astro Guide"));
    auto *slugStatus = child<QLabel>(window.get(), "botSlugStatus");
    QVERIFY(slugStatus->isVisible());
    QVERIFY2(slugStatus->text().contains(QStringLiteral("taken by the bot “Astro Guide”")),
             qPrintable(slugStatus->text()));

    clickAction(editor->saveAction());
    QVERIFY2(editor->errorText().contains(QStringLiteral("'astro-guide' is taken")), qPrintable(editor->errorText()));
    QVERIFY(editor->errorText().contains(QStringLiteral("Your changes are still here")));
    QCOMPARE(BotRepository(m_workspace->database).list()->size(), 1);
    QVERIFY(editor->document()->isNew());
    QVERIFY(window->isWindowModified());
    QCOMPARE(name->text(), QStringLiteral("Astro Guide"));

    // A slug of its own resolves it.
    auto *slug = child<QLineEdit>(window.get(), "botSlugEdit");
    slug->setFocus();
    QTest::keyClicks(slug, QStringLiteral("-2"));
    QVERIFY(!slugStatus->isVisible());
    clickAction(editor->saveAction());
    QVERIFY2(editor->errorText().isEmpty(), qPrintable(editor->errorText()));
    QVERIFY(BotRepository(m_workspace->database).bySlug(QStringLiteral("astro-guide-2")).ok());
    QCOMPARE(BotRepository(m_workspace->database).list()->size(), 2);
}

void TestBotEditor::switchingBotsWithUnsavedChangesAsks()
{
    const qint64 alpha = addBot(m_workspace->database, QStringLiteral("Alpha"), 1);
    const qint64 beta = addBot(m_workspace->database, QStringLiteral("Beta"), 2);
    auto window = createMainWindow(*m_workspace);
    BotEditorPage *editor = window->botsPage()->editor();
    QStringList asked;
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    editor->setUnsavedChangesQuestion([&](QWidget *, const QString &bot) {
        asked.append(bot);
        return answer;
    });
    auto *list = child<QTableView>(window.get(), "botsView");
    clickRow(list, 0);
    auto *type = child<QLineEdit>(window.get(), "botTypeEdit");
    QTest::keyClicks(type, QStringLiteral("support"));

    // Cancel: stay on Alpha with the edit, in the list too.
    clickRow(list, 1);
    QCOMPARE(asked, QStringList{QStringLiteral("Alpha")});
    QCOMPARE(editor->document()->bot().id, alpha);
    QCOMPARE(type->text(), QStringLiteral("support"));
    QCOMPARE(list->currentIndex().row(), 0);

    // Discard: Beta opens and Alpha is unchanged.
    answer = QMessageBox::Discard;
    clickRow(list, 1);
    QCOMPARE(asked.size(), 2);
    QCOMPARE(editor->document()->bot().id, beta);
    QVERIFY(BotRepository(m_workspace->database).byId(alpha)->type.isEmpty());
    QVERIFY(!window->isWindowModified());

    QCOMPARE(list->currentIndex().row(), 1);

    // Save: the edit is stored before Alpha opens.
    QTest::keyClicks(type, QStringLiteral("sales"));
    answer = QMessageBox::Save;
    clickRow(list, 0);
    QCOMPARE(asked.size(), 3);
    QCOMPARE(BotRepository(m_workspace->database).byId(beta)->type, QStringLiteral("sales"));
    QCOMPARE(editor->document()->bot().id, alpha);
    QCOMPARE(list->currentIndex().row(), 0);
    QCOMPARE(list->currentIndex().data().toString(), QStringLiteral("Alpha"));

    // Switching without unsaved changes asks nothing.
    clickRow(list, 1);
    QCOMPARE(asked.size(), 3);
    QCOMPARE(editor->document()->bot().id, beta);
}

void TestBotEditor::closingWithUnsavedChangesAsks()
{
    const qint64 id = addBot(m_workspace->database, QStringLiteral("Closer"));
    auto window = createMainWindow(*m_workspace);
    BotEditorPage *editor = window->botsPage()->editor();
    int asked = 0;
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    editor->setUnsavedChangesQuestion([&](QWidget *, const QString &) {
        ++asked;
        return answer;
    });
    clickRow(child<QTableView>(window.get(), "botsView"), 0);
    QTest::keyClicks(child<QLineEdit>(window.get(), "botAvatarEdit"), QStringLiteral("https://example.com/a.png"));

    QVERIFY(!window->close());
    QCOMPARE(asked, 1);
    QVERIFY(window->isVisible());

    answer = QMessageBox::Save;
    QVERIFY(window->close());
    QCOMPARE(asked, 2);
    QCOMPARE(BotRepository(m_workspace->database).byId(id)->avatar, QStringLiteral("https://example.com/a.png"));
}

void TestBotEditor::deletedBotIsRestoredFromTheTrash()
{
    const qint64 id = addBot(m_workspace->database, QStringLiteral("Phoenix"));
    auto window = createMainWindow(*m_workspace);
    BotsPage *page = window->botsPage();
    auto *list = child<QTableView>(window.get(), "botsView");
    clickRow(list, 0);

    clickAction(page->deleteBotAction());
    QCOMPARE(list->model()->rowCount(), 0);
    QVERIFY(!page->editor()->document()->isOpen());
    QVERIFY(BotRepository(m_workspace->database).byId(id)->isDeleted());

    clickAction(page->showTrashAction());
    auto *trash = child<QTableView>(window.get(), "trashView");
    QVERIFY(trash->isVisible());
    QCOMPARE(trash->model()->rowCount(), 1);
    QVERIFY(!page->restoreBotAction()->isEnabled());
    clickRow(trash, 0);
    clickAction(page->restoreBotAction());

    QVERIFY(!BotRepository(m_workspace->database).byId(id)->isDeleted());
    QVERIFY(list->isVisible());
    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(trash->model()->rowCount(), 0);
    QCOMPARE(page->editor()->document()->bot().id, id);
    QCOMPARE(list->currentIndex().data().toString(), QStringLiteral("Phoenix"));
}

void TestBotEditor::twoConfigsSideBySideShowTheirDifferences()
{
    const qint64 botId = addBot(m_workspace->database, QStringLiteral("Compare Me"));
    LlmConfig config;
    config.botId = botId;
    config.name = QStringLiteral("Gemini");
    config.provider = QStringLiteral("openai");
    config.model = QStringLiteral("gpt-4o");
    config.temperature = 0.7;
    config.active = true;
    QVERIFY(LlmConfigRepository(m_workspace->database).create(config).ok());
    config.name = QStringLiteral("Cheaper");
    config.model = QStringLiteral("gpt-4o-mini");
    config.temperature = 0.2;
    config.active = false;
    QVERIFY(LlmConfigRepository(m_workspace->database).create(config).ok());

    auto window = createMainWindow(*m_workspace);
    clickRow(child<QTableView>(window.get(), "botsView"), 0);
    BotEditorPage *editor = window->botsPage()->editor();
    auto *configs = child<QTableView>(window.get(), "configsView");
    QTRY_COMPARE(configs->model()->rowCount(), 2);

    // One row selected: nothing to compare; Ctrl+click adds the second.
    clickRow(configs, 0, ConfigsTableModel::NameColumn);
    QVERIFY(!editor->compareConfigsAction()->isEnabled());
    const QRect second = configs->visualRect(configs->model()->index(1, ConfigsTableModel::NameColumn));
    QTest::mouseClick(configs->viewport(), Qt::LeftButton, Qt::ControlModifier, second.center());
    QTRY_VERIFY(editor->compareConfigsAction()->isEnabled());
    clickAction(editor->compareConfigsAction());

    ConfigComparisonDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<ConfigComparisonDialog *>()) && dialog->isVisible());
    ConfigComparisonModel *model = dialog->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Name, model and temperature differ; provider and the rest are the same.
    QCOMPARE(model->differenceCount(), 3);
    QStringList different;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString field = model->index(row, ConfigComparisonModel::FieldColumn).data().toString();
        if (model->index(row, 0).data(ConfigComparisonModel::DifferentRole).toBool())
            different << field;
        if (field == configs->model()->headerData(ConfigsTableModel::ModelColumn, Qt::Horizontal).toString()) {
            QCOMPARE(model->index(row, ConfigComparisonModel::FirstColumn).data().toString(), QStringLiteral("gpt-4o"));
            QCOMPARE(model->index(row, ConfigComparisonModel::SecondColumn).data().toString(),
                     QStringLiteral("gpt-4o-mini"));
            QVERIFY(model->index(row, ConfigComparisonModel::SecondColumn).data(Qt::FontRole).value<QFont>().bold());
        }
    }
    QCOMPARE(different.size(), 3);
    QVERIFY(dialog->summaryText().contains(QLatin1String("3")));
    QVERIFY(model->headerData(ConfigComparisonModel::FirstColumn, Qt::Horizontal)
                .toString()
                .contains(QLatin1String("Gemini")));
    dialog->close();
}

QTEST_MAIN(TestBotEditor)
#include "tst_boteditor.moc"
