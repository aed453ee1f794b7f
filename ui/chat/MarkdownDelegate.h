#pragma once

#include <QCache>
#include <QHash>
#include <QStyledItemDelegate>

class QAbstractItemModel;
class QTextDocument;

namespace Switchyard {

/// Paints a TranscriptModel row as Markdown (QTextDocument::setMarkdown) with the answer's summary line under it.
///
/// Laid-out documents are cached per row and rebuilt only when that row's data changes or the width does, so a
/// streaming answer re-lays out one row, never the transcript. The document cache is bounded: a 1,000-message
/// session keeps the documents of the rows recently painted, not one per message. Row heights are cached apart (a
/// few bytes each, for every row) because QListView asks every row's size hint whenever one row's size changes.
class MarkdownDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit MarkdownDelegate(QObject *parent = nullptr);
    ~MarkdownDelegate() override;

    /// Follows @p model's changes to drop only the rows that changed.
    void watch(QAbstractItemModel *model);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// Number of documents currently cached (for tests and the benchmark).
    int cachedDocuments() const { return m_documents.count(); }

private:
    QTextDocument *document(const QModelIndex &index, int width) const;
    void invalidate(int first, int last);
    /// Drops everything cached for @p first and the rows after it (their row numbers now mean other messages).
    void invalidateFrom(int first);

    struct Cached;
    mutable QCache<int, Cached> m_documents;
    struct Height {
        int width = -1;
        int height = 0;
    };
    mutable QHash<int, Height> m_heights;
};

}  // namespace Switchyard
