#include "ChatCommand.h"

#include "CliContext.h"
#include "CliInput.h"
#include "RenderFlags.h"
#include "core/accounting/ChatSessionLedger.h"
#include "core/accounting/UsageRecorder.h"
#include "core/engine/ChatService.h"
#include "core/model/Money.h"
#include "core/secrets/SecretResolver.h"
#include "core/store/SessionRepository.h"
#include "core/templating/RenderOptions.h"
#include "core/templating/SystemVariables.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace Switchyard {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ChatCommand", text);
}

/// KIND:MODEL[@BASE_URL]
Result<AdHocTarget> parseFallback(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == text.size() - 1) {
        return Error::make(Error::Code::InvalidInput,
                           tr("--fallback '%1' must look like KIND:MODEL or KIND:MODEL@BASE_URL").arg(text));
    }
    AdHocTarget target;
    target.kind = text.left(colon);
    QString rest = text.mid(colon + 1);
    const qsizetype at = rest.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        target.baseUrl = rest.mid(at + 1);
        rest = rest.left(at);
    }
    target.model = rest;
    return target;
}

/// HOP:KIND[:RETRY_AFTER_MS] — a fault for the call's hop HOP (0 = the primary); see InjectedFault::name().
Result<std::pair<int, InjectedFault>> parseInjection(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    bool hopOk = false;
    const int hop = parts.value(0).toInt(&hopOk);
    const std::optional<InjectedFault::Kind> kind = InjectedFault::fromName(parts.value(1));
    bool delayOk = parts.size() < 3;
    InjectedFault fault;
    if (parts.size() == 3)
        fault.retryAfterMs = parts.at(2).toLongLong(&delayOk);
    if (parts.size() < 2 || parts.size() > 3 || !hopOk || hop < 0 || !kind || !delayOk || fault.retryAfterMs < 0) {
        QStringList names;
        for (InjectedFault::Kind each : InjectedFault::kinds())
            names << InjectedFault::name(each);
        return Error::make(Error::Code::InvalidInput,
                           tr("--inject '%1' must look like HOP:KIND or HOP:rate_limited:RETRY_AFTER_MS, with HOP a "
                              "hop number from 0 and KIND one of: %2")
                               .arg(text, names.join(QStringLiteral(", "))));
    }
    fault.kind = *kind;
    return std::pair{hop, fault};
}

QJsonObject usageJson(const Usage &usage)
{
    return {{QStringLiteral("input"), usage.input},
            {QStringLiteral("cached_input"), usage.cachedInput},
            {QStringLiteral("cache_write"), usage.cacheWrite},
            {QStringLiteral("output"), usage.output},
            {QStringLiteral("reasoning"), usage.reasoning}};
}

QJsonObject resultJson(const CallRecord &record, const CallResult &result)
{
    QJsonArray attempts;
    for (const AttemptRecord &attempt : record.attempts) {
        attempts.append(QJsonObject{
            {QStringLiteral("provider"), attempt.provider},
            {QStringLiteral("model"), attempt.model},
            {QStringLiteral("region"), attempt.region.isEmpty() ? QJsonValue() : QJsonValue(attempt.region)},
            {QStringLiteral("outcome"), AttemptRecord::outcomeName(attempt.outcome)},
            {QStringLiteral("http_status"), attempt.httpStatus ? QJsonValue(*attempt.httpStatus) : QJsonValue()},
            {QStringLiteral("error_class"), attempt.errorClass == FailureClass::None
                                                ? QJsonValue()
                                                : QJsonValue(failureClassName(attempt.errorClass))},
            {QStringLiteral("error"), attempt.errorMessage.isEmpty() ? QJsonValue() : QJsonValue(attempt.errorMessage)},
            {QStringLiteral("latency_ms"), attempt.latencyMs ? QJsonValue(*attempt.latencyMs) : QJsonValue()},
        });
    }
    QJsonObject json{
        {QStringLiteral("call_id"), record.uuid},
        {QStringLiteral("text"), result.text},
        {QStringLiteral("served_by"),
         result.servedBy
             ? QJsonValue(QJsonObject{{QStringLiteral("provider"), result.servedBy->provider},
                                      {QStringLiteral("model"), result.servedBy->model},
                                      {QStringLiteral("region"), result.servedBy->region.isEmpty()
                                                                     ? QJsonValue()
                                                                     : QJsonValue(result.servedBy->region)}})
             : QJsonValue()},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("usage"), usageJson(record.usage)},
        {QStringLiteral("cost_usd"), record.costUsd},
        {QStringLiteral("latency_ms"), result.latencyMs},
        {QStringLiteral("ttft_ms"), result.ttftMs >= 0 ? QJsonValue(result.ttftMs) : QJsonValue()},
        {QStringLiteral("restarted"), result.restarted},
    };
    if (!result.ok) {
        json.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("class"), failureClassName(result.failure)},
                                                         {QStringLiteral("message"), result.errorMessage}});
    }
    return json;
}

