#include "ui/chat/SessionsTableModel.h"

#include "core/model/Money.h"

#include <QLocale>

namespace Switchyard {

SessionsTableModel::SessionsTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void SessionsTableModel::setSessions(const QList<ChatSession> &sessions, const QHash<qint64, QString> &botNames,
                                     const QHash<QString, int> &comparisonColumns)
{
    beginResetModel();
    m_sessions = sessions;
    m_botNames = botNames;
    m_comparisonColumns = comparisonColumns;
    endResetModel();
}

int SessionsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

int SessionsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ChatSession &session = m_sessions.at(index.row());
    if (role == SessionIdRole)
        return session.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Title:
        return session.title;
    case Bot:
        return session.botId && m_botNames.contains(*session.botId) ? m_botNames.value(*session.botId) : tr("—");
    case User:
        return session.userRef;
    case Started:
        return QLocale().toString(session.created.toLocalTime(), QLocale::ShortFormat);
    case Price:
        return session.pricePerMessageMicroUsd
                   ? tr("%1 / message").arg(MicroUsd::format(*session.pricePerMessageMicroUsd))
                   : tr("not billed");
    case Kind:
        return session.isComparison()
                   ? tr("comparison of %n config(s)", nullptr, m_comparisonColumns.value(session.compareGroup, 1))
                   : tr("single");
    default:
        return {};
    }
}

QVariant SessionsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Title:
        return tr("Title");
    case Bot:
        return tr("Bot");
    case User:
        return tr("User");
    case Started:
        return tr("Started");
    case Price:
        return tr("Price");
    case Kind:
        return tr("Kind");
    default:
        return {};
    }
}

}  // namespace Switchyard
