#pragma once

#include "core/providers/client/ProviderClient.h"

namespace Switchyard {

/// Google Gemini API (PROVIDERS.md §4), kind "gemini".
///
/// - POST {base}/v1beta/models/{model}:generateContent, or :streamGenerateContent?alt=sse when streaming; the default
///   base is https://generativelanguage.googleapis.com. A base already ending in a version segment ("/v1beta",
///   "/v1") is used as is.
/// - The key goes in the x-goog-api-key header, never in the URL (a URL ends up in logs and error messages).
/// - Body: contents[{role: user|model, parts[{text}]}], systemInstruction {parts[{text}]} (the rendered system
///   instruction, then any system-role messages), generationConfig {temperature, topP, topK, maxOutputTokens}.
/// - Models from GET {base}/v1beta/models (ids without the "models/" prefix; only models that can generateContent).
///
/// Errors follow HttpErrorClassifier, which knows Gemini's shapes: a 400 whose ErrorInfo reason is API_KEY_INVALID is
/// an Authentication failure, not a validation one; RetryInfo.retryDelay is the delay asked for.
class GeminiClient : public ProviderClient {
public:
    QString kind() const override { return QStringLiteral("gemini"); }
    Result<PreparedRequest> prepare(const ProviderRequest &request) const override;
    ProviderCall *start(const ProviderRequest &request, QNetworkAccessManager *manager,
                        QObject *parent = nullptr) const override;
    Result<PreparedRequest> prepareModelList(const ProviderSpec &provider, const Secret &apiKey) const override;
    Result<QStringList> parseModelList(const QByteArray &body) const override;

    static QString defaultBaseUrl() { return QStringLiteral("https://generativelanguage.googleapis.com"); }

private:
    /// {base}/v1beta/@p leaf, or an error naming the provider and what to fix.
    static Result<QUrl> endpoint(const ProviderSpec &provider, const QString &leaf);
};

}  // namespace Switchyard
