#include "core/accounting/CostCalculator.h"
#include "core/accounting/PriceCatalogue.h"
#include "core/prompts/LineDiff.h"
#include "core/prompts/PromptDocumentParser.h"
#include "core/settings/Settings.h"
#include "core/store/Database.h"
#include "core/store/PromptRepository.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/FilterTablePage.h"
#include "ui/MainWindow.h"
#include "ui/NavigationModel.h"
#include "ui/PromptsTableModel.h"
#include "ui/prompts/PromptAnalysis.h"
#include "ui/prompts/PromptCompletionModel.h"
#include "ui/prompts/PromptDiffDialog.h"
#include "ui/prompts/PromptEditorDocument.h"
#include "ui/prompts/PromptHistoryPanel.h"
#include "ui/prompts/PromptOutlinePanel.h"
#include "ui/prompts/PromptPreviewPanel.h"
#include "ui/prompts/PromptPreviewWorker.h"
#include "ui/prompts/PromptSectionsModel.h"
#include "ui/prompts/PromptTextEdit.h"
#include "ui/prompts/PromptVersionsModel.h"
#include "ui/prompts/PromptsPage.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QUndoStack>
#include <memory>

using namespace Switchyard;
using Testing::child;
using Testing::createMainWindow;
using Testing::UiWorkspace;

namespace {

/// Clicks the row of @p key in the prompt list, as a user would.
void clickPrompt(PromptsPage *page, const QString &key)
{
    QTableView *view = page->listPage()->view();
    QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data().toString() != key)
            continue;
        view->scrollTo(index);
        const QRect rect = view->visualRect(index);
        QVERIFY(rect.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        return;
    }
    QFAIL(qPrintable(QStringLiteral("no prompt %1 in the list").arg(key)));
}

QString selectedKey(PromptsPage *page)
{
    return page->listPage()->view()->currentIndex().siblingAtColumn(0).data().toString();
}

/// Puts the editor's cursor right after the first occurrence of @p anchor.
void placeCursorAfter(QPlainTextEdit *editor, const QString &anchor)
{
    const int at = int(editor->toPlainText().indexOf(anchor));
    QVERIFY2(at >= 0, qPrintable(anchor));
    QTextCursor cursor = editor->textCursor();
    cursor.setPosition(at + int(anchor.size()));
    editor->setTextCursor(cursor);
}

}  // namespace

class TestPromptsPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void analysisDiscoversTopLevelVariablesAndCost();
    void typingUpdatesThePreviewAfterTheDebounce();
    void formValuesChangeThePreviewAndAreRemembered();
    void undeclaredVariablesGetARowAndAreListedMissing();
    void yamlErrorShowsInlineAndNothingBreaks();
    void saveVersionAddsTheNextVersionWithItsNote();
    void savingBrokenYamlKeepsTheEdits();
    void switchingWithUnsavedChangesAsks();
    void closingWithUnsavedChangesAsks();
    void outlineEditsChangeTheYamlAndUndo();
    void newPromptIsSavedAsVersionOne();
    void costUsesTheConfigsThatUseThePrompt();
    void deletePromptRefusesPromptsInUse();
    void oldVersionOpensReadOnly();
    void workerDropsStaleRequests();
    void lintMarksNearMissesAndCompletionOffersVariables();
    void historyTabDiffsTheSavedVersionAndMovesALabel();

private:
    PromptsPage *openPage(const QString &key);

    std::unique_ptr<UiWorkspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
    QList<std::optional<QString>> m_answers;  ///< answers of the text question, in order
    QStringList m_asked;                      ///< titles of the text questions asked
};

void TestPromptsPage::init()
{
    m_workspace = std::make_unique<UiWorkspace>();
    m_workspace->openWithSample();
    if (QTest::currentTestFailed())
        return;
    m_window = createMainWindow(*m_workspace);
    m_answers.clear();
    m_asked.clear();
    m_window->promptsPage()->setTextQuestion(
        [this](QWidget *, const QString &title, const QString &, const QString &text) -> std::optional<QString> {
            m_asked.append(title);
            if (m_answers.isEmpty())
                return text;  // accept the suggestion
            return m_answers.takeFirst();
        });
}

void TestPromptsPage::cleanup()
{
    if (m_window)
        m_window->promptsPage()->setUnsavedChangesQuestion(
            [](QWidget *, const QString &) { return QMessageBox::Discard; });
    Testing::closeDialogs();
    m_window.reset();
    m_workspace.reset();
}

PromptsPage *TestPromptsPage::openPage(const QString &key)
{
    m_window->showPage(MainWindow::Page::Prompts);
    PromptsPage *page = m_window->promptsPage();
    clickPrompt(page, key);
    if (page->document()->key() != key)
        qFatal("could not open %s", qPrintable(key));
    return page;
}

