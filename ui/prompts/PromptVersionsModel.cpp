#include "ui/prompts/PromptVersionsModel.h"

#include <QStringList>
#include <algorithm>

namespace Switchyard {

PromptVersionsModel::PromptVersionsModel(QObject *parent) : QAbstractTableModel(parent) {}

void PromptVersionsModel::setVersions(const QList<PromptVersion> &versions, const QList<PromptLabel> &labels)
{
    beginResetModel();
    m_versions = versions;
    std::sort(m_versions.begin(), m_versions.end(),
              [](const PromptVersion &a, const PromptVersion &b) { return a.version > b.version; });
    m_labels = labels;
    endResetModel();
}

void PromptVersionsModel::clear()
{
    setVersions({}, {});
}

const PromptVersion *PromptVersionsModel::versionAt(int row) const
{
    return row >= 0 && row < m_versions.size() ? &m_versions.at(row) : nullptr;
}

int PromptVersionsModel::rowOf(int number) const
{
    for (int row = 0; row < m_versions.size(); ++row) {
        if (m_versions.at(row).version == number)
            return row;
    }
    return -1;
}

QStringList PromptVersionsModel::labelsAt(int number) const
{
    QStringList names;
    for (const PromptLabel &label : m_labels) {
        if (label.version == number)
            names.append(label.label);
    }
    names.sort();
    return names;
}

int PromptVersionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int PromptVersionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PromptVersionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PromptVersion &version = m_versions.at(index.row());
    if (role == VersionRole)
        return version.version;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case VersionColumn:
            return version.version;
        case CreatedColumn:
            return version.created.isValid() ? QVariant(version.created.toLocalTime()) : QVariant();
        case AuthorColumn:
            return version.author;
        case NoteColumn:
            return version.note;
        case LabelsColumn:
            return labelsAt(version.version).join(QStringLiteral(", "));
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == NoteColumn && !version.note.isEmpty())
        return version.note;
    if (role == Qt::TextAlignmentRole && index.column() == VersionColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant PromptVersionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case VersionColumn:
        return tr("Version");
    case CreatedColumn:
        return tr("Created");
    case AuthorColumn:
        return tr("Author");
    case NoteColumn:
        return tr("Note");
    case LabelsColumn:
        return tr("Labels");
    default:
        return {};
    }
}

}  // namespace Switchyard
