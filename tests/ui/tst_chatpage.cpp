#include "core/accounting/UsageRecorder.h"
#include "core/routing/FaultInjector.h"
#include "core/store/BotRepository.h"
#include "core/store/CallUsageRepository.h"
#include "core/store/FeedbackRepository.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/ProviderRepository.h"
#include "core/store/SessionExporter.h"
#include "core/store/SessionRepository.h"
#include "core/store/WalletRepository.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/FileDialog.h"
#include "ui/MainWindow.h"
#include "ui/chat/AnswerDetailsPanel.h"
#include "ui/chat/AttemptsTableModel.h"
#include "ui/chat/ChaosHopsModel.h"
#include "ui/chat/ChaosPanel.h"
#include "ui/chat/ChatColumn.h"
#include "ui/chat/ChatPage.h"
#include "ui/chat/MarkdownDelegate.h"
#include "ui/chat/SessionsPanel.h"
#include "ui/chat/SessionsTableModel.h"
#include "ui/chat/TranscriptModel.h"
#include "ui/chat/VariablesPanel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <memory>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

constexpr int StreamTimeoutMs = ChatStreamTimeoutMs;
const QString AstroGuide = QStringLiteral("astro-guide");

}  // namespace

class TestChatPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void transcriptModelPassesTheTester();
    void attemptsModelPassesTheTester();
    void delegateAnswersASizeQueryWithoutARectAtTheLaidOutWidth();
    void conversationStreamsWithDetails();
    void deltasAreCoalesced();
    void enterAddsALineCtrlEnterSends();
    void forcedFallbackShowsEveryAttempt();
    void streamCutShowsTheRestart();
    void stopCancelsMidStream();
    void editAndResendPutsTheQuestionBack();
    void compareModeAnswersSideBySide();
    void feedbackIsStoredForTheCall();
    void billedModeWithEmptyWalletIsRefusedBeforeAnyCall();
    void variablesPanelListsPromptAndSystemVariables();
    void sessionsAreListedFilteredAndReopened();
    void mainWindowShowsTheChatPage();
    void chaosTabInjectsAFailureAndTheFallbackAnswers();
    void quickFollowUpsAreStoredInConversationOrder();

private:
    /// Points the sample's simulator provider at @p query (e.g. "tokens_per_second=2000").
    void setSimulator(const QString &query);
    void createPage();
    /// Types @p message and presses Ctrl+Enter, then waits until every column has answered.
    void sendAndWait(const QString &message);
    qint64 count(const QString &sql);

    std::unique_ptr<UiWorkspace> m_workspace;
    std::unique_ptr<ChatPage> m_page;
};

void TestChatPage::init()
{
    m_workspace = std::make_unique<UiWorkspace>();
    m_workspace->openWithSample();
    if (QTest::currentTestFailed())
        return;
    setSimulator(QStringLiteral("latency_ms=5&tokens_per_second=2000"));
}

void TestChatPage::cleanup()
{
    m_page.reset();
    closeDialogs();
    m_workspace.reset();
}

void TestChatPage::setSimulator(const QString &query)
{
    Testing::setSimulator(m_workspace->database, query);
}

void TestChatPage::createPage()
{
    m_page = createChatPage(*m_workspace, AstroGuide);
}

void TestChatPage::sendAndWait(const QString &message)
{
    Testing::sendAndWait(*m_page, message);
}

