#pragma once

#include "ui/chat/TranscriptModel.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace Switchyard {

class AttemptsTableModel;

/// The details of the selected answer: who served it, the path through the chain with every attempt, tokens by kind,
/// cost, latency and time to first token, the exact system prompt sent (expandable), and its feedback controls.
class AnswerDetailsPanel : public QWidget {
    Q_OBJECT

public:
    explicit AnswerDetailsPanel(QWidget *parent = nullptr);

    /// Shows @p entry (an answer with its call), or the empty state for nullptr or an answer still streaming.
    void showEntry(const TranscriptEntry *entry);
    /// In compare mode an answer can be marked as the winner.
    void setCompareMode(bool compare);
    /// Shows the outcome of the last feedback (stored, or why not).
    void setFeedbackStatus(const QString &text);

    AttemptsTableModel *attemptsModel() const { return m_attempts; }
    QString comment() const;

Q_SIGNALS:
    /// +1 or -1 with the comment typed for the shown answer.
    void rated(int rating, const QString &comment);
    void markedWinner();

private:
    void showSystem(const QString &system);

    QLabel *m_served;
    QLabel *m_tokens;
    QLabel *m_cost;
    QLabel *m_timing;
    QLabel *m_status;
    AttemptsTableModel *m_attempts;
    QTableView *m_attemptsView;
    QToolButton *m_showSystem;
    QPlainTextEdit *m_system;
    QLineEdit *m_comment;
    QPushButton *m_up;
    QPushButton *m_down;
    QPushButton *m_winner;
    QLabel *m_feedbackStatus;
    bool m_compare = false;
    QString m_shownSystem;  // what m_system holds: a long prompt is laid out again only when it changes
};

}  // namespace Switchyard
