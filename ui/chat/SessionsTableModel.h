#pragma once

#include "core/model/ChatSession.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Switchyard {

/// Past chat sessions for the chat page's session list: title, bot, user, start and the locked price of billed ones.
class SessionsTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Title, Bot, User, Started, Price, ColumnCount };
    static constexpr int SessionIdRole = Qt::UserRole + 1;

    explicit SessionsTableModel(QObject *parent = nullptr);

    /// @p botNames maps bot ids to names; a session of an unknown (deleted) bot shows "—".
    void setSessions(const QList<ChatSession> &sessions, const QHash<qint64, QString> &botNames);
    const ChatSession &session(int row) const { return m_sessions.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ChatSession> m_sessions;
    QHash<qint64, QString> m_botNames;
};

}  // namespace Switchyard
