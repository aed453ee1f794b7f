#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace Switchyard {

/// Asks which label to move to a version: production, staging, one of the prompt's labels, or a new name typed in.
/// OK stays disabled, with the reason shown, until the name is valid (isValidLabel()).
///
/// Object names for tests: moveLabelDialog, moveLabelCombo, moveLabelHint, moveLabelButtons.
class MoveLabelDialog : public QDialog {
    Q_OBJECT

public:
    /// @p existing: the prompt's labels, offered after production and staging.
    MoveLabelDialog(const QStringList &existing, int version, QWidget *parent = nullptr);

    /// The label name as typed (trimmed).
    QString label() const;
    void setLabel(const QString &label);
    bool isAcceptable() const;

    /// A letter or digit, then letters, digits, '_', '.' or '-'; at most 64 characters.
    static bool isValidLabel(const QString &label);

private:
    void validate();

    QComboBox *m_combo;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};

}  // namespace Switchyard
