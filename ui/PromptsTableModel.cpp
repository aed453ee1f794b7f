#include "PromptsTableModel.h"

#include <QStringList>
#include <algorithm>

namespace Switchyard {

PromptsTableModel::PromptsTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void PromptsTableModel::setRows(const QList<Row> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int PromptsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PromptsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PromptsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case KeyColumn:
            return row.latest.key;
        case LatestColumn:
            return row.latest.version;
        case VersionsColumn:
            return row.versionCount;
        case LabelsColumn:
            return labelsText(row.labels);
        case AuthorColumn:
            return row.latest.author;
        case UpdatedColumn:
            return row.latest.created.isValid() ? QVariant(row.latest.created.toLocalTime()) : QVariant();
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == LatestColumn && !row.latest.note.isEmpty())
        return row.latest.note;
    if (role == Qt::TextAlignmentRole && (index.column() == LatestColumn || index.column() == VersionsColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant PromptsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case LatestColumn:
        return tr("Latest");
    case VersionsColumn:
        return tr("Versions");
    case LabelsColumn:
        return tr("Labels");
    case AuthorColumn:
        return tr("Author");
    case UpdatedColumn:
        return tr("Updated");
    default:
        return {};
    }
}

QString PromptsTableModel::labelsText(const QList<PromptLabel> &labels)
{
    QList<PromptLabel> sorted = labels;
    std::sort(sorted.begin(), sorted.end(),
              [](const PromptLabel &a, const PromptLabel &b) { return a.label < b.label; });
    QStringList parts;
    for (const PromptLabel &label : sorted)
        parts.append(tr("%1 → v%2").arg(label.label).arg(label.version));
    return parts.join(QStringLiteral(", "));
}

}  // namespace Switchyard
