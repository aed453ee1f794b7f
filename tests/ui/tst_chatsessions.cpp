// Stored conversations in the chat tester: a reopened session's answers show their call details from the call log,
// compare-mode conversations are stored and reopen as comparisons with their winners, and a call opens in the tester
// from its detail dialog.
#include "core/accounting/UsageRecorder.h"
#include "core/routing/FaultInjector.h"
#include "core/store/BotRepository.h"
#include "core/store/CallLogRepository.h"
#include "core/store/CallUsageRepository.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/ProviderRepository.h"
#include "core/store/SessionExporter.h"
#include "core/store/SessionRepository.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/activity/CallDetailDialog.h"
#include "ui/chat/AnswerDetailsPanel.h"
#include "ui/chat/AttemptsTableModel.h"
#include "ui/chat/ChatColumn.h"
#include "ui/chat/ChatPage.h"
#include "ui/chat/SessionsPanel.h"
#include "ui/chat/SessionsTableModel.h"
#include "ui/chat/TranscriptModel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <memory>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

constexpr int StreamTimeoutMs = ChatStreamTimeoutMs;
const QString AstroGuide = QStringLiteral("astro-guide");

}  // namespace

class TestChatSessions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void reopenedAnswerShowsWhatALiveAnswerShowed();
    void reopenedStreamCutShowsItsRestartsAndExportsThem();
    void answersRecordTheRenderedPromptSent();
    void comparisonIsStoredAndReopensWithItsWinner();
    void openCallReopensItsSessionAndSelectsTheAnswer();
    void openCallWithoutSessionPutsItsMessageInTheComposer();
    void callDetailShowsTheSentPromptOrNotRecorded();
    void openInChatFromTheCallDetailSwitchesToTheChatPage();

private:
    void createPage();
    void sendAndWait(const QString &message);
    /// A second simulator config of Astro Guide, on the fast model.
    qint64 createFastConfig();
    qint64 callIdOf(const QString &uuid);
    /// Opens session @p sessionId from the Sessions tab and waits for the stored call details.
    void openFromSessionsTab(qint64 sessionId);
    /// What the details panel shows: its labels, the system prompt and every cell of the attempts table.
    QStringList shownDetails() const;

    std::unique_ptr<UiWorkspace> m_workspace;
    std::unique_ptr<ChatPage> m_page;
};

void TestChatSessions::init()
{
    m_workspace = std::make_unique<UiWorkspace>();
    m_workspace->openWithSample();
    if (QTest::currentTestFailed())
        return;
    setSimulator(m_workspace->database, QStringLiteral("latency_ms=5&tokens_per_second=2000"));
}

void TestChatSessions::cleanup()
{
    m_page.reset();
    closeDialogs();
    m_workspace.reset();
}

void TestChatSessions::createPage()
{
    m_page = createChatPage(*m_workspace, AstroGuide);
}

void TestChatSessions::sendAndWait(const QString &message)
{
    Testing::sendAndWait(*m_page, message);
}

qint64 TestChatSessions::createFastConfig()
{
    const auto bot = BotRepository(m_workspace->database).bySlug(AstroGuide);
    if (!bot)
        return -1;
    LlmConfig fast;
    fast.botId = bot->id;
    fast.name = QStringLiteral("Simulator fast");
    fast.provider = QStringLiteral("simulator");
    fast.model = QStringLiteral("sim-fast");
    fast.promptKey = QStringLiteral("astrologer_daily");
    fast.promptLabel = QStringLiteral("production");
    const auto created = LlmConfigRepository(m_workspace->database).create(fast);
    return created ? created->id : -1;
}

qint64 TestChatSessions::callIdOf(const QString &uuid)
{
    const auto call = CallUsageRepository(m_workspace->database).byUuid(uuid);
    return call ? call->id : -1;
}

