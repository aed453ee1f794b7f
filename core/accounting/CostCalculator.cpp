#include "core/accounting/CostCalculator.h"

#include "core/accounting/PriceCatalogue.h"

#include <cmath>

namespace Switchyard {

namespace {

/// USD per 1K tokens → nano-dollars per 1K tokens, which is also pico-dollars per token.
qint64 picoPerToken(double per1k)
{
    return qint64(std::llround(per1k * 1e9));
}

/// Pico-dollars → nano-dollars, half away from zero.
qint64 roundPicoToNano(qint64 pico)
{
    return pico >= 0 ? (pico + 500) / 1000 : -((-pico + 500) / 1000);
}

struct Bucket {
    qint64 tokens;
    qint64 picoPerToken;
};

}  // namespace

CostCalculator::CostCalculator(const PriceCatalogue &catalogue) : m_catalogue(catalogue) {}

qint64 CostCalculator::costNanoUsd(const Usage &usage, const Price &price)
{
    const qint64 input = picoPerToken(price.inputPer1k);
    const qint64 output = picoPerToken(price.outputPer1k);
    const Bucket buckets[] = {
        {usage.input, input},
        {usage.cachedInput, price.cachedInputPer1k ? picoPerToken(*price.cachedInputPer1k) : input},
        {usage.cacheWrite, price.cacheWritePer1k ? picoPerToken(*price.cacheWritePer1k) : input},
        {usage.output, output},
        {usage.reasoning, price.reasoningPer1k ? picoPerToken(*price.reasoningPer1k) : output},
    };
    qint64 pico = 0;
    bool overflow = false;
    for (const Bucket &bucket : buckets) {
        qint64 product = 0;
        if (__builtin_mul_overflow(bucket.tokens, bucket.picoPerToken, &product) ||
            __builtin_add_overflow(pico, product, &pico)) {
            overflow = true;
            break;
        }
    }
    if (!overflow)
        return roundPicoToNano(pico);
    long double total = 0;
    for (const Bucket &bucket : buckets)
        total += static_cast<long double>(bucket.tokens) * static_cast<long double>(bucket.picoPerToken);
    return qint64(std::llroundl(total / 1000.0L));
}

double CostCalculator::costUsd(const Usage &usage, const Price &price)
{
    return nanoToUsd(costNanoUsd(usage, price));
}

QStringList CostCalculator::priceCall(CallRecord &call) const
{
    QStringList unpriced;
    const auto priceOf = [&](const QString &provider, const QString &model) -> std::optional<Price> {
        if (const auto record = m_catalogue.find(provider, model))
            return record->price;
        const QString name = provider + QLatin1Char('/') + model;
        if (!unpriced.contains(name))
            unpriced.append(name);
        return std::nullopt;
    };

    bool attemptUsage = false;
    for (const AttemptRecord &attempt : std::as_const(call.attempts))
        attemptUsage = attemptUsage || attempt.usage != Usage{};

    if (!attemptUsage) {
        for (AttemptRecord &attempt : call.attempts)
            attempt.costUsd = 0.0;
        call.costUsd = 0.0;
        if (call.usage != Usage{} && !call.servedProvider.isEmpty()) {
            if (const auto price = priceOf(call.servedProvider, call.servedModel))
                call.costUsd = costUsd(call.usage, *price);
        }
        return unpriced;
    }

    Usage total;
    qint64 totalNano = 0;
    for (AttemptRecord &attempt : call.attempts) {
        attempt.costUsd = 0.0;
        if (attempt.usage == Usage{})
            continue;
        total += attempt.usage;
        if (const auto price = priceOf(attempt.provider, attempt.model)) {
            const qint64 nano = costNanoUsd(attempt.usage, *price);
            attempt.costUsd = nanoToUsd(nano);
            totalNano += nano;
        }
    }
    call.usage = total;
    call.costUsd = nanoToUsd(totalNano);
    return unpriced;
}

}  // namespace Switchyard
