#pragma once

#include "core/accounting/LiteLlmImportReport.h"
#include "core/common/Result.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace Switchyard {

class Database;

/**
 * Imports prices from LiteLLM's model_prices_and_context_window.json into the workspace.
 *
 * The file is one JSON object: model name → {input_cost_per_token, output_cost_per_token,
 * cache_read_input_token_cost, cache_creation_input_token_cost, output_cost_per_reasoning_token, max_input_tokens,
 * max_output_tokens, max_tokens, litellm_provider, mode, ...}. Prices there are USD per token; Switchyard stores USD
 * per 1K tokens, so each is multiplied by 1000 (and kept to 15 significant digits, so 1.5e-07 becomes exactly the
 * double nearest 0.00015).
 *
 * Entries used: every entry whose mode is chat, completion or responses (or absent) with numeric, non-negative
 * input and output prices. Skipped, with the reason in the report: `sample_spec` (LiteLLM's field documentation),
 * other modes (embedding, image_generation, ...), entries without an input or output price (missing or null),
 * non-numeric or negative prices, and entries that are not objects. Optional prices that are missing or null are
 * left empty (CostCalculator then bills those tokens at the base price).
 *
 * Matching: litellm_provider selects the provider kind (openai → openai; azure, azure_ai → azure_openai; anthropic →
 * anthropic; gemini and vertex_ai-language-models → gemini; bedrock, bedrock_converse → bedrock; groq; deepseek;
 * openrouter; ollama, ollama_chat → ollama; cohere, cohere_chat → cohere; volcengine, byteplus → byteplus). The model
 * id is the key without its provider prefix ("gemini/gemini-2.5-pro" → "gemini-2.5-pro", "openrouter/meta-llama/x" →
 * "meta-llama/x", "bedrock/us-east-1/m" → "m" in region us-east-1). Each workspace provider of that kind that lists
 * the model gets the price. When several entries price the same workspace model, a region-specific entry for the
 * provider's default region wins, then an entry of the kind's own LiteLLM provider (gemini over
 * vertex_ai-language-models), then the first in key order; the losers are reported as skipped.
 *
 * All matches are written with ProviderRepository::upsertPrice(..., PriceSource::LiteLlm) in one transaction: either
 * every price is stored or none is. Manual and providers.yaml prices still win (see PriceCatalogue).
 */
class LiteLlmPriceImporter {
public:
    explicit LiteLlmPriceImporter(Database &database);

    /// Reads @p path and imports it. Error::Io when the file cannot be read; see importJson().
    Result<LiteLlmImportReport> importFile(const QString &path);

    /// Imports @p json (the file's content). @p fileName is used in error messages. Error::InvalidInput with the
    /// 1-based line and column for malformed JSON or a top level that is not an object; Error::Database when the
    /// prices could not be stored (nothing was changed).
    Result<LiteLlmImportReport> importJson(const QByteArray &json, const QString &fileName = QString());

    /// The Switchyard provider kind of a LiteLLM `litellm_provider` name; empty for providers Switchyard has no
    /// adapter for.
    static std::optional<QString> providerKind(const QString &litellmProvider);

private:
    Database &m_database;
};

}  // namespace Switchyard
