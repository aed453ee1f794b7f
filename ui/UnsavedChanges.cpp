#include "UnsavedChanges.h"

#include <QCoreApplication>

namespace Switchyard::UnsavedChanges {

QMessageBox::StandardButton ask(QWidget *parent, const QString &message)
{
    return QMessageBox::question(parent, QCoreApplication::translate("Switchyard::UnsavedChanges", "Unsaved Changes"),
                                 message, QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                 QMessageBox::Save);
}

bool resolve(QMessageBox::StandardButton answer, const std::function<bool()> &save, const std::function<void()> &revert)
{
    switch (answer) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        revert();
        return true;
    default:
        return false;
    }
}

}  // namespace Switchyard::UnsavedChanges
