#pragma once

#include "core/model/CallRecord.h"

#include <QDialog>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace Switchyard {

class AttemptsTableModel;
class Database;

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

    /// Reads and shows call @p callId; false (with the reason shown in the dialog) when it can not be read.
    bool showCall(qint64 callId);

    const CallRecord &call() const { return m_call; }
    AttemptsTableModel *attemptsModel() const { return m_attemptsModel; }
    QPushButton *openInChatButton() const { return m_openInChat; }

Q_SIGNALS:
    /// The user asked to continue call @p callId in the chat tester (the dialog closes).
    void openInChatRequested(qint64 callId);

private:
    void showSent();
    void showPrompt();
    void showConversation(qint64 callId);
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
    qint64 m_callId = 0;
};

}  // namespace Switchyard