void TestChatSessions::openFromSessionsTab(qint64 sessionId)
{
    SessionsPanel *sessions = m_page->sessions();
    sessions->refresh();
    QModelIndex row;
    for (int r = 0; r < sessions->proxy()->rowCount(); ++r) {
        if (sessions->proxy()->index(r, 0).data(SessionsTableModel::SessionIdRole).toLongLong() == sessionId)
            row = sessions->proxy()->index(r, 0);
    }
    QVERIFY2(row.isValid(), "the session is not listed");
    sessions->view()->setCurrentIndex(row);
    QSignalSpy loaded(m_page.get(), &ChatPage::storedCallsLoaded);
    child<QPushButton>(sessions, "openSessionButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, StreamTimeoutMs);
}

QStringList TestChatSessions::shownDetails() const
{
    AnswerDetailsPanel *details = m_page->details();
    QStringList texts;
    for (const char *name : {"servedByLabel", "statusLabel", "tokensLabel", "costLabel", "timingLabel"})
        texts << child<QLabel>(details, name)->text();
    texts << child<QPlainTextEdit>(details, "systemPromptView")->toPlainText();
    AttemptsTableModel *attempts = details->attemptsModel();
    for (int row = 0; row < attempts->rowCount(); ++row) {
        for (int column = 0; column < attempts->columnCount(); ++column)
            texts << attempts->index(row, column).data().toString();
    }
    return texts;
}

void TestChatSessions::reopenedAnswerShowsWhatALiveAnswerShowed()
{
    createPage();
    if (QTest::currentTestFailed())
        return;
    // A 500 on the primary: the answer comes from the fallback after a failed attempt.
    InjectedFault serverError;
    serverError.kind = InjectedFault::Kind::ServerError;
    m_page->columns().first()->service().faultInjector().arm(0, serverError);
    QSignalSpy stored(m_page.get(), &ChatPage::answerStored);
    sendAndWait(QStringLiteral("Will Mars help my career?"));
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, StreamTimeoutMs);
    const TranscriptEntry live = m_page->columns().first()->model()->entry(1);
    QVERIFY(live.call.has_value());
    QVERIFY(live.call->attempts.size() >= 2);
    const qint64 sessionId = m_page->session()->id;

    // What the details panel shows for the live answer.
    m_page->columns().first()->view()->setCurrentIndex(m_page->columns().first()->model()->index(1));
    const QStringList liveDetails = shownDetails();
    QVERIFY(!live.system.isEmpty());
    QVERIFY(liveDetails.contains(live.system));

    // Start over, then reopen the session: the answer's details come back from the call log.
    m_page->newConversation();
    openFromSessionsTab(sessionId);
    if (QTest::currentTestFailed())
        return;
    TranscriptModel *model = m_page->columns().first()->model();
    QCOMPARE(model->rowCount(), 2);
    const TranscriptEntry reopened = model->entry(1);
    QVERIFY(reopened.call.has_value());
    QCOMPARE(reopened.call->uuid, live.call->uuid);
    QCOMPARE(reopened.call->attempts.size(), live.call->attempts.size());
    QCOMPARE(reopened.system, live.system);
    QVERIFY(!model->data(model->index(1), TranscriptModel::SummaryRole).toString().isEmpty());
    m_page->columns().first()->view()->setCurrentIndex(model->index(1));
    QCOMPARE(shownDetails(), liveDetails);
}