void TestPromptsPage::analysisDiscoversTopLevelVariablesAndCost()
{
    PromptAnalysisRequest request;
    request.key = QStringLiteral("k");
    request.text = QStringLiteral("key: k\n"
                                  "max_tokens: 100\n"
                                  "variables:\n"
                                  "  product: {description: Product name, sample: Acme}\n"
                                  "system: |\n"
                                  "  For {{product}} and {{customer.name}} on {{current_date}}.\n"
                                  "  {{#articles}}{{title}}: {{body}}{{/articles}}\n"
                                  "user: \"{{question}}\"\n");
    request.values.insert(QStringLiteral("question"), QStringLiteral("Why?"));
    Price price;
    price.inputPer1k = 1.0;
    price.outputPer1k = 2.0;
    request.price = price;

    const PromptAnalysis analysis = analysePrompt(request);
    QVERIFY2(analysis.parsed, qPrintable(analysis.parseError));
    QStringList names;
    for (const PreviewVariable &variable : analysis.variables)
        names.append(variable.name);
    // Declared first; fields inside {{#articles}} and system variables are not form rows.
    QCOMPARE(names, (QStringList{QStringLiteral("product"), QStringLiteral("customer"), QStringLiteral("articles"),
                                 QStringLiteral("question")}));
    QVERIFY(analysis.variables.first().declared);
    QCOMPARE(analysis.variables.first().description, QStringLiteral("Product name"));
    // The empty product field falls back to the sample; the missing customer stays a visible tag.
    QVERIFY2(analysis.system.startsWith(QStringLiteral("For Acme and {{customer.name}} on ")),
             qPrintable(analysis.system));
    QCOMPARE(analysis.user, QStringLiteral("Why?"));
    QCOMPARE(analysis.missing, QStringList{QStringLiteral("customer.name")});
    const qint64 tokens = (analysis.system.size() + 3) / 4 + 1;  // "Why?" is one token
    QCOMPARE(analysis.inputTokens, tokens);
    QCOMPARE(analysis.outputTokens, 100);
    QVERIFY(analysis.costUsd.has_value());
    QCOMPARE(*analysis.costUsd, (double(tokens) * 1.0 + 100 * 2.0) / 1000.0);

    request.text = QStringLiteral("key: k\ntemperature: hot\nsystem: x\n");
    const PromptAnalysis broken = analysePrompt(request);
    QVERIFY(!broken.parsed);
    QCOMPARE(broken.errorLine, 2);
    QVERIFY2(broken.parseError.startsWith(QStringLiteral("k.yaml:2:")), qPrintable(broken.parseError));
}

void TestPromptsPage::typingUpdatesThePreviewAfterTheDebounce()
{
    PromptsPage *page = openPage(QStringLiteral("support_answer"));
    PromptPreviewPanel *preview = page->previewPanel();
    QTRY_VERIFY(
        preview->renderedSystem().startsWith(QStringLiteral("You are the support assistant for Switchyard Cloud.")));
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("support_answer")));

    auto *editor = child<QPlainTextEdit>(page, "promptEditor");
    QCOMPARE(page->editor(), editor);
    editor->setFocus();
    placeCursorAfter(editor, QStringLiteral("You are the "));
    QTest::keyClicks(editor, QStringLiteral("friendly "));
    // Never on the keystroke path: nothing is rendered until the debounce has passed.
    QVERIFY(!preview->renderedSystem().contains(QStringLiteral("friendly")));
    QTRY_VERIFY(preview->renderedSystem().startsWith(QStringLiteral("You are the friendly support assistant")));
    // The panes are edited in place, not reset: what they show must be exactly the worker's rendering.
    QCOMPARE(preview->renderedSystem(), preview->analysis().system);
    QCOMPARE(preview->renderedUser(), preview->analysis().user);

    // Unsaved changes show in the title, the header and the navigation.
    QVERIFY(page->document()->isDirty());
    QVERIFY(m_window->isWindowModified());
    QVERIFY2(m_window->windowTitle().startsWith(
                 QStringLiteral("support_answer v%1[*]").arg(page->document()->baseVersion())),
             qPrintable(m_window->windowTitle()));
    QVERIFY(child<QLabel>(page, "promptHeader")->text().contains(QStringLiteral("unsaved")));
    QVERIFY(m_window->navigationModel()->isModified(NavigationModel::Page::Prompts));

    // Typing is one undo step (merged like the text editor merges it); undoing it makes the prompt clean again.
    QCOMPARE(page->document()->undoStack()->count(), 1);
    QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!editor->toPlainText().contains(QStringLiteral("friendly")));
    QVERIFY(!page->document()->isDirty());
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(!m_window->navigationModel()->isModified(NavigationModel::Page::Prompts));
    QTRY_VERIFY(!preview->renderedSystem().contains(QStringLiteral("friendly")));
    QCOMPARE(preview->renderedSystem(), preview->analysis().system);
    page->redoAction()->trigger();
    QVERIFY(editor->toPlainText().contains(QStringLiteral("You are the friendly support")));
    QVERIFY(page->document()->isDirty());
    // The shortcut is shown in the tooltips.
    QVERIFY2(page->saveVersionAction()->toolTip().contains(
                 QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)),
             qPrintable(page->saveVersionAction()->toolTip()));
    QVERIFY(page->newPromptAction()->toolTip().contains(QStringLiteral("Ctrl+Shift+N")));
}

