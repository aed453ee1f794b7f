#pragma once

#include "core/common/Result.h"

#include <QObject>
#include <QString>

class QTextDocument;
class QUndoStack;

namespace Switchyard {

class Database;

/// The prompt open in the studio's editor: its key, the version it is based on, its YAML text, the undo stack of
/// edits and the dirty state.
///
/// The text lives in a QTextDocument that the editor widget shows (QPlainTextEdit::setDocument()). Its own undo
/// steps are bridged into undoStack(): every step the text document records becomes one command there (typing merges
/// exactly as the text editor merges it), so the page's Undo/Redo and the outline's edits share one history.
///
/// The document is dirty while its text differs from the version it is based on (undoing back to it makes it clean
/// again); a new, never saved prompt is always dirty. Saving adds a new immutable version through PromptRepository;
/// a text identical to the latest version adds nothing.
class PromptEditorDocument : public QObject {
    Q_OBJECT

public:
    /// What save() did.
    struct SaveOutcome {
        int version = 0;       ///< the new version, or the latest one when nothing was added
        bool created = false;  ///< false when the text was identical to the latest version ("nothing to save")
    };

    explicit PromptEditorDocument(Database &database, QObject *parent = nullptr);
    ~PromptEditorDocument() override;

    /// Opens the latest version of @p key for editing, replacing whatever was open; clears the undo stack.
    Result<void> load(const QString &key);
    /// Opens version @p version of @p key for viewing only (the editor is read-only, nothing can be saved).
    Result<void> openReadOnly(const QString &key, int version);
    /// Starts a new, unsaved prompt @p key with a small skeleton text. Error when the key is invalid or exists.
    Result<void> startNew(const QString &key);
    /// Leaves the document empty (nothing open).
    void close();
    /// Throws away unsaved edits: back to the base version's text, or the new prompt's skeleton.
    void revert();

    /**
     * Adds the text as the next version of the prompt, recording @p note and @p author.
     *
     * The text must parse (PromptDocumentParser) and its `key:` must be the open prompt's key; otherwise nothing is
     * written and the Error says why and where. On a database error nothing is written either and the document keeps
     * every edit.
     */
    Result<SaveOutcome> save(const QString &note, const QString &author);

    bool isOpen() const { return m_open; }
    /// True for a prompt that has never been saved.
    bool isNew() const { return m_open && m_baseVersion == 0; }
    bool isReadOnly() const { return m_readOnly; }
    bool isDirty() const { return m_dirty; }
    QString key() const { return m_key; }
    /// The version the text is based on; 0 for a new prompt.
    int baseVersion() const { return m_baseVersion; }
    QString text() const;
    QTextDocument *textDocument() const { return m_text; }
    QUndoStack *undoStack() const { return m_undoStack; }

    /// Replaces the whole text as one undoable step named @p commandText ("Move section “Rules” up"). Only the part
    /// that differs is replaced, so the rest of the text (and the cursor in it) stays put.
    void replaceText(const QString &text, const QString &commandText);

Q_SIGNALS:
    /// Another prompt or version was opened, or the document was closed or reverted.
    void reset();
    /// The text changed (typing, undo, redo, replaceText()).
    void textChanged();
    void dirtyChanged(bool dirty);
    /// save() added version @p version.
    void saved(int version);

private:
    void setContent(const QString &key, int baseVersion, const QString &text, bool readOnly);
    void onUndoCommandAdded();
    void updateDirty();

    Database &m_database;
    QTextDocument *m_text = nullptr;
    QUndoStack *m_undoStack = nullptr;
    bool m_open = false;
    bool m_readOnly = false;
    bool m_dirty = false;
    QString m_key;
    int m_baseVersion = 0;
    QString m_baseText;         ///< the base version's text as the text document holds it
    QString m_nextCommandText;  ///< names the next bridged step when set (replaceText())
};

}  // namespace Switchyard
