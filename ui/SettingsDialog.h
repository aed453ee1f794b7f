#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace Switchyard {

class Settings;

/// Preferences: time zone, missing-variable policy, language and theme.
///
/// The widgets show the stored values when the dialog opens; Apply and OK write them through Settings (OK also
/// closes), Cancel closes without writing what has not been applied.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    explicit SettingsDialog(Settings &settings, QWidget *parent = nullptr);

    /// Re-reads every value from Settings into the widgets.
    void load();
    /// Writes the widgets' values to Settings.
    void apply();

    /// True when a widget differs from the stored value.
    bool hasPendingChanges() const;

    void accept() override;

private:
    void updateApplyButton();

    Settings &m_settings;
    QComboBox *m_timeZone = nullptr;
    QComboBox *m_missingVariablePolicy = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    QLabel *m_languageNote = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

}  // namespace Switchyard
