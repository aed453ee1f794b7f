#include "core/providers/ProvidersFile.h"

#include "core/common/YamlReader_p.h"
#include "core/common/YamlWriter.h"
#include "core/secrets/SecretResolver.h"

#include <QRegularExpression>
#include <limits>
#include <utility>

namespace Switchyard {

namespace {

constexpr int kMaxInt = std::numeric_limits<int>::max();

QStringList keys(std::initializer_list<const char *> names)
{
    QStringList list;
    for (const char *name : names)
        list << QLatin1String(name);
    return list;
}

bool isValidId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    return pattern.match(id).hasMatch();
}

/// Reads providers.yaml with one YamlReader; every method returns the first error it meets.
class Parser {
public:
    explicit Parser(YamlReader &reader) : m_reader(reader) {}

    Result<ProvidersConfig> run(const YAML::Node &root);

private:
    Result<ProviderSpec> provider(const YAML::Node &idNode, const YAML::Node &spec);
    Result<ModelSpec> model(const YAML::Node &idNode, const YAML::Node &spec, const QString &providerId);
    Result<Price> pricing(const YAML::Node &keyNode, const YAML::Node &spec, const QString &what);
    Result<void> rateLimits(const YAML::Node &keyNode, const YAML::Node &spec, const QString &what, RateLimits &out);
    Result<void> timeouts(const YAML::Node &keyNode, const YAML::Node &spec, const QString &what, Timeouts &out);
    Result<QList<ChainHop>> hopList(const YAML::Node &keyNode, const YAML::Node &list, const QString &what);
    Result<ChainHop> hop(const YAML::Node &node, const YAML::Node &fallback, const QString &what, bool modelRequired);
    Result<void> circuitBreaker(const YAML::Node &keyNode, const YAML::Node &spec, CircuitBreakerSpec &out);

    const ProviderSpec *findProvider(const QString &id) const;
    QStringList providerIds() const;

