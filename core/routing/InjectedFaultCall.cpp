#include "core/routing/InjectedFaultCall.h"

#include "core/providers/client/HttpErrorClassifier.h"
#include "core/providers/client/ProviderClient.h"
#include "core/providers/client/ProviderRequest.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Switchyard {
namespace {

using Kind = InjectedFault::Kind;

int statusFor(Kind kind)
{
    switch (kind) {
    case Kind::RateLimited:
        return 429;
    case Kind::Unavailable:
        return 503;
    case Kind::ContextLength:
        return 400;
    default:
        return 500;
    }
}

QString messageFor(Kind kind)
{
    switch (kind) {
    case Kind::RateLimited:
        return QStringLiteral("Rate limit reached for requests. Please try again later.");
    case Kind::Unavailable:
        return QStringLiteral("The service is temporarily unavailable.");
    case Kind::ContextLength:
        return QStringLiteral("This model's maximum context length is 8192 tokens; your messages resulted in "
                              "20000 tokens. Please reduce the length of the messages.");
    default:
        return QStringLiteral("The server had an error while processing your request.");
    }
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

}  // namespace

InjectedFaultCall::ErrorResponse InjectedFaultCall::errorResponse(const InjectedFault &fault,
                                                                  const QString &providerKind)
{
    ErrorResponse response;
    response.status = statusFor(fault.kind);
    const QString message = messageFor(fault.kind);
    if (fault.kind == Kind::RateLimited) {
        // retry-after-ms keeps sub-second precision; retry-after (whole seconds) is what most providers send.
        response.headers.append({"retry-after-ms", QByteArray::number(fault.retryAfterMs)});
        response.headers.append({"retry-after", QByteArray::number((fault.retryAfterMs + 999) / 1000)});
    }
    // Each wire format's error body (PROVIDERS.md): the classifier reads code and message from these shapes.
    if (providerKind == QLatin1String("anthropic")) {
        const QString type = fault.kind == Kind::RateLimited     ? QStringLiteral("rate_limit_error")
                             : fault.kind == Kind::ContextLength ? QStringLiteral("invalid_request_error")
                             : fault.kind == Kind::Unavailable   ? QStringLiteral("overloaded_error")
                                                                 : QStringLiteral("api_error");
        const QString text = fault.kind == Kind::ContextLength
                                 ? QStringLiteral("prompt is too long: 220000 tokens > 200000 maximum")
                                 : message;
        response.body = toJson({{QStringLiteral("type"), QStringLiteral("error")},
                                {QStringLiteral("error"),
                                 QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("message"), text}}}});
    } else if (providerKind == QLatin1String("gemini")) {
        const QString status = fault.kind == Kind::RateLimited     ? QStringLiteral("RESOURCE_EXHAUSTED")
                               : fault.kind == Kind::ContextLength ? QStringLiteral("INVALID_ARGUMENT")
                               : fault.kind == Kind::Unavailable   ? QStringLiteral("UNAVAILABLE")
                                                                   : QStringLiteral("INTERNAL");
        const QString text =
            fault.kind == Kind::ContextLength
                ? QStringLiteral("The input token count (1200000) exceeds the maximum number of tokens allowed.")
                : message;
        response.body = toJson({{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), response.status},
                                                                      {QStringLiteral("message"), text},
                                                                      {QStringLiteral("status"), status}}}});
    } else if (providerKind == QLatin1String("bedrock")) {
        const QByteArray type = fault.kind == Kind::RateLimited     ? "ThrottlingException"
                                : fault.kind == Kind::ContextLength ? "ValidationException"
                                : fault.kind == Kind::Unavailable   ? "ServiceUnavailableException"
                                                                    : "InternalServerException";
        response.headers.append({"x-amzn-ErrorType", type});
        const QString text =
            fault.kind == Kind::ContextLength ? QStringLiteral("Input is too long for requested model.") : message;
        response.body = toJson({{QStringLiteral("message"), text}});
    } else if (providerKind == QLatin1String("cohere")) {
        const QString text = fault.kind == Kind::ContextLength
                                 ? QStringLiteral("too many tokens: the prompt exceeds the model's context length")
                                 : message;
        response.body = toJson({{QStringLiteral("id"), QStringLiteral("injected")}, {QStringLiteral("message"), text}});
    } else if (providerKind == QLatin1String("ollama")) {
        response.body = toJson({{QStringLiteral("error"), message}});
    } else {
        // OpenAI and every OpenAI-compatible kind; the simulator speaks this shape too.
        const QString type = fault.kind == Kind::RateLimited     ? QStringLiteral("rate_limit_exceeded")
                             : fault.kind == Kind::ContextLength ? QStringLiteral("invalid_request_error")
                                                                 : QStringLiteral("server_error");
        QJsonObject error{{QStringLiteral("message"), message},
                          {QStringLiteral("type"), type},
                          {QStringLiteral("param"), QJsonValue::Null},
                          {QStringLiteral("code"), QJsonValue::Null}};
        if (fault.kind == Kind::ContextLength)
            error.insert(QStringLiteral("code"), QStringLiteral("context_length_exceeded"));
        response.body = toJson({{QStringLiteral("error"), error}});
    }
    return response;
}

