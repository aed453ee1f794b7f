#pragma once

#include "core/model/Bot.h"
#include "core/model/LlmConfig.h"
#include "core/model/PromptVersion.h"

#include <QJsonObject>

namespace Switchyard {

/// JSON forms of the model types, as the CLI prints them and exports write them. Keys are snake_case; empty
/// optionals are null; times are ISO-8601 UTC.
QJsonObject toJson(const Bot &bot);
QJsonObject toJson(const LlmConfig &config);
/// @p withBody false leaves out the YAML text (for listings).
QJsonObject toJson(const PromptVersion &version, bool withBody = true);
QJsonObject toJson(const PromptLabel &label);
QJsonObject toJson(const LabelMove &move);

}  // namespace Switchyard
