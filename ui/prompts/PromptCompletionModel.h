#pragma once

#include "core/prompts/CompletionVariable.h"

#include <QAbstractListModel>
#include <QList>

namespace Switchyard {

/**
 * The variables the prompt editor offers inside `{{ }}`: one row per name.
 *
 * Qt::EditRole is the bare name (what QCompleter matches and inserts); Qt::DisplayRole adds where the name comes
 * from and its description; Qt::ToolTipRole is the description. A name offered by several origins is listed once,
 * with the most specific origin (declared, then system, then other prompts).
 */
class PromptCompletionModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Roles {
        OriginRole = Qt::UserRole + 1,  ///< CompletionVariable::Origin as int
        DescriptionRole,
    };

    explicit PromptCompletionModel(QObject *parent = nullptr);

    void setVariables(const QList<CompletionVariable> &variables);
    const QList<CompletionVariable> &variables() const { return m_variables; }

    /// "declared", "system variable", "other prompt" (translated).
    static QString originText(CompletionVariable::Origin origin);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<CompletionVariable> m_variables;
};

}  // namespace Switchyard
