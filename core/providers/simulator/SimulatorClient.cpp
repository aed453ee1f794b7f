#include "core/providers/simulator/SimulatorClient.h"

#include "core/providers/client/FailedProviderCall.h"
#include "core/providers/simulator/SimulatedCall.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QUrl>

namespace Switchyard {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SimulatorClient", text);
}

/// Injected failures used so far, per "provider/model".
struct FailureCounters {
    QMutex mutex;
    QHash<QString, int> used;
};

FailureCounters &counters()
{
    static FailureCounters instance;
    return instance;
}

/// The failure this call gets: the model's injected failure while it has uses left.
SimulatedFailure::Kind takeFailure(const SimulatorSettings &settings, const ProviderRequest &request)
{
    const auto it = settings.failures.constFind(request.model);
    if (it == settings.failures.cend())
        return SimulatedFailure::Kind::None;
    if (it->times < 0)
        return it->kind;
    FailureCounters &state = counters();
    QMutexLocker lock(&state.mutex);
    int &used = state.used[request.provider.id + QLatin1Char('/') + request.model];
    if (used >= it->times)
        return SimulatedFailure::Kind::None;
    ++used;
    return it->kind;
}

}  // namespace

Result<PreparedRequest> SimulatorClient::prepare(const ProviderRequest &request) const
{
    auto settings = SimulatorSettings::fromBaseUrl(request.provider.baseUrl);
    if (!settings)
        return settings.error();
    QJsonArray messages;
    if (!request.system.isEmpty())
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                    {QStringLiteral("content"), request.system}});
    for (const ChatMessage &message : request.messages) {
        messages.append(QJsonObject{{QStringLiteral("role"), ChatMessage::roleName(message.role)},
                                    {QStringLiteral("content"), message.content}});
    }
    QJsonObject body{{QStringLiteral("model"), request.model},
                     {QStringLiteral("messages"), messages},
                     {QStringLiteral("stream"), request.stream}};
    if (request.temperature)
        body.insert(QStringLiteral("temperature"), *request.temperature);
    if (request.maxOutputTokens)
        body.insert(QStringLiteral("max_completion_tokens"), *request.maxOutputTokens);
    PreparedRequest prepared;
    prepared.request.setUrl(QUrl(QStringLiteral("simulator://local/v1/chat/completions")));
    prepared.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return prepared;
}

ProviderCall *SimulatorClient::start(const ProviderRequest &request, QNetworkAccessManager *manager,
                                     QObject *parent) const
{
    Q_UNUSED(manager)
    auto settings = SimulatorSettings::fromBaseUrl(request.provider.baseUrl);
    if (!settings)
        return new FailedProviderCall(FailureClass::Validation, settings.error().message, parent);
    return new SimulatedCall(request, *settings, takeFailure(*settings, request), parent);
}

Result<PreparedRequest> SimulatorClient::prepareModelList(const ProviderSpec &provider, const Secret &apiKey) const
{
    Q_UNUSED(apiKey)
    return Error::make(Error::Code::Unsupported,
                       tr("the simulator has no model list to fetch; its models are the ones listed for provider '%1' "
                          "in providers.yaml")
                           .arg(provider.id));
}

Result<QStringList> SimulatorClient::parseModelList(const QByteArray &body) const
{
    Q_UNUSED(body)
    return Error::make(Error::Code::Unsupported, tr("the simulator has no model list"));
}

void SimulatorClient::resetFailureCounters()
{
    FailureCounters &state = counters();
    QMutexLocker lock(&state.mutex);
    state.used.clear();
}

}  // namespace Switchyard
