// Answers in the chat transcript: feedback on every answer (the thumbs and comment buttons each finished answer's row
// draws, and the shortcuts on the current answer, stored through the same path as the details panel's feedback), and
// how the transcript's delegate follows a streaming answer.
#include "core/store/FeedbackRepository.h"
#include "core/store/ProviderRepository.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/chat/AnswerCommentDialog.h"
#include "ui/chat/ChatColumn.h"
#include "ui/chat/ChatPage.h"
#include "ui/chat/MarkdownDelegate.h"
#include "ui/chat/TranscriptModel.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <optional>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

constexpr int StreamTimeoutMs = ChatStreamTimeoutMs;
constexpr int StoreTimeoutMs = 5000;
using Button = AnswerFeedbackButtons::Button;

}  // namespace

class TestAnswerFeedback : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void clickingAnAnswersThumbsDownAndCommentStoresThemForThatCall();
    void shortcutsRateTheCurrentAnswer();
    void aFailedAnswerTakesNoThumbsUp();
    void aStreamingAnswerKeepsItsHeightUntilItWraps();

private:
    void createPage();
    /// Sends @p message with Ctrl+Enter and waits for the answer.
    void sendAndWait(const QString &message);
    /// Moves the mouse onto @p button of @p row's answer in the first column and clicks it.
    void clickButton(int row, Button button);
    std::optional<Feedback> storedFeedback(int row);
    ChatColumn *column() const { return m_page->columns().first(); }

    std::unique_ptr<UiWorkspace> m_workspace;
    std::unique_ptr<ChatPage> m_page;
};

void TestAnswerFeedback::init()
{
    m_workspace = std::make_unique<UiWorkspace>();
    m_workspace->openWithSample();
    if (QTest::currentTestFailed())
        return;
    setSimulator(m_workspace->database, QStringLiteral("latency_ms=5&tokens_per_second=2000"));
}

void TestAnswerFeedback::cleanup()
{
    m_page.reset();
    closeDialogs();
    m_workspace.reset();
}

void TestAnswerFeedback::createPage()
{
    m_page = createChatPage(*m_workspace, QStringLiteral("astro-guide"));
}

void TestAnswerFeedback::sendAndWait(const QString &message)
{
    Testing::sendAndWait(*m_page, message);
}

void TestAnswerFeedback::clickButton(int row, Button button)
{
    QListView *view = column()->view();
    const QModelIndex answer = column()->model()->index(row);
    view->scrollTo(answer);
    const QRect rect = column()->delegate()->buttonRect(view, answer, button);
    QVERIFY2(view->viewport()->rect().contains(rect), "the button is on screen");
    QTest::mouseMove(view->viewport(), rect.center());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

std::optional<Feedback> TestAnswerFeedback::storedFeedback(int row)
{
    const QString uuid = column()->model()->entry(row).call->uuid;
    auto feedback = FeedbackRepository(m_workspace->database).forCall(uuid, QStringLiteral("studio"));
    if (!feedback) {
        qWarning("%s", qPrintable(feedback.error().toString()));
        return std::nullopt;
    }
    return *feedback;
}

void TestAnswerFeedback::clickingAnAnswersThumbsDownAndCommentStoresThemForThatCall()
{
    createPage();
    if (QTest::currentTestFailed())
        return;
    sendAndWait(QStringLiteral("First question"));
    sendAndWait(QStringLiteral("Second question"));
    QCOMPARE(column()->model()->rowCount(), 4);
    // The newest answer is current; the first one is rated from its own row.
    QCOMPARE(column()->view()->currentIndex().row(), 3);
    QSignalSpy stored(m_page.get(), &ChatPage::feedbackStored);

    clickButton(1, Button::Bad);
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, StoreTimeoutMs);
    QCOMPARE(stored.at(0).at(0).toString(), column()->model()->entry(1).call->uuid);
    auto feedback = storedFeedback(1);
    QVERIFY(feedback.has_value());
    QCOMPARE(feedback->rating, -1);
    QCOMPARE(column()->model()->entry(1).rating, -1);
    QVERIFY(!storedFeedback(3).has_value());  // the other answer is untouched

    // The comment button asks for a comment and stores it with the vote.
    clickButton(1, Button::Comment);
    AnswerCommentDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_page->findChild<AnswerCommentDialog *>()) != nullptr && dialog->isVisible());
    QTest::keyClicks(dialog->commentEdit(), QStringLiteral("cites the wrong planet"));
    child<QPushButton>(dialog, "answerCommentBadButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 2, StoreTimeoutMs);
    feedback = storedFeedback(1);
    QVERIFY(feedback.has_value());
    QCOMPARE(feedback->rating, -1);
    QCOMPARE(feedback->comment, QStringLiteral("cites the wrong planet"));

    // Changing one's mind with a thumb keeps the comment.
    clickButton(1, Button::Good);
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 3, StoreTimeoutMs);
    feedback = storedFeedback(1);
    QCOMPARE(feedback->rating, 1);
    QCOMPARE(feedback->comment, QStringLiteral("cites the wrong planet"));
    QCOMPARE(column()->model()->entry(1).rating, 1);
    QVERIFY(!storedFeedback(3).has_value());
}

