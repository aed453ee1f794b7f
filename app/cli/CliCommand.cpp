#include "CliCommand.h"

#include "CliContext.h"

#include <QCoreApplication>

namespace Switchyard {
namespace {

QString programName()
{
    return QStringLiteral("switchyard-cli");
}

void printOverview(const CliCommandList &commands, QTextStream &stream)
{
    stream << QCoreApplication::translate("Cli", "Usage: %1 COMMAND [options]").arg(programName()) << "\n\n"
           << QCoreApplication::translate("Cli", "Commands:") << "\n";
    for (const auto &command : commands) {
        const QString usage =
            command->name() + (command->arguments().isEmpty() ? QString() : QStringLiteral(" ") + command->arguments());
        stream << "  " << usage.leftJustified(34) << " " << command->summary() << "\n";
    }
    stream << "\n"
           << QCoreApplication::translate(
                  "Cli", "Every command accepts --db PATH (default: $SWITCHYARD_DB, then the user data folder).")
           << "\n"
           << QCoreApplication::translate("Cli", "Run '%1 COMMAND --help' for a command's options.").arg(programName())
           << "\n";
}

/// The command whose name matches the most leading words of args.
const CliCommand *findCommand(const QStringList &args, const CliCommandList &commands, int *wordsUsed)
{
    const CliCommand *best = nullptr;
    int bestWords = 0;
    for (const auto &command : commands) {
        const QStringList words = command->name().split(QLatin1Char(' '));
        if (words.size() > args.size() || words.size() <= bestWords)
            continue;
        bool match = true;
        for (int i = 0; i < words.size() && match; ++i)
            match = args.at(i) == words.at(i);
        if (match) {
            best = command.get();
            bestWords = int(words.size());
        }
    }
    *wordsUsed = bestWords;
    return best;
}

}  // namespace

int runCli(const QStringList &args, const CliCommandList &commands, CliContext &context)
{
    const QStringList rest = args.mid(1);
    if (rest.isEmpty() || rest.first() == QStringLiteral("--help") || rest.first() == QStringLiteral("-h") ||
        rest.first() == QStringLiteral("help")) {
        printOverview(commands, rest.isEmpty() ? context.err() : context.out());
        return rest.isEmpty() ? ExitUserError : ExitOk;
    }
    if (rest.first() == QStringLiteral("--version")) {
        context.out() << programName() << " " << QCoreApplication::applicationVersion() << "\n";
        return ExitOk;
    }

    int wordsUsed = 0;
    const CliCommand *command = findCommand(rest, commands, &wordsUsed);
    if (!command) {
        return context.failUsage(
            QCoreApplication::translate("Cli", "unknown command '%1'; run '%2 --help' for the list")
                .arg(rest.mid(0, 2).join(QLatin1Char(' ')), programName()));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary());
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QCoreApplication::translate("Cli", "Show this command's options."));
    parser.addOption(helpOption);
    parser.addOption(QCommandLineOption(
        QStringLiteral("db"), QCoreApplication::translate("Cli", "Workspace database file."), QStringLiteral("PATH")));
    if (!command->arguments().isEmpty())
        parser.addPositionalArgument(command->arguments(), QString());
    command->addOptions(parser);

    // QCommandLineParser expects the program name first; the command words are not options.
    QStringList parseArgs{programName() + QStringLiteral(" ") + command->name()};
    parseArgs += rest.mid(wordsUsed);
    if (!parser.parse(parseArgs)) {
        return context.failUsage(QStringLiteral("%1: %2; run '%3 %1 --help' for its options")
                                     .arg(command->name(), parser.errorText(), programName()));
    }
    if (parser.isSet(helpOption)) {
        context.out() << parser.helpText();
        return ExitOk;
    }
    return command->run(parser, context);
}

}  // namespace Switchyard
