#include "ui/prompts/PromptCompletionModel.h"
#include "ui/prompts/PromptSyntaxHighlighter.h"
#include "ui/prompts/PromptTextEdit.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QCompleter>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <algorithm>

using namespace Switchyard;

namespace {

QList<CompletionVariable> sampleVariables()
{
    using Origin = CompletionVariable::Origin;
    return {
        {QStringLiteral("customer_name"), QStringLiteral("Who wrote in"), Origin::Declared},
        {QStringLiteral("current_date"), QStringLiteral("Today's date"), Origin::System},
        {QStringLiteral("ticket_id"), QString(), Origin::OtherPrompt},
    };
}

/// The character format the highlighter gave @p position of @p block.
QTextCharFormat formatAt(const QTextBlock &block, int position)
{
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (position >= range.start && position < range.start + range.length)
            return range.format;
    }
    return {};
}

QPoint viewportPointOf(PromptTextEdit &edit, int line, int column)
{
    QTextCursor cursor(edit.document()->findBlockByNumber(line - 1));
    cursor.setPosition(cursor.position() + column - 1);
    const QRect rect = edit.cursorRect(cursor);
    return QPoint(rect.left() + 2, rect.center().y());
}

void showEditor(PromptTextEdit &edit)
{
    edit.resize(600, 400);
    edit.show();
    edit.activateWindow();
    edit.setFocus();
    QVERIFY(QTest::qWaitForWindowExposed(&edit));
}

}  // namespace

class TestPromptTextEdit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void diagnosticsAreUnderlinedWithTooltips();
    void diagnosticsMoveWithTheirText();
    void diagnosticsOutsideTheTextAreClamped();
    void gutterWidthGrowsWithLineCount();
    void tabInsertsSpaces();
    void typingBracesPopsCompletion();
    void tabAndCtrlSpaceCompleteInsideAnExistingTag();
    void escapeClosesCompletion();
    void completionModel();
    void highlighterDistinguishesKeysTagsAndComments();
};

void TestPromptTextEdit::diagnosticsAreUnderlinedWithTooltips()
{
    PromptTextEdit edit;
    edit.setPlainText(QStringLiteral("key: a\nsystem: |\n  Hi {{custmer}} there\n"));
    showEditor(edit);
    const PromptDiagnostic warning{PromptDiagnostic::Severity::Warning,
                                   3,
                                   6,
                                   11,
                                   QStringLiteral("near-miss"),
                                   QStringLiteral("Unknown variable 'custmer' — did you mean 'customer'?")};
    const PromptDiagnostic error{PromptDiagnostic::Severity::Error, 1, 1, 3, QStringLiteral("prompt"),
                                 QStringLiteral("key is wrong")};
    edit.setDiagnostics({warning, error});
    QCOMPARE(edit.diagnostics(), (QList<PromptDiagnostic>{warning, error}));
    QCOMPARE(edit.diagnosticsAt(3), QList<PromptDiagnostic>{warning});
    QVERIFY(edit.diagnosticsAt(2).isEmpty());

    // Wavy underlines over exactly the reported text, one colour per severity.
    QList<QTextEdit::ExtraSelection> underlines;
    for (const QTextEdit::ExtraSelection &selection : edit.extraSelections()) {
        if (selection.format.underlineStyle() == QTextCharFormat::WaveUnderline)
            underlines.append(selection);
    }
    QCOMPARE(underlines.size(), 2);
    const QList<QTextEdit::ExtraSelection> selections = edit.extraSelections();
    const auto currentLine =
        std::count_if(selections.cbegin(), selections.cend(), [](const QTextEdit::ExtraSelection &selection) {
            return selection.format.property(QTextFormat::FullWidthSelection).toBool();
        });
    QCOMPARE(currentLine, 1);
    QCOMPARE(underlines.at(0).cursor.selectedText(), QStringLiteral("{{custmer}}"));
    QCOMPARE(underlines.at(1).cursor.selectedText(), QStringLiteral("key"));
    QVERIFY(underlines.at(0).format.underlineColor() != underlines.at(1).format.underlineColor());

    // Hovering the underline shows the message with its position; plain text shows nothing.
    const QString tip = edit.toolTipAt(viewportPointOf(edit, 3, 9));
    QVERIFY2(tip.contains(warning.message), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("line 3, column 6")), qPrintable(tip));
    QVERIFY(!tip.contains(error.message));
    QVERIFY(edit.toolTipAt(viewportPointOf(edit, 2, 3)).isEmpty());
    QVERIFY(edit.toolTipAt(QPoint(5, edit.viewport()->height() - 2)).isEmpty());  // below the text

    // The gutter marker on line 1 has the error's tooltip.
    const int y = viewportPointOf(edit, 1, 1).y();
    const QString gutterTip = edit.gutterToolTipAt(QPoint(4, y));
    QVERIFY2(gutterTip.contains(error.message), qPrintable(gutterTip));
    QVERIFY(gutterTip.contains(QStringLiteral("line 1, column 1")));
    QVERIFY(edit.gutterToolTipAt(QPoint(4, viewportPointOf(edit, 2, 1).y())).isEmpty());

    edit.setDiagnostics({});
    QVERIFY(edit.toolTipAt(viewportPointOf(edit, 3, 9)).isEmpty());
}

