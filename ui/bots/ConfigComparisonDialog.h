#pragma once

#include <QDialog>

class QLabel;
class QTableView;

namespace Switchyard {

class ConfigComparisonModel;

/// Two LLM configs side by side with their differences highlighted (the A/B view), opened from the configs table
/// with two rows selected. Read-only; edits stay in the table, where they are undoable.
class ConfigComparisonDialog : public QDialog {
    Q_OBJECT
public:
    /// Takes ownership of @p model.
    explicit ConfigComparisonDialog(ConfigComparisonModel *model, QWidget *parent = nullptr);

    ConfigComparisonModel *model() const { return m_model; }
    QString summaryText() const;

private:
    ConfigComparisonModel *m_model;
    QLabel *m_summary;
    QTableView *m_view;
};

}  // namespace Switchyard
