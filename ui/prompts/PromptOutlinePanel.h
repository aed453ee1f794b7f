#pragma once

#include "core/common/Result.h"

#include <QPointer>
#include <QWidget>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QListView;

namespace Switchyard {

class PromptEditorDocument;
class PromptSectionsModel;
struct PromptAnalysis;

/// The outline of a structured prompt: its sections in order, with Add, Remove, Rename, Move Up and Move Down.
///
/// Every change rewrites the `sections:` block of the editor's text (PromptSectionsEditor) as one undoable step
/// with a readable name ("Move section “Rules” up"), so the outline and the YAML never disagree. The list follows
/// the debounced analysis of the text (showAnalysis()) and, right after its own edits, the edited text.
///
/// Object names: outlineView, outlineError, outlineEmpty, and the actions addSectionAction, removeSectionAction,
/// renameSectionAction, moveSectionUpAction, moveSectionDownAction.
class PromptOutlinePanel : public QWidget {
    Q_OBJECT

public:
    /// Asks for a line of text (a section title); empty optional = cancelled. Title, label and suggested text.
    using TextQuestion = std::function<std::optional<QString>(QWidget *parent, const QString &title,
                                                              const QString &label, const QString &text)>;

    /// The default TextQuestion: an input dialog (the page's Save Version note uses it too).
    static std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label,
                                          const QString &text);

    explicit PromptOutlinePanel(QWidget *parent = nullptr);
    ~PromptOutlinePanel() override;

    void setDocument(PromptEditorDocument *document);
    /// Test seam: replaces the title question of Add and Rename (an input dialog by default).
    void setTextQuestion(TextQuestion question);
    /// Shows the sections of the newest analysis of the text.
    void showAnalysis(const PromptAnalysis &analysis);

    PromptSectionsModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    /// The selected section's row; -1 when none.
    int currentRow() const;
    void setCurrentRow(int row);
    /// Why the last outline edit was refused, or why the block can't be read; empty when fine.
    QString errorText() const;

    /// Adds a section after the selected one (at the end when none is selected), asking for its title.
    void addSection();
    void removeSection();
    void renameSection();
    void moveSectionUp();
    void moveSectionDown();

    QAction *addSectionAction() const { return m_add; }
    QAction *removeSectionAction() const { return m_remove; }
    QAction *renameSectionAction() const { return m_rename; }
    QAction *moveSectionUpAction() const { return m_moveUp; }
    QAction *moveSectionDownAction() const { return m_moveDown; }

Q_SIGNALS:
    /// The user activated (double-click, Enter) the section @p title: the editor can show it.
    void sectionActivated(const QString &title);

private:
    void apply(const Result<QString> &edited, const QString &commandText, int selectRow);
    void refreshFromText();
    void moveSection(int delta);
    void updateActions();
    void showError(const QString &message);

    QPointer<PromptEditorDocument> m_document;
    PromptSectionsModel *m_model = nullptr;
    QListView *m_view = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_empty = nullptr;
    TextQuestion m_question;
    bool m_hasBlock = false;

    QAction *m_add = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_rename = nullptr;
    QAction *m_moveUp = nullptr;
    QAction *m_moveDown = nullptr;
};

}  // namespace Switchyard
