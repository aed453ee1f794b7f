#include "ui/prompts/DiffPane.h"

#include <QFontDatabase>
#include <QPainter>
#include <QTextBlock>

namespace Switchyard {

namespace {

/// The line-number gutter; painting is the pane's business.
class Gutter : public QWidget {
public:
    explicit Gutter(DiffPane *pane) : QWidget(pane), m_pane(pane) {}
    QSize sizeHint() const override { return {m_pane->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_pane->paintGutter(event); }

private:
    DiffPane *m_pane;
};

QColor mix(const QColor &base, const QColor &accent, qreal amount)
{
    return QColor::fromRgbF(float(base.redF() + (accent.redF() - base.redF()) * amount),
                            float(base.greenF() + (accent.greenF() - base.greenF()) * amount),
                            float(base.blueF() + (accent.blueF() - base.blueF()) * amount));
}

}  // namespace

DiffPane::DiffPane(Side side, QWidget *parent) : QPlainTextEdit(parent), m_side(side), m_gutter(new Gutter(this))
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &DiffPane::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &DiffPane::updateGutter);
    updateGutterWidth();
}

QColor DiffPane::background(DiffRow::Kind kind, bool filler) const
{
    const QColor base = palette().color(QPalette::Base);
    const bool dark = base.lightness() < 128;
    if (filler)
        return mix(base, palette().color(QPalette::Text), dark ? 0.08 : 0.05);
    switch (kind) {
    case DiffRow::Kind::Equal:
        return {};
    case DiffRow::Kind::Removed:
        return mix(base, QColor(220, 50, 47), dark ? 0.35 : 0.2);
    case DiffRow::Kind::Added:
        return mix(base, QColor(40, 170, 70), dark ? 0.35 : 0.2);
    case DiffRow::Kind::Changed:
        return m_side == Side::Left ? background(DiffRow::Kind::Removed, false)
                                    : background(DiffRow::Kind::Added, false);
    }
    return {};
}

void DiffPane::setRows(const QList<DiffRow> &rows)
{
    m_rows = rows;
    const bool left = m_side == Side::Left;
    const QColor accent = left ? QColor(220, 50, 47) : QColor(40, 170, 70);
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    QTextCharFormat plain;
    QTextCharFormat strong;
    strong.setBackground(mix(palette().color(QPalette::Base), accent, dark ? 0.6 : 0.4));

    QTextDocument *doc = document();
    doc->clear();
    QTextCursor cursor(doc);
    cursor.beginEditBlock();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const DiffRow &row = rows.at(i);
        const int line = left ? row.leftLine : row.rightLine;
        const bool filler = line == 0;
        QTextBlockFormat format;
        format.setProperty(KindProperty, int(row.kind));
        if (const QColor color = background(row.kind, filler); color.isValid())
            format.setBackground(color);
        if (i == 0)
            cursor.setBlockFormat(format);
        else
            cursor.insertBlock(format, plain);
        cursor.block().setUserState(filler ? -1 : line);
        if (filler)
            continue;
        const QString &text = left ? row.leftText : row.rightText;
        if (row.kind == DiffRow::Kind::Changed) {
            // The part that differs within a changed line stands out more than the line.
            const auto ranges = LineDiff::changedRanges(row.leftText, row.rightText);
            const DiffRange range = left ? ranges.first : ranges.second;
            cursor.insertText(text.left(range.start), plain);
            cursor.insertText(text.mid(range.start, range.length), strong);
            cursor.insertText(text.mid(range.start + range.length), plain);
        } else {
            cursor.insertText(text, plain);
        }
    }
    cursor.endEditBlock();
    updateGutterWidth();
    m_gutter->update();
}

int DiffPane::gutterWidth() const
{
    int largest = 1;
    for (const DiffRow &row : m_rows)
        largest = std::max(largest, m_side == Side::Left ? row.leftLine : row.rightLine);
    const int digits = int(QString::number(largest).size());
    return 8 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void DiffPane::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), palette().color(QPalette::Window));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.setFont(font());
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int width = m_gutter->width() - 4;
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top() && block.userState() > 0) {
            painter.drawText(0, top, width, fontMetrics().height(), Qt::AlignRight, QString::number(block.userState()));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

void DiffPane::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateGutterWidth();
}

void DiffPane::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    // A theme switch: the tints are derived from the palette, so rebuild them.
    if (event->type() == QEvent::PaletteChange && !m_rows.isEmpty())
        setRows(QList<DiffRow>(m_rows));
}

void DiffPane::updateGutterWidth()
{
    const int width = gutterWidth();
    setViewportMargins(width, 0, 0, 0);
    const QRect contents = contentsRect();
    m_gutter->setGeometry(QRect(contents.left(), contents.top(), width, contents.height()));
}

void DiffPane::updateGutter(const QRect &rect, int dy)
{
    if (dy != 0)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

}  // namespace Switchyard
