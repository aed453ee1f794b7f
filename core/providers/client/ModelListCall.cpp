#include "core/providers/client/ModelListCall.h"

#include "core/providers/client/HttpErrorClassifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <utility>

namespace Switchyard {

ModelListCall::ModelListCall(const ProviderClient &client, const ProviderSpec &provider, const Secret &apiKey,
                             QNetworkAccessManager *manager, QObject *parent)
    : QObject(parent), m_client(client), m_providerId(provider.id), m_keyReference(apiKey.reference())
{
    m_redactor.addSecret(apiKey);
    Result<PreparedRequest> prepared = client.prepareModelList(provider, apiKey);
    if (!prepared) {
        Error error = prepared.error();
        QMetaObject::invokeMethod(
            this, [this, error] { complete(error, FailureClass::Validation); }, Qt::QueuedConnection);
        return;
    }
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(
        std::max(1, std::min(provider.timeouts.connectMs + provider.timeouts.firstTokenMs, provider.timeouts.totalMs)));
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        complete(Error::make(Error::Code::Io, QStringLiteral("Listing the models of \"%1\" timed out. Check the "
                                                             "base_url and your network.")
                                                  .arg(m_providerId)),
                 FailureClass::Timeout);
    });
    m_reply = manager->get(prepared->request);
    connect(m_reply, &QNetworkReply::finished, this, &ModelListCall::onFinished);
    m_timeout.start();
}

ModelListCall::~ModelListCall()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ModelListCall::cancel()
{
    complete(Error::make(Error::Code::Io, QStringLiteral("Listing the models was cancelled.")),
             FailureClass::Cancelled);
}

void ModelListCall::onFinished()
{
    if (!m_reply || m_finished)
        return;
    m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = m_reply->readAll();
    if (m_status == 0) {
        complete(Error::make(Error::Code::Io, QStringLiteral("Could not reach \"%1\" (%2). Check the base_url and "
                                                             "your network.")
                                                  .arg(m_providerId, m_redactor.redact(m_reply->errorString()))),
                 HttpErrorClassifier::classifyNetworkError(m_reply->error()));
        return;
    }
    if (m_status < 200 || m_status >= 300) {
        auto lookup = [reply = m_reply](const QByteArray &name) {
            return reply ? reply->rawHeader(name) : QByteArray();
        };
        const HttpFailure failure = HttpErrorClassifier::classify(m_status, lookup, body);
        const QString hint =
            failure.failure != FailureClass::Authentication ? QStringLiteral("Check the provider settings.")
            : m_keyReference.isEmpty()                      ? QStringLiteral("Check api_key in providers.yaml.")
                                       : QStringLiteral("Check the key behind %1.").arg(m_keyReference);
        complete(Error::make(Error::Code::Io,
                             m_redactor.redact(QStringLiteral("\"%1\" answered HTTP %2 (%3): %4 %5")
                                                   .arg(m_providerId)
                                                   .arg(m_status)
                                                   .arg(failureClassName(failure.failure), failure.message, hint))),
                 failure.failure);
        return;
    }
    complete(m_client.parseModelList(body));
}

void ModelListCall::complete(Result<QStringList> result, FailureClass failure)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        if (!reply->isFinished())
            reply->abort();
        reply->deleteLater();
    }
    // A body that is not a model list is the provider's fault, not the user's.
    m_failure = result ? FailureClass::None : failure == FailureClass::None ? FailureClass::MalformedResponse : failure;
    m_result = std::move(result);
    Q_EMIT finished();
}

Result<QStringList> modelIdsFromList(const QByteArray &body, QLatin1String arrayKey, QLatin1String idKey,
                                     const QString &formatName)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject() || !document.object().value(arrayKey).isArray()) {
        return Error::make(Error::Code::Unsupported,
                           QStringLiteral("The model list is not an %1 {\"%2\": [...]} object. Check the provider's "
                                          "base_url.")
                               .arg(formatName, arrayKey));
    }
    QStringList ids;
    const QJsonArray entries = document.object().value(arrayKey).toArray();
    for (const QJsonValue &entry : entries) {
        const QString id = entry.toObject().value(idKey).toString();
        if (!id.isEmpty())
            ids.append(id);
    }
    return ids;
}

}  // namespace Switchyard
