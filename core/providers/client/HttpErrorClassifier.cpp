#include "core/providers/client/HttpErrorClassifier.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <cmath>

namespace Switchyard {

namespace {

bool containsAny(const QString &haystack, std::initializer_list<const char *> needles)
{
    for (const char *needle : needles)
        if (haystack.contains(QLatin1String(needle), Qt::CaseInsensitive))
            return true;
    return false;
}

bool isContextTooLong(const QString &code, const QString &message)
{
    // Cohere words an over-large max_tokens like an over-long prompt ("too many tokens: max tokens must be less than
    // or equal to 4096, the maximum output for this model"): a setting to fix, not a prompt for a larger window.
    if (containsAny(message, {"max tokens must be", "maximum output for this model"}))
        return false;
    return containsAny(code, {"context_length_exceeded", "string_above_max_length", "request_too_large"}) ||
           containsAny(message, {"context length", "context_length_exceeded", "maximum context", "too many tokens",
                                 "prompt is too long", "input is too long", "exceeds the maximum number of tokens",
                                 "input token count", "too many input tokens"});
}

bool isContentFilter(const QString &code, const QString &message)
{
    return containsAny(code,
                       {"content_filter", "content_policy_violation", "ResponsibleAIPolicyViolation", "SAFETY"}) ||
           containsAny(message, {"content management policy", "content_filter"});
}

// "ThrottlingException:http://internal.amazon.com/coral/..." or "throttlingException" → "throttling".
QString awsErrorStem(const QString &errorType)
{
    QString stem = errorType.section(QLatin1Char(':'), 0, 0).trimmed().toLower();
    if (stem.endsWith(QLatin1String("exception")))
        stem.chop(int(qstrlen("exception")));
    return stem;
}

std::optional<qint64> geminiRetryDelay(const QJsonObject &root)
{
    const QJsonArray details = root.value(QLatin1String("error")).toObject().value(QLatin1String("details")).toArray();
    for (const QJsonValue &detail : details) {
        const QJsonObject object = detail.toObject();
        if (object.value(QLatin1String("@type")).toString().endsWith(QLatin1String("RetryInfo")))
            return HttpErrorClassifier::parseGoogleDuration(object.value(QLatin1String("retryDelay")).toString());
    }
    return std::nullopt;
}

/// Gemini answers a bad key with 400 INVALID_ARGUMENT; only the ErrorInfo reason ("API_KEY_INVALID") says it is the
/// key. Returns that reason, or empty.
QString geminiKeyRejection(const QJsonObject &root)
{
    const QJsonArray details = root.value(QLatin1String("error")).toObject().value(QLatin1String("details")).toArray();
    for (const QJsonValue &detail : details) {
        const QString reason = detail.toObject().value(QLatin1String("reason")).toString();
        if (reason.startsWith(QLatin1String("API_KEY_")))
            return reason;
    }
    return {};
}

}  // namespace

void HttpErrorClassifier::extractError(const QJsonObject &root, QString &code, QString &message, QString &type)
{
    const QJsonValue error = root.value(QLatin1String("error"));
    if (error.isString()) {
        message = error.toString();
        return;
    }
    const QJsonObject object = error.isObject() ? error.toObject() : root;
    message = object.value(QLatin1String("message")).toString();
    if (message.isEmpty())
        message = object.value(QLatin1String("Message")).toString();
    type = object.value(QLatin1String("type")).toString();
    if (type == QLatin1String("error"))
        type.clear();
    const QJsonValue codeValue = object.value(QLatin1String("code"));
    if (codeValue.isString())
        code = codeValue.toString();
    const QString status = object.value(QLatin1String("status")).toString();  // Gemini: RESOURCE_EXHAUSTED
    if (code.isEmpty())
        code = !status.isEmpty() ? status : type;
}

HttpFailure HttpErrorClassifier::classify(int status, const HeaderLookup &headers, const QByteArray &body,
                                          const QDateTime &now)
{
    HttpFailure out;
    QString type;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject root = document.isObject() ? document.object() : QJsonObject();
    if (!root.isEmpty())
        extractError(root, out.code, out.message, type);
    const QString amznError =
        QString::fromLatin1(headers(QByteArrayLiteral("x-amzn-ErrorType"))).section(QLatin1Char(':'), 0, 0);
    if (out.code.isEmpty() && !amznError.isEmpty())
        out.code = amznError;

    out.retryAfterMs = retryAfter(headers, now);
    if (!out.retryAfterMs)
        out.retryAfterMs = geminiRetryDelay(root);

    const QString keyRejection = geminiKeyRejection(root);
    if (!keyRejection.isEmpty())
        out.code = keyRejection;
    const QString all = out.code + QLatin1Char(' ') + type;
    if (isContentFilter(all, out.message))
        out.failure = FailureClass::ContentFilter;
    else if (status == 402 || containsAny(all, {"insufficient_quota", "insufficient_balance", "billing"}))
        out.failure = FailureClass::InsufficientQuota;
    else if (isContextTooLong(all, out.message) && (status == 400 || status == 413 || status == 422))
        out.failure = FailureClass::ContextTooLong;
    else if (status == 401 || status == 403 || status == 498 ||
             !keyRejection.isEmpty())  // 498: Cohere's "invalid token"
        out.failure = FailureClass::Authentication;
    else if (status == 429 && awsErrorStem(amznError) == QLatin1String("modelnotready"))
        out.failure = FailureClass::Transient;  // Bedrock is still loading the model: not a quota, worth a retry
    else if (status == 429)
        out.failure = FailureClass::RateLimited;
    // 499: the provider cancelled the request on its side (Cohere, Gemini CANCELLED); our own cancel never reads a
    // status, so the request itself was fine and another try may work.
    else if (status == 408 || status == 409 || status == 499 || status >= 500)
        out.failure = FailureClass::Transient;
    else if (status >= 400)
        out.failure = FailureClass::Validation;
    else
        out.failure = FailureClass::MalformedResponse;  // an error body with a success status

    out.retryable = isRetryableOnSameHop(out.failure);
    const QByteArray shouldRetry = headers(QByteArrayLiteral("x-should-retry")).trimmed().toLower();
    if (shouldRetry == "true" || shouldRetry == "false") {
        out.retryable = shouldRetry == "true";
        // The server's word overrides the status: an explicit "true" on a class we would not retry is transient.
        if (out.retryable && !isRetryableOnSameHop(out.failure) && out.failure != FailureClass::ContextTooLong &&
            out.failure != FailureClass::ContentFilter && out.failure != FailureClass::InsufficientQuota)
            out.failure = FailureClass::Transient;
    }
    return out;
}

HttpFailure HttpErrorClassifier::classifyInBand(const QJsonObject &error)
{
    HttpFailure out;
    QString type;
    QJsonObject root;
    root.insert(QLatin1String("error"), error);
    extractError(root, out.code, out.message, type);
    const QString all = out.code + QLatin1Char(' ') + type;
    if (isContentFilter(all, out.message))
        out.failure = FailureClass::ContentFilter;
    else if (isContextTooLong(all, out.message))
        out.failure = FailureClass::ContextTooLong;
    else if (containsAny(all, {"insufficient_quota"}))
        out.failure = FailureClass::InsufficientQuota;
    else
        out.failure = FailureClass::StreamCut;
    out.retryable = false;
    return out;
}

int HttpErrorClassifier::awsErrorStatus(const QString &errorType)
{
    static const QHash<QString, int> statuses{
        {QStringLiteral("validation"), 400},        {QStringLiteral("accessdenied"), 403},
        {QStringLiteral("resourcenotfound"), 404},  {QStringLiteral("modeltimeout"), 408},
        {QStringLiteral("modelerror"), 424},        {QStringLiteral("throttling"), 429},
        {QStringLiteral("modelnotready"), 429},     {QStringLiteral("internalserver"), 500},
        {QStringLiteral("serviceunavailable"), 503}};
    return statuses.value(awsErrorStem(errorType), 0);
}

ParseFailure HttpErrorClassifier::awsStreamFailure(const QString &errorType, const QByteArray &body)
{
    const int status = awsErrorStatus(errorType);
    const QByteArray name = errorType.toUtf8();
    HttpFailure classified;
    if (status > 0) {
        // The frame's name plays the part of the x-amzn-ErrorType header, so both paths share one classification.
        const auto headers = [&name](const QByteArray &header) {
            return header.compare("x-amzn-ErrorType", Qt::CaseInsensitive) == 0 ? name : QByteArray();
        };
        classified = classify(status, headers, body);
    } else {
        QString type;
        const QJsonObject root = QJsonDocument::fromJson(body).object();
        extractError(root, classified.code, classified.message, type);
        classified.code = errorType;
        classified.failure = FailureClass::StreamCut;
    }
    ParseFailure failure;
    failure.failure = classified.failure;
    failure.code = classified.code.isEmpty() ? errorType : classified.code;
    failure.message =
        classified.message.isEmpty()
            ? QStringLiteral("the provider sent %1 inside the stream").arg(failure.code)
            : QStringLiteral("the provider sent %1 inside the stream: %2").arg(failure.code, classified.message);
    return failure;
}

FailureClass HttpErrorClassifier::classifyNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::NoError:
        return FailureClass::None;
    case QNetworkReply::OperationCanceledError:
        return FailureClass::Cancelled;
    case QNetworkReply::TimeoutError:
        return FailureClass::Timeout;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::InternalServerError:
    case QNetworkReply::ServiceUnavailableError:
    case QNetworkReply::UnknownServerError:
        return FailureClass::Transient;
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return FailureClass::Network;
    default:
        return FailureClass::Network;
    }
}

