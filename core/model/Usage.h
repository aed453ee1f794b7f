#pragma once

#include <QtGlobal>

namespace Switchyard {

/// Tokens of one call by kind, normalised across providers so that cost = Σ kind × price never counts a token twice.
///
/// Adapters convert each provider's semantics into these disjoint buckets: OpenAI's prompt_tokens INCLUDE
/// cached_tokens (input = prompt_tokens - cached_tokens); Anthropic's input_tokens EXCLUDE cache reads and writes
/// (input = input_tokens); DeepSeek reports cache hit / miss (input = miss, cachedInput = hit); reasoning tokens are
/// part of OpenAI's completion_tokens (output = completion_tokens - reasoning_tokens) and separate in Gemini
/// (thoughtsTokenCount).
struct Usage {
    qint64 input = 0;        ///< prompt tokens billed at the input price (no cache reads, no cache writes)
    qint64 cachedInput = 0;  ///< prompt tokens read from the provider's prompt cache
    qint64 cacheWrite = 0;   ///< prompt tokens written to the prompt cache (Anthropic)
    qint64 output = 0;       ///< generated visible tokens (no reasoning)
    qint64 reasoning = 0;    ///< hidden reasoning / thinking tokens

    qint64 totalInput() const { return input + cachedInput + cacheWrite; }
    qint64 totalOutput() const { return output + reasoning; }
    qint64 total() const { return totalInput() + totalOutput(); }

    Usage &operator+=(const Usage &other)
    {
        input += other.input;
        cachedInput += other.cachedInput;
        cacheWrite += other.cacheWrite;
        output += other.output;
        reasoning += other.reasoning;
        return *this;
    }
    bool operator==(const Usage &) const = default;
};

}  // namespace Switchyard
