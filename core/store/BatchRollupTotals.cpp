#include "core/store/BatchRollupTotals.h"

#include "core/store/CallRowText.h"

#include <QByteArrayView>
#include <QtNumeric>
#include <charconv>
#include <cstring>
#include <limits>

namespace Switchyard {

namespace {

/// The value as SQLite's `v || ','` writes it.
void appendValue(QByteArray &values, qint64 value)
{
    char digits[24];  // 20 digits and a sign at most
    const auto end = std::to_chars(digits, digits + 21, value).ptr;
    values.append(digits, end - digits);
    values.append(',');
}

QByteArrayView dayView(const BatchRollupTotals::Day &day)
{
    return QByteArrayView(day.data(), qsizetype(day.size()));
}

}  // namespace

qint64 BatchRollupTotals::costMicroUsd(double costUsd)
{
    double r = costUsd * 1000000;
    if (r >= -4503599627370496.0 && r <= 4503599627370496.0)
        r = double(qint64(r + (r < 0 ? -0.5 : +0.5)));
    constexpr qint64 Largest = std::numeric_limits<qint64>::max();
    constexpr qint64 Smallest = std::numeric_limits<qint64>::min();
    if (r <= double(Smallest))
        return Smallest;
    if (r >= double(Largest))
        return Largest;
    return qint64(r);
}

void BatchRollupTotals::addChecked(qint64 &total, qint64 value)
{
    if (qAddOverflow(total, value, &total))
        m_exact = false;
}

void BatchRollupTotals::add(const CallRecord &call)
{
    char created[32];
    CallRowText::formatTimestamp(call.createdAt, created);
    Day day;
    std::memcpy(day.data(), created, day.size());
    const QString status = CallRecord::statusName(call.status);
    const bool served = !call.servedProvider.isEmpty();

    DailyKey key{day,
                 call.botId.value_or(0),
                 call.configId.value_or(0),
                 served ? call.servedProvider : call.requestedProvider,
                 served ? call.servedModel : call.requestedModel,
                 call.promptKey,
                 call.promptVersion.value_or(0),
                 status,
                 CallRowText::errorClass(call.errorClass)};
    DailyTotals &daily = m_daily[key];
    addChecked(daily.calls, 1);
    addChecked(daily.inputTokens, call.usage.input);
    addChecked(daily.cachedInputTokens, call.usage.cachedInput);
    addChecked(daily.cacheWriteTokens, call.usage.cacheWrite);
    addChecked(daily.outputTokens, call.usage.output);
    addChecked(daily.reasoningTokens, call.usage.reasoning);
    addChecked(daily.costMicroUsd, costMicroUsd(call.costUsd));

    for (const AttemptRecord &attempt : call.attempts) {
        if (attempt.hopIndex > 0 && AttemptRecord::outcomeName(attempt.outcome) == QLatin1String("ok"))
            addChecked(m_fallbacks[FallbackKey{key, attempt.hopIndex}], 1);
    }

    if (status != QLatin1String("ok"))
        return;
    LatencyTotals &latency = m_latency[LatencyKey{day, key.botId, key.configId, call.servedProvider, call.servedModel,
                                                  call.promptKey, key.promptVersion}];
    addChecked(latency.calls, 1);
    if (call.latencyMs)
        appendValue(latency.latencies, *call.latencyMs);
    if (call.ttftMs)
        appendValue(latency.ttfts, *call.ttftMs);
}

void BatchRollupTotals::clear()
{
    m_daily.clear();
    m_fallbacks.clear();
    m_latency.clear();
    m_exact = true;
}

size_t qHash(const BatchRollupTotals::DailyKey &key, size_t seed)
{
    return qHashMulti(seed, dayView(key.day), key.botId, key.configId, key.provider, key.model, key.promptKey,
                      key.promptVersion, key.status, key.errorClass);
}

size_t qHash(const BatchRollupTotals::FallbackKey &key, size_t seed)
{
    return qHashMulti(seed, key.call, key.hopIndex);
}

size_t qHash(const BatchRollupTotals::LatencyKey &key, size_t seed)
{
    return qHashMulti(seed, dayView(key.day), key.botId, key.configId, key.provider, key.model, key.promptKey,
                      key.promptVersion);
}

}  // namespace Switchyard