void TestPromptsPage::formValuesChangeThePreviewAndAreRemembered()
{
    PromptsPage *page = openPage(QStringLiteral("support_answer"));
    PromptPreviewPanel *preview = page->previewPanel();
    QTRY_VERIFY(preview->valueEdit(QStringLiteral("product")));
    QCOMPARE(preview->formVariables(),
             (QStringList{QStringLiteral("product"), QStringLiteral("customer_name"), QStringLiteral("plan"),
                          QStringLiteral("articles"), QStringLiteral("question")}));
    QLineEdit *product = child<QLineEdit>(preview, "previewValue_product");
    QCOMPARE(product, preview->valueEdit(QStringLiteral("product")));
    QCOMPARE(product->placeholderText(), QStringLiteral("Switchyard Cloud"));
    QCOMPARE(product->toolTip().section(QLatin1Char('\n'), 0, 0), QStringLiteral("Product name"));

    product->setFocus();
    QTest::keyClicks(product, QStringLiteral("Acme"));
    QTRY_VERIFY(preview->renderedSystem().startsWith(QStringLiteral("You are the support assistant for Acme.")));
    // The form was not rebuilt under the typing: same field, still focused.
    QCOMPARE(preview->valueEdit(QStringLiteral("product")), product);
    QVERIFY(product->hasFocus());
    // A list as JSON.
    QLineEdit *articles = preview->valueEdit(QStringLiteral("articles"));
    articles->setFocus();
    QTest::keyClicks(articles, QStringLiteral("[{\"title\": \"Billing\", \"body\": \"Pay monthly.\"}]"));
    QTRY_VERIFY(preview->renderedSystem().contains(QStringLiteral("## Billing\nPay monthly.")));
    QCOMPARE(preview->renderedSystem(), preview->analysis().system);
    QVERIFY(!page->document()->isDirty());  // preview values are not prompt edits

    clickPrompt(page, QStringLiteral("code_review"));
    QCOMPARE(page->document()->key(), QStringLiteral("code_review"));
    QTRY_VERIFY(!preview->renderedSystem().contains(QStringLiteral("Acme")));
    clickPrompt(page, QStringLiteral("support_answer"));
    QTRY_VERIFY(preview->renderedSystem().startsWith(QStringLiteral("You are the support assistant for Acme.")));
    QCOMPARE(preview->valueEdit(QStringLiteral("product"))->text(), QStringLiteral("Acme"));
    const QVariantMap stored = m_workspace->settings->value(Settings::Key::PreviewValues).toMap();
    QCOMPARE(stored.value(QStringLiteral("support_answer")).toMap().value(QStringLiteral("product")).toString(),
             QStringLiteral("Acme"));
}

void TestPromptsPage::undeclaredVariablesGetARowAndAreListedMissing()
{
    PromptsPage *page = openPage(QStringLiteral("support_answer"));
    PromptPreviewPanel *preview = page->previewPanel();
    QTRY_VERIFY(preview->valueEdit(QStringLiteral("product")));
    QLineEdit *product = preview->valueEdit(QStringLiteral("product"));
    placeCursorAfter(page->editor(), QStringLiteral("You are the "));
    QTest::keyClicks(page->editor(), QStringLiteral("{{mood}} "));
    QTRY_VERIFY(preview->formVariables().contains(QStringLiteral("mood")));
    QCOMPARE(preview->formVariables().last(), QStringLiteral("mood"));  // declared ones first
    QCOMPARE(preview->valueEdit(QStringLiteral("product")), product);   // existing fields are kept
    auto *missing = child<QLabel>(preview, "previewMissing");
    QVERIFY(missing->isVisible());
    QVERIFY2(missing->text().contains(QStringLiteral("mood")), qPrintable(missing->text()));
    QVERIFY(preview->renderedSystem().startsWith(QStringLiteral("You are the {{mood}} support")));

    // The missing-variable policy comes from the settings.
    QVERIFY(m_workspace->settings->setValue(Settings::Key::MissingVariablePolicy, QStringLiteral("empty")));
    QTRY_VERIFY(preview->renderedSystem().startsWith(QStringLiteral("You are the  support")));

    QLineEdit *mood = preview->valueEdit(QStringLiteral("mood"));
    mood->setFocus();
    QTest::keyClicks(mood, QStringLiteral("cheerful"));
    QTRY_VERIFY(preview->renderedSystem().startsWith(QStringLiteral("You are the cheerful support")));
    QTRY_VERIFY(!missing->isVisible());
}

