#pragma once

#include "core/common/Result.h"
#include "core/secrets/Redactor.h"
#include "core/secrets/Secret.h"
#include "core/secrets/SecretBackend.h"

#include <memory>

namespace Switchyard {

/// Turns an API key reference from providers.yaml into a Secret.
///
/// Accepted references: "${NAME}" and "env:NAME" (the environment backend), "keychain:NAME" (the keychain backend,
/// injected by the UI layer; a memory backend in tests), and "aws:env" — the standard AWS_ACCESS_KEY_ID,
/// AWS_SECRET_ACCESS_KEY and optional AWS_SESSION_TOKEN variables, joined as "ID:SECRET[:TOKEN]" for Bedrock. A
/// reference of any other form is rejected: keys are never written in providers.yaml. Every value resolved is added to
/// redactor(), so later text can be scrubbed of it. Errors name the reference and the store, never a value.
class SecretResolver {
public:
    /// Uses the process environment and no keychain.
    SecretResolver();
    SecretResolver(std::shared_ptr<const SecretBackend> environment, std::shared_ptr<const SecretBackend> keychain);

    void setEnvironmentBackend(std::shared_ptr<const SecretBackend> backend);
    void setKeychainBackend(std::shared_ptr<const SecretBackend> backend);

    /// The secret @p reference names. @p context (e.g. "provider \"openai\"") is put in error messages.
    Result<Secret> resolve(const QString &reference, const QString &context = {});

    /// True when @p reference has a form resolve() understands (the value may still be missing).
    static bool isReference(const QString &reference);

    /// NAME of an "env:NAME" or "${NAME}" reference; empty for any other reference.
    static std::optional<QString> environmentVariable(const QString &reference);

    /// Knows every value resolved so far.
    const Redactor &redactor() const { return m_redactor; }

private:
    Result<Secret> resolveAwsEnvironment(const QString &reference, const QString &context);

    std::shared_ptr<const SecretBackend> m_environment;
    std::shared_ptr<const SecretBackend> m_keychain;
    Redactor m_redactor;
};

}  // namespace Switchyard
