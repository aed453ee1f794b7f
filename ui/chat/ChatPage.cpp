#include "ui/chat/ChatPage.h"

#include "core/accounting/ChatSessionLedger.h"
#include "core/accounting/UsageRecorder.h"
#include "core/model/Money.h"
#include "core/secrets/EnvironmentSecretBackend.h"
#include "core/settings/Settings.h"
#include "core/store/BotRepository.h"
#include "core/store/CallLogRepository.h"
#include "core/store/CallUsageRepository.h"
#include "core/store/FeedbackRepository.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/ProviderRepository.h"
#include "core/store/SessionRepository.h"
#include "core/workspace/PromptReference.h"
#include "platform/keychain/KeychainSecretBackend.h"
#include "ui/chat/AnswerDetailsPanel.h"
#include "ui/chat/AnswerFeedbackButtons.h"
#include "ui/chat/ChaosPanel.h"
#include "ui/chat/ChatColumn.h"
#include "ui/chat/SessionsPanel.h"
#include "ui/chat/TranscriptModel.h"
#include "ui/chat/VariablesPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QUuid>
#include <QVBoxLayout>

namespace Switchyard {

namespace {

QAction *pageAction(const QString &text, const QList<QKeySequence> &keys, QWidget *page)
{
    auto *action = new QAction(text, page);
    action->setShortcuts(keys);
    // The chat page is one page of a stack: its keys must not fire while another page is shown.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    page->addAction(action);
    return action;
}

/// The conversation so far as the model should see it: questions and the answers that succeeded.
QList<ChatMessage> history(const TranscriptModel &model)
{
    QList<ChatMessage> messages;
    for (int row = 0; row < model.rowCount(); ++row) {
        const TranscriptEntry &entry = model.entry(row);
        if (entry.role == TranscriptEntry::Role::User) {
            messages.append(ChatMessage{ChatMessage::Role::User, entry.text});
        } else if (entry.role == TranscriptEntry::Role::Assistant && !entry.streaming &&
                   (!entry.call || entry.call->status == CallRecord::Status::Ok)) {
            // An answer without a call was reopened from a stored session: stored answers all succeeded.
            messages.append(ChatMessage{ChatMessage::Role::Assistant, entry.text});
        } else if (!messages.isEmpty() && messages.constLast().role == ChatMessage::Role::User) {
            messages.removeLast();  // a question without an answer is not part of the conversation
        }
    }
    // A trailing question never answered (the one being asked now is added by the service).
    if (!messages.isEmpty() && messages.constLast().role == ChatMessage::Role::User)
        messages.removeLast();
    return messages;
}

/// Gives the answer in @p row its stored @p call, as a live answer gets its record when it finishes: the details
/// panel shows both the same way. A call stored without its prompt says so where the system prompt would be.
void showStoredCall(TranscriptModel &model, int row, const CallRecord &call)
{
    model.finish(row, call,
                 call.sent ? call.sent->system
                           : ChatPage::tr("(not recorded: this call was stored without the prompt it sent)"));
}

/// The turn (1 for the first question) @p row belongs to: the questions up to it.
int turnOf(const TranscriptModel &model, int row)
{
    int turn = 0;
    for (int r = 0; r <= row && r < model.rowCount(); ++r) {
        if (model.entry(r).role == TranscriptEntry::Role::User)
            ++turn;
    }
    return turn;
}

}  // namespace

ChatPage::ChatPage(Database &database, Settings &settings, QWidget *parent)
    : QWidget(parent), m_database(database), m_settings(settings),
      m_secrets(std::make_shared<EnvironmentSecretBackend>(), std::make_shared<KeychainSecretBackend>()),
      m_recorder(std::make_unique<UsageRecorder>(database)), m_bot(new QComboBox(this)), m_config(new QComboBox(this)),
      m_compare(new QCheckBox(tr("Compare"), this)), m_userRef(new QLineEdit(this)),
      m_billed(new QCheckBox(tr("Billed"), this)), m_columnsSplitter(new QSplitter(Qt::Horizontal, this)),
      m_side(new QTabWidget(this)), m_details(new AnswerDetailsPanel(this)), m_variables(new VariablesPanel(this)),
      m_sessions(new SessionsPanel(database, this)), m_chaosSlot(new QWidget(this)),
      m_composer(new QPlainTextEdit(this)), m_notice(new QLabel(this)), m_sessionLabel(new QLabel(this)),
      m_sendButton(new QPushButton(tr("Send"), this)), m_stopButton(new QPushButton(tr("Stop"), this)),
      m_regenerateButton(new QPushButton(tr("Regenerate"), this)),
      m_editButton(new QPushButton(tr("Edit && Resend"), this))
{
    m_flushPool.setMaxThreadCount(1);  // flushes in order; one is plenty
    // Its writes open a database connection for the thread (kept until the workspace closes): one thread for the
    // page's life, not a new one after every idle half minute.
    m_flushPool.setExpiryTimeout(-1);
    m_bot->setObjectName(QStringLiteral("botCombo"));
    m_config->setObjectName(QStringLiteral("configCombo"));
    // Long bot and config names are elided instead of widening the window.
    for (QComboBox *combo : {m_bot, m_config}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(18);
    }
    m_compare->setObjectName(QStringLiteral("compareCheck"));
    m_compare->setToolTip(tr("Send the same message to up to four configs at once"));
    m_userRef->setObjectName(QStringLiteral("userRefEdit"));
    m_userRef->setPlaceholderText(tr("User ref"));
    m_userRef->setText(QStringLiteral("studio"));
    m_billed->setObjectName(QStringLiteral("billedCheck"));
    m_billed->setToolTip(tr("Charge the user's wallet the bot's per-message price, locked when the session starts"));
    m_columnsSplitter->setObjectName(QStringLiteral("columnsSplitter"));
    m_side->setObjectName(QStringLiteral("sideTabs"));
    m_chaosSlot->setObjectName(QStringLiteral("chaosSlot"));
    m_chaosSlot->setLayout(new QVBoxLayout);
    m_composer->setObjectName(QStringLiteral("composer"));
    m_composer->setPlaceholderText(tr("Type a message — Ctrl+Enter sends, Enter starts a new line"));
    m_composer->setTabChangesFocus(true);
    m_notice->setObjectName(QStringLiteral("chatNoticeLabel"));
    m_sessionLabel->setObjectName(QStringLiteral("sessionLabel"));
    m_notice->setWordWrap(true);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_regenerateButton->setObjectName(QStringLiteral("regenerateButton"));
    m_editButton->setObjectName(QStringLiteral("editResendButton"));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Bot:"), this));
    top->addWidget(m_bot, 1);
    top->addWidget(new QLabel(tr("Config:"), this));
    top->addWidget(m_config, 1);
    top->addWidget(m_compare);
    // The configs to compare with get a row of their own, so the page keeps its width with three of them.
    auto *compareRow = new QHBoxLayout;
    for (int n = 0; n < MaxCompared; ++n) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("compareCombo%1").arg(n + 1));
        combo->setVisible(false);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(16);
        compareRow->addWidget(combo, 1);
        m_compareWith.append(combo);
        connect(combo, &QComboBox::currentIndexChanged, this, &ChatPage::rebuildColumns);
    }
    top->addStretch();
    top->addWidget(m_sessionLabel);
    top->addWidget(m_userRef);
    top->addWidget(m_billed);

    m_side->addTab(m_details, tr("Details"));
    m_side->addTab(m_variables, tr("Variables"));
    m_side->addTab(m_sessions, tr("Sessions"));
    m_side->addTab(m_chaosSlot, tr("Chaos"));

    auto *middle = new QSplitter(Qt::Horizontal, this);
    middle->setObjectName(QStringLiteral("chatSplitter"));
    middle->addWidget(m_columnsSplitter);
    middle->addWidget(m_side);
    middle->setStretchFactor(0, 3);
    middle->setStretchFactor(1, 1);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_sendButton);
    buttons->addWidget(m_stopButton);
    buttons->addWidget(m_regenerateButton);
    buttons->addWidget(m_editButton);
    buttons->addStretch();
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_composer, 1);
    bottom->addLayout(buttons);
    m_composer->setMaximumHeight(120);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(compareRow);
    layout->addWidget(middle, 1);
    layout->addWidget(m_notice);
    layout->addLayout(bottom);

    m_sendAction =
        pageAction(tr("Send"), {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}, this);
    m_stopAction = pageAction(tr("Stop"), {QKeySequence(Qt::Key_Escape)}, this);
    m_regenerateAction = pageAction(tr("Regenerate"), {QKeySequence(Qt::CTRL | Qt::Key_R)}, this);
    m_editAction = pageAction(tr("Edit and Resend"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)}, this);
    m_newAction = pageAction(tr("New Conversation"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)}, this);
    connect(m_sendAction, &QAction::triggered, this, &ChatPage::send);
    connect(m_stopAction, &QAction::triggered, this, &ChatPage::stop);
    connect(m_regenerateAction, &QAction::triggered, this, &ChatPage::regenerate);
    connect(m_editAction, &QAction::triggered, this, &ChatPage::editAndResend);
    connect(m_newAction, &QAction::triggered, this, &ChatPage::newConversation);
    // Feedback on the current answer (the one the details show), from anywhere on the page.
    using Button = AnswerFeedbackButtons::Button;
    for (const Button button : {Button::Good, Button::Bad, Button::Comment}) {
        QAction *action =
            pageAction(AnswerFeedbackButtons::actionText(button), {AnswerFeedbackButtons::shortcut(button)}, this);
        action->setObjectName(button == Button::Good  ? QStringLiteral("rateGoodAction")
                              : button == Button::Bad ? QStringLiteral("rateBadAction")
                                                      : QStringLiteral("rateWithCommentAction"));
        connect(action, &QAction::triggered, this, [this, button] {
            if (!m_selectedColumn)
                return;
            if (button == Button::Comment)
                m_selectedColumn->askComment(m_selectedRow);
            else
                m_selectedColumn->rate(m_selectedRow, button == Button::Good ? 1 : -1);
        });
    }
    connect(m_sendButton, &QPushButton::clicked, this, &ChatPage::send);
    connect(m_stopButton, &QPushButton::clicked, this, &ChatPage::stop);
    connect(m_regenerateButton, &QPushButton::clicked, this, &ChatPage::regenerate);
    connect(m_editButton, &QPushButton::clicked, this, &ChatPage::editAndResend);

    connect(m_bot, &QComboBox::currentIndexChanged, this, [this] {
        fillConfigs();
        newConversation();
    });
    connect(m_config, &QComboBox::currentIndexChanged, this, [this] {
        updatePrompt();
        newConversation();
    });
    connect(m_compare, &QCheckBox::toggled, this, [this](bool on) {
        for (QComboBox *combo : std::as_const(m_compareWith))
            combo->setVisible(on);
        // A billed session is one user's conversation with one bot; a comparison is a tester's experiment.
        m_billed->setEnabled(!on);
        if (on)
            m_billed->setChecked(false);
        m_details->setCompareMode(on);
        rebuildColumns();
    });
    connect(m_billed, &QCheckBox::toggled, this, [this](bool billed) {
        // A billed session runs on the bot's active config, at the price that config sets.
        if (billed)
            m_config->setCurrentIndex(0);
        updateBusy();
        newConversation();
    });
    connect(m_details, &AnswerDetailsPanel::rated, this, &ChatPage::rate);
    connect(m_sessions, &SessionsPanel::openRequested, this, &ChatPage::openSession);
    connect(m_sessions, &SessionsPanel::exported, this,
            [this](const QString &path) { Q_EMIT statusMessage(tr("Session exported to %1").arg(path)); });
    connect(m_sessions, &SessionsPanel::exportFailed, m_notice, &QLabel::setText);
    connect(m_details, &AnswerDetailsPanel::markedWinner, this, &ChatPage::markWinner);

    m_system.setTimeZone(m_settings.timeZone());
    m_variables->refreshSystem(m_system);
    reload();
    m_sessions->refresh();
    updateBusy();
}

