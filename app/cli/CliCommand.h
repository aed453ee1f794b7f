#pragma once

#include <QCommandLineParser>
#include <QString>
#include <memory>
#include <vector>

namespace Switchyard {

class CliContext;

/// One `switchyard-cli` command, e.g. "render" or "prompt import". Each declares its options and runs on parsed input.
class CliCommand {
public:
    virtual ~CliCommand() = default;

    /// The words that select the command, e.g. "prompt import".
    virtual QString name() const = 0;
    /// Positional arguments for the help text, e.g. "DIR".
    virtual QString arguments() const { return {}; }
    virtual QString summary() const = 0;
    virtual void addOptions(QCommandLineParser &parser) const { Q_UNUSED(parser) }
    /// Returns an ExitCode. --db is already declared on the parser.
    virtual int run(const QCommandLineParser &parser, CliContext &context) const = 0;
};

using CliCommandList = std::vector<std::unique_ptr<CliCommand>>;

/// Finds the command named by the leading words of args, parses the rest and runs it.
int runCli(const QStringList &args, const CliCommandList &commands, CliContext &context);

}  // namespace Switchyard
