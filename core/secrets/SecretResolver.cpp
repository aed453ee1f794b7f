#include "core/secrets/SecretResolver.h"

#include "core/secrets/EnvironmentSecretBackend.h"

#include <QRegularExpression>
#include <utility>

namespace Switchyard {

namespace {

enum class Store { Environment, Keychain, AwsEnvironment };

struct ParsedReference {
    Store store = Store::Environment;
    QString name;
};

std::optional<ParsedReference> parse(const QString &reference)
{
    static const QRegularExpression braces(QStringLiteral(R"(^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$)"));
    static const QRegularExpression envName(QStringLiteral(R"(^[A-Za-z_][A-Za-z0-9_]*$)"));
    const QString trimmed = reference.trimmed();
    if (const auto match = braces.match(trimmed); match.hasMatch())
        return ParsedReference{Store::Environment, match.captured(1)};
    if (trimmed.startsWith(QLatin1String("env:"))) {
        const QString name = trimmed.mid(4);
        if (envName.match(name).hasMatch())
            return ParsedReference{Store::Environment, name};
        return std::nullopt;
    }
    if (trimmed == QLatin1String("aws:env"))
        return ParsedReference{Store::AwsEnvironment, QStringLiteral("AWS_ACCESS_KEY_ID")};
    if (trimmed.startsWith(QLatin1String("keychain:"))) {
        // Entry names as keychains and the CLI take them: no spaces, nothing that needs quoting.
        static const QRegularExpression keychainName(QStringLiteral(R"(^[A-Za-z0-9_.@/-]+$)"));
        const QString name = trimmed.mid(9);
        if (keychainName.match(name).hasMatch())
            return ParsedReference{Store::Keychain, name};
    }
    return std::nullopt;
}

QString where(const QString &context)
{
    return context.isEmpty() ? QString() : QStringLiteral(" for %1").arg(context);
}

}  // namespace

SecretResolver::SecretResolver() : m_environment(std::make_shared<EnvironmentSecretBackend>()) {}

SecretResolver::SecretResolver(std::shared_ptr<const SecretBackend> environment,
                               std::shared_ptr<const SecretBackend> keychain)
    : m_environment(std::move(environment)), m_keychain(std::move(keychain))
{
}

void SecretResolver::setEnvironmentBackend(std::shared_ptr<const SecretBackend> backend)
{
    m_environment = std::move(backend);
}

void SecretResolver::setKeychainBackend(std::shared_ptr<const SecretBackend> backend)
{
    m_keychain = std::move(backend);
}

Result<Secret> SecretResolver::resolveAwsEnvironment(const QString &reference, const QString &context)
{
    // The variables every AWS SDK reads, joined into the one credential string the Bedrock adapter takes.
    const std::optional<QString> keyId = m_environment->read(QStringLiteral("AWS_ACCESS_KEY_ID"));
    const std::optional<QString> secretKey = m_environment->read(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
    if (!keyId || !secretKey || keyId->isEmpty() || secretKey->isEmpty())
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("The AWS credentials \"%1\"%2 were not found in %3. Set "
                                          "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for "
                                          "temporary credentials).")
                               .arg(reference, where(context), m_environment->description()));
    QString value = *keyId + QLatin1Char(':') + *secretKey;
    if (const auto token = m_environment->read(QStringLiteral("AWS_SESSION_TOKEN")); token && !token->isEmpty())
        value += QLatin1Char(':') + *token;
    Secret secret(reference, value);
    m_redactor.addSecret(secret);
    return secret;
}

bool SecretResolver::isReference(const QString &reference)
{
    return parse(reference).has_value();
}

std::optional<QString> SecretResolver::environmentVariable(const QString &reference)
{
    const auto parsed = parse(reference);
    if (!parsed || parsed->store != Store::Environment)
        return std::nullopt;
    return parsed->name;
}

Result<Secret> SecretResolver::resolve(const QString &reference, const QString &context)
{
    if (reference.trimmed().isEmpty())
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("No API key reference is set%1. Set api_key to \"env:NAME\", \"${NAME}\" or "
                                          "\"keychain:NAME\".")
                               .arg(where(context)));
    const auto parsed = parse(reference);
    if (!parsed)
        // The text might be a pasted key: do not echo it.
        return Error::make(
            Error::Code::InvalidInput,
            QStringLiteral("The API key reference%1 is not understood. Write \"env:NAME\", \"${NAME}\" or "
                           "\"keychain:NAME\"; never put the key itself in providers.yaml.")
                .arg(where(context)));
    if (parsed->store == Store::AwsEnvironment)
        return resolveAwsEnvironment(reference.trimmed(), context);
    const std::shared_ptr<const SecretBackend> &backend =
        parsed->store == Store::Environment ? m_environment : m_keychain;
    if (!backend)
        return Error::make(Error::Code::Unsupported,
                           QStringLiteral("The API key reference \"%1\"%2 needs the system keychain, which is not "
                                          "available here. Use \"env:NAME\" instead or run the studio.")
                               .arg(reference.trimmed(), where(context)));
    const Result<std::optional<QString>> looked = backend->lookup(parsed->name);
    if (!looked)
        return looked.error();
    const std::optional<QString> &value = *looked;
    if (!value)
        return Error::make(
            Error::Code::NotFound,
            QStringLiteral("The API key \"%1\"%2 was not found in %3. %4")
                .arg(reference.trimmed(), where(context), backend->description(),
                     parsed->store == Store::Environment
                         ? QStringLiteral("Set the environment variable %1.").arg(parsed->name)
                         : QStringLiteral("Store it with: switchyard-cli secrets set %1").arg(parsed->name)));
    Secret secret(reference.trimmed(), *value);
    m_redactor.addSecret(secret);
    return secret;
}

}  // namespace Switchyard
