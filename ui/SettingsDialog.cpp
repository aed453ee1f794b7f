#include "SettingsDialog.h"

#include "core/settings/Settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace Switchyard {

namespace {

void selectData(QComboBox *combo, const QString &value)
{
    const int index = combo->findData(value);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

QString currentData(const QComboBox *combo)
{
    return combo->currentData().toString();
}

}  // namespace

SettingsDialog::SettingsDialog(Settings &settings, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_timeZone(new QComboBox(this)),
      m_missingVariablePolicy(new QComboBox(this)), m_language(new QComboBox(this)), m_theme(new QComboBox(this)),
      m_languageNote(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Preferences"));

    m_timeZone->setObjectName(QStringLiteral("timeZoneCombo"));
    m_timeZone->addItem(tr("System default (%1)").arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())), QString());
    const QList<QByteArray> zones = QTimeZone::availableTimeZoneIds();
    for (const QByteArray &zone : zones)
        m_timeZone->addItem(QString::fromUtf8(zone), QString::fromUtf8(zone));
    m_timeZone->setToolTip(tr("The time zone of the current date and time in prompt system variables"));

    m_missingVariablePolicy->setObjectName(QStringLiteral("missingVariablePolicyCombo"));
    m_missingVariablePolicy->addItem(tr("Keep the {{tag}} as written"), QStringLiteral("keep"));
    m_missingVariablePolicy->addItem(tr("Render an empty string"), QStringLiteral("empty"));
    m_missingVariablePolicy->addItem(tr("Report an error"), QStringLiteral("error"));
    m_missingVariablePolicy->setToolTip(tr("What a template renders when a variable has no value"));

    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System language"), QString());
    // Language names are shown in their own language on purpose.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));

    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_languageNote->setText(tr("A new language applies after Switchyard restarts."));
    m_languageNote->setForegroundRole(QPalette::PlaceholderText);

    m_theme->setObjectName(QStringLiteral("themeCombo"));
    m_theme->addItem(tr("System"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));

    m_buttons->setObjectName(QStringLiteral("buttonBox"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Time zone:"), m_timeZone);
    form->addRow(tr("&Missing variables:"), m_missingVariablePolicy);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_languageNote);
    form->addRow(tr("T&heme:"), m_theme);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::apply);
    for (QComboBox *combo : {m_timeZone, m_missingVariablePolicy, m_language, m_theme})
        connect(combo, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateApplyButton);

    load();
}

void SettingsDialog::load()
{
    selectData(m_timeZone, m_settings.value(Settings::Key::TimeZone).toString());
    selectData(m_missingVariablePolicy, m_settings.missingVariablePolicy());
    selectData(m_language, m_settings.language());
    selectData(m_theme, m_settings.theme());
    updateApplyButton();
}

void SettingsDialog::apply()
{
    m_settings.setValue(Settings::Key::TimeZone, currentData(m_timeZone));
    m_settings.setValue(Settings::Key::MissingVariablePolicy, currentData(m_missingVariablePolicy));
    m_settings.setValue(Settings::Key::Language, currentData(m_language));
    m_settings.setValue(Settings::Key::Theme, currentData(m_theme));
    updateApplyButton();
}

bool SettingsDialog::hasPendingChanges() const
{
    return currentData(m_timeZone) != m_settings.value(Settings::Key::TimeZone).toString() ||
           currentData(m_missingVariablePolicy) != m_settings.missingVariablePolicy() ||
           currentData(m_language) != m_settings.language() || currentData(m_theme) != m_settings.theme();
}

void SettingsDialog::accept()
{
    apply();
    QDialog::accept();
}

void SettingsDialog::updateApplyButton()
{
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(hasPendingChanges());
}

}  // namespace Switchyard
