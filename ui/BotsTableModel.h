#pragma once

#include "core/model/Bot.h"

#include <QAbstractTableModel>
#include <QList>

namespace Switchyard {

/// Read-only table of a workspace's bots: name, slug, status, type, rank, last update.
class BotsTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, SlugColumn, StatusColumn, TypeColumn, RankColumn, UpdatedColumn, ColumnCount };

    explicit BotsTableModel(QObject *parent = nullptr);

    /// Replaces the rows (a model reset).
    void setBots(const QList<Bot> &bots);
    const QList<Bot> &bots() const { return m_bots; }
    const Bot &botAt(int row) const { return m_bots.at(row); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The translated label of a bot status ("draft", "live", "archived"); unknown values are returned as written.
    static QString statusText(const QString &status);

private:
    QList<Bot> m_bots;
};

}  // namespace Switchyard