void TestPromptsPage::yamlErrorShowsInlineAndNothingBreaks()
{
    PromptsPage *page = openPage(QStringLiteral("support_answer"));
    PromptPreviewPanel *preview = page->previewPanel();
    QTRY_VERIFY(preview->renderedSystem().startsWith(QStringLiteral("You are the support assistant")));
    const QString rendered = preview->renderedSystem();

    auto *editor = page->editor();
    editor->setFocus();
    placeCursorAfter(editor, QStringLiteral("temperature: "));
    QTest::keyClicks(editor, QStringLiteral("hot"));  // "temperature: hot0.2"
    auto *error = child<QLabel>(preview, "previewError");
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("support_answer.yaml:4:")), qPrintable(error->text()));
    QVERIFY2(error->text().contains(QStringLiteral("temperature")), qPrintable(error->text()));
    QVERIFY(child<QLabel>(page, "promptEditorStatus")->text().contains(QStringLiteral("support_answer.yaml:4:")));
    // The last good rendering stays, and the editor keeps working.
    QCOMPARE(preview->renderedSystem(), rendered);
    // The editor marks the line, and hovering the mark tells what is wrong and where.
    QTRY_VERIFY(!editor->diagnosticsAt(4).isEmpty());
    const PromptDiagnostic marker = editor->diagnosticsAt(4).constFirst();
    QCOMPARE(marker.severity, PromptDiagnostic::Severity::Error);
    QVERIFY2(marker.message.contains(QStringLiteral("temperature")), qPrintable(marker.message));
    QTextCursor at(editor->document()->findBlockByNumber(3));
    at.setPosition(at.position() + marker.column - 1);
    const QString tip = editor->toolTipAt(editor->cursorRect(at).center() + QPoint(2, 0));
    QVERIFY2(tip.contains(QStringLiteral("line 4")), qPrintable(tip));
    QTest::keyClicks(editor, QStringLiteral("ter"));
    QVERIFY(editor->toPlainText().contains(QStringLiteral("temperature: hotter0.2")));

    page->undoAction()->trigger();
    QVERIFY(!editor->toPlainText().contains(QStringLiteral("hot")));
    QTRY_VERIFY(!error->isVisible());
    QTRY_VERIFY(editor->diagnosticsAt(4).isEmpty());
    QVERIFY(!page->document()->isDirty());
}

void TestPromptsPage::saveVersionAddsTheNextVersionWithItsNote()
{
    PromptRepository repository(m_workspace->database);
    const auto before = repository.latest(QStringLiteral("support_answer"));
    QVERIFY(before.ok());
    PromptsPage *page = openPage(QStringLiteral("support_answer"));
    QCOMPARE(page->document()->baseVersion(), before->version);

    page->editor()->setFocus();
    placeCursorAfter(page->editor(), QStringLiteral("You are the "));
    QTest::keyClicks(page->editor(), QStringLiteral("patient "));
    m_answers = {QStringLiteral("Be more patient")};
    QTest::keyClick(page->editor(), Qt::Key_S, Qt::ControlModifier);  // Save Version…
    QCOMPARE(m_asked, QStringList{QStringLiteral("Save Version")});
    QVERIFY2(page->errorText().isEmpty(), qPrintable(page->errorText()));

    const auto after = repository.latest(QStringLiteral("support_answer"));
    QVERIFY(after.ok());
    QCOMPARE(after->version, before->version + 1);
    QCOMPARE(after->note, QStringLiteral("Be more patient"));
    QCOMPARE(after->body, page->editor()->toPlainText());
    QVERIFY(after->body.contains(QStringLiteral("You are the patient support assistant")));
    QVERIFY(!after->author.isEmpty());
    QCOMPARE(page->document()->baseVersion(), after->version);
    QVERIFY(!page->document()->isDirty());
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("support_answer v%1").arg(after->version)));
    // The list shows the new version count, and the prompt stays selected.
    QCOMPARE(selectedKey(page), QStringLiteral("support_answer"));
    QCOMPARE(page->listPage()->view()->currentIndex().siblingAtColumn(PromptsTableModel::LatestColumn).data().toInt(),
             after->version);

    // Saving the unchanged text is "nothing to save".
    m_answers = {QStringLiteral("again")};
    page->saveVersionAction()->trigger();
    const auto history = repository.history(QStringLiteral("support_answer"));
    QVERIFY(history.ok());
    QCOMPARE(history->size(), after->version);
    QCOMPARE(history->last().note, QStringLiteral("Be more patient"));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("Nothing to save")),
             qPrintable(m_window->statusBar()->currentMessage()));

    // Cancelling the note question saves nothing.
    QTest::keyClicks(page->editor(), QStringLiteral("x"));
    m_answers = {std::nullopt};
    QVERIFY(!page->saveVersion());
    QCOMPARE(repository.history(QStringLiteral("support_answer"))->size(), after->version);
    QVERIFY(page->document()->isDirty());
}

