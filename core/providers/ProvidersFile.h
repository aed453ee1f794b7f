#pragma once

#include "core/common/Result.h"
#include "core/common/Warning.h"
#include "core/model/ProviderSpec.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Switchyard {

/// A parsed providers.yaml and the warnings (unknown keys, likely typos) found on the way.
struct ParsedProviders {
    ProvidersConfig config;
    QList<Warning> warnings;
};

/**
 * Reads and writes providers.yaml, the file admins keep in version control.
 *
 * @code{.yaml}
 * providers:
 *   openai:                              # provider id, [A-Za-z0-9_.-]+ (file order is kept)
 *     kind: openai                       # openai|azure_openai|openrouter|groq|deepseek|byteplus|openai_compatible|
 *                                        # ollama|anthropic|gemini|bedrock|cohere|simulator
 *     display_name: OpenAI
 *     base_url: https://api.openai.com   # required for azure_openai and openai_compatible
 *     api_key: ${OPENAI_API_KEY}         # a reference: ${ENV}, env:NAME or keychain:NAME — never a literal key
 *     api_version: 2024-10-21            # azure_openai only
 *     region: ap-south-1                 # default region (bedrock); must be one of regions when both are given
 *     regions: [ap-south-1, us-east-1]
 *     rate_limits: {rpm: 500, tpm: 200000}            # 0 or absent = unlimited
 *     timeouts: {connect_ms: 10000, first_token_ms: 60000, idle_ms: 30000, total_ms: 180000}
 *     models:
 *       gpt-4o-mini:                     # the provider's model id
 *         display_name: GPT-4o mini
 *         context_window: 128000
 *         max_output: 16384
 *         pricing: {input: 0.00015, output: 0.0006, cached_input: 0.000075}  # USD per 1K tokens; also
 *                                        # cache_write and reasoning; none may be negative
 *         capabilities: [chat, streaming, tools, vision]
 * failover_chains:
 *   default:                             # chain name
 *     description: Gemini pro, then flash
 *     hops:                              # provider must exist; model must be one of its models when it lists any;
 *       - {provider: gemini, model: gemini-2.5-pro}      # region (optional) one of its regions when it lists any
 *       - {provider: gemini, model: gemini-2.5-flash}
 * fallback_rules:                        # when `match` fails, try `then` in order before the universal fallback
 *   - match: {provider: bedrock, model: deepseek.r1-v1:0, region: ap-south-1}   # model and region optional
 *     then:
 *       - {provider: byteplus, model: deepseek-r1}
 * universal_fallback: {provider: gemini, model: gemini-2.0-flash}
 * circuit_breaker: {failure_rate_threshold: 0.5, minimum_calls: 5, window_seconds: 60, open_seconds: 30}
 * @endcode
 *
 * Errors (code InvalidInput) carry the file name and 1-based line/column; unknown keys are warnings with a
 * did-you-mean suggestion.
 */
class ProvidersFile {
public:
    /**
     * Parses and validates providers.yaml. Rejects: YAML syntax errors; input too large or too deeply nested
     * (YamlGuard); unknown kinds; wrong value types; negative prices or limits; duplicate provider, model or chain
     * names; chain hops, rules and the universal fallback that name an unknown provider, model or region; and an
     * `api_key` that is not a reference — that error never contains the value.
     */
    static Result<ParsedProviders> parse(const QByteArray &yaml, const QString &fileName);

    /// @p config as providers.yaml (the format above). For any config parse() accepts, parse() of the result gives
    /// back an equal config. Timeouts equal to the defaults and empty fields are left out.
    static QByteArray serialize(const ProvidersConfig &config);

    /// The provider kinds Switchyard has adapters for.
    static const QStringList &knownKinds();

    /// True for "${NAME}", "env:NAME" and "keychain:NAME" — the only forms an api_key may take.
    static bool isKeyReference(const QString &value);

    /// The environment variable a provider's key is suggested under: "my-vllm" → "MY_VLLM_API_KEY".
    static QString suggestedKeyVariable(const QString &providerId);
};

}  // namespace Switchyard
