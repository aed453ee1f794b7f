#include "ui/activity/CallsTableModel.h"

#include "core/model/Money.h"

#include <QLocale>
#include <QScopedValueRollback>

namespace Switchyard {

CallsTableModel::CallsTableModel(Database &database, QObject *parent)
    : QAbstractTableModel(parent), m_database(database)
{
}

void CallsTableModel::setFilter(const CallLogFilter &filter)
{
    m_filter = filter;
    m_hasFilter = true;
    reload();
}

void CallsTableModel::reload()
{
    // Until a filter is set (a view setting its sort order first) there is nothing to list yet.
    if (!m_hasFilter)
        return;
    QList<CallLogRow> rows;
    const bool ok = readPage(&rows);
    // Listeners of the reset (views, the model tester) may ask for more before every listener has seen it.
    const QScopedValueRollback fetching(m_fetching, true);
    beginResetModel();
    m_rows = ok ? rows : QList<CallLogRow>();
    m_atEnd = !ok || rows.size() < PageSize;
    endResetModel();
}

bool CallsTableModel::readPage(QList<CallLogRow> *rows)
{
    auto page = CallLogRepository(m_database).page(m_filter, m_sort, m_order, 0, PageSize);
    if (!page) {
        m_error = tr("Could not read the recorded calls: %1").arg(page.error().toString());
        Q_EMIT loadFailed(m_error);
        return false;
    }
    m_error.clear();
    *rows = *page;
    return true;
}

qint64 CallsTableModel::callId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int CallsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CallsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CallsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CallLogRow &row = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole) {
        return index.column() >= Attempts ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                          : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole && index.column() == Time)
        return row.uuid;
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    const auto milliseconds = [&](const std::optional<qint64> &value) {
        return value ? tr("%1 ms").arg(locale.toString(*value)) : QString();
    };
    switch (Column(index.column())) {
    case Time:
        return locale.toString(row.createdAt.toLocalTime(), QLocale::ShortFormat);
    case Bot:
        return row.botSlug;
    case Config:
        return row.configId ? QString::number(*row.configId) : QString();
    case Prompt:
        return row.promptVersion ? tr("%1@%2").arg(row.promptKey).arg(*row.promptVersion) : row.promptKey;
    case Served:
        return row.provider.isEmpty() ? QString() : tr("%1 / %2").arg(row.provider, row.model);
    case Status:
        return row.status;
    case ErrorClass:
        return row.errorClass;
    case Attempts:
        return row.attempts;
    case Tokens:
        return locale.toString(row.tokens);
    case Cost:
        return tr("$%1").arg(MicroUsd::decimal(row.costMicroUsd));
    case Latency:
        return milliseconds(row.latencyMs);
    case Ttft:
        return milliseconds(row.ttftMs);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CallsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Bot:
        return tr("Bot");
    case Config:
        return tr("Config");
    case Prompt:
        return tr("Prompt");
    case Served:
        return tr("Served by");
    case Status:
        return tr("Status");
    case ErrorClass:
        return tr("Error class");
    case Attempts:
        return tr("Attempts");
    case Tokens:
        return tr("Tokens");
    case Cost:
        return tr("Cost (USD)");
    case Latency:
        return tr("Latency");
    case Ttft:
        return tr("TTFT");
    case ColumnCount:
        break;
    }
    return {};
}

bool CallsTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_fetching;
}

void CallsTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_fetching)
        return;
    // Views (and the model tester) may ask again while the rows are being inserted: one fetch at a time.
    const QScopedValueRollback fetching(m_fetching, true);
    auto page = CallLogRepository(m_database).page(m_filter, m_sort, m_order, m_rows.size(), PageSize);
    if (!page) {
        m_atEnd = true;
        m_error = tr("Could not read more calls: %1").arg(page.error().toString());
        Q_EMIT loadFailed(m_error);
        return;
    }
    m_atEnd = page->size() < PageSize;
    if (page->isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size() - 1));
    m_rows.append(*page);
    endInsertRows();
}

void CallsTableModel::sort(int column, Qt::SortOrder order)
{
    static constexpr CallLogSort sorts[] = {CallLogSort::Time,       CallLogSort::Bot,      CallLogSort::Config,
                                            CallLogSort::Prompt,     CallLogSort::Provider, CallLogSort::Status,
                                            CallLogSort::ErrorClass, CallLogSort::Attempts, CallLogSort::Tokens,
                                            CallLogSort::Cost,       CallLogSort::Latency,  CallLogSort::Ttft};
    if (column < 0 || column >= ColumnCount)
        return;
    m_sort = sorts[column];
    m_order = order;
    reload();
}

}  // namespace Switchyard
