#pragma once

#include "core/common/Result.h"
#include "core/store/ProviderRepository.h"

#include <QHash>
#include <QReadWriteLock>
#include <QString>
#include <optional>

namespace Switchyard {

class Database;

/// The price accounting uses for each provider and model, held in memory.
///
/// For every (provider, model) the effective price follows ProviderRepository::priceRank(): a manual price wins over
/// the providers.yaml price, which wins over an imported LiteLLM price, which wins over the zero price of a model
/// providers.yaml lists without `pricing`. The catalogue reads every stored price
/// once (reload()) so that pricing a call never touches the database; call reload() again after `providers import`,
/// `prices import` or a manual price change. Lookups are thread-safe and may run while another thread reloads.
class PriceCatalogue {
public:
    explicit PriceCatalogue(Database &database);

    /// Reads every stored price and replaces the cache. On error the previous cache stays.
    Result<void> reload();

    /// True once reload() has succeeded.
    bool isLoaded() const;

    /// The effective price of @p modelId at @p providerId; empty when none is stored (or before reload()).
    std::optional<ProviderRepository::PriceRecord> find(const QString &providerId, const QString &modelId) const;

    /// Like find(), with an Error::NotFound that says how to add the missing price.
    Result<ProviderRepository::PriceRecord> price(const QString &providerId, const QString &modelId) const;

    /// Number of (provider, model) pairs with a price.
    int size() const;

private:
    static QString keyOf(const QString &providerId, const QString &modelId);

    Database &m_database;
    mutable QReadWriteLock m_lock;
    QHash<QString, ProviderRepository::PriceRecord> m_prices;  ///< "provider\nmodel" → effective price
    bool m_loaded = false;
};

}  // namespace Switchyard
