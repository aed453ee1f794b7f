#pragma once

#include "core/common/Result.h"
#include "core/model/ProviderSpec.h"

#include <QDateTime>
#include <QList>
#include <optional>

namespace Switchyard {

class Database;

/// Providers, models, prices, fallback chains and rules, the universal fallback and the circuit breaker settings:
/// everything providers.yaml holds, plus prices imported from elsewhere.
///
/// replaceAll() followed by load() gives back exactly what was stored, in the same order, so import → export is
/// lossless. Prices have a source: those from providers.yaml are replaced by every replaceAll(); LiteLLM and manual
/// prices are kept.
class ProviderRepository {
public:
    enum class PriceSource {
        ProvidersYaml,  ///< "providers.yaml": the model's price as written in the workspace's providers.yaml
        LiteLlm,        ///< "litellm": imported from LiteLLM's price catalogue
        Manual,         ///< "manual": set by an admin; wins over the others
    };

    /// A stored price with where it came from.
    struct PriceRecord {
        QString providerId;
        QString modelId;
        Price price;
        PriceSource source = PriceSource::ProvidersYaml;
        QDateTime updated;
    };

    explicit ProviderRepository(Database &database);

    /// "providers.yaml", "litellm" or "manual".
    static QString priceSourceName(PriceSource source);

    /// How a stored price ranks when several sources price one model; the highest is the effective price: manual 3,
    /// providers.yaml 2, LiteLLM 1. A providers.yaml price of all zeros ranks 0: that is what a model listed without
    /// `pricing` is stored with (ProvidersFile writes no `pricing` for it either), so an imported LiteLLM price
    /// applies.
    static int priceRank(const PriceRecord &record);

    /// Replaces providers, models, their providers.yaml prices, chains, rules, the universal fallback and the circuit
    /// breaker settings with @p config, in one transaction. Error::InvalidInput (and nothing changed) for empty or
    /// duplicate provider ids, model ids within a provider, or chain names.
    Result<void> replaceAll(const ProvidersConfig &config);

    /// Everything replaceAll() stored, in the same order; model prices are the providers.yaml ones.
    Result<ProvidersConfig> load();

    /// One provider with its models. Error::NotFound when unknown.
    Result<ProviderSpec> provider(const QString &providerId);

    /// The models of a provider, in order. Error::NotFound when the provider is unknown.
    Result<QList<ModelSpec>> models(const QString &providerId);

    /// Stores (or replaces) the @p source price of a model. The model need not be in providers.yaml.
    Result<void> upsertPrice(const QString &providerId, const QString &modelId, const Price &price, PriceSource source);

    /// Every stored price of every source, by provider, model and source.
    Result<QList<PriceRecord>> prices();

    /// The price accounting should use, the highest priceRank(): manual, else providers.yaml, else LiteLLM (else a
    /// providers.yaml model without `pricing`, at zero); empty when none is stored.
    Result<std::optional<PriceRecord>> effectivePrice(const QString &providerId, const QString &modelId);

private:
    Database &m_database;
};

}  // namespace Switchyard