void TestPromptsPage::savingBrokenYamlKeepsTheEdits()
{
    PromptRepository repository(m_workspace->database);
    const int versions = int(repository.history(QStringLiteral("support_answer"))->size());
    PromptsPage *page = openPage(QStringLiteral("support_answer"));
    placeCursorAfter(page->editor(), QStringLiteral("temperature: "));
    QTest::keyClicks(page->editor(), QStringLiteral("hot"));
    const QString edited = page->editor()->toPlainText();
    QVERIFY(!page->saveVersion(QStringLiteral("broken")));
    QVERIFY2(page->errorText().contains(QStringLiteral("support_answer.yaml:4:")), qPrintable(page->errorText()));
    QVERIFY(child<QLabel>(page, "promptEditorError")->isVisible());
    QCOMPARE(repository.history(QStringLiteral("support_answer"))->size(), versions);
    QCOMPARE(page->editor()->toPlainText(), edited);
    QVERIFY(page->document()->isDirty());

    // A key that does not match the prompt is refused too.
    page->undoAction()->trigger();
    placeCursorAfter(page->editor(), QStringLiteral("key: support_answer"));
    QTest::keyClicks(page->editor(), QStringLiteral("2"));
    QVERIFY(!page->saveVersion(QStringLiteral("renamed")));
    QVERIFY2(page->errorText().contains(QStringLiteral("support_answer2")), qPrintable(page->errorText()));
    QCOMPARE(repository.history(QStringLiteral("support_answer"))->size(), versions);
}

void TestPromptsPage::switchingWithUnsavedChangesAsks()
{
    PromptsPage *page = openPage(QStringLiteral("support_answer"));
    int asked = 0;
    QString askedAbout;
    page->setUnsavedChangesQuestion([&](QWidget *, const QString &key) {
        ++asked;
        askedAbout = key;
        return QMessageBox::Cancel;
    });
    placeCursorAfter(page->editor(), QStringLiteral("You are the "));
    QTest::keyClicks(page->editor(), QStringLiteral("careful "));
    const QString edited = page->editor()->toPlainText();

    clickPrompt(page, QStringLiteral("code_review"));
    QCOMPARE(asked, 1);
    QCOMPARE(askedAbout, QStringLiteral("support_answer"));
    QCOMPARE(page->document()->key(), QStringLiteral("support_answer"));
    QCOMPARE(page->editor()->toPlainText(), edited);
    QCOMPARE(selectedKey(page), QStringLiteral("support_answer"));

    // New Prompt asks too, and Cancel keeps the prompt.
    page->newPromptAction()->trigger();
    QCOMPARE(asked, 2);
    QCOMPARE(page->document()->key(), QStringLiteral("support_answer"));

    page->setUnsavedChangesQuestion([&](QWidget *, const QString &) {
        ++asked;
        return QMessageBox::Discard;
    });
    clickPrompt(page, QStringLiteral("code_review"));
    QCOMPARE(asked, 3);
    QCOMPARE(page->document()->key(), QStringLiteral("code_review"));
    QVERIFY(!page->document()->isDirty());
    QCOMPARE(selectedKey(page), QStringLiteral("code_review"));
    const auto stored = PromptRepository(m_workspace->database).latest(QStringLiteral("support_answer"));
    QVERIFY(!stored->body.contains(QStringLiteral("careful")));
}

void TestPromptsPage::closingWithUnsavedChangesAsks()
{
    PromptsPage *page = openPage(QStringLiteral("support_answer"));
    int asked = 0;
    page->setUnsavedChangesQuestion([&](QWidget *, const QString &) {
        ++asked;
        return QMessageBox::Cancel;
    });
    QTest::keyClicks(page->editor(), QStringLiteral("# note"));
    QVERIFY(!m_window->close());
    QCOMPARE(asked, 1);
    QVERIFY(m_window->isVisible());
    // Opening another workspace asks as well, and Cancel stays.
    QVERIFY(!m_window->openWorkspace(m_workspace->dir.filePath(QStringLiteral("other.db"))));
    QCOMPARE(asked, 2);
    QCOMPARE(page->document()->key(), QStringLiteral("support_answer"));
}

