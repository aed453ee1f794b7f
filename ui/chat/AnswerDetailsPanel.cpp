#include "ui/chat/AnswerDetailsPanel.h"

#include "ui/chat/AttemptsTableModel.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Switchyard {

namespace {

QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

}  // namespace

AnswerDetailsPanel::AnswerDetailsPanel(QWidget *parent)
    : QWidget(parent), m_served(valueLabel(QStringLiteral("servedByLabel"), this)),
      m_tokens(valueLabel(QStringLiteral("tokensLabel"), this)), m_cost(valueLabel(QStringLiteral("costLabel"), this)),
      m_timing(valueLabel(QStringLiteral("timingLabel"), this)),
      m_status(valueLabel(QStringLiteral("statusLabel"), this)), m_attempts(new AttemptsTableModel(this)),
      m_attemptsView(new QTableView(this)), m_showSystem(new QToolButton(this)), m_system(new QPlainTextEdit(this)),
      m_comment(new QLineEdit(this)), m_up(new QPushButton(tr("Good answer"), this)),
      m_down(new QPushButton(tr("Bad answer"), this)), m_winner(new QPushButton(tr("Mark as Winner"), this)),
      m_feedbackStatus(valueLabel(QStringLiteral("feedbackStatusLabel"), this))
{
    auto *form = new QFormLayout;
    form->addRow(tr("Served by:"), m_served);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Tokens:"), m_tokens);
    form->addRow(tr("Cost:"), m_cost);
    form->addRow(tr("Timing:"), m_timing);

    m_attemptsView->setObjectName(QStringLiteral("attemptsView"));
    m_attemptsView->setModel(m_attempts);
    m_attemptsView->verticalHeader()->hide();
    m_attemptsView->horizontalHeader()->setStretchLastSection(true);
    m_attemptsView->setSelectionBehavior(QAbstractItemView::SelectRows);

    m_showSystem->setObjectName(QStringLiteral("showSystemPromptButton"));
    m_showSystem->setText(tr("System prompt sent"));
    m_showSystem->setCheckable(true);
    m_showSystem->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_showSystem->setArrowType(Qt::RightArrow);
    m_system->setObjectName(QStringLiteral("systemPromptView"));
    m_system->setReadOnly(true);
    m_system->setVisible(false);
    connect(m_showSystem, &QToolButton::toggled, this, [this](bool shown) {
        m_system->setVisible(shown);
        m_showSystem->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    });

    m_comment->setObjectName(QStringLiteral("feedbackCommentEdit"));
    m_comment->setPlaceholderText(tr("Optional comment"));
    m_up->setObjectName(QStringLiteral("thumbsUpButton"));
    m_down->setObjectName(QStringLiteral("thumbsDownButton"));
    m_winner->setObjectName(QStringLiteral("markWinnerButton"));
    m_winner->setVisible(false);
    connect(m_up, &QPushButton::clicked, this, [this] { Q_EMIT rated(1, m_comment->text()); });
    connect(m_down, &QPushButton::clicked, this, [this] { Q_EMIT rated(-1, m_comment->text()); });
    connect(m_winner, &QPushButton::clicked, this, &AnswerDetailsPanel::markedWinner);
    auto *feedback = new QHBoxLayout;
    feedback->addWidget(m_up);
    feedback->addWidget(m_down);
    feedback->addWidget(m_winner);
    feedback->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Path:"), this));
    layout->addWidget(m_attemptsView, 1);
    layout->addWidget(m_showSystem);
    layout->addWidget(m_system, 1);
    layout->addWidget(m_comment);
    layout->addLayout(feedback);
    layout->addWidget(m_feedbackStatus);
    showEntry(nullptr);
}

void AnswerDetailsPanel::setCompareMode(bool compare)
{
    m_compare = compare;
    m_winner->setVisible(compare && m_up->isEnabled());
}

void AnswerDetailsPanel::setFeedbackStatus(const QString &text)
{
    m_feedbackStatus->setText(text);
}

QString AnswerDetailsPanel::comment() const
{
    return m_comment->text();
}

void AnswerDetailsPanel::showEntry(const TranscriptEntry *entry)
{
    const CallRecord *call = entry && entry->call ? &*entry->call : nullptr;
    m_up->setEnabled(call && call->status == CallRecord::Status::Ok);
    m_down->setEnabled(call != nullptr);
    m_winner->setVisible(m_compare && m_up->isEnabled());
    m_feedbackStatus->clear();
    if (!call) {
        const QString none = entry && entry->streaming ? tr("(streaming…)") : tr("Select an answer");
        for (QLabel *label : {m_served, m_tokens, m_cost, m_timing, m_status})
            label->setText(label == m_served ? none : QString());
        m_attempts->setAttempts({});
        showSystem({});
        m_comment->clear();
        return;
    }
    m_served->setText(call->servedProvider.isEmpty()
                          ? tr("nobody (requested %1 / %2)").arg(call->requestedProvider, call->requestedModel)
                          : tr("%1 / %2 / %3")
                                .arg(call->servedProvider, call->servedModel,
                                     call->servedRegion.isEmpty() ? tr("no region") : call->servedRegion));
    m_status->setText(call->errorMessage.isEmpty()
                          ? CallRecord::statusName(call->status)
                          : tr("%1: %2").arg(CallRecord::statusName(call->status), call->errorMessage));
    const Usage &usage = call->usage;
    m_tokens->setText(tr("input %1, cached input %2, cache write %3, output %4, reasoning %5")
                          .arg(usage.input)
                          .arg(usage.cachedInput)
                          .arg(usage.cacheWrite)
                          .arg(usage.output)
                          .arg(usage.reasoning));
    m_cost->setText(tr("$%1").arg(call->costUsd, 0, 'f', 6));
    m_timing->setText(tr("latency %1, first token %2")
                          .arg(call->latencyMs ? tr("%1 ms").arg(*call->latencyMs) : tr("n/a"),
                               call->ttftMs ? tr("%1 ms").arg(*call->ttftMs) : tr("n/a")));
    m_attempts->setAttempts(call->attempts, entry->restarts);
    showSystem(entry->system);
    m_comment->clear();
}

void AnswerDetailsPanel::showSystem(const QString &system)
{
    // Every answer of a conversation usually went out with the same system prompt.
    if (system == m_shownSystem)
        return;
    m_shownSystem = system;
    m_system->setPlainText(system);
}

}  // namespace Switchyard
