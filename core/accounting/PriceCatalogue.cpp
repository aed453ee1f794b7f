#include "core/accounting/PriceCatalogue.h"

#include "core/store/Database.h"

namespace Switchyard {

PriceCatalogue::PriceCatalogue(Database &database) : m_database(database) {}

QString PriceCatalogue::keyOf(const QString &providerId, const QString &modelId)
{
    // A newline can appear in neither a provider id nor a model id, so the key is unambiguous.
    return providerId + QLatin1Char('\n') + modelId;
}

Result<void> PriceCatalogue::reload()
{
    ProviderRepository repository(m_database);
    auto records = repository.prices();
    if (!records)
        return records.error();
    QHash<QString, ProviderRepository::PriceRecord> prices;
    prices.reserve(records->size());
    for (const ProviderRepository::PriceRecord &record : std::as_const(*records)) {
        const QString key = keyOf(record.providerId, record.modelId);
        auto existing = prices.find(key);
        if (existing == prices.end())
            prices.insert(key, record);
        else if (ProviderRepository::priceRank(record) > ProviderRepository::priceRank(*existing))
            *existing = record;
    }
    QWriteLocker lock(&m_lock);
    m_prices = std::move(prices);
    m_loaded = true;
    return {};
}

bool PriceCatalogue::isLoaded() const
{
    QReadLocker lock(&m_lock);
    return m_loaded;
}

std::optional<ProviderRepository::PriceRecord> PriceCatalogue::find(const QString &providerId,
                                                                    const QString &modelId) const
{
    QReadLocker lock(&m_lock);
    const auto found = m_prices.constFind(keyOf(providerId, modelId));
    if (found == m_prices.constEnd())
        return std::nullopt;
    return *found;
}

Result<ProviderRepository::PriceRecord> PriceCatalogue::price(const QString &providerId, const QString &modelId) const
{
    if (auto found = find(providerId, modelId))
        return *found;
    return Error::make(Error::Code::NotFound,
                       QStringLiteral("No price is known for model '%1' of provider '%2'; add `pricing` to it in "
                                      "providers.yaml or import LiteLLM's prices with `switchyard-cli prices import "
                                      "FILE`.")
                           .arg(modelId, providerId));
}

int PriceCatalogue::size() const
{
    QReadLocker lock(&m_lock);
    return int(m_prices.size());
}

}  // namespace Switchyard
