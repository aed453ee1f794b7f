#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace Switchyard {

/// The studio's left navigation: one row per page, with a title, an SVG icon and a Ctrl+N shortcut.
class NavigationModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum class Page { Bots, Prompts, Chat, Dashboards, Providers, Activity };
    Q_ENUM(Page)

    enum Role {
        PageRole = Qt::UserRole + 1,  ///< the row's Page as int
        PageIdRole,                   ///< stable id, e.g. "bots" (object names, screenshot file names)
        ModifiedRole,                 ///< bool: the page holds unsaved changes
    };

    explicit NavigationModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    Page pageAt(int row) const;
    int rowOf(Page page) const;
    static QString pageId(Page page);
    QString title(Page page) const;
    QString iconPath(Page page) const;

    /// Marks @p page as holding unsaved changes: its title gets a marker and its tooltip says so.
    void setModified(Page page, bool modified);
    bool isModified(Page page) const;

private:
    struct Entry {
        Page page;
        QString title;
        QString iconPath;
        QString description;
        bool modified = false;
    };
    QList<Entry> m_entries;
};

}  // namespace Switchyard
