#include "platform/keychain/KeychainSecretBackend.h"

#include <utility>

namespace Switchyard {

KeychainSecretBackend::KeychainSecretBackend(KeychainStore store) : m_store(std::move(store)) {}

std::optional<QString> KeychainSecretBackend::read(const QString &name) const
{
    auto value = lookup(name);
    return value ? *value : std::nullopt;
}

Result<std::optional<QString>> KeychainSecretBackend::lookup(const QString &name) const
{
    return m_store.read(name);
}

}  // namespace Switchyard