qint64 TestChatPage::count(const QString &sql)
{
    QSqlQuery query(m_workspace->database.connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestChatPage::transcriptModelPassesTheTester()
{
    TranscriptModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &TranscriptModel::dataChanged);
    model.append(TranscriptEntry{TranscriptEntry::Role::User, QStringLiteral("Hi"), false, {}, {}, {}, 0});
    const int answer = model.append(TranscriptEntry{TranscriptEntry::Role::Assistant, QString(), true, {}, {}, {}, 0});
    model.appendText(answer, QStringLiteral("Hel"));
    model.appendText(answer, QStringLiteral("lo **there**"));
    QCOMPARE(model.data(model.index(answer)).toString(), QStringLiteral("Hello **there**"));
    QVERIFY(model.data(model.index(answer), TranscriptModel::StreamingRole).toBool());
    // Only the streaming row changes.
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), answer);

    model.restart(answer, QStringLiteral("stream cut"));
    QCOMPARE(model.entry(answer).text, QString());
    QCOMPARE(model.entry(answer).restarts, QStringList{QStringLiteral("stream cut")});

    CallRecord call;
    call.uuid = QStringLiteral("u-1");
    call.status = CallRecord::Status::Ok;
    call.servedProvider = QStringLiteral("simulator");
    call.servedModel = QStringLiteral("sim-fast");
    call.usage.input = 12;
    call.usage.output = 30;
    call.costUsd = 0.0000072;
    call.latencyMs = 420;
    call.ttftMs = 40;
    model.finish(answer, call, QStringLiteral("You are a guide."));
    QVERIFY(!model.data(model.index(answer), TranscriptModel::StreamingRole).toBool());
    QCOMPARE(model.data(model.index(answer), TranscriptModel::CallUuidRole).toString(), QStringLiteral("u-1"));
    const QString summary = model.data(model.index(answer), TranscriptModel::SummaryRole).toString();
    QVERIFY2(summary.contains(QStringLiteral("sim-fast via simulator")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("12 in / 30 out")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("first token 40 ms")), qPrintable(summary));

    QCOMPARE(model.lastRow(TranscriptEntry::Role::User), 0);
    model.truncate(0);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.lastRow(TranscriptEntry::Role::User), -1);
    model.append(TranscriptEntry{});
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestChatPage::delegateAnswersASizeQueryWithoutARectAtTheLaidOutWidth()
{
    TranscriptModel model;
    MarkdownDelegate delegate;
    delegate.watch(&model);
    model.append(TranscriptEntry{
        TranscriptEntry::Role::Assistant, QStringLiteral("The **stars** say: ").repeated(40), false, {}, {}, {}, 0});
    QStyleOptionViewItem option;
    option.rect = QRect(0, 0, 900, 10);
    const QSize laidOut = delegate.sizeHint(option, model.index(0));
    QCOMPARE(laidOut.width(), 900);
    // QListView asks for its scroll step without a rect: the row keeps the width it was laid out at (a made-up width
    // laid it out again, twice per view layout).
    option.rect = QRect();
    QCOMPARE(delegate.sizeHint(option, model.index(0)), laidOut);
}

void TestChatPage::attemptsModelPassesTheTester()
{
    AttemptsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AttemptRecord failed;
    failed.provider = QStringLiteral("simulator");
    failed.model = QStringLiteral("sim-smart");
    failed.outcome = AttemptRecord::Outcome::Failed;
    failed.httpStatus = 500;
    failed.errorClass = FailureClass::Transient;
    failed.latencyMs = 12;
    AttemptRecord ok = failed;
    ok.hopIndex = 1;
    ok.model = QStringLiteral("sim-fast");
    ok.outcome = AttemptRecord::Outcome::Succeeded;
    ok.httpStatus = 200;
    ok.errorClass = FailureClass::None;
    model.setAttempts({failed, ok}, {QStringLiteral("cut")});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, AttemptsTableModel::Outcome).data().toString(), QStringLiteral("failed"));
    QCOMPARE(model.index(0, AttemptsTableModel::HttpStatus).data().toInt(), 500);
    QCOMPARE(model.index(0, AttemptsTableModel::ErrorClass).data().toString(), QStringLiteral("transient"));
    QCOMPARE(model.index(1, AttemptsTableModel::Target).data().toString(), QStringLiteral("simulator / sim-fast"));
    QCOMPARE(model.index(1, AttemptsTableModel::Hop).data().toString(), QStringLiteral("2"));
    QCOMPARE(model.index(2, AttemptsTableModel::Outcome).data().toString(), QStringLiteral("stream restarted"));
    model.setAttempts({});
    QCOMPARE(model.rowCount(), 0);
}

