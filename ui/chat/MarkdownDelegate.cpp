#include "ui/chat/MarkdownDelegate.h"

#include "ui/chat/TranscriptModel.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolTip>

namespace Switchyard {

namespace {

constexpr int Margin = 8;
constexpr int CacheSize = 256;

bool hasFeedback(const QModelIndex &index)
{
    return index.data(TranscriptModel::RatingRole).isValid();
}

/// Keeps the shaped glyphs of every paragraph of @p document from @p from on after layout. By default a block drops
/// them once laid out, so each paint shaped the text of every row in view again: the costliest part of a repaint.
void keepShapedText(QTextDocument &document, QTextBlock from)
{
    for (QTextBlock block = from.isValid() ? from : document.begin(); block.isValid(); block = block.next())
        block.layout()->setCacheEnabled(true);
}

}  // namespace

struct MarkdownDelegate::Cached {
    QTextDocument document;
    QString text;           ///< what the document shows
    bool markdown = false;  ///< set as Markdown (a finished answer) or as plain text (one still streaming)
    int width = -1;
    // The summary line as last painted: eliding lays the text out, and a streaming transcript repaints every row
    // in view several times a second.
    QString summary;
    int summaryRoom = -1;
    QString elidedSummary;
};

MarkdownDelegate::MarkdownDelegate(QObject *parent) : QStyledItemDelegate(parent), m_documents(CacheSize) {}

MarkdownDelegate::~MarkdownDelegate() = default;

void MarkdownDelegate::watch(QAbstractItemModel *model)
{
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &first, const QModelIndex &last, const QList<int> &roles) {
                // A rating changes the summary line only: the row keeps its document and its height.
                if (!roles.isEmpty() && !roles.contains(Qt::DisplayRole) &&
                    !roles.contains(TranscriptModel::StreamingRole))
                    return;
                for (int row = first.row(); row <= last.row(); ++row) {
                    const QModelIndex index = first.siblingAtRow(row);
                    // Most text streamed in fills the answer's last line: the row keeps its height, and the view
                    // repaints just that row. A new size makes the view lay out and repaint all rows in view.
                    if (keepsHeight(index))
                        continue;
                    m_heights.remove(row);
                    Q_EMIT sizeHintChanged(index);
                }
            });
    // Rows shift or vanish from @p first on: cached row numbers there no longer mean the same message. Appending (the
    // usual case) shifts nothing.
    connect(model, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first) { invalidateFrom(first); });
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first) { invalidateFrom(first); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_documents.clear();
        m_heights.clear();
    });
}

bool MarkdownDelegate::keepsHeight(const QModelIndex &index) const
{
    const auto known = m_heights.constFind(index.row());
    if (known == m_heights.cend() || !index.data(TranscriptModel::StreamingRole).toBool())
        return false;
    // The document follows the new text here (only its last paragraph is laid out again), as paint() would.
    return int(document(index, known->width)->size().height()) + known->chrome == known->height;
}

void MarkdownDelegate::invalidateFrom(int first)
{
    const QList<int> documents = m_documents.keys();
    for (int row : documents) {
        if (row >= first)
            m_documents.remove(row);
    }
    for (auto it = m_heights.begin(); it != m_heights.end();)
        it = it.key() >= first ? m_heights.erase(it) : std::next(it);
}

QTextDocument *MarkdownDelegate::document(const QModelIndex &index, int width) const
{
    return &cached(index, width)->document;
}

MarkdownDelegate::Cached *MarkdownDelegate::cached(const QModelIndex &index, int width) const
{
    const int textWidth = qMax(40, width - 2 * Margin);
    const QString text = index.data(Qt::DisplayRole).toString();
    // A streaming answer changes many times a second: plain text lays out faster than Markdown, and the Markdown is
    // applied once the answer is complete.
    const bool markdown = !index.data(TranscriptModel::StreamingRole).toBool();
    Cached *entry = m_documents.object(index.row());
    if (entry && entry->markdown == markdown && entry->text != text && !markdown && text.startsWith(entry->text)) {
        // More of a streaming answer: only its last paragraph is laid out again.
        QTextCursor end(&entry->document);
        end.movePosition(QTextCursor::End);
        const QTextBlock last = end.block();
        end.insertText(text.mid(entry->text.size()));
        keepShapedText(entry->document, last);
        entry->text = text;
    } else if (!entry || entry->markdown != markdown || entry->text != text) {
        entry = new Cached;
        entry->document.setDocumentMargin(0);
        if (markdown)
            entry->document.setMarkdown(text);
        else
            entry->document.setPlainText(text);
        keepShapedText(entry->document, {});
        entry->text = text;
        entry->markdown = markdown;
        m_documents.insert(index.row(), entry);
    }
    if (entry->width != textWidth) {
        entry->document.setTextWidth(textWidth);
        entry->width = textWidth;
    }
    return entry;
}

