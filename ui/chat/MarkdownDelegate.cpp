#include "ui/chat/MarkdownDelegate.h"

#include "ui/chat/TranscriptModel.h"

#include <QAbstractItemModel>
#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>

namespace Switchyard {

namespace {

constexpr int Margin = 8;
constexpr int CacheSize = 256;

}  // namespace

struct MarkdownDelegate::Cached {
    QTextDocument document;
    int width = -1;
};

MarkdownDelegate::MarkdownDelegate(QObject *parent) : QStyledItemDelegate(parent), m_documents(CacheSize) {}

MarkdownDelegate::~MarkdownDelegate() = default;

void MarkdownDelegate::watch(QAbstractItemModel *model)
{
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &first, const QModelIndex &last) {
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
    for (int row = first; row <= last; ++row) {
        m_documents.remove(row);
        m_heights.remove(row);
    }
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
    Cached *cached = m_documents.object(index.row());
    if (!cached) {
        cached = new Cached;
        const QString text = index.data(Qt::DisplayRole).toString();
        // A streaming answer changes many times a second: plain text lays out faster than Markdown, and the Markdown
        // is applied once the answer is complete.
        if (index.data(TranscriptModel::StreamingRole).toBool())
            cached->document.setPlainText(text);
        else
            cached->document.setMarkdown(text);
        cached->document.setDocumentMargin(0);
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
        height += option.fontMetrics.height() + Margin / 2;
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
    if (!summary.isEmpty()) {
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.9);
        painter->setFont(small);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(QPointF(0, doc->size().height() + Margin / 2 + option.fontMetrics.ascent()), summary);
    }
    painter->restore();
}

}  // namespace Switchyard
