#include "ui/prompts/PromptLabelsModel.h"

#include <QLocale>
#include <algorithm>

namespace Switchyard {

PromptLabelsModel::PromptLabelsModel(QObject *parent) : QAbstractTableModel(parent) {}

void PromptLabelsModel::setLabels(const QList<PromptLabel> &labels)
{
    beginResetModel();
    m_labels = labels;
    std::sort(m_labels.begin(), m_labels.end(),
              [](const PromptLabel &a, const PromptLabel &b) { return a.label < b.label; });
    endResetModel();
}

int PromptLabelsModel::versionOf(const QString &label) const
{
    for (const PromptLabel &entry : m_labels) {
        if (entry.label == label)
            return entry.version;
    }
    return 0;
}

int PromptLabelsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_labels.size());
}

int PromptLabelsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PromptLabelsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PromptLabel &label = m_labels.at(index.row());
    if (role == VersionRole)
        return label.version;
    if (role == Qt::DisplayRole) {
        if (index.column() == LabelColumn)
            return label.label;
        if (index.column() == VersionColumn)
            return tr("v%1").arg(label.version);
    }
    if (role == Qt::ToolTipRole && label.updated.isValid())
        return tr("Moved here on %1").arg(QLocale().toString(label.updated.toLocalTime(), QLocale::ShortFormat));
    return {};
}

QVariant PromptLabelsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == LabelColumn)
        return tr("Label");
    if (section == VersionColumn)
        return tr("Version");
    return {};
}

}  // namespace Switchyard
