#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace Switchyard {

/// Feedback with a comment on one answer of the transcript: the comment and a thumbs up or down, which stores it.
class AnswerCommentDialog : public QDialog {
    Q_OBJECT

public:
    /// @p rating is the vote already given (+1, -1 or 0): its button is the default. @p canRateGood is false for a
    /// failed answer, which only takes thumbs down.
    AnswerCommentDialog(int rating, bool canRateGood, QWidget *parent = nullptr);

    /// +1 or -1 once accepted.
    int rating() const { return m_rating; }
    QString comment() const;
    QLineEdit *commentEdit() const { return m_comment; }

private:
    void choose(int rating);

    QLineEdit *m_comment;
    QPushButton *m_good;
    QPushButton *m_bad;
    int m_rating = 0;
};

}  // namespace Switchyard
