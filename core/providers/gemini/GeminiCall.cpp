#include "core/providers/gemini/GeminiCall.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <utility>

namespace Switchyard {

namespace {

/// The ErrorInfo reason of a Google error body ("API_KEY_INVALID"), empty when there is none.
QString errorInfoReason(const QByteArray &body)
{
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    const QJsonArray details = error.value(QLatin1String("details")).toArray();
    for (const QJsonValue &value : details) {
        const QJsonObject detail = value.toObject();
        if (detail.value(QLatin1String("@type")).toString().endsWith(QLatin1String("ErrorInfo")))
            return detail.value(QLatin1String("reason")).toString();
    }
    return {};
}

}  // namespace

GeminiCall::GeminiCall(ProviderCall *inner, QString keyReference, QObject *parent)
    : ProviderCall(parent), m_inner(inner), m_keyReference(std::move(keyReference))
{
    inner->setParent(this);
    connect(inner, &ProviderCall::firstToken, this, &ProviderCall::firstToken);
    connect(inner, &ProviderCall::delta, this, &ProviderCall::delta);
    connect(inner, &ProviderCall::finished, this, &GeminiCall::onInnerFinished);
}

void GeminiCall::cancel()
{
    if (!m_finished && m_inner)
        m_inner->cancel();
}

ProviderResult GeminiCall::result() const
{
    if (m_finished || !m_inner)
        return m_result;
    return m_inner->result();
}

void GeminiCall::onInnerFinished()
{
    if (m_finished || !m_inner)
        return;
    m_result = refine(m_inner->result(), m_keyReference);
    m_finished = true;
    Q_EMIT finished();
}

ProviderResult GeminiCall::refine(const ProviderResult &result, const QString &keyReference)
{
    if (result.ok || result.failure != FailureClass::Validation || result.httpStatus != 400)
        return result;
    const QString reason = errorInfoReason(result.rawErrorBody);
    const bool badKey = reason.startsWith(QLatin1String("API_KEY_")) ||
                        result.errorMessage.contains(QLatin1String("API key not valid"), Qt::CaseInsensitive);
    if (!badKey)
        return result;
    ProviderResult out = result;
    out.failure = FailureClass::Authentication;
    out.retryable = false;
    out.errorCode = reason.isEmpty() ? QStringLiteral("API_KEY_INVALID") : reason;
    QString message = out.errorMessage;
    const QString validation = failureClassName(FailureClass::Validation) + QLatin1Char(':');
    if (message.startsWith(validation))
        message = failureClassName(FailureClass::Authentication) + QLatin1Char(':') + message.mid(validation.size());
    const QString where = keyReference.isEmpty() ? QStringLiteral("api_key in providers.yaml")
                                                 : QStringLiteral("the key behind %1").arg(keyReference);
    out.errorMessage = QStringLiteral("%1 Check %2.").arg(message, where);
    return out;
}

}  // namespace Switchyard
