#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Switchyard {

class Database;
class SessionsTableModel;

/// The chat page's list of past sessions, filtered as you type, newest first; opening one continues it.
class SessionsPanel : public QWidget {
    Q_OBJECT

public:
    explicit SessionsPanel(Database &database, QWidget *parent = nullptr);

    /// Re-reads the sessions; an error is shown in place of the list.
    void refresh();

    SessionsTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filter; }
    QTableView *view() const { return m_view; }

    /// Writes the selected session to a file chosen through FileDialog: Markdown, or JSON for a ".json" name
    /// (SessionExporter's schema). Returns the path written, empty when cancelled or refused (exportFailed says why).
    QString exportCurrent();

Q_SIGNALS:
    void openRequested(qint64 sessionId);
    void exported(const QString &path);
    void exportFailed(const QString &message);

private:
    void openCurrent();

    Database &m_database;
    SessionsTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    QPushButton *m_open;
    QPushButton *m_refresh;
    QPushButton *m_export;
};

}  // namespace Switchyard