void TestPromptTextEdit::diagnosticsMoveWithTheirText()
{
    PromptTextEdit edit;
    edit.setPlainText(QStringLiteral("key: a\nsystem: Hi {{x}}\n"));
    const PromptDiagnostic warning{PromptDiagnostic::Severity::Warning, 2, 12, 5, QStringLiteral("undefined-variable"),
                                   QStringLiteral("x is undefined")};
    edit.setDiagnostics({warning});
    QTextCursor cursor(edit.document());
    cursor.insertText(QStringLiteral("# a comment\n"));  // one line above
    cursor.movePosition(QTextCursor::Down);
    cursor.movePosition(QTextCursor::NextWord);
    cursor.insertText(QStringLiteral("  "));  // two columns before it on its own line
    QCOMPARE(edit.diagnostics().size(), 1);
    QCOMPARE(edit.diagnostics().first().line, 3);
    QCOMPARE(edit.diagnostics().first().column, 14);
    QCOMPARE(edit.diagnostics().first().length, 5);
    QCOMPARE(edit.diagnosticsAt(3).size(), 1);
    QVERIFY(edit.diagnosticsAt(2).isEmpty());
}

void TestPromptTextEdit::diagnosticsOutsideTheTextAreClamped()
{
    PromptTextEdit edit;
    edit.setPlainText(QStringLiteral("key: a\nsystem: hi"));
    edit.setDiagnostics(
        {{PromptDiagnostic::Severity::Error, 99, 40, 3, QStringLiteral("yaml"), QStringLiteral("eof")}});
    QCOMPARE(edit.diagnostics().size(), 1);
    QCOMPARE(edit.diagnostics().first().line, 2);
    QCOMPARE(edit.diagnostics().first().column, 10);  // the last character of the last line stays underlined
}

void TestPromptTextEdit::gutterWidthGrowsWithLineCount()
{
    PromptTextEdit edit;
    showEditor(edit);
    edit.setPlainText(QStringLiteral("a\n").repeated(5));
    const int small = edit.lineNumberAreaWidth();
    QCOMPARE(edit.lineNumberArea()->width(), small);
    edit.setPlainText(QStringLiteral("a\n").repeated(150));
    const int medium = edit.lineNumberAreaWidth();
    edit.setPlainText(QStringLiteral("a\n").repeated(12000));
    const int large = edit.lineNumberAreaWidth();
    QVERIFY(small < medium);
    QVERIFY(medium < large);
    QCOMPARE(edit.lineNumberArea()->width(), large);
    QCOMPARE(edit.viewport()->geometry().left() - edit.contentsRect().left(), large);
}

void TestPromptTextEdit::tabInsertsSpaces()
{
    PromptTextEdit edit;
    showEditor(edit);
    QTest::keyClick(&edit, Qt::Key_Tab);
    QTest::keyClicks(&edit, QStringLiteral("a"));
    QTest::keyClick(&edit, Qt::Key_Tab);
    QCOMPARE(edit.toPlainText(), QStringLiteral("  a "));
}