    YamlReader &m_reader;
    ProvidersConfig m_config;
};

const ProviderSpec *Parser::findProvider(const QString &id) const
{
    for (const ProviderSpec &provider : m_config.providers) {
        if (provider.id == id)
            return &provider;
    }
    return nullptr;
}

QStringList Parser::providerIds() const
{
    QStringList ids;
    for (const ProviderSpec &provider : m_config.providers)
        ids << provider.id;
    return ids;
}

Result<ProvidersConfig> Parser::run(const YAML::Node &root)
{
    if (!root.IsMap())
        return m_reader.errorAt(root, QStringLiteral("providers.yaml must be a mapping with 'providers:' at the top, "
                                                     "got %1")
                                          .arg(YamlReader::describe(root)));
    const QStringList topKeys =
        keys({"providers", "failover_chains", "fallback_rules", "universal_fallback", "circuit_breaker"});
    if (auto checked = m_reader.checkMapping(root, QStringLiteral("the file"), topKeys); !checked)
        return checked.error();

    bool hasProviders = false;
    YAML::Node providersKey, providersValue;
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (YamlReader::keyText(it->first) == QLatin1String("providers")) {
            hasProviders = true;
            providersKey = it->first;
            providersValue = it->second;
        }
    }
    // Providers first, whatever the file order: everything else refers to them.
    if (!hasProviders)
        return m_reader.errorAt(root, QStringLiteral("the file has no 'providers:' section; add at least one "
                                                     "provider (see the documented format)"));
    if (auto checked = m_reader.checkMapping(providersValue, QStringLiteral("providers"), {}, providersKey); !checked)
        return checked.error();
    if (!providersValue.IsMap() || providersValue.size() == 0)
        return m_reader.errorAt(providersValue,
                                QStringLiteral("providers is empty; add at least one provider such "
                                               "as 'openai: {kind: openai, api_key: "
                                               "${OPENAI_API_KEY}}'"),
                                providersKey);
    for (auto it = providersValue.begin(); it != providersValue.end(); ++it) {
        auto spec = provider(it->first, it->second);
        if (!spec)
            return spec.error();
        m_config.providers.append(*spec);
    }

    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString name = YamlReader::keyText(it->first);
        const YAML::Node keyNode = it->first;
        const YAML::Node value = it->second;
        if (name == QLatin1String("failover_chains")) {
            if (auto checked = m_reader.checkMapping(value, QStringLiteral("failover_chains"), {}, keyNode); !checked)
                return checked.error();
            for (auto chainIt = value.begin(); chainIt != value.end(); ++chainIt) {
                ChainSpec chain;
                chain.name = YamlReader::keyText(chainIt->first);
                const QString what = QStringLiteral("chain '%1'").arg(chain.name);
                if (!isValidId(chain.name))
                    return m_reader.errorAt(chainIt->first, QStringLiteral("chain name '%1' is not valid; use "
                                                                           "letters, digits, '_', '.' and '-'")
                                                                .arg(chain.name));
                const YAML::Node spec = chainIt->second;
                if (!spec.IsMap())
                    return m_reader.errorAt(spec,
                                            QStringLiteral("%1 must be a mapping with description and hops, "
                                                           "got %2")
                                                .arg(what, YamlReader::describe(spec)),
                                            chainIt->first);
                if (auto checked = m_reader.checkMapping(spec, what, keys({"description", "hops"})); !checked)
                    return checked.error();
                bool hasHops = false;
                for (auto entry = spec.begin(); entry != spec.end(); ++entry) {
                    const QString field = YamlReader::keyText(entry->first);
                    if (field == QLatin1String("description")) {
                        auto text = m_reader.text(entry->second, what + QStringLiteral(" description"), entry->first);
                        if (!text)
                            return text.error();
                        chain.description = *text;
                    } else if (field == QLatin1String("hops")) {
                        hasHops = true;
                        auto hops = hopList(entry->first, entry->second, what);
                        if (!hops)
                            return hops.error();
                        chain.hops = *hops;
                    }
                }
                if (!hasHops)
                    return m_reader.errorAt(chainIt->first, QStringLiteral("%1 has no hops; add 'hops:' with at "
                                                                           "least one {provider: ..., model: ...}")
                                                                .arg(what));
                m_config.chains.append(chain);
            }
        } else if (name == QLatin1String("fallback_rules")) {
            if (value.IsNull())
                continue;
            if (!value.IsSequence())
                return m_reader.errorAt(value,
                                        QStringLiteral("fallback_rules must be a list of '- match: ... then: "
                                                       "...' entries, got %1")
                                            .arg(YamlReader::describe(value)),
                                        keyNode);
            int index = 0;
            for (const YAML::Node &ruleNode : value) {
                ++index;
                const QString what = QStringLiteral("fallback rule %1").arg(index);
                if (!ruleNode.IsMap())
                    return m_reader.errorAt(ruleNode, QStringLiteral("%1 must be a mapping with match and then, got "
                                                                     "%2")
                                                          .arg(what, YamlReader::describe(ruleNode)));
                if (auto checked = m_reader.checkMapping(ruleNode, what, keys({"match", "then"})); !checked)
                    return checked.error();
                FallbackRule rule;
                bool hasMatch = false;
                bool hasThen = false;
                for (auto entry = ruleNode.begin(); entry != ruleNode.end(); ++entry) {
                    const QString field = YamlReader::keyText(entry->first);
                    if (field == QLatin1String("match")) {
                        hasMatch = true;
                        auto match = hop(entry->second, entry->first, what + QStringLiteral(" match"), false);
                        if (!match)
                            return match.error();
                        rule.match = *match;
                    } else if (field == QLatin1String("then")) {
                        hasThen = true;
                        auto then = hopList(entry->first, entry->second, what);
                        if (!then)
                            return then.error();
                        rule.then = *then;
                    }
                }
                if (!hasMatch || !hasThen)
                    return m_reader.errorAt(ruleNode, QStringLiteral("%1 needs both 'match:' (the failing provider "
                                                                     "and model) and 'then:' (the hops to try)")
                                                          .arg(what));
                m_config.rules.append(rule);
            }
        } else if (name == QLatin1String("universal_fallback")) {
            if (value.IsNull())
                continue;
            auto universal = hop(value, keyNode, QStringLiteral("universal_fallback"), true);
            if (!universal)
                return universal.error();
            m_config.universalFallback = *universal;
        } else if (name == QLatin1String("circuit_breaker")) {
            if (auto read = circuitBreaker(keyNode, value, m_config.circuitBreaker); !read)
                return read.error();
        }
    }
    return m_config;
}

