#include "ui/chat/ChatColumn.h"

#include "ui/chat/AnswerCommentDialog.h"
#include "ui/chat/MarkdownDelegate.h"
#include "ui/chat/TranscriptModel.h"

#include <QLabel>
#include <QListView>
#include <QPersistentModelIndex>
#include <QScrollBar>
#include <QVBoxLayout>
#include <utility>

namespace Switchyard {

ChatColumn::ChatColumn(Database &database, QNetworkAccessManager *network, SecretResolver &secrets,
                       UsageRecorder &recorder, QWidget *parent)
    : QWidget(parent), m_service(std::make_unique<ChatService>(database, network, secrets, recorder)),
      m_model(new TranscriptModel(this)), m_view(new QListView(this)), m_delegate(new MarkdownDelegate(this)),
      m_title(new QLabel(this))
{
    m_title->setObjectName(QStringLiteral("columnTitle"));
    m_title->setVisible(false);
    m_view->setObjectName(QStringLiteral("transcriptView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_delegate->watch(m_model);
    m_view->setUniformItemSizes(false);
    m_view->setWordWrap(true);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // Hovering a finished answer shows its feedback buttons.
    m_view->setMouseTracking(true);
    m_view->viewport()->setAttribute(Qt::WA_Hover);
    connect(m_delegate, &MarkdownDelegate::feedbackButtonClicked, this,
            [this](const QModelIndex &index, AnswerFeedbackButtons::Button button) {
                if (button == AnswerFeedbackButtons::Button::Comment)
                    askComment(index.row());
                else
                    rate(index.row(), button == AnswerFeedbackButtons::Button::Good ? 1 : -1);
            });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_view);

    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(CoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &ChatColumn::flushPending);
    connect(m_service.get(), &ChatService::delta, this, &ChatColumn::onDelta);
    connect(m_service.get(), &ChatService::restarted, this, &ChatColumn::onRestarted);
    connect(m_service.get(), &ChatService::finished, this, &ChatColumn::onFinished);
}

ChatColumn::~ChatColumn()
{
    // A running call would report into a half-destroyed column.
    disconnect(m_service.get(), nullptr, this, nullptr);
    m_service->cancel();
}

void ChatColumn::setTitle(const QString &title)
{
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
}

QString ChatColumn::title() const
{
    return m_title->text();
}

void ChatColumn::send(const QString &message, Result<PreparedChat> prepared)
{
    if (isBusy())
        return;
    m_model->append(TranscriptEntry{TranscriptEntry::Role::User, message, false, std::nullopt, {}, {}, 0});
    if (!prepared) {
        m_model->append(TranscriptEntry{TranscriptEntry::Role::Notice,
                                        tr("**Not sent:** %1").arg(prepared.error().message),
                                        false,
                                        std::nullopt,
                                        {},
                                        {},
                                        0});
        scrollToEndIfFollowing();
        return;
    }
    m_system = prepared->call.system;
    m_pending.clear();
    m_answerRow = m_model->append(TranscriptEntry{TranscriptEntry::Role::Assistant, {}, true, std::nullopt, {}, {}, 0});
    scrollToEndIfFollowing();
    Q_EMIT busyChanged(true);
    m_service->start(std::move(*prepared));
}

void ChatColumn::stop()
{
    if (isBusy())
        m_service->cancel();
}

void ChatColumn::rate(int row, int rating)
{
    if (m_model->acceptsRating(row, rating))
        Q_EMIT rated(row, rating);
}

void ChatColumn::askComment(int row)
{
    if (!m_model->acceptsRating(row, -1))
        return;
    auto *dialog = new AnswerCommentDialog(m_model->entry(row).rating, m_model->acceptsRating(row, 1), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The transcript may be cut (edit & resend) while the dialog is open: the comment is for that answer or none.
    const QPersistentModelIndex answer = m_model->index(row);
    connect(dialog, &QDialog::accepted, this, [this, dialog, answer] {
        if (answer.isValid() && m_model->acceptsRating(answer.row(), dialog->rating()))
            Q_EMIT commented(answer.row(), dialog->rating(), dialog->comment());
    });
    dialog->open();
}

void ChatColumn::onDelta(const QString &text)
{
    m_pending += text;
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void ChatColumn::onRestarted(const QString &reason)
{
    m_pending.clear();
    m_coalesce.stop();
    m_model->restart(m_answerRow, reason);
}

void ChatColumn::flushPending()
{
    if (m_pending.isEmpty())
        return;
    m_model->appendText(m_answerRow, m_pending);
    m_pending.clear();
    scrollToEndIfFollowing();
}

void ChatColumn::onFinished()
{
    m_coalesce.stop();
    // The last text goes in together with the completion, and the view lays the answer out once, as Markdown:
    // flushing it first made scrollToBottom() lay the whole answer out as plain text just before.
    m_model->appendText(m_answerRow, std::exchange(m_pending, QString()));
    const int row = m_answerRow;
    m_model->finish(row, m_service->record(), m_system);
    m_answerRow = -1;
    scrollToEndIfFollowing();
    Q_EMIT busyChanged(false);
    Q_EMIT answerFinished(row);
}

void ChatColumn::scrollToEndIfFollowing()
{
    QScrollBar *bar = m_view->verticalScrollBar();
    if (bar->value() >= bar->maximum() - 4)
        m_view->scrollToBottom();
}

}  // namespace Switchyard
