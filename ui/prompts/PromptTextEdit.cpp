#include "ui/prompts/PromptTextEdit.h"

#include "ui/prompts/PromptCompletionModel.h"
#include "ui/prompts/PromptSyntaxHighlighter.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QCoreApplication>
#include <QFontDatabase>
#include <QHash>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>
#include <algorithm>

namespace Switchyard {

/// The gutter: line numbers and one marker per line with diagnostics. All drawing is done by the editor.
class PromptLineNumberArea : public QWidget {
public:
    explicit PromptLineNumberArea(PromptTextEdit *editor) : QWidget(editor), m_editor(editor)
    {
        setObjectName(QStringLiteral("promptLineNumbers"));
    }

    QSize sizeHint() const override { return {m_editor->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }

    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::ToolTip) {
            const auto *help = static_cast<QHelpEvent *>(event);
            const QString tip = m_editor->gutterToolTipAt(help->pos());
            if (tip.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(help->globalPos(), tip, this);
            return true;
        }
        return QWidget::event(event);
    }

private:
    PromptTextEdit *m_editor;
};

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor severityColour(PromptDiagnostic::Severity severity, const QPalette &palette)
{
    const bool dark = isDark(palette);
    if (severity == PromptDiagnostic::Severity::Error)
        return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd3, 0x2f, 0x2f);
    return dark ? QColor(0xff, 0xc1, 0x4d) : QColor(0xc7, 0x7c, 0x00);
}

bool isNameCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'.' || c == u'-';
}

constexpr int kIndentWidth = 2;  // YAML indentation in prompt files

}  // namespace

PromptTextEdit::PromptTextEdit(QWidget *parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("promptTextEdit"));
    m_lineNumberArea = new PromptLineNumberArea(this);
    m_highlighter = new PromptSyntaxHighlighter(document(), palette());
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);

    m_completionModel = new PromptCompletionModel(this);
    m_completer = new QCompleter(m_completionModel, this);
    m_completer->setObjectName(QStringLiteral("promptCompleter"));
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionRole(Qt::EditRole);
    m_completer->popup()->setObjectName(QStringLiteral("promptCompletionPopup"));
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &PromptTextEdit::insertCompletion);

    connect(this, &QPlainTextEdit::blockCountChanged, this, &PromptTextEdit::updateLineNumberAreaWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &PromptTextEdit::updateLineNumberArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &PromptTextEdit::updateExtraSelections);
    updateLineNumberAreaWidth();
    updateExtraSelections();
}

PromptTextEdit::~PromptTextEdit() = default;

PromptSyntaxHighlighter *PromptTextEdit::highlighter() const
{
    return m_highlighter.data();
}

void PromptTextEdit::setTextDocument(QTextDocument *document)
{
    setDiagnostics({});
    // setDocument() deletes the previous document when this editor owned it, and with it its highlighter.
    delete m_highlighter.data();
    setDocument(document);
    m_highlighter = new PromptSyntaxHighlighter(document, palette());
    updateLineNumberAreaWidth();
    updateExtraSelections();
}

int PromptTextEdit::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int lines = std::max(1, blockCount()); lines >= 10; lines /= 10)
        ++digits;
    const QFontMetrics metrics = fontMetrics();
    const int marker = metrics.height() / 2 + 6;  // room for the diagnostic dot left of the numbers
    return marker + metrics.horizontalAdvance(QLatin1Char('9')) * digits + 8;
}

void PromptTextEdit::updateLineNumberAreaWidth()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
    const QRect contents = contentsRect();
    m_lineNumberArea->setGeometry(contents.left(), contents.top(), lineNumberAreaWidth(), contents.height());
}

void PromptTextEdit::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy != 0)
        m_lineNumberArea->scroll(0, dy);
    else
        m_lineNumberArea->update(0, rect.y(), m_lineNumberArea->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateLineNumberAreaWidth();
}

void PromptTextEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect contents = contentsRect();
    m_lineNumberArea->setGeometry(contents.left(), contents.top(), lineNumberAreaWidth(), contents.height());
}

void PromptTextEdit::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumberArea);
    const QPalette palette = this->palette();
    painter.fillRect(event->rect(), palette.color(QPalette::AlternateBase));

    QHash<int, PromptDiagnostic::Severity> worst;  // block number -> most severe marker on it
    for (const Marker &marker : m_markers) {
        const int block = document()->findBlock(marker.cursor.selectionStart()).blockNumber();
        if (!worst.contains(block) || marker.diagnostic.severity == PromptDiagnostic::Severity::Error)
            worst.insert(block, marker.diagnostic.severity);
    }

    const QFontMetrics metrics = fontMetrics();
    const int currentBlock = textCursor().blockNumber();
    const int numberRight = m_lineNumberArea->width() - 4;
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int number = block.blockNumber();
            painter.setPen(palette.color(number == currentBlock ? QPalette::Text : QPalette::PlaceholderText));
            painter.drawText(0, top, numberRight, metrics.height(), Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(number + 1));
            if (const auto found = worst.constFind(number); found != worst.constEnd()) {
                const qreal size = metrics.height() / 2.0;
                painter.save();
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setPen(Qt::NoPen);
                painter.setBrush(severityColour(*found, palette));
                painter.drawEllipse(QRectF(3, top + (metrics.height() - size) / 2.0, size, size));
                painter.restore();
            }
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

