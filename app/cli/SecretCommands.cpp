#include "SecretCommands.h"

#include "CliContext.h"
#include "core/secrets/SecretResolver.h"
#include "platform/keychain/KeychainStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>

namespace Switchyard {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SecretCommands", text);
}

/// The NAME of "keychain:NAME" or a bare NAME.
Result<QString> keychainName(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return Error::make(Error::Code::InvalidInput, tr("expected one NAME (as in keychain:NAME); see --help"));
    QString name = args.first();
    if (name.startsWith(QLatin1String("keychain:")))
        name = name.mid(9);
    if (!SecretResolver::isReference(QStringLiteral("keychain:") + name))
        return Error::make(Error::Code::InvalidInput,
                           tr("'%1' is not a keychain entry name; use letters, digits and . _ @ / - (no spaces), e.g. "
                              "openai or team.openai-prod")
                               .arg(name));
    return name;
}

class SecretsSetCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("secrets set"); }
    QString arguments() const override { return QStringLiteral("NAME"); }
    QString summary() const override
    {
        return tr("Store an API key in the OS keychain under NAME (use it as api_key: keychain:NAME). The key is "
                  "read from standard input, never from the command line.");
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        auto name = keychainName(parser);
        if (!name)
            return context.fail(name.error());
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly))
            return context.fail(Error::make(Error::Code::Io, tr("cannot read standard input")));
        const QString value = QString::fromUtf8(input.readAll()).trimmed();
        if (value.isEmpty())
            return context.failUsage(tr("no key on standard input; pipe it in, e.g. from a password manager"));
        if (auto stored = KeychainStore().write(*name, value); !stored)
            return context.fail(stored.error());
        context.printJson(QJsonObject{{QStringLiteral("stored"), QStringLiteral("keychain:") + *name}});
        return ExitOk;
    }
};

class SecretsRemoveCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("secrets remove"); }
    QString arguments() const override { return QStringLiteral("NAME"); }
    QString summary() const override { return tr("Remove an API key from the OS keychain."); }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        auto name = keychainName(parser);
        if (!name)
            return context.fail(name.error());
        if (auto removed = KeychainStore().remove(*name); !removed)
            return context.fail(removed.error());
        context.printJson(QJsonObject{{QStringLiteral("removed"), QStringLiteral("keychain:") + *name}});
        return ExitOk;
    }
};

class SecretsCheckCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("secrets check"); }
    QString arguments() const override { return QStringLiteral("REFERENCE"); }
    QString summary() const override
    {
        return tr("Say whether an API key reference (env:NAME, ${NAME}, keychain:NAME, aws:env) resolves; the "
                  "value is never printed.");
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        const QStringList args = parser.positionalArguments();
        if (args.size() != 1)
            return context.failUsage(tr("secrets check takes one REFERENCE; see --help"));
        auto secret = context.secrets().resolve(args.first());
        if (!secret)
            return context.fail(secret.error());
        context.printJson(QJsonObject{{QStringLiteral("reference"), args.first()},
                                      {QStringLiteral("found"), true},
                                      {QStringLiteral("length"), int(secret->reveal().size())}});
        return ExitOk;
    }
};

}  // namespace

void addSecretCommands(CliCommandList &commands)
{
    commands.push_back(std::make_unique<SecretsSetCommand>());
    commands.push_back(std::make_unique<SecretsRemoveCommand>());
    commands.push_back(std::make_unique<SecretsCheckCommand>());
}

}  // namespace Switchyard
