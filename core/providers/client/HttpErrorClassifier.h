#pragma once

#include "core/model/FailureClass.h"
#include "core/providers/client/ResponseParser.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QNetworkReply>
#include <QString>
#include <functional>
#include <optional>

namespace Switchyard {

/// What a failed HTTP exchange means for the engine (PROVIDERS.md §0 "Retry / fallback classification").
struct HttpFailure {
    FailureClass failure = FailureClass::None;
    bool retryable = false;              ///< worth another try on the same hop (x-should-retry wins)
    std::optional<qint64> retryAfterMs;  ///< from retry-after-ms / retry-after / RetryInfo.retryDelay
    QString code;                        ///< provider error code or type ("context_length_exceeded"), may be empty
    QString message;                     ///< the provider's own message, may be empty (not yet redacted)
};

/// Classifies provider errors from status, headers and body, the way the official SDKs do. Self-contained: no
/// network objects needed, so the routing layer and tests can call it with plain values.
class HttpErrorClassifier {
public:
    /// Case-insensitive header lookup: returns the value or an empty array.
    using HeaderLookup = std::function<QByteArray(const QByteArray &name)>;

    /// Failure for an HTTP response with @p status (>= 400, or 2xx carrying an error body) and @p body.
    /// Beyond the common statuses: 498 (Cohere, invalid token) is Authentication, 499 (request cancelled by the
    /// provider) is Transient.
    /// @p now is used for Retry-After HTTP dates.
    static HttpFailure classify(int status, const HeaderLookup &headers, const QByteArray &body,
                                const QDateTime &now = QDateTime::currentDateTimeUtc());

    /// Failure for an error object sent inside a successful stream ("data: {"error": {...}}"): never success.
    /// Retryable provider errors (overloaded, server_error) stay StreamCut; validation-like ones keep their class.
    static HttpFailure classifyInBand(const QJsonObject &error);
    /// classifyInBand() as the ParseFailure a parser reports; @p error is the error object or a bare message.
    static ParseFailure inBandFailure(const QJsonValue &error);

    /// The HTTP status AWS answers with for the error named @p errorType, as an `x-amzn-ErrorType` header or an
    /// event-stream `:exception-type` names it (case-insensitive, "Exception" suffix optional, anything after ':'
    /// ignored): ValidationException 400, AccessDeniedException 403, ResourceNotFoundException 404,
    /// ModelTimeoutException 408, ModelErrorException 424, ThrottlingException 429, ModelNotReadyException 429,
    /// InternalServerException 500, ServiceUnavailableException 503 (PROVIDERS.md §5). 0 for other names.
    static int awsErrorStatus(const QString &errorType);

    /// Failure for an AWS event-stream frame of `:message-type` exception (or error) named @p errorType with the JSON
    /// payload @p body ({"message"}): classified exactly like the HTTP error of the same name
    /// (throttlingException → RateLimited, validationException → Validation or ContextTooLong, ...).
    /// modelStreamErrorException and names without an HTTP equivalent are StreamCut: the stream broke mid-answer.
    static ParseFailure awsStreamFailure(const QString &errorType, const QByteArray &body);

    /// Failure for a transport error before any response headers arrived.
    static FailureClass classifyNetworkError(QNetworkReply::NetworkError error);

    /// Delay the server asked for: "retry-after-ms" (milliseconds), else "retry-after" (seconds or an HTTP date).
    static std::optional<qint64> retryAfter(const HeaderLookup &headers,
                                            const QDateTime &now = QDateTime::currentDateTimeUtc());

    /// Parses a Retry-After value: delta-seconds (possibly fractional) or an IMF-fixdate / RFC 850 / asctime date.
    static std::optional<qint64> parseRetryAfterValue(const QByteArray &value, const QDateTime &now);

    /// Parses a Google duration such as "31s" or "1.5s" to milliseconds.
    static std::optional<qint64> parseGoogleDuration(const QString &value);

    /// Extracts (code, message) from the common error body shapes: OpenAI {"error":{message,type,code}}, Anthropic
    /// {"type":"error","error":{type,message}}, Gemini {"error":{code,message,status}}, Ollama {"error":"..."},
    /// Bedrock {"message"}, Cohere {"id","message"}.
    static void extractError(const QJsonObject &root, QString &code, QString &message, QString &type);
};

}  // namespace Switchyard
