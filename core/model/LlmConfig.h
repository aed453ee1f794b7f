#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace Switchyard {

/// One way a bot can call a model: provider, model, sampling parameters, prompt and fallback chain.
struct LlmConfig {
    qint64 id = 0;
    qint64 botId = 0;
    QString name;      ///< human label, e.g. "Gemini Pro (prod)"
    QString provider;  ///< provider id from providers.yaml, e.g. "gemini"
    QString model;     ///< model id, e.g. "gemini-2.5-pro"
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int> topK;
    std::optional<int> maxOutputTokens;
    QString promptKey;
    std::optional<int> promptVersion;  ///< pinned version; when empty, promptLabel decides
    QString promptLabel;               ///< e.g. "production"; used when no version is pinned
    QString chain;                     ///< named fallback chain; empty = provider/model rules + universal fallback
    QString region;                    ///< Bedrock and other regional providers
    QJsonObject metadata;
    bool active = false;
    QDateTime created;
    QDateTime updated;
};

}  // namespace Switchyard
