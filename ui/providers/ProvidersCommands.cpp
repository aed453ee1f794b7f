#include "ProvidersCommands.h"

#include "ui/providers/ProvidersDocument.h"

#include <QCoreApplication>

namespace Switchyard {
EditProviderCommand::EditProviderCommand(ProvidersDocument *document, int row, const ProviderSpec &before,
                                         const ProviderSpec &after, const QString &text, int mergeId)
    : QUndoCommand(text), m_document(document), m_row(row), m_before(before), m_after(after), m_mergeId(mergeId)
{
}

void EditProviderCommand::undo()
{
    m_document->applyProvider(m_row, m_before);
}

void EditProviderCommand::redo()
{
    m_document->applyProvider(m_row, m_after);
}

bool EditProviderCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const EditProviderCommand *>(other);
    if (other->id() != id() || edit->m_row != m_row)
        return false;
    m_after = edit->m_after;
    setText(edit->text());
    // Typing back to where the field started leaves nothing to undo.
    setObsolete(m_before == m_after);
    return true;
}

AddRemoveProviderCommand::AddRemoveProviderCommand(ProvidersDocument *document, int row, const ProviderSpec &provider,
                                                   bool remove)
    : QUndoCommand((remove ? QCoreApplication::translate("Switchyard::ProvidersCommands", "Remove provider “%1”")
                           : QCoreApplication::translate("Switchyard::ProvidersCommands", "Add provider “%1”"))
                       .arg(provider.id)),
      m_document(document), m_row(row), m_provider(provider), m_remove(remove)
{
}

void AddRemoveProviderCommand::undo()
{
    m_remove ? add() : removeIt();
}

void AddRemoveProviderCommand::redo()
{
    m_remove ? removeIt() : add();
}

void AddRemoveProviderCommand::add()
{
    m_document->insertProvider(m_row, m_provider);
}

void AddRemoveProviderCommand::removeIt()
{
    m_provider = m_document->takeProvider(m_row);
}

EditModelCommand::EditModelCommand(ProvidersDocument *document, int providerRow, int modelRow, const ModelSpec &before,
                                   const ModelSpec &after, const QString &text)
    : QUndoCommand(text), m_document(document), m_providerRow(providerRow), m_modelRow(modelRow), m_before(before),
      m_after(after)
{
}

void EditModelCommand::undo()
{
    m_document->applyModel(m_providerRow, m_modelRow, m_before);
}

void EditModelCommand::redo()
{
    m_document->applyModel(m_providerRow, m_modelRow, m_after);
}

AddRemoveModelCommand::AddRemoveModelCommand(ProvidersDocument *document, int providerRow, int modelRow,
                                             const ModelSpec &model, const QString &providerId, bool remove)
    : QUndoCommand((remove ? QCoreApplication::translate("Switchyard::ProvidersCommands", "Remove model “%1” from “%2”")
                           : QCoreApplication::translate("Switchyard::ProvidersCommands", "Add model “%1” to “%2”"))
                       .arg(model.id, providerId)),
      m_document(document), m_providerRow(providerRow), m_modelRow(modelRow), m_model(model), m_remove(remove)
{
}

void AddRemoveModelCommand::undo()
{
    m_remove ? add() : removeIt();
}

void AddRemoveModelCommand::redo()
{
    m_remove ? removeIt() : add();
}

void AddRemoveModelCommand::add()
{
    m_document->insertModel(m_providerRow, m_modelRow, m_model);
}

void AddRemoveModelCommand::removeIt()
{
    m_model = m_document->takeModel(m_providerRow, m_modelRow);
}

}  // namespace Switchyard
