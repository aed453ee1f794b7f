#include "ui/bots/ConfigComparisonModel.h"

#include "ui/bots/ConfigsTableModel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace Switchyard {

ConfigComparisonModel::ConfigComparisonModel(const QAbstractItemModel &configs, int first, int second, QObject *parent)
    : QAbstractTableModel(parent)
{
    const auto text = [&configs](int row, int column) {
        return configs.data(configs.index(row, column), Qt::DisplayRole).toString();
    };
    m_firstName = text(first, ConfigsTableModel::NameColumn);
    m_secondName = text(second, ConfigsTableModel::NameColumn);
    for (int column = 0; column < configs.columnCount(); ++column) {
        if (column == ConfigsTableModel::ActiveColumn)
            continue;
        m_fields << configs.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        m_first << text(first, column);
        m_second << text(second, column);
        m_different << (m_first.constLast() != m_second.constLast());
    }
}

int ConfigComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_fields.size());
}

int ConfigComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConfigComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const bool different = m_different.at(row);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case FieldColumn:
            return m_fields.at(row);
        case FirstColumn:
            return m_first.at(row);
        case SecondColumn:
            return m_second.at(row);
        default:
            return {};
        }
    case Qt::FontRole:
        if (different) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        // A soft amber that reads on light and dark palettes alike.
        return different && index.column() != FieldColumn ? QBrush(QColor(255, 196, 0, 70)) : QVariant();
    case DifferentRole:
        return different;
    default:
        return {};
    }
}

QVariant ConfigComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FieldColumn:
        return tr("Setting");
    case FirstColumn:
        return m_firstName.isEmpty() ? tr("A") : tr("A: %1").arg(m_firstName);
    case SecondColumn:
        return m_secondName.isEmpty() ? tr("B") : tr("B: %1").arg(m_secondName);
    default:
        return {};
    }
}

int ConfigComparisonModel::differenceCount() const
{
    return int(std::count(m_different.cbegin(), m_different.cend(), true));
}

}  // namespace Switchyard
