#include "CliContext.h"

#include "core/secrets/SecretResolver.h"
#include "core/store/Database.h"
#include "platform/keychain/KeychainSecretBackend.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Switchyard {

CliContext::CliContext(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

CliContext::~CliContext() = default;

SecretResolver &CliContext::secrets()
{
    if (!m_secrets) {
        m_secrets = std::make_unique<SecretResolver>();
        m_secrets->setKeychainBackend(std::make_shared<KeychainSecretBackend>());
    }
    return *m_secrets;
}

void CliContext::printJson(const QJsonValue &value)
{
    QJsonDocument document;
    if (value.isArray())
        document.setArray(value.toArray());
    else
        document.setObject(value.toObject());
    m_out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    m_out.flush();
}

int CliContext::fail(const Error &error)
{
    m_err << "switchyard-cli: error: " << error.toString() << "\n";
    m_err.flush();
    switch (error.code) {
    case Error::Code::Internal:
    case Error::Code::Database:
    case Error::Code::Io:
        return ExitInternalError;
    default:
        return ExitUserError;
    }
}

int CliContext::failUsage(const QString &message)
{
    return fail(Error::make(Error::Code::InvalidInput, message));
}

Result<Database *> CliContext::database(const QCommandLineParser &parser)
{
    if (m_database)
        return m_database.get();
    auto database = std::make_unique<Database>();
    const QString path = Database::resolvePath(parser.value(QStringLiteral("db")));
    if (auto opened = database->open(path); !opened)
        return opened.error();
    m_database = std::move(database);
    return m_database.get();
}

}  // namespace Switchyard
