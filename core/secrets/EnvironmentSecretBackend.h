#pragma once

#include "core/secrets/SecretBackend.h"

namespace Switchyard {

/// Reads secrets from environment variables of the running process. An empty variable counts as missing.
class EnvironmentSecretBackend : public SecretBackend {
public:
    std::optional<QString> read(const QString &name) const override;
    QString description() const override;
};

}  // namespace Switchyard
