#include "ui/activity/CallsTableModel.h"

#include "core/model/Money.h"

#include <QLocale>

namespace Switchyard {

CallsTableModel::CallsTableModel(Database &database, QObject *parent)
    : QAbstractTableModel(parent), m_pageWorker(new DatabaseWorker(database, QStringLiteral("callLogPages"), this)),
      m_countWorker(new DatabaseWorker(database, QStringLiteral("callLogCount"), this))
{
}

CallsTableModel::~CallsTableModel()
{
    // A scan still running for this model stops at once instead of holding up the workers' destructors.
    m_pageRequests.cancel();
    m_countRequests.cancel();
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
    readFirstPage();
    readCount();
}

void CallsTableModel::stopQueries()
{
    m_pageRequests.cancel();
    m_countRequests.cancel();
    m_pageWorker->waitForIdle();
    m_countWorker->waitForIdle();
    m_counting = false;
    setLoading(false, false);
    Q_EMIT countChanged();
}

void CallsTableModel::readFirstPage()
{
    // A new ticket makes a page still being read for the previous filter or order stale: it is interrupted and
    // dropped, and so is a next page asked for before.
    const LatestRequest::Ticket ticket = m_pageRequests.next();
    setLoading(true, false);
    m_pageWorker->runLatest(
        ticket,
        [filter = m_filter, sort = m_sort, order = m_order](Database &database) {
            return CallLogRepository(database).page(filter, sort, order, std::nullopt, PageSize);
        },
        [this](const Result<CallLogPage> &page) { showFirstPage(page); });
}

void CallsTableModel::readCount()
{
    const LatestRequest::Ticket ticket = m_countRequests.next();
    m_counting = true;
    m_totalCount = -1;
    Q_EMIT countChanged();
    m_countWorker->runLatest(
        ticket, [filter = m_filter](Database &database) { return CallLogRepository(database).count(filter); },
        [this](const Result<qint64> &count) { showCount(count); });
}

void CallsTableModel::showFirstPage(const Result<CallLogPage> &page)
{
    beginResetModel();
    m_rows = page ? page->rows : QList<CallLogRow>();
    m_next = page ? page->next : std::nullopt;
    endResetModel();
    setLoading(false, false);
    if (page)
        m_error.clear();
    else
        fail(tr("Could not read the recorded calls: %1").arg(page.error().toString()));
    Q_EMIT loaded();
}

void CallsTableModel::appendPage(const Result<CallLogPage> &page)
{
    setLoading(false, false);
    if (!page) {
        m_next.reset();
        fail(tr("Could not read more calls: %1").arg(page.error().toString()));
        return;
    }
    m_next = page->next;
    if (page->rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->rows.size() - 1));
    m_rows.append(page->rows);
    endInsertRows();
}

void CallsTableModel::showCount(const Result<qint64> &count)
{
    m_counting = false;
    m_totalCount = count ? *count : -1;
    Q_EMIT countChanged();
    if (!count)
        fail(tr("Could not count the recorded calls: %1").arg(count.error().toString()));
}

void CallsTableModel::fail(const QString &message)
{
    m_error = message;
    Q_EMIT loadFailed(m_error);
}

void CallsTableModel::setLoading(bool firstPage, bool fetching)
{
    const bool was = isLoading();
    m_loadingFirstPage = firstPage;
    m_fetching = fetching;
    if (was != isLoading())
        Q_EMIT loadingChanged(isLoading());
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
    return !parent.isValid() && m_next && !isLoading();
}

void CallsTableModel::fetchMore(const QModelIndex &parent)
{
    // Views ask again while a page is on its way: one read at a time, continuing after the last row shown.
    if (!canFetchMore(parent))
        return;
    const LatestRequest::Ticket ticket = m_pageRequests.next();
    setLoading(false, true);
    m_pageWorker->runLatest(
        ticket,
        [filter = m_filter, sort = m_sort, order = m_order, after = m_next](Database &database) {
            return CallLogRepository(database).page(filter, sort, order, after, PageSize);
        },
        [this](const Result<CallLogPage> &page) { appendPage(page); });
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
    // The order does not change how many calls match: only the rows are read again.
    if (m_hasFilter)
        readFirstPage();
}

}  // namespace Switchyard
