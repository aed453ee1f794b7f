#pragma once

#include "core/common/Result.h"
#include "core/engine/ChatService.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QListView;
class QNetworkAccessManager;

namespace Switchyard {

class Database;
class MarkdownDelegate;
class SecretResolver;
class TranscriptModel;
class UsageRecorder;

/// One running conversation: a transcript view and the ChatService that streams its answers. The chat page shows
/// one column, or 2–4 side by side in compare mode.
///
/// Deltas are coalesced: text arriving faster than every CoalesceMs waits in a buffer and reaches the model in one
/// append, so a fast stream costs the UI thread one row re-layout per interval, not one per token.
class ChatColumn : public QWidget {
    Q_OBJECT

public:
    static constexpr int CoalesceMs = 20;

    ChatColumn(Database &database, QNetworkAccessManager *network, SecretResolver &secrets, UsageRecorder &recorder,
               QWidget *parent = nullptr);
    ~ChatColumn() override;

    ChatService &service() { return *m_service; }
    TranscriptModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    MarkdownDelegate *delegate() const { return m_delegate; }

    void setTitle(const QString &title);
    QString title() const;
    bool isBusy() const { return m_answerRow >= 0; }

    /// Shows @p message as the user's turn and starts @p prepared; a preparation error is shown inline instead and
    /// nothing is sent.
    void send(const QString &message, Result<PreparedChat> prepared);
    void stop();

    /// Thumbs up (+1) or down (-1) on the answer in @p row, keeping the comment already stored for it: emits rated()
    /// when the row takes that rating (a finished answer; thumbs up only on a success), else does nothing.
    void rate(int row, int rating);
    /// Asks for a comment and a vote on the answer in @p row (a window-modal dialog); emits commented() when given.
    void askComment(int row);

Q_SIGNALS:
    void busyChanged(bool busy);
    /// The answer in @p row finished (ok, failed or cancelled); its record is in the model.
    void answerFinished(int row);
    /// Feedback on the answer in @p row from the transcript: store @p rating, keeping the stored comment.
    void rated(int row, int rating);
    /// Feedback on the answer in @p row from the transcript: store @p rating with @p comment.
    void commented(int row, int rating, const QString &comment);

private:
    void onDelta(const QString &text);
    void onRestarted(const QString &reason);
    void onFinished();
    void flushPending();
    void scrollToEndIfFollowing();

    std::unique_ptr<ChatService> m_service;
    TranscriptModel *m_model;
    QListView *m_view;
    MarkdownDelegate *m_delegate;
    QLabel *m_title;
    QTimer m_coalesce;
    QString m_pending;
    QString m_system;
    int m_answerRow = -1;
};

}  // namespace Switchyard
