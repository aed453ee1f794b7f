#pragma once

#include <QStyledItemDelegate>

namespace Switchyard {

/// Edits cells that offer ConfigsTableModel::ChoicesRole with a combo box of those choices (provider, model, chain,
/// region), and every other cell with the default editor. A choice made in the list is committed at once.
class ConfigItemDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit ConfigItemDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

}  // namespace Switchyard
