#include "ui/chat/AnswerCommentDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Switchyard {

AnswerCommentDialog::AnswerCommentDialog(int rating, bool canRateGood, QWidget *parent)
    : QDialog(parent), m_comment(new QLineEdit(this)), m_good(new QPushButton(tr("Good Answer"), this)),
      m_bad(new QPushButton(tr("Bad Answer"), this))
{
    setObjectName(QStringLiteral("answerCommentDialog"));
    setWindowTitle(tr("Rate Answer"));
    auto *label = new QLabel(tr("What was good or bad about this answer?"), this);
    label->setBuddy(m_comment);
    m_comment->setObjectName(QStringLiteral("answerCommentEdit"));
    m_comment->setAccessibleName(tr("Comment on the answer"));
    m_comment->setPlaceholderText(tr("Comment"));
    m_good->setObjectName(QStringLiteral("answerCommentGoodButton"));
    m_bad->setObjectName(QStringLiteral("answerCommentBadButton"));
    m_good->setToolTip(tr("Store the comment with a thumbs up"));
    m_bad->setToolTip(tr("Store the comment with a thumbs down"));
    m_good->setEnabled(canRateGood);
    // Enter stores with the vote already given; a comment usually explains a bad answer.
    (rating > 0 && canRateGood ? m_good : m_bad)->setDefault(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_good, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_bad, QDialogButtonBox::AcceptRole);
    connect(m_good, &QPushButton::clicked, this, [this] { choose(1); });
    connect(m_bad, &QPushButton::clicked, this, [this] { choose(-1); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_comment);
    layout->addWidget(buttons);
    m_comment->setFocus();
}

QString AnswerCommentDialog::comment() const
{
    return m_comment->text().trimmed();
}

void AnswerCommentDialog::choose(int rating)
{
    m_rating = rating;
    accept();
}

}  // namespace Switchyard