void TestAnswerFeedback::shortcutsRateTheCurrentAnswer()
{
    createPage();
    if (QTest::currentTestFailed())
        return;
    sendAndWait(QStringLiteral("Rate me by keyboard"));
    QListView *view = column()->view();
    view->setFocus();
    view->setCurrentIndex(column()->model()->index(1));
    QSignalSpy stored(m_page.get(), &ChatPage::feedbackStored);

    QTest::keyClick(view, Qt::Key_Down, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, StoreTimeoutMs);
    QCOMPARE(storedFeedback(1)->rating, -1);
    QCOMPARE(view->currentIndex().row(), 1);  // the key rated, it did not move the selection

    QTest::keyClick(view, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    AnswerCommentDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_page->findChild<AnswerCommentDialog *>()) != nullptr && dialog->isVisible());
    QTest::keyClicks(dialog->commentEdit(), QStringLiteral("too vague"));
    // Enter stores with the vote already given; the dialog closes and deletes itself.
    const QPointer<AnswerCommentDialog> closing(dialog);
    QTest::keyClick(dialog->commentEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 2, StoreTimeoutMs);
    auto feedback = storedFeedback(1);
    QCOMPARE(feedback->rating, -1);
    QCOMPARE(feedback->comment, QStringLiteral("too vague"));

    // Back in the transcript once the dialog closed (the offscreen platform does not hand activation back itself).
    QTRY_VERIFY(!closing);
    m_page->activateWindow();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_Up, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 3, StoreTimeoutMs);
    QCOMPARE(storedFeedback(1)->rating, 1);
    QCOMPARE(storedFeedback(1)->comment, QStringLiteral("too vague"));
    QVERIFY(column()
                ->model()
                ->data(column()->model()->index(1), Qt::AccessibleDescriptionRole)
                .toString()
                .startsWith(QStringLiteral("Rated good.")));
}

void TestAnswerFeedback::aFailedAnswerTakesNoThumbsUp()
{
    TranscriptModel model;
    CallRecord failed;
    failed.uuid = QStringLiteral("failed-call");
    failed.status = CallRecord::Status::Failed;
    const int row = model.append(TranscriptEntry{TranscriptEntry::Role::Assistant, QString(), true, {}, {}, {}, 0});
    QVERIFY(!model.acceptsRating(row, -1));  // still streaming: nothing to rate yet
    QVERIFY(!model.data(model.index(row), TranscriptModel::RatingRole).isValid());
    model.finish(row, failed, QString());
    QVERIFY(model.acceptsRating(row, -1));
    QVERIFY(!model.acceptsRating(row, 1));
    QVERIFY(!model.data(model.index(row), TranscriptModel::GoodRatingAllowedRole).toBool());
    QCOMPARE(model.data(model.index(row), TranscriptModel::RatingRole).toInt(), 0);
}

void TestAnswerFeedback::aStreamingAnswerKeepsItsHeightUntilItWraps()
{
    TranscriptModel model;
    MarkdownDelegate delegate;
    delegate.watch(&model);
    QSignalSpy resized(&delegate, &MarkdownDelegate::sizeHintChanged);
    const int row = model.append(TranscriptEntry{TranscriptEntry::Role::Assistant, QString(), true, {}, {}, {}, 0});
    model.appendText(row, QStringLiteral("The stars"));
    QStyleOptionViewItem option;
    option.rect = QRect(0, 0, 900, 10);
    const int oneLine = delegate.sizeHint(option, model.index(row)).height();
    resized.clear();

    // A few more words on the same line: the view need not lay the transcript out again.
    model.appendText(row, QStringLiteral(" say"));
    QCOMPARE(resized.count(), 0);
    QCOMPARE(delegate.sizeHint(option, model.index(row)).height(), oneLine);

    // Enough to wrap: the row grows and says so.
    model.appendText(row, QStringLiteral(" that the sky is clear tonight").repeated(20));
    QCOMPARE(resized.count(), 1);
    QVERIFY(delegate.sizeHint(option, model.index(row)).height() > oneLine);

    // Finishing (Markdown, a summary line) always lays the row out again.
    resized.clear();
    CallRecord call;
    call.uuid = QStringLiteral("done");
    call.status = CallRecord::Status::Ok;
    model.finish(row, call, QString());
    QCOMPARE(resized.count(), 1);
}

QTEST_MAIN(TestAnswerFeedback)
#include "tst_answerfeedback.moc"
