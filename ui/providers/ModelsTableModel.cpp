#include "ModelsTableModel.h"

#include "core/store/ProviderRepository.h"
#include "ui/providers/ProvidersDocument.h"

#include <QLocale>

namespace Switchyard {
namespace {

QString money(double perThousand)
{
    return QStringLiteral("$") + QLocale().toString(perThousand, 'g', 6);
}

std::optional<double> *optionalPrice(Price &price, int column)
{
    switch (column) {
    case ModelsTableModel::CachedInputPriceColumn:
        return &price.cachedInputPer1k;
    case ModelsTableModel::CacheWritePriceColumn:
        return &price.cacheWritePer1k;
    case ModelsTableModel::ReasoningPriceColumn:
        return &price.reasoningPer1k;
    default:
        return nullptr;
    }
}

}  // namespace

ModelsTableModel::ModelsTableModel(ProvidersDocument *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(m_document, &ProvidersDocument::aboutToReset, this, [this] {
        m_resetting = true;
        beginResetModel();
    });
    connect(m_document, &ProvidersDocument::reset, this, [this] {
        if (std::exchange(m_resetting, false))
            endResetModel();
    });
    connect(m_document, &ProvidersDocument::providerAboutToBeRemoved, this, [this](int row) {
        if (m_document->providerAt(row).id != m_providerId || m_resetting)
            return;
        m_resetting = true;
        beginResetModel();
    });
    connect(m_document, &ProvidersDocument::providerRemoved, this, [this] {
        if (std::exchange(m_resetting, false))
            endResetModel();
    });
    // The provider shown comes back (undo of its removal): its rows appear.
    connect(m_document, &ProvidersDocument::providerInserted, this, [this](int row) {
        if (m_document->providerAt(row).id != m_providerId || m_document->providerAt(row).models.isEmpty())
            return;
        beginResetModel();
        endResetModel();
    });
    connect(m_document, &ProvidersDocument::modelAboutToBeInserted, this, [this](int provider, int row) {
        if (provider != providerRow())
            return;
        m_inserting = true;
        beginInsertRows(QModelIndex(), row, row);
    });
    connect(m_document, &ProvidersDocument::modelInserted, this, [this] {
        if (std::exchange(m_inserting, false))
            endInsertRows();
    });
    connect(m_document, &ProvidersDocument::modelAboutToBeRemoved, this, [this](int provider, int row) {
        if (provider != providerRow())
            return;
        m_removing = true;
        beginRemoveRows(QModelIndex(), row, row);
    });
    connect(m_document, &ProvidersDocument::modelRemoved, this, [this] {
        if (std::exchange(m_removing, false))
            endRemoveRows();
    });
    connect(m_document, &ProvidersDocument::modelChanged, this, [this](int provider, int row) {
        if (provider == providerRow())
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
}

void ModelsTableModel::setProviderId(const QString &providerId)
{
    beginResetModel();
    m_providerId = providerId;
    indexPrices();
    endResetModel();
}

void ModelsTableModel::indexPrices()
{
    m_prices.clear();
    for (const ProviderRepository::PriceRecord &record : std::as_const(m_allPrices)) {
        if (record.providerId == m_providerId)
            m_prices[record.modelId].append(record);
    }
}

void ModelsTableModel::setStoredPrices(const QList<ProviderRepository::PriceRecord> &prices)
{
    m_allPrices = prices;
    indexPrices();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, LiteLlmPriceColumn), index(rowCount() - 1, EffectivePriceColumn));
}

std::optional<Price> ModelsTableModel::liteLlmPrice(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    for (const ProviderRepository::PriceRecord &record : m_prices.value(models()->at(row).id)) {
        if (record.source == ProviderRepository::PriceSource::LiteLlm)
            return record.price;
    }
    return std::nullopt;
}

QString ModelsTableModel::capabilityOf(int column)
{
    switch (column) {
    case ChatColumn:
        return QStringLiteral("chat");
    case StreamingColumn:
        return QStringLiteral("streaming");
    case VisionColumn:
        return QStringLiteral("vision");
    case ToolsColumn:
        return QStringLiteral("tools");
    case ReasoningColumn:
        return QStringLiteral("reasoning");
    case EmbeddingsColumn:
        return QStringLiteral("embeddings");
    default:
        return QString();
    }
}

bool ModelsTableModel::isPriceColumn(int column)
{
    return column >= InputPriceColumn && column <= ReasoningPriceColumn;
}

bool ModelsTableModel::isOptionalPriceColumn(int column)
{
    return column >= CachedInputPriceColumn && column <= ReasoningPriceColumn;
}

bool ModelsTableModel::isCountColumn(int column)
{
    return column == ContextWindowColumn || column == MaxOutputColumn;
}

int ModelsTableModel::providerRow() const
{
    return m_providerId.isEmpty() ? -1 : m_document->rowOf(m_providerId);
}

const QList<ModelSpec> *ModelsTableModel::models() const
{
    const int row = providerRow();
    return row < 0 ? nullptr : &m_document->providerAt(row).models;
}

int ModelsTableModel::rowCount(const QModelIndex &parent) const
{
    const QList<ModelSpec> *list = models();
    return parent.isValid() || !list ? 0 : int(list->size());
}

int ModelsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ModelsTableModel::storedPriceText(const QString &modelId, bool effective) const
{
    const auto found = m_prices.constFind(modelId);
    if (found == m_prices.cend())
        return QString();
    const ProviderRepository::PriceRecord *best = nullptr;
    for (const ProviderRepository::PriceRecord &record : *found) {
        if (effective ? (!best || ProviderRepository::priceRank(record) > ProviderRepository::priceRank(*best))
                      : record.source == ProviderRepository::PriceSource::LiteLlm)
            best = &record;
    }
    if (!best)
        return QString();
    const QString text = tr("%1 / %2").arg(money(best->price.inputPer1k), money(best->price.outputPer1k));
    return effective ? tr("%1 (%2)").arg(text, ProviderRepository::priceSourceName(best->source)) : text;
}

QVariant ModelsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ModelSpec &model = models()->at(index.row());
    const int column = index.column();
    const QString capability = capabilityOf(column);
    if (!capability.isEmpty()) {
        if (role == Qt::CheckStateRole)
            return model.capabilities.contains(capability) ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return tr("The model supports “%1”").arg(capability);
        return {};
    }
    Price price = model.price;
    if (role == Qt::DisplayRole) {
        switch (column) {
        case IdColumn:
            return model.id;
        case ContextWindowColumn:
            return model.contextWindow > 0 ? QLocale().toString(model.contextWindow) : tr("unknown");
        case MaxOutputColumn:
            return model.maxOutputTokens > 0 ? QLocale().toString(model.maxOutputTokens) : tr("unknown");
        case InputPriceColumn:
            return money(price.inputPer1k);
        case OutputPriceColumn:
            return money(price.outputPer1k);
        case CachedInputPriceColumn:
        case CacheWritePriceColumn:
        case ReasoningPriceColumn: {
            const std::optional<double> *value = optionalPrice(price, column);
            return *value ? money(**value) : QStringLiteral("—");
        }
        case DisplayNameColumn:
            return model.displayName;
        case LiteLlmPriceColumn:
            return storedPriceText(model.id, false);
        case EffectivePriceColumn:
            return storedPriceText(model.id, true);
        default:
            return {};
        }
    }
    if (role == Qt::EditRole) {
        switch (column) {
        case IdColumn:
            return model.id;
        case ContextWindowColumn:
            return model.contextWindow;
        case MaxOutputColumn:
            return model.maxOutputTokens;
        case InputPriceColumn:
            return price.inputPer1k;
        case OutputPriceColumn:
            return price.outputPer1k;
        case CachedInputPriceColumn:
        case CacheWritePriceColumn:
        case ReasoningPriceColumn: {
            const std::optional<double> *value = optionalPrice(price, column);
            return *value ? QVariant(**value) : QVariant();  // invalid = not set
        }
        case DisplayNameColumn:
            return model.displayName;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && column == EffectivePriceColumn)
        return tr("The stored price accounting uses: manual, else providers.yaml (saved), else LiteLLM");
    if (role == Qt::ToolTipRole && isOptionalPriceColumn(column))
        return tr("Empty: billed at the input (cached, cache write) or output (reasoning) price");
    if (role == Qt::TextAlignmentRole && (isPriceColumn(column) || isCountColumn(column)))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

bool ModelsTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const ModelSpec &before = models()->at(index.row());
    ModelSpec after = before;
    const int column = index.column();
    QString text;
    const QString capability = capabilityOf(column);
    if (!capability.isEmpty()) {
        if (role != Qt::CheckStateRole)
            return false;
        const bool on = value.value<Qt::CheckState>() == Qt::Checked;
        after.capabilities.removeAll(capability);
        if (on)
            after.capabilities.append(capability);
        text = on ? tr("Mark “%1” as supporting %2").arg(before.id, capability)
                  : tr("Mark “%1” as not supporting %2").arg(before.id, capability);
    } else {
        if (role != Qt::EditRole)
            return false;
        const QString header = headerData(column, Qt::Horizontal).toString();
        text = tr("Change %1 of “%2”").arg(header, before.id);
        bool ok = true;
        switch (column) {
        case ContextWindowColumn:
        case MaxOutputColumn: {
            const int count = value.toInt(&ok);
            if (!ok || count < 0)
                return false;
            (column == ContextWindowColumn ? after.contextWindow : after.maxOutputTokens) = count;
            break;
        }
        case InputPriceColumn:
        case OutputPriceColumn: {
            const double amount = value.toDouble(&ok);
            if (!ok || amount < 0)
                return false;
            (column == InputPriceColumn ? after.price.inputPer1k : after.price.outputPer1k) = amount;
            break;
        }
        case CachedInputPriceColumn:
        case CacheWritePriceColumn:
        case ReasoningPriceColumn: {
            // Invalid or negative: not set (billed at the base price).
            const double amount = value.isValid() ? value.toDouble(&ok) : -1.0;
            *optionalPrice(after.price, column) = ok && amount >= 0 ? std::optional<double>(amount) : std::nullopt;
            break;
        }
        case DisplayNameColumn:
            after.displayName = value.toString().trimmed();
            break;
        default:
            return false;
        }
    }
    if (after == before)
        return true;
    m_document->editModel(providerRow(), index.row(), after, text);
    return true;
}

Qt::ItemFlags ModelsTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const int column = index.column();
    if (!capabilityOf(column).isEmpty())
        flags |= Qt::ItemIsUserCheckable;
    else if (column != IdColumn && column != LiteLlmPriceColumn && column != EffectivePriceColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant ModelsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Model");
    case ContextWindowColumn:
        return tr("Context window");
    case InputPriceColumn:
        return tr("Input / 1k tokens");
    case OutputPriceColumn:
        return tr("Output / 1k tokens");
    case CachedInputPriceColumn:
        return tr("Cached input / 1k");
    case CacheWritePriceColumn:
        return tr("Cache write / 1k");
    case ReasoningPriceColumn:
        return tr("Reasoning / 1k");
    case MaxOutputColumn:
        return tr("Max output");
    case DisplayNameColumn:
        return tr("Display name");
    case ChatColumn:
        return tr("Chat");
    case StreamingColumn:
        return tr("Streaming");
    case VisionColumn:
        return tr("Vision");
    case ToolsColumn:
        return tr("Tools");
    case ReasoningColumn:
        return tr("Reasoning");
    case EmbeddingsColumn:
        return tr("Embeddings");
    case LiteLlmPriceColumn:
        return tr("LiteLLM price");
    case EffectivePriceColumn:
        return tr("Billed price");
    default:
        return {};
    }
}

}  // namespace Switchyard
