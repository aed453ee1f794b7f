#pragma once

#include "core/model/ProviderSpec.h"
#include "core/routing/BreakerKey.h"

#include <QString>

namespace Switchyard {

/// One hop of a planned call: where to send it and with what.
struct PlannedHop {
    /// Where the hop came from, for the attempt log and the studio's "path taken".
    enum class Origin {
        Primary,    ///< the config's own provider/model
        Rule,       ///< a fallback rule matching the primary
        Chain,      ///< the config's named chain
        Universal,  ///< the universal fallback
    };

    QString provider;      ///< provider id from providers.yaml
    QString providerKind;  ///< its wire format (ProviderSpec::kind)
    QString model;
    QString region;             ///< the hop's own, else inherited, else the provider's default; may be empty
    QString systemInstruction;  ///< the rendered system instruction, the same on every hop
    int contextWindow = 0;
    int maxOutputTokens = 0;
    Price price;
    bool smallerContextThanPrimary = false;
    Origin origin = Origin::Primary;
    QString originName;  ///< the chain name for Origin::Chain, else empty

    BreakerKey breakerKey() const { return BreakerKey{provider, model, region}; }
    bool operator==(const PlannedHop &) const = default;
};

}  // namespace Switchyard