/// The session named by --session, or a new one for --user with the bot's active config price locked.
Result<ChatSession> openSession(const QCommandLineParser &parser, Database &database)
{
    if (parser.isSet(QStringLiteral("session"))) {
        auto session = SessionRepository(database).byUuid(parser.value(QStringLiteral("session")));
        if (session && parser.isSet(QStringLiteral("user")) && session->userRef != parser.value(QStringLiteral("user")))
            return Error::make(Error::Code::InvalidInput,
                               tr("session %1 belongs to another user").arg(parser.value(QStringLiteral("session"))));
        return session;
    }
    return ChatSessionLedger(database).startSession(parser.value(QStringLiteral("bot")),
                                                    parser.value(QStringLiteral("user")));
}

QJsonObject sessionJson(const ChatService &service, Database &database)
{
    auto session = SessionRepository(database).byId(*service.record().sessionId);
    QJsonObject json;
    if (session) {
        json.insert(QStringLiteral("uuid"), session->uuid);
        json.insert(QStringLiteral("user"), session->userRef);
        if (session->pricePerMessageMicroUsd)
            json.insert(QStringLiteral("price_per_message_usd"), MicroUsd::toUsd(*session->pricePerMessageMicroUsd));
    }
    if (service.charge()) {
        json.insert(QStringLiteral("charged_usd"), MicroUsd::toUsd(service.charge()->chargedMicroUsd));
        json.insert(QStringLiteral("balance_usd"), MicroUsd::toUsd(service.charge()->balanceMicroUsd));
    } else {
        json.insert(QStringLiteral("charged_usd"), 0.0);
        if (service.chargeError())
            json.insert(QStringLiteral("charge_error"), service.chargeError()->message);
    }
    return json;
}

class ChatCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("chat"); }
    QString arguments() const override { return QStringLiteral("MESSAGE"); }
    QString summary() const override
    {
        return tr("Send one message to a bot (--bot) or to explicit providers (--provider/--model), with fallbacks.");
    }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({QStringLiteral("bot"), tr("The bot's slug: its active config, prompt and chain are used."),
                          QStringLiteral("SLUG")});
        parser.addOption({QStringLiteral("var"), tr("A prompt variable: name=text or name:=JSON. Repeatable."),
                          QStringLiteral("NAME=VALUE")});
        parser.addOption({QStringLiteral("data"), tr("JSON file with prompt variables."), QStringLiteral("FILE.json")});
        parser.addOption({QStringLiteral("stream"), tr("Stream the answer to standard error as it arrives.")});
        parser.addOption({QStringLiteral("provider"),
                          tr("Ad-hoc: provider kind (openai, openai_compatible, ollama, simulator, ...)."),
                          QStringLiteral("KIND")});
        parser.addOption({QStringLiteral("model"), tr("Ad-hoc: model id."), QStringLiteral("MODEL")});
        parser.addOption({QStringLiteral("base-url"), tr("Ad-hoc: the provider's base URL."), QStringLiteral("URL")});
        parser.addOption({QStringLiteral("api-key-env"), tr("Ad-hoc: environment variable holding the API key."),
                          QStringLiteral("VAR")});
        parser.addOption({QStringLiteral("region"), tr("Ad-hoc: region (Bedrock)."), QStringLiteral("REGION")});
        parser.addOption({QStringLiteral("fallback"),
                          tr("Ad-hoc: a fallback KIND:MODEL[@BASE_URL]. Repeatable, in order."),
                          QStringLiteral("SPEC")});
        parser.addOption({QStringLiteral("system"), tr("Ad-hoc: the system instruction."), QStringLiteral("TEXT")});
        parser.addOption({QStringLiteral("user"),
                          tr("With --bot: chat as this user in a new billed session; the user's wallet pays the "
                             "config's price_per_message_usd for each answer."),
                          QStringLiteral("USER")});
        parser.addOption({QStringLiteral("session"),
                          tr("With --bot: continue a session (its uuid); earlier turns are sent as history."),
                          QStringLiteral("UUID")});
        parser.addOption({QStringLiteral("timeout-ms"),
                          tr("Budget for the whole call, fallbacks included (default 180000)."), QStringLiteral("N")});
        parser.addOption({QStringLiteral("inject"),
                          tr("Chaos: fail hop HOP (0 = the primary) of this call the way its provider would: "
                             "rate_limited[:RETRY_AFTER_MS], server_error, unavailable, timeout, stream_cut or "
                             "context_length. Repeatable."),
                          QStringLiteral("HOP:KIND")});
        addRenderFlags(parser);
    }

    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        const QStringList args = parser.positionalArguments();
        if (args.size() != 1)
            return context.failUsage(tr("chat takes exactly one MESSAGE (quote it); see --help"));
        const bool adHoc = parser.isSet(QStringLiteral("provider"));
        if (adHoc && (parser.isSet(QStringLiteral("user")) || parser.isSet(QStringLiteral("session"))))
            return context.failUsage(tr("--user and --session need --bot: sessions are billed per bot"));
        if (adHoc == parser.isSet(QStringLiteral("bot")))
            return context.failUsage(tr("chat needs either --bot SLUG or --provider KIND --model MODEL"));
        QList<std::pair<int, InjectedFault>> injections;
        for (const QString &spec : parser.values(QStringLiteral("inject"))) {
            auto injection = parseInjection(spec);
            if (!injection)
                return context.failUsage(injection.error().message);
            injections.append(*injection);
        }
        qint64 budgetMs = 180000;
        if (parser.isSet(QStringLiteral("timeout-ms"))) {
            bool ok = false;
            budgetMs = parser.value(QStringLiteral("timeout-ms")).toLongLong(&ok);
            if (!ok || budgetMs <= 0)
                return context.failUsage(tr("--timeout-ms must be a positive number of milliseconds"));
        }

        Templating::RenderOptions options;
        Templating::SystemVariables system;
        if (auto applied = applyRenderFlags(parser, options, system); !applied)
            return context.fail(applied.error());

        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        QNetworkAccessManager network;
        UsageRecorder recorder(**database);
        ChatService service(**database, &network, context.secrets(), recorder);

        Result<PreparedChat> chat = Error::make(Error::Code::Internal, QString());
        if (adHoc) {
            AdHocTarget primary{parser.value(QStringLiteral("provider")), parser.value(QStringLiteral("model")),
                                parser.value(QStringLiteral("base-url")), parser.value(QStringLiteral("api-key-env")),
                                parser.value(QStringLiteral("region"))};
            QList<AdHocTarget> fallbacks;
            for (const QString &spec : parser.values(QStringLiteral("fallback"))) {
                auto target = parseFallback(spec);
                if (!target)
                    return context.fail(target.error());
                fallbacks.append(*target);
            }
            chat = ChatService::prepareAdHoc(primary, fallbacks, parser.value(QStringLiteral("system")), args.first());
        } else {
            auto variables = readVariables(parser);
            if (!variables)
                return context.fail(variables.error());
            std::optional<ChatSession> session;
            if (parser.isSet(QStringLiteral("user")) || parser.isSet(QStringLiteral("session"))) {
                auto opened = openSession(parser, **database);
                if (!opened)
                    return context.fail(opened.error());
                session = *opened;
            }
            // A session turn the wallet cannot pay is refused here, before any provider is called.
            chat = service.prepareForBot(parser.value(QStringLiteral("bot")), args.first(), *variables, system,
                                         session ? &*session : nullptr);
        }
        if (!chat)
            return context.fail(chat.error());
        const bool stream = parser.isSet(QStringLiteral("stream"));
        chat->call.stream = stream;
        chat->call.budgetMs = budgetMs;

        if (stream) {
            QObject::connect(&service, &ChatService::delta, [&context](const QString &text) {
                context.err() << text;
                context.err().flush();
            });
            QObject::connect(&service, &ChatService::restarted, [&context](const QString &reason) {
                context.err() << "\n[" << reason << "]\n";
                context.err().flush();
            });
        }
        for (const auto &[hop, fault] : std::as_const(injections))
            service.faultInjector().arm(hop, fault);
        QEventLoop loop;
        QObject::connect(&service, &ChatService::finished, &loop, &QEventLoop::quit);
        service.start(std::move(*chat));
        loop.exec();
        if (stream)
            context.err() << "\n";

        if (auto flushed = recorder.flush(); !flushed)
            context.err() << "switchyard-cli: warning: the call was not recorded: " << flushed.error().toString()
                          << "\n";
        for (const QString &model : service.unpricedModels())
            context.err() << "switchyard-cli: warning: no price for " << model << "; its cost is counted as 0\n";
        QJsonObject json = resultJson(service.record(), service.result());
        if (service.record().sessionId)
            json.insert(QStringLiteral("session"), sessionJson(service, **database));
        context.printJson(json);
        return service.result().ok ? ExitOk : ExitUserError;
    }
};

}  // namespace

void addChatCommand(CliCommandList &commands)
{
    commands.push_back(std::make_unique<ChatCommand>());
}

}  // namespace Switchyard
