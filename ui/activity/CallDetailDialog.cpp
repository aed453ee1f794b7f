#include "ui/activity/CallDetailDialog.h"

#include "core/model/Money.h"
#include "core/store/BotRepository.h"
#include "core/store/CallLogRepository.h"
#include "core/store/DatabaseWorker.h"
#include "core/store/PromptRepository.h"
#include "core/store/SessionRepository.h"
#include "ui/activity/CallNavigator.h"
#include "ui/chat/AttemptsTableModel.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Switchyard {

/// Everything the dialog shows about one call, read on the dialog's worker.
struct CallDetail {
    CallRecord call;
    QString bot;  ///< the bot's slug (its id when the bot is gone); empty when the call had none
    Result<QString> promptTemplate = QString();  ///< the body of the prompt version the call used
    Result<QList<SessionMessage>> conversation = QList<SessionMessage>();  ///< the call's session, when it had one
};

namespace {

Result<CallDetail> readCallDetail(Database &database, qint64 callId)
{
    auto call = CallLogRepository(database).call(callId);
    if (!call)
        return call.error();
    CallDetail detail;
    detail.call = std::move(*call);
    if (detail.call.botId) {
        auto found = BotRepository(database).byId(*detail.call.botId);
        detail.bot = found ? found->slug : QString::number(*detail.call.botId);
    }
    if (!detail.call.promptKey.isEmpty()) {
        PromptRepository prompts(database);
        auto version = detail.call.promptVersion ? prompts.version(detail.call.promptKey, *detail.call.promptVersion)
                                                 : prompts.latest(detail.call.promptKey);
        if (version)
            detail.promptTemplate = version->body;
        else
            detail.promptTemplate = version.error();
    }
    if (detail.call.sessionId)
        detail.conversation = SessionRepository(database).messages(*detail.call.sessionId);
    return detail;
}

}  // namespace

