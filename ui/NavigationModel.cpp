#include "NavigationModel.h"

#include <QIcon>
#include <QKeySequence>

namespace Switchyard {

NavigationModel::NavigationModel(QObject *parent) : QAbstractListModel(parent)
{
    m_entries = {
        {Page::Bots, tr("Bots"), QStringLiteral(":/icons/bots.svg"), tr("The bots of this workspace and their status")},
        {Page::Prompts, tr("Prompts"), QStringLiteral(":/icons/prompts.svg"),
         tr("Prompt templates, their versions and labels")},
        {Page::Chat, tr("Chat"), QStringLiteral(":/icons/chat.svg"), tr("Try a bot or a configuration live")},
        {Page::Dashboards, tr("Dashboards"), QStringLiteral(":/icons/dashboards.svg"),
         tr("Cost, latency and quality over time")},
        {Page::Providers, tr("Providers"), QStringLiteral(":/icons/providers.svg"), tr("Providers, models and prices")},
        {Page::Activity, tr("Activity"), QStringLiteral(":/icons/activity.svg"),
         tr("Every call, with its attempts and fallbacks")},
    };
}

int NavigationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant NavigationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return entry.modified ? tr("%1 ●", "a navigation entry with unsaved changes").arg(entry.title) : entry.title;
    case Qt::DecorationRole:
        return QIcon(entry.iconPath);
    case Qt::ToolTipRole:
    case Qt::StatusTipRole: {
        const QKeySequence shortcut(QKeyCombination(Qt::CTRL, Qt::Key(Qt::Key_1 + index.row())));
        const QString tip = tr("%1 (%2)").arg(entry.description, shortcut.toString(QKeySequence::NativeText));
        return entry.modified ? tr("Unsaved changes — %1").arg(tip) : tip;
    }
    case Qt::AccessibleDescriptionRole:
        return entry.description;
    case PageRole:
        return int(entry.page);
    case PageIdRole:
        return pageId(entry.page);
    case ModifiedRole:
        return entry.modified;
    default:
        return {};
    }
}

QHash<int, QByteArray> NavigationModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(PageRole, QByteArrayLiteral("page"));
    names.insert(PageIdRole, QByteArrayLiteral("pageId"));
    names.insert(ModifiedRole, QByteArrayLiteral("modified"));
    return names;
}

NavigationModel::Page NavigationModel::pageAt(int row) const
{
    return m_entries.at(row).page;
}

void NavigationModel::setModified(Page page, bool modified)
{
    const int row = rowOf(page);
    if (row < 0 || m_entries.at(row).modified == modified)
        return;
    m_entries[row].modified = modified;
    const QModelIndex changed = index(row, 0);
    Q_EMIT dataChanged(changed, changed, {Qt::DisplayRole, Qt::ToolTipRole, Qt::StatusTipRole, ModifiedRole});
}

bool NavigationModel::isModified(Page page) const
{
    const int row = rowOf(page);
    return row >= 0 && m_entries.at(row).modified;
}

int NavigationModel::rowOf(Page page) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).page == page)
            return row;
    }
    return -1;
}

QString NavigationModel::pageId(Page page)
{
    switch (page) {
    case Page::Bots:
        return QStringLiteral("bots");
    case Page::Prompts:
        return QStringLiteral("prompts");
    case Page::Chat:
        return QStringLiteral("chat");
    case Page::Dashboards:
        return QStringLiteral("dashboards");
    case Page::Providers:
        return QStringLiteral("providers");
    case Page::Activity:
        return QStringLiteral("activity");
    }
    return {};
}

QString NavigationModel::title(Page page) const
{
    const int row = rowOf(page);
    return row < 0 ? QString() : m_entries.at(row).title;
}

QString NavigationModel::iconPath(Page page) const
{
    const int row = rowOf(page);
    return row < 0 ? QString() : m_entries.at(row).iconPath;
}

}  // namespace Switchyard