Result<ProviderSpec> Parser::provider(const YAML::Node &idNode, const YAML::Node &spec)
{
    ProviderSpec provider;
    provider.id = YamlReader::keyText(idNode);
    const QString what = QStringLiteral("provider '%1'").arg(provider.id);
    if (!isValidId(provider.id))
        return m_reader.errorAt(idNode, QStringLiteral("provider id '%1' is not valid; use letters, digits, '_', '.' "
                                                       "and '-'")
                                            .arg(provider.id));
    if (!spec.IsMap())
        return m_reader.errorAt(
            spec,
            QStringLiteral("%1 must be a mapping with at least 'kind:', got %2").arg(what, YamlReader::describe(spec)),
            idNode);
    const QStringList known = keys({"kind", "display_name", "base_url", "api_key", "api_version", "region", "regions",
                                    "rate_limits", "timeouts", "models"});
    if (auto checked = m_reader.checkMapping(spec, what, known); !checked)
        return checked.error();

    bool hasKind = false;
    bool hasBaseUrl = false;
    YAML::Node baseUrlKey, regionKey;
    for (auto it = spec.begin(); it != spec.end(); ++it) {
        const QString field = YamlReader::keyText(it->first);
        const YAML::Node keyNode = it->first;
        const YAML::Node value = it->second;
        const QString fieldWhat = QStringLiteral("%1 of %2").arg(field, what);
        const auto readText = [&](QString &target) -> Result<void> {
            auto text = m_reader.text(value, fieldWhat, keyNode);
            if (!text)
                return text.error();
            target = text->trimmed();
            return {};
        };
        Result<void> read;
        if (field == QLatin1String("kind")) {
            hasKind = true;
            read = readText(provider.kind);
            if (read && !ProvidersFile::knownKinds().contains(provider.kind)) {
                const QString close = YamlReader::suggestion(provider.kind, ProvidersFile::knownKinds());
                return m_reader.errorAt(
                    value,
                    QStringLiteral("unknown kind '%1' for %2%3; use one of: %4")
                        .arg(provider.kind, what,
                             close.isEmpty() ? QString() : QStringLiteral(" (did you mean '%1'?)").arg(close),
                             ProvidersFile::knownKinds().join(QLatin1String(", "))),
                    keyNode);
            }
        } else if (field == QLatin1String("display_name")) {
            read = readText(provider.displayName);
        } else if (field == QLatin1String("base_url")) {
            hasBaseUrl = true;
            baseUrlKey = keyNode;
            read = readText(provider.baseUrl);
            if (read && !provider.baseUrl.isEmpty() && !provider.baseUrl.startsWith(QLatin1String("http://")) &&
                !provider.baseUrl.startsWith(QLatin1String("https://")))
                return m_reader.errorAt(value,
                                        QStringLiteral("%1 must start with http:// or https://, got %2")
                                            .arg(fieldWhat, YamlReader::describe(value)),
                                        keyNode);
        } else if (field == QLatin1String("api_key")) {
            read = readText(provider.apiKeyRef);
            if (read && !provider.apiKeyRef.isEmpty() && !ProvidersFile::isKeyReference(provider.apiKeyRef)) {
                // Never repeat the value: it is probably a real key and errors end up in logs and screenshots.
                const QString env = ProvidersFile::suggestedKeyVariable(provider.id);
                return m_reader.errorAt(value,
                                        QStringLiteral("api_key of %1 looks like a literal secret; keys must "
                                                       "never be written into providers.yaml. Store the key "
                                                       "in an environment variable or the OS keychain and "
                                                       "write a reference instead: ${%2}, env:%2 or "
                                                       "keychain:%3")
                                            .arg(what, env, provider.id),
                                        keyNode);
            }
        } else if (field == QLatin1String("api_version")) {
            read = readText(provider.apiVersion);
        } else if (field == QLatin1String("region")) {
            regionKey = keyNode;
            read = readText(provider.region);
        } else if (field == QLatin1String("regions")) {
            auto regions = m_reader.textList(value, fieldWhat, keyNode);
            if (!regions)
                return regions.error();
            provider.regions = *regions;
        } else if (field == QLatin1String("rate_limits")) {
            read = rateLimits(keyNode, value, what, provider.rateLimits);
        } else if (field == QLatin1String("timeouts")) {
            read = timeouts(keyNode, value, what, provider.timeouts);
        } else if (field == QLatin1String("models")) {
            if (auto checked = m_reader.checkMapping(value, QStringLiteral("models of %1").arg(what), {}, keyNode);
                !checked)
                return checked.error();
            for (auto modelIt = value.begin(); modelIt != value.end(); ++modelIt) {
                auto modelSpec = model(modelIt->first, modelIt->second, provider.id);
                if (!modelSpec)
                    return modelSpec.error();
                provider.models.append(*modelSpec);
            }
        }
        if (!read)
            return read.error();
    }

    if (!hasKind)
        return m_reader.errorAt(idNode, QStringLiteral("%1 has no 'kind:'; add one of: %2")
                                            .arg(what, ProvidersFile::knownKinds().join(QLatin1String(", "))));
    if (provider.baseUrl.isEmpty() &&
        (provider.kind == QLatin1String("azure_openai") || provider.kind == QLatin1String("openai_compatible")))
        return m_reader.errorAt(hasBaseUrl ? baseUrlKey : idNode,
                                QStringLiteral("%1 (kind %2) needs 'base_url:', the address of its endpoint, e.g. "
                                               "https://my-resource.openai.azure.com or http://localhost:8000")
                                    .arg(what, provider.kind));
    if (!provider.region.isEmpty() && !provider.regions.isEmpty() && !provider.regions.contains(provider.region))
        return m_reader.errorAt(regionKey, QStringLiteral("region '%1' of %2 is not in its regions (%3); add it to "
                                                          "regions or pick one of them")
                                               .arg(provider.region, what, provider.regions.join(QLatin1String(", "))));
    return provider;
}