ChatPage::~ChatPage()
{
    // Columns (also those waiting for deleteLater) own services that write to m_recorder: they go while it lives.
    qDeleteAll(m_columnsSplitter->findChildren<ChatColumn *>(Qt::FindDirectChildrenOnly));
    m_columns.clear();
    m_flushPool.waitForDone();
}

QList<QAction *> ChatPage::pageActions() const
{
    return {m_sendAction, m_stopAction, m_regenerateAction, m_editAction, m_newAction};
}

QString ChatPage::botSlug() const
{
    return m_bot->currentData().toString();
}

void ChatPage::reload()
{
    const QString slug = botSlug();
    const QSignalBlocker blockBots(m_bot);
    m_bot->clear();
    auto bots = BotRepository(m_database).list();
    if (!bots) {
        m_notice->setText(bots.error().toString());
        return;
    }
    QStringList allConfigs;
    QList<qint64> allConfigIds;
    for (const Bot &bot : std::as_const(*bots)) {
        m_bot->addItem(bot.name, bot.slug);
        m_bot->setItemData(m_bot->count() - 1, bot.id, Qt::UserRole + 1);
        auto configs = LlmConfigRepository(m_database).listForBot(bot.id);
        if (!configs)
            continue;
        for (const LlmConfig &config : std::as_const(*configs)) {
            allConfigs.append(tr("%1 — %2").arg(bot.name, config.name));
            allConfigIds.append(config.id);
        }
    }
    for (QComboBox *combo : std::as_const(m_compareWith)) {
        const QSignalBlocker blockCompare(combo);
        const QVariant selected = combo->currentData();
        combo->clear();
        combo->addItem(tr("—"), qint64(-1));
        for (int n = 0; n < allConfigs.size(); ++n)
            combo->addItem(allConfigs.at(n), allConfigIds.at(n));
        combo->setCurrentIndex(qMax(0, combo->findData(selected)));
    }
    m_bot->setCurrentIndex(qMax(0, m_bot->findData(slug)));
    fillConfigs();
    // A workspace reload (a bot saved elsewhere in the studio) keeps the conversation going when its bot is still
    // there; the service sees the new configuration at the next message.
    if (m_columns.isEmpty() || botSlug() != slug)
        newConversation();
}

