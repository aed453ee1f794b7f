#pragma once

#include "core/routing/HttpErrorAnalysis.h"

#include <QDateTime>
#include <QJsonObject>

namespace Switchyard {

/**
 * Turns an HTTP error response of any supported provider into an HttpErrorAnalysis, following PROVIDERS.md §0 and the
 * error shapes of §1-§6:
 * - OpenAI family `{"error": {"message", "type", "param", "code"}}`, Anthropic `{"type": "error", "error": {"type",
 *   "message"}}`, Gemini `{"error": {"code", "message", "status", "details"}}`, Bedrock `{"message"}` with the name in
 *   `x-amzn-ErrorType`, Ollama `{"error": "..."}`.
 * - Context too long (OpenAI `context_length_exceeded`, "maximum context length", Anthropic "prompt is too long",
 *   Gemini "exceeds the maximum number of tokens", Bedrock "input is too long", HTTP 413) → ContextTooLong.
 * - Content filter (`content_filter`, `content_policy_violation`, Azure ResponsibleAIPolicyViolation) → ContentFilter.
 * - 401 / 403 / Gemini API_KEY_INVALID → Authentication; 402 and `insufficient_quota` → InsufficientQuota;
 *   429 → RateLimited; 408 / 409 / >= 500 (incl. 529) → Transient; other 4xx → Validation, unless the provider sent
 *   `x-should-retry: true` with a status other than 400 (then Transient). Status 0 (no response) → Network; 1xx-3xx →
 * None.
 *
 * Pure functions; nothing here touches the network.
 */
class HttpFailureClassifier {
public:
    /// The failure class only (see the class description).
    static FailureClass classify(int status, const HttpHeaders &headers, const QJsonObject &body);

    /// The full analysis; @p nowUtc resolves a `retry-after` HTTP date.
    static HttpErrorAnalysis analyze(int status, const HttpHeaders &headers, const QJsonObject &body,
                                     const QDateTime &nowUtc);

    /// The value of header @p name (case-insensitive), empty when absent.
    static QByteArray header(const HttpHeaders &headers, const QByteArray &name);

    /// `x-should-retry: true|false`; empty when absent or neither value.
    static std::optional<bool> shouldRetryHeader(const HttpHeaders &headers);

    /// True for the statuses the SDKs retry: 408, 409, 429 and every status >= 500.
    static bool isRetryableStatus(int status);

    /**
     * The delay the provider asks for, in ms: `retry-after-ms`, else `retry-after` (decimal seconds or an HTTP date
     * relative to @p nowUtc; a date in the past gives 0), else the Gemini body's `error.details[]` entry whose
     * `@type` is RetryInfo (`retryDelay` "31s", "1.5s"). Empty when none is present or parseable.
     */
    static std::optional<qint64> suggestedDelayMs(const HttpHeaders &headers, const QJsonObject &body,
                                                  const QDateTime &nowUtc);

    /// A `retry-after` value: seconds ("30", "1.5") or an HTTP date; ms from @p nowUtc, never negative.
    static std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc);

    /// An HTTP date in any of the three RFC 9110 forms (IMF-fixdate, RFC 850, asctime), as UTC.
    static std::optional<QDateTime> parseHttpDate(const QByteArray &value);

    /// A protobuf JSON duration ("31s", "1.5s", "0.250s") in ms.
    static std::optional<qint64> parseDurationMs(const QString &value);
};

}  // namespace Switchyard
