#include "InitCommand.h"

#include "CliContext.h"
#include "core/store/Database.h"
#include "core/workspace/WorkspaceInstaller.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Switchyard {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("InitCommand", text);
}

class InitCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("init"); }
    QString summary() const override
    {
        return tr("Create a workspace with the sample bots, prompts and providers (or those of --from DIR).");
    }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({QStringLiteral("from"),
                          tr("A workspace folder (workspace.yaml, providers.yaml, prompts/) instead of the sample."),
                          QStringLiteral("DIR")});
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        const QString folder = parser.isSet(QStringLiteral("from")) ? parser.value(QStringLiteral("from"))
                                                                    : WorkspaceInstaller::sampleFolder();
        auto report = WorkspaceInstaller(**database).install(folder);
        if (!report)
            return context.fail(report.error());
        for (const Warning &warning : report->warnings)
            context.err() << "switchyard-cli: " << warning.toString() << "\n";
        context.printJson(QJsonObject{{QStringLiteral("database"), (*database)->path()},
                                      {QStringLiteral("providers"), report->providers},
                                      {QStringLiteral("models"), report->models},
                                      {QStringLiteral("prompts"), report->prompts},
                                      {QStringLiteral("bots"), report->bots},
                                      {QStringLiteral("configs"), report->configs}});
        return ExitOk;
    }
};

}  // namespace

void addInitCommand(CliCommandList &commands)
{
    commands.push_back(std::make_unique<InitCommand>());
}

}  // namespace Switchyard