std::optional<qint64> HttpErrorClassifier::retryAfter(const HeaderLookup &headers, const QDateTime &now)
{
    const QByteArray ms = headers(QByteArrayLiteral("retry-after-ms")).trimmed();
    if (!ms.isEmpty()) {
        bool ok = false;
        const double value = ms.toDouble(&ok);
        if (ok && value >= 0 && std::isfinite(value))
            return static_cast<qint64>(std::llround(value));
    }
    const QByteArray value = headers(QByteArrayLiteral("retry-after")).trimmed();
    if (value.isEmpty())
        return std::nullopt;
    return parseRetryAfterValue(value, now);
}

std::optional<qint64> HttpErrorClassifier::parseRetryAfterValue(const QByteArray &value, const QDateTime &now)
{
    bool ok = false;
    const double seconds = value.trimmed().toDouble(&ok);
    if (ok) {
        if (seconds < 0 || !std::isfinite(seconds))
            return std::nullopt;
        return static_cast<qint64>(std::llround(seconds * 1000.0));
    }
    // The weekday is dropped before parsing: QLocale reads RFC 850 "yy" as 19yy and would then reject the weekday.
    const QString text = QString::fromLatin1(value.trimmed()).simplified();
    const qsizetype comma = text.indexOf(QLatin1Char(','));
    const QString rest = comma >= 0 ? text.mid(comma + 1).trimmed() : text.section(QLatin1Char(' '), 1);
    const QLocale c = QLocale::c();
    const QStringList formats = {QStringLiteral("dd MMM yyyy HH:mm:ss 'GMT'"),
                                 QStringLiteral("dd-MMM-yy HH:mm:ss 'GMT'"), QStringLiteral("MMM d HH:mm:ss yyyy")};
    for (const QString &format : formats) {
        QDateTime date = c.toDateTime(rest, format);
        if (!date.isValid())
            continue;
        date.setTimeSpec(Qt::UTC);
        // RFC 850 two-digit years: QLocale reads them as 19yy; they mean 20yy for any date we can meet.
        if (date.date().year() < 1970)
            date = date.addYears(100);
        return std::max<qint64>(0, now.msecsTo(date));
    }
    return std::nullopt;
}

std::optional<qint64> HttpErrorClassifier::parseGoogleDuration(const QString &value)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*([0-9]+(?:\.[0-9]+)?)s\s*$)"));
    const QRegularExpressionMatch match = pattern.match(value);
    if (!match.hasMatch())
        return std::nullopt;
    return static_cast<qint64>(std::llround(match.captured(1).toDouble() * 1000.0));
}

ParseFailure HttpErrorClassifier::inBandFailure(const QJsonValue &error)
{
    const QJsonObject object =
        error.isObject() ? error.toObject() : QJsonObject{{QStringLiteral("message"), error.toString()}};
    const HttpFailure classified = classifyInBand(object);
    ParseFailure failure;
    failure.failure = classified.failure;
    failure.code = classified.code;
    failure.message =
        classified.message.isEmpty()
            ? QStringLiteral("the provider sent an error inside the response")
            : QStringLiteral("the provider sent an error inside the response: %1").arg(classified.message);
    if (!classified.code.isEmpty())
        failure.message += QStringLiteral(" [%1]").arg(classified.code);
    return failure;
}

}  // namespace Switchyard
