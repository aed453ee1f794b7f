#pragma once

#include "core/prompts/CompletionVariable.h"
#include "core/prompts/PromptDiagnostic.h"

#include <QList>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTextCursor>
#include <optional>

class QCompleter;

namespace Switchyard {

class PromptCompletionModel;
class PromptSyntaxHighlighter;

/**
 * The prompt file editor: a QPlainTextEdit with YAML/Mustache highlighting, line numbers, diagnostic markers and
 * completion of variable names inside `{{ }}`.
 *
 * The widget never lints: its owner runs PromptLinter after a pause in typing and calls setDiagnostics(). Each
 * diagnostic is anchored to its text with a QTextCursor, so when the user types above it the marker moves with the
 * text (and diagnostics() reports the moved position) until the next setDiagnostics() replaces them all. After
 * setPlainText() the old markers collapse to the start of the text: set the new text's diagnostics.
 *
 * On a keystroke the widget only re-highlights the changed line (and following lines whose block-scalar state
 * changed) and, inside a tag, filters the completion list. The highlighter belongs to the document the editor was
 * created with; after setDocument() call highlighter()->setDocument() too.
 */
class PromptTextEdit : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit PromptTextEdit(QWidget *parent = nullptr);
    ~PromptTextEdit() override;

    /// Shows @p document (owned elsewhere, e.g. by an editor document with its own undo) with this editor's
    /// highlighting; the markers of the previous document are dropped. Use instead of QPlainTextEdit::setDocument().
    void setTextDocument(QTextDocument *document);

    /// Replaces all markers. Positions outside the text are clamped to it.
    void setDiagnostics(const QList<PromptDiagnostic> &diagnostics);
    /// The current markers, with line and column where their text is now.
    QList<PromptDiagnostic> diagnostics() const;
    /// The markers on 1-based @p line.
    QList<PromptDiagnostic> diagnosticsAt(int line) const;
    /// The tooltip shown at @p viewportPos (viewport coordinates): the messages of the markers under it, each with
    /// "line L, column C"; empty when there is none.
    QString toolTipAt(const QPoint &viewportPos) const;
    /// The tooltip of the gutter at @p gutterPos (coordinates of lineNumberArea()): the messages on that line.
    QString gutterToolTipAt(const QPoint &gutterPos) const;

    /// The names offered inside `{{ }}`.
    void setCompletionVariables(const QList<CompletionVariable> &variables);
    QCompleter *completer() const { return m_completer; }
    PromptCompletionModel *completionModel() const { return m_completionModel; }

    PromptSyntaxHighlighter *highlighter() const;
    QWidget *lineNumberArea() const { return m_lineNumberArea; }
    /// Width of the line-number gutter for the current line count.
    int lineNumberAreaWidth() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    friend class PromptLineNumberArea;

    struct Marker {
        PromptDiagnostic diagnostic;
        QTextCursor cursor;  ///< selects the underlined text; moves with edits
    };

    void paintLineNumbers(QPaintEvent *event);
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect &rect, int dy);
    void updateExtraSelections();
    PromptDiagnostic current(const Marker &marker) const;
    QString describe(const QList<PromptDiagnostic> &diagnostics) const;
    /// The name typed so far when the cursor is inside an open `{{` tag on its line, else nothing.
    std::optional<QString> tagPrefix() const;
    void showCompletion(const QString &prefix);
    void insertCompletion(const QString &name);
    void insertIndent();

    QWidget *m_lineNumberArea = nullptr;
    /// Belongs to the shown document (QSyntaxHighlighter's parent), which may go first: hence a guarded pointer.
    QPointer<PromptSyntaxHighlighter> m_highlighter;
    PromptCompletionModel *m_completionModel = nullptr;
    QCompleter *m_completer = nullptr;
    QList<Marker> m_markers;
};

}  // namespace Switchyard
