#pragma once

#include "core/store/CallLogRepository.h"
#include "core/store/DatabaseWorker.h"

#include <QWidget>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QLayout;
class QLineEdit;
class QProgressBar;
class QTableView;
class QTimer;

namespace Switchyard {

class CallDetailDialog;
class CallsTableModel;
class Database;

/// Every recorded call in a virtualised table that reads the database a page at a time on a worker thread, newest
/// first or sorted by any column: filters for text (debounced), period, bot, provider, model, status and error class;
/// a busy bar while a query runs and the number of matching calls once counted; the call's detail on Enter or
/// double-click. Ctrl+F goes to the search box, F5 reads everything again.
class ActivityPage : public QWidget {
    Q_OBJECT

public:
    explicit ActivityPage(Database &database, QWidget *parent = nullptr);

    /// Re-reads the filter choices, the calls and their count (the workspace changed or new calls were recorded).
    void reload();
    /// Stops the queries in flight and waits for the workers: call before the database is closed or reopened.
    void waitForQueries();

    /// The filter the bar describes.
    CallLogFilter filter() const;

    CallsTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    /// Opens the detail of the call in @p row of the table.
    CallDetailDialog *openCall(int row);

    QAction *findAction() const { return m_find; }
    QAction *reloadAction() const { return m_reload; }
    QAction *openCallAction() const { return m_openCall; }

protected:
    /// Calls made since the page was last shown (chat, CLI) appear when it is shown again.
    void showEvent(QShowEvent *event) override;

private:
    QLayout *createFilterBar();
    void createActions();
    void applyFilter();
    void showChoices(const CallLogChoices &choices);
    void updatePeriod();
    void updateState();
    void showError(const QString &message);

    Database &m_database;
    CallsTableModel *m_model = nullptr;
    LatestRequest m_choicesRequests;
    QLineEdit *m_search = nullptr;
    QComboBox *m_period = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLabel *m_fromLabel = nullptr;
    QLabel *m_toLabel = nullptr;
    QComboBox *m_bot = nullptr;
    QComboBox *m_provider = nullptr;
    QComboBox *m_modelFilter = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_errorClass = nullptr;
    QLabel *m_count = nullptr;
    QProgressBar *m_busy = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_error = nullptr;
    QTimer *m_searchTimer = nullptr;
    QAction *m_find = nullptr;
    QAction *m_reload = nullptr;
    QAction *m_openCall = nullptr;
};

}  // namespace Switchyard
