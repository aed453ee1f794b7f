#pragma once

#include <QMessageBox>
#include <functional>

class QString;
class QWidget;

namespace Switchyard::UnsavedChanges {

/// The studio's question before unsaved edits would be lost: Save, Discard or Cancel, Save the default.
/// @p message names what has the changes ("The bot “Astro Guide” has unsaved changes. …").
QMessageBox::StandardButton ask(QWidget *parent, const QString &message);

/// Acts on the answer to ask(): Save runs @p save and says whether it worked, Discard runs @p revert, Cancel (or
/// anything else) keeps the edits. True when the caller may go on.
bool resolve(QMessageBox::StandardButton answer, const std::function<bool()> &save,
             const std::function<void()> &revert);

}  // namespace Switchyard::UnsavedChanges
