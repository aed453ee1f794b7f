#include "ui/prompts/MoveLabelDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Switchyard {

MoveLabelDialog::MoveLabelDialog(const QStringList &existing, int version, QWidget *parent)
    : QDialog(parent), m_combo(new QComboBox(this)), m_hint(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("moveLabelDialog"));
    setWindowTitle(tr("Move Label"));

    QStringList names = {QStringLiteral("production"), QStringLiteral("staging")};
    for (const QString &name : existing) {
        if (!names.contains(name))
            names.append(name);
    }
    m_combo->setObjectName(QStringLiteral("moveLabelCombo"));
    m_combo->setEditable(true);
    m_combo->setInsertPolicy(QComboBox::NoInsert);
    m_combo->addItems(names);
    m_combo->setToolTip(tr("Choose a label or type the name of a new one"));
    m_hint->setObjectName(QStringLiteral("moveLabelHint"));
    m_hint->setWordWrap(true);
    m_buttons->setObjectName(QStringLiteral("moveLabelButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Move Label"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Which label should point at version %1?").arg(version), this));
    layout->addWidget(m_combo);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);

    connect(m_combo, &QComboBox::currentTextChanged, this, &MoveLabelDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

QString MoveLabelDialog::label() const
{
    return m_combo->currentText().trimmed();
}

void MoveLabelDialog::setLabel(const QString &label)
{
    m_combo->setEditText(label);
}

bool MoveLabelDialog::isAcceptable() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

bool MoveLabelDialog::isValidLabel(const QString &label)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"));
    return pattern.match(label).hasMatch();
}

void MoveLabelDialog::validate()
{
    const QString name = label();
    const bool valid = isValidLabel(name);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    if (name.isEmpty())
        m_hint->setText(tr("Type a label name."));
    else if (!valid)
        m_hint->setText(tr("A label starts with a letter or digit and has only letters, digits, '_', '.' and '-' "
                           "(at most 64 characters)."));
    else
        m_hint->clear();
}

}  // namespace Switchyard