void TestChatSessions::reopenedStreamCutShowsItsRestartsAndExportsThem()
{
    createPage();
    if (QTest::currentTestFailed())
        return;
    // The primary streams part of its answer, then the connection drops (on every try of that hop); the fallback
    // answers, and each cut attempt's text was shown and discarded: a restart.
    InjectedFault cut;
    cut.kind = InjectedFault::Kind::StreamCut;
    m_page->columns().first()->service().faultInjector().arm(0, cut);
    QSignalSpy stored(m_page.get(), &ChatPage::answerStored);
    sendAndWait(QStringLiteral("Will Venus cut in?"));
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, StreamTimeoutMs);
    const TranscriptEntry live = m_page->columns().first()->model()->entry(1);
    QVERIFY(live.call.has_value());
    QCOMPARE(live.call->status, CallRecord::Status::Ok);
    QVERIFY(!live.restarts.isEmpty());
    const qint64 sessionId = m_page->session()->id;
    m_page->columns().first()->view()->setCurrentIndex(m_page->columns().first()->model()->index(1));
    const QStringList liveDetails = shownDetails();
    QCOMPARE(liveDetails.count(QStringLiteral("stream restarted")), live.restarts.size());
    for (const QString &note : live.restarts)
        QVERIFY2(liveDetails.contains(note), qPrintable(note));

    // Reopened from the database (a new page: nothing of the live answer is left in memory), the attempts table
    // shows the same restart rows.
    m_page.reset();
    createPage();
    if (QTest::currentTestFailed())
        return;
    openFromSessionsTab(sessionId);
    if (QTest::currentTestFailed())
        return;
    TranscriptModel *model = m_page->columns().first()->model();
    QCOMPARE(model->entry(1).restarts, live.restarts);
    m_page->columns().first()->view()->setCurrentIndex(model->index(1));
    QCOMPARE(shownDetails(), liveDetails);

    // So does the call's detail in the activity log.
    CallDetailDialog dialog(m_workspace->database);
    dialog.showCall(callIdOf(live.call->uuid));
    QVERIFY(waitForCall(&dialog));
    QStringList restartRows;
    AttemptsTableModel *path = dialog.attemptsModel();
    for (int row = 0; row < path->rowCount(); ++row) {
        if (path->index(row, AttemptsTableModel::Outcome).data().toString() == QLatin1String("stream restarted"))
            restartRows << path->index(row, AttemptsTableModel::Reason).data().toString();
    }
    QCOMPARE(restartRows, live.restarts);

    // The export says so too, in both formats.
    const auto transcript = SessionExporter(m_workspace->database).load(sessionId);
    QVERIFY2(transcript.ok(), qPrintable(transcript ? QString() : transcript.error().message));
    const QString markdown = SessionExporter::toMarkdown(*transcript);
    const QJsonObject json = SessionExporter::toJson(*transcript);
    const QJsonArray attempts =
        json[QStringLiteral("messages")][1][QStringLiteral("call")][QStringLiteral("attempts")].toArray();
    QStringList exported;
    for (const QJsonValue &attempt : attempts) {
        if (!attempt[QStringLiteral("stream_restart")].isNull())
            exported << attempt[QStringLiteral("stream_restart")].toString();
    }
    QCOMPARE(exported, live.restarts);
    for (const QString &note : live.restarts)
        QVERIFY2(markdown.contains(QStringLiteral("- Stream restarted: %1\n").arg(note)), qPrintable(markdown));
}

void TestChatSessions::answersRecordTheRenderedPromptSent()
{
    createPage();
    if (QTest::currentTestFailed())
        return;
    QSignalSpy stored(m_page.get(), &ChatPage::answerStored);
    sendAndWait(QStringLiteral("First question"));
    sendAndWait(QStringLiteral("Second question"));
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 2, StreamTimeoutMs);
    const TranscriptEntry second = m_page->columns().first()->model()->entry(3);
    const auto call = CallLogRepository(m_workspace->database).call(callIdOf(second.call->uuid));
    QVERIFY(call.ok());
    QVERIFY(call->sent.has_value());
    // The rendered system prompt of this turn (the template's {{question}} filled with it) and the whole
    // conversation sent.
    QCOMPARE(call->sent->system, second.system);
    QVERIFY2(call->sent->system.contains(QStringLiteral("Question: Second question")), qPrintable(call->sent->system));
    QCOMPARE(call->sent->messages.size(), 3);
    QCOMPARE(call->sent->messages.at(0).content, QStringLiteral("First question"));
    QCOMPARE(call->sent->messages.at(2).content, QStringLiteral("Second question"));
    QCOMPARE(call->sent->lastUserMessage(), QStringLiteral("Second question"));
}

