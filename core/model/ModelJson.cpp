#include "ModelJson.h"

#include <QJsonValue>

namespace Switchyard {
namespace {

QJsonValue time(const QDateTime &value)
{
    return value.isValid() ? QJsonValue(value.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

template <typename T> QJsonValue optional(const std::optional<T> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonValue text(const QString &value)
{
    return value.isEmpty() ? QJsonValue() : QJsonValue(value);
}

}  // namespace

QJsonObject toJson(const Bot &bot)
{
    return {
        {QStringLiteral("id"), bot.id},
        {QStringLiteral("uuid"), bot.uuid},
        {QStringLiteral("name"), bot.name},
        {QStringLiteral("slug"), bot.slug},
        {QStringLiteral("description"), bot.description},
        {QStringLiteral("avatar"), text(bot.avatar)},
        {QStringLiteral("status"), bot.status},
        {QStringLiteral("type"), text(bot.type)},
        {QStringLiteral("rank"), bot.rank},
        {QStringLiteral("metadata"), bot.metadata},
        {QStringLiteral("launched"), time(bot.launched)},
        {QStringLiteral("created"), time(bot.created)},
        {QStringLiteral("updated"), time(bot.updated)},
        {QStringLiteral("deleted"), time(bot.deleted)},
    };
}

QJsonObject toJson(const LlmConfig &config)
{
    QJsonObject prompt;
    if (!config.promptKey.isEmpty()) {
        prompt = {{QStringLiteral("key"), config.promptKey},
                  {QStringLiteral("version"), optional(config.promptVersion)},
                  {QStringLiteral("label"), text(config.promptLabel)}};
    }
    return {
        {QStringLiteral("id"), config.id},
        {QStringLiteral("bot_id"), config.botId},
        {QStringLiteral("name"), config.name},
        {QStringLiteral("provider"), config.provider},
        {QStringLiteral("model"), config.model},
        {QStringLiteral("region"), text(config.region)},
        {QStringLiteral("temperature"), optional(config.temperature)},
        {QStringLiteral("top_p"), optional(config.topP)},
        {QStringLiteral("top_k"), optional(config.topK)},
        {QStringLiteral("max_output_tokens"), optional(config.maxOutputTokens)},
        {QStringLiteral("prompt"), prompt.isEmpty() ? QJsonValue() : QJsonValue(prompt)},
        {QStringLiteral("chain"), text(config.chain)},
        {QStringLiteral("metadata"), config.metadata},
        {QStringLiteral("active"), config.active},
        {QStringLiteral("created"), time(config.created)},
        {QStringLiteral("updated"), time(config.updated)},
    };
}

QJsonObject toJson(const PromptVersion &version, bool withBody)
{
    QJsonObject object{
        {QStringLiteral("key"), version.key},
        {QStringLiteral("version"), version.version},
        {QStringLiteral("author"), text(version.author)},
        {QStringLiteral("note"), text(version.note)},
        {QStringLiteral("sha256"), version.contentHash},
        {QStringLiteral("created"), time(version.created)},
    };
    if (withBody)
        object.insert(QStringLiteral("body"), version.body);
    return object;
}

QJsonObject toJson(const PromptLabel &label)
{
    return {{QStringLiteral("key"), label.key},
            {QStringLiteral("label"), label.label},
            {QStringLiteral("version"), label.version},
            {QStringLiteral("updated"), time(label.updated)}};
}

QJsonObject toJson(const LabelMove &move)
{
    return {{QStringLiteral("key"), move.key},
            {QStringLiteral("label"), move.label},
            {QStringLiteral("from_version"), optional(move.fromVersion)},
            {QStringLiteral("to_version"), move.toVersion},
            {QStringLiteral("moved_by"), text(move.movedBy)},
            {QStringLiteral("moved_at"), time(move.movedAt)}};
}

}  // namespace Switchyard
