#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <utility>

class QComboBox;

namespace Switchyard {

/// One entry of a filter combo box: the text shown and the data it stands for.
using Choice = std::pair<QString, QVariant>;

/// Choices whose text is also their data (providers, models, prompt keys...).
QList<Choice> choicesOf(const QStringList &values);

/**
 * Refills the filter combo box @p box with its first entry ("any") and @p choices, keeping the chosen data when it
 * is still there, without emitting change signals.
 * @return true when the choice had to change (what it chose is gone), so the caller filters again.
 */
bool refillChoices(QComboBox *box, const QList<Choice> &choices);

}  // namespace Switchyard
