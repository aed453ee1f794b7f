#include "WorkspaceSeed.h"

#include "core/common/YamlReader_p.h"
#include "core/workspace/PromptReference.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Switchyard {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WorkspaceSeed", text);
}

/// Reads one field of a mapping entry when present; each helper returns an error or stores into @p target.
class FieldReader {
public:
    FieldReader(YamlReader &reader, const YAML::Node &mapping) : m_reader(reader), m_mapping(mapping) {}

    YAML::Node keyNode(const char *name) const
    {
        for (auto it = m_mapping.begin(); it != m_mapping.end(); ++it) {
            if (it->first.Scalar() == name)
                return it->first;
        }
        return {};
    }
    bool has(const char *name) const { return bool(m_mapping[name]); }

    Result<void> text(const char *name, QString &target)
    {
        if (!has(name))
            return {};
        auto value = m_reader.text(m_mapping[name], QString::fromLatin1(name), keyNode(name));
        if (!value)
            return value.error();
        target = *value;
        return {};
    }
    Result<void> number(const char *name, std::optional<double> &target, double min, double max,
                        const QString &expected)
    {
        if (!has(name))
            return {};
        auto value = m_reader.number(m_mapping[name], QString::fromLatin1(name), min, max, expected, keyNode(name));
        if (!value)
            return value.error();
        target = *value;
        return {};
    }
    Result<void> integer(const char *name, std::optional<int> &target, qint64 min, qint64 max, const QString &expected)
    {
        if (!has(name))
            return {};
        auto value = m_reader.integer(m_mapping[name], QString::fromLatin1(name), min, max, expected, keyNode(name));
        if (!value)
            return value.error();
        target = *value;
        return {};
    }
    Result<void> object(const char *name, QJsonObject &target)
    {
        if (!has(name))
            return {};
        const YAML::Node node = m_mapping[name];
        if (!node.IsMap())
            return m_reader.errorAt(
                node, tr("%1 must be a mapping, got %2").arg(QString::fromLatin1(name), YamlReader::describe(node)),
                keyNode(name));
        auto value = m_reader.json(node, QString::fromLatin1(name));
        if (!value)
            return value.error();
        target = value->toObject();
        return {};
    }

private:
    YamlReader &m_reader;
    YAML::Node m_mapping;
};

Result<LlmConfig> readConfig(YamlReader &reader, const YAML::Node &node, const QString &botName)
{
    const QString what = tr("a config of bot '%1'").arg(botName);
    SWITCHYARD_TRY(
        reader.checkMapping(node, what,
                            {QStringLiteral("name"), QStringLiteral("provider"), QStringLiteral("model"),
                             QStringLiteral("region"), QStringLiteral("temperature"), QStringLiteral("top_p"),
                             QStringLiteral("top_k"), QStringLiteral("max_output_tokens"), QStringLiteral("prompt"),
                             QStringLiteral("chain"), QStringLiteral("metadata"), QStringLiteral("active")}));
    FieldReader fields(reader, node);
    LlmConfig config;
    SWITCHYARD_TRY(fields.text("name", config.name));
    SWITCHYARD_TRY(fields.text("provider", config.provider));
    SWITCHYARD_TRY(fields.text("model", config.model));
    if (config.provider.isEmpty() || config.model.isEmpty())
        return reader.errorAt(node, tr("%1 needs both 'provider' and 'model'").arg(what));
    if (config.name.isEmpty())
        config.name = config.provider + QLatin1Char('/') + config.model;
    SWITCHYARD_TRY(fields.text("region", config.region));
    SWITCHYARD_TRY(fields.number("temperature", config.temperature, 0, 2, tr("a number between 0 and 2")));
    SWITCHYARD_TRY(fields.number("top_p", config.topP, 0, 1, tr("a number between 0 and 1")));
    SWITCHYARD_TRY(fields.integer("top_k", config.topK, 1, 1000, tr("a whole number between 1 and 1000")));
    SWITCHYARD_TRY(
        fields.integer("max_output_tokens", config.maxOutputTokens, 1, 10000000, tr("a positive whole number")));
    SWITCHYARD_TRY(fields.text("chain", config.chain));
    SWITCHYARD_TRY(fields.object("metadata", config.metadata));
    QString prompt;
    SWITCHYARD_TRY(fields.text("prompt", prompt));
    if (!prompt.isEmpty()) {
        auto reference = PromptReference::parse(prompt);
        if (!reference)
            return reader.errorAt(node["prompt"], reference.error().message);
        config.promptKey = reference->key;
        config.promptVersion = reference->version;
        config.promptLabel = reference->label;
    }
    if (fields.has("active")) {
        auto active = reader.boolean(node["active"], QStringLiteral("active"), fields.keyNode("active"));
        if (!active)
            return active.error();
        config.active = *active;
    }
    return config;
}

