#pragma once

#include "core/model/PromptVersion.h"

#include <QAbstractTableModel>
#include <QList>

namespace Switchyard {

/// Read-only table of one prompt's recorded label moves, newest first: label, from → to, moved by, when (local time).
/// An audit log: undoing a move is itself a move and shows up here.
class LabelHistoryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { LabelColumn, MoveColumn, MovedByColumn, MovedAtColumn, ColumnCount };
    enum Role {
        FromVersionRole = Qt::UserRole + 1,  ///< int, or null when the move created the label
        ToVersionRole,                       ///< int
    };

    explicit LabelHistoryModel(QObject *parent = nullptr);

    /// Replaces the contents (a model reset); @p moves oldest first, as PromptRepository::labelHistory() gives them.
    void setMoves(const QList<LabelMove> &moves);
    void clear();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<LabelMove> m_moves;  ///< newest first
};

}  // namespace Switchyard
