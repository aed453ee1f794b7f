#pragma once

#include "core/model/ProviderSpec.h"

#include <QUndoCommand>

namespace Switchyard {

class ProvidersDocument;

/// Changes one provider from one snapshot to another. Consecutive edits with the same merge id (same provider, same
/// field) merge into one step, so typing a base URL is one undo.
class EditProviderCommand : public QUndoCommand {
public:
    /// @p mergeId: -1 for no merging.
    EditProviderCommand(ProvidersDocument *document, int row, const ProviderSpec &before, const ProviderSpec &after,
                        const QString &text, int mergeId);

    void undo() override;
    void redo() override;
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    ProvidersDocument *m_document;
    int m_row;
    ProviderSpec m_before;
    ProviderSpec m_after;
    int m_mergeId;
};

/// Adds a provider (undo removes it) or, with @p remove, removes one (undo puts it back where it was).
class AddRemoveProviderCommand : public QUndoCommand {
public:
    AddRemoveProviderCommand(ProvidersDocument *document, int row, const ProviderSpec &provider, bool remove);

    void undo() override;
    void redo() override;

private:
    void add();
    void removeIt();

    ProvidersDocument *m_document;
    int m_row;
    ProviderSpec m_provider;
    bool m_remove;
};

/// Changes one model of a provider.
class EditModelCommand : public QUndoCommand {
public:
    EditModelCommand(ProvidersDocument *document, int providerRow, int modelRow, const ModelSpec &before,
                     const ModelSpec &after, const QString &text);

    void undo() override;
    void redo() override;

private:
    ProvidersDocument *m_document;
    int m_providerRow;
    int m_modelRow;
    ModelSpec m_before;
    ModelSpec m_after;
};

/// Adds a model to a provider (undo removes it) or, with @p remove, removes one (undo puts it back).
class AddRemoveModelCommand : public QUndoCommand {
public:
    AddRemoveModelCommand(ProvidersDocument *document, int providerRow, int modelRow, const ModelSpec &model,
                          const QString &providerId, bool remove);

    void undo() override;
    void redo() override;

private:
    void add();
    void removeIt();

    ProvidersDocument *m_document;
    int m_providerRow;
    int m_modelRow;
    ModelSpec m_model;
    bool m_remove;
};

}  // namespace Switchyard