InjectedFaultCall::InjectedFaultCall(const InjectedFault &fault, QObject *parent) : ProviderCall(parent), m_fault(fault)
{
    m_clock.start();
    m_timeoutTimer.setSingleShot(true);
}

ProviderCall *InjectedFaultCall::start(const InjectedFault &fault, const ProviderClient &client,
                                       const ProviderRequest &request, QNetworkAccessManager *manager, QObject *parent)
{
    auto *call = new InjectedFaultCall(fault, parent);
    call->m_result.streamed = request.stream;
    switch (fault.kind) {
    case Kind::Timeout:
        call->startTimeout(request);
        break;
    case Kind::StreamCut:
        call->wrap(client.start(request, manager, call));
        break;
    default:
        call->failLikeHttp(client.kind());
        break;
    }
    return call;
}

void InjectedFaultCall::failLikeHttp(const QString &providerKind)
{
    const ErrorResponse response = errorResponse(m_fault, providerKind);
    const auto lookup = [&response](const QByteArray &name) {
        for (const auto &[header, value] : response.headers) {
            if (header.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return QByteArray();
    };
    const HttpFailure failure = HttpErrorClassifier::classify(response.status, lookup, response.body);
    m_result.httpStatus = response.status;
    m_result.retryAfterMs = failure.retryAfterMs;
    m_result.rawErrorBody = response.body;
    m_result.errorCode = failure.code;
    QString message = QStringLiteral("HTTP %1: provider says: %2").arg(response.status).arg(failure.message);
    if (!failure.code.isEmpty())
        message += QStringLiteral(" [%1]").arg(failure.code);
    fail(failure.failure, message);
    m_result.retryable = failure.retryable;
}

void InjectedFaultCall::startTimeout(const ProviderRequest &request)
{
    // The timeout the real call would hit first when nothing ever arrives: first token when streaming, else the
    // whole call; the executor has already capped totalMs by the call's remaining budget.
    const int total = request.timeouts.totalMs;
    const int firstToken = request.stream ? request.timeouts.firstTokenMs : 0;
    const bool byFirstToken = firstToken > 0 && (total <= 0 || firstToken < total);
    const int waitMs = byFirstToken ? firstToken : total;
    const QString what = byFirstToken ? QStringLiteral("no first token within %1 ms").arg(waitMs)
                                      : QStringLiteral("the call took longer than %1 ms").arg(waitMs);
    connect(&m_timeoutTimer, &QTimer::timeout, this, [this, what] { fail(FailureClass::Timeout, what); });
    m_timeoutTimer.start(qMax(0, waitMs));
}

void InjectedFaultCall::wrap(ProviderCall *inner)
{
    m_inner = inner;
    connect(inner, &ProviderCall::firstToken, this, &ProviderCall::firstToken);
    connect(inner, &ProviderCall::delta, this, &InjectedFaultCall::onInnerDelta);
    connect(inner, &ProviderCall::finished, this, &InjectedFaultCall::onInnerFinished);
}

void InjectedFaultCall::onInnerDelta(const QString &text)
{
    if (m_finishQueued)
        return;
    if (m_result.ttftMs < 0)
        m_result.ttftMs = m_clock.elapsed();
    m_streamed += text;
    ++m_deltas;
    Q_EMIT delta(text);
    if (m_deltas >= qMax(1, m_fault.cutAfterDeltas))
        cut();
}

void InjectedFaultCall::onInnerFinished()
{
    if (m_finishQueued)
        return;
    const ProviderResult inner = m_inner->result();
    if (!inner.ok && m_streamed.isEmpty()) {
        // It failed on its own before any text: that real failure is what happened, pass it on untouched.
        m_result = inner;
        m_result.latencyMs = m_clock.elapsed();
        finishLater();
        return;
    }
    // A short answer ended before the cut point: the connection still drops before the stream's end marker.
    cut();
}

void InjectedFaultCall::cut()
{
    if (m_inner) {
        m_inner->disconnect(this);
        m_inner->cancel();
        m_inner->deleteLater();
    }
    m_result.text = m_streamed;
    m_result.httpStatus = 200;
    fail(FailureClass::StreamCut,
         QStringLiteral("the stream was cut before it completed (connection dropped after %1 pieces of text)")
             .arg(m_deltas));
}

void InjectedFaultCall::cancel()
{
    if (m_finishQueued)
        return;
    m_timeoutTimer.stop();
    if (m_inner) {
        m_inner->disconnect(this);
        m_inner->cancel();
        m_inner->deleteLater();
    }
    m_result.ok = false;
    m_result.failure = FailureClass::Cancelled;
    m_result.errorMessage = QStringLiteral("cancelled: the call was cancelled");
    m_result.latencyMs = m_clock.elapsed();
    finishLater();
}

void InjectedFaultCall::fail(FailureClass failure, const QString &message)
{
    if (m_finishQueued)
        return;
    m_timeoutTimer.stop();
    m_result.ok = false;
    m_result.failure = failure;
    m_result.retryable = isRetryableOnSameHop(failure);
    m_result.errorMessage =
        FaultInjector::messagePrefix() + QStringLiteral("%1: %2").arg(failureClassName(failure), message);
    m_result.latencyMs = m_clock.elapsed();
    finishLater();
}

void InjectedFaultCall::finishLater()
{
    m_finishQueued = true;
    finishFromEventLoop([this] { m_finished = true; });
}

}  // namespace Switchyard