void TestChatPage::conversationStreamsWithDetails()
{
    createPage();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_page->columns().size(), 1);
    ChatColumn *column = m_page->columns().first();
    QSignalSpy stored(m_page.get(), &ChatPage::answerStored);
    QSignalSpy running(m_page.get(), &ChatPage::runningCallsChanged);
    sendAndWait(QStringLiteral("What does Mars in the 7th house mean?"));
    // One call started and ended: the engine state went 1, then 0.
    QCOMPARE(running.size(), 2);
    QCOMPARE(running.at(0).at(0).toInt(), 1);
    QCOMPARE(running.at(1).at(0).toInt(), 0);
    QCOMPARE(m_page->runningCalls(), 0);

    TranscriptModel *model = column->model();
    QCOMPARE(model->rowCount(), 2);
    const TranscriptEntry answer = model->entry(1);
    QCOMPARE(answer.role, TranscriptEntry::Role::Assistant);
    QVERIFY(answer.text.contains(QStringLiteral("Simulated reply from sim-smart")));
    QVERIFY(answer.call.has_value());
    QCOMPARE(answer.call->status, CallRecord::Status::Ok);
    QCOMPARE(answer.call->servedProvider, QStringLiteral("simulator"));
    QCOMPARE(answer.call->servedModel, QStringLiteral("sim-smart"));
    QVERIFY(answer.call->usage.output > 0);
    QVERIFY(answer.call->costUsd > 0);
    // The system prompt sent is the rendered astrologer prompt.
    QVERIFY2(answer.system.contains(QStringLiteral("You are Astro Guide")), qPrintable(answer.system));
    QVERIFY2(answer.system.contains(QStringLiteral("Question: What does Mars in the 7th house mean?")),
             qPrintable(answer.system));

    // The compact line under the answer and the side panel.
    const QString summary = model->data(model->index(1), TranscriptModel::SummaryRole).toString();
    QVERIFY2(summary.contains(QStringLiteral("sim-smart via simulator")), qPrintable(summary));
    AnswerDetailsPanel *details = m_page->details();
    QVERIFY(
        details->findChild<QLabel *>(QStringLiteral("servedByLabel"))->text().contains(QStringLiteral("simulator")));
    const QString tokens = details->findChild<QLabel *>(QStringLiteral("tokensLabel"))->text();
    QVERIFY2(tokens.contains(QStringLiteral("output %1").arg(answer.call->usage.output)), qPrintable(tokens));
    QVERIFY(details->findChild<QLabel *>(QStringLiteral("costLabel"))->text().startsWith(QLatin1Char('$')));
    QCOMPARE(details->attemptsModel()->rowCount(), 1);
    QCOMPARE(details->findChild<QPlainTextEdit *>(QStringLiteral("systemPromptView"))->toPlainText(), answer.system);

    // The conversation is a session with both messages, the answer linked to its call.
    QVERIFY(m_page->session().has_value());
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, StreamTimeoutMs);
    const auto messages = SessionRepository(m_workspace->database).messages(m_page->session()->id);
    QVERIFY(messages.ok());
    QCOMPARE(messages->size(), 2);
    QCOMPARE(messages->at(0).role, QStringLiteral("user"));
    QCOMPARE(messages->at(1).role, QStringLiteral("assistant"));
    QCOMPARE(messages->at(1).content, answer.text);
    const auto call = CallUsageRepository(m_workspace->database).byUuid(answer.call->uuid);
    QVERIFY(call.ok());
    QCOMPARE(messages->at(1).callId, std::optional<qint64>(call->id));

    // A second turn carries the first one as history: the simulator echoes the last question only, so check the count.
    sendAndWait(QStringLiteral("And Venus?"));
    QCOMPARE(model->rowCount(), 4);
    QVERIFY2(
        model->entry(3).call->usage.input > answer.call->usage.input,
        qPrintable(QStringLiteral("%1 vs %2").arg(model->entry(3).call->usage.input).arg(answer.call->usage.input)));
}

void TestChatPage::deltasAreCoalesced()
{
    setSimulator(QStringLiteral("latency_ms=5&tokens_per_second=5000"));
    createPage();
    if (QTest::currentTestFailed())
        return;
    ChatColumn *column = m_page->columns().first();
    QSignalSpy deltas(&column->service(), &ChatService::delta);
    QSignalSpy changes(column->model(), &TranscriptModel::dataChanged);
    sendAndWait(QStringLiteral("Tell me about Saturn return"));
    QVERIFY(deltas.count() > 10);
    // One change per coalescing interval plus the final one, far fewer than one per delta.
    QVERIFY2(changes.count() < deltas.count() / 2,
             qPrintable(QStringLiteral("%1 changes for %2 deltas").arg(changes.count()).arg(deltas.count())));
    // Virtualised: the transcript is one view, not a widget per message.
    QVERIFY(column->view()->findChildren<QLabel *>().isEmpty());
}

