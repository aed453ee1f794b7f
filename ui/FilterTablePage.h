#pragma once

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace Switchyard {

/// A read-only table of a workspace's items with a filter box, a "shown of total" count, an empty-state text for
/// a workspace that has none, and room for a load error.
///
/// Child object names derive from @p name: "<name>Filter", "<name>View", "<name>Count", "<name>Empty",
/// "<name>Error", and the page itself is "<name>Page".
class FilterTablePage : public QWidget {
    Q_OBJECT

public:
    FilterTablePage(const QString &name, QAbstractItemModel *model, const QString &emptyText,
                    QWidget *parent = nullptr);

    QLineEdit *filterEdit() const { return m_filter; }
    QTableView *view() const { return m_view; }
    QSortFilterProxyModel *proxyModel() const { return m_proxy; }

    /// Shows @p message above the table; an empty message hides it.
    void setError(const QString &message);
    QString error() const;

    /// True while the empty-state text is shown instead of the table.
    bool isShowingEmptyState() const;

private:
    void updateState();

    QAbstractItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_empty = nullptr;
    QTableView *m_view = nullptr;
    QStackedWidget *m_stack = nullptr;
};

}  // namespace Switchyard