Result<SeedBot> readBot(YamlReader &reader, const YAML::Node &node)
{
    SWITCHYARD_TRY(
        reader.checkMapping(node, tr("a bot"),
                            {QStringLiteral("name"), QStringLiteral("slug"), QStringLiteral("description"),
                             QStringLiteral("avatar"), QStringLiteral("status"), QStringLiteral("type"),
                             QStringLiteral("rank"), QStringLiteral("metadata"), QStringLiteral("configs")}));
    FieldReader fields(reader, node);
    SeedBot seed;
    Bot &bot = seed.bot;
    SWITCHYARD_TRY(fields.text("name", bot.name));
    if (bot.name.trimmed().isEmpty())
        return reader.errorAt(node, tr("every bot needs a 'name'"));
    SWITCHYARD_TRY(fields.text("slug", bot.slug));
    SWITCHYARD_TRY(fields.text("description", bot.description));
    SWITCHYARD_TRY(fields.text("avatar", bot.avatar));
    SWITCHYARD_TRY(fields.text("status", bot.status));
    static const QStringList statuses{QStringLiteral("draft"), QStringLiteral("live"), QStringLiteral("archived")};
    if (!statuses.contains(bot.status)) {
        return reader.errorAt(
            node["status"],
            tr("status of bot '%1' must be draft, live or archived, got '%2'").arg(bot.name, bot.status));
    }
    SWITCHYARD_TRY(fields.text("type", bot.type));
    std::optional<int> rank;
    SWITCHYARD_TRY(fields.integer("rank", rank, 0, 1000000, tr("a whole number of 0 or more")));
    bot.rank = rank.value_or(0);
    SWITCHYARD_TRY(fields.object("metadata", bot.metadata));

    const YAML::Node configs = node["configs"];
    if (configs && !configs.IsSequence())
        return reader.errorAt(configs, tr("'configs' of bot '%1' must be a list").arg(bot.name));
    int active = 0;
    for (const YAML::Node &configNode : configs) {
        auto config = readConfig(reader, configNode, bot.name);
        if (!config)
            return config.error();
        if (config->active && ++active > 1)
            return reader.errorAt(
                configNode,
                tr("bot '%1' has more than one active config; mark exactly one 'active: true'").arg(bot.name));
        seed.configs.append(*config);
    }
    return seed;
}

}  // namespace

Result<WorkspaceSeed> WorkspaceSeed::parse(const QByteArray &yaml, const QString &fileName)
{
    YamlReader reader(fileName);
    auto root = reader.load(yaml, tr("a workspace file holds 'bots:' and optionally 'prompt_labels:'"));
    if (!root)
        return root.error();
    SWITCHYARD_TRY(reader.checkMapping(*root, tr("the workspace file"),
                                       {QStringLiteral("bots"), QStringLiteral("prompt_labels")}));
    WorkspaceSeed seed;
    try {
        const YAML::Node bots = (*root)["bots"];
        if (bots && !bots.IsSequence())
            return reader.errorAt(bots, tr("'bots' must be a list of bots"));
        for (const YAML::Node &botNode : bots) {
            auto bot = readBot(reader, botNode);
            if (!bot)
                return bot.error();
            seed.bots.append(*bot);
        }
        const YAML::Node labels = (*root)["prompt_labels"];
        if (labels && !labels.IsMap())
            return reader.errorAt(labels, tr("'prompt_labels' must map prompt keys to {label: version}"));
        for (auto prompt = labels.begin(); prompt != labels.end(); ++prompt) {
            const QString key = YamlReader::keyText(prompt->first);
            if (!prompt->second.IsMap())
                return reader.errorAt(prompt->second,
                                      tr("labels of prompt '%1' must be a mapping like {production: 1}").arg(key));
            for (auto label = prompt->second.begin(); label != prompt->second.end(); ++label) {
                const QString name = YamlReader::keyText(label->first);
                auto version = reader.integer(label->second, name, 1, 1000000, tr("a version number"), label->first);
                if (!version)
                    return version.error();
                seed.labels.append(PromptLabel{key, name, *version, {}});
            }
        }
    } catch (const YAML::Exception &exception) {
        return Error::make(Error::Code::InvalidInput, QString::fromStdString(exception.msg), fileName,
                           exception.mark.line + 1, exception.mark.column + 1);
    }
    seed.warnings = reader.warnings();
    return seed;
}

}  // namespace Switchyard
