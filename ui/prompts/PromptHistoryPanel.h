#pragma once

#include <QList>
#include <QString>
#include <QWidget>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTimer;
class QUndoStack;

namespace Switchyard {

class Database;
class LabelHistoryModel;
class PromptLabelsModel;
class PromptVersionsModel;

/**
 * The history side of the prompt editor: one prompt's versions (newest first, filterable), its labels and the label
 * history, with the actions on them.
 *
 * - "Compare with Previous" (Ctrl+D) and "Compare Selected Versions" (two rows selected) open a PromptDiffDialog.
 * - "Move Label Here…" points a label (production, staging or a custom name) at the selected version in one step,
 *   undoably through undoStack(); undo moves the label back, which the label history records too (an audit log).
 *   A label that did not exist before can't be taken back (the store has no label removal), so creating one is not
 *   put on the stack.
 * - "Restore as New Version" adds the selected version's text as a new version noted "Restored from version N",
 *   after the restore guard (the page's "discard unsaved changes?") agrees.
 * - Double-click or "Open Version" asks the page to show that version's text read-only (openVersionRequested()).
 *
 * Reading happens in reload(); setPromptKey() only schedules it, so following the prompt list never reads on the
 * keystroke path. Database errors show in the error line (and errorOccurred()), never as a crash.
 *
 * Object names for tests: promptHistoryPanel, historyFilter, historyVersionsView, historyLabelsView,
 * labelHistoryView, historyError, historyStatus, historyToolBar, and the actions compareWithPreviousAction,
 * compareSelectedAction, moveLabelAction, restoreVersionAction, openVersionAction, undoLabelAction, redoLabelAction.
 */
class PromptHistoryPanel : public QWidget {
    Q_OBJECT

public:
    /// Asks for the label to move to @p version (a MoveLabelDialog by default); empty when cancelled.
    using LabelQuestion =
        std::function<std::optional<QString>(QWidget *parent, const QStringList &existing, int version)>;

    explicit PromptHistoryPanel(Database &database, QWidget *parent = nullptr);
    ~PromptHistoryPanel() override;

    /// Shows the history of @p key (empty: nothing); the read happens shortly after, off the caller's path.
    void setPromptKey(const QString &key);
    QString promptKey() const { return m_key; }
    /// Reads the prompt's versions, labels and label history now, keeping the selection where possible.
    void reload();

    /// Asked before "Restore as New Version" (the editor's unsaved changes would be replaced); false cancels.
    void setRestoreGuard(std::function<bool()> guard);
    /// Test seam: replaces the label question.
    void setLabelQuestion(LabelQuestion question);
    /// Recorded as author of restored versions and as mover of labels ($USER by default).
    void setUserName(const QString &name);
    QString userName() const { return m_userName; }

    /// Label moves, for undo and redo.
    QUndoStack *undoStack() const { return m_undoStack; }

    /// Points @p label at @p version (undoably when the label existed). False, with the error shown, on failure.
    bool moveLabel(const QString &label, int version);
    /// Adds version @p version's text as a new version. The new number, or nothing when cancelled or failed.
    std::optional<int> restoreVersion(int version);
    /// Opens a diff of @p left and @p right.
    void compareVersions(int left, int right);

    /// The selected version numbers, highest first.
    QList<int> selectedVersions() const;
    /// Selects exactly the rows of @p versions.
    void selectVersions(const QList<int> &versions);

    QString errorText() const;
    QString statusText() const;

    PromptVersionsModel *versionsModel() const { return m_versions; }
    PromptLabelsModel *labelsModel() const { return m_labels; }
    LabelHistoryModel *labelHistoryModel() const { return m_labelHistory; }
    QTableView *versionsView() const { return m_versionsView; }
    QSortFilterProxyModel *versionsProxy() const { return m_proxy; }

    QAction *compareWithPreviousAction() const { return m_compareWithPrevious; }
    QAction *compareSelectedAction() const { return m_compareSelected; }
    QAction *moveLabelAction() const { return m_moveLabel; }
    QAction *restoreVersionAction() const { return m_restore; }
    QAction *openVersionAction() const { return m_open; }

Q_SIGNALS:
    /// "Restore as New Version" added @p newVersion.
    void versionRestored(int newVersion);
    /// A label of @p key moved (also by undo or redo).
    void labelsChanged(const QString &key);
    /// The user wants to see @p version's text (read-only) in the editor.
    void openVersionRequested(int version);
    void errorOccurred(const QString &message);

private:
    QWidget *createLabelsArea();
    void showError(const QString &message);
    void showStatus(const QString &message);
    void updateActions();
    void showContextMenu(const QPoint &position);
    void compareWithPrevious();
    void compareSelected();
    void moveLabelToSelected();
    void restoreSelected();
    void openSelected();
    void onLabelCommandDone(const QString &error);

    Database &m_database;
    QString m_key;
    QString m_userName;
    std::function<bool()> m_restoreGuard;
    LabelQuestion m_labelQuestion;

    QUndoStack *m_undoStack;
    QTimer *m_reloadTimer;
    PromptVersionsModel *m_versions;
    QSortFilterProxyModel *m_proxy;
    PromptLabelsModel *m_labels;
    LabelHistoryModel *m_labelHistory;

    QLabel *m_error;
    QLabel *m_status;
    QLineEdit *m_filter;
    QTableView *m_versionsView;
    QTableView *m_labelsView;
    QTableView *m_labelHistoryView;

    QAction *m_compareWithPrevious;
    QAction *m_compareSelected;
    QAction *m_moveLabel;
    QAction *m_restore;
    QAction *m_open;
    QAction *m_undo;
    QAction *m_redo;
};

}  // namespace Switchyard
