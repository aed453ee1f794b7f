#include "BotsTableModel.h"

namespace Switchyard {

BotsTableModel::BotsTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void BotsTableModel::setBots(const QList<Bot> &bots)
{
    beginResetModel();
    m_bots = bots;
    endResetModel();
}

int BotsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_bots.size());
}

int BotsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BotsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Bot &bot = m_bots.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return bot.name;
        case SlugColumn:
            return bot.slug;
        case StatusColumn:
            return statusText(bot.status);
        case TypeColumn:
            return bot.type;
        case RankColumn:
            return bot.rank;
        case UpdatedColumn:
            return bot.updated.isValid() ? QVariant(bot.updated.toLocalTime()) : QVariant();
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == NameColumn && !bot.description.isEmpty())
        return bot.description;
    if (role == Qt::TextAlignmentRole && index.column() == RankColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::UserRole)
        return bot.id;
    return {};
}

QVariant BotsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SlugColumn:
        return tr("Slug");
    case StatusColumn:
        return tr("Status");
    case TypeColumn:
        return tr("Type");
    case RankColumn:
        return tr("Rank");
    case UpdatedColumn:
        return tr("Updated");
    default:
        return {};
    }
}

QString BotsTableModel::statusText(const QString &status)
{
    if (status == QLatin1String("draft"))
        return tr("Draft");
    if (status == QLatin1String("live"))
        return tr("Live");
    if (status == QLatin1String("archived"))
        return tr("Archived");
    return status;
}

}  // namespace Switchyard