void TestPromptsPage::outlineEditsChangeTheYamlAndUndo()
{
    PromptsPage *page = openPage(QStringLiteral("astrologer_daily"));
    PromptOutlinePanel *outline = page->outlinePanel();
    QAbstractItemModelTester tester(outline->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester listTester(page->listPage()->view()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    page->sideTabs()->setCurrentWidget(outline);
    auto *view = child<QListView>(outline, "outlineView");
    QTRY_COMPARE(view->model()->rowCount(), 8);
    QCOMPARE(view->model()->index(1, 0).data().toString(), QStringLiteral("Query House Mapping"));
    const QString original = page->editor()->toPlainText();
    const QString head = original.left(original.indexOf(QStringLiteral("sections:")));

    // Move up, with the shortcut on the list.
    view->setFocus();
    view->setCurrentIndex(view->model()->index(1, 0));
    QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("Query House Mapping"));
    QCOMPARE(outline->currentRow(), 0);
    QString text = page->editor()->toPlainText();
    QVERIFY(text.startsWith(head));  // everything before the block is untouched
    QVERIFY(text.indexOf(QStringLiteral("  Query House Mapping: |")) < text.indexOf(QStringLiteral("  Role: |")));
    QCOMPARE(page->document()->undoStack()->undoText(), QStringLiteral("Move section “Query House Mapping” up"));
    QVERIFY(page->document()->isDirty());

    // Add after the selected one, then remove another.
    m_answers = {QStringLiteral("Safety")};
    outline->addSectionAction()->trigger();
    QCOMPARE(view->model()->rowCount(), 9);
    QCOMPARE(view->model()->index(1, 0).data().toString(), QStringLiteral("Safety"));
    QVERIFY(page->editor()->toPlainText().contains(QStringLiteral("  Safety: |\n")));
    QCOMPARE(page->document()->undoStack()->undoText(), QStringLiteral("Add section “Safety”"));
    view->setCurrentIndex(view->model()->index(8, 0));
    outline->removeSectionAction()->trigger();
    QCOMPARE(view->model()->rowCount(), 8);
    QVERIFY(!page->editor()->toPlainText().contains(QStringLiteral("Guidelines:")));
    QCOMPARE(page->document()->undoStack()->undoText(), QStringLiteral("Remove section “Guidelines”"));
    // The edited YAML still parses, and the preview follows it.
    QTRY_VERIFY(page->previewPanel()->analysis().parsed && page->previewPanel()->analysis().sections.size() == 8);
    const auto edited = PromptDocumentParser::parse(page->editor()->toPlainText().toUtf8(), QStringLiteral("edited"));
    QVERIFY2(edited.ok(), edited.ok() ? "" : qPrintable(edited.error().toString()));
    QCOMPARE(edited->doc.sections.size(), 8);

    // Undo restores the YAML exactly, step by step.
    page->undoAction()->trigger();
    QTRY_COMPARE(view->model()->rowCount(), 9);  // the outline follows the debounced analysis
    page->undoAction()->trigger();
    page->undoAction()->trigger();
    QCOMPARE(page->editor()->toPlainText(), original);
    QVERIFY(!page->document()->isDirty());
    QTRY_COMPARE(view->model()->index(1, 0).data().toString(), QStringLiteral("Query House Mapping"));
    page->redoAction()->trigger();
    QTRY_COMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("Query House Mapping"));

    // Activating a section shows it in the editor.
    view->setFocus();
    view->setCurrentIndex(view->model()->index(3, 0));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(view->model()->index(3, 0).data().toString(), QStringLiteral("Daily Context"));
    QCOMPARE(page->editor()->textCursor().block().text(), QStringLiteral("  Daily Context: |"));

    // A plain prompt has no outline; adding a section says why it can't.
    page->setUnsavedChangesQuestion([](QWidget *, const QString &) { return QMessageBox::Discard; });
    clickPrompt(page, QStringLiteral("code_review"));
    QCOMPARE(page->document()->key(), QStringLiteral("code_review"));
    QTRY_COMPARE(view->model()->rowCount(), 0);
    m_answers = {QStringLiteral("Role")};
    outline->addSectionAction()->trigger();
    QVERIFY2(outline->errorText().contains(QStringLiteral("system text")), qPrintable(outline->errorText()));
    QVERIFY(!page->document()->isDirty());
}

void TestPromptsPage::newPromptIsSavedAsVersionOne()
{
    m_window->showPage(MainWindow::Page::Prompts);
    PromptsPage *page = m_window->promptsPage();
    m_answers = {QStringLiteral("Bad Key!")};
    page->newPromptAction()->trigger();
    QVERIFY2(page->errorText().contains(QStringLiteral("not a valid prompt key")), qPrintable(page->errorText()));
    QVERIFY(!page->document()->isOpen());

    m_answers = {QStringLiteral("faq_bot")};
    page->newPromptAction()->trigger();
    QVERIFY(page->document()->isOpen());
    QVERIFY(page->document()->isNew());
    QVERIFY(page->document()->isDirty());
    QVERIFY(page->editor()->toPlainText().startsWith(QStringLiteral("key: faq_bot\n")));
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("faq_bot")));
    QTRY_VERIFY2(page->previewPanel()->renderedSystem().contains(QStringLiteral("helpful assistant")),
                 qPrintable(page->previewPanel()->errorText()));

    m_answers = {QString()};  // an empty note takes the suggestion
    QVERIFY(page->saveVersion());
    const auto saved = PromptRepository(m_workspace->database).latest(QStringLiteral("faq_bot"));
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().toString()));
    QCOMPARE(saved->version, 1);
    QCOMPARE(saved->note, QStringLiteral("First version"));
    QVERIFY(!page->document()->isNew());
    QVERIFY(!page->document()->isDirty());
    QCOMPARE(selectedKey(page), QStringLiteral("faq_bot"));
}

