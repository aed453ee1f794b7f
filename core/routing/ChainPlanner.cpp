#include "core/routing/ChainPlanner.h"

namespace Switchyard {

namespace {

const ModelSpec *findModel(const ProviderSpec &provider, const QString &id)
{
    for (const ModelSpec &model : provider.models) {
        if (model.id == id)
            return &model;
    }
    return nullptr;
}

QString describe(const ChainHop &hop)
{
    QString text = hop.provider + QLatin1Char('/') + hop.model;
    if (!hop.region.isEmpty())
        text += QLatin1Char('@') + hop.region;
    return text;
}

}  // namespace

ChainPlanner::ChainPlanner(ProvidersConfig config) : m_config(std::move(config)) {}

const ProviderSpec *ChainPlanner::findProvider(const QString &id) const
{
    for (const ProviderSpec &provider : m_config.providers) {
        if (provider.id == id)
            return &provider;
    }
    return nullptr;
}

ChainPlan ChainPlanner::plan(const LlmConfig &config, const QString &systemInstruction) const
{
    ChainPlan plan;
    const ProviderSpec *primaryProvider = findProvider(config.provider);
    const QString primaryRegion =
        !config.region.isEmpty() ? config.region : (primaryProvider ? primaryProvider->region : QString());

    const auto regionFor = [&](const ChainHop &hop, const ProviderSpec &provider) -> QString {
        if (!hop.region.isEmpty())
            return hop.region;
        const bool related =
            hop.provider == config.provider || (primaryProvider && provider.kind == primaryProvider->kind);
        if (related && !config.region.isEmpty() &&
            (provider.regions.isEmpty() || provider.regions.contains(config.region)))
            return config.region;
        return provider.region;
    };

    const auto add = [&](const ChainHop &hop, PlannedHop::Origin origin, const QString &originName,
                         const QString &where) {
        const ProviderSpec *provider = findProvider(hop.provider);
        if (!provider) {
            plan.warnings.append(QStringLiteral("%1 names provider \"%2\", which providers.yaml does not define; the "
                                                "hop %3 is skipped. Add the provider or remove the hop.")
                                     .arg(where, hop.provider, describe(hop)));
            return;
        }
        const ModelSpec *model = findModel(*provider, hop.model);
        if (!model && (!provider->models.isEmpty() || hop.model.isEmpty())) {
            plan.warnings.append(QStringLiteral("%1 names model \"%2\", which provider \"%3\" does not list; the hop "
                                                "%4 is skipped. Add the model to the provider or fix the hop.")
                                     .arg(where, hop.model, hop.provider, describe(hop)));
            return;
        }
        PlannedHop planned;
        planned.provider = provider->id;
        planned.providerKind = provider->kind;
        planned.model = hop.model;
        planned.region = origin == PlannedHop::Origin::Primary ? primaryRegion : regionFor(hop, *provider);
        planned.systemInstruction = systemInstruction;
        if (model) {
            planned.contextWindow = model->contextWindow;
            planned.maxOutputTokens = model->maxOutputTokens;
            planned.price = model->price;
        }
        planned.origin = origin;
        planned.originName = originName;
        for (const PlannedHop &existing : std::as_const(plan.hops)) {
            if (existing.provider == planned.provider && existing.model == planned.model &&
                existing.region == planned.region)
                return;  // the first place wins
        }
        plan.hops.append(planned);
    };

    add(ChainHop{config.provider, config.model, config.region}, PlannedHop::Origin::Primary, QString(),
        QStringLiteral("The config's primary"));

    for (const FallbackRule &rule : m_config.rules) {
        if (rule.match.provider != config.provider)
            continue;
        if (!rule.match.model.isEmpty() && rule.match.model != config.model)
            continue;
        if (!rule.match.region.isEmpty() && rule.match.region != primaryRegion)
            continue;
        for (const ChainHop &hop : rule.then)
            add(hop, PlannedHop::Origin::Rule, QString(),
                QStringLiteral("The fallback rule for %1").arg(describe(rule.match)));
    }

    if (!config.chain.isEmpty()) {
        const ChainSpec *chain = nullptr;
        for (const ChainSpec &candidate : m_config.chains) {
            if (candidate.name == config.chain) {
                chain = &candidate;
                break;
            }
        }
        if (!chain) {
            plan.warnings.append(QStringLiteral("The config names fallback chain \"%1\", which providers.yaml does not "
                                                "define; only the primary, its fallback rules and the universal "
                                                "fallback are used. Add the chain under failover_chains or change the "
                                                "config's chain.")
                                     .arg(config.chain));
        } else {
            for (qsizetype i = 0; i < chain->hops.size(); ++i)
                add(chain->hops.at(i), PlannedHop::Origin::Chain, chain->name,
                    QStringLiteral("Hop %1 of chain \"%2\"").arg(i + 1).arg(chain->name));
        }
    }

    if (m_config.universalFallback)
        add(*m_config.universalFallback, PlannedHop::Origin::Universal, QString(),
            QStringLiteral("The universal fallback"));

    if (!plan.hops.isEmpty() && plan.hops.constFirst().origin == PlannedHop::Origin::Primary) {
        const int primaryWindow = plan.hops.constFirst().contextWindow;
        for (PlannedHop &hop : plan.hops)
            hop.smallerContextThanPrimary = hop.contextWindow > 0 && hop.contextWindow < primaryWindow;
    }
    return plan;
}

std::optional<int> ChainPlanner::nextHopWithLargerContext(const ChainPlan &plan, int fromIndex, int neededTokens)
{
    if (fromIndex < 0 || fromIndex >= plan.hops.size())
        return std::nullopt;
    const int current = plan.hops.at(fromIndex).contextWindow;
    for (int i = fromIndex + 1; i < plan.hops.size(); ++i) {
        const int window = plan.hops.at(i).contextWindow;
        if (window > current && (neededTokens <= 0 || window >= neededTokens))
            return i;
    }
    return std::nullopt;
}

}  // namespace Switchyard