void ChatPage::fillConfigs()
{
    const QSignalBlocker block(m_config);
    const QVariant selected = m_config->currentData();
    m_config->clear();
    const qint64 botId = m_bot->currentData(Qt::UserRole + 1).toLongLong();
    auto configs = LlmConfigRepository(m_database).listForBot(botId);
    QString active = tr("none");
    if (configs) {
        for (const LlmConfig &config : std::as_const(*configs)) {
            if (config.active)
                active = config.name;
        }
    }
    m_config->addItem(tr("Active config (%1)").arg(active), qint64(-1));
    if (configs) {
        for (const LlmConfig &config : std::as_const(*configs))
            m_config->addItem(config.name, config.id);
    }
    m_config->setCurrentIndex(qMax(0, m_config->findData(selected)));
    updatePrompt();
}

void ChatPage::updatePrompt()
{
    std::optional<LlmConfig> config;
    const qint64 configId = m_config->currentData().toLongLong();
    if (configId >= 0) {
        if (auto found = LlmConfigRepository(m_database).byId(configId))
            config = *found;
    } else if (auto active =
                   LlmConfigRepository(m_database).activeForBot(m_bot->currentData(Qt::UserRole + 1).toLongLong())) {
        config = *active;
    }
    std::optional<PromptVersion> version;
    if (config && !config->promptKey.isEmpty()) {
        const PromptReference reference{config->promptKey, config->promptVersion, config->promptLabel};
        if (auto resolved = reference.resolve(m_database))
            version = *resolved;
    }
    m_variables->setPrompt(version);
    m_chosenConfig = config;
    updateChaosPanel();
}

void ChatPage::updateChaosPanel()
{
    // A panel belongs to one ChatService: a rebuilt first column gets a new panel.
    ChatService *service = m_columns.isEmpty() ? nullptr : &m_columns.first()->service();
    if (m_chaos && m_chaosService != service) {
        delete m_chaos;
        m_chaos = nullptr;
    }
    if (!service)
        return;
    if (!m_chaos) {
        m_chaos = new ChaosPanel(service, m_chaosSlot);
        m_chaosService = service;
        m_chaosSlot->layout()->addWidget(m_chaos);
    }
    if (!m_chosenConfig)
        return;
    const auto providers = ProviderRepository(m_database).load();
    if (providers)
        m_chaos->setConfig(*providers, *m_chosenConfig);
    else
        Q_EMIT statusMessage(tr("Chaos controls: %1").arg(providers.error().toString()));
}

