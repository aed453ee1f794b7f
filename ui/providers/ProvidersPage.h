#pragma once

#include "core/accounting/LiteLlmImportReport.h"
#include "core/common/Result.h"
#include "core/model/ProviderSpec.h"

#include <QMessageBox>
#include <QPointer>
#include <QWidget>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QThread;
class QUndoStack;

namespace Switchyard {

class Database;
class FilterTablePage;
class ProviderDetailPanel;
class ProvidersDocument;
class ProvidersTableModel;

/// The Providers section: the workspace's providers on the left (the FilterTablePage "providers": providersView,
/// providersFilter, ...), the selected provider's ProviderDetailPanel (an editor) on the right.
///
/// The page owns the ProvidersDocument the edits go to and keeps the list model in step with it. Save (Ctrl+S) stores
/// every provider in one transaction; a refused save keeps the edits and shows why (providersPageError). "Add Custom
/// Provider…" (Ctrl+Shift+P), "Remove Provider" and "Import Prices from LiteLLM…" are actions of the page; the
/// LiteLLM import runs on a worker thread with its own database connection, with a busy bar and Cancel, and ends with
/// a report (litellmImportReport) or an error naming the file (litellmImportError). Ctrl+T tests the selected
/// provider's connection. The shortcuts work while the page has focus.
///
/// Object names: providersPageError, importBusyIndicator, cancelImportButton, and the actions saveProvidersAction,
/// revertProvidersAction, undoProvidersAction, redoProvidersAction, addProviderAction, removeProviderAction,
/// importPricesAction.
class ProvidersPage : public QWidget {
    Q_OBJECT

public:
    /// Asked before unsaved edits would be lost; answers QMessageBox::Save, Discard or Cancel.
    using UnsavedChangesQuestion = std::function<QMessageBox::StandardButton(QWidget *parent)>;

    /// @p model stays owned by the caller; the page fills it from its document.
    ProvidersPage(Database &database, ProvidersTableModel *model, QWidget *parent = nullptr);
    ~ProvidersPage() override;

    FilterTablePage *listPage() const { return m_listPage; }
    ProviderDetailPanel *detailPanel() const { return m_panel; }
    ProvidersDocument *document() const { return m_document; }

    /// Reads the stored providers into the document (dropping unsaved edits: call maybeSave() first) and the list.
    Result<ProvidersConfig> reload();

    /// Selects the provider @p providerId in the list (and shows it in the panel); false when it is not listed.
    bool selectProvider(const QString &providerId);

    bool isDirty() const;
    QUndoStack *undoStack() const;

    /// When there are unsaved edits, asks whether to save them: Save saves (false when that fails), Discard reverts,
    /// Cancel returns false. True when it is fine to move on. A running LiteLLM import is waited for first.
    bool maybeSave();
    /// Test seam: replaces the question maybeSave() asks (a modal message box by default).
    void setUnsavedChangesQuestion(UnsavedChangesQuestion question);

    /// Saves; on failure shows why and returns false.
    bool save();
    /// Throws away unsaved edits.
    void revert();
    /// The error line's text; empty when no error is shown.
    QString errorText() const;

    /// Opens "Add Custom Provider…" (non-modal; the dialog is a child named addProviderDialog).
    void addCustomProvider();
    /// Removes the selected provider; refused, with the reason shown, when a chain or rule still uses it.
    void removeSelectedProvider();
    /// Asks for a LiteLLM price file (through FileDialog) and imports it in the background.
    void importPrices();
    /// True while a LiteLLM import runs.
    bool isImporting() const { return m_importThread != nullptr; }
    /// Stops waiting for the running import; prices it already stored stay (the import is one transaction).
    void cancelImport();

    QAction *saveAction() const { return m_save; }
    QAction *revertAction() const { return m_revert; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *addProviderAction() const { return m_addProvider; }
    QAction *removeProviderAction() const { return m_removeProvider; }
    QAction *importPricesAction() const { return m_importPrices; }

Q_SIGNALS:
    /// The dirty state changed or the providers were reloaded or saved: titles and navigation need updating.
    void documentStateChanged();
    /// The providers were stored (by a save); @p config is what the workspace holds now.
    void providersSaved(const ProvidersConfig &config);
    /// A LiteLLM import ended (with a report, an error or cancelled).
    void importFinished();

private:
    void onCurrentChanged(const QModelIndex &current);
    void onModelReset();
    void onImportFinished();
    void refreshStoredPrices();
    void showError(const QString &message);
    void updateActions();
    int currentRow() const;

    Database &m_database;
    ProvidersTableModel *m_model = nullptr;
    ProvidersDocument *m_document = nullptr;
    FilterTablePage *m_listPage = nullptr;
    ProviderDetailPanel *m_panel = nullptr;
    QLabel *m_error = nullptr;
    QProgressBar *m_importBusy = nullptr;
    QPushButton *m_cancelImport = nullptr;
    UnsavedChangesQuestion m_question;

    QAction *m_save = nullptr;
    QAction *m_revert = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_addProvider = nullptr;
    QAction *m_removeProvider = nullptr;
    QAction *m_importPrices = nullptr;

    /// The running import: its thread, where it leaves its result, and the flag Cancel sets.
    struct Import {
        QString path;
        std::optional<Result<LiteLlmImportReport>> result;
        std::atomic_bool cancelled = false;
    };
    QThread *m_importThread = nullptr;
    std::shared_ptr<Import> m_import;
};

}  // namespace Switchyard