void TestChatSessions::comparisonIsStoredAndReopensWithItsWinner()
{
    const qint64 fast = createFastConfig();
    QVERIFY(fast > 0);
    createPage();
    if (QTest::currentTestFailed())
        return;
    m_page->compareCheck()->setChecked(true);
    QComboBox *with = m_page->compareCombos().first();
    with->setCurrentIndex(with->findData(fast));
    QCOMPARE(m_page->columns().size(), 2);
    QSignalSpy stored(m_page.get(), &ChatPage::answerStored);
    sendAndWait(QStringLiteral("Compare these"));
    sendAndWait(QStringLiteral("And these"));
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 4, StreamTimeoutMs);

    // One session per column, in one compare group.
    const QList<ChatSession> sessions = m_page->comparisonSessions();
    QCOMPARE(sessions.size(), 2);
    QVERIFY(sessions.at(0).isComparison());
    QCOMPARE(sessions.at(1).compareGroup, sessions.at(0).compareGroup);
    QCOMPARE(sessions.at(1).compareColumn, 1);
    QCOMPARE(sessions.at(1).configId, std::optional<qint64>(fast));

    // The right column wins the first turn.
    ChatColumn *right = m_page->columns().at(1);
    right->view()->setCurrentIndex(right->model()->index(1));
    QPushButton *winner = child<QPushButton>(m_page->details(), "markWinnerButton");
    QVERIFY(winner->isVisible());
    QSignalSpy rated(m_page.get(), &ChatPage::feedbackStored);
    winner->click();
    QTRY_COMPARE_WITH_TIMEOUT(rated.count(), 1, StreamTimeoutMs);
    QVERIFY2(right->title().contains(QStringLiteral("won 1 turn")), qPrintable(right->title()));
    QTRY_VERIFY_WITH_TIMEOUT(SessionRepository(m_workspace->database).messages(sessions.at(1).id)->at(1).winner,
                             StreamTimeoutMs);
    const QString leftAnswer = m_page->columns().at(0)->model()->entry(3).text;
    const QString rightAnswer = right->model()->entry(3).text;

    // Listed once, marked as a comparison.
    m_page->compareCheck()->setChecked(false);
    m_page->newConversation();
    SessionsPanel *panel = m_page->sessions();
    panel->refresh();
    QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(panel->proxy()->rowCount(), 1);
    QCOMPARE(panel->proxy()->index(0, SessionsTableModel::Kind).data().toString(),
             QStringLiteral("comparison of 2 config(s)"));
    QCOMPARE(panel->proxy()->index(0, SessionsTableModel::Title).data().toString(), QStringLiteral("Compare these"));

    // Reopened: compare mode, both columns with their answers and calls, the winner marked again.
    openFromSessionsTab(sessions.at(0).id);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_page->compareCheck()->isChecked());
    QCOMPARE(m_page->columns().size(), 2);
    QCOMPARE(m_page->compareCombos().first()->currentData().toLongLong(), fast);
    QCOMPARE(m_page->columns().at(0)->model()->rowCount(), 4);
    QCOMPARE(m_page->columns().at(1)->model()->rowCount(), 4);
    QCOMPARE(m_page->columns().at(0)->model()->entry(3).text, leftAnswer);
    QCOMPARE(m_page->columns().at(1)->model()->entry(3).text, rightAnswer);
    QCOMPARE(m_page->columns().at(1)->model()->entry(1).call->servedModel, QStringLiteral("sim-fast"));
    QCOMPARE(m_page->winnerRows(1), QSet<int>{1});
    QVERIFY(m_page->winnerRows(0).isEmpty());
    QVERIFY2(m_page->columns().at(1)->title().contains(QStringLiteral("won 1 turn")),
             qPrintable(m_page->columns().at(1)->title()));
    QCOMPARE(m_page->comparisonSessions().size(), 2);

    // Going on stores the new turn in both columns' sessions.
    sendAndWait(QStringLiteral("Third round"));
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 6, StreamTimeoutMs);
    QCOMPARE(SessionRepository(m_workspace->database).messages(sessions.at(1).id)->size(), 6);
}

