#pragma once

#include "core/model/CallRecord.h"

#include <QAbstractListModel>
#include <QList>
#include <QStringList>
#include <optional>

namespace Switchyard {

/// One message of a chat transcript.
struct TranscriptEntry {
    enum class Role {
        User,
        Assistant,
        Notice,  ///< a refusal or error shown inline (nothing was sent, or the call failed)
    };
    Role role = Role::User;
    QString text;
    bool streaming = false;
    std::optional<CallRecord> call;  ///< an answer's engine call, once it finished
    QString system;                  ///< the rendered system prompt the answer was asked with
    QStringList restarts;            ///< why the stream restarted on another hop, in order
    int rating = 0;                  ///< feedback given in this session: +1, -1 or 0
};

/// The messages of one conversation column, for a virtualised QListView. Text grows through appendText() while an
/// answer streams; every change emits dataChanged() for that row only, so a view re-lays out just that row.
class TranscriptModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum DataRole {
        RoleRole = Qt::UserRole + 1,  ///< TranscriptEntry::Role as int
        StreamingRole,                ///< bool
        SummaryRole,                  ///< one line under an answer: served by, tokens, cost, latency
        CallUuidRole,                 ///< the answer's call uuid; empty until it finished
        RatingRole,                   ///< feedback given: +1, -1 or 0; invalid for a row that takes no feedback
        GoodRatingAllowedRole,        ///< bool: thumbs up applies (the call succeeded); thumbs down applies to any call
    };

    explicit TranscriptModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    const TranscriptEntry &entry(int row) const { return m_entries.at(row); }
    /// Appends @p entry and returns its row.
    int append(TranscriptEntry entry);
    void appendText(int row, const QString &text);
    /// The stream restarted on another hop: the text so far is discarded, the reason kept for the details.
    void restart(int row, const QString &reason);
    /// Ends streaming of @p row with its call record; a failed call's text becomes its error when nothing streamed.
    void finish(int row, const CallRecord &call, const QString &system);
    void setRating(int row, int rating);
    /// Whether @p rating (+1 or -1) can be given to @p row: a finished answer with a call; +1 only when it succeeded.
    bool acceptsRating(int row, int rating) const;
    /// Drops @p row and every row after it (edit & resend, regenerate).
    void truncate(int row);
    void clear();
    /// The last row with @p role, or -1.
    int lastRow(TranscriptEntry::Role role) const;

    /// "sim-smart via simulator · 12 in / 40 out tokens · $0.000012 · 1.2 s (first token 150 ms)".
    static QString summary(const CallRecord &call);

private:
    /// Emits dataChanged() for @p row; @p roles empty means everything (the text) changed.
    void changed(int row, const QList<int> &roles = {});

    QList<TranscriptEntry> m_entries;
};

}  // namespace Switchyard
