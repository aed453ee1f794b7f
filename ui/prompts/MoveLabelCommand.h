#pragma once

#include <QString>
#include <QUndoCommand>
#include <functional>

namespace Switchyard {

class Database;

/// Records a label move that already happened in the database: undo moves the label back to the version it
/// pointed at before, redo moves it again. Both go to the database at once and are recorded in the label history
/// (an audit log). When the database refuses, @p report gets the reason and the command drops out of the stack.
class MoveLabelCommand : public QUndoCommand {
public:
    /// Called after every undo or redo: an empty message on success, else why it failed.
    using Report = std::function<void(const QString &error)>;

    MoveLabelCommand(Database &database, const QString &key, const QString &label, int fromVersion, int toVersion,
                     const QString &movedBy, Report report);

    void undo() override;
    void redo() override;

private:
    void moveTo(int version);

    Database &m_database;
    QString m_key;
    QString m_label;
    int m_from;
    int m_to;
    QString m_movedBy;
    Report m_report;
    bool m_done = true;  ///< the first redo() is the move the panel already made
};

}  // namespace Switchyard
