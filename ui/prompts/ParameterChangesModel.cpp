#include "ui/prompts/ParameterChangesModel.h"

#include <QFont>

namespace Switchyard {

ParameterChangesModel::ParameterChangesModel(QObject *parent)
    : QAbstractTableModel(parent), m_leftName(tr("Left")), m_rightName(tr("Right"))
{
}

void ParameterChangesModel::setChanges(const QList<ParameterChange> &changes)
{
    beginResetModel();
    m_changes = changes;
    endResetModel();
}

void ParameterChangesModel::setSideNames(const QString &left, const QString &right)
{
    m_leftName = left;
    m_rightName = right;
    Q_EMIT headerDataChanged(Qt::Horizontal, LeftColumn, RightColumn);
}

int ParameterChangesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_changes.size());
}

int ParameterChangesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ParameterChangesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ParameterChange &change = m_changes.at(index.row());
    const QString &value = index.column() == LeftColumn ? change.before : change.after;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (index.column() == ParameterColumn)
            return change.parameter;
        return value.isEmpty() ? tr("(not set)") : value;
    case Qt::FontRole:
        if (index.column() != ParameterColumn && value.isEmpty()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant ParameterChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ParameterColumn:
        return tr("Parameter");
    case LeftColumn:
        return m_leftName;
    case RightColumn:
        return m_rightName;
    default:
        return {};
    }
}

}  // namespace Switchyard
