#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace Switchyard {

class CallDetailDialog;
class CallsTableModel;
class Database;

/// Every recorded call, newest first, in a virtualised table read a page at a time: a text filter (debounced),
/// status and provider filters, sorting by any column, and the call's detail on double-click.
class ActivityPage : public QWidget {
    Q_OBJECT

public:
    explicit ActivityPage(Database &database, QWidget *parent = nullptr);

    /// Re-reads the calls and the provider choices (the workspace changed or new calls were recorded).
    void reload();

    CallsTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    /// Opens the detail of the call in @p row of the table.
    CallDetailDialog *openCall(int row);

protected:
    /// Calls made since the page was last shown (chat, CLI) appear when it is shown again.
    void showEvent(QShowEvent *event) override;

private:
    void applyFilter();

    Database &m_database;
    CallsTableModel *m_model = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_provider = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_error = nullptr;
    QTimer *m_filterTimer = nullptr;
};

}  // namespace Switchyard