void TestPromptTextEdit::typingBracesPopsCompletion()
{
    PromptTextEdit edit;
    edit.setCompletionVariables(sampleVariables());
    showEditor(edit);
    QAbstractItemView *popup = edit.completer()->popup();

    QTest::keyClicks(&edit, QStringLiteral("Hello {"));
    QVERIFY(!popup->isVisible());
    QTest::keyClicks(&edit, QStringLiteral("{"));
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(edit.completer()->completionCount(), 3);

    QTest::keyClicks(&edit, QStringLiteral("cust"));
    QVERIFY(popup->isVisible());
    QCOMPARE(edit.completer()->completionCount(), 1);
    QTest::keyClick(&edit, Qt::Key_Return);
    QVERIFY(!popup->isVisible());
    QCOMPARE(edit.toPlainText(), QStringLiteral("Hello {{customer_name}}"));
    QCOMPARE(edit.textCursor().position(), edit.toPlainText().size());

    // A section tag completes too; no name matches -> no popup.
    QTest::keyClicks(&edit, QStringLiteral(" {{#tick"));
    QTRY_VERIFY(popup->isVisible());
    QTest::keyClick(&edit, Qt::Key_Enter);
    QCOMPARE(edit.toPlainText(), QStringLiteral("Hello {{customer_name}} {{#ticket_id}}"));
    QTest::keyClicks(&edit, QStringLiteral(" {{zzz"));
    QVERIFY(!popup->isVisible());
}

void TestPromptTextEdit::tabAndCtrlSpaceCompleteInsideAnExistingTag()
{
    PromptTextEdit edit;
    edit.setCompletionVariables(sampleVariables());
    showEditor(edit);
    edit.setPlainText(QStringLiteral("Today {{curr}} ok"));
    QTextCursor cursor = edit.textCursor();
    cursor.setPosition(12);  // after "curr"
    edit.setTextCursor(cursor);
    QVERIFY(!edit.completer()->popup()->isVisible());
    QTest::keyClick(&edit, Qt::Key_Space, Qt::ControlModifier);
    QTRY_VERIFY(edit.completer()->popup()->isVisible());
    QCOMPARE(edit.completer()->completionCount(), 1);
    QTest::keyClick(&edit, Qt::Key_Tab);
    // The existing "}}" is reused, not doubled, and the cursor ends after it.
    QCOMPARE(edit.toPlainText(), QStringLiteral("Today {{current_date}} ok"));
    QCOMPARE(edit.textCursor().position(), 22);
}

void TestPromptTextEdit::escapeClosesCompletion()
{
    PromptTextEdit edit;
    edit.setCompletionVariables(sampleVariables());
    showEditor(edit);
    QTest::keyClicks(&edit, QStringLiteral("{{"));
    QTRY_VERIFY(edit.completer()->popup()->isVisible());
    QTest::keyClick(&edit, Qt::Key_Escape);
    QVERIFY(!edit.completer()->popup()->isVisible());
    QTest::keyClicks(&edit, QStringLiteral("x"));  // typing on does not reopen it
    QVERIFY(!edit.completer()->popup()->isVisible());
    QCOMPARE(edit.toPlainText(), QStringLiteral("{{x"));
}

void TestPromptTextEdit::completionModel()
{
    using Origin = CompletionVariable::Origin;
    PromptCompletionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<CompletionVariable> variables = sampleVariables();
    variables.append({QStringLiteral("customer_name"), QStringLiteral("from elsewhere"), Origin::OtherPrompt});
    variables.append({QStringLiteral("alpha"), QString(), Origin::Declared});
    model.setVariables(variables);
    QCOMPARE(model.rowCount(), 4);  // the duplicate is listed once, as declared
    QCOMPARE(model.index(0).data(Qt::EditRole).toString(), QStringLiteral("alpha"));
    QCOMPARE(model.index(1).data(Qt::EditRole).toString(), QStringLiteral("customer_name"));
    QCOMPARE(model.index(1).data(PromptCompletionModel::DescriptionRole).toString(), QStringLiteral("Who wrote in"));
    QCOMPARE(model.index(2).data(PromptCompletionModel::OriginRole).toInt(), int(Origin::System));
    const QString display = model.index(2).data(Qt::DisplayRole).toString();
    QVERIFY2(display.contains(QStringLiteral("current_date")) && display.contains(QStringLiteral("system variable")) &&
                 display.contains(QStringLiteral("Today's date")),
             qPrintable(display));
    QCOMPARE(model.index(3).data(Qt::EditRole).toString(), QStringLiteral("ticket_id"));
    // The same list again (as after every pause in typing) leaves the model alone; a changed one resets it.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setVariables(variables);
    QCOMPARE(resets.count(), 0);
    variables.append({QStringLiteral("beta"), QString(), Origin::Declared});
    model.setVariables(variables);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.index(1).data(Qt::EditRole).toString(), QStringLiteral("beta"));
    model.setVariables({});
    QCOMPARE(model.rowCount(), 0);
}