QList<ChatPage::Target> ChatPage::targets() const
{
    QList<Target> targets{{m_config->currentData().toLongLong(), m_config->currentText()}};
    if (m_compare->isChecked()) {
        for (const QComboBox *combo : m_compareWith) {
            if (combo->currentData().toLongLong() >= 0)
                targets.append({combo->currentData().toLongLong(), combo->currentText()});
        }
    }
    return targets;
}

void ChatPage::rebuildColumns()
{
    for (ChatColumn *column : std::as_const(m_columns)) {
        column->stop();
        column->hide();  // gone from the splitter at once; deleted when control is back in the event loop
        column->deleteLater();
    }
    m_columns.clear();
    m_selectedColumn = nullptr;
    m_selectedRow = -1;
    m_details->showEntry(nullptr);
    // Empty transcripts are a new conversation: a comparison's sessions, winners and stored calls belong to the old.
    m_comparison.clear();
    m_winnerRows.clear();
    m_columnTitles.clear();
    m_rowOfCall.clear();
    ++m_conversationSerial;
    const QList<Target> wanted = targets();
    for (const Target &target : wanted) {
        auto *column = new ChatColumn(m_database, &m_network, m_secrets, *m_recorder, m_columnsSplitter);
        column->setObjectName(QStringLiteral("chatColumn%1").arg(m_columns.size() + 1));
        m_columnTitles.append(wanted.size() > 1 ? target.title : QString());
        m_winnerRows.append(QSet<int>());
        column->setTitle(m_columnTitles.constLast());
        m_columnsSplitter->addWidget(column);
        m_columns.append(column);
        connect(column, &ChatColumn::busyChanged, this, &ChatPage::updateBusy);
        connect(column, &ChatColumn::answerFinished, this, [this, column](int row) { onAnswerFinished(column, row); });
        connect(column, &ChatColumn::rated, this,
                [this, column](int row, int rating) { rateAnswer(column, row, rating, std::nullopt); });
        connect(column, &ChatColumn::commented, this, [this, column](int row, int rating, const QString &comment) {
            rateAnswer(column, row, rating, comment);
        });
        connect(column->view()->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this, column](const QModelIndex &current) { onSelected(column, current.row()); });
        // In compare mode each column keeps its own current answer: a click must switch the details even when it
        // lands on the index that is already current there.
        connect(column->view(), &QAbstractItemView::clicked, this,
                [this, column](const QModelIndex &index) { onSelected(column, index.row()); });
    }
    updateChaosPanel();
    updateBusy();
}

void ChatPage::newConversation()
{
    m_session.reset();
    m_notice->clear();
    updateSessionLabel();
    rebuildColumns();
}

void ChatPage::updateSessionLabel()
{
    if (!m_session) {
        m_sessionLabel->setText(m_billed->isChecked() ? tr("Billed: the price locks at the first message") : QString());
        return;
    }
    m_sessionLabel->setText(
        m_session->pricePerMessageMicroUsd
            ? tr("Billed %1 per message (locked %2)")
                  .arg(MicroUsd::format(*m_session->pricePerMessageMicroUsd),
                       QLocale().toString(m_session->priceLockedAt.toLocalTime(), QLocale::ShortFormat))
            : tr("Session not billed"));
}

int ChatPage::runningCalls() const
{
    return int(std::count_if(m_columns.cbegin(), m_columns.cend(), [](const ChatColumn *c) { return c->isBusy(); }));
}

void ChatPage::updateBusy()
{
    const int running = runningCalls();
    const bool busy = running > 0;
    if (running != m_runningCalls) {
        m_runningCalls = running;
        Q_EMIT runningCallsChanged(running);
    }
    const bool hasQuestion =
        !m_columns.isEmpty() && m_columns.first()->model()->lastRow(TranscriptEntry::Role::User) >= 0;
    m_sendButton->setEnabled(!busy);
    m_sendAction->setEnabled(!busy);
    m_stopButton->setEnabled(busy);
    m_stopAction->setEnabled(busy);
    m_regenerateButton->setEnabled(!busy && hasQuestion);
    m_regenerateAction->setEnabled(!busy && hasQuestion);
    m_editButton->setEnabled(!busy && hasQuestion);
    m_editAction->setEnabled(!busy && hasQuestion);
    m_bot->setEnabled(!busy);
    m_config->setEnabled(!busy && !m_billed->isChecked());
    m_compare->setEnabled(!busy);
}

void ChatPage::send()
{
    const QString message = m_composer->toPlainText().trimmed();
    if (message.isEmpty() || m_columns.isEmpty() || m_columns.first()->isBusy())
        return;
    m_composer->clear();
    sendMessage(message);
}

Result<void> ChatPage::ensureSession(const QString &firstMessage)
{
    if (m_session)
        return {};
    // The first question names the conversation in the session list.
    const QString simplified = firstMessage.simplified();
    const QString title = simplified.size() > 60 ? simplified.left(59) + QChar(0x2026) : simplified;
    if (m_billed->isChecked()) {
        auto started = ChatSessionLedger(m_database).startSession(botSlug(), m_userRef->text().trimmed(), title);
        if (!started)
            return started.error();
        m_session = *started;
        updateSessionLabel();
        m_sessions->refresh();
        return {};
    }
    ChatSession session;
    session.botId = m_bot->currentData(Qt::UserRole + 1).toLongLong();
    const qint64 configId = m_config->currentData().toLongLong();
    if (configId >= 0)
        session.configId = configId;
    session.userRef = m_userRef->text().trimmed();
    session.title = title;
    auto created = SessionRepository(m_database).create(session);
    if (!created)
        return created.error();
    m_session = *created;
    updateSessionLabel();
    m_sessions->refresh();
    return {};
}

