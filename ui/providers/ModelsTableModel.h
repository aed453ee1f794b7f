#pragma once

#include "core/store/ProviderRepository.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>
#include <optional>

namespace Switchyard {

class ProvidersDocument;

/// The models of one provider of a ProvidersDocument, editable: limits, display name and the providers.yaml price per
/// 1K tokens of each kind as numbers (Qt::EditRole), capabilities as check boxes (Qt::CheckStateRole). Each edit is
/// one undoable command on the document. Two read-only columns show the stored LiteLLM price and the price accounting
/// uses (ProviderRepository::effectivePrice rules), given with setStoredPrices().
class ModelsTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        ContextWindowColumn,
        InputPriceColumn,
        OutputPriceColumn,
        CachedInputPriceColumn,
        CacheWritePriceColumn,
        ReasoningPriceColumn,
        MaxOutputColumn,
        DisplayNameColumn,
        ChatColumn,
        StreamingColumn,
        VisionColumn,
        ToolsColumn,
        ReasoningColumn,
        EmbeddingsColumn,
        LiteLlmPriceColumn,
        EffectivePriceColumn,
        ColumnCount
    };

    explicit ModelsTableModel(ProvidersDocument *document, QObject *parent = nullptr);

    /// Shows the models of provider @p providerId (empty: none).
    void setProviderId(const QString &providerId);
    QString providerId() const { return m_providerId; }

    /// The stored prices of every source (ProviderRepository::prices()), for the two read-only price columns.
    void setStoredPrices(const QList<ProviderRepository::PriceRecord> &prices);

    /// The stored LiteLLM price of the model in @p row; empty when none was imported.
    std::optional<Price> liteLlmPrice(int row) const;

    /// The capability a check-box column stands for ("vision"); empty for the other columns.
    static QString capabilityOf(int column);
    static bool isPriceColumn(int column);
    /// True for the prices that may be left empty (cached input, cache write, reasoning).
    static bool isOptionalPriceColumn(int column);
    static bool isCountColumn(int column);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int providerRow() const;
    void indexPrices();
    const QList<ModelSpec> *models() const;
    QString storedPriceText(const QString &modelId, bool effective) const;

    ProvidersDocument *m_document;
    QString m_providerId;
    bool m_inserting = false;
    bool m_removing = false;
    bool m_resetting = false;
    /// "model" → stored prices by source of the shown provider's models
    QHash<QString, QList<ProviderRepository::PriceRecord>> m_prices;
    QList<ProviderRepository::PriceRecord> m_allPrices;
};

}  // namespace Switchyard