Result<ModelSpec> Parser::model(const YAML::Node &idNode, const YAML::Node &spec, const QString &providerId)
{
    ModelSpec model;
    model.id = YamlReader::keyText(idNode);
    const QString what = QStringLiteral("model '%1' of provider '%2'").arg(model.id, providerId);
    if (model.id.trimmed().isEmpty() || model.id.contains(QRegularExpression(QStringLiteral("\\s"))))
        return m_reader.errorAt(idNode, QStringLiteral("model id '%1' of provider '%2' is not valid; write the "
                                                       "provider's model id without spaces")
                                            .arg(model.id, providerId));
    if (spec.IsNull())
        return model;
    if (!spec.IsMap())
        return m_reader.errorAt(spec,
                                QStringLiteral("%1 must be a mapping (display_name, context_window, "
                                               "max_output, pricing, capabilities), got %2")
                                    .arg(what, YamlReader::describe(spec)),
                                idNode);
    const QStringList known = keys({"display_name", "context_window", "max_output", "pricing", "capabilities"});
    if (auto checked = m_reader.checkMapping(spec, what, known); !checked)
        return checked.error();
    for (auto it = spec.begin(); it != spec.end(); ++it) {
        const QString field = YamlReader::keyText(it->first);
        const QString fieldWhat = QStringLiteral("%1 of %2").arg(field, what);
        if (field == QLatin1String("display_name")) {
            auto text = m_reader.text(it->second, fieldWhat, it->first);
            if (!text)
                return text.error();
            model.displayName = text->trimmed();
        } else if (field == QLatin1String("context_window") || field == QLatin1String("max_output")) {
            auto value = m_reader.integer(it->second, fieldWhat, 0, kMaxInt,
                                          QStringLiteral("a whole number of tokens, 0 or more"), it->first);
            if (!value)
                return value.error();
            (field == QLatin1String("context_window") ? model.contextWindow : model.maxOutputTokens) = *value;
        } else if (field == QLatin1String("pricing")) {
            auto price = pricing(it->first, it->second, what);
            if (!price)
                return price.error();
            model.price = *price;
        } else if (field == QLatin1String("capabilities")) {
            auto capabilities = m_reader.textList(it->second, fieldWhat, it->first);
            if (!capabilities)
                return capabilities.error();
            model.capabilities = *capabilities;
        }
    }
    return model;
}

Result<Price> Parser::pricing(const YAML::Node &keyNode, const YAML::Node &spec, const QString &what)
{
    Price price;
    const QString pricingWhat = QStringLiteral("pricing of %1").arg(what);
    if (spec.IsDefined() && !spec.IsNull() && !spec.IsMap())
        return m_reader.errorAt(spec,
                                QStringLiteral("%1 must be a mapping such as {input: 0.00015, output: 0.0006}, "
                                               "got %2")
                                    .arg(pricingWhat, YamlReader::describe(spec)),
                                keyNode);
    const QStringList known = keys({"input", "output", "cached_input", "cache_write", "reasoning"});
    if (auto checked = m_reader.checkMapping(spec, pricingWhat, known, keyNode); !checked)
        return checked.error();
    for (auto it = spec.begin(); spec.IsMap() && it != spec.end(); ++it) {
        const QString field = YamlReader::keyText(it->first);
        if (!known.contains(field))
            continue;
        auto value = m_reader.number(it->second, QStringLiteral("%1 (%2)").arg(field, pricingWhat), 0.0,
                                     std::numeric_limits<double>::max(),
                                     QStringLiteral("a price of 0 or more (US dollars per 1K tokens)"), it->first);
        if (!value)
            return value.error();
        if (field == QLatin1String("input"))
            price.inputPer1k = *value;
        else if (field == QLatin1String("output"))
            price.outputPer1k = *value;
        else if (field == QLatin1String("cached_input"))
            price.cachedInputPer1k = *value;
        else if (field == QLatin1String("cache_write"))
            price.cacheWritePer1k = *value;
        else
            price.reasoningPer1k = *value;
    }
    return price;
}