bool ChatPage::openSession(qint64 sessionId)
{
    // Messages still queued for storing belong in what is read back.
    m_flushPool.waitForDone();
    SessionRepository repository(m_database);
    auto session = repository.byId(sessionId);
    if (session && session->isComparison())
        return openComparison(*session);
    auto messages = session ? repository.messages(sessionId) : Result<QList<SessionMessage>>(session.error());
    if (!session || !messages) {
        m_notice->setText(session ? messages.error().toString() : session.error().toString());
        return false;
    }
    const int botIndex = session->botId ? m_bot->findData(*session->botId, Qt::UserRole + 1) : -1;
    if (botIndex < 0) {
        m_notice->setText(
            tr("The bot of session %1 no longer exists; its messages are in the database.").arg(session->uuid));
        return false;
    }
    // Each of these starts a new conversation; the session's own comes last.
    m_compare->setChecked(false);
    m_bot->setCurrentIndex(botIndex);
    const int configIndex =
        session->configId && !session->pricePerMessageMicroUsd ? m_config->findData(*session->configId) : 0;
    m_config->setCurrentIndex(qMax(0, configIndex));
    m_billed->setChecked(session->pricePerMessageMicroUsd.has_value());
    m_userRef->setText(session->userRef);
    newConversation();
    m_session = *session;
    updateSessionLabel();
    QList<StoredAnswer> answers;
    fillTranscript(0, *messages, &answers);
    updateBusy();
    loadStoredCalls(answers);
    return true;
}

bool ChatPage::openComparison(const ChatSession &first)
{
    auto sessions = SessionRepository(m_database).comparison(first.compareGroup);
    if (!sessions || sessions->isEmpty()) {
        m_notice->setText(sessions ? tr("The comparison of session %1 has no columns left.").arg(first.uuid)
                                   : sessions.error().toString());
        return false;
    }
    const ChatSession &lead = sessions->constFirst();
    const int botIndex = lead.botId ? m_bot->findData(*lead.botId, Qt::UserRole + 1) : -1;
    if (botIndex < 0) {
        m_notice->setText(
            tr("The bot of comparison %1 no longer exists; its messages are in the database.").arg(lead.uuid));
        return false;
    }
    m_compare->setChecked(false);
    m_billed->setChecked(false);
    m_bot->setCurrentIndex(botIndex);
    m_config->setCurrentIndex(qMax(0, lead.configId ? m_config->findData(*lead.configId) : 0));
    m_userRef->setText(lead.userRef);
    // The other columns come back through the compare choices; a column whose config is gone can not.
    QList<ChatSession> shown{lead};
    QStringList missing;
    for (QComboBox *combo : std::as_const(m_compareWith)) {
        const QSignalBlocker block(combo);
        combo->setCurrentIndex(0);
    }
    for (qsizetype n = 1; n < sessions->size(); ++n) {
        const ChatSession &column = sessions->at(n);
        const int index = column.configId ? m_compareWith.first()->findData(*column.configId) : -1;
        if (index <= 0 || shown.size() > MaxCompared) {
            missing << QString::number(column.compareColumn + 1);
            continue;
        }
        QComboBox *combo = m_compareWith.at(shown.size() - 1);
        const QSignalBlocker block(combo);
        combo->setCurrentIndex(index);
        shown.append(column);
    }
    m_compare->setChecked(true);  // rebuilds the columns for the choices above
    newConversation();
    m_comparison = shown;
    QList<StoredAnswer> answers;
    for (int column = 0; column < int(shown.size()) && column < int(m_columns.size()); ++column) {
        auto messages = SessionRepository(m_database).messages(shown.at(column).id);
        if (!messages) {
            m_notice->setText(messages.error().toString());
            continue;
        }
        fillTranscript(column, *messages, &answers);
    }
    updateColumnTitles();
    if (!missing.isEmpty()) {
        m_notice->setText(tr("Column(s) %1 of this comparison can not be shown: their configs no longer exist.")
                              .arg(missing.join(QStringLiteral(", "))));
    }
    updateBusy();
    loadStoredCalls(answers);
    return true;
}

void ChatPage::fillTranscript(int column, const QList<SessionMessage> &messages, QList<StoredAnswer> *answers)
{
    ChatColumn *target = m_columns.at(column);
    TranscriptModel *model = target->model();
    for (const SessionMessage &message : messages) {
        if (message.role == QLatin1String("user")) {
            model->append(TranscriptEntry{TranscriptEntry::Role::User, message.content, false, {}, {}, {}, 0});
        } else if (message.role == QLatin1String("assistant")) {
            const int row =
                model->append(TranscriptEntry{TranscriptEntry::Role::Assistant, message.content, false, {}, {}, {}, 0});
            if (message.callId) {
                answers->append(StoredAnswer{column, row, *message.callId});
                m_rowOfCall.insert(*message.callId, {column, row});
            }
            if (message.winner) {
                m_winnerRows[column].insert(row);
                model->setRating(row, 1);  // a winner was rated +1 when it was picked
            }
        }
    }
    target->view()->scrollToBottom();
}

