#pragma once

#include "core/model/LlmConfig.h"
#include "core/model/ProviderSpec.h"
#include "core/routing/ChainPlan.h"

#include <optional>

namespace Switchyard {

/**
 * Turns a config into the ordered list of hops to try — fallback rules as data (DESIGN.md "Fallback behaviour"):
 * 1. the primary: the config's provider, model and region;
 * 2. the `then` hops of every fallback rule whose `match` names the primary's provider (and model, and region, when
 *    the rule gives them), in file order — e.g. a pro model falls to its flash sibling first;
 * 3. the hops of the config's named chain, if it names one;
 * 4. the universal fallback.
 * Identical (provider, model, region) hops are kept once, at their first place. Each hop gets the same system
 * instruction; its region is its own, else the config's when the hop's provider is the config's or of the same kind
 * (and the region is one it serves), else the provider's default. A hop naming an unknown provider, model or chain is
 * left out with a warning, never a failure. Pure: no I/O, no clock.
 */
class ChainPlanner {
public:
    explicit ChainPlanner(ProvidersConfig config);

    const ProvidersConfig &config() const { return m_config; }

    /// The plan for @p config with the rendered @p systemInstruction.
    ChainPlan plan(const LlmConfig &config, const QString &systemInstruction) const;

    /**
     * The ContextTooLong rule: the first hop after @p fromIndex whose context window is larger than that of hop
     * @p fromIndex and at least @p neededTokens (0 = unknown, any larger window). Empty when there is none.
     */
    static std::optional<int> nextHopWithLargerContext(const ChainPlan &plan, int fromIndex, int neededTokens = 0);

private:
    const ProviderSpec *findProvider(const QString &id) const;

    ProvidersConfig m_config;
};

}  // namespace Switchyard
