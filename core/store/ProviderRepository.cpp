#include "core/store/ProviderRepository.h"

#include "core/store/Database.h"
#include "core/store/SqlSupport.h"
#include "core/store/Transaction.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Switchyard {

using namespace SqlSupport;

namespace {

const QString UniversalFallbackKey = QStringLiteral("routing.universal_fallback");
const QString CircuitBreakerKey = QStringLiteral("routing.circuit_breaker");

QString toJsonArray(const QStringList &values)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

QStringList fromJsonArray(const QVariant &value)
{
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

QJsonObject hopToJson(const ChainHop &hop)
{
    return QJsonObject{{QStringLiteral("provider"), hop.provider},
                       {QStringLiteral("model"), hop.model},
                       {QStringLiteral("region"), hop.region}};
}

ChainHop hopFromJson(const QJsonObject &object)
{
    return ChainHop{object.value(QStringLiteral("provider")).toString(),
                    object.value(QStringLiteral("model")).toString(),
                    object.value(QStringLiteral("region")).toString()};
}

QJsonObject breakerToJson(const CircuitBreakerSpec &spec)
{
    return QJsonObject{{QStringLiteral("failureRateThreshold"), spec.failureRateThreshold},
                       {QStringLiteral("minimumCalls"), spec.minimumCalls},
                       {QStringLiteral("windowSeconds"), spec.windowSeconds},
                       {QStringLiteral("openSeconds"), spec.openSeconds}};
}

CircuitBreakerSpec breakerFromJson(const QJsonObject &object)
{
    CircuitBreakerSpec spec;
    spec.failureRateThreshold =
        object.value(QStringLiteral("failureRateThreshold")).toDouble(spec.failureRateThreshold);
    spec.minimumCalls = object.value(QStringLiteral("minimumCalls")).toInt(spec.minimumCalls);
    spec.windowSeconds = object.value(QStringLiteral("windowSeconds")).toInt(spec.windowSeconds);
    spec.openSeconds = object.value(QStringLiteral("openSeconds")).toInt(spec.openSeconds);
    return spec;
}

std::optional<ProviderRepository::PriceSource> priceSourceFromName(const QString &name)
{
    using Source = ProviderRepository::PriceSource;
    for (Source source : {Source::ProvidersYaml, Source::LiteLlm, Source::Manual}) {
        if (ProviderRepository::priceSourceName(source) == name)
            return source;
    }
    return std::nullopt;
}

Price priceFromColumns(const QSqlQuery &query, int first)
{
    Price price;
    price.inputPer1k = query.value(first).toDouble();
    price.outputPer1k = query.value(first + 1).toDouble();
    price.cachedInputPer1k = optionalDouble(query.value(first + 2));
    price.cacheWritePer1k = optionalDouble(query.value(first + 3));
    price.reasoningPer1k = optionalDouble(query.value(first + 4));
    return price;
}

Error invalid(const QString &message)
{
    return Error::make(Error::Code::InvalidInput, message);
}

/// Catches what the schema would reject, with a message that says which entry is wrong.
Result<void> validate(const ProvidersConfig &config)
{
    QSet<QString> providerIds;
    for (const ProviderSpec &provider : config.providers) {
        if (provider.id.isEmpty())
            return invalid(QStringLiteral("A provider has no id; give every provider a unique id."));
        if (provider.kind.isEmpty()) {
            return invalid(
                QStringLiteral("The provider '%1' has no kind; set it (for example 'openai').").arg(provider.id));
        }
        if (providerIds.contains(provider.id)) {
            return invalid(
                QStringLiteral("The provider id '%1' appears twice; provider ids must be unique.").arg(provider.id));
        }
        providerIds.insert(provider.id);
        QSet<QString> modelIds;
        for (const ModelSpec &model : provider.models) {
            if (model.id.isEmpty()) {
                return invalid(QStringLiteral("A model of the provider '%1' has no id; give every model its id.")
                                   .arg(provider.id));
            }
            if (modelIds.contains(model.id)) {
                return invalid(QStringLiteral("The model '%1' appears twice under the provider '%2'; list it once.")
                                   .arg(model.id, provider.id));
            }
            modelIds.insert(model.id);
        }
    }
    QSet<QString> chainNames;
    for (const ChainSpec &chain : config.chains) {
        if (chain.name.isEmpty())
            return invalid(QStringLiteral("A fallback chain has no name; give every chain a unique name."));
        if (chainNames.contains(chain.name)) {
            return invalid(
                QStringLiteral("The fallback chain '%1' appears twice; chain names must be unique.").arg(chain.name));
        }
        chainNames.insert(chain.name);
        for (const ChainHop &hop : chain.hops) {
            if (hop.provider.isEmpty()) {
                return invalid(
                    QStringLiteral("A hop of the fallback chain '%1' has no provider; name one.").arg(chain.name));
            }
        }
    }
    for (const FallbackRule &rule : config.rules) {
        if (rule.match.provider.isEmpty())
            return invalid(QStringLiteral("A fallback rule matches no provider; name the provider it applies to."));
        for (const ChainHop &hop : rule.then) {
            if (hop.provider.isEmpty()) {
                return invalid(QStringLiteral("A fallback of the rule for '%1' has no provider; name one.")
                                   .arg(rule.match.provider));
            }
        }
    }
    if (config.universalFallback && config.universalFallback->provider.isEmpty())
        return invalid(QStringLiteral("The universal fallback has no provider; name one or remove it."));
    return {};
}

const QString ProviderColumns =
    QStringLiteral("id, kind, display_name, base_url, api_key_ref, api_version, region, regions, requests_per_minute, "
                   "tokens_per_minute, connect_timeout_ms, first_token_timeout_ms, idle_timeout_ms, total_timeout_ms");

ProviderSpec providerFromRow(const QSqlQuery &query)
{
    ProviderSpec provider;
    provider.id = query.value(0).toString();
    provider.kind = query.value(1).toString();
    provider.displayName = query.value(2).toString();
    provider.baseUrl = query.value(3).toString();
    provider.apiKeyRef = query.value(4).toString();
    provider.apiVersion = query.value(5).toString();
    provider.region = query.value(6).toString();
    provider.regions = fromJsonArray(query.value(7));
    provider.rateLimits.requestsPerMinute = query.value(8).toInt();
    provider.rateLimits.tokensPerMinute = query.value(9).toInt();
    provider.timeouts.connectMs = query.value(10).toInt();
    provider.timeouts.firstTokenMs = query.value(11).toInt();
    provider.timeouts.idleMs = query.value(12).toInt();
    provider.timeouts.totalMs = query.value(13).toInt();
    return provider;
}

/// Models of the providers matching @p where (on m.provider_id), grouped by provider, each list in order.
Result<QHash<QString, QList<ModelSpec>>> readModels(const QSqlDatabase &db, const QString &where,
                                                    const QVariantList &values)
{
    // The providers.yaml price is the model's own; LiteLLM and manual prices are separate records.
    auto query =
        run(db,
            QStringLiteral("SELECT m.provider_id, m.id, m.display_name, m.context_window, m.max_output_tokens, "
                           "m.capabilities, p.input_per_1k, p.output_per_1k, p.cached_input_per_1k, "
                           "p.cache_write_per_1k, p.reasoning_per_1k "
                           "FROM models m LEFT JOIN prices p ON p.provider_id = m.provider_id "
                           "AND p.model_id = m.id AND p.source = 'providers.yaml' "
                           "WHERE %1 ORDER BY m.provider_id, m.position")
                .arg(where),
            values, QStringLiteral("read the models"));
    if (!query)
        return query.error();
    QHash<QString, QList<ModelSpec>> models;
    while (query->next()) {
        ModelSpec model;
        model.id = query->value(1).toString();
        model.displayName = query->value(2).toString();
        model.contextWindow = query->value(3).toInt();
        model.maxOutputTokens = query->value(4).toInt();
        model.capabilities = fromJsonArray(query->value(5));
        if (!query->value(6).isNull())
            model.price = priceFromColumns(*query, 6);
        models[query->value(0).toString()].append(model);
    }
    return models;
}

/// Hops grouped by owner (chain name or rule id as text), each list in order.
Result<QHash<QString, QList<ChainHop>>> readHops(const QSqlDatabase &db, const QString &sql, const QString &action)
{
    auto query = run(db, sql, {}, action);
    if (!query)
        return query.error();
    QHash<QString, QList<ChainHop>> hops;
    while (query->next()) {
        hops[query->value(0).toString()].append(
            ChainHop{query->value(1).toString(), query->value(2).toString(), query->value(3).toString()});
    }
    return hops;
}

Error providerNotFound(const QString &providerId)
{
    return Error::make(Error::Code::NotFound,
                       QStringLiteral("There is no provider '%1' in the workspace; import providers.yaml or check the "
                                      "provider id.")
                           .arg(providerId));
}

}  // namespace

ProviderRepository::ProviderRepository(Database &database) : m_database(database) {}

QString ProviderRepository::priceSourceName(PriceSource source)
{
    switch (source) {
    case PriceSource::ProvidersYaml:
        return QStringLiteral("providers.yaml");
    case PriceSource::LiteLlm:
        return QStringLiteral("litellm");
    case PriceSource::Manual:
        return QStringLiteral("manual");
    }
    return QString();
}

int ProviderRepository::priceRank(const PriceRecord &record)
{
    switch (record.source) {
    case PriceSource::Manual:
        return 3;
    case PriceSource::ProvidersYaml:
        return record.price == Price{} ? 0 : 2;
    case PriceSource::LiteLlm:
        return 1;
    }
    return 0;
}

Result<void> ProviderRepository::replaceAll(const ProvidersConfig &config)
{
    if (auto valid = validate(config); !valid)
        return valid;
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();

    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();

    const QString action = QStringLiteral("replace the providers");
    // Children before parents, so no foreign key ever points at a missing row.
    for (const QString &statement :
         {QStringLiteral("DELETE FROM fallback_rule_hops"), QStringLiteral("DELETE FROM fallback_rules"),
          QStringLiteral("DELETE FROM chain_hops"), QStringLiteral("DELETE FROM chains"),
          QStringLiteral("DELETE FROM prices WHERE source = 'providers.yaml'"), QStringLiteral("DELETE FROM models"),
          QStringLiteral("DELETE FROM providers"),
          QStringLiteral("DELETE FROM workspace_meta WHERE key IN ('routing.universal_fallback', "
                         "'routing.circuit_breaker')")}) {
        if (auto cleared = run(*db, statement, {}, action); !cleared)
            return cleared.error();
    }

    auto insertProvider = prepare(*db,
                                  QStringLiteral("INSERT INTO providers (position, %1) VALUES "
                                                 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                      .arg(ProviderColumns),
                                  action);
    auto insertModel = prepare(*db,
                               QStringLiteral("INSERT INTO models (provider_id, id, position, display_name, "
                                              "context_window, max_output_tokens, capabilities) "
                                              "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                               action);
    auto insertPrice = prepare(*db,
                               QStringLiteral("INSERT INTO prices (provider_id, model_id, source, input_per_1k, "
                                              "output_per_1k, cached_input_per_1k, cache_write_per_1k, "
                                              "reasoning_per_1k, updated_at) "
                                              "VALUES (?, ?, 'providers.yaml', ?, ?, ?, ?, ?, ?)"),
                               action);
    auto insertChain =
        prepare(*db, QStringLiteral("INSERT INTO chains (name, position, description) VALUES (?, ?, ?)"), action);
    auto insertChainHop = prepare(*db,
                                  QStringLiteral("INSERT INTO chain_hops (chain_name, position, provider, model, "
                                                 "region) VALUES (?, ?, ?, ?, ?)"),
                                  action);
    auto insertRule = prepare(*db,
                              QStringLiteral("INSERT INTO fallback_rules (position, match_provider, match_model, "
                                             "match_region) VALUES (?, ?, ?, ?)"),
                              action);
    auto insertRuleHop = prepare(*db,
                                 QStringLiteral("INSERT INTO fallback_rule_hops (rule_id, position, provider, model, "
                                                "region) VALUES (?, ?, ?, ?, ?)"),
                                 action);
    auto insertMeta = prepare(*db, QStringLiteral("INSERT INTO workspace_meta (key, value) VALUES (?, ?)"), action);
    for (const auto *statement : {&insertProvider, &insertModel, &insertPrice, &insertChain, &insertChainHop,
                                  &insertRule, &insertRuleHop, &insertMeta}) {
        if (!*statement)
            return statement->error();
    }

    const QVariant now = toDbTimestamp(nowUtc());
    for (qsizetype p = 0; p < config.providers.size(); ++p) {
        const ProviderSpec &provider = config.providers.at(p);
        const QString what = QStringLiteral("store the provider '%1'").arg(provider.id);
        auto stored = execPrepared(
            *insertProvider,
            {qint64(p), provider.id, provider.kind, provider.displayName, provider.baseUrl, provider.apiKeyRef,
             provider.apiVersion, provider.region, toJsonArray(provider.regions), provider.rateLimits.requestsPerMinute,
             provider.rateLimits.tokensPerMinute, provider.timeouts.connectMs, provider.timeouts.firstTokenMs,
             provider.timeouts.idleMs, provider.timeouts.totalMs},
            what);
        if (!stored)
            return stored;
        for (qsizetype m = 0; m < provider.models.size(); ++m) {
            const ModelSpec &model = provider.models.at(m);
            const QString modelWhat = QStringLiteral("store the model '%1' of '%2'").arg(model.id, provider.id);
            auto modelStored = execPrepared(*insertModel,
                                            {provider.id, model.id, qint64(m), model.displayName, model.contextWindow,
                                             model.maxOutputTokens, toJsonArray(model.capabilities)},
                                            modelWhat);
            if (!modelStored)
                return modelStored;
            auto priceStored =
                execPrepared(*insertPrice,
                             {provider.id, model.id, model.price.inputPer1k, model.price.outputPer1k,
                              nullable(model.price.cachedInputPer1k), nullable(model.price.cacheWritePer1k),
                              nullable(model.price.reasoningPer1k), now},
                             modelWhat);
            if (!priceStored)
                return priceStored;
        }
    }

    for (qsizetype c = 0; c < config.chains.size(); ++c) {
        const ChainSpec &chain = config.chains.at(c);
        const QString what = QStringLiteral("store the fallback chain '%1'").arg(chain.name);
        if (auto stored = execPrepared(*insertChain, {chain.name, qint64(c), chain.description}, what); !stored)
            return stored;
        for (qsizetype h = 0; h < chain.hops.size(); ++h) {
            const ChainHop &hop = chain.hops.at(h);
            auto stored =
                execPrepared(*insertChainHop, {chain.name, qint64(h), hop.provider, hop.model, hop.region}, what);
            if (!stored)
                return stored;
        }
    }

    for (qsizetype r = 0; r < config.rules.size(); ++r) {
        const FallbackRule &rule = config.rules.at(r);
        const QString what = QStringLiteral("store the fallback rule for '%1'").arg(rule.match.provider);
        auto stored =
            execPrepared(*insertRule, {qint64(r), rule.match.provider, rule.match.model, rule.match.region}, what);
        if (!stored)
            return stored;
        const qint64 ruleId = insertRule->lastInsertId().toLongLong();
        for (qsizetype h = 0; h < rule.then.size(); ++h) {
            const ChainHop &hop = rule.then.at(h);
            auto hopStored =
                execPrepared(*insertRuleHop, {ruleId, qint64(h), hop.provider, hop.model, hop.region}, what);
            if (!hopStored)
                return hopStored;
        }
    }

    if (config.universalFallback) {
        auto stored = execPrepared(*insertMeta, {UniversalFallbackKey, toDbJson(hopToJson(*config.universalFallback))},
                                   QStringLiteral("store the universal fallback"));
        if (!stored)
            return stored;
    }
    auto breakerStored = execPrepared(*insertMeta, {CircuitBreakerKey, toDbJson(breakerToJson(config.circuitBreaker))},
                                      QStringLiteral("store the circuit breaker settings"));
    if (!breakerStored)
        return breakerStored;

    return tx.commit();
}

Result<ProvidersConfig> ProviderRepository::load()
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    // One snapshot, so a concurrent replaceAll() is seen entirely or not at all.
    Transaction tx(*db, Transaction::Mode::Read);
    if (!tx.isActive())
        return tx.error();

    ProvidersConfig config;
    {
        auto models = readModels(*db, QStringLiteral("1 = 1"), {});
        if (!models)
            return models.error();
        auto query = run(*db, QStringLiteral("SELECT %1 FROM providers ORDER BY position").arg(ProviderColumns), {},
                         QStringLiteral("read the providers"));
        if (!query)
            return query.error();
        while (query->next()) {
            ProviderSpec provider = providerFromRow(*query);
            provider.models = models->value(provider.id);
            config.providers.append(provider);
        }
    }
    {
        auto hops = readHops(*db,
                             QStringLiteral("SELECT chain_name, provider, model, region FROM chain_hops "
                                            "ORDER BY chain_name, position"),
                             QStringLiteral("read the fallback chains"));
        if (!hops)
            return hops.error();
        auto query = run(*db, QStringLiteral("SELECT name, description FROM chains ORDER BY position"), {},
                         QStringLiteral("read the fallback chains"));
        if (!query)
            return query.error();
        while (query->next()) {
            const QString name = query->value(0).toString();
            config.chains.append(ChainSpec{name, query->value(1).toString(), hops->value(name)});
        }
    }
    {
        auto hops = readHops(*db,
                             QStringLiteral("SELECT rule_id, provider, model, region FROM fallback_rule_hops "
                                            "ORDER BY rule_id, position"),
                             QStringLiteral("read the fallback rules"));
        if (!hops)
            return hops.error();
        auto query = run(*db,
                         QStringLiteral("SELECT id, match_provider, match_model, match_region FROM fallback_rules "
                                        "ORDER BY position"),
                         {}, QStringLiteral("read the fallback rules"));
        if (!query)
            return query.error();
        while (query->next()) {
            FallbackRule rule;
            rule.match = ChainHop{query->value(1).toString(), query->value(2).toString(), query->value(3).toString()};
            rule.then = hops->value(query->value(0).toString());
            config.rules.append(rule);
        }
    }
    {
        auto query = run(*db, QStringLiteral("SELECT key, value FROM workspace_meta WHERE key IN (?, ?)"),
                         {UniversalFallbackKey, CircuitBreakerKey}, QStringLiteral("read the routing settings"));
        if (!query)
            return query.error();
        while (query->next()) {
            const QJsonObject value = fromDbJson(query->value(1));
            if (query->value(0).toString() == UniversalFallbackKey)
                config.universalFallback = hopFromJson(value);
            else
                config.circuitBreaker = breakerFromJson(value);
        }
    }
    if (auto finished = tx.commit(); !finished)
        return finished.error();
    return config;
}

Result<ProviderSpec> ProviderRepository::provider(const QString &providerId)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto query = run(*db, QStringLiteral("SELECT %1 FROM providers WHERE id = ?").arg(ProviderColumns), {providerId},
                     QStringLiteral("read the provider '%1'").arg(providerId));
    if (!query)
        return query.error();
    if (!query->next())
        return providerNotFound(providerId);
    ProviderSpec provider = providerFromRow(*query);
    query->finish();
    auto models = readModels(*db, QStringLiteral("m.provider_id = ?"), {providerId});
    if (!models)
        return models.error();
    provider.models = models->value(providerId);
    return provider;
}

Result<QList<ModelSpec>> ProviderRepository::models(const QString &providerId)
{
    auto found = provider(providerId);
    if (!found)
        return found.error();
    return found->models;
}

Result<void> ProviderRepository::upsertPrice(const QString &providerId, const QString &modelId, const Price &price,
                                             PriceSource source)
{
    if (providerId.isEmpty() || modelId.isEmpty())
        return invalid(QStringLiteral("A price needs a provider id and a model id; give both."));
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto stored =
        run(*db,
            QStringLiteral("INSERT INTO prices (provider_id, model_id, source, input_per_1k, output_per_1k, "
                           "cached_input_per_1k, cache_write_per_1k, reasoning_per_1k, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (provider_id, model_id, source) DO UPDATE "
                           "SET input_per_1k = excluded.input_per_1k, output_per_1k = excluded.output_per_1k, "
                           "cached_input_per_1k = excluded.cached_input_per_1k, "
                           "cache_write_per_1k = excluded.cache_write_per_1k, "
                           "reasoning_per_1k = excluded.reasoning_per_1k, updated_at = excluded.updated_at"),
            {providerId, modelId, priceSourceName(source), price.inputPer1k, price.outputPer1k,
             nullable(price.cachedInputPer1k), nullable(price.cacheWritePer1k), nullable(price.reasoningPer1k),
             toDbTimestamp(nowUtc())},
            QStringLiteral("store the %1 price of '%2/%3'").arg(priceSourceName(source), providerId, modelId));
    if (!stored)
        return stored.error();
    return {};
}

Result<QList<ProviderRepository::PriceRecord>> ProviderRepository::prices()
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto query = run(*db,
                     QStringLiteral("SELECT provider_id, model_id, source, input_per_1k, output_per_1k, "
                                    "cached_input_per_1k, cache_write_per_1k, reasoning_per_1k, updated_at "
                                    "FROM prices ORDER BY provider_id, model_id, source"),
                     {}, QStringLiteral("read the prices"));
    if (!query)
        return query.error();
    QList<PriceRecord> records;
    while (query->next()) {
        const auto source = priceSourceFromName(query->value(2).toString());
        if (!source)
            continue;  // the CHECK constraint makes this unreachable
        records.append(PriceRecord{query->value(0).toString(), query->value(1).toString(), priceFromColumns(*query, 3),
                                   *source, fromDbTimestamp(query->value(8))});
    }
    return records;
}

Result<std::optional<ProviderRepository::PriceRecord>> ProviderRepository::effectivePrice(const QString &providerId,
                                                                                          const QString &modelId)
{
    const auto db = m_database.checkedConnection();
    if (!db)
        return db.error();
    auto query = run(*db,
                     QStringLiteral("SELECT source, input_per_1k, output_per_1k, cached_input_per_1k, "
                                    "cache_write_per_1k, reasoning_per_1k, updated_at FROM prices "
                                    "WHERE provider_id = ? AND model_id = ?"),
                     {providerId, modelId}, QStringLiteral("read the price of '%1/%2'").arg(providerId, modelId));
    if (!query)
        return query.error();
    std::optional<PriceRecord> best;
    while (query->next()) {
        const auto source = priceSourceFromName(query->value(0).toString());
        if (!source)
            continue;
        PriceRecord record{providerId, modelId, priceFromColumns(*query, 1), *source, fromDbTimestamp(query->value(6))};
        if (!best || priceRank(record) > priceRank(*best))
            best = std::move(record);
    }
    return best;
}

}  // namespace Switchyard