void ChatPage::loadStoredCalls(const QList<StoredAnswer> &answers)
{
    if (answers.isEmpty()) {
        Q_EMIT storedCallsLoaded();
        return;
    }
    m_notice->setText(tr("Loading the call details of %n answer(s)…", nullptr, int(answers.size())));
    struct Loaded {
        QList<std::optional<CallRecord>> calls;
        QStringList errors;
    };
    auto loaded = std::make_shared<Loaded>();
    Database &database = m_database;
    const quint64 serial = m_conversationSerial;
    afterRecorded(
        [&database, answers, loaded]() -> Result<void> {
            CallLogRepository log(database);
            for (const StoredAnswer &answer : answers) {
                auto call = log.call(answer.callId);
                loaded->calls.append(call ? std::optional<CallRecord>(*call) : std::nullopt);
                if (!call)
                    loaded->errors << call.error().message;
            }
            return {};
        },
        [this, answers, loaded, serial](const Result<void> &) {
            if (serial != m_conversationSerial)
                return;  // the transcripts were rebuilt meanwhile
            for (qsizetype n = 0; n < answers.size() && n < loaded->calls.size(); ++n) {
                const StoredAnswer &answer = answers.at(n);
                if (!loaded->calls.at(n) || answer.column >= m_columns.size())
                    continue;
                // Regenerate or edit & resend may have replaced the row meanwhile: only a reopened answer takes it.
                TranscriptModel &model = *m_columns.at(answer.column)->model();
                if (answer.row >= model.rowCount())
                    continue;
                const TranscriptEntry &entry = model.entry(answer.row);
                if (entry.role == TranscriptEntry::Role::Assistant && !entry.streaming && !entry.call)
                    showStoredCall(model, answer.row, *loaded->calls.at(n));
            }
            if (loaded->errors.isEmpty())
                m_notice->clear();
            else
                m_notice->setText(tr("Some call details could not be read: %1").arg(loaded->errors.constFirst()));
            if (m_selectedColumn && m_columns.contains(m_selectedColumn))
                onSelected(m_selectedColumn, m_selectedRow);
            Q_EMIT storedCallsLoaded();
        });
}

void ChatPage::openCall(qint64 callId)
{
    if (callId <= 0)
        return;
    if (runningCalls() > 0) {
        m_notice->setText(tr("Stop the answer in progress before opening call %1.").arg(callId));
        return;
    }
    m_notice->setText(tr("Opening call %1…").arg(callId));
    struct Found {
        std::optional<Result<CallRecord>> call;
        std::optional<Result<std::optional<SessionMessage>>> message;
    };
    auto found = std::make_shared<Found>();
    Database &database = m_database;
    afterRecorded(
        [&database, callId, found]() -> Result<void> {
            found->call = CallLogRepository(database).call(callId);
            if (*found->call)
                found->message = SessionRepository(database).messageForCall(callId);
            return {};
        },
        [this, callId, found](const Result<void> &) {
            if (!*found->call) {
                m_notice->setText(tr("Could not open call %1: %2").arg(callId).arg(found->call->error().toString()));
                return;
            }
            if (found->message && !*found->message) {
                m_notice->setText(tr("Could not open call %1: %2").arg(callId).arg(found->message->error().toString()));
                return;
            }
            showOpenedCall(callId, **found->call, found->message ? **found->message : std::optional<SessionMessage>());
        });
}

void ChatPage::showOpenedCall(qint64 callId, const CallRecord &call, const std::optional<SessionMessage> &message)
{
    if (message) {
        if (!openSession(message->sessionId))
            return;
        if (const auto at = m_rowOfCall.find(callId); at != m_rowOfCall.end()) {
            ChatColumn *column = m_columns.value(at->first);
            if (column) {
                column->view()->setCurrentIndex(column->model()->index(at->second));
                onSelected(column, at->second);
            }
        }
        Q_EMIT callOpened(callId);
        return;
    }
    const int botIndex = call.botId ? m_bot->findData(*call.botId, Qt::UserRole + 1) : -1;
    if (botIndex < 0) {
        m_notice->setText(call.botId
                              ? tr("The bot of call %1 no longer exists, so it can not be asked again.").arg(call.uuid)
                              : tr("Call %1 was not made with a bot (an ad-hoc call), so the chat tester can "
                                   "not ask it again.")
                                    .arg(call.uuid));
        return;
    }
    m_compare->setChecked(false);
    m_billed->setChecked(false);
    m_bot->setCurrentIndex(botIndex);
    const int configIndex = call.configId ? m_config->findData(*call.configId) : 0;
    m_config->setCurrentIndex(qMax(0, configIndex));
    newConversation();
    QStringList notes;
    if (call.configId && configIndex < 0)
        notes << tr("The config of call %1 no longer exists; the bot's active config is chosen.").arg(call.uuid);
    if (call.sent) {
        m_composer->setPlainText(call.sent->lastUserMessage());
    } else {
        m_composer->clear();
        notes << tr("Call %1 was recorded without its message; type one to ask again.").arg(call.uuid);
    }
    m_notice->setText(notes.join(QLatin1Char(' ')));
    m_composer->setFocus();
    m_composer->moveCursor(QTextCursor::End);
    Q_EMIT callOpened(callId);
}

