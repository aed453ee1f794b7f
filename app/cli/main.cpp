// switchyard-cli: every core capability headless, JSON on stdout, errors on stderr.
#include "BillingCommands.h"
#include "BotCommands.h"
#include "BreakerCommand.h"
#include "ChatCommand.h"
#include "CliCommand.h"
#include "CliContext.h"
#include "InitCommand.h"
#include "PromptCommands.h"
#include "ProviderCommands.h"
#include "ReportCommands.h"
#include "SecretCommands.h"
#include "SessionCommands.h"
#include "TemplateCommands.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Switchyard"));
    // The same names as the studio, so both find the same default workspace and settings.
    QCoreApplication::setApplicationName(QStringLiteral("Switchyard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWITCHYARD_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    Switchyard::CliContext context(out, err);

    Switchyard::CliCommandList commands;
    Switchyard::addTemplateCommands(commands);
    Switchyard::addPromptCommands(commands);
    Switchyard::addProviderCommands(commands);
    Switchyard::addBotCommands(commands);
    Switchyard::addInitCommand(commands);
    Switchyard::addChatCommand(commands);
    Switchyard::addBreakerCommand(commands);
    Switchyard::addBillingCommands(commands);
    Switchyard::addSecretCommands(commands);
    Switchyard::addSessionCommands(commands);
    Switchyard::addReportCommands(commands);
    return Switchyard::runCli(QCoreApplication::arguments(), commands, context);
}
