#pragma once

#include "core/common/Result.h"
#include "core/model/CallRecord.h"
#include "core/model/ChatSession.h"
#include "core/store/DatabaseWorker.h"

#include <QDialog>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace Switchyard {

class AttemptsTableModel;
class Database;
struct CallDetail;

/// One recorded call: what was asked and what answered, its status, tokens, cost and timings, every attempt of its
/// path (hop, retry, outcome, HTTP status, error class), the rendered system prompt and messages it sent (when they
/// were recorded), the prompt version it used and the conversation it answered when it was a chat call.
/// "Open in Chat Tester" hands the call to the chat page (through CallNavigator when opened with openFor()).
class CallDetailDialog : public QDialog {
    Q_OBJECT

public:
    explicit CallDetailDialog(Database &database, QWidget *parent = nullptr);

    /// Opens (window-modal, deleted on close) a dialog showing call @p callId over @p parent, as the activity log and
    /// the dashboards' drill-down do on a double-click; nullptr when @p callId is not a call id (<= 0). Its "Open in
    /// Chat Tester" request goes to CallNavigator::instance().
    static CallDetailDialog *openFor(Database &database, qint64 callId, QWidget *parent);

    /// Reads call @p callId on the dialog's worker (showing that it is reading) and shows it; callShown() follows.
    /// Asking for another call before the answer drops the earlier one.
    void showCall(qint64 callId);
    /// True from showCall() until its call is shown.
    bool isLoading() const;

    const CallRecord &call() const { return m_call; }
    AttemptsTableModel *attemptsModel() const { return m_attemptsModel; }
    QPushButton *openInChatButton() const { return m_openInChat; }

Q_SIGNALS:
    /// The user asked to continue call @p callId in the chat tester (the dialog closes).
    void openInChatRequested(qint64 callId);
    /// The call asked for last is shown; @p ok is false when it could not be read (the reason is in the dialog).
    void callShown(bool ok);

private:
    bool showDetail(qint64 callId, const Result<CallDetail> &detail);
    void showSent();
    void showPrompt(const Result<QString> &promptTemplate);
    void showConversation(qint64 callId, const Result<QList<SessionMessage>> &messages);
    void setField(const QString &objectName, const QString &label, const QString &value);

    Database &m_database;
    CallRecord m_call;
    QFormLayout *m_form = nullptr;
    QLabel *m_error = nullptr;
    AttemptsTableModel *m_attemptsModel = nullptr;
    QTableView *m_attemptsView = nullptr;
    QPlainTextEdit *m_prompt = nullptr;
    QPlainTextEdit *m_sentSystem = nullptr;
    QPlainTextEdit *m_sentMessages = nullptr;
    QPlainTextEdit *m_conversation = nullptr;
    QPushButton *m_openInChat = nullptr;
    QLabel *m_loading = nullptr;
    DatabaseWorker *m_worker = nullptr;  ///< created with the first call shown
    LatestRequest m_requests;
    qint64 m_callId = 0;
};

}  // namespace Switchyard
