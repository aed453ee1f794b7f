#include "BreakerCommand.h"

#include "CliContext.h"
#include "core/routing/BreakerJournal.h"
#include "core/routing/BreakerKey.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace Switchyard {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BreakerCommand", text);
}

Result<BreakerKey> parseKey(const QString &text)
{
    const BreakerKey key = BreakerKey::fromString(text);
    if (key.provider.isEmpty() || key.model.isEmpty()) {
        return Error::make(Error::Code::InvalidInput,
                           tr("'%1' is not a breaker id; write PROVIDER/MODEL or PROVIDER/MODEL@REGION, "
                              "e.g. bedrock/deepseek.r1-v1:0@ap-south-1")
                               .arg(text));
    }
    return key;
}

QJsonObject rowJson(const BreakerEventRow &row)
{
    return {{QStringLiteral("id"), BreakerKey{row.provider, row.model, row.region}.toString()},
            {QStringLiteral("provider"), row.provider},
            {QStringLiteral("model"), row.model},
            {QStringLiteral("region"), row.region.isEmpty() ? QJsonValue() : QJsonValue(row.region)},
            {QStringLiteral("state"), row.toState},
            {QStringLiteral("since"), row.createdAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("reason"), row.reason},
            {QStringLiteral("actor"), row.actor}};
}

class BreakerCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("breakers"); }
    QString summary() const override
    {
        return tr("List circuit breakers and their last change; --open or --reset one (recorded, with who and why).");
    }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({QStringLiteral("open"), tr("Force a breaker open: calls skip that hop until it is reset."),
                          QStringLiteral("ID")});
        parser.addOption({QStringLiteral("reset"), tr("Reset a breaker to closed."), QStringLiteral("ID")});
        parser.addOption({QStringLiteral("reason"), tr("Why (recorded with the change)."), QStringLiteral("TEXT")});
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        const bool open = parser.isSet(QStringLiteral("open"));
        const bool reset = parser.isSet(QStringLiteral("reset"));
        if (open && reset)
            return context.failUsage(tr("use either --open or --reset, not both"));
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        BreakerJournal journal(**database);
        if (open || reset) {
            auto key = parseKey(parser.value(open ? QStringLiteral("open") : QStringLiteral("reset")));
            if (!key)
                return context.fail(key.error());
            const QString actor = qEnvironmentVariable("USER", QStringLiteral("switchyard-cli"));
            QString reason = parser.value(QStringLiteral("reason"));
            if (reason.isEmpty())
                reason = open ? tr("forced open from the command line") : tr("reset from the command line");
            auto changed = open ? journal.forceOpen(*key, actor, reason) : journal.reset(*key, actor, reason);
            if (!changed)
                return context.fail(changed.error());
        }
        auto latest = BreakerEventRepository(**database).latestPerBreaker();
        if (!latest)
            return context.fail(latest.error());
        QJsonArray breakers;
        for (const BreakerEventRow &row : *latest)
            breakers.append(rowJson(row));
        context.printJson(breakers);
        return ExitOk;
    }
};

}  // namespace

void addBreakerCommand(CliCommandList &commands)
{
    commands.push_back(std::make_unique<BreakerCommand>());
}

}  // namespace Switchyard