Result<void> Parser::rateLimits(const YAML::Node &keyNode, const YAML::Node &spec, const QString &what, RateLimits &out)
{
    const QString limitsWhat = QStringLiteral("rate_limits of %1").arg(what);
    if (spec.IsDefined() && !spec.IsNull() && !spec.IsMap())
        return m_reader.errorAt(spec,
                                QStringLiteral("%1 must be a mapping such as {rpm: 500, tpm: 200000}, got %2")
                                    .arg(limitsWhat, YamlReader::describe(spec)),
                                keyNode);
    if (auto checked = m_reader.checkMapping(spec, limitsWhat, keys({"rpm", "tpm"}), keyNode); !checked)
        return checked.error();
    for (auto it = spec.begin(); spec.IsMap() && it != spec.end(); ++it) {
        const QString field = YamlReader::keyText(it->first);
        if (field != QLatin1String("rpm") && field != QLatin1String("tpm"))
            continue;
        auto value = m_reader.integer(it->second, QStringLiteral("%1 (%2)").arg(field, limitsWhat), 0, kMaxInt,
                                      QStringLiteral("a whole number, 0 or more (0 = unlimited)"), it->first);
        if (!value)
            return value.error();
        (field == QLatin1String("rpm") ? out.requestsPerMinute : out.tokensPerMinute) = *value;
    }
    return {};
}

Result<void> Parser::timeouts(const YAML::Node &keyNode, const YAML::Node &spec, const QString &what, Timeouts &out)
{
    const QString timeoutsWhat = QStringLiteral("timeouts of %1").arg(what);
    if (spec.IsDefined() && !spec.IsNull() && !spec.IsMap())
        return m_reader.errorAt(spec,
                                QStringLiteral("%1 must be a mapping such as {connect_ms: 10000, total_ms: "
                                               "180000}, got %2")
                                    .arg(timeoutsWhat, YamlReader::describe(spec)),
                                keyNode);
    const QStringList known = keys({"connect_ms", "first_token_ms", "idle_ms", "total_ms"});
    if (auto checked = m_reader.checkMapping(spec, timeoutsWhat, known, keyNode); !checked)
        return checked.error();
    for (auto it = spec.begin(); spec.IsMap() && it != spec.end(); ++it) {
        const QString field = YamlReader::keyText(it->first);
        const qsizetype index = known.indexOf(field);
        if (index < 0)
            continue;
        auto value = m_reader.integer(it->second, QStringLiteral("%1 (%2)").arg(field, timeoutsWhat), 1, kMaxInt,
                                      QStringLiteral("a whole number of milliseconds greater than 0"), it->first);
        if (!value)
            return value.error();
        int *targets[] = {&out.connectMs, &out.firstTokenMs, &out.idleMs, &out.totalMs};
        *targets[index] = *value;
    }
    return {};
}

