#pragma once

#include "core/common/Result.h"

#include <QCommandLineParser>
#include <QJsonValue>
#include <QTextStream>
#include <memory>

namespace Switchyard {

class Database;
class SecretResolver;

/// Exit codes every command uses: scripts rely on them.
enum ExitCode : int {
    ExitOk = 0,
    ExitUserError = 1,      ///< bad input: flags, files, names
    ExitInternalError = 2,  ///< a bug or an environment failure (disk, database)
};

/// Shared services for CLI commands: output streams, error reporting and the workspace database.
class CliContext {
public:
    CliContext(QTextStream &out, QTextStream &err);
    ~CliContext();

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    /// Prints the value as indented JSON on stdout.
    void printJson(const QJsonValue &value);

    /// Prints "switchyard-cli: error: …" on stderr and returns the exit code the error deserves.
    int fail(const Error &error);
    int failUsage(const QString &message);

    /// Opens (creating if needed) the workspace named by the parser's --db, else SWITCHYARD_DB, else the default path.
    Result<Database *> database(const QCommandLineParser &parser);

    /// Resolves API key references: the environment, and the OS keychain when this build has QtKeychain.
    SecretResolver &secrets();

private:
    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<SecretResolver> m_secrets;
};

}  // namespace Switchyard