void TestChatSessions::openCallReopensItsSessionAndSelectsTheAnswer()
{
    createPage();
    if (QTest::currentTestFailed())
        return;
    QSignalSpy stored(m_page.get(), &ChatPage::answerStored);
    sendAndWait(QStringLiteral("Question one"));
    sendAndWait(QStringLiteral("Question two"));
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 2, StreamTimeoutMs);
    const qint64 sessionId = m_page->session()->id;
    const QString firstUuid = m_page->columns().first()->model()->entry(1).call->uuid;
    m_page->newConversation();

    QSignalSpy opened(m_page.get(), &ChatPage::callOpened);
    QSignalSpy loaded(m_page.get(), &ChatPage::storedCallsLoaded);
    m_page->openCall(callIdOf(firstUuid));
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, StreamTimeoutMs);
    QCOMPARE(m_page->session()->id, sessionId);
    QListView *view = m_page->columns().first()->view();
    QCOMPARE(view->currentIndex().row(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, StreamTimeoutMs);
    QVERIFY(child<QLabel>(m_page->details(), "servedByLabel")->text().contains(QStringLiteral("simulator")));
    QCOMPARE(m_page->details()->attemptsModel()->rowCount(), 1);
}

void TestChatSessions::openCallWithoutSessionPutsItsMessageInTheComposer()
{
    const qint64 fast = createFastConfig();
    QVERIFY(fast > 0);
    // A call made outside the tester's sessions (as the CLI does), with its prompt recorded.
    const auto bot = BotRepository(m_workspace->database).bySlug(AstroGuide);
    QVERIFY(bot.ok());
    CallRecord call;
    call.uuid = UsageRecorder::newCallUuid();
    call.botId = bot->id;
    call.configId = fast;
    call.requestedProvider = QStringLiteral("simulator");
    call.requestedModel = QStringLiteral("sim-fast");
    call.sent = SentPrompt{QStringLiteral("You are an astrologer."),
                           {ChatMessage{ChatMessage::Role::User, QStringLiteral("Earlier")},
                            ChatMessage{ChatMessage::Role::Assistant, QStringLiteral("Answer")},
                            ChatMessage{ChatMessage::Role::User, QStringLiteral("What about Venus?")}}};
    {
        UsageRecorder recorder(m_workspace->database);
        recorder.record(call);
        QVERIFY(recorder.flush().ok());
    }
    createPage();
    if (QTest::currentTestFailed())
        return;
    m_page->compareCheck()->setChecked(true);  // openCall goes back to a single conversation
    QSignalSpy opened(m_page.get(), &ChatPage::callOpened);
    m_page->openCall(callIdOf(call.uuid));
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, StreamTimeoutMs);
    QVERIFY(!m_page->compareCheck()->isChecked());
    QCOMPARE(m_page->configCombo()->currentData().toLongLong(), fast);
    QCOMPARE(m_page->composer()->toPlainText(), QStringLiteral("What about Venus?"));
    QCOMPARE(m_page->columns().first()->model()->rowCount(), 0);  // not sent
    QVERIFY(!anyColumnBusy(*m_page));

    // A call recorded without its prompt: the composer stays empty and the page says why.
    CallRecord old = call;
    old.uuid = UsageRecorder::newCallUuid();
    old.sent.reset();
    {
        UsageRecorder recorder(m_workspace->database);
        recorder.record(old);
        QVERIFY(recorder.flush().ok());
    }
    m_page->openCall(callIdOf(old.uuid));
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, StreamTimeoutMs);
    QVERIFY(m_page->composer()->toPlainText().isEmpty());
    QVERIFY(child<QLabel>(m_page.get(), "chatNoticeLabel")->text().contains(QStringLiteral("without its message")));

    // An id that is no call: a clear notice, nothing opened.
    m_page->openCall(999999);
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(m_page.get(), "chatNoticeLabel")->text().contains(QStringLiteral("Could not open call 999999")),
        StreamTimeoutMs);
    QCOMPARE(opened.count(), 2);
}