Result<void> Parser::circuitBreaker(const YAML::Node &keyNode, const YAML::Node &spec, CircuitBreakerSpec &out)
{
    const QString what = QStringLiteral("circuit_breaker");
    if (spec.IsDefined() && !spec.IsNull() && !spec.IsMap())
        return m_reader.errorAt(spec,
                                QStringLiteral("circuit_breaker must be a mapping such as "
                                               "{failure_rate_threshold: 0.5, minimum_calls: 5}, got %1")
                                    .arg(YamlReader::describe(spec)),
                                keyNode);
    const QStringList known = keys({"failure_rate_threshold", "minimum_calls", "window_seconds", "open_seconds"});
    if (auto checked = m_reader.checkMapping(spec, what, known, keyNode); !checked)
        return checked.error();
    for (auto it = spec.begin(); spec.IsMap() && it != spec.end(); ++it) {
        const QString field = YamlReader::keyText(it->first);
        const QString fieldWhat = QStringLiteral("%1 of circuit_breaker").arg(field);
        if (field == QLatin1String("failure_rate_threshold")) {
            auto value =
                m_reader.number(it->second, fieldWhat, 0.0, 1.0,
                                QStringLiteral("a fraction between 0 and 1 (0.5 = half the calls failed)"), it->first);
            if (!value)
                return value.error();
            out.failureRateThreshold = *value;
            continue;
        }
        int *target = field == QLatin1String("minimum_calls")    ? &out.minimumCalls
                      : field == QLatin1String("window_seconds") ? &out.windowSeconds
                      : field == QLatin1String("open_seconds")   ? &out.openSeconds
                                                                 : nullptr;
        if (!target)
            continue;
        auto value = m_reader.integer(it->second, fieldWhat, 1, kMaxInt,
                                      QStringLiteral("a whole number greater than 0"), it->first);
        if (!value)
            return value.error();
        *target = *value;
    }
    return {};
}

Result<QList<ChainHop>> Parser::hopList(const YAML::Node &keyNode, const YAML::Node &list, const QString &what)
{
    const QString listName = YamlReader::keyText(keyNode);
    if (!list.IsSequence() || list.size() == 0)
        return m_reader.errorAt(list,
                                QStringLiteral("%1 of %2 must be a non-empty list of hops such as '- {provider: "
                                               "gemini, model: gemini-2.5-flash}', got %3")
                                    .arg(listName, what, YamlReader::describe(list)),
                                keyNode);
    QList<ChainHop> hops;
    int index = 0;
    for (const YAML::Node &node : list) {
        ++index;
        auto parsed =
            hop(node, list,
                QStringLiteral("%1 %2 of %3")
                    .arg(listName == QLatin1String("hops") ? QStringLiteral("hop") : QStringLiteral("'then' hop"))
                    .arg(index)
                    .arg(what),
                true);
        if (!parsed)
            return parsed.error();
        hops.append(*parsed);
    }
    return hops;
}

Result<ChainHop> Parser::hop(const YAML::Node &node, const YAML::Node &fallback, const QString &what,
                             bool modelRequired)
{
    if (!node.IsMap())
        return m_reader.errorAt(node,
                                QStringLiteral("%1 must be a mapping such as {provider: gemini, model: "
                                               "gemini-2.5-flash}, got %2")
                                    .arg(what, YamlReader::describe(node)),
                                fallback);
    if (auto checked = m_reader.checkMapping(node, what, keys({"provider", "model", "region"})); !checked)
        return checked.error();
    ChainHop hop;
    YAML::Node providerValue, modelValue, regionValue;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const QString field = YamlReader::keyText(it->first);
        const std::pair<QString *, YAML::Node *> slot =
            field == QLatin1String("provider") ? std::pair{&hop.provider, &providerValue}
            : field == QLatin1String("model")  ? std::pair{&hop.model, &modelValue}
            : field == QLatin1String("region") ? std::pair{&hop.region, &regionValue}
                                               : std::pair<QString *, YAML::Node *>{nullptr, nullptr};
        auto [target, position] = slot;
        if (!target)
            continue;
        *position = it->second.IsNull() ? it->first : it->second;
        auto text = m_reader.text(it->second, QStringLiteral("%1 of %2").arg(field, what), it->first);
        if (!text)
            return text.error();
        *target = text->trimmed();
    }
    if (hop.provider.isEmpty())
        return m_reader.errorAt(node, QStringLiteral("%1 has no provider; add 'provider:' naming one of: %2")
                                          .arg(what, providerIds().join(QLatin1String(", "))));
    const ProviderSpec *provider = findProvider(hop.provider);
    if (!provider) {
        const QString close = YamlReader::suggestion(hop.provider, providerIds());
        return m_reader.errorAt(
            providerValue, QStringLiteral("%1 names provider '%2', which is not defined under 'providers:'%3; "
                                          "define it or use one of: %4")
                               .arg(what, hop.provider,
                                    close.isEmpty() ? QString() : QStringLiteral(" (did you mean '%1'?)").arg(close),
                                    providerIds().join(QLatin1String(", "))));
    }
    if (hop.model.isEmpty()) {
        if (modelRequired)
            return m_reader.errorAt(node, QStringLiteral("%1 has no model; add 'model:' with one of provider '%2''s "
                                                         "models")
                                              .arg(what, hop.provider));
    } else if (!provider->models.isEmpty()) {
        QStringList modelIds;
        for (const ModelSpec &model : provider->models)
            modelIds << model.id;
        if (!modelIds.contains(hop.model)) {
            const QString close = YamlReader::suggestion(hop.model, modelIds);
            return m_reader.errorAt(
                modelValue, QStringLiteral("%1 names model '%2', which provider '%3' does not list under "
                                           "'models:'%4; add the model there or use one of: %5")
                                .arg(what, hop.model, hop.provider,
                                     close.isEmpty() ? QString() : QStringLiteral(" (did you mean '%1'?)").arg(close),
                                     modelIds.join(QLatin1String(", "))));
        }
    }
    if (!hop.region.isEmpty() && !provider->regions.isEmpty() && !provider->regions.contains(hop.region))
        return m_reader.errorAt(regionValue,
                                QStringLiteral("%1 names region '%2', which is not among the regions of "
                                               "provider '%3' (%4); add it there or pick one of them")
                                    .arg(what, hop.region, hop.provider, provider->regions.join(QLatin1String(", "))));
    return hop;
}

