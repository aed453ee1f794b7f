#pragma once

#include "core/model/ChatSession.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Switchyard {

/// Past chat sessions for the chat page's session list: title, bot, user, start, the locked price of billed ones and
/// whether the session is a comparison (listed once, by its first column's session).
class SessionsTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Title, Bot, User, Started, Price, Kind, ColumnCount };
    static constexpr int SessionIdRole = Qt::UserRole + 1;

    explicit SessionsTableModel(QObject *parent = nullptr);

    /// @p botNames maps bot ids to names; a session of an unknown (deleted) bot shows "—". @p comparisonColumns maps
    /// a compare group to its number of columns.
    void setSessions(const QList<ChatSession> &sessions, const QHash<qint64, QString> &botNames,
                     const QHash<QString, int> &comparisonColumns = {});
    const ChatSession &session(int row) const { return m_sessions.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ChatSession> m_sessions;
    QHash<qint64, QString> m_botNames;
    QHash<QString, int> m_comparisonColumns;
};

}  // namespace Switchyard
