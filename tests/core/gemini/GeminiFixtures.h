#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Switchyard::Testing {

/// Builds Google Gemini bodies as PROVIDERS.md §4 describes them (and as generativelanguage.googleapis.com sends
/// them): GenerateContentResponse objects, streamGenerateContent?alt=sse streams whose events end in "\r\n\r\n" and
/// carry usageMetadata on every chunk (complete on the last), blocked prompts, and {"error": {code, message, status,
/// details}} bodies.
class GeminiFixtures {
public:
    struct Tokens {
        int prompt = 0;      ///< promptTokenCount, cached included
        int cached = 0;      ///< cachedContentTokenCount (0 = field absent)
        int candidates = 0;  ///< candidatesTokenCount
        int thoughts = 0;    ///< thoughtsTokenCount (0 = field absent)
    };

    static constexpr const char *Model = "gemini-2.5-flash";

    /// The usageMetadata object; @p final false gives a mid-stream one (no candidatesTokenCount yet).
    static QJsonObject usage(const Tokens &tokens, bool final = true);

    /// A whole GenerateContentResponse: one candidate with @p parts (a thought summary first when @p thought is
    /// set), the finish reason, usage.
    static QByteArray response(const QStringList &parts, const Tokens &tokens,
                               const QString &finishReason = QStringLiteral("STOP"), const QString &thought = {});

    /// One stream event: "data: {...}\r\n\r\n" with one text part, an optional finish reason and usage.
    static QByteArray chunk(const QString &text, const QString &finishReason, const QJsonObject &usage,
                            bool thought = false);

    /// A whole stream: an optional thought chunk, one chunk per delta, the last one carrying @p finishReason and the
    /// final usage.
    static QByteArray stream(const QStringList &deltas, const Tokens &tokens,
                             const QString &finishReason = QStringLiteral("STOP"), const QString &thought = {});

    /// A candidate stopped by the safety filter: finishReason SAFETY, safetyRatings with one blocked category.
    static QByteArray safetyChunk(const QString &blockedCategory);

    /// A blocked prompt: no candidates, promptFeedback.blockReason and safetyRatings.
    static QByteArray blockedPrompt(const QString &blockReason, const QString &blockedCategory);

    /// {"error": {"code", "message", "status", "details"}}.
    static QByteArray errorBody(int code, const QString &message, const QString &status,
                                const QJsonArray &details = {});
    /// 429 RESOURCE_EXHAUSTED with QuotaFailure and RetryInfo{retryDelay}.
    static QByteArray rateLimited(const QString &retryDelay);
    /// 400 INVALID_ARGUMENT with ErrorInfo reason API_KEY_INVALID.
    static QByteArray apiKeyInvalid();
    /// 400 INVALID_ARGUMENT: the input exceeds the model's token limit.
    static QByteArray contextTooLong();

    /// GET /v1beta/models: two chat models and one embedding model.
    static QByteArray modelList();
};

}  // namespace Switchyard::Testing