void PromptTextEdit::setDiagnostics(const QList<PromptDiagnostic> &diagnostics)
{
    m_markers.clear();
    QTextDocument *doc = document();
    const int lastPosition = std::max(0, doc->characterCount() - 1);
    for (const PromptDiagnostic &diagnostic : diagnostics) {
        const QTextBlock block = doc->findBlockByNumber(std::clamp(diagnostic.line - 1, 0, doc->blockCount() - 1));
        const int blockEnd = block.position() + block.length() - 1;  // before the paragraph separator
        int start = std::min(block.position() + std::max(0, diagnostic.column - 1), blockEnd);
        int end = std::min(start + std::max(1, diagnostic.length), blockEnd);
        if (end <= start) {
            // At the end of a line: underline its last character so the marker stays visible.
            if (start > block.position())
                start = start - 1;
            end = std::min(start + 1, lastPosition);
        }
        QTextCursor cursor(doc);
        cursor.setPosition(start);
        cursor.setPosition(std::max(start, end), QTextCursor::KeepAnchor);
        m_markers.append(Marker{diagnostic, cursor});
    }
    updateExtraSelections();
    m_lineNumberArea->update();
}

PromptDiagnostic PromptTextEdit::current(const Marker &marker) const
{
    PromptDiagnostic diagnostic = marker.diagnostic;
    const int start = marker.cursor.selectionStart();
    const QTextBlock block = document()->findBlock(start);
    diagnostic.line = block.blockNumber() + 1;
    diagnostic.column = start - block.position() + 1;
    diagnostic.length = std::max(1, marker.cursor.selectionEnd() - start);
    return diagnostic;
}

QList<PromptDiagnostic> PromptTextEdit::diagnostics() const
{
    QList<PromptDiagnostic> out;
    out.reserve(m_markers.size());
    for (const Marker &marker : m_markers)
        out.append(current(marker));
    return out;
}

QList<PromptDiagnostic> PromptTextEdit::diagnosticsAt(int line) const
{
    QList<PromptDiagnostic> out;
    for (const Marker &marker : m_markers) {
        if (document()->findBlock(marker.cursor.selectionStart()).blockNumber() + 1 == line)
            out.append(current(marker));
    }
    return out;
}

QString PromptTextEdit::describe(const QList<PromptDiagnostic> &diagnostics) const
{
    QStringList parts;
    for (const PromptDiagnostic &diagnostic : diagnostics)
        parts.append(diagnostic.message + QLatin1Char('\n') +
                     tr("line %1, column %2").arg(diagnostic.line).arg(diagnostic.column));
    return parts.join(QStringLiteral("\n\n"));
}

QString PromptTextEdit::toolTipAt(const QPoint &viewportPos) const
{
    const QTextCursor cursor = cursorForPosition(viewportPos);
    const QRect line = cursorRect(cursor);
    if (viewportPos.y() < line.top() || viewportPos.y() > line.bottom())
        return {};  // below the last line
    const int position = cursor.position();
    QList<PromptDiagnostic> under;
    for (const Marker &marker : m_markers) {
        if (marker.cursor.selectionStart() <= position && position <= marker.cursor.selectionEnd())
            under.append(current(marker));
    }
    return describe(under);
}

QString PromptTextEdit::gutterToolTipAt(const QPoint &gutterPos) const
{
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= gutterPos.y()) {
        const int bottom = top + qRound(blockBoundingRect(block).height());
        if (gutterPos.y() < bottom)
            return describe(diagnosticsAt(block.blockNumber() + 1));
        block = block.next();
        top = bottom;
    }
    return {};
}

void PromptTextEdit::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    selections.reserve(m_markers.size() + 1);
    if (!isReadOnly()) {
        QTextEdit::ExtraSelection line;
        QColor background = palette().color(QPalette::Highlight);
        background.setAlpha(isDark(palette()) ? 60 : 28);
        line.format.setBackground(background);
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = textCursor();
        line.cursor.clearSelection();
        selections.append(line);
    }
    for (const Marker &marker : m_markers) {
        QTextEdit::ExtraSelection underline;
        underline.cursor = marker.cursor;
        underline.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        underline.format.setUnderlineColor(severityColour(marker.diagnostic.severity, palette()));
        selections.append(underline);
    }
    setExtraSelections(selections);
}

void PromptTextEdit::setCompletionVariables(const QList<CompletionVariable> &variables)
{
    m_completionModel->setVariables(variables);
}

