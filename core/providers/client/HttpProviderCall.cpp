#include "core/providers/client/HttpProviderCall.h"

#include "core/providers/client/FailedProviderCall.h"
#include "core/providers/client/HttpErrorClassifier.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <utility>

namespace Switchyard {

namespace {

void setupTimer(QTimer &timer, int ms)
{
    timer.setSingleShot(true);
    timer.setTimerType(Qt::PreciseTimer);
    timer.setInterval(std::max(1, ms));
}

}  // namespace

HttpProviderCall::HttpProviderCall(QNetworkAccessManager *manager, const QNetworkRequest &request,
                                   const QByteArray &body, std::unique_ptr<ResponseParser> parser, bool stream,
                                   const Timeouts &timeouts, Redactor redactor, QObject *parent)
    : ProviderCall(parent), m_parser(std::move(parser)), m_stream(stream), m_timeouts(timeouts),
      m_redactor(std::move(redactor))
{
    m_endpoint = request.url().toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    m_result.streamed = stream;
    m_clock.start();

    setupTimer(m_connectTimer, timeouts.connectMs);
    setupTimer(m_firstTokenTimer, timeouts.firstTokenMs);
    setupTimer(m_idleTimer, timeouts.idleMs);
    setupTimer(m_totalTimer, timeouts.totalMs);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        onTimer(FailureClass::Timeout, QStringLiteral("no connection within %1 ms").arg(m_timeouts.connectMs));
    });
    connect(&m_firstTokenTimer, &QTimer::timeout, this, [this] {
        onTimer(FailureClass::Timeout, QStringLiteral("no first token within %1 ms").arg(m_timeouts.firstTokenMs));
    });
    connect(&m_totalTimer, &QTimer::timeout, this, [this] {
        onTimer(FailureClass::Timeout, QStringLiteral("the call took longer than %1 ms").arg(m_timeouts.totalMs));
    });
    connect(&m_idleTimer, &QTimer::timeout, this, &HttpProviderCall::onIdle);

    QNetworkRequest copy = request;
    copy.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    copy.setTransferTimeout(0);  // our own timers decide
    m_reply = manager->post(copy, body);
    connect(m_reply, &QNetworkReply::requestSent, this, &HttpProviderCall::onRequestSent);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpProviderCall::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpProviderCall::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpProviderCall::onReplyFinished);

    m_connectTimer.start();
    m_firstTokenTimer.start();
    m_totalTimer.start();
}

HttpProviderCall::~HttpProviderCall()
{
    releaseReply();
}

void HttpProviderCall::releaseReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    if (!reply->isFinished())
        reply->abort();
    reply->deleteLater();
}

void HttpProviderCall::cancel()
{
    if (m_finished || m_finishQueued)
        return;
    fail(FailureClass::Cancelled, QStringLiteral("the call was cancelled"));
}

void HttpProviderCall::onRequestSent()
{
    m_connectTimer.stop();
}

void HttpProviderCall::onMetaDataChanged()
{
    if (!m_reply || m_headersSeen)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_headersSeen = true;
    m_connectTimer.stop();
    m_status = status.toInt();
    m_result.httpStatus = m_status;
    m_errorStatus = m_status < 200 || m_status >= 300;
    // A provider may answer a streaming request with one JSON document (an error with status 200, or a server
    // that ignores "stream": true): read it whole instead of feeding it to the stream decoder.
    const QByteArray contentType = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
    m_wholeBody = !m_stream || (!m_errorStatus && contentType.startsWith("application/json"));
    if (m_wholeBody || m_errorStatus)
        m_firstTokenTimer.stop();  // the rest is bounded by the whole-call timeout
    // The idle timer starts with the first body bytes: before them the first-token timeout governs, since a
    // reasoning model may think for a long time after sending its headers.
}

void HttpProviderCall::onReadyRead()
{
    if (!m_reply || m_finished || m_finishQueued)
        return;
    if (!m_headersSeen)
        onMetaDataChanged();
    const QByteArray bytes = m_reply->readAll();
    if (m_errorStatus || m_wholeBody) {
        if (m_errorStatus && m_body.size() + bytes.size() > MaxErrorBodyBytes)
            m_body += bytes.left(std::max<qsizetype>(0, MaxErrorBodyBytes - m_body.size()));
        else
            m_body += bytes;
        if (m_body.size() > MaxBodyBytes)
            fail(FailureClass::MalformedResponse,
                 QStringLiteral("the response is larger than %1 MiB; check the base_url").arg(MaxBodyBytes >> 20));
        return;
    }
    m_idleTimer.start();
    apply(m_parser->feed(bytes));
}

void HttpProviderCall::apply(const ParseUpdate &update)
{
    if (m_finished || m_finishQueued)
        return;
    for (const QString &text : update.deltas) {
        if (text.isEmpty())
            continue;
        if (!m_firstToken) {
            m_firstToken = true;
            m_firstTokenTimer.stop();
            m_result.ttftMs = m_clock.elapsed();
            Q_EMIT firstToken();
        }
        m_result.text += text;
        Q_EMIT delta(text);
        if (m_finished || m_finishQueued)  // cancelled from a slot
            return;
    }
    if (update.failure) {
        fail(update.failure->failure, update.failure->message, update.failure->code);
        return;
    }
    if (update.complete)
        succeed();
}

