#pragma once

#include "core/model/CallRecord.h"
#include "core/model/ChatSession.h"
#include "core/model/LlmConfig.h"
#include "core/model/PromptVersion.h"
#include "core/secrets/SecretResolver.h"
#include "core/templating/SystemVariables.h"

#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QSet>
#include <QThreadPool>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTabWidget;

namespace Switchyard {

class ChaosPanel;
class ChatService;

class AnswerDetailsPanel;
class ChatColumn;
class Database;
class SessionsPanel;
class Settings;
class UsageRecorder;
class VariablesPanel;

/// The chat tester: talk to a bot (its active config) or any one config and watch the answer stream in, with who
/// served it, every attempt of the path, tokens, cost and timing; or send the same message to 2–4 configs side by
/// side (compare mode). Every conversation is a session; in billed mode the user's wallet pays a locked price per
/// message. Answers take thumbs up / down feedback, stored per call.
class ChatPage : public QWidget {
    Q_OBJECT

public:
    /// Compare mode sends to the page's config and up to this many more.
    static constexpr int MaxCompared = 3;

    ChatPage(Database &database, Settings &settings, QWidget *parent = nullptr);
    ~ChatPage() override;

    /// Re-reads the bots and their configs (after a workspace change).
    void reload();

    QComboBox *botCombo() const { return m_bot; }
    /// "Active config" first (data -1), then every config of the bot (data: config id).
    QComboBox *configCombo() const { return m_config; }
    QCheckBox *compareCheck() const { return m_compare; }
    /// Configs to compare with: "—" (data -1) or a config of any bot (data: config id).
    const QList<QComboBox *> &compareCombos() const { return m_compareWith; }
    QLineEdit *userRefEdit() const { return m_userRef; }
    QCheckBox *billedCheck() const { return m_billed; }
    QPlainTextEdit *composer() const { return m_composer; }
    const QList<ChatColumn *> &columns() const { return m_columns; }
    AnswerDetailsPanel *details() const { return m_details; }
    VariablesPanel *variables() const { return m_variables; }
    SessionsPanel *sessions() const { return m_sessions; }
    /// Where the chaos controls (chat-core's ChaosPanel) go: an empty tab of the side panel.
    QWidget *chaosSlot() const { return m_chaosSlot; }
    /// The chaos controls for the first column's chain (nullptr before a config is chosen).
    ChaosPanel *chaosPanel() const { return m_chaos; }
    /// The session of the conversation in progress (single mode), once its first message was sent.
    const std::optional<ChatSession> &session() const { return m_session; }
    /// In compare mode, the session of each column (in column order), once the first message was sent.
    const QList<ChatSession> &comparisonSessions() const { return m_comparison; }
    /// The rows of column @p column whose answers were marked as the winner of their turn.
    QSet<int> winnerRows(int column) const { return m_winnerRows.value(column); }
    UsageRecorder &recorder() const { return *m_recorder; }
    /// Send, Stop, Regenerate, Edit & resend, New conversation, with their shortcuts.
    QList<QAction *> pageActions() const;

    /// Calls of this page in flight: one per busy column.
    int runningCalls() const;

