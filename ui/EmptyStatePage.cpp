#include "EmptyStatePage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Switchyard {

EmptyStatePage::EmptyStatePage(const QString &title, const QString &explanation, QWidget *parent)
    : QWidget(parent), m_title(new QLabel(title, this)), m_explanation(new QLabel(explanation, this))
{
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    m_title->setFont(font);

    m_explanation->setObjectName(QStringLiteral("emptyStateText"));
    m_explanation->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_explanation->setWordWrap(true);
    m_explanation->setForegroundRole(QPalette::PlaceholderText);

    // A fixed-width column centred by stretches: an alignment flag on a word-wrapped label breaks its
    // height-for-width and clips the text.
    auto *column = new QVBoxLayout;
    column->addWidget(m_title);
    column->addSpacing(8);
    column->addWidget(m_explanation);
    auto *columnWidget = new QWidget(this);
    columnWidget->setLayout(column);
    columnWidget->setFixedWidth(520);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(columnWidget);
    row->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
}

QString EmptyStatePage::title() const
{
    return m_title->text();
}

QString EmptyStatePage::explanation() const
{
    return m_explanation->text();
}

}  // namespace Switchyard
