#pragma once

#include "core/model/ProviderSpec.h"

#include <QAbstractTableModel>
#include <QList>

namespace Switchyard {

/// Read-only table of the workspace's providers: id, name, kind, endpoint, region(s), models and key reference.
class ProvidersTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        NameColumn,
        KindColumn,
        EndpointColumn,
        RegionColumn,
        ModelsColumn,
        KeyColumn,
        ColumnCount
    };

    explicit ProvidersTableModel(QObject *parent = nullptr);

    /// Replaces the rows (a model reset).
    void setProviders(const QList<ProviderSpec> &providers);
    const QList<ProviderSpec> &providers() const { return m_providers; }
    /// Replaces the provider in @p row (one row changes, the selection stays).
    void setProvider(int row, const ProviderSpec &provider);
    void insertProvider(int row, const ProviderSpec &provider);
    void removeProvider(int row);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ProviderSpec> m_providers;
};

}  // namespace Switchyard
