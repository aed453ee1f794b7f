#pragma once

#include "core/common/Result.h"

#include <QString>
#include <optional>

namespace Switchyard {

/// Reads and writes secrets in the OS keychain under the service "Switchyard", one entry per name (the NAME of a
/// "keychain:NAME" reference). Each call waits for the keychain (it may show an unlock prompt) up to timeoutMs, while
/// running a local event loop, so use it from the CLI or a worker — never in a paint or model call.
/// No insecure fallback: without a keychain service an Error says so.
class KeychainStore {
public:
    static constexpr int DefaultTimeoutMs = 30000;  ///< long enough for a user to answer an unlock prompt

    explicit KeychainStore(QString service = QStringLiteral("Switchyard"), int timeoutMs = DefaultTimeoutMs);

    /// The value stored under @p name; empty when there is no such entry; an Error when the keychain can't be asked.
    Result<std::optional<QString>> read(const QString &name) const;
    Result<void> write(const QString &name, const QString &value) const;
    /// Removes the entry. Removing an entry that does not exist is not an error.
    Result<void> remove(const QString &name) const;

    const QString &service() const { return m_service; }

    /// Whether this build can reach a keychain at all (it was built with QtKeychain). A true here still allows a
    /// machine without a keychain service: the operations then fail with an error that says so.
    static bool isAvailable();

private:
    QString m_service;
    int m_timeoutMs;
};

}  // namespace Switchyard