void HttpProviderCall::onReplyFinished()
{
    if (!m_reply || m_finished || m_finishQueued)
        return;
    if (!m_headersSeen)
        onMetaDataChanged();
    if (m_reply->bytesAvailable() > 0)
        onReadyRead();
    if (m_finished || m_finishQueued)
        return;
    const QNetworkReply::NetworkError error = m_reply->error();
    if (m_errorStatus) {
        failHttp();
        return;
    }
    if (!m_headersSeen) {
        const FailureClass failure = HttpErrorClassifier::classifyNetworkError(error);
        fail(failure == FailureClass::None ? FailureClass::Network : failure,
             QStringLiteral("the connection failed before a response arrived (%1)").arg(m_reply->errorString()));
        return;
    }
    if (!m_wholeBody) {
        // A transport error after the headers is a cut stream unless the answer was already complete.
        const ParseUpdate update = m_parser->finishStream();
        if (error != QNetworkReply::NoError && !m_parser->streamLooksComplete() && !update.failure) {
            fail(FailureClass::StreamCut,
                 QStringLiteral("the stream was cut before it completed (%1)").arg(m_reply->errorString()));
            return;
        }
        apply(update);
        if (!m_finished && !m_finishQueued)
            fail(FailureClass::StreamCut, QStringLiteral("the stream ended before it completed"));
        return;
    }
    if (error != QNetworkReply::NoError) {
        fail(HttpErrorClassifier::classifyNetworkError(error) == FailureClass::Network ? FailureClass::Network
                                                                                       : FailureClass::Transient,
             QStringLiteral("the response body was cut (%1)").arg(m_reply->errorString()));
        return;
    }
    const ParseUpdate update = m_parser->parseBody(m_body);
    apply(update);
    if (!m_finished && !m_finishQueued)
        fail(FailureClass::MalformedResponse, QStringLiteral("the response could not be understood"));
}

void HttpProviderCall::onTimer(FailureClass failure, const QString &what)
{
    if (m_finished || m_finishQueued)
        return;
    fail(failure, what);
}

void HttpProviderCall::onIdle()
{
    if (m_finished || m_finishQueued)
        return;
    if (m_parser->streamLooksComplete()) {
        // Everything arrived (finish reason / usage) but the server neither sent the terminator nor closed.
        succeed();
        return;
    }
    fail(FailureClass::StreamStalled,
         QStringLiteral("the stream stalled: nothing arrived for %1 ms").arg(m_timeouts.idleMs));
}

void HttpProviderCall::succeed()
{
    m_result.ok = true;
    m_result.failure = FailureClass::None;
    m_result.text = m_parser->text();
    m_result.finishReason = m_parser->finishReason();
    m_result.usage = m_parser->usage();
    m_result.usageReported = m_parser->usageReported();
    if (m_result.ttftMs < 0 && !m_result.text.isEmpty())
        m_result.ttftMs = m_clock.elapsed();
    if (!m_firstToken && !m_result.text.isEmpty()) {
        m_firstToken = true;
        Q_EMIT firstToken();
        Q_EMIT delta(m_result.text);  // unstreamed: one delta with the whole answer
    }
    finalize();
}

void HttpProviderCall::fail(FailureClass failure, const QString &message, const QString &code)
{
    m_result.ok = false;
    m_result.failure = failure;
    m_result.retryable = isRetryableOnSameHop(failure);
    m_result.errorCode = m_redactor.redact(code);
    const QString status = m_status > 0 ? QStringLiteral("HTTP %1 from ").arg(m_status) : QStringLiteral("");
    m_result.errorMessage =
        m_redactor.redact(QStringLiteral("%1: %2%3: %4").arg(failureClassName(failure), status, m_endpoint, message));
    m_result.finishReason = m_parser->finishReason();
    m_result.usage = m_parser->usage();
    m_result.usageReported = m_parser->usageReported();
    finalize();
}

void HttpProviderCall::failHttp()
{
    auto lookup = [reply = m_reply](const QByteArray &name) {
        return reply ? reply->rawHeader(name) : QByteArray();
    };
    const HttpFailure failure = HttpErrorClassifier::classify(m_status, lookup, m_body);
    m_result.retryAfterMs = failure.retryAfterMs;
    m_result.rawErrorBody = m_redactor.redact(m_body);
    QString message = failure.message.isEmpty() ? QStringLiteral("the provider returned an error without a message")
                                                : QStringLiteral("provider says: %1").arg(failure.message);
    if (!failure.code.isEmpty())
        message += QStringLiteral(" [%1]").arg(failure.code);
    if (failure.failure == FailureClass::Authentication) {
        // Say which key to fix — by its reference, never its value.
        message += m_keyReference.isEmpty() ? QStringLiteral(". Check api_key in providers.yaml.")
                                            : QStringLiteral(". Check the key behind %1.").arg(m_keyReference);
    }
    fail(failure.failure, message, failure.code);
    m_result.retryable = failure.retryable;
}

void HttpProviderCall::finalize()
{
    m_connectTimer.stop();
    m_firstTokenTimer.stop();
    m_idleTimer.stop();
    m_totalTimer.stop();
    m_result.latencyMs = m_clock.elapsed();
    releaseReply();
    m_finishQueued = true;
    finishFromEventLoop([this] { m_finished = true; });
}

ProviderCall *HttpProviderCall::start(const ProviderClient &client, const ProviderRequest &request,
                                      QNetworkAccessManager *manager, std::unique_ptr<ResponseParser> parser,
                                      QObject *parent)
{
    Result<PreparedRequest> prepared = client.prepare(request);
    if (!prepared)
        return new FailedProviderCall(FailureClass::Validation, prepared.error().message, parent);
    Redactor redactor;
    redactor.addSecret(request.apiKey);
    auto *call = new HttpProviderCall(manager, prepared->request, prepared->body, std::move(parser), request.stream,
                                      request.timeouts, std::move(redactor), parent);
    call->m_keyReference = request.apiKey.reference();
    return call;
}

}  // namespace Switchyard