std::optional<QString> PromptTextEdit::tagPrefix() const
{
    const QTextCursor cursor = textCursor();
    const QString text = cursor.block().text();
    const int position = cursor.positionInBlock();
    if (position < 2)
        return std::nullopt;
    const qsizetype open = text.lastIndexOf(QLatin1String("{{"), position - 2);
    if (open < 0)
        return std::nullopt;
    QStringView inside = QStringView(text).mid(open + 2, position - open - 2);
    if (inside.contains(u'}'))
        return std::nullopt;
    // One sigil ({{#name}}, {{^name}}, {{/name}}, {{&name}}, {{>name}}, {{{name}}}) and spaces may precede the name.
    if (!inside.isEmpty() && QStringView(u"#^/&>{<$").contains(inside.front()))
        inside = inside.mid(1);
    while (!inside.isEmpty() && inside.front() == u' ')
        inside = inside.mid(1);
    if (!std::all_of(inside.begin(), inside.end(), isNameCharacter))
        return std::nullopt;
    return inside.toString();
}

void PromptTextEdit::showCompletion(const QString &prefix)
{
    if (prefix != m_completer->completionPrefix())
        m_completer->setCompletionPrefix(prefix);
    QAbstractItemView *popup = m_completer->popup();
    if (m_completer->completionCount() == 0) {
        popup->hide();
        return;
    }
    QRect rect = cursorRect();
    rect.setWidth(
        std::min(viewport()->width(), popup->sizeHintForColumn(0) + popup->verticalScrollBar()->sizeHint().width()));
    m_completer->complete(rect);
    popup->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

void PromptTextEdit::insertCompletion(const QString &name)
{
    const std::optional<QString> typed = tagPrefix();
    QTextCursor cursor = textCursor();
    cursor.beginEditBlock();
    if (typed)
        cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(typed->size()));
    cursor.insertText(name);

    // Close the tag unless it already is: "}}}" after a "{{{" opening, else "}}".
    const QString text = cursor.block().text();
    const int position = cursor.positionInBlock();
    const qsizetype open = text.lastIndexOf(QLatin1String("{{"), position - 1);
    const bool raw = open > 0 && text.at(open - 1) == u'{';
    const QString closing = raw ? QStringLiteral("}}}") : QStringLiteral("}}");
    qsizetype after = position;
    while (after < text.size() && text.at(after) == u' ')
        ++after;
    if (QStringView(text).mid(after).startsWith(closing))
        cursor.setPosition(cursor.block().position() + int(after + closing.size()));
    else
        cursor.insertText(closing);
    cursor.endEditBlock();
    setTextCursor(cursor);
}

void PromptTextEdit::insertIndent()
{
    QTextCursor cursor = textCursor();
    const int spaces = kIndentWidth - cursor.positionInBlock() % kIndentWidth;
    cursor.insertText(QString(spaces, QLatin1Char(' ')));
    setTextCursor(cursor);
}

void PromptTextEdit::keyPressEvent(QKeyEvent *event)
{
    QAbstractItemView *popup = m_completer->popup();
    const bool popupVisible = popup->isVisible();
    if (popupVisible) {
        // The popup normally sees keys first and passes them here; handling the choice here also works when keys
        // are sent straight to the editor (tests, input methods).
        switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab: {
            const QModelIndex index = popup->currentIndex();
            const QString name = index.isValid() ? index.data(Qt::EditRole).toString() : QString();
            popup->hide();
            if (!name.isEmpty())
                insertCompletion(name);
            event->accept();
            return;
        }
        case Qt::Key_Escape:
            popup->hide();
            event->accept();
            return;
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            QCoreApplication::sendEvent(popup, event);
            return;
        default:
            break;
        }
    }

    const bool ctrlSpace = event->key() == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier);
    if (!ctrlSpace) {
        if (event->key() == Qt::Key_Tab && !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier)) &&
            !textCursor().hasSelection()) {
            insertIndent();
            return;
        }
        QPlainTextEdit::keyPressEvent(event);
        if (event->text().isEmpty() && !popupVisible)
            return;  // navigation and modifiers: nothing to complete
    }

    const std::optional<QString> prefix = tagPrefix();
    if (!prefix) {
        popup->hide();
        return;
    }
    const QTextCursor cursor = textCursor();
    const bool opened = cursor.block().text().left(cursor.positionInBlock()).endsWith(QLatin1String("{{"));
    if (ctrlSpace || opened || popupVisible)
        showCompletion(*prefix);
}

bool PromptTextEdit::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = toolTipAt(help->pos());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, viewport());
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void PromptTextEdit::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (!m_highlighter)
        return;  // still constructing
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
        updateExtraSelections();
    } else if (event->type() == QEvent::FontChange) {
        setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * kIndentWidth);
        updateLineNumberAreaWidth();
    }
}

}  // namespace Switchyard