void ChatPage::sendMessage(const QString &message)
{
    m_notice->clear();
    m_system.setTimeZone(m_settings.timeZone());
    m_variables->refreshSystem(m_system);
    const QJsonObject values = m_variables->values();
    const bool single = m_columns.size() == 1;
    const bool billed = single && m_billed->isChecked();
    if (auto started = single ? ensureSession(message) : ensureComparison(message); !started) {
        m_columns.first()->send(message, started.error());
        updateBusy();
        return;
    }
    const QList<Target> wanted = targets();
    for (int n = 0; n < m_columns.size() && n < wanted.size(); ++n) {
        ChatColumn *column = m_columns.at(n);
        ChatService &service = column->service();
        Result<PreparedChat> prepared = Error::make(Error::Code::Internal, QString());
        if (billed) {
            // The service checks the wallet and adds the session's history, and charges after the answer.
            prepared = service.prepareForBot(botSlug(), message, values, m_system, &*m_session);
        } else {
            prepared = wanted.at(n).configId < 0
                           ? service.prepareForBot(botSlug(), message, values, m_system)
                           : service.prepareForConfig(wanted.at(n).configId, message, values, m_system);
            if (prepared)
                prepared->call.messages = history(*column->model()) + prepared->call.messages;
        }
        const std::optional<qint64> storedIn = billed ? std::nullopt : sessionIdFor(column);
        if (prepared && storedIn) {
            // Through the same ordered queue as the answers: a quick follow-up question is never stored before the
            // answer to the previous one (which waits for its call to be recorded).
            Database &database = m_database;
            const qint64 sessionId = *storedIn;
            afterRecorded(
                [&database, sessionId, message]() -> Result<void> {
                    auto stored = SessionRepository(database).appendMessage(sessionId, QStringLiteral("user"), message);
                    if (!stored)
                        return stored.error();
                    return {};
                },
                [this](const Result<void> &stored) {
                    if (!stored)
                        m_notice->setText(stored.error().toString());
                });
        }
        column->send(message, std::move(prepared));
    }
    updateBusy();
}

void ChatPage::stop()
{
    for (ChatColumn *column : std::as_const(m_columns))
        column->stop();
}

void ChatPage::regenerate()
{
    if (m_columns.isEmpty() || m_columns.first()->isBusy())
        return;
    const int row = m_columns.first()->model()->lastRow(TranscriptEntry::Role::User);
    if (row < 0)
        return;
    const QString message = m_columns.first()->model()->entry(row).text;
    for (ChatColumn *column : std::as_const(m_columns))
        column->model()->truncate(column->model()->lastRow(TranscriptEntry::Role::User));
    sendMessage(message);
}

void ChatPage::editAndResend()
{
    if (m_columns.isEmpty() || m_columns.first()->isBusy())
        return;
    const int row = m_columns.first()->model()->lastRow(TranscriptEntry::Role::User);
    if (row < 0)
        return;
    m_composer->setPlainText(m_columns.first()->model()->entry(row).text);
    for (ChatColumn *column : std::as_const(m_columns))
        column->model()->truncate(column->model()->lastRow(TranscriptEntry::Role::User));
    m_composer->setFocus();
    m_composer->moveCursor(QTextCursor::End);
    updateBusy();
}

void ChatPage::onAnswerFinished(ChatColumn *column, int row)
{
    // Making the answer current shows it in the details (currentChanged); only an answer that already was current
    // is shown from here, so the details are filled once.
    const QModelIndex answer = column->model()->index(row);
    if (column->view()->currentIndex() != answer)
        column->view()->setCurrentIndex(answer);
    else
        onSelected(column, row);
    const TranscriptEntry &entry = column->model()->entry(row);
    if (!entry.call)
        return;
    const CallRecord call = *entry.call;
    if (m_columns.size() == 1 && m_session && m_session->pricePerMessageMicroUsd) {
        // Billed: the service charged the wallet and stored both messages; say what it cost or why it could not.
        if (const auto &error = column->service().chargeError())
            m_notice->setText(error->message);
        else if (const auto &charge = column->service().charge())
            Q_EMIT statusMessage(
                tr("Charged %1 µ$; the wallet holds %2 µ$").arg(charge->chargedMicroUsd).arg(charge->balanceMicroUsd));
        return;
    }
    const std::optional<qint64> storedIn = sessionIdFor(column);
    if (storedIn && call.status == CallRecord::Status::Ok) {
        Database &database = m_database;
        const qint64 sessionId = *storedIn;
        const QString text = entry.text;
        const QString uuid = call.uuid;
        afterRecorded(
            [&database, sessionId, text, uuid]() -> Result<void> {
                auto recorded = CallUsageRepository(database).byUuid(uuid);
                auto stored = SessionRepository(database).appendMessage(sessionId, QStringLiteral("assistant"), text,
                                                                        recorded ? std::optional<qint64>(recorded->id)
                                                                                 : std::nullopt);
                if (!stored)
                    return stored.error();
                return {};
            },
            [this, uuid](const Result<void> &stored) {
                if (!stored)
                    m_notice->setText(stored.error().toString());
                else
                    Q_EMIT answerStored(uuid);
            });
    }
}

Result<void> ChatPage::ensureComparison(const QString &firstMessage)
{
    if (!m_comparison.isEmpty() || m_columns.size() < 2)
        return {};
    const QString simplified = firstMessage.simplified();
    const QString title = simplified.size() > 60 ? simplified.left(59) + QChar(0x2026) : simplified;
    const QString group = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QList<Target> wanted = targets();
    QList<ChatSession> created;
    for (int column = 0; column < int(wanted.size()) && column < int(m_columns.size()); ++column) {
        ChatSession session;
        session.botId = m_bot->currentData(Qt::UserRole + 1).toLongLong();
        if (wanted.at(column).configId >= 0) {
            session.configId = wanted.at(column).configId;
            // A compared config may belong to another bot: its session is that bot's.
            if (auto config = LlmConfigRepository(m_database).byId(*session.configId))
                session.botId = config->botId;
        }
        session.userRef = m_userRef->text().trimmed();
        session.title = title;
        session.compareGroup = group;
        session.compareColumn = column;
        auto stored = SessionRepository(m_database).create(session);
        if (!stored)
            return stored.error();
        created.append(*stored);
    }
    m_comparison = created;
    m_sessions->refresh();
    return {};
}

