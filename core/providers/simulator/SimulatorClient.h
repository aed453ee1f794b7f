#pragma once

#include "core/providers/client/ProviderClient.h"

namespace Switchyard {

/// The built-in `simulator` provider: deterministic answers with configurable latency and speed, and failures
/// injected per model (see SimulatorSettings), for offline work, demos and chaos testing. It goes through the same
/// ProviderClient interface as every real provider, so the engine treats it exactly alike.
///
/// Failures with a count (`fail.sim-fast=rate_limited*2`) are counted per provider and model across calls, so a
/// retry or a later call sees the model recover.
class SimulatorClient final : public ProviderClient {
public:
    QString kind() const override { return QStringLiteral("simulator"); }
    /// An OpenAI-shaped description of what the simulator received (it sends nothing over the network).
    Result<PreparedRequest> prepare(const ProviderRequest &request) const override;
    ProviderCall *start(const ProviderRequest &request, QNetworkAccessManager *manager,
                        QObject *parent = nullptr) const override;
    Result<PreparedRequest> prepareModelList(const ProviderSpec &provider, const Secret &apiKey) const override;
    Result<QStringList> parseModelList(const QByteArray &body) const override;

    /// Forgets how many injected failures each model has used (tests start from a clean slate).
    static void resetFailureCounters();
};

}  // namespace Switchyard
