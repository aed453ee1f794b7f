#pragma once

#include "core/providers/client/ProviderClient.h"

#include <memory>

namespace Switchyard {

/// Picks the ProviderClient for a ProviderSpec::kind.
class ProviderClientFactory {
public:
    /// The client for @p kind, or null when no adapter for it exists yet (see supportedKinds()).
    static std::unique_ptr<ProviderClient> create(const QString &kind);
    /// Kinds create() serves.
    static QStringList supportedKinds();
};

}  // namespace Switchyard