QString hopFlow(const ChainHop &hop)
{
    QList<std::pair<QString, QString>> entries{
        {QStringLiteral("provider"), YamlWriter::scalar(hop.provider, YamlWriter::Context::Flow)}};
    if (!hop.model.isEmpty())
        entries.append({QStringLiteral("model"), YamlWriter::scalar(hop.model, YamlWriter::Context::Flow)});
    if (!hop.region.isEmpty())
        entries.append({QStringLiteral("region"), YamlWriter::scalar(hop.region, YamlWriter::Context::Flow)});
    return YamlWriter::flowMapping(entries);
}

}  // namespace

const QStringList &ProvidersFile::knownKinds()
{
    static const QStringList kinds =
        keys({"openai", "azure_openai", "openrouter", "groq", "deepseek", "byteplus", "openai_compatible", "ollama",
              "anthropic", "gemini", "bedrock", "cohere", "simulator"});
    return kinds;
}

bool ProvidersFile::isKeyReference(const QString &value)
{
    // One grammar for references, the resolver's; a file holds them exactly, without surrounding spaces.
    return value == value.trimmed() && SecretResolver::isReference(value);
}

QString ProvidersFile::suggestedKeyVariable(const QString &providerId)
{
    QString name = providerId.toUpper();
    name.replace(QRegularExpression(QStringLiteral("[^A-Z0-9_]")), QStringLiteral("_"));
    return name + QStringLiteral("_API_KEY");
}

Result<ParsedProviders> ProvidersFile::parse(const QByteArray &yaml, const QString &fileName)
{
    YamlReader reader(fileName);
    try {
        auto root = reader.load(yaml, QStringLiteral("providers.yaml needs a 'providers:' section with at least one "
                                                     "provider"));
        if (!root)
            return root.error();
        Parser parser(reader);
        auto config = parser.run(*root);
        if (!config)
            return config.error();
        return ParsedProviders{std::move(*config), reader.warnings()};
    } catch (const YAML::Exception &e) {
        return Error::make(Error::Code::Internal,
                           QStringLiteral("providers.yaml could not be read (%1); please report this")
                               .arg(QString::fromStdString(e.msg)),
                           fileName);
    }
}

