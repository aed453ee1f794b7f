#pragma once

#include "ui/chat/AnswerFeedbackButtons.h"

#include <QCache>
#include <QHash>
#include <QStyledItemDelegate>

class QAbstractItemModel;
class QTextDocument;

namespace Switchyard {

/// Paints a TranscriptModel row as Markdown (QTextDocument::setMarkdown) with the answer's summary line under it, and
/// on a finished answer's summary line its feedback buttons (AnswerFeedbackButtons).
///
/// Laid-out documents are cached per row and rebuilt only when that row's text changes or the width does, so a
/// streaming answer re-lays out one row, never the transcript; text appended to a streaming answer is added to its
/// document, so only the last paragraph is laid out again. The document cache is bounded: a 1,000-message session
/// keeps the documents of the rows recently painted, not one per message. Row heights are cached apart (a few bytes
/// each, for every row) because QListView asks every row's size hint whenever one row's size changes.
class MarkdownDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit MarkdownDelegate(QObject *parent = nullptr);
    ~MarkdownDelegate() override;

    /// Follows @p model's changes to drop only the rows that changed.
    void watch(QAbstractItemModel *model);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    /// Number of documents currently cached (for tests and the benchmark).
    int cachedDocuments() const { return m_documents.count(); }
    /// Where @p button of @p index's row is, in viewport coordinates of @p view (for tests: a click at the real spot).
    QRect buttonRect(const QAbstractItemView *view, const QModelIndex &index,
                     AnswerFeedbackButtons::Button button) const;

Q_SIGNALS:
    /// A feedback button of @p index's row was clicked.
    void feedbackButtonClicked(const QModelIndex &index, AnswerFeedbackButtons::Button button);

private:
    struct Cached;
    /// @p index's row laid out at @p width (its document, rebuilt or extended when its text changed).
    Cached *cached(const QModelIndex &index, int width) const;
    QTextDocument *document(const QModelIndex &index, int width) const;
    /// The feedback button under @p pos in a row painted in @p rowRect, or None when the row takes no feedback.
    AnswerFeedbackButtons::Button buttonAt(const QModelIndex &index, const QRect &rowRect, const QPoint &pos) const;
    /// Whether @p index's row, a streaming answer whose text changed, still has the height last given for it.
    bool keepsHeight(const QModelIndex &index) const;
    /// Drops everything cached for @p first and the rows after it (their row numbers now mean other messages).
    void invalidateFrom(int first);

    mutable QCache<int, Cached> m_documents;
    struct Height {
        int width = -1;
        int height = 0;
        int chrome = 0;  ///< the part of height that is not the document: margins and the summary line
    };
    mutable QHash<int, Height> m_heights;
};

}  // namespace Switchyard
