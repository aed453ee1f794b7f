#include "ui/prompts/MoveLabelCommand.h"

#include "core/store/PromptRepository.h"

#include <QCoreApplication>

namespace Switchyard {

MoveLabelCommand::MoveLabelCommand(Database &database, const QString &key, const QString &label, int fromVersion,
                                   int toVersion, const QString &movedBy, Report report)
    : QUndoCommand(QCoreApplication::translate("Switchyard::MoveLabelCommand", "Move label “%1” from v%2 to v%3")
                       .arg(label)
                       .arg(fromVersion)
                       .arg(toVersion)),
      m_database(database), m_key(key), m_label(label), m_from(fromVersion), m_to(toVersion), m_movedBy(movedBy),
      m_report(std::move(report))
{
}

void MoveLabelCommand::undo()
{
    moveTo(m_from);
    m_done = false;
}

void MoveLabelCommand::redo()
{
    if (m_done)
        return;
    moveTo(m_to);
    m_done = true;
}

void MoveLabelCommand::moveTo(int version)
{
    const auto moved = PromptRepository(m_database).moveLabel(m_key, m_label, version, m_movedBy);
    if (!moved)
        setObsolete(true);
    m_report(moved ? QString() : moved.error().toString());
}

}  // namespace Switchyard
