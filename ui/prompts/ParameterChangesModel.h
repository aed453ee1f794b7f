#pragma once

#include "core/prompts/PromptParameterDiff.h"

#include <QAbstractTableModel>
#include <QList>

namespace Switchyard {

/// Read-only table of the settings that differ between two prompt versions: parameter, left value, right value.
/// A value that is not set on one side reads "(not set)".
class ParameterChangesModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { ParameterColumn, LeftColumn, RightColumn, ColumnCount };

    explicit ParameterChangesModel(QObject *parent = nullptr);

    void setChanges(const QList<ParameterChange> &changes);
    const QList<ParameterChange> &changes() const { return m_changes; }
    /// Header texts of the value columns ("Version 2").
    void setSideNames(const QString &left, const QString &right);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ParameterChange> m_changes;
    QString m_leftName;
    QString m_rightName;
};

}  // namespace Switchyard