void TestPromptsPage::costUsesTheConfigsThatUseThePrompt()
{
    PromptsPage *page = openPage(QStringLiteral("support_answer"));
    auto *combo = child<QComboBox>(page->previewPanel(), "previewModelCombo");
    // "No model" first, then the three configs of the Support Desk bot, then every provider model.
    QVERIFY(combo->count() > 4);
    QCOMPARE(combo->currentIndex(), 1);
    QCOMPARE(combo->itemText(1), QStringLiteral("Support Desk · GPT-4o mini (openai/gpt-4o-mini)"));
    QVERIFY(combo->itemText(2).startsWith(QStringLiteral("Support Desk · ")));
    QVERIFY(combo->itemText(3).startsWith(QStringLiteral("Support Desk · ")));
    QVERIFY(!combo->itemText(4).startsWith(QStringLiteral("Support Desk · ")));

    PromptPreviewPanel *preview = page->previewPanel();
    QTRY_VERIFY(preview->analysis().parsed && preview->analysis().costUsd.has_value());
    PriceCatalogue catalogue(m_workspace->database);
    QVERIFY(catalogue.reload().ok());
    const auto price = catalogue.find(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"));
    QVERIFY(price.has_value());
    Usage usage;
    usage.input = preview->analysis().inputTokens;
    usage.output = preview->analysis().outputTokens;
    QVERIFY(usage.input > 0);
    QVERIFY(usage.output > 0);  // the config's max output tokens, or the prompt's max_tokens
    QCOMPARE(*preview->analysis().costUsd, CostCalculator::costUsd(usage, price->price));
    auto *estimate = child<QLabel>(preview, "previewEstimate");
    QVERIFY2(estimate->text().contains(QStringLiteral("gpt-4o-mini")), qPrintable(estimate->text()));
    QVERIFY(estimate->text().contains(QStringLiteral("$")));

    // Tokens only.
    combo->setCurrentIndex(0);
    QTRY_VERIFY(!preview->analysis().costUsd.has_value());
    QVERIFY(!estimate->text().contains(QStringLiteral("$")));
    QVERIFY(estimate->text().contains(QString::number(preview->analysis().inputTokens)));
}

void TestPromptsPage::deletePromptRefusesPromptsInUse()
{
    PromptsPage *page = openPage(QStringLiteral("support_answer"));
    int confirmations = 0;
    bool answer = false;
    page->setConfirmation([&](QWidget *, const QString &) {
        ++confirmations;
        return answer;
    });
    QVERIFY(!page->deletePrompt());
    QVERIFY2(page->errorText().contains(QStringLiteral("Support Desk")), qPrintable(page->errorText()));
    QCOMPARE(confirmations, 0);

    clickPrompt(page, QStringLiteral("sql_helper"));
    QCOMPARE(page->document()->key(), QStringLiteral("sql_helper"));
    const int rows = page->listPage()->view()->model()->rowCount();
    QTRY_VERIFY(!page->previewPanel()->renderedSystem().isEmpty());
    page->deletePromptAction()->trigger();
    QCOMPARE(confirmations, 1);
    QVERIFY(PromptRepository(m_workspace->database).latest(QStringLiteral("sql_helper")).ok());
    answer = true;
    page->deletePromptAction()->trigger();
    QCOMPARE(confirmations, 2);
    QVERIFY(!PromptRepository(m_workspace->database).latest(QStringLiteral("sql_helper")).ok());
    QCOMPARE(page->listPage()->view()->model()->rowCount(), rows - 1);
    QVERIFY(!page->document()->isOpen());
    QVERIFY(!page->deletePromptAction()->isEnabled());
    // Nothing of the deleted prompt stays in the preview or the outline.
    QVERIFY(page->previewPanel()->renderedSystem().isEmpty());
    QVERIFY(page->previewPanel()->formVariables().isEmpty());
    QCOMPARE(page->outlinePanel()->model()->rowCount(), 0);
}

void TestPromptsPage::oldVersionOpensReadOnly()
{
    PromptsPage *page = openPage(QStringLiteral("support_answer"));
    PromptRepository repository(m_workspace->database);
    QVERIFY(repository
                .addVersion(QStringLiteral("support_answer"),
                            repository.latest(QStringLiteral("support_answer"))->body + QStringLiteral("# v2\n"),
                            QStringLiteral("ann"), QStringLiteral("second"))
                .ok());
    QVERIFY(page->openVersion(QStringLiteral("support_answer"), 1));
    QVERIFY(page->document()->isReadOnly());
    QVERIFY(page->editor()->isReadOnly());
    QCOMPARE(page->editor()->toPlainText(), repository.version(QStringLiteral("support_answer"), 1)->body);
    QVERIFY(!page->saveVersionAction()->isEnabled());
    QVERIFY(!page->saveVersion(QStringLiteral("nope")));
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("support_answer v1 (read-only)")));
    QCOMPARE(repository.history(QStringLiteral("support_answer"))->size(), 2);
    // Selecting the prompt in the list opens the latest version for editing again.
    clickPrompt(page, QStringLiteral("code_review"));
    clickPrompt(page, QStringLiteral("support_answer"));
    QVERIFY(!page->document()->isReadOnly());
    QCOMPARE(page->document()->baseVersion(), 2);
}