void TestChatPage::enterAddsALineCtrlEnterSends()
{
    createPage();
    if (QTest::currentTestFailed())
        return;
    QPlainTextEdit *composer = m_page->composer();
    composer->setFocus();
    QTest::keyClicks(composer, QStringLiteral("line one"));
    QTest::keyClick(composer, Qt::Key_Return);
    QTest::keyClicks(composer, QStringLiteral("line two"));
    QCOMPARE(composer->toPlainText(), QStringLiteral("line one\nline two"));
    QCOMPARE(m_page->columns().first()->model()->rowCount(), 0);
    QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(composer->toPlainText(), QString());
    QCOMPARE(m_page->columns().first()->model()->entry(0).text, QStringLiteral("line one\nline two"));
    QTRY_VERIFY_WITH_TIMEOUT(!anyColumnBusy(*m_page), StreamTimeoutMs);
    // While nothing streams, Stop is off; Regenerate and Edit & Resend are on once there is a question.
    QVERIFY(!m_page->findChild<QPushButton *>(QStringLiteral("stopButton"))->isEnabled());
    QVERIFY(m_page->findChild<QPushButton *>(QStringLiteral("regenerateButton"))->isEnabled());
}

void TestChatPage::forcedFallbackShowsEveryAttempt()
{
    // The offline chain is sim-smart then sim-fast; sim-smart always fails with a server error.
    setSimulator(
        QStringLiteral("latency_ms=5&tokens_per_second=2000&retry_after_ms=5&fail.sim-smart=server_error*100"));
    createPage();
    if (QTest::currentTestFailed())
        return;
    sendAndWait(QStringLiteral("Will it rain?"));
    const TranscriptEntry answer = m_page->columns().first()->model()->entry(1);
    QVERIFY(answer.call.has_value());
    QCOMPARE(answer.call->status, CallRecord::Status::Ok);
    QCOMPARE(answer.call->servedModel, QStringLiteral("sim-fast"));
    QVERIFY(answer.call->attempts.size() >= 2);

    AttemptsTableModel *path = m_page->details()->attemptsModel();
    QCOMPARE(path->rowCount(), answer.call->attempts.size());
    QCOMPARE(path->index(0, AttemptsTableModel::Target).data().toString(), QStringLiteral("simulator / sim-smart"));
    QCOMPARE(path->index(0, AttemptsTableModel::Outcome).data().toString(), QStringLiteral("failed"));
    QCOMPARE(path->index(0, AttemptsTableModel::HttpStatus).data().toInt(), 500);
    const int last = path->rowCount() - 1;
    QCOMPARE(path->index(last, AttemptsTableModel::Target).data().toString(), QStringLiteral("simulator / sim-fast"));
    QCOMPARE(path->index(last, AttemptsTableModel::Outcome).data().toString(), QStringLiteral("ok"));
    const QString summary = m_page->columns()
                                .first()
                                ->model()
                                ->data(m_page->columns().first()->model()->index(1), TranscriptModel::SummaryRole)
                                .toString();
    QVERIFY2(summary.contains(QStringLiteral("%1 attempts").arg(answer.call->attempts.size())), qPrintable(summary));
}

void TestChatPage::streamCutShowsTheRestart()
{
    // sim-smart streams some text and then breaks; the call goes on with sim-fast and the text shown so far is
    // replaced.
    setSimulator(QStringLiteral("latency_ms=5&tokens_per_second=2000&retry_after_ms=5&fail.sim-smart=stream_cut*100"));
    createPage();
    if (QTest::currentTestFailed())
        return;
    sendAndWait(QStringLiteral("Cut me off"));
    const TranscriptEntry answer = m_page->columns().first()->model()->entry(1);
    QVERIFY(answer.call.has_value());
    QCOMPARE(answer.call->status, CallRecord::Status::Ok);
    QCOMPARE(answer.call->servedModel, QStringLiteral("sim-fast"));
    QVERIFY(!answer.restarts.isEmpty());
    QVERIFY2(answer.text.startsWith(QStringLiteral("(Simulated reply from sim-fast.)")), qPrintable(answer.text));
    AttemptsTableModel *path = m_page->details()->attemptsModel();
    QCOMPARE(path->rowCount(), answer.call->attempts.size() + answer.restarts.size());
    QCOMPARE(path->index(path->rowCount() - 1, AttemptsTableModel::Outcome).data().toString(),
             QStringLiteral("stream restarted"));
}

