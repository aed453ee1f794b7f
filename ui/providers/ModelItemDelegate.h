#pragma once

#include <QStyledItemDelegate>

namespace Switchyard {

/// Editors for ModelsTableModel: spin boxes for prices (US dollars per 1K tokens, 8 decimals; the optional prices
/// have a "not set" step below 0) and token counts. Capability columns are check boxes, which the base class draws
/// and toggles.
class ModelItemDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

}  // namespace Switchyard
