#pragma once

#include "core/store/CallLogRepository.h"

#include <QAbstractTableModel>
#include <QList>

namespace Switchyard {

class Database;

/// Recorded calls matching a CallLogFilter, newest first, read a page at a time through fetchMore() (the view asks
/// for more as it scrolls), so a million calls never sit in memory. Sorting re-reads from the database in the new
/// order.
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

    explicit CallsTableModel(Database &database, QObject *parent = nullptr);

    /// Starts over with @p filter: clears the rows and reads the first page. The model is empty until it is called.
    void setFilter(const CallLogFilter &filter);
    const CallLogFilter &filter() const { return m_filter; }
    /// Re-reads the first page with the current filter and order (new calls were recorded).
    void reload();

    /// The call shown in @p row, for CallLogRepository::call().
    qint64 callId(int row) const;
    const CallLogRow &callRow(int row) const { return m_rows.at(row); }
    /// Why the last read failed; empty after a successful one.
    QString errorString() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    /// A read failed (the message says what to do); errorString() holds it too.
    void loadFailed(const QString &message);

private:
    /// Reads the first page into @p rows; false (and loadFailed()) when the read fails.
    bool readPage(QList<CallLogRow> *rows);

    Database &m_database;
    CallLogFilter m_filter;
    CallLogSort m_sort = CallLogSort::Time;
    Qt::SortOrder m_order = Qt::DescendingOrder;
    QList<CallLogRow> m_rows;
    bool m_atEnd = true;
    bool m_fetching = false;
    bool m_hasFilter = false;  ///< setFilter() was called: reload() has something to read
    QString m_error;
};

}  // namespace Switchyard
