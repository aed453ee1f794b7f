#include "ConfigItemDelegate.h"

#include "ui/bots/ConfigsTableModel.h"

#include <QComboBox>

namespace Switchyard {

ConfigItemDelegate::ConfigItemDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QWidget *ConfigItemDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                          const QModelIndex &index) const
{
    const QVariant choices = index.data(ConfigsTableModel::ChoicesRole);
    if (!choices.isValid())
        return QStyledItemDelegate::createEditor(parent, option, index);

    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("configChoiceEditor"));
    combo->setEditable(index.data(ConfigsTableModel::ChoicesEditableRole).toBool());
    combo->addItems(choices.toStringList());
    // A click in the list is the whole edit: commit it without waiting for Enter or a focus change.
    auto *self = const_cast<ConfigItemDelegate *>(this);
    connect(combo, &QComboBox::activated, self, [self, combo] {
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo);
    });
    return combo;
}

void ConfigItemDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo)
        return QStyledItemDelegate::setEditorData(editor, index);
    const QString current = index.data(Qt::EditRole).toString();
    int row = combo->findText(current);
    if (row < 0) {
        // A value written before the workspace's providers changed: show it rather than pretend another one.
        combo->addItem(current);
        row = combo->count() - 1;
    }
    combo->setCurrentIndex(row);
}

void ConfigItemDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentText(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

}  // namespace Switchyard
