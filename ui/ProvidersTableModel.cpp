#include "ProvidersTableModel.h"

#include <QStringList>

namespace Switchyard {

ProvidersTableModel::ProvidersTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ProvidersTableModel::setProviders(const QList<ProviderSpec> &providers)
{
    beginResetModel();
    m_providers = providers;
    endResetModel();
}

void ProvidersTableModel::setProvider(int row, const ProviderSpec &provider)
{
    m_providers[row] = provider;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ProvidersTableModel::insertProvider(int row, const ProviderSpec &provider)
{
    beginInsertRows(QModelIndex(), row, row);
    m_providers.insert(row, provider);
    endInsertRows();
}

void ProvidersTableModel::removeProvider(int row)
{
    beginRemoveRows(QModelIndex(), row, row);
    m_providers.removeAt(row);
    endRemoveRows();
}

int ProvidersTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_providers.size());
}

int ProvidersTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProvidersTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProviderSpec &provider = m_providers.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case IdColumn:
            return provider.id;
        case NameColumn:
            return provider.displayName;
        case KindColumn:
            return provider.kind;
        case EndpointColumn:
            return provider.baseUrl;
        case RegionColumn:
            return provider.regions.isEmpty() ? provider.region : provider.regions.join(QStringLiteral(", "));
        case ModelsColumn: {
            QStringList ids;
            for (const ModelSpec &model : provider.models)
                ids.append(model.id);
            return ids.join(QStringLiteral(", "));
        }
        case KeyColumn:
            return provider.apiKeyRef;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == ModelsColumn && !provider.models.isEmpty()) {
        QStringList lines;
        for (const ModelSpec &model : provider.models) {
            lines.append(tr("%1 — context %2 tokens, $%3 / $%4 per 1K input / output tokens")
                             .arg(model.displayName.isEmpty() ? model.id : model.displayName)
                             .arg(model.contextWindow)
                             .arg(model.price.inputPer1k)
                             .arg(model.price.outputPer1k));
        }
        return lines.join(QLatin1Char('\n'));
    }
    if (role == Qt::ToolTipRole && index.column() == KeyColumn)
        return tr("Where the API key is looked up; the key itself is never stored in the workspace.");
    return {};
}

QVariant ProvidersTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("ID");
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case EndpointColumn:
        return tr("Endpoint");
    case RegionColumn:
        return tr("Regions");
    case ModelsColumn:
        return tr("Models");
    case KeyColumn:
        return tr("API key from");
    default:
        return {};
    }
}

}  // namespace Switchyard
