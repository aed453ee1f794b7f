#pragma once

#include "ui/prompts/PromptOutlinePanel.h"

#include <QHash>
#include <QMessageBox>
#include <QWidget>
#include <functional>

class QAction;
class QLabel;
class QPlainTextEdit;
class QTabWidget;

namespace Switchyard {

class Database;
class FilterTablePage;
class PromptEditorDocument;
class PromptPreviewPanel;
class PromptsTableModel;
class PromptHistoryPanel;
class PromptTextEdit;
class Settings;
struct PromptAnalysis;

/// The Prompts section: the prompt list on the left; the YAML editor with a header (key, base version, labels,
/// unsaved marker) in the middle; Preview and Outline tabs on the right.
///
/// The page edits one PromptEditorDocument. Selecting another prompt, starting a new one, and (through MainWindow)
/// closing the window or switching workspaces first ask what to do with unsaved changes (maybeSave()). "Save
/// Version…" asks for a note and adds the next immutable version; an unchanged text adds nothing.
///
/// The list model belongs to MainWindow, which fills it (MainWindow::loadPrompts()); the page asks for a refill with
/// promptsChanged() after it saved or deleted a prompt, and MainWindow then calls promptsReloaded().
///
/// Object names: the list is the FilterTablePage "prompts" (promptsView, promptsFilter, ...), promptEditor,
/// promptHeader, promptEditorError, promptSideTabs, promptsSplitter, and the actions newPromptAction,
/// savePromptVersionAction, revertPromptAction, undoPromptAction, redoPromptAction, deletePromptAction.
class PromptsPage : public QWidget {
    Q_OBJECT

public:
    /// Asked before unsaved edits would be lost; answers QMessageBox::Save, Discard or Cancel.
    using UnsavedChangesQuestion =
        std::function<QMessageBox::StandardButton(QWidget *parent, const QString &promptKey)>;
    /// Asks for a line of text (new prompt key, version note); empty optional = cancelled.
    using TextQuestion = PromptOutlinePanel::TextQuestion;
    /// Asks to confirm something destructive; true = go ahead.
    using Confirmation = std::function<bool(QWidget *parent, const QString &question)>;

    PromptsPage(Database &database, Settings &settings, PromptsTableModel *model, QWidget *parent = nullptr);
    ~PromptsPage() override;

    PromptEditorDocument *document() const { return m_document; }
    FilterTablePage *listPage() const { return m_listPage; }
    /// The YAML editor (created in createEditor()).
    PromptTextEdit *editor() const { return m_editor; }
    PromptHistoryPanel *historyPanel() const { return m_history; }
    PromptPreviewPanel *previewPanel() const { return m_preview; }
    PromptOutlinePanel *outlinePanel() const { return m_outline; }
    /// Preview, Outline; further panels (history) are added as tabs here.
    QTabWidget *sideTabs() const { return m_sideTabs; }

    /// Opens the latest version of @p key (maybeSave() is the caller's business). False, with the error shown,
    /// when it can't be read.
    bool openPrompt(const QString &key);
    /// Opens version @p version of @p key read-only.
    bool openVersion(const QString &key, int version);
    /// Asks for a key and starts a new prompt (after maybeSave()).
    void newPrompt();
    /// Leaves the editor empty.
    void closePrompt();
    /// Re-reads what depends on the workspace (models for the cost, the open prompt's row): call after the list
    /// model was refilled.
    void promptsReloaded();

    /// When there are unsaved edits, asks whether to save them: Save saves a version (false when that fails or is
    /// cancelled), Discard reverts, Cancel returns false. True when it is fine to move on.
    bool maybeSave();
    /// Asks for a note and saves a version; false when cancelled or when saving failed (the error is shown).
    bool saveVersion();
    /// Saves a version with @p note; false with the error shown when it failed.
    bool saveVersion(const QString &note);
    /// Throws away unsaved edits.
    void revert();
    /// Deletes the open prompt with all its versions and labels after confirming; refused while a config uses it.
    bool deletePrompt();

    /// Test seams: replace the questions (modal dialogs by default).
    void setUnsavedChangesQuestion(UnsavedChangesQuestion question);
    void setTextQuestion(TextQuestion question);
    void setConfirmation(Confirmation confirmation);

    /// The error line's text; empty when no error is shown.
    QString errorText() const;
    /// What the window title shows for the open prompt ("support_answer v3"); empty when none is open.
    QString displayName() const;

    QAction *newPromptAction() const { return m_newPrompt; }
    QAction *saveVersionAction() const { return m_save; }
    QAction *revertAction() const { return m_revert; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *deletePromptAction() const { return m_delete; }

Q_SIGNALS:
    /// Another prompt was opened, or the dirty state changed: titles need updating.
    void documentStateChanged();
    /// Versions or prompts were added or removed: the list needs re-reading.
    void promptsChanged();
    /// A short message for the status bar.
    void statusMessage(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// The one place the editor widget is made.
    PromptTextEdit *createEditor();
    void onListCurrentChanged(const QModelIndex &current);
    void selectPrompt(const QString &key);
    void updateHeader();
    void updateActions();
    void updateModelChoices();
    void showError(const QString &message);
    void onAnalysed(const PromptAnalysis &analysis);
    void showSection(const QString &title);
    void showEditorContextMenu(const QPoint &position);
    void collectPromptVariables();
    QStringList otherPromptVariables() const;
    void updateCompletion(const PromptAnalysis &analysis);

    Database &m_database;
    Settings &m_settings;
    PromptsTableModel *m_model = nullptr;
    PromptEditorDocument *m_document = nullptr;
    FilterTablePage *m_listPage = nullptr;
    PromptTextEdit *m_editor = nullptr;
    /// The variable names a prompt's latest version uses, and that version's content hash.
    struct PromptVariables {
        QString contentHash;
        QStringList names;
    };
    /// Variable names each prompt of the workspace uses, by key: completion and lint offer those of the others.
    QHash<QString, PromptVariables> m_variablesByPrompt;
    QLabel *m_header = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_sideTabs = nullptr;
    PromptPreviewPanel *m_preview = nullptr;
    PromptOutlinePanel *m_outline = nullptr;
    PromptHistoryPanel *m_history = nullptr;

    UnsavedChangesQuestion m_question;
    TextQuestion m_textQuestion;
    Confirmation m_confirmation;

    QAction *m_newPrompt = nullptr;
    QAction *m_save = nullptr;
    QAction *m_revert = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_delete = nullptr;

    bool m_selecting = false;  ///< true while the list selection follows the editor, so that opens nothing
};

}  // namespace Switchyard
