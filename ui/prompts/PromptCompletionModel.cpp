#include "ui/prompts/PromptCompletionModel.h"

#include <QHash>
#include <algorithm>

namespace Switchyard {

PromptCompletionModel::PromptCompletionModel(QObject *parent) : QAbstractListModel(parent) {}

void PromptCompletionModel::setVariables(const QList<CompletionVariable> &variables)
{
    QList<CompletionVariable> unique;
    QHash<QString, qsizetype> rowOf;
    for (const CompletionVariable &variable : variables) {
        if (variable.name.isEmpty())
            continue;
        const auto found = rowOf.constFind(variable.name);
        if (found == rowOf.constEnd()) {
            rowOf.insert(variable.name, unique.size());
            unique.append(variable);
        } else if (int(variable.origin) < int(unique.at(*found).origin)) {
            unique[*found] = variable;
        }
    }
    // Declared names first: they are what the author most likely means.
    std::stable_sort(unique.begin(), unique.end(), [](const CompletionVariable &a, const CompletionVariable &b) {
        if (a.origin != b.origin)
            return int(a.origin) < int(b.origin);
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    // Every analysis of the text sets the list, and it rarely changes: a reset would close an open popup's choice.
    if (unique == m_variables)
        return;
    beginResetModel();
    m_variables = unique;
    endResetModel();
}

QString PromptCompletionModel::originText(CompletionVariable::Origin origin)
{
    switch (origin) {
    case CompletionVariable::Origin::Declared:
        return tr("declared");
    case CompletionVariable::Origin::System:
        return tr("system variable");
    case CompletionVariable::Origin::OtherPrompt:
        return tr("other prompt");
    }
    return QString();
}

int PromptCompletionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_variables.size());
}

QVariant PromptCompletionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CompletionVariable &variable = m_variables.at(index.row());
    switch (role) {
    case Qt::EditRole:
        return variable.name;
    case Qt::DisplayRole:
        return variable.description.isEmpty()
                   ? tr("%1 — %2").arg(variable.name, originText(variable.origin))
                   : tr("%1 — %2: %3").arg(variable.name, originText(variable.origin), variable.description);
    case Qt::ToolTipRole:
    case DescriptionRole:
        return variable.description;
    case OriginRole:
        return int(variable.origin);
    default:
        return {};
    }
}

}  // namespace Switchyard