void TestPromptTextEdit::highlighterDistinguishesKeysTagsAndComments()
{
    PromptTextEdit edit;
    edit.setPlainText(QStringLiteral("key: a  # owner\n"
                                     "system: |\n"
                                     "  Question: {{question}} {{#items}}x{{/items}} {{! note }} {{{raw}}} {{>part}}\n"
                                     "user: \"Hi {{name}}\"\n"
                                     "temperature: 0.3\n"));
    const QTextDocument *doc = edit.document();
    const QTextBlock first = doc->findBlockByNumber(0);
    const QTextBlock content = doc->findBlockByNumber(2);
    const QTextBlock user = doc->findBlockByNumber(3);
    const QString contentText = content.text();

    const QTextCharFormat key = formatAt(first, 0);
    const QTextCharFormat comment = formatAt(first, 8);
    const QTextCharFormat variable = formatAt(content, int(contentText.indexOf(QStringLiteral("{{question"))) + 3);
    const QTextCharFormat section = formatAt(content, int(contentText.indexOf(QStringLiteral("{{#items"))));
    const QTextCharFormat close = formatAt(content, int(contentText.indexOf(QStringLiteral("{{/items"))));
    const QTextCharFormat tagComment = formatAt(content, int(contentText.indexOf(QStringLiteral("{{!"))) + 4);
    const QTextCharFormat raw = formatAt(content, int(contentText.indexOf(QStringLiteral("{{{"))));
    const QTextCharFormat partial = formatAt(content, int(contentText.indexOf(QStringLiteral("{{>"))));

    const PromptSyntaxHighlighter *highlighter = edit.highlighter();
    using Role = PromptSyntaxHighlighter::Role;
    QCOMPARE(key.foreground(), highlighter->format(Role::Key).foreground());
    QCOMPARE(comment.foreground(), highlighter->format(Role::Comment).foreground());
    QCOMPARE(variable.foreground(), highlighter->format(Role::Variable).foreground());
    QCOMPARE(section.foreground(), highlighter->format(Role::Section).foreground());
    QCOMPARE(close.foreground(), highlighter->format(Role::Section).foreground());
    QCOMPARE(tagComment.foreground(), highlighter->format(Role::TagComment).foreground());
    QCOMPARE(raw.foreground(), highlighter->format(Role::RawVariable).foreground());
    QCOMPARE(partial.foreground(), highlighter->format(Role::Partial).foreground());
    QVERIFY(key.foreground() != variable.foreground());
    QVERIFY(key.foreground() != comment.foreground());
    QVERIFY(variable.foreground() != comment.foreground());
    QVERIFY(variable.foreground() != section.foreground());
    QVERIFY(raw.foreground() != variable.foreground());
    QVERIFY(comment.fontItalic());

    // "Question:" inside the block scalar is template text, not a key; "|" is a block indicator.
    QVERIFY(formatAt(content, 3).foreground() != key.foreground());
    QCOMPARE(formatAt(doc->findBlockByNumber(1), 8).foreground(),
             highlighter->format(Role::BlockIndicator).foreground());
    // A tag inside a quoted value is a tag; the rest of the value is a string; the key after the block is a key.
    QCOMPARE(formatAt(user, 0).foreground(), key.foreground());
    QCOMPARE(formatAt(user, 7).foreground(), highlighter->format(Role::String).foreground());
    QCOMPARE(formatAt(user, 11).foreground(), variable.foreground());
    QCOMPARE(formatAt(doc->findBlockByNumber(4), 13).foreground(), highlighter->format(Role::Scalar).foreground());
    QVERIFY(highlighter->format(Role::Scalar).foreground() != highlighter->format(Role::String).foreground());

    // Dark palettes get their own, lighter colours.
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    const QColor lightKey = highlighter->format(Role::Key).foreground().color();
    edit.setPalette(dark);
    const QColor darkKey = edit.highlighter()->format(Role::Key).foreground().color();
    QVERIFY(darkKey.lightness() > lightKey.lightness());
    QCOMPARE(formatAt(doc->findBlockByNumber(0), 0).foreground().color(), darkKey);
}

QTEST_MAIN(TestPromptTextEdit)
#include "tst_prompttextedit.moc"
