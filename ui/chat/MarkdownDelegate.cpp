#include "ui/chat/MarkdownDelegate.h"

#include "ui/chat/TranscriptModel.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolTip>

namespace Switchyard {

namespace {

constexpr int Margin = 8;
constexpr int CacheSize = 256;

bool hasFeedback(const QModelIndex &index)
{
    return index.data(TranscriptModel::RatingRole).isValid();
}

}  // namespace

struct MarkdownDelegate::Cached {
    QTextDocument document;
    QString text;           ///< what the document shows
    bool markdown = false;  ///< set as Markdown (a finished answer) or as plain text (one still streaming)
    int width = -1;
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
                invalidate(first.row(), last.row());
                for (int row = first.row(); row <= last.row(); ++row)
                    Q_EMIT sizeHintChanged(first.siblingAtRow(row));
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

void MarkdownDelegate::invalidate(int first, int last)
{
    // Documents stay: document() compares their text and, for a streaming answer, appends only what is new.
    for (int row = first; row <= last; ++row)
        m_heights.remove(row);
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
    const int textWidth = qMax(40, width - 2 * Margin);
    const QString text = index.data(Qt::DisplayRole).toString();
    // A streaming answer changes many times a second: plain text lays out faster than Markdown, and the Markdown is
    // applied once the answer is complete.
    const bool markdown = !index.data(TranscriptModel::StreamingRole).toBool();
    Cached *cached = m_documents.object(index.row());
    if (cached && cached->markdown == markdown && cached->text != text && !markdown && text.startsWith(cached->text)) {
        // More of a streaming answer: only its last paragraph is laid out again.
        QTextCursor end(&cached->document);
        end.movePosition(QTextCursor::End);
        end.insertText(text.mid(cached->text.size()));
        cached->text = text;
    } else if (!cached || cached->markdown != markdown || cached->text != text) {
        cached = new Cached;
        cached->document.setDocumentMargin(0);
        if (markdown)
            cached->document.setMarkdown(text);
        else
            cached->document.setPlainText(text);
        cached->text = text;
        cached->markdown = markdown;
        m_documents.insert(index.row(), cached);
    }
    if (cached->width != textWidth) {
        cached->document.setTextWidth(textWidth);
        cached->width = textWidth;
    }
    return &cached->document;
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
    int height = int(doc->size().height()) + 2 * Margin;
    if (!index.data(TranscriptModel::SummaryRole).toString().isEmpty())
        height += AnswerFeedbackButtons::lineHeight(option.fontMetrics) + Margin / 2;
    m_heights.insert(index.row(), Height{width, height});
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

    QTextDocument *doc = document(index, option.rect.width());
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
        painter->drawText(where, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(small).elidedText(summary, Qt::ElideRight, qMax(0, room)));
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