QSize MarkdownDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto known = m_heights.constFind(index.row());
    // QListView also asks without a rect (its scroll step, from row 0, after every layout): answer at the width the
    // row was last laid out at. A made-up width here laid row 0 out again twice per layout, and again when painted.
    int width = option.rect.width();
    if (width <= 0)
        width = known != m_heights.cend() ? known->width : 400;
    if (known != m_heights.cend() && known->width == width)
        return {width, known->height};
    QTextDocument *doc = document(index, width);
    int chrome = 2 * Margin;
    if (!index.data(TranscriptModel::SummaryRole).toString().isEmpty())
        chrome += AnswerFeedbackButtons::lineHeight(option.fontMetrics) + Margin / 2;
    const int height = int(doc->size().height()) + chrome;
    m_heights.insert(index.row(), Height{width, height, chrome});
    return {width, height};
}

void MarkdownDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    const auto role = TranscriptEntry::Role(index.data(TranscriptModel::RoleRole).toInt());
    const QPalette &palette = option.palette;
    QColor background = role == TranscriptEntry::Role::User     ? palette.color(QPalette::AlternateBase)
                        : role == TranscriptEntry::Role::Notice ? QColor(0xfb, 0xe9, 0xe7)
                                                                : palette.color(QPalette::Base);
    if (option.state & QStyle::State_Selected)
        background = palette.color(QPalette::Highlight).lighter(170);
    painter->fillRect(option.rect, background);

    Cached *row = cached(index, option.rect.width());
    QTextDocument *doc = &row->document;
    painter->translate(option.rect.left() + Margin, option.rect.top() + Margin);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = palette;
    context.clip = QRectF(0, 0, option.rect.width(), option.rect.height());
    doc->documentLayout()->draw(painter, context);

    const QString summary = index.data(TranscriptModel::SummaryRole).toString();
    const bool feedback = hasFeedback(index);
    if (!summary.isEmpty()) {
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.9);
        painter->setFont(small);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        const int line = AnswerFeedbackButtons::lineHeight(option.fontMetrics);
        const int room = option.rect.width() - 2 * Margin - (feedback ? AnswerFeedbackButtons::width() : 0);
        const QRectF where(0, doc->size().height() + Margin / 2, qMax(0, room), line);
        if (row->summary != summary || row->summaryRoom != room) {
            row->summary = summary;
            row->summaryRoom = room;
            row->elidedSummary = QFontMetrics(small).elidedText(summary, Qt::ElideRight, qMax(0, room));
        }
        painter->drawText(where, Qt::AlignLeft | Qt::AlignVCenter, row->elidedSummary);
    }
    painter->restore();
    if (feedback) {
        // All three buttons on the row under the mouse and on the current answer; elsewhere only the vote given.
        const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
        const bool active = (option.state & QStyle::State_MouseOver) || (view && view->currentIndex() == index);
        AnswerFeedbackButtons::paint(painter, option.rect, Margin, palette,
                                     index.data(TranscriptModel::RatingRole).toInt(), active,
                                     index.data(TranscriptModel::GoodRatingAllowedRole).toBool());
    }
}

AnswerFeedbackButtons::Button MarkdownDelegate::buttonAt(const QModelIndex &index, const QRect &rowRect,
                                                         const QPoint &pos) const
{
    if (!hasFeedback(index))
        return AnswerFeedbackButtons::Button::None;
    const auto button = AnswerFeedbackButtons::at(rowRect, Margin, pos);
    if (button == AnswerFeedbackButtons::Button::Good && !index.data(TranscriptModel::GoodRatingAllowedRole).toBool())
        return AnswerFeedbackButtons::Button::None;
    return button;
}

QRect MarkdownDelegate::buttonRect(const QAbstractItemView *view, const QModelIndex &index,
                                   AnswerFeedbackButtons::Button button) const
{
    return AnswerFeedbackButtons::rect(view->visualRect(index), Margin, button);
}

bool MarkdownDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                                   const QModelIndex &index)
{
    const bool release = event->type() == QEvent::MouseButtonRelease;
    if (release || event->type() == QEvent::MouseButtonDblClick) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const auto button = buttonAt(index, option.rect, mouse->position().toPoint());
        if (mouse->button() == Qt::LeftButton && button != AnswerFeedbackButtons::Button::None) {
            // A double click on a button is one press, not two.
            if (release)
                Q_EMIT feedbackButtonClicked(index, button);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool MarkdownDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                 const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip) {
        const auto button = buttonAt(index, option.rect, event->pos());
        if (button != AnswerFeedbackButtons::Button::None) {
            QToolTip::showText(event->globalPos(), AnswerFeedbackButtons::toolTip(button), view,
                               AnswerFeedbackButtons::rect(option.rect, Margin, button));
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

}  // namespace Switchyard