void TestPromptsPage::workerDropsStaleRequests()
{
    PromptPreviewWorker worker;
    QSignalSpy spy(&worker, &PromptPreviewWorker::analysed);
    PromptAnalysisRequest request;
    request.text = QStringLiteral("key: k\nsystem: hello\n");
    request.generation = 1;
    worker.setLatestGeneration(2);  // generation 2 was posted after 1
    worker.analyse(request);
    QCOMPARE(spy.count(), 0);
    request.generation = 2;
    worker.analyse(request);
    QCOMPARE(spy.count(), 1);
    const auto analysis = spy.at(0).at(0).value<PromptAnalysis>();
    QCOMPARE(analysis.generation, 2u);
    QCOMPARE(analysis.system, QStringLiteral("hello"));
}

void TestPromptsPage::lintMarksNearMissesAndCompletionOffersVariables()
{
    PromptsPage *page = openPage(QStringLiteral("support_answer"));
    PromptTextEdit *editor = page->editor();
    QTRY_VERIFY(page->previewPanel()->renderedSystem().startsWith(QStringLiteral("You are the support assistant")));
    QVERIFY2(editor->diagnostics().isEmpty(), "the sample prompt lints clean");

    editor->setFocus();
    placeCursorAfter(editor, QStringLiteral("The customer is "));
    QTest::keyClicks(editor, QStringLiteral("{{custmer_name}} "));
    const int line = editor->textCursor().blockNumber() + 1;
    QTRY_VERIFY(!editor->diagnosticsAt(line).isEmpty());
    const PromptDiagnostic nearMiss = editor->diagnosticsAt(line).constFirst();
    QCOMPARE(nearMiss.code, QStringLiteral("near-miss"));
    QCOMPARE(nearMiss.severity, PromptDiagnostic::Severity::Warning);
    QVERIFY2(nearMiss.message.contains(QStringLiteral("customer_name")), qPrintable(nearMiss.message));

    // Completion inside a new tag offers the prompt's declared variables and the system variables.
    QTest::keyClicks(editor, QStringLiteral("{{"));
    QTRY_VERIFY(editor->completer()->popup()->isVisible());
    QStringList offered;
    for (const CompletionVariable &variable : editor->completionModel()->variables())
        offered.append(variable.name);
    QVERIFY2(offered.contains(QStringLiteral("customer_name")), qPrintable(offered.join(u',')));
    QVERIFY2(offered.contains(QStringLiteral("current_date")), qPrintable(offered.join(u',')));
    // ... and what other prompts of the workspace use (the astrologer prompts' sun sign, for one).
    const auto other =
        std::find_if(editor->completionModel()->variables().cbegin(), editor->completionModel()->variables().cend(),
                     [](const CompletionVariable &v) { return v.origin == CompletionVariable::Origin::OtherPrompt; });
    QVERIFY(other != editor->completionModel()->variables().cend());
    QTest::keyClick(editor->completer()->popup(), Qt::Key_Escape);
}

void TestPromptsPage::historyTabDiffsTheSavedVersionAndMovesALabel()
{
    PromptRepository repository(m_workspace->database);
    PromptsPage *page = openPage(QStringLiteral("support_answer"));
    const int before = page->document()->baseVersion();
    page->editor()->setFocus();
    placeCursorAfter(page->editor(), QStringLiteral("You are the "));
    QTest::keyClicks(page->editor(), QStringLiteral("patient "));
    m_answers = {QStringLiteral("Be more patient")};
    QVERIFY(page->saveVersion());
    const int after = before + 1;

    PromptHistoryPanel *history = page->historyPanel();
    QCOMPARE(history->promptKey(), QStringLiteral("support_answer"));
    QTRY_COMPARE(history->versionsModel()->rowCount(), after);

    // The diff of the new version with the one before shows exactly the edited line as changed.
    history->compareVersions(before, after);
    PromptDiffDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = history->findChild<PromptDiffDialog *>()) != nullptr);
    QCOMPARE(dialog->leftVersion(), before);
    QCOMPARE(dialog->rightVersion(), after);
    QCOMPARE(dialog->changeCount(), 1);
    int changed = 0;
    for (const DiffRow &row : dialog->rows()) {
        if (row.kind == DiffRow::Kind::Equal)
            continue;
        ++changed;
        QVERIFY2(row.rightText.contains(QStringLiteral("patient support assistant")), qPrintable(row.rightText));
    }
    QCOMPARE(changed, 1);
    dialog->close();

    // Moving production to the new version shows in the prompt list and is recorded.
    QVERIFY(history->moveLabel(QStringLiteral("production"), after));
    const auto production = repository.byLabel(QStringLiteral("support_answer"), QStringLiteral("production"));
    QVERIFY(production.ok());
    QCOMPARE(production->version, after);
    QTRY_VERIFY(page->listPage()
                    ->view()
                    ->currentIndex()
                    .siblingAtColumn(PromptsTableModel::LabelsColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("production → v%1").arg(after)));
    const auto moves = repository.labelHistory(QStringLiteral("support_answer"));
    QVERIFY(moves.ok());
    QCOMPARE(moves->constLast().toVersion, after);
}

QTEST_MAIN(TestPromptsPage)
#include "tst_promptspage.moc"