std::optional<qint64> ChatPage::sessionIdFor(const ChatColumn *column) const
{
    if (m_columns.size() == 1)
        return m_session ? std::optional<qint64>(m_session->id) : std::nullopt;
    const qsizetype index = m_columns.indexOf(column);
    if (index < 0 || index >= m_comparison.size())
        return std::nullopt;
    return m_comparison.at(index).id;
}

void ChatPage::markWinner()
{
    QStringList names;
    for (const QString &title : std::as_const(m_columnTitles))
        names.append(title);
    rate(1, tr("Winner of the comparison %1").arg(names.join(tr(" vs "))));

    const int columnIndex = int(m_columns.indexOf(m_selectedColumn));
    if (columnIndex < 0 || m_selectedRow < 0 || m_selectedRow >= m_selectedColumn->model()->rowCount())
        return;
    const TranscriptEntry &entry = m_selectedColumn->model()->entry(m_selectedRow);
    if (!entry.call)
        return;
    // One winner per turn: picking another answer to the same question moves the mark.
    const int turn = turnOf(*m_selectedColumn->model(), m_selectedRow);
    for (int column = 0; column < int(m_columns.size()) && column < int(m_winnerRows.size()); ++column) {
        const TranscriptModel &model = *m_columns.at(column)->model();
        QSet<int> &rows = m_winnerRows[column];
        for (auto it = rows.begin(); it != rows.end();)
            it = turnOf(model, *it) == turn ? rows.erase(it) : std::next(it);
    }
    m_winnerRows[columnIndex].insert(m_selectedRow);
    updateColumnTitles();
    if (!sessionIdFor(m_selectedColumn))
        return;
    Database &database = m_database;
    const QString uuid = entry.call->uuid;
    afterRecorded(
        [&database, uuid]() -> Result<void> {
            auto call = CallUsageRepository(database).byUuid(uuid);
            if (!call)
                return call.error();
            return SessionRepository(database).markWinner(call->id);
        },
        [this](const Result<void> &stored) {
            if (!stored)
                m_notice->setText(tr("The winner was not stored: %1").arg(stored.error().toString()));
        });
}

void ChatPage::updateColumnTitles()
{
    for (int column = 0; column < int(m_columns.size()) && column < int(m_columnTitles.size()); ++column) {
        const int wins = int(m_winnerRows.value(column).size());
        const QString title = m_columnTitles.at(column);
        m_columns.at(column)->setTitle(wins == 0 ? title : tr("%1 — ★ won %n turn(s)", nullptr, wins).arg(title));
    }
}

void ChatPage::onSelected(ChatColumn *column, int row)
{
    m_selectedColumn = column;
    m_selectedRow = row;
    const bool answer = row >= 0 && row < column->model()->rowCount() &&
                        column->model()->entry(row).role == TranscriptEntry::Role::Assistant;
    m_details->showEntry(answer ? &column->model()->entry(row) : nullptr);
}

void ChatPage::rate(int rating, const QString &comment)
{
    rateAnswer(m_selectedColumn, m_selectedRow, rating, comment);
}

void ChatPage::rateAnswer(ChatColumn *target, int row, int rating, const std::optional<QString> &comment)
{
    if (!target || row < 0 || row >= target->model()->rowCount())
        return;
    const TranscriptEntry &entry = target->model()->entry(row);
    if (!entry.call)
        return;
    const QString uuid = entry.call->uuid;
    const QString userRef = m_userRef->text().trimmed();
    QPointer<ChatColumn> column(target);
    Database &database = m_database;
    afterRecorded(
        [&database, uuid, rating, comment, userRef]() -> Result<void> {
            FeedbackRepository feedback(database);
            QString text = comment.value_or(QString());
            if (!comment) {
                auto earlier = feedback.forCall(uuid, userRef);
                if (!earlier)
                    return earlier.error();
                if (*earlier)
                    text = (*earlier)->comment;
            }
            auto stored = feedback.rate(uuid, rating, text, userRef);
            if (!stored)
                return stored.error();
            return {};
        },
        [this, uuid, rating, column, row](const Result<void> &stored) {
            if (!stored) {
                m_details->setFeedbackStatus(stored.error().message);
                Q_EMIT feedbackFailed(stored.error().message);
                return;
            }
            if (column && row < column->model()->rowCount() &&
                column->model()->data(column->model()->index(row), TranscriptModel::CallUuidRole) == uuid)
                column->model()->setRating(row, rating);
            m_details->setFeedbackStatus(rating > 0 ? tr("Stored: thumbs up") : tr("Stored: thumbs down"));
            Q_EMIT feedbackStored(uuid);
        });
}

void ChatPage::afterRecorded(std::function<Result<void>()> store, std::function<void(const Result<void> &)> then)
{
    UsageRecorder *recorder = m_recorder.get();
    m_flushPool.start([this, recorder, store = std::move(store), then = std::move(then)] {
        // A dropped record shows up as "not recorded" in what follows; the flush error itself adds nothing.
        (void)recorder->flush();
        // On this thread's own connection (Database keeps one per thread).
        Result<void> stored = store();
        QMetaObject::invokeMethod(
            this, [then, stored = std::move(stored)] { then(stored); }, Qt::QueuedConnection);
    });
}

}  // namespace Switchyard
