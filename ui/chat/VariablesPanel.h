#pragma once

#include "core/model/PromptVersion.h"

#include <QJsonObject>
#include <QWidget>
#include <optional>

class QLabel;
class QStandardItemModel;
class QTableView;

namespace Switchyard {

namespace Templating {
class SystemVariables;
}

/// The variables of the prompt a conversation runs with: the ones it declares and the ones its templates use (values
/// editable, kept for this conversation), and the system variables with their current values.
class VariablesPanel : public QWidget {
    Q_OBJECT

public:
    explicit VariablesPanel(QWidget *parent = nullptr);

    /// Lists @p version's variables; values typed for names it still uses are kept.
    void setPrompt(const std::optional<PromptVersion> &version);
    /// Shows the current values of the system variables, as @p system reads them now.
    void refreshSystem(const Templating::SystemVariables &system);

    /// The prompt variables that have a value, for ChatService.
    QJsonObject values() const;
    /// Sets the value of @p name (which must be listed); returns false when it is not.
    bool setValue(const QString &name, const QString &value);

    QStandardItemModel *promptModel() const { return m_prompt; }
    QStandardItemModel *systemModel() const { return m_system; }

private:
    QStandardItemModel *m_prompt;
    QStandardItemModel *m_system;
    QLabel *m_source;
};

}  // namespace Switchyard
