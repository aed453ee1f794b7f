#pragma once

#include "core/providers/client/ProviderClient.h"
#include "core/providers/wire/SigV4Credentials.h"

#include <QDateTime>
#include <functional>

namespace Switchyard {

/// AWS Bedrock Runtime Converse / ConverseStream (PROVIDERS.md §5), kind "bedrock".
///
/// `POST https://bedrock-runtime.{region}.amazonaws.com/model/{modelId}/converse` (or `/converse-stream`), region =
/// the request's region, else the provider's. A provider `base_url` replaces the AWS host (a proxy or a test
/// server); the path and the signing stay the same, and the host actually used is the one signed. The model id is
/// one path segment, percent-encoded once on the wire ("deepseek.r1-v1:0" → "deepseek.r1-v1%3A0", an ARN's '/' →
/// "%2F") and once more in the SigV4 canonical URI; the URL is built from the encoded bytes so Qt sends it as is.
///
/// Credentials: the provider's api_key (already resolved into a Secret) holds
/// `ACCESS_KEY_ID:SECRET_ACCESS_KEY` for long-term keys or `ACCESS_KEY_ID:SECRET_ACCESS_KEY:SESSION_TOKEN` for
/// temporary (STS) credentials, e.g. `api_key: env:BEDROCK_CREDENTIALS`. Requests are signed with SigV4, service
/// "bedrock", over content-type, host and x-amz-date (plus x-amz-security-token, sent and signed, when a session token
/// is given). Anything else is a Validation failure whose message names only the key's reference, never its value.
///
/// Body: `messages[{role, content: [{text}]}]` (system messages of the conversation move into `system`),
/// `system: [{text}]` when non-empty, `inferenceConfig: {maxTokens, temperature, topP}` with only the values set
/// (maxTokens from the request, else the model's max_output_tokens), and `additionalModelRequestFields: {top_k}`
/// only when topK is set. Models are listed with a signed `GET
/// https://bedrock.{region}.amazonaws.com/foundation-models` (ListFoundationModels, `modelSummaries[].modelId`).
///
/// Signing needs the time: the clock is injectable so tests can recompute the signature.
class BedrockClient : public ProviderClient {
public:
    using Clock = std::function<QDateTime()>;

    /// The SigV4 service name of both Bedrock Runtime and the Bedrock control plane.
    static constexpr QLatin1String SigningService{"bedrock"};

    /// @p clock gives the signing time; empty = the current UTC time.
    explicit BedrockClient(Clock clock = {});

    QString kind() const override { return QStringLiteral("bedrock"); }
    Result<PreparedRequest> prepare(const ProviderRequest &request) const override;
    ProviderCall *start(const ProviderRequest &request, QNetworkAccessManager *manager,
                        QObject *parent = nullptr) const override;
    Result<PreparedRequest> prepareModelList(const ProviderSpec &provider, const Secret &apiKey) const override;
    Result<QStringList> parseModelList(const QByteArray &body) const override;

    /// Splits @p apiKey (see the class comment). The error never contains the secret value.
    static Result<Wire::SigV4Credentials> parseCredentials(const Secret &apiKey, const QString &providerId);

    /// The Converse (or, with @p stream, ConverseStream) URL for @p model in @p region.
    static Result<QUrl> converseUrl(const ProviderSpec &provider, const QString &region, const QString &model,
                                    bool stream);

private:
    /// Signs a request for @p url and returns it with X-Amz-Date, X-Amz-Security-Token and Authorization set.
    Result<PreparedRequest> signedRequest(const QByteArray &method, const QUrl &url, const QByteArray &body,
                                          const Wire::SigV4Credentials &credentials, const QString &region) const;
    static Result<QUrl> endpoint(const ProviderSpec &provider, const QString &region, const QString &awsHost,
                                 const QByteArray &encodedPath);

    Clock m_clock;
};

}  // namespace Switchyard