QByteArray ProvidersFile::serialize(const ProvidersConfig &config)
{
    using Entries = QList<std::pair<QString, QString>>;
    YamlWriter out;
    out.key(0, QStringLiteral("providers"));
    const Timeouts defaultTimeouts;
    for (const ProviderSpec &provider : config.providers) {
        out.key(2, provider.id);
        out.text(4, QStringLiteral("kind"), provider.kind);
        if (!provider.displayName.isEmpty())
            out.text(4, QStringLiteral("display_name"), provider.displayName);
        if (!provider.baseUrl.isEmpty())
            out.text(4, QStringLiteral("base_url"), provider.baseUrl);
        if (!provider.apiKeyRef.isEmpty())
            out.text(4, QStringLiteral("api_key"), provider.apiKeyRef);
        if (!provider.apiVersion.isEmpty())
            out.text(4, QStringLiteral("api_version"), provider.apiVersion);
        if (!provider.region.isEmpty())
            out.text(4, QStringLiteral("region"), provider.region);
        if (!provider.regions.isEmpty())
            out.raw(4, QStringLiteral("regions"), YamlWriter::flowSequence(provider.regions));
        if (provider.rateLimits != RateLimits{}) {
            Entries limits;
            if (provider.rateLimits.requestsPerMinute > 0)
                limits.append({QStringLiteral("rpm"), QString::number(provider.rateLimits.requestsPerMinute)});
            if (provider.rateLimits.tokensPerMinute > 0)
                limits.append({QStringLiteral("tpm"), QString::number(provider.rateLimits.tokensPerMinute)});
            out.raw(4, QStringLiteral("rate_limits"), YamlWriter::flowMapping(limits));
        }
        if (provider.timeouts != defaultTimeouts) {
            const Timeouts &t = provider.timeouts;
            out.raw(4, QStringLiteral("timeouts"),
                    YamlWriter::flowMapping({{QStringLiteral("connect_ms"), QString::number(t.connectMs)},
                                             {QStringLiteral("first_token_ms"), QString::number(t.firstTokenMs)},
                                             {QStringLiteral("idle_ms"), QString::number(t.idleMs)},
                                             {QStringLiteral("total_ms"), QString::number(t.totalMs)}}));
        }
        if (provider.models.isEmpty())
            continue;
        out.key(4, QStringLiteral("models"));
        for (const ModelSpec &model : provider.models) {
            if (model == ModelSpec{model.id, {}, 0, 0, {}, {}}) {
                out.raw(6, model.id, QStringLiteral("{}"));
                continue;
            }
            out.key(6, model.id);
            if (!model.displayName.isEmpty())
                out.text(8, QStringLiteral("display_name"), model.displayName);
            if (model.contextWindow > 0)
                out.raw(8, QStringLiteral("context_window"), QString::number(model.contextWindow));
            if (model.maxOutputTokens > 0)
                out.raw(8, QStringLiteral("max_output"), QString::number(model.maxOutputTokens));
            if (model.price != Price{}) {
                const Price &p = model.price;
                Entries prices{{QStringLiteral("input"), YamlWriter::number(p.inputPer1k)},
                               {QStringLiteral("output"), YamlWriter::number(p.outputPer1k)}};
                if (p.cachedInputPer1k)
                    prices.append({QStringLiteral("cached_input"), YamlWriter::number(*p.cachedInputPer1k)});
                if (p.cacheWritePer1k)
                    prices.append({QStringLiteral("cache_write"), YamlWriter::number(*p.cacheWritePer1k)});
                if (p.reasoningPer1k)
                    prices.append({QStringLiteral("reasoning"), YamlWriter::number(*p.reasoningPer1k)});
                out.raw(8, QStringLiteral("pricing"), YamlWriter::flowMapping(prices));
            }
            if (!model.capabilities.isEmpty())
                out.raw(8, QStringLiteral("capabilities"), YamlWriter::flowSequence(model.capabilities));
        }
    }

    if (!config.chains.isEmpty()) {
        out.key(0, QStringLiteral("failover_chains"));
        for (const ChainSpec &chain : config.chains) {
            out.key(2, chain.name);
            if (!chain.description.isEmpty())
                out.text(4, QStringLiteral("description"), chain.description);
            out.key(4, QStringLiteral("hops"));
            for (const ChainHop &hop : chain.hops)
                out.item(6, hopFlow(hop));
        }
    }
    if (!config.rules.isEmpty()) {
        out.key(0, QStringLiteral("fallback_rules"));
        for (const FallbackRule &rule : config.rules) {
            out.beginItem(2);
            out.raw(4, QStringLiteral("match"), hopFlow(rule.match));
            out.key(4, QStringLiteral("then"));
            for (const ChainHop &hop : rule.then)
                out.item(6, hopFlow(hop));
        }
    }
    if (config.universalFallback)
        out.raw(0, QStringLiteral("universal_fallback"), hopFlow(*config.universalFallback));
    const CircuitBreakerSpec &breaker = config.circuitBreaker;
    out.raw(0, QStringLiteral("circuit_breaker"),
            YamlWriter::flowMapping(
                {{QStringLiteral("failure_rate_threshold"), YamlWriter::number(breaker.failureRateThreshold)},
                 {QStringLiteral("minimum_calls"), QString::number(breaker.minimumCalls)},
                 {QStringLiteral("window_seconds"), QString::number(breaker.windowSeconds)},
                 {QStringLiteral("open_seconds"), QString::number(breaker.openSeconds)}}));
    return out.toUtf8();
}

}  // namespace Switchyard
