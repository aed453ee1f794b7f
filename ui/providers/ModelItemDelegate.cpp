#include "ModelItemDelegate.h"

#include "ui/providers/ModelsTableModel.h"

#include <QDoubleSpinBox>
#include <QSpinBox>
#include <limits>

namespace Switchyard {
namespace {

/// Below every real price: an optional price at this value is "not set".
constexpr double kNotSet = -0.00000001;

}  // namespace

QWidget *ModelItemDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    const int column = index.column();
    if (ModelsTableModel::isPriceColumn(column)) {
        auto *spin = new QDoubleSpinBox(parent);
        spin->setObjectName(QStringLiteral("modelPriceEditor"));
        spin->setDecimals(8);
        spin->setSingleStep(0.0001);
        spin->setMaximum(1000000.0);
        spin->setPrefix(QStringLiteral("$"));
        if (ModelsTableModel::isOptionalPriceColumn(column)) {
            spin->setMinimum(kNotSet);
            spin->setSpecialValueText(tr("not set"));
        } else {
            spin->setMinimum(0.0);
        }
        return spin;
    }
    if (ModelsTableModel::isCountColumn(column)) {
        auto *spin = new QSpinBox(parent);
        spin->setObjectName(QStringLiteral("modelTokensEditor"));
        spin->setRange(0, std::numeric_limits<int>::max());
        spin->setGroupSeparatorShown(true);
        spin->setSingleStep(1024);
        spin->setSpecialValueText(tr("unknown"));
        return spin;
    }
    return QStyledItemDelegate::createEditor(parent, option, index);
}

void ModelItemDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor)) {
        spin->setValue(value.isValid() ? value.toDouble() : spin->minimum());
        return;
    }
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->setValue(value.toInt());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ModelItemDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor)) {
        spin->interpretText();
        model->setData(index, spin->value() < 0 ? QVariant() : QVariant(spin->value()), Qt::EditRole);
        return;
    }
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->interpretText();
        model->setData(index, spin->value(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

}  // namespace Switchyard
