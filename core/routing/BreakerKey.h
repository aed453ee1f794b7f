#pragma once

#include <QString>
#include <tuple>

namespace Switchyard {

/// What a circuit breaker guards: one provider + model (+ region, for regional providers such as Bedrock).
struct BreakerKey {
    QString provider;
    QString model;
    QString region;  ///< empty for providers without regions

    /// "provider/model@region" (or "provider/model"): how the CLI and the studio name a breaker.
    QString toString() const
    {
        const QString base = provider + QLatin1Char('/') + model;
        return region.isEmpty() ? base : base + QLatin1Char('@') + region;
    }

    /// Parses toString()'s form. The model may contain '/' (OpenRouter "vendor/model"), so the first '/' splits.
    static BreakerKey fromString(const QString &text)
    {
        BreakerKey key;
        QString rest = text;
        const int at = rest.lastIndexOf(QLatin1Char('@'));
        if (at >= 0) {
            key.region = rest.mid(at + 1);
            rest.truncate(at);
        }
        const int slash = rest.indexOf(QLatin1Char('/'));
        key.provider = slash >= 0 ? rest.left(slash) : rest;
        key.model = slash >= 0 ? rest.mid(slash + 1) : QString();
        return key;
    }

    bool operator==(const BreakerKey &) const = default;
    bool operator<(const BreakerKey &other) const
    {
        return std::tie(provider, model, region) < std::tie(other.provider, other.model, other.region);
    }
};

}  // namespace Switchyard