void TestChatSessions::callDetailShowsTheSentPromptOrNotRecorded()
{
    createPage();
    if (QTest::currentTestFailed())
        return;
    QSignalSpy stored(m_page.get(), &ChatPage::answerStored);
    sendAndWait(QStringLiteral("Tell me about Saturn"));
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, StreamTimeoutMs);
    const TranscriptEntry answer = m_page->columns().first()->model()->entry(1);

    CallDetailDialog dialog(m_workspace->database);
    QSignalSpy shown(&dialog, &CallDetailDialog::callShown);
    dialog.showCall(callIdOf(answer.call->uuid));
    QVERIFY(shown.wait(20000));
    QCOMPARE(shown.takeFirst().at(0).toBool(), true);
    QCOMPARE(child<QLabel>(&dialog, "callSentPrompt")->text(), QStringLiteral("recorded (1 message(s))"));
    QCOMPARE(child<QPlainTextEdit>(&dialog, "callSentSystemText")->toPlainText(), answer.system);
    QVERIFY(child<QPlainTextEdit>(&dialog, "callSentMessagesText")
                ->toPlainText()
                .contains(QStringLiteral("Tell me about Saturn")));
    QVERIFY(dialog.openInChatButton()->isEnabled());

    // A call recorded without its prompt (demo data, older workspaces) says so.
    CallRecord demo;
    demo.uuid = UsageRecorder::newCallUuid();
    demo.isDemo = true;
    {
        UsageRecorder recorder(m_workspace->database);
        recorder.record(demo);
        QVERIFY(recorder.flush().ok());
    }
    dialog.showCall(callIdOf(demo.uuid));
    QVERIFY(shown.wait(20000));
    QCOMPARE(shown.takeFirst().at(0).toBool(), true);
    QCOMPARE(child<QLabel>(&dialog, "callSentPrompt")->text(), QStringLiteral("not recorded"));
    QVERIFY(child<QPlainTextEdit>(&dialog, "callSentSystemText")->toPlainText().isEmpty());
    QVERIFY(child<QPlainTextEdit>(&dialog, "callSentSystemText")
                ->placeholderText()
                .startsWith(QStringLiteral("Not recorded")));
}

void TestChatSessions::openInChatFromTheCallDetailSwitchesToTheChatPage()
{
    const auto window = createMainWindow(*m_workspace);
    QVERIFY(window);
    ChatPage *chat = window->chatPage();
    chat->botCombo()->setCurrentIndex(chat->botCombo()->findData(AstroGuide));
    chat->composer()->setPlainText(QStringLiteral("Is Pluto a planet?"));
    QSignalSpy stored(chat, &ChatPage::answerStored);
    chat->send();
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, StreamTimeoutMs);
    const qint64 sessionId = chat->session()->id;
    const qint64 callId = callIdOf(chat->columns().first()->model()->entry(1).call->uuid);
    chat->newConversation();
    window->showPage(MainWindow::Page::Activity);
    QVERIFY(window->currentPage() != MainWindow::Page::Chat);

    CallDetailDialog *dialog = CallDetailDialog::openFor(m_workspace->database, callId, window.get());
    QVERIFY(dialog);
    QVERIFY(waitForCall(dialog));  // the button is enabled once the call is read
    QSignalSpy opened(chat, &ChatPage::callOpened);
    dialog->openInChatButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, StreamTimeoutMs);
    QCOMPARE(window->currentPage(), MainWindow::Page::Chat);
    QCOMPARE(chat->session()->id, sessionId);
    QCOMPARE(chat->columns().first()->view()->currentIndex().row(), 1);
}

QTEST_MAIN(TestChatSessions)
#include "tst_chatsessions.moc"
