#pragma once

#include "core/secrets/SecretBackend.h"
#include "platform/keychain/KeychainStore.h"

namespace Switchyard {

/// The OS keychain as the SecretResolver's backend for "keychain:NAME" references.
class KeychainSecretBackend : public SecretBackend {
public:
    explicit KeychainSecretBackend(KeychainStore store = KeychainStore());

    std::optional<QString> read(const QString &name) const override;
    Result<std::optional<QString>> lookup(const QString &name) const override;
    QString description() const override { return QStringLiteral("the system keychain"); }

private:
    KeychainStore m_store;
};

}  // namespace Switchyard
