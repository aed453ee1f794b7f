#pragma once

#include "core/common/Result.h"

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

    /// Like read(), and says why when the store itself could not be asked (no keychain service, access refused):
    /// an Error then, an empty optional only for a name that is not there. The default has no such failures.
    virtual Result<std::optional<QString>> lookup(const QString &name) const { return read(name); }

    /// Human name of the store for error messages ("the environment", "the system keychain").
    virtual QString description() const = 0;
};

}  // namespace Switchyard