void TestChatPage::stopCancelsMidStream()
{
    setSimulator(QStringLiteral("latency_ms=5&tokens_per_second=20"));
    createPage();
    if (QTest::currentTestFailed())
        return;
    ChatColumn *column = m_page->columns().first();
    m_page->composer()->setPlainText(QStringLiteral("A long answer please"));
    m_page->send();
    QVERIFY(column->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!column->model()->entry(1).text.isEmpty(), StreamTimeoutMs);
    QTest::keyClick(m_page->composer(), Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!column->isBusy(), 2000);
    const TranscriptEntry answer = column->model()->entry(1);
    QVERIFY(answer.call.has_value());
    QCOMPARE(answer.call->status, CallRecord::Status::Cancelled);
    // The cancellation is recorded.
    QVERIFY(m_page->recorder().flush().ok());
    const auto call = CallUsageRepository(m_workspace->database).byUuid(answer.call->uuid);
    QVERIFY(call.ok());
    QCOMPARE(call->status, QStringLiteral("cancelled"));
}

void TestChatPage::editAndResendPutsTheQuestionBack()
{
    createPage();
    if (QTest::currentTestFailed())
        return;
    sendAndWait(QStringLiteral("First question"));
    sendAndWait(QStringLiteral("Second question"));
    TranscriptModel *model = m_page->columns().first()->model();
    QCOMPARE(model->rowCount(), 4);
    m_page->findChild<QPushButton *>(QStringLiteral("editResendButton"))->click();
    QCOMPARE(m_page->composer()->toPlainText(), QStringLiteral("Second question"));
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->entry(0).text, QStringLiteral("First question"));

    m_page->findChild<QPushButton *>(QStringLiteral("regenerateButton"))->click();
    QVERIFY(m_page->columns().first()->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!anyColumnBusy(*m_page), StreamTimeoutMs);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->entry(0).text, QStringLiteral("First question"));
    QCOMPARE(model->entry(1).call->status, CallRecord::Status::Ok);
}

void TestChatPage::compareModeAnswersSideBySide()
{
    // A second simulator config of the same bot, on the faster model.
    const auto bot = BotRepository(m_workspace->database).bySlug(AstroGuide);
    QVERIFY(bot.ok());
    LlmConfig fast;
    fast.botId = bot->id;
    fast.name = QStringLiteral("Simulator fast");
    fast.provider = QStringLiteral("simulator");
    fast.model = QStringLiteral("sim-fast");
    fast.promptKey = QStringLiteral("astrologer_daily");
    fast.promptLabel = QStringLiteral("production");
    const auto created = LlmConfigRepository(m_workspace->database).create(fast);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));

    createPage();
    if (QTest::currentTestFailed())
        return;
    m_page->compareCheck()->setChecked(true);
    QComboBox *with = m_page->compareCombos().first();
    QVERIFY(with->isVisible());
    const int index = with->findData(created->id);
    QVERIFY(index > 0);
    with->setCurrentIndex(index);
    QCOMPARE(m_page->columns().size(), 2);
    sendAndWait(QStringLiteral("Compare these"));

    const TranscriptEntry left = m_page->columns().at(0)->model()->entry(1);
    const TranscriptEntry right = m_page->columns().at(1)->model()->entry(1);
    QVERIFY(left.call && right.call);
    QCOMPARE(left.call->status, CallRecord::Status::Ok);
    QCOMPARE(right.call->status, CallRecord::Status::Ok);
    QCOMPARE(left.call->servedModel, QStringLiteral("sim-smart"));
    QCOMPARE(right.call->servedModel, QStringLiteral("sim-fast"));
    QCOMPARE(right.call->configId, std::optional<qint64>(created->id));
    QVERIFY(m_page->columns().at(1)->title().contains(QStringLiteral("Simulator fast")));

    // Mark the right one as the winner: +1 feedback naming the comparison.
    QListView *rightView = m_page->columns().at(1)->view();
    const QModelIndex rightAnswer = m_page->columns().at(1)->model()->index(1);
    QTest::mouseClick(rightView->viewport(), Qt::LeftButton, {}, rightView->visualRect(rightAnswer).center());
    QCOMPARE(rightView->currentIndex(), rightAnswer);
    QSignalSpy stored(m_page.get(), &ChatPage::feedbackStored);
    QPushButton *winner = m_page->details()->findChild<QPushButton *>(QStringLiteral("markWinnerButton"));
    QVERIFY(winner->isVisible());
    winner->click();
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, 5000);
    const auto feedback = FeedbackRepository(m_workspace->database).forCall(right.call->uuid, QStringLiteral("studio"));
    QVERIFY(feedback.ok() && feedback->has_value());
    QCOMPARE((*feedback)->rating, 1);
    QVERIFY2((*feedback)->comment.contains(QStringLiteral("Winner")), qPrintable((*feedback)->comment));
    QVERIFY((*feedback)->comment.contains(QStringLiteral("Simulator fast")));
}

