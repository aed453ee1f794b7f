#include "core/providers/client/ConnectionCheck.h"

#include "core/providers/client/ModelListCall.h"
#include "core/providers/client/ProviderCall.h"
#include "core/providers/client/ProviderClient.h"
#include "core/providers/client/ProviderClientFactory.h"

#include <utility>

namespace Switchyard {

QString ConnectionReport::methodName(Method method)
{
    return method == Method::ModelList ? QStringLiteral("model_list") : QStringLiteral("chat");
}

ConnectionCheck::ConnectionCheck(ProviderSpec provider, Secret apiKey, QNetworkAccessManager *network, QString model,
                                 QObject *parent)
    : QObject(parent), m_provider(std::move(provider)), m_apiKey(std::move(apiKey)), m_network(network)
{
    m_report.model = std::move(model);
}

ConnectionCheck::~ConnectionCheck() = default;

void ConnectionCheck::start()
{
    m_clock.start();
    m_client = ProviderClientFactory::create(m_provider.kind);
    if (!m_client) {
        m_report.failure = FailureClass::Validation;
        m_report.message = tr("provider '%1' has kind '%2', which this build cannot call; supported: %3")
                               .arg(m_provider.id, m_provider.kind,
                                    ProviderClientFactory::supportedKinds().join(QStringLiteral(", ")));
        QMetaObject::invokeMethod(this, &ConnectionCheck::finish, Qt::QueuedConnection);
        return;
    }
    m_report.method = ConnectionReport::Method::ModelList;
    m_list = new ModelListCall(*m_client, m_provider, m_apiKey, m_network, this);
    connect(m_list, &ModelListCall::finished, this, &ConnectionCheck::onListFinished);
}

void ConnectionCheck::startChat()
{
    m_report.method = ConnectionReport::Method::Chat;
    if (m_report.model.isEmpty() && !m_provider.models.isEmpty())
        m_report.model = m_provider.models.constFirst().id;
    if (m_report.model.isEmpty()) {
        m_report.failure = FailureClass::Validation;
        m_report.message = tr("provider '%1' lists no models to test a chat with; add one under 'models:' or name "
                              "one to test")
                               .arg(m_provider.id);
        QMetaObject::invokeMethod(this, &ConnectionCheck::finish, Qt::QueuedConnection);
        return;
    }
    ProviderRequest request = ProviderRequest::fromProvider(m_provider, m_report.model);
    request.messages = {ChatMessage{ChatMessage::Role::User, QStringLiteral("Reply with the word: ok")}};
    request.maxOutputTokens = 16;
    request.stream = false;
    request.apiKey = m_apiKey;
    m_chat = m_client->start(request, m_network, this);
    connect(m_chat, &ProviderCall::finished, this, &ConnectionCheck::onChatFinished);
}

void ConnectionCheck::onListFinished()
{
    if (!m_list)
        return;
    const Result<QStringList> &result = m_list->result();
    // Only a provider without a model-list endpoint (the simulator) is tested with a chat, which costs tokens.
    if (!result && result.error().code == Error::Code::Unsupported) {
        startChat();
        return;
    }
    m_report.httpStatus = m_list->httpStatus();
    if (result) {
        m_report.ok = true;
        m_report.models = *result;
        if (!m_report.model.isEmpty())
            m_report.modelListed = result->contains(m_report.model);
    } else {
        m_report.failure = m_list->failure();
        m_report.message = result.error().message;
    }
    finish();
}

void ConnectionCheck::onChatFinished()
{
    if (!m_chat)
        return;
    const ProviderResult result = m_chat->result();
    m_report.ok = result.ok;
    m_report.httpStatus = result.httpStatus;
    m_report.failure = result.failure;
    m_report.message = result.ok ? QString() : result.errorMessage;
    finish();
}

void ConnectionCheck::cancel()
{
    // The chat, when there is one, comes after a list that said "unsupported": it is what is running.
    if (m_chat)
        m_chat->cancel();
    else if (m_list)
        m_list->cancel();
}

void ConnectionCheck::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_report.latencyMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    Q_EMIT finished();
}

}  // namespace Switchyard