CallDetailDialog::CallDetailDialog(Database &database, QWidget *parent)
    : QDialog(parent), m_database(database), m_form(new QFormLayout), m_error(new QLabel(this)),
      m_attemptsModel(new AttemptsTableModel(this)), m_attemptsView(new QTableView(this)),
      m_prompt(new QPlainTextEdit(this)), m_sentSystem(new QPlainTextEdit(this)),
      m_sentMessages(new QPlainTextEdit(this)), m_conversation(new QPlainTextEdit(this)),
      m_loading(new QLabel(tr("Reading the call…"), this))
{
    setObjectName(QStringLiteral("callDetailDialog"));
    setWindowTitle(tr("Call"));
    resize(820, 620);

    m_error->setObjectName(QStringLiteral("callDetailError"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_loading->setObjectName(QStringLiteral("callDetailLoading"));
    m_loading->hide();

    m_attemptsView->setObjectName(QStringLiteral("callAttemptsView"));
    m_attemptsView->setModel(m_attemptsModel);
    m_attemptsView->verticalHeader()->hide();
    m_attemptsView->horizontalHeader()->setStretchLastSection(true);
    m_attemptsView->setSelectionBehavior(QAbstractItemView::SelectRows);

    m_prompt->setObjectName(QStringLiteral("callPromptText"));
    m_sentSystem->setObjectName(QStringLiteral("callSentSystemText"));
    m_sentMessages->setObjectName(QStringLiteral("callSentMessagesText"));
    m_conversation->setObjectName(QStringLiteral("callConversation"));
    // What was sent is shown as it went out: monospace, unwrapped, so indentation and YAML structure stay readable.
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *text : {m_prompt, m_sentSystem, m_sentMessages, m_conversation}) {
        text->setReadOnly(true);
        if (text != m_conversation) {
            text->setFont(fixed);
            text->setLineWrapMode(QPlainTextEdit::NoWrap);
        }
    }
    auto *texts = new QTabWidget(this);
    texts->setObjectName(QStringLiteral("callTexts"));
    texts->addTab(m_sentSystem, tr("System Prompt Sent"));
    texts->addTab(m_sentMessages, tr("Messages Sent"));
    texts->addTab(m_prompt, tr("Prompt Template"));
    texts->addTab(m_conversation, tr("Conversation"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_openInChat = buttons->addButton(tr("Open in Chat Tester"), QDialogButtonBox::ActionRole);
    m_openInChat->setObjectName(QStringLiteral("openInChatButton"));
    m_openInChat->setToolTip(tr("Reopen the conversation of this call, or start one on its config with its message"));
    m_openInChat->setEnabled(false);
    connect(m_openInChat, &QPushButton::clicked, this, [this] {
        const qint64 callId = m_callId;
        accept();
        Q_EMIT openInChatRequested(callId);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_loading);
    layout->addWidget(m_error);
    layout->addLayout(m_form);
    layout->addWidget(new QLabel(tr("Attempt path"), this));
    layout->addWidget(m_attemptsView, 2);
    layout->addWidget(texts, 1);
    layout->addWidget(buttons);
}

void CallDetailDialog::setField(const QString &objectName, const QString &label, const QString &value)
{
    auto *field = new QLabel(value, this);
    field->setObjectName(objectName);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse);
    field->setWordWrap(true);
    m_form->addRow(label, field);
}

CallDetailDialog *CallDetailDialog::openFor(Database &database, qint64 callId, QWidget *parent)
{
    if (callId <= 0)
        return nullptr;
    auto *dialog = new CallDetailDialog(database, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CallDetailDialog::openInChatRequested, &CallNavigator::instance(),
            &CallNavigator::openInChatRequested);
    dialog->showCall(callId);
    dialog->open();
    return dialog;
}

void CallDetailDialog::showCall(qint64 callId)
{
    // Read on a worker: the call with its attempts and sent prompt, its prompt version and its whole conversation.
    if (!m_worker)
        m_worker = new DatabaseWorker(m_database, QStringLiteral("callDetailWorker"), this);
    m_loading->show();
    m_openInChat->setEnabled(false);
    m_worker->runLatest(
        m_requests.next(), [callId](Database &database) { return readCallDetail(database, callId); },
        [this, callId](const Result<CallDetail> &detail) {
            m_loading->hide();
            const bool shown = showDetail(callId, detail);
            Q_EMIT callShown(shown);
        });
}

bool CallDetailDialog::isLoading() const
{
    return m_loading->isVisibleTo(this);
}

bool CallDetailDialog::showDetail(qint64 callId, const Result<CallDetail> &detail)
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_openInChat->setEnabled(detail.ok());
    m_callId = detail ? callId : 0;
    if (!detail) {
        m_call = {};
        m_attemptsModel->setAttempts({});
        for (QPlainTextEdit *text : {m_prompt, m_sentSystem, m_sentMessages, m_conversation})
            text->clear();
        m_error->setText(tr("Could not read the call: %1").arg(detail.error().toString()));
        m_error->show();
        return false;
    }
    m_error->hide();
    m_call = detail->call;
    setWindowTitle(tr("Call %1").arg(m_call.uuid));

    const QLocale locale;
    const QString bot = detail->bot.isEmpty() ? tr("none") : detail->bot;
    const auto target = [](const QString &provider, const QString &model) {
        return provider.isEmpty() ? tr("none") : tr("%1 / %2").arg(provider, model);
    };
    const auto milliseconds = [&](const std::optional<qint64> &value) {
        return value ? tr("%1 ms").arg(locale.toString(*value)) : tr("not measured");
    };
    setField(QStringLiteral("callUuid"), tr("Call id:"), m_call.uuid);
    setField(QStringLiteral("callTime"), tr("Time:"), locale.toString(m_call.createdAt.toLocalTime()));
    setField(QStringLiteral("callBot"), tr("Bot:"), bot);
    setField(QStringLiteral("callConfig"), tr("Config:"),
             m_call.configId ? QString::number(*m_call.configId) : tr("none"));
    setField(QStringLiteral("callPrompt"), tr("Prompt:"),
             m_call.promptKey.isEmpty() ? tr("none")
             : m_call.promptVersion     ? tr("%1@%2").arg(m_call.promptKey).arg(*m_call.promptVersion)
                                        : m_call.promptKey);
    setField(QStringLiteral("callRequested"), tr("Asked for:"),
             target(m_call.requestedProvider, m_call.requestedModel));
    setField(QStringLiteral("callServed"), tr("Answered by:"), target(m_call.servedProvider, m_call.servedModel));
    setField(QStringLiteral("callStatus"), tr("Status:"),
             m_call.errorMessage.isEmpty()
                 ? CallRecord::statusName(m_call.status)
                 : tr("%1 — %2").arg(CallRecord::statusName(m_call.status), m_call.errorMessage));
    setField(QStringLiteral("callTokens"), tr("Tokens:"),
             tr("%1 input, %2 cached, %3 output, %4 reasoning")
                 .arg(locale.toString(m_call.usage.input), locale.toString(m_call.usage.cachedInput),
                      locale.toString(m_call.usage.output), locale.toString(m_call.usage.reasoning)));
    setField(QStringLiteral("callCost"), tr("Cost:"),
             tr("$%1").arg(MicroUsd::decimal(MicroUsd::fromUsd(m_call.costUsd))));
    setField(QStringLiteral("callLatency"), tr("Latency:"),
             tr("%1 (first token after %2)").arg(milliseconds(m_call.latencyMs), milliseconds(m_call.ttftMs)));
    setField(QStringLiteral("callSentPrompt"), tr("Prompt sent:"),
             m_call.sent ? tr("recorded (%n message(s))", nullptr, int(m_call.sent->messages.size()))
                         : tr("not recorded"));
    m_attemptsModel->setAttempts(m_call.attempts, m_call.restartNotes());

    showSent();
    showPrompt(detail->promptTemplate);
    showConversation(callId, detail->conversation);
    return true;
}

void CallDetailDialog::showSent()
{
    m_sentSystem->clear();
    m_sentMessages->clear();
    if (!m_call.sent) {
        const QString notRecorded =
            tr("Not recorded: this call was stored without the prompt it sent (a call from before this version of "
               "Switchyard, or demo data). The Prompt Template tab shows the template of its prompt version.");
        m_sentSystem->setPlaceholderText(notRecorded);
        m_sentMessages->setPlaceholderText(notRecorded);
        return;
    }
    m_sentSystem->setPlaceholderText(tr("The call was sent without a system prompt."));
    m_sentSystem->setPlainText(m_call.sent->system);
    QStringList messages;
    for (const ChatMessage &message : std::as_const(m_call.sent->messages))
        messages << tr("[%1]\n%2").arg(ChatMessage::roleName(message.role), message.content);
    m_sentMessages->setPlaceholderText(tr("The call was sent without messages."));
    m_sentMessages->setPlainText(messages.join(QStringLiteral("\n\n")));
}

void CallDetailDialog::showPrompt(const Result<QString> &promptTemplate)
{
    // The template of the prompt version the call used; what it rendered to is under System Prompt Sent.
    m_prompt->clear();
    if (m_call.promptKey.isEmpty()) {
        m_prompt->setPlaceholderText(tr("This call used no stored prompt."));
        return;
    }
    if (!promptTemplate) {
        m_prompt->setPlaceholderText(
            tr("The prompt %1 is not in this workspace: %2").arg(m_call.promptKey, promptTemplate.error().toString()));
        return;
    }
    m_prompt->setPlainText(*promptTemplate);
}

void CallDetailDialog::showConversation(qint64 callId, const Result<QList<SessionMessage>> &messages)
{
    // A chat call's conversation is stored, up to its answer.
    m_conversation->clear();
    if (!m_call.sessionId) {
        m_conversation->setPlaceholderText(tr("This call was not made from a chat session, so no conversation "
                                              "was recorded with it."));
        return;
    }
    if (!messages) {
        m_conversation->setPlaceholderText(tr("Could not read the conversation: %1").arg(messages.error().toString()));
        return;
    }
    QStringList lines;
    for (const SessionMessage &message : *messages) {
        lines << tr("[%1] %2").arg(message.role, message.content);
        if (message.callId == callId)
            break;
    }
    m_conversation->setPlainText(lines.join(QStringLiteral("\n\n")));
}

}  // namespace Switchyard
