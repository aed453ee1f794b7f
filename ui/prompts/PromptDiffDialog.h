#pragma once

#include "core/model/PromptVersion.h"
#include "core/prompts/LineDiff.h"

#include <QDialog>
#include <QList>

class QAction;
class QComboBox;
class QLabel;
class QTableView;

namespace Switchyard {

class Database;
class DiffPane;
class ParameterChangesModel;

/**
 * Two versions of a prompt side by side: the text with removed and added lines tinted and line numbers, scrolling
 * together; "Next Change" / "Previous Change" (F7 / Shift+F7); a line summary; and a table of the settings that
 * differ (PromptParameterDiff). Either side can be switched to any version with the pickers above the panes.
 *
 * Non-modal. A body that does not parse still diffs as text; the parameter table then says why it is empty.
 *
 * Object names for tests: promptDiffDialog, diffLeftVersion, diffRightVersion, diffLeftPane, diffRightPane,
 * diffSummary, diffParametersView, diffParametersError, diffError, nextChangeAction, previousChangeAction.
 */
class PromptDiffDialog : public QDialog {
    Q_OBJECT

public:
    /// Reads every version of @p key from @p database; shows the newest against the one before it until
    /// setVersions() says otherwise.
    PromptDiffDialog(Database &database, const QString &key, QWidget *parent = nullptr);

    /// Opens a non-modal dialog comparing @p leftVersion with @p rightVersion of @p key, deleted when closed.
    static PromptDiffDialog *showComparison(Database &db, const QString &key, int leftVersion, int rightVersion,
                                            QWidget *parent);

    /// Compares @p left with @p right (version numbers); unknown numbers leave that side as it was.
    void setVersions(int left, int right);
    int leftVersion() const;
    int rightVersion() const;
    QString promptKey() const { return m_key; }

    DiffPane *leftPane() const { return m_leftPane; }
    DiffPane *rightPane() const { return m_rightPane; }
    ParameterChangesModel *parameterModel() const { return m_parameters; }
    QString summaryText() const;
    /// The parse error that left the parameter table empty; empty when both bodies parsed.
    QString parameterError() const;
    /// The side-by-side rows shown.
    const QList<DiffRow> &rows() const { return m_rows; }

    /// The number of changes (runs of changed rows) and which one was jumped to last (-1: none yet).
    int changeCount() const { return int(m_changeStarts.size()); }
    int currentChange() const { return m_currentChange; }
    QAction *nextChangeAction() const { return m_next; }
    QAction *previousChangeAction() const { return m_previous; }

    /// Jumps to change @p index (wrapping around) in both panes.
    void goToChange(int index);

private:
    void loadVersions();
    void updateDiff();
    const PromptVersion *findVersion(int number) const;

    Database &m_database;
    QString m_key;
    QList<PromptVersion> m_versions;  ///< newest first
    QList<DiffRow> m_rows;
    QList<int> m_changeStarts;  ///< row index of the first row of each change
    int m_currentChange = -1;

    QComboBox *m_leftCombo;
    QComboBox *m_rightCombo;
    DiffPane *m_leftPane;
    DiffPane *m_rightPane;
    QLabel *m_summary;
    QLabel *m_error;
    QLabel *m_parametersError;
    QTableView *m_parametersView;
    ParameterChangesModel *m_parameters;
    QAction *m_next;
    QAction *m_previous;
};

}  // namespace Switchyard
