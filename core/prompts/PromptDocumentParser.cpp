#include "core/prompts/PromptDocumentParser.h"

#include "core/common/YamlReader_p.h"
#include "core/prompts/PromptDocumentParser_p.h"

#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>
#include <limits>
#include <utility>

namespace Switchyard {

namespace {

const QStringList &knownKeys()
{
    static const QStringList keys = {
        QStringLiteral("key"),       QStringLiteral("version"),     QStringLiteral("description"),
        QStringLiteral("model"),     QStringLiteral("temperature"), QStringLiteral("max_tokens"),
        QStringLiteral("variables"), QStringLiteral("system"),      QStringLiteral("sections"),
        QStringLiteral("user"),      QStringLiteral("metadata"),
    };
    return keys;
}

const QStringList &variableKeys()
{
    static const QStringList keys = {QStringLiteral("description"), QStringLiteral("sample"),
                                     QStringLiteral("required")};
    return keys;
}

bool isValidVariableName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.-]*$"));
    return pattern.match(name).hasMatch();
}

/// One top-level entry; the key node gives positions when the value has none (an empty value).
struct Entry {
    bool present = false;
    YAML::Node key;
    YAML::Node value;
};

QHash<QString, Entry> entriesOf(const YAML::Node &map)
{
    QHash<QString, Entry> entries;
    for (auto it = map.begin(); it != map.end(); ++it)
        entries.insert(YamlReader::keyText(it->first), Entry{true, it->first, it->second});
    return entries;
}

Result<ParsedPrompt> parseDocument(YamlReader &reader, const QByteArray &yaml)
{
    auto loaded = reader.load(yaml, PromptDocumentParserDetail::emptyHint());
    if (!loaded)
        return loaded.error();
    return PromptDocumentParserDetail::parseLoaded(reader, *loaded);
}

}  // namespace

QString PromptDocumentParserDetail::emptyHint()
{
    return QStringLiteral("a prompt file needs at least 'key:' and 'system:' (or 'sections:')");
}

