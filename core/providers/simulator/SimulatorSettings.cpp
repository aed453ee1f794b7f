#include "core/providers/simulator/SimulatorSettings.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

namespace Switchyard {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SimulatorSettings", text);
}

struct KindName {
    SimulatedFailure::Kind kind;
    const char *name;
};

constexpr KindName kKindNames[] = {
    {SimulatedFailure::Kind::RateLimited, "rate_limited"},
    {SimulatedFailure::Kind::ServerError, "server_error"},
    {SimulatedFailure::Kind::Unavailable, "unavailable"},
    {SimulatedFailure::Kind::Overloaded, "overloaded"},
    {SimulatedFailure::Kind::ConnectionReset, "connection_reset"},
    {SimulatedFailure::Kind::NoResponse, "no_response"},
    {SimulatedFailure::Kind::SlowFirstToken, "slow_first_token"},
    {SimulatedFailure::Kind::StreamCut, "stream_cut"},
    {SimulatedFailure::Kind::StreamStall, "stream_stall"},
    {SimulatedFailure::Kind::MalformedChunk, "malformed_chunk"},
    {SimulatedFailure::Kind::MissingTerminator, "missing_terminator"},
    {SimulatedFailure::Kind::ContextLength, "context_length"},
    {SimulatedFailure::Kind::ContentFilter, "content_filter"},
};

Result<int> nonNegative(const QUrlQuery &query, const QString &key, int fallback, int minimum)
{
    if (!query.hasQueryItem(key))
        return fallback;
    bool ok = false;
    const int value = query.queryItemValue(key).toInt(&ok);
    if (!ok || value < minimum) {
        return Error::make(Error::Code::InvalidInput,
                           tr("simulator setting '%1' must be a whole number of at least %2, got '%3'")
                               .arg(key)
                               .arg(minimum)
                               .arg(query.queryItemValue(key)));
    }
    return value;
}

}  // namespace

QString SimulatedFailure::name(Kind kind)
{
    for (const KindName &entry : kKindNames) {
        if (entry.kind == kind)
            return QString::fromLatin1(entry.name);
    }
    return QStringLiteral("none");
}

std::optional<SimulatedFailure::Kind> SimulatedFailure::fromName(const QString &name)
{
    for (const KindName &entry : kKindNames) {
        if (name == QLatin1String(entry.name))
            return entry.kind;
    }
    return std::nullopt;
}

Result<SimulatorSettings> SimulatorSettings::fromBaseUrl(const QString &baseUrl)
{
    SimulatorSettings settings;
    if (baseUrl.trimmed().isEmpty())
        return settings;
    const QUrl url(baseUrl, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QStringLiteral("simulator")) {
        return Error::make(
            Error::Code::InvalidInput,
            tr("a simulator's base_url must look like simulator://local?latency_ms=200, got '%1'").arg(baseUrl));
    }
    const QUrlQuery query(url);
    auto latency = nonNegative(query, QStringLiteral("latency_ms"), settings.latencyMs, 0);
    auto speed = nonNegative(query, QStringLiteral("tokens_per_second"), settings.tokensPerSecond, 1);
    auto retryAfter = nonNegative(query, QStringLiteral("retry_after_ms"), settings.retryAfterMs, 0);
    auto slow = nonNegative(query, QStringLiteral("slow_first_token_ms"), settings.slowFirstTokenMs, 0);
    for (const auto *value : {&latency, &speed, &retryAfter, &slow}) {
        if (!*value)
            return value->error();
    }
    settings.latencyMs = *latency;
    settings.tokensPerSecond = *speed;
    settings.retryAfterMs = *retryAfter;
    settings.slowFirstTokenMs = *slow;

    static const QStringList known{QStringLiteral("latency_ms"), QStringLiteral("tokens_per_second"),
                                   QStringLiteral("retry_after_ms"), QStringLiteral("slow_first_token_ms")};
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (known.contains(key))
            continue;
        if (!key.startsWith(QStringLiteral("fail."))) {
            return Error::make(Error::Code::InvalidInput,
                               tr("unknown simulator setting '%1'; use latency_ms, tokens_per_second, retry_after_ms, "
                                  "slow_first_token_ms or fail.MODEL=KIND[*TIMES]")
                                   .arg(key));
        }
        const QString model = key.mid(5);
        const QStringList parts = value.split(QLatin1Char('*'));
        const auto kind = SimulatedFailure::fromName(parts.first());
        if (model.isEmpty() || !kind || parts.size() > 2) {
            QStringList names;
            for (const KindName &entry : kKindNames)
                names << QString::fromLatin1(entry.name);
            return Error::make(
                Error::Code::InvalidInput,
                tr("simulator failure '%1=%2' is not valid; write fail.MODEL=KIND or KIND*TIMES with KIND one of: %3")
                    .arg(key, value, names.join(QStringLiteral(", "))));
        }
        SimulatedFailure failure{*kind, -1};
        if (parts.size() == 2) {
            bool ok = false;
            failure.times = parts.at(1).toInt(&ok);
            if (!ok || failure.times < 1)
                return Error::make(Error::Code::InvalidInput,
                                   tr("simulator failure '%1': TIMES must be 1 or more").arg(key));
        }
        settings.failures.insert(model, failure);
    }
    return settings;
}

}  // namespace Switchyard
