#include "ui/ChoiceBox.h"

#include <QComboBox>
#include <QSignalBlocker>

namespace Switchyard {

QList<Choice> choicesOf(const QStringList &values)
{
    QList<Choice> choices;
    choices.reserve(values.size());
    for (const QString &value : values)
        choices.append({value, value});
    return choices;
}

bool refillChoices(QComboBox *box, const QList<Choice> &choices)
{
    const QVariant current = box->currentData();
    const QSignalBlocker blocker(box);
    while (box->count() > 1)
        box->removeItem(1);
    for (const auto &[text, data] : choices)
        box->addItem(text, data);
    const int index = current.isValid() ? box->findData(current) : 0;
    box->setCurrentIndex(qMax(0, index));
    return index < 0;
}

}  // namespace Switchyard