Result<ParsedPrompt> PromptDocumentParserDetail::parseLoaded(YamlReader &reader, const YAML::Node &root)
{
    if (!root.IsMap())
        return reader.errorAt(root, QStringLiteral("a prompt file must be a mapping of 'name: value' lines (key:, "
                                                   "system:, user: ...), got %1")
                                        .arg(YamlReader::describe(root)));
    if (auto checked = reader.checkMapping(root, QStringLiteral("the prompt file"), knownKeys()); !checked)
        return checked.error();

    const auto entries = entriesOf(root);
    const auto field = [&entries](const char *name) {
        return entries.value(QLatin1String(name));
    };
    PromptDocument doc;

    // key
    const auto [hasKey, keyKey, keyValue] = field("key");
    if (!hasKey)
        return reader.errorAt(root, QStringLiteral("the prompt has no 'key:'; add one such as 'key: support.reply' "
                                                   "(lowercase letters, digits, '_', '.' and '-')"));
    auto key = reader.text(keyValue, QStringLiteral("key"), keyKey);
    if (!key)
        return key.error();
    if (!PromptDocumentParser::isValidKey(*key))
        return reader.errorAt(keyValue,
                              key->isEmpty()
                                  ? QStringLiteral("key is empty; write a name such as 'key: support.reply'")
                                  : QStringLiteral("key '%1' is not valid; use only lowercase letters, digits, '_', "
                                                   "'.' and '-' (for example 'support.reply')")
                                        .arg(*key),
                              keyKey);
    doc.key = *key;

    if (const auto [present, k, v] = field("version"); present) {
        auto version = reader.integer(v, QStringLiteral("version"), 1, std::numeric_limits<int>::max(),
                                      QStringLiteral("a whole number of 1 or more"), k);
        if (!version)
            return version.error();
        doc.version = *version;
    }

    const auto readText = [&](const char *name, QString &target) -> Result<void> {
        const auto [present, k, v] = field(name);
        if (!present)
            return {};
        auto text = reader.text(v, QLatin1String(name), k);
        if (!text)
            return text.error();
        target = *text;
        return {};
    };
    for (const auto &[name, target] : {std::pair<const char *, QString *>{"description", &doc.description},
                                       {"model", &doc.model},
                                       {"system", &doc.system},
                                       {"user", &doc.user}}) {
        if (auto read = readText(name, *target); !read)
            return read.error();
    }

    if (const auto [present, k, v] = field("temperature"); present) {
        auto temperature =
            reader.number(v, QStringLiteral("temperature"), 0.0, 2.0, QStringLiteral("a number between 0 and 2"), k);
        if (!temperature)
            return temperature.error();
        doc.temperature = *temperature;
    }
    if (const auto [present, k, v] = field("max_tokens"); present) {
        auto maxTokens = reader.integer(v, QStringLiteral("max_tokens"), 1, std::numeric_limits<int>::max(),
                                        QStringLiteral("a whole number greater than 0"), k);
        if (!maxTokens)
            return maxTokens.error();
        doc.maxTokens = *maxTokens;
    }

    if (const auto [present, k, v] = field("variables"); present) {
        if (auto checked = reader.checkMapping(v, QStringLiteral("variables"), {}, k); !checked)
            return checked.error();
        for (auto it = v.begin(); it != v.end(); ++it) {
            PromptVariable variable;
            variable.name = YamlReader::keyText(it->first);
            if (!isValidVariableName(variable.name))
                return reader.errorAt(it->first,
                                      QStringLiteral("variable name '%1' is not valid; start with a letter or '_' and "
                                                     "use letters, digits, '_', '.' and '-' (no spaces or braces)")
                                          .arg(variable.name));
            const YAML::Node spec = it->second;
            const QString what = QStringLiteral("variable '%1'").arg(variable.name);
            if (spec.IsDefined() && !spec.IsNull() && !spec.IsMap())
                return reader.errorAt(spec, QStringLiteral("%1 must be a mapping with description, sample and "
                                                           "required, got %2")
                                                .arg(what, YamlReader::describe(spec)));
            if (auto checked = reader.checkMapping(spec, what, variableKeys(), it->first); !checked)
                return checked.error();
            for (auto entry = spec.begin(); spec.IsMap() && entry != spec.end(); ++entry) {
                const QString name = YamlReader::keyText(entry->first);
                if (name == QLatin1String("description")) {
                    auto text = reader.text(entry->second, what + QStringLiteral(" description"), entry->first);
                    if (!text)
                        return text.error();
                    variable.description = *text;
                } else if (name == QLatin1String("sample")) {
                    auto sample = reader.json(entry->second, what + QStringLiteral(" sample"));
                    if (!sample)
                        return sample.error();
                    variable.sample = *sample;
                } else if (name == QLatin1String("required")) {
                    auto required = reader.boolean(entry->second, what + QStringLiteral(" required"), entry->first);
                    if (!required)
                        return required.error();
                    variable.required = *required;
                }
            }
            doc.variables.append(variable);
        }
    }

    const auto [hasSystem, systemKey, systemValue] = field("system");
    const auto [hasSections, sectionsKey, sectionsValue] = field("sections");
    if (hasSections) {
        if (hasSystem)
            return reader.errorAt(sectionsKey, QStringLiteral("the prompt has both 'system:' (line %1) and "
                                                              "'sections:'; keep one — sections build the system "
                                                              "instruction of a structured prompt")
                                                   .arg(YamlReader::line(systemKey)));
        if (auto checked = reader.checkMapping(sectionsValue, QStringLiteral("sections"), {}, sectionsKey); !checked)
            return checked.error();
        if (!sectionsValue.IsMap() || sectionsValue.size() == 0)
            return reader.errorAt(sectionsValue,
                                  QStringLiteral("sections is empty; add at least one 'Title: text' "
                                                 "entry, or use 'system:' instead"),
                                  sectionsKey);
        for (auto it = sectionsValue.begin(); it != sectionsValue.end(); ++it) {
            PromptSection section;
            section.title = YamlReader::keyText(it->first);
            if (section.title.trimmed().isEmpty())
                return reader.errorAt(it->first, QStringLiteral("a section has an empty title; give it a name such "
                                                                "as 'Role' or 'Guidelines'"));
            auto text = reader.text(it->second, QStringLiteral("section '%1'").arg(section.title), it->first);
            if (!text)
                return text.error();
            section.text = *text;
            doc.sections.append(section);
        }
    } else if (!hasSystem) {
        return reader.errorAt(root, QStringLiteral("the prompt has neither 'system:' nor 'sections:'; add the system "
                                                   "instruction as 'system: |' followed by indented text"));
    } else if (doc.system.trimmed().isEmpty()) {
        return reader.errorAt(systemValue,
                              QStringLiteral("system is empty; write the system instruction, or remove "
                                             "the line and use 'sections:'"),
                              systemKey);
    }

    if (const auto [present, k, v] = field("metadata"); present && !v.IsNull()) {
        if (!v.IsMap())
            return reader.errorAt(v,
                                  QStringLiteral("metadata must be a mapping of 'name: value' lines, got %1")
                                      .arg(YamlReader::describe(v)),
                                  k);
        auto metadata = reader.json(v, QStringLiteral("metadata"));
        if (!metadata)
            return metadata.error();
        doc.metadata = metadata->toObject();
    }

    return ParsedPrompt{std::move(doc), reader.warnings()};
}

bool PromptDocumentParser::isValidKey(const QString &key)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9_.-]+$"));
    return pattern.match(key).hasMatch();
}

Result<ParsedPrompt> PromptDocumentParser::parse(const QByteArray &yaml, const QString &fileName)
{
    YamlReader reader(fileName);
    try {
        return parseDocument(reader, yaml);
    } catch (const YAML::Exception &e) {
        return Error::make(Error::Code::Internal,
                           QStringLiteral("the prompt file could not be read (%1); please report this")
                               .arg(QString::fromStdString(e.msg)),
                           fileName);
    }
}

}  // namespace Switchyard
