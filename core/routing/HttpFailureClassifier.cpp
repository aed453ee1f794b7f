#include "core/routing/HttpFailureClassifier.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>
#include <QStringList>
#include <cmath>

namespace Switchyard {

namespace {

struct ProviderError {
    QString code;       // machine-readable: code, type, status or x-amzn-ErrorType
    QStringList codes;  // every machine-readable field found, for matching
    QString message;
};

ProviderError readProviderError(const HttpHeaders &headers, const QJsonObject &body)
{
    ProviderError error;
    const QJsonValue errorValue = body.value(QLatin1String("error"));
    if (errorValue.isObject()) {
        const QJsonObject object = errorValue.toObject();
        error.message = object.value(QLatin1String("message")).toString();
        // OpenAI: code (string) and type; Anthropic: type; Gemini: status (code is the numeric HTTP status).
        for (const char *field : {"code", "type", "status"}) {
            const QJsonValue value = object.value(QLatin1String(field));
            if (value.isString() && !value.toString().isEmpty())
                error.codes.append(value.toString());
        }
        // Azure content filter: {"error": {"code": "content_filter", "innererror": {"code":
        // "ResponsibleAIPolicyViolation"}}}
        const QString inner =
            object.value(QLatin1String("innererror")).toObject().value(QLatin1String("code")).toString();
        if (!inner.isEmpty())
            error.codes.append(inner);
        // Gemini: details[{"@type": "...ErrorInfo", "reason": "API_KEY_INVALID"}]
        const QJsonArray details = object.value(QLatin1String("details")).toArray();
        for (const QJsonValue &detail : details) {
            const QString reason = detail.toObject().value(QLatin1String("reason")).toString();
            if (!reason.isEmpty())
                error.codes.append(reason);
        }
    } else if (errorValue.isString()) {
        error.message = errorValue.toString();  // Ollama
    }
    if (error.message.isEmpty())
        error.message = body.value(QLatin1String("message")).toString();  // Bedrock, Cohere
    const QByteArray amzn = HttpFailureClassifier::header(headers, "x-amzn-errortype");
    if (!amzn.isEmpty()) {
        const int colon = amzn.indexOf(':');
        error.codes.append(QString::fromUtf8(colon >= 0 ? amzn.left(colon) : amzn).trimmed());
    }
    if (!error.codes.isEmpty())
        error.code = error.codes.constFirst();
    return error;
}

bool hasCode(const ProviderError &error, std::initializer_list<const char *> candidates)
{
    for (const QString &code : error.codes) {
        for (const char *candidate : candidates) {
            if (code.compare(QLatin1String(candidate), Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

bool messageContains(const ProviderError &error, std::initializer_list<const char *> needles)
{
    for (const char *needle : needles) {
        if (error.message.contains(QLatin1String(needle), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool isContextTooLong(int status, const ProviderError &error)
{
    if (status == 413)
        return true;
    return hasCode(error, {"context_length_exceeded", "string_above_max_length"}) ||
           messageContains(error,
                           {"prompt is too long", "exceeds the maximum number of tokens", "maximum context length",
                            "input is too long", "context window", "too many input tokens"});
}

bool isContentFilter(const ProviderError &error)
{
    return hasCode(error, {"content_filter", "content_policy_violation", "ResponsibleAIPolicyViolation"}) ||
           messageContains(error, {"content management policy"});
}

bool isQuota(const ProviderError &error)
{
    return hasCode(error, {"insufficient_quota", "billing_hard_limit_reached"});
}

FailureClass classifyWith(int status, const HttpHeaders &headers, const ProviderError &error)
{
    if (status <= 0)
        return FailureClass::Network;
    if (status < 400)
        return FailureClass::None;
    if (status < 500) {
        // Order matters: the body's reason is more specific than the status (a quota 429 is not a rate limit).
        if (isContentFilter(error))
            return FailureClass::ContentFilter;
        if (isContextTooLong(status, error))
            return FailureClass::ContextTooLong;
        if (status == 402 || isQuota(error))
            return FailureClass::InsufficientQuota;
        if (status == 401 || status == 403 || hasCode(error, {"API_KEY_INVALID", "authentication_error"}))
            return FailureClass::Authentication;
        if (status == 429)
            return FailureClass::RateLimited;
        if (status == 408 || status == 409)
            return FailureClass::Transient;
        // The SDKs let the header upgrade any status; PROVIDERS.md §0 never retries a 400, so it is excluded.
        if (status != 400 && HttpFailureClassifier::shouldRetryHeader(headers) == std::optional<bool>(true))
            return FailureClass::Transient;
        return FailureClass::Validation;
    }
    return FailureClass::Transient;  // every 5xx, including Anthropic's 529 overloaded_error
}

const char *const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

int monthIndex(const QString &name)
{
    for (int i = 0; i < 12; ++i) {
        if (name.compare(QLatin1String(kMonths[i]), Qt::CaseInsensitive) == 0)
            return i + 1;
    }
    return 0;
}

std::optional<QDateTime> makeUtc(int year, int month, int day, int hour, int minute, int second)
{
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

}  // namespace

QByteArray HttpFailureClassifier::header(const HttpHeaders &headers, const QByteArray &name)
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second.trimmed();
    }
    return {};
}

std::optional<bool> HttpFailureClassifier::shouldRetryHeader(const HttpHeaders &headers)
{
    const QByteArray value = header(headers, "x-should-retry").toLower();
    if (value == "true")
        return true;
    if (value == "false")
        return false;
    return std::nullopt;
}

bool HttpFailureClassifier::isRetryableStatus(int status)
{
    return status == 408 || status == 409 || status == 429 || status >= 500;
}

FailureClass HttpFailureClassifier::classify(int status, const HttpHeaders &headers, const QJsonObject &body)
{
    return classifyWith(status, headers, readProviderError(headers, body));
}

HttpErrorAnalysis HttpFailureClassifier::analyze(int status, const HttpHeaders &headers, const QJsonObject &body,
                                                 const QDateTime &nowUtc)
{
    const ProviderError error = readProviderError(headers, body);
    HttpErrorAnalysis failure;
    failure.httpStatus = status;
    failure.failureClass = classifyWith(status, headers, error);
    failure.shouldRetry = shouldRetryHeader(headers);
    failure.retryDelayMs = suggestedDelayMs(headers, body, nowUtc);
    failure.providerCode = error.code;
    failure.providerMessage = error.message;
    return failure;
}

std::optional<qint64> HttpFailureClassifier::suggestedDelayMs(const HttpHeaders &headers, const QJsonObject &body,
                                                              const QDateTime &nowUtc)
{
    const QByteArray ms = header(headers, "retry-after-ms");
    if (!ms.isEmpty()) {
        bool ok = false;
        const double value = ms.toDouble(&ok);
        if (ok && std::isfinite(value) && value >= 0)
            return qint64(std::llround(value));
    }
    const QByteArray retryAfter = header(headers, "retry-after");
    if (!retryAfter.isEmpty()) {
        if (const auto delay = parseRetryAfter(retryAfter, nowUtc))
            return delay;
    }
    const QJsonArray details = body.value(QLatin1String("error")).toObject().value(QLatin1String("details")).toArray();
    for (const QJsonValue &detail : details) {
        const QJsonObject object = detail.toObject();
        if (!object.value(QLatin1String("@type")).toString().endsWith(QLatin1String("RetryInfo")))
            continue;
        if (const auto delay = parseDurationMs(object.value(QLatin1String("retryDelay")).toString()))
            return delay;
    }
    return std::nullopt;
}

std::optional<qint64> HttpFailureClassifier::parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc)
{
    const QByteArray trimmed = value.trimmed();
    bool ok = false;
    const double seconds = trimmed.toDouble(&ok);
    if (ok) {
        if (!std::isfinite(seconds) || seconds < 0)
            return std::nullopt;
        return qint64(std::llround(seconds * 1000.0));
    }
    const auto date = parseHttpDate(trimmed);
    if (!date || !nowUtc.isValid())
        return std::nullopt;
    return std::max<qint64>(0, nowUtc.msecsTo(*date));
}

std::optional<QDateTime> HttpFailureClassifier::parseHttpDate(const QByteArray &value)
{
    const QString text = QString::fromLatin1(value).simplified();
    // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
    static const QRegularExpression imf(
        QStringLiteral("^[A-Za-z]{3}, (\\d{1,2}) ([A-Za-z]{3}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$"));
    // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
    static const QRegularExpression rfc850(
        QStringLiteral("^[A-Za-z]+, (\\d{1,2})-([A-Za-z]{3})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$"));
    // asctime: "Sun Nov  6 08:49:37 1994" (simplified() folds the double space)
    static const QRegularExpression asctime(
        QStringLiteral("^[A-Za-z]{3} ([A-Za-z]{3}) (\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$"));

    QRegularExpressionMatch match = imf.match(text);
    if (match.hasMatch()) {
        return makeUtc(match.captured(3).toInt(), monthIndex(match.captured(2)), match.captured(1).toInt(),
                       match.captured(4).toInt(), match.captured(5).toInt(), match.captured(6).toInt());
    }
    match = rfc850.match(text);
    if (match.hasMatch()) {
        // Two-digit years: 70-99 are 19xx, 00-69 are 20xx (a fixed pivot keeps the function pure).
        const int twoDigits = match.captured(3).toInt();
        const int year = twoDigits >= 70 ? 1900 + twoDigits : 2000 + twoDigits;
        return makeUtc(year, monthIndex(match.captured(2)), match.captured(1).toInt(), match.captured(4).toInt(),
                       match.captured(5).toInt(), match.captured(6).toInt());
    }
    match = asctime.match(text);
    if (match.hasMatch()) {
        return makeUtc(match.captured(6).toInt(), monthIndex(match.captured(1)), match.captured(2).toInt(),
                       match.captured(3).toInt(), match.captured(4).toInt(), match.captured(5).toInt());
    }
    return std::nullopt;
}

std::optional<qint64> HttpFailureClassifier::parseDurationMs(const QString &value)
{
    const QString text = value.trimmed();
    if (!text.endsWith(QLatin1Char('s')))
        return std::nullopt;
    bool ok = false;
    const double seconds = text.chopped(1).toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0)
        return std::nullopt;
    return qint64(std::llround(seconds * 1000.0));
}

}  // namespace Switchyard
