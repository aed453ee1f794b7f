#pragma once

#include "core/store/CallLogRepository.h"
#include "core/store/DatabaseWorker.h"

#include <QAbstractTableModel>
#include <QList>
#include <optional>

namespace Switchyard {

class Database;

/**
 * Recorded calls matching a CallLogFilter, in the order the view asks for, read a page at a time on worker threads
 * so the window never waits for the database: setFilter(), sort() and reload() return at once and the rows follow
 * (loaded()); the view's fetchMore() asks for the next page as it scrolls (keyset paging: page 5000 costs what page
 * 1 does), so a million calls never sit in memory. Only the latest request is answered: a filter changed again
 * interrupts the query of the one before and its answer is dropped. The matching calls are counted on a second
 * worker, so scrolling never waits behind a count.
 */
class CallsTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Time,
        Bot,
        Config,
        Prompt,
        Served,
        Status,
        ErrorClass,
        Attempts,
        Tokens,
        Cost,
        Latency,
        Ttft,
        ColumnCount
    };
    /// Calls read per fetchMore().
    static constexpr int PageSize = 200;

    /// Reads @p database through worker threads of its own.
    explicit CallsTableModel(Database &database, QObject *parent = nullptr);
    ~CallsTableModel() override;

    /// Starts over with @p filter: reads its first page and count. The rows shown stay until the first page arrives.
    /// The model is empty until it is called.
    void setFilter(const CallLogFilter &filter);
    const CallLogFilter &filter() const { return m_filter; }
    /// Re-reads the first page and the count with the current filter and order (new calls were recorded).
    void reload();

    /// True while the first page for the current filter and order, or the next page, is being read.
    bool isLoading() const { return m_loadingFirstPage || m_fetching; }
    /// True while the matching calls are being counted.
    bool isCounting() const { return m_counting; }
    /// How many calls match the filter; -1 until counted (or when counting failed).
    qint64 totalCount() const { return m_totalCount; }

    /// Stops the reads in flight (their answers are dropped) and waits until the workers are idle: call before the
    /// database is closed or reopened, which closes the workers' connections too.
    void stopQueries();
    /// The worker the pages are read on; small reads that belong with them (a page's filter choices) may use it.
    DatabaseWorker *pageWorker() const { return m_pageWorker; }

    /// The call shown in @p row, for CallLogRepository::call(); 0 for a row that does not exist.
    qint64 callId(int row) const;
    const CallLogRow &callRow(int row) const { return m_rows.at(row); }
    /// Why the last read failed; empty after a successful one.
    QString errorString() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    /// Asks for the next page; it is appended when it arrives.
    void fetchMore(const QModelIndex &parent) override;
    /// Re-reads the first page in the new order (the database sorts: the rows read so far are not enough).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    /// isLoading() changed.
    void loadingChanged(bool loading);
    /// The first page for the latest filter and order replaced the rows (also when it failed: then errorString()).
    void loaded();
    /// isCounting() or totalCount() changed.
    void countChanged();
    /// A read failed (the message says what to do); errorString() holds it too.
    void loadFailed(const QString &message);

private:
    void readFirstPage();
    void readCount();
    void showFirstPage(const Result<CallLogPage> &page);
    void appendPage(const Result<CallLogPage> &page);
    void showCount(const Result<qint64> &count);
    void fail(const QString &message);
    /// Sets the loading flags and signals loadingChanged() when isLoading() changes.
    void setLoading(bool firstPage, bool fetching);

    DatabaseWorker *m_pageWorker = nullptr;
    DatabaseWorker *m_countWorker = nullptr;
    LatestRequest m_pageRequests;  ///< first pages and next pages: a new filter or order makes both stale
    LatestRequest m_countRequests;
    CallLogFilter m_filter;
    CallLogSort m_sort = CallLogSort::Time;
    Qt::SortOrder m_order = Qt::DescendingOrder;
    QList<CallLogRow> m_rows;
    std::optional<CallLogSeek> m_next;  ///< where the next page starts; empty at the end of the log
    bool m_loadingFirstPage = false;
    bool m_fetching = false;
    bool m_counting = false;
    qint64 m_totalCount = -1;
    bool m_hasFilter = false;  ///< setFilter() was called: reload() has something to read
    QString m_error;
};

}  // namespace Switchyard
