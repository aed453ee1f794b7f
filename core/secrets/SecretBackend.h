#pragma once

#include <QString>
#include <optional>

namespace Switchyard {

/// A store secrets can be read from by name: the process environment, the OS keychain (QtKeychain, provided by the
/// UI layer), or memory in tests.
class SecretBackend {
public:
    virtual ~SecretBackend() = default;

    /// The value stored under @p name, or nothing when there is none. Implementations must not log the value.
    virtual std::optional<QString> read(const QString &name) const = 0;

    /// Human name of the store for error messages ("the environment", "the system keychain").
    virtual QString description() const = 0;
};

}  // namespace Switchyard
