#include "BotCommands.h"

#include "core/store/BotSaver.h"

#include <QCoreApplication>

namespace Switchyard {

EditBotCommand::EditBotCommand(BotDocument *document, const Bot &before, const Bot &after, const QString &text,
                               int mergeId)
    : QUndoCommand(text), m_document(document), m_before(before), m_after(after), m_mergeId(mergeId)
{
}

void EditBotCommand::undo()
{
    m_document->applyBot(m_before);
}

void EditBotCommand::redo()
{
    m_document->applyBot(m_after);
}

bool EditBotCommand::mergeWith(const QUndoCommand *other)
{
    if (other->id() != id())
        return false;
    const auto *edit = static_cast<const EditBotCommand *>(other);
    m_after = edit->m_after;
    setText(edit->text());
    // Typing back to where the field started leaves nothing to undo.
    setObsolete(BotSaver::sameEditableFields(m_before, m_after));
    return true;
}

EditConfigCommand::EditConfigCommand(BotDocument *document, BotDocument::ConfigKey key, const LlmConfig &before,
                                     const LlmConfig &after, const QString &text)
    : QUndoCommand(text), m_document(document), m_key(key), m_before(before), m_after(after)
{
}

void EditConfigCommand::undo()
{
    m_document->applyConfig(m_key, m_before);
}

void EditConfigCommand::redo()
{
    m_document->applyConfig(m_key, m_after);
}

AddConfigCommand::AddConfigCommand(BotDocument *document, int row, BotDocument::ConfigKey key, const LlmConfig &config)
    : QUndoCommand(QCoreApplication::translate("Switchyard::BotCommands", "Add config “%1”").arg(config.name)),
      m_document(document), m_row(row), m_key(key), m_config(config)
{
}

void AddConfigCommand::undo()
{
    m_config = m_document->takeConfig(m_key);
}

void AddConfigCommand::redo()
{
    m_document->insertConfig(m_row, m_key, m_config);
}

RemoveConfigCommand::RemoveConfigCommand(BotDocument *document, int row, BotDocument::ConfigKey key,
                                         const LlmConfig &config)
    : QUndoCommand(QCoreApplication::translate("Switchyard::BotCommands", "Delete config “%1”").arg(config.name)),
      m_document(document), m_row(row), m_key(key), m_config(config)
{
}

void RemoveConfigCommand::undo()
{
    m_document->insertConfig(m_row, m_key, m_config);
}

void RemoveConfigCommand::redo()
{
    m_config = m_document->takeConfig(m_key);
}

ActivateConfigCommand::ActivateConfigCommand(BotDocument *document, qint64 configId, std::optional<qint64> previousId,
                                             const QString &configName)
    : QUndoCommand(QCoreApplication::translate("Switchyard::BotCommands", "Activate config “%1”").arg(configName)),
      m_document(document), m_configId(configId), m_previousId(previousId)
{
}

void ActivateConfigCommand::undo()
{
    Result<void> switched;
    if (m_previousId) {
        if (auto activated = m_document->applyActivation(*m_previousId); !activated)
            switched = activated.error();
    } else {
        switched = m_document->applyDeactivation();
    }
    if (!switched) {
        m_document->reportError(switched.error().toString());
        setObsolete(true);
        return;
    }
    m_done = false;
}

void ActivateConfigCommand::redo()
{
    if (m_done)
        return;
    if (auto switched = m_document->applyActivation(m_configId); !switched) {
        m_document->reportError(switched.error().toString());
        setObsolete(true);
        return;
    }
    m_done = true;
}

}  // namespace Switchyard
