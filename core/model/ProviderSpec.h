#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Switchyard {

/// Prices in US dollars per 1,000 tokens of each kind. Kinds a provider does not bill are empty.
struct Price {
    double inputPer1k = 0.0;
    double outputPer1k = 0.0;
    std::optional<double> cachedInputPer1k;
    std::optional<double> cacheWritePer1k;
    std::optional<double> reasoningPer1k;  ///< empty = billed as output
    bool operator==(const Price &) const = default;
};

/// A model a provider serves, with the limits and prices routing and accounting need.
struct ModelSpec {
    QString id;  ///< the provider's model id, e.g. "gpt-4o-mini" or "deepseek.r1-v1:0"
    QString displayName;
    int contextWindow = 0;
    int maxOutputTokens = 0;
    Price price;
    QStringList capabilities;  ///< e.g. chat, streaming, vision, tools, reasoning
    bool operator==(const ModelSpec &) const = default;
};

struct RateLimits {
    int requestsPerMinute = 0;  ///< 0 = unlimited
    int tokensPerMinute = 0;    ///< 0 = unlimited
    bool operator==(const RateLimits &) const = default;
};

struct Timeouts {
    int connectMs = 10000;
    int firstTokenMs = 60000;
    int idleMs = 30000;
    int totalMs = 180000;
    bool operator==(const Timeouts &) const = default;
};

/// A provider endpoint of the workspace. The API key is a reference ("env:OPENAI_API_KEY", "keychain:openai",
/// or "${OPENAI_API_KEY}" as written in providers.yaml), never the key itself.
struct ProviderSpec {
    QString id;    ///< workspace-unique name, e.g. "openai", "bedrock", "my-vllm"
    QString kind;  ///< wire format: openai, azure_openai, openrouter, groq, deepseek, byteplus, openai_compatible,
                   ///< ollama, anthropic, gemini, bedrock, cohere, simulator
    QString displayName;
    QString baseUrl;
    QString apiKeyRef;
    QString apiVersion;   ///< Azure OpenAI api-version
    QString region;       ///< default region
    QStringList regions;  ///< regions the provider may be called in (Bedrock)
    RateLimits rateLimits;
    Timeouts timeouts;
    QList<ModelSpec> models;
    bool operator==(const ProviderSpec &) const = default;
};

/// One hop of a fallback chain.
struct ChainHop {
    QString provider;
    QString model;
    QString region;  ///< empty = inherit the caller's / provider default
    bool operator==(const ChainHop &) const = default;
};

/// A named fallback chain ("default", "premium", ...), tried in order.
struct ChainSpec {
    QString name;
    QString description;
    QList<ChainHop> hops;
    bool operator==(const ChainSpec &) const = default;
};

/// A per-provider/model rule: when `match` fails, try `then` in order before the universal fallback.
struct FallbackRule {
    ChainHop match;  ///< model empty = any model of the provider; region empty = any region
    QList<ChainHop> then;
    bool operator==(const FallbackRule &) const = default;
};

struct CircuitBreakerSpec {
    double failureRateThreshold = 0.5;  ///< 0..1
    int minimumCalls = 5;
    int windowSeconds = 60;
    int openSeconds = 30;
    bool operator==(const CircuitBreakerSpec &) const = default;
};

/// Everything providers.yaml holds.
struct ProvidersConfig {
    QList<ProviderSpec> providers;
    QList<ChainSpec> chains;
    QList<FallbackRule> rules;
    std::optional<ChainHop> universalFallback;
    CircuitBreakerSpec circuitBreaker;
    bool operator==(const ProvidersConfig &) const = default;
};

}  // namespace Switchyard
