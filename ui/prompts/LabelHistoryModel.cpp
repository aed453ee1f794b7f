#include "ui/prompts/LabelHistoryModel.h"

#include <algorithm>

namespace Switchyard {

LabelHistoryModel::LabelHistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

void LabelHistoryModel::setMoves(const QList<LabelMove> &moves)
{
    beginResetModel();
    m_moves = moves;
    std::reverse(m_moves.begin(), m_moves.end());
    endResetModel();
}

void LabelHistoryModel::clear()
{
    setMoves({});
}

int LabelHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_moves.size());
}

int LabelHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LabelHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LabelMove &move = m_moves.at(index.row());
    switch (role) {
    case FromVersionRole:
        return move.fromVersion ? QVariant(*move.fromVersion) : QVariant();
    case ToVersionRole:
        return move.toVersion;
    case Qt::DisplayRole:
        switch (index.column()) {
        case LabelColumn:
            return move.label;
        case MoveColumn:
            return move.fromVersion ? tr("v%1 → v%2").arg(*move.fromVersion).arg(move.toVersion)
                                    : tr("new → v%1").arg(move.toVersion);
        case MovedByColumn:
            return move.movedBy;
        case MovedAtColumn:
            return move.movedAt.isValid() ? QVariant(move.movedAt.toLocalTime()) : QVariant();
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant LabelHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LabelColumn:
        return tr("Label");
    case MoveColumn:
        return tr("Move");
    case MovedByColumn:
        return tr("Moved By");
    case MovedAtColumn:
        return tr("When");
    default:
        return {};
    }
}

}  // namespace Switchyard