    void send();
    void stop();
    /// Asks the last question again (its answer and anything after it leave the view).
    void regenerate();
    /// Puts the last question back into the composer and drops it and everything after it from the view.
    void editAndResend();
    /// Starts over: empty transcripts, a new session at the next message.
    void newConversation();
    /// Shows the stored session @p sessionId (its bot, user and messages) and continues it with the next message.
    /// A comparison reopens in compare mode with all its columns and winners. Each answer's call details (served by,
    /// attempts, tokens, cost, timing, the system prompt sent) are read from the call log on a worker thread and
    /// fill the details panel once there (storedCallsLoaded()).
    bool openSession(qint64 sessionId);

public Q_SLOTS:
    /// Opens call @p callId in the tester, reading it on a worker thread: when the call is an answer of a stored
    /// session, that session is reopened and the answer selected; otherwise a new conversation starts on the call's
    /// bot and config with the call's user message in the composer, not sent. callOpened() or a notice follows.
    void openCall(qint64 callId);

Q_SIGNALS:
    void statusMessage(const QString &message);
    /// Feedback for @p callUuid is in the database (or @p error says why not).
    void feedbackStored(const QString &callUuid);
    void feedbackFailed(const QString &error);
    /// A non-billed session got the answer of @p callUuid as a message.
    void answerStored(const QString &callUuid);
    /// How many calls of this page are streaming changed (the status bar's engine state).
    void runningCallsChanged(int running);
    /// The call details of a reopened conversation's answers are in its transcripts.
    void storedCallsLoaded();
    /// openCall() showed call @p callId.
    void callOpened(qint64 callId);

private:
    struct Target {
        qint64 configId = -1;  ///< -1 = the bot's active config
        QString title;
    };
    QList<Target> targets() const;
    void rebuildColumns();
    void fillConfigs();
    void updatePrompt();
    /// Points the chaos controls at the first column's service and the chosen config's chain.
    void updateChaosPanel();
    void updateBusy();
    void updateSessionLabel();
    void sendMessage(const QString &message);
    /// Creates the session of the conversation at its first message; an Error says why it could not start.
    Result<void> ensureSession(const QString &firstMessage);
    /// Compare mode: creates one session per column, sharing a compare group, at the first message.
    Result<void> ensureComparison(const QString &firstMessage);
    /// The session @p column's messages are stored in: the conversation's, or the column's in compare mode.
    std::optional<qint64> sessionIdFor(const ChatColumn *column) const;
    /// An answer of a reopened conversation, to be given its stored call.
    struct StoredAnswer {
        int column = 0;
        int row = 0;
        qint64 callId = 0;
    };
    /// Reopens the comparison whose column 0 is @p first, with every column it still can show.
    bool openComparison(const ChatSession &first);
    /// Shows @p messages in @p column; the answers with a call are added to @p answers, winners remembered.
    void fillTranscript(int column, const QList<SessionMessage> &messages, QList<StoredAnswer> *answers);
    /// Reads the calls of @p answers on the worker thread, then shows them in the transcripts.
    void loadStoredCalls(const QList<StoredAnswer> &answers);
    void showOpenedCall(qint64 callId, const CallRecord &call, const std::optional<SessionMessage> &message);
    void markWinner();
    /// Column titles with the count of turns each column won.
    void updateColumnTitles();
    void onAnswerFinished(ChatColumn *column, int row);
    void onSelected(ChatColumn *column, int row);
    void rate(int rating, const QString &comment);
    /// Stores @p rating for the answer in @p row of @p column with @p comment, or with the comment already stored
    /// for it when @p comment is empty (a thumb clicked in the transcript). The details panel's feedback, the
    /// transcript's buttons and the feedback shortcuts all store through here.
    void rateAnswer(ChatColumn *column, int row, int rating, const std::optional<QString> &comment);
    /// Runs UsageRecorder::flush() and then @p store on a pool thread, then @p then with store's outcome on this
    /// page's thread: a finished call's row is written in the background, and whatever links to it (feedback, session
    /// messages) is stored after it there too, so the UI neither blocks on the flush nor on the write.
    void afterRecorded(std::function<Result<void>()> store, std::function<void(const Result<void> &)> then);
    QString botSlug() const;

    Database &m_database;
    Settings &m_settings;
    QNetworkAccessManager m_network;
    SecretResolver m_secrets;
    std::unique_ptr<UsageRecorder> m_recorder;
    QThreadPool m_flushPool;  ///< after m_recorder: destroyed (and waited for) first
    Templating::SystemVariables m_system;

    QComboBox *m_bot;
    QComboBox *m_config;
    QCheckBox *m_compare;
    QList<QComboBox *> m_compareWith;
    QLineEdit *m_userRef;
    QCheckBox *m_billed;
    QSplitter *m_columnsSplitter;
    QList<ChatColumn *> m_columns;
    QTabWidget *m_side;
    AnswerDetailsPanel *m_details;
    VariablesPanel *m_variables;
    SessionsPanel *m_sessions;
    QWidget *m_chaosSlot;
    ChaosPanel *m_chaos = nullptr;
    int m_runningCalls = 0;
    ChatService *m_chaosService = nullptr;  ///< the service m_chaos was made for
    std::optional<LlmConfig> m_chosenConfig;
    QPlainTextEdit *m_composer;
    QLabel *m_notice;
    QLabel *m_sessionLabel;
    QPushButton *m_sendButton;
    QPushButton *m_stopButton;
    QPushButton *m_regenerateButton;
    QPushButton *m_editButton;
    QAction *m_sendAction;
    QAction *m_stopAction;
    QAction *m_regenerateAction;
    QAction *m_editAction;
    QAction *m_newAction;

    std::optional<ChatSession> m_session;
    QList<ChatSession> m_comparison;                 ///< compare mode: one session per column, in column order
    QList<QSet<int>> m_winnerRows;                   ///< per column: rows of answers that won their turn
    QStringList m_columnTitles;                      ///< per column, without the winner count
    QHash<qint64, std::pair<int, int>> m_rowOfCall;  ///< reopened answers: call id -> (column, row)
    quint64 m_conversationSerial = 0;                ///< bumped whenever the transcripts are rebuilt
    ChatColumn *m_selectedColumn = nullptr;
    int m_selectedRow = -1;
};

}  // namespace Switchyard
