#pragma once

#include "core/common/Result.h"
#include "core/model/ProviderSpec.h"

#include <QObject>
#include <QVariant>

class QUndoStack;

namespace Switchyard {

class Database;

/// The workspace's providers and models being edited in the studio (everything providers.yaml holds), with the undo
/// stack of edits and the dirty state.
///
/// Every edit goes through a method here that pushes one QUndoCommand (ProvidersCommands.h); commands change the
/// document only through the apply*() / insert*() / take*() methods, which emit the signals the views listen to.
/// Fallback chains, rules, the universal fallback and the circuit breaker are carried along untouched.
///
/// save() validates with the rules of a providers.yaml import (the config is round-tripped through ProvidersFile, so
/// there is one validator) plus the adapters' base_url check, then stores everything with
/// ProviderRepository::replaceAll() in one transaction. A refused save changes nothing, keeps every edit and says
/// which provider, model and field is wrong.
class ProvidersDocument : public QObject {
    Q_OBJECT

public:
    /// The provider fields the editor changes. Values: QString for the texts, QStringList for Regions, int otherwise.
    enum class ProviderField {
        DisplayName,
        BaseUrl,
        ApiKeyRef,
        ApiVersion,
        Region,
        Regions,
        RequestsPerMinute,
        TokensPerMinute,
        ConnectTimeout,
        FirstTokenTimeout,
        IdleTimeout,
        TotalTimeout,
    };
    Q_ENUM(ProviderField)

    explicit ProvidersDocument(Database &database, QObject *parent = nullptr);
    ~ProvidersDocument() override;

    /// Reads the stored providers, replacing whatever was edited; clears the undo stack. On error the document is
    /// left empty.
    Result<void> load();
    /// Throws away unsaved edits (load() again).
    Result<void> revert() { return load(); }
    /// Validates and stores the providers in one transaction. On error nothing is stored, every edit stays, and the
    /// Error names the provider, model and field at fault.
    Result<void> save();
    /// The checks save() makes, without storing anything.
    Result<void> validate() const;

    bool isDirty() const { return m_dirty; }
    QUndoStack *undoStack() const { return m_undoStack; }
    const ProvidersConfig &config() const { return m_config; }
    int providerCount() const { return int(m_config.providers.size()); }
    const ProviderSpec &providerAt(int row) const { return m_config.providers.at(row); }
    /// The row of provider @p providerId; -1 when there is none.
    int rowOf(const QString &providerId) const;

    // Edits: each pushes one undoable command; nothing is pushed when the value does not change.

    /// Sets one field of the provider in @p row. Consecutive changes of the same field merge (typing is one undo).
    void setProviderField(int row, ProviderField field, const QVariant &value);
    /// Appends @p provider. Error::Conflict when the id is taken, Error::InvalidInput when checkProvider() refuses it.
    Result<void> addProvider(const ProviderSpec &provider);
    /// Removes the provider in @p row. Error::Conflict naming the chain, rule or universal fallback that still uses
    /// it: those are edited in providers.yaml, so the removal would break them.
    Result<void> removeProvider(int row);
    /// Replaces model @p modelRow of provider @p providerRow with @p edited; @p text names the edit.
    void editModel(int providerRow, int modelRow, const ModelSpec &edited, const QString &text);
    /// Appends @p model to provider @p providerRow; Error::Conflict when the provider already lists its id,
    /// Error::InvalidInput when the id is empty or has spaces.
    Result<void> addModel(int providerRow, const ModelSpec &model);
    /// Removes a model; Error::Conflict when a chain, rule or the universal fallback names it.
    Result<void> removeModel(int providerRow, int modelRow);

    /// The providers.yaml rules and the adapters' base_url check for one provider on its own (Error::InvalidInput
    /// naming the field), without the uniqueness of its id.
    static Result<void> checkProvider(const ProviderSpec &provider);
    /// Error::InvalidInput when @p id can't be a provider id, Error::Conflict when the document has it already.
    Result<void> checkNewProviderId(const QString &id) const;

    // For the commands only: apply a change and tell the views.
    void applyProvider(int row, const ProviderSpec &provider);
    void insertProvider(int row, const ProviderSpec &provider);
    ProviderSpec takeProvider(int row);
    void applyModel(int providerRow, int modelRow, const ModelSpec &model);
    void insertModel(int providerRow, int modelRow, const ModelSpec &model);
    ModelSpec takeModel(int providerRow, int modelRow);

    /// The readable name of @p field for undo texts and messages ("base URL").
    static QString fieldName(ProviderField field);

Q_SIGNALS:
    void aboutToReset();
    void reset();
    void providerChanged(int row);
    void providerAboutToBeInserted(int row);
    void providerInserted(int row);
    void providerAboutToBeRemoved(int row);
    void providerRemoved(int row);
    void modelChanged(int providerRow, int modelRow);
    void modelAboutToBeInserted(int providerRow, int modelRow);
    void modelInserted(int providerRow, int modelRow);
    void modelAboutToBeRemoved(int providerRow, int modelRow);
    void modelRemoved(int providerRow, int modelRow);
    void dirtyChanged(bool dirty);
    /// save() stored the providers.
    void saved();

private:
    /// Where the chains, rules and universal fallback use @p providerId (and @p modelId when not empty); empty when
    /// nowhere.
    QStringList usesOf(const QString &providerId, const QString &modelId = QString()) const;
    void updateDirty();

    Database &m_database;
    QUndoStack *m_undoStack = nullptr;
    ProvidersConfig m_config;
    ProvidersConfig m_saved;
    bool m_dirty = false;
};

}  // namespace Switchyard
