#pragma once

#include "core/workspace/PromptFolder.h"
#include "core/workspace/WorkspaceTransfer.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

class QAction;
class QProgressDialog;
class QThread;
class QWidget;

namespace Switchyard {

class Database;
class MainWindow;

/// The File menu's workspace actions: New Workspace…, Import/Export Prompt Folder…, Import/Export providers.yaml….
///
/// Each asks for a file or folder through FileDialog (the test seam), does the work, then says what happened in a
/// dialog: the result (object name "fileActionResultBox") or the error with its file:line (object name
/// "fileActionErrorBox"). After an import the window reloads its pages.
///
/// A prompt folder import runs on a worker thread (the Database gives each thread its own connection) so the window
/// keeps painting; a busy QProgressDialog ("importProgressDialog") appears when it takes longer than half a second.
/// importRunning() is true meanwhile, and importFinished() is emitted at the end.
class FileMenuActions : public QObject {
    Q_OBJECT

public:
    /// Asks what goes into a new workspace: the sample, nothing, or (empty optional) cancel.
    using ContentQuestion = std::function<std::optional<WorkspaceTransfer::Content>(QWidget *parent)>;

    /// @p confirmLeavingEditors is asked before anything replaces what open editors show; false cancels the action.
    FileMenuActions(MainWindow *window, Database &database, std::function<bool()> confirmLeavingEditors);
    ~FileMenuActions() override;

    QAction *newWorkspaceAction() const { return m_newWorkspace; }
    QAction *importPromptsAction() const { return m_importPrompts; }
    QAction *exportPromptsAction() const { return m_exportPrompts; }
    QAction *importProvidersAction() const { return m_importProviders; }
    QAction *exportProvidersAction() const { return m_exportProviders; }
    QAction *exportPricesAction() const { return m_exportPrices; }

    /// Test seam: replaces the message box New Workspace… asks.
    void setContentQuestion(ContentQuestion question);

    bool importRunning() const { return m_importRunning; }

    void newWorkspace();
    void importPromptFolder();
    void exportPromptFolder();
    void importProviders();
    void exportProviders();
    /// Writes every stored price (providers.yaml, LiteLLM, manual) as CSV.
    void exportPrices();

Q_SIGNALS:
    /// Prompts or providers of the open workspace were replaced: the pages must re-read them.
    void workspaceContentChanged();
    /// A prompt folder import ended (successfully or not) and its dialog is shown.
    void importFinished();

private:
    QString startDirectory() const;
    void showResult(const QString &title, const QString &text);
    void showError(const QString &title, const QString &text);
    void setActionsEnabled(bool enabled);
    void finishPromptImport(const QString &dir, const Result<PromptImportReport> &report);

    MainWindow *m_window = nullptr;
    Database &m_database;
    std::function<bool()> m_confirmLeavingEditors;
    ContentQuestion m_contentQuestion;
    bool m_importRunning = false;
    /// One worker thread for imports, so the workspace gets one extra connection, not one per import.
    QThread *m_worker = nullptr;
    QObject *m_workerContext = nullptr;  ///< lives in m_worker; queued calls to it run there
    QPointer<QProgressDialog> m_progress;

    QAction *m_newWorkspace = nullptr;
    QAction *m_importPrompts = nullptr;
    QAction *m_exportPrompts = nullptr;
    QAction *m_importProviders = nullptr;
    QAction *m_exportProviders = nullptr;
    QAction *m_exportPrices = nullptr;
};

}  // namespace Switchyard