void TestChatPage::feedbackIsStoredForTheCall()
{
    createPage();
    if (QTest::currentTestFailed())
        return;
    sendAndWait(QStringLiteral("Rate me"));
    const QString uuid = m_page->columns().first()->model()->entry(1).call->uuid;
    AnswerDetailsPanel *details = m_page->details();
    QSignalSpy stored(m_page.get(), &ChatPage::feedbackStored);
    details->findChild<QLineEdit *>(QStringLiteral("feedbackCommentEdit"))->setText(QStringLiteral("too generic"));
    details->findChild<QPushButton *>(QStringLiteral("thumbsDownButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, 5000);
    QCOMPARE(stored.at(0).at(0).toString(), uuid);
    auto feedback = FeedbackRepository(m_workspace->database).forCall(uuid, QStringLiteral("studio"));
    QVERIFY(feedback.ok() && feedback->has_value());
    QCOMPARE((*feedback)->rating, -1);
    QCOMPARE((*feedback)->comment, QStringLiteral("too generic"));
    QCOMPARE(m_page->columns().first()->model()->entry(1).rating, -1);
    QVERIFY(m_page->columns()
                .first()
                ->model()
                ->data(m_page->columns().first()->model()->index(1), TranscriptModel::SummaryRole)
                .toString()
                .endsWith(QStringLiteral("rated bad")));

    // Changing one's mind replaces the feedback.
    details->findChild<QPushButton *>(QStringLiteral("thumbsUpButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 2, 5000);
    feedback = FeedbackRepository(m_workspace->database).forCall(uuid, QStringLiteral("studio"));
    QCOMPARE((*feedback)->rating, 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM feedback")), 1);
}

void TestChatPage::billedModeWithEmptyWalletIsRefusedBeforeAnyCall()
{
    createPage();
    if (QTest::currentTestFailed())
        return;
    m_page->userRefEdit()->setText(QStringLiteral("pauper"));
    m_page->billedCheck()->setChecked(true);
    m_page->composer()->setPlainText(QStringLiteral("Read my chart"));
    m_page->send();
    ChatColumn *column = m_page->columns().first();
    QVERIFY(!column->isBusy());  // nothing was started
    QCOMPARE(column->model()->rowCount(), 2);
    const TranscriptEntry refusal = column->model()->entry(1);
    QCOMPARE(refusal.role, TranscriptEntry::Role::Notice);
    QVERIFY2(refusal.text.contains(QStringLiteral("pauper")), qPrintable(refusal.text));
    QVERIFY(!refusal.call.has_value());
    // The session started with its locked price; no provider was called and nothing was charged.
    QVERIFY(m_page->session().has_value());
    QVERIFY(m_page->session()->pricePerMessageMicroUsd.has_value());
    const QString locked = m_page->findChild<QLabel *>(QStringLiteral("sessionLabel"))->text();
    QVERIFY2(locked.contains(QStringLiteral("$0.02 per message")), qPrintable(locked));
    QVERIFY(m_page->recorder().flush().ok());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM calls")), 0);
    QCOMPARE(WalletRepository(m_workspace->database).balance(QStringLiteral("pauper")).value(), 0);

    // With money in the wallet the same session is charged its locked price per message.
    QVERIFY(WalletRepository(m_workspace->database).topUp(QStringLiteral("pauper"), 1000000).ok());
    sendAndWait(QStringLiteral("Now read it"));
    const TranscriptEntry answer = column->model()->entry(3);
    QVERIFY(answer.call.has_value());
    QCOMPARE(answer.call->status, CallRecord::Status::Ok);
    QCOMPARE(WalletRepository(m_workspace->database).balance(QStringLiteral("pauper")).value(),
             1000000 - *m_page->session()->pricePerMessageMicroUsd);
}

void TestChatPage::variablesPanelListsPromptAndSystemVariables()
{
    createPage();
    if (QTest::currentTestFailed())
        return;
    QStandardItemModel *prompt = m_page->variables()->promptModel();
    QVERIFY(prompt->rowCount() > 0);
    QStandardItemModel *system = m_page->variables()->systemModel();
    QVERIFY(!system->findItems(QStringLiteral("current_date")).isEmpty());
    const int dateRow = system->findItems(QStringLiteral("current_date")).first()->row();
    QVERIFY(!system->item(dateRow, 1)->text().isEmpty());
    // A value typed for the conversation reaches the rendered system prompt.
    const QString name = prompt->item(0, 0)->text();
    QVERIFY(m_page->variables()->setValue(name, QStringLiteral("ZQXJ-marker")));
    QCOMPARE(m_page->variables()->values().value(name).toString(), QStringLiteral("ZQXJ-marker"));
    sendAndWait(QStringLiteral("Hello"));
    const TranscriptEntry answer = m_page->columns().first()->model()->entry(1);
    QVERIFY2(answer.system.contains(QStringLiteral("ZQXJ-marker")) || name == QLatin1String("question"),
             qPrintable(name + QStringLiteral(": ") + answer.system));
}

void TestChatPage::sessionsAreListedFilteredAndReopened()
{
    createPage();
    if (QTest::currentTestFailed())
        return;
    QSignalSpy stored(m_page.get(), &ChatPage::answerStored);
    sendAndWait(QStringLiteral("Mercury retrograde worries"));
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, StreamTimeoutMs);
    const qint64 first = m_page->session()->id;
    m_page->newConversation();
    QVERIFY(!m_page->session().has_value());
    sendAndWait(QStringLiteral("Jupiter and money"));
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 2, StreamTimeoutMs);

    SessionsPanel *sessions = m_page->sessions();
    QAbstractItemModelTester tester(sessions->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(sessions->proxy()->rowCount(), 2);
    // Newest first, named after the first question.
    QCOMPARE(sessions->proxy()->index(0, SessionsTableModel::Title).data().toString(),
             QStringLiteral("Jupiter and money"));
    QCOMPARE(sessions->proxy()->index(0, SessionsTableModel::Bot).data().toString(), QStringLiteral("Astro Guide"));
    QTest::keyClicks(sessions->filterEdit(), QStringLiteral("mercury"));
    QCOMPARE(sessions->proxy()->rowCount(), 1);
    QCOMPARE(sessions->proxy()->index(0, 0).data(SessionsTableModel::SessionIdRole).toLongLong(), first);

    // Reopen the first conversation and go on with it.
    sessions->view()->setCurrentIndex(sessions->proxy()->index(0, 0));
    sessions->findChild<QPushButton *>(QStringLiteral("openSessionButton"))->click();
    QCOMPARE(m_page->session()->id, first);
    TranscriptModel *model = m_page->columns().first()->model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->entry(0).text, QStringLiteral("Mercury retrograde worries"));
    QCOMPARE(model->entry(1).role, TranscriptEntry::Role::Assistant);
    sendAndWait(QStringLiteral("And next week?"));
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 3, StreamTimeoutMs);
    QCOMPARE(model->rowCount(), 4);
    const auto messages = SessionRepository(m_workspace->database).messages(first);
    QVERIFY(messages.ok());
    QCOMPARE(messages->size(), 4);
    QCOMPARE(messages->at(2).content, QStringLiteral("And next week?"));

    // Export the selected session: Markdown by default, JSON for a .json name.
    sessions->filterEdit()->clear();
    sessions->refresh();
    for (int row = 0; row < sessions->proxy()->rowCount(); ++row)
        if (sessions->proxy()->index(row, 0).data(SessionsTableModel::SessionIdRole).toLongLong() == first)
            sessions->view()->setCurrentIndex(sessions->proxy()->index(row, 0));
    const QString markdownPath = m_workspace->dir.filePath(QStringLiteral("session.md"));
    FileDialog::instance().setNextFileName(markdownPath);
    sessions->findChild<QPushButton *>(QStringLiteral("exportSessionButton"))->click();
    QFile markdown(markdownPath);
    QVERIFY(markdown.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(markdown.readAll());
    QVERIFY2(text.contains(QStringLiteral("Mercury retrograde worries")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("And next week?")), qPrintable(text));
    const QString jsonPath = m_workspace->dir.filePath(QStringLiteral("session.json"));
    FileDialog::instance().setNextFileName(jsonPath);
    QCOMPARE(sessions->exportCurrent(), jsonPath);
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject exported = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(exported.value(QStringLiteral("schema")).toString(), SessionExporter::schemaName());
    QCOMPARE(exported.value(QStringLiteral("messages")).toArray().size(), 4);
}

void TestChatPage::mainWindowShowsTheChatPage()
{
    auto window = createMainWindow(*m_workspace);
    ChatPage *page = window->chatPage();
    QVERIFY(page);
    QCOMPARE(page->objectName(), QStringLiteral("chatPage"));
    QVERIFY(page->botCombo()->findData(AstroGuide) >= 0);
    QCOMPARE(page->pageActions().size(), 5);
    QVERIFY(page->chaosSlot());

    // The status bar shows the engine's state next to the workspace path, and follows the page's calls.
    auto *engine = window->findChild<QLabel *>(QStringLiteral("engineStateLabel"));
    QVERIFY(engine);
    QCOMPARE(engine->text(), QStringLiteral("Engine idle"));
    Q_EMIT page->runningCallsChanged(2);
    QCOMPARE(engine->text(), QStringLiteral("Engine: 2 calls streaming"));
}

void TestChatPage::chaosTabInjectsAFailureAndTheFallbackAnswers()
{
    createPage();
    if (QTest::currentTestFailed())
        return;
    ChaosPanel *chaos = m_page->chaosPanel();
    QVERIFY(chaos);
    ChaosHopsModel *hops = chaos->model();
    QVERIFY(hops->rowCount() >= 2);  // the Astro Guide chain: sim-smart, then sim-fast
    QCOMPARE(hops->index(0, ChaosHopsModel::ModelColumn).data().toString(), QStringLiteral("sim-smart"));

    // Arm a 500 on the primary through the table, as the Fault cell's editor does; the next call falls back.
    QVERIFY(hops->setData(hops->index(0, ChaosHopsModel::FaultColumn),
                          InjectedFault::name(InjectedFault::Kind::ServerError)));
    QVERIFY(m_page->columns().first()->service().faultInjector().armed(0).has_value());
    sendAndWait(QStringLiteral("Will it rain?"));
    const TranscriptEntry answer = m_page->columns().first()->model()->entry(1);
    QVERIFY(answer.call.has_value());
    QCOMPARE(answer.call->status, CallRecord::Status::Ok);
    QCOMPARE(answer.call->servedModel, QStringLiteral("sim-fast"));
    QVERIFY(answer.call->attempts.size() >= 2);
    QVERIFY2(FaultInjector::isInjected(answer.call->attempts.first().errorMessage),
             qPrintable(answer.call->attempts.first().errorMessage));
    // One-shot: the row disarmed itself and the next answer comes from the primary again.
    QTRY_VERIFY(hops->index(0, ChaosHopsModel::FaultColumn).data(ChaosHopsModel::ArmedKindRole).toString().isEmpty());
    sendAndWait(QStringLiteral("And tomorrow?"));
    const TranscriptEntry second = m_page->columns().first()->model()->entry(3);
    QVERIFY(second.call.has_value());
    QCOMPARE(second.call->servedModel, QStringLiteral("sim-smart"));
}

void TestChatPage::quickFollowUpsAreStoredInConversationOrder()
{
    createPage();
    if (QTest::currentTestFailed())
        return;
    QSignalSpy stored(m_page.get(), &ChatPage::answerStored);
    // Each follow-up goes out the moment the previous answer has finished, before that answer's call is recorded.
    const QStringList questions{QStringLiteral("First?"), QStringLiteral("Second?"), QStringLiteral("Third?")};
    int asked = 1;
    ChatColumn *column = m_page->columns().first();
    connect(column, &ChatColumn::answerFinished, m_page.get(), [this, &asked, &questions] {
        if (asked >= questions.size())
            return;
        m_page->composer()->setPlainText(questions.at(asked++));
        m_page->send();
    });
    sendAndWait(questions.first());
    QTRY_COMPARE_WITH_TIMEOUT(asked, 3, StreamTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 3, StreamTimeoutMs);
    const auto messages = SessionRepository(m_workspace->database).messages(m_page->session()->id);
    QVERIFY(messages.ok());
    QCOMPARE(messages->size(), 6);
    for (int turn = 0; turn < 3; ++turn) {
        QCOMPARE(messages->at(2 * turn).role, QStringLiteral("user"));
        QCOMPARE(messages->at(2 * turn).content, questions.at(turn));
        QCOMPARE(messages->at(2 * turn + 1).role, QStringLiteral("assistant"));
    }
}

QTEST_MAIN(TestChatPage)
#include "tst_chatpage.moc"
