#include "core/common/EditDistance.h"
#include "core/common/YamlGuard.h"
#include "core/common/YamlReader_p.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>
#include <string>
#include <vector>

namespace Switchyard {

namespace {

constexpr int kJsonNodeBudget = 100000;  // aliases can multiply a small file into a huge tree; stop well before

const QRegularExpression &floatPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"));
    return pattern;
}

const QRegularExpression &integerPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[-+]?[0-9]+$"));
    return pattern;
}

QString scalarText(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

/// Quoted scalars and `!!str` are strings whatever they look like; plain scalars are resolved by their text.
bool isPlain(const YAML::Node &node)
{
    return node.Tag() == "?" || node.Tag().empty();
}

QString syntaxHint(const std::string &message)
{
    const QString text = QString::fromStdString(message);
    if (text == QLatin1String("end of map not found"))
        return QStringLiteral("a mapping ends unexpectedly; check that keys at the same level are indented the same "
                              "and that nested lines are indented more than their parent");
    if (text == QLatin1String("illegal map value"))
        return QStringLiteral("a ':' appears where it is not allowed; check the indentation of this line, or quote "
                              "a value that contains ': '");
    if (text == QLatin1String("end of sequence not found"))
        return QStringLiteral("a list ends unexpectedly; check the indentation of its '- ' items");
    if (text == QLatin1String("end of sequence flow not found"))
        return QStringLiteral("a '[' list is not closed; add the missing ']'");
    if (text == QLatin1String("end of map flow not found"))
        return QStringLiteral("a '{' mapping is not closed; add the missing '}'");
    if (text.contains(QLatin1String("end of string not found")) || text == QLatin1String("illegal EOF in scalar"))
        return QStringLiteral("a quoted value is not closed; add the missing quote");
    return text + QStringLiteral("; check the YAML syntax around this position");
}

}  // namespace

YamlReader::YamlReader(QString fileName) : m_fileName(std::move(fileName)) {}

int YamlReader::line(const YAML::Node &node)
{
    const YAML::Mark mark = node.Mark();
    return mark.is_null() ? 0 : mark.line + 1;
}

int YamlReader::column(const YAML::Node &node)
{
    const YAML::Mark mark = node.Mark();
    return mark.is_null() ? 0 : mark.column + 1;
}

QString YamlReader::keyText(const YAML::Node &key)
{
    return scalarText(key);
}

QString YamlReader::describe(const YAML::Node &node)
{
    if (!node.IsDefined() || node.IsNull())
        return QStringLiteral("nothing");
    if (node.IsSequence())
        return QStringLiteral("a list");
    if (node.IsMap())
        return QStringLiteral("a mapping");
    QString text = scalarText(node);
    if (text.size() > 60)
        text = text.left(57) + QStringLiteral("...");
    text.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

QString YamlReader::suggestion(const QString &word, const QStringList &candidates)
{
    return EditDistance::closest(word, candidates);
}

Error YamlReader::errorAt(const YAML::Node &node, const QString &message, const YAML::Node &fallback) const
{
    // An empty value ("key:") has no useful position of its own (yaml-cpp points at the next line); use the key's.
    const bool usable = node.IsDefined() && !node.IsNull() && line(node) > 0;
    const YAML::Node &where = usable ? node : fallback;
    return Error::make(Error::Code::InvalidInput, message, m_fileName, line(where), column(where));
}

void YamlReader::warnAt(const YAML::Node &node, const QString &message)
{
    m_warnings.append(Warning{m_fileName, line(node), column(node), message});
}

Result<YAML::Node> YamlReader::load(const QByteArray &yaml, const QString &emptyHint)
{
    if (auto guard = YamlGuard::check(yaml, m_fileName); !guard)
        return guard.error();
    try {
        YAML::Node root = YAML::Load(std::string(yaml.constData(), size_t(yaml.size())));
        if (!root.IsDefined() || root.IsNull())
            return Error::make(Error::Code::InvalidInput, QStringLiteral("the file is empty; ") + emptyHint,
                               m_fileName);
        return root;
    } catch (const YAML::ParserException &e) {
        return Error::make(Error::Code::InvalidInput, QStringLiteral("YAML syntax error: ") + syntaxHint(e.msg),
                           m_fileName, e.mark.is_null() ? 0 : e.mark.line + 1,
                           e.mark.is_null() ? 0 : e.mark.column + 1);
    } catch (const YAML::Exception &e) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("the file could not be read as YAML (%1); check that it is a UTF-8 text file")
                               .arg(QString::fromStdString(e.msg)),
                           m_fileName);
    }
}

Result<void> YamlReader::checkMapping(const YAML::Node &node, const QString &what, const QStringList &known,
                                      const YAML::Node &fallback)
{
    if (!node.IsDefined() || node.IsNull())
        return {};
    if (!node.IsMap())
        return errorAt(node,
                       QStringLiteral("%1 must be a mapping of 'name: value' lines, got %2").arg(what, describe(node)),
                       fallback);
    QHash<QString, int> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node key = it->first;
        if (!key.IsScalar())
            return errorAt(key, QStringLiteral("the keys of %1 must be plain names, got %2").arg(what, describe(key)));
        const QString name = keyText(key);
        if (const auto previous = seen.constFind(name); previous != seen.constEnd())
            return errorAt(key,
                           QStringLiteral("'%1' appears twice in %2 (first at line %3); remove or rename one of them")
                               .arg(name, what)
                               .arg(previous.value()));
        seen.insert(name, line(key));
        if (known.isEmpty() || known.contains(name))
            continue;
        const QString close = suggestion(name, known);
        if (!close.isEmpty())
            warnAt(key,
                   QStringLiteral("unknown key '%1' (did you mean '%2'?) in %3; it is ignored").arg(name, close, what));
        else
            warnAt(key, QStringLiteral("unknown key '%1' in %2 is ignored; known keys are: %3")
                            .arg(name, what, known.join(QLatin1String(", "))));
    }
    return {};
}

Result<QString> YamlReader::text(const YAML::Node &value, const QString &what, const YAML::Node &keyNode)
{
    if (!value.IsDefined() || value.IsNull())
        return QString();
    if (!value.IsScalar()) {
        // "user: {{question}}" is a YAML flow mapping, not text: the most common way to end up here.
        const QString hint = value.IsMap() || value.IsSequence()
                                 ? QStringLiteral("; put quotes around a value that starts with '{' or '[' (for "
                                                  "example \"{{question}}\"), or use '|' for several lines")
                                 : QStringLiteral("; write it as a single value (use '|' for several lines)");
        return errorAt(value, QStringLiteral("%1 must be text, got %2").arg(what, describe(value)) + hint, keyNode);
    }
    return scalarText(value);
}

Result<double> YamlReader::number(const YAML::Node &value, const QString &what, double min, double max,
                                  const QString &expected, const YAML::Node &keyNode)
{
    const QString text = value.IsScalar() ? scalarText(value) : QString();
    bool ok = value.IsScalar() && floatPattern().match(text).hasMatch();
    const double number = ok ? text.toDouble(&ok) : 0.0;
    if (ok && !isPlain(value))
        return errorAt(value,
                       QStringLiteral("%1 must be %2, got the quoted text %3; remove the quotes")
                           .arg(what, expected, describe(value)),
                       keyNode);
    if (!ok || number < min || number > max)
        return errorAt(value, QStringLiteral("%1 must be %2, got %3").arg(what, expected, describe(value)), keyNode);
    return number;
}

Result<int> YamlReader::integer(const YAML::Node &value, const QString &what, qint64 min, qint64 max,
                                const QString &expected, const YAML::Node &keyNode)
{
    const QString text = value.IsScalar() ? scalarText(value) : QString();
    bool ok = value.IsScalar() && integerPattern().match(text).hasMatch();
    const qint64 number = ok ? text.toLongLong(&ok) : 0;
    if (ok && !isPlain(value))
        return errorAt(value,
                       QStringLiteral("%1 must be %2, got the quoted text %3; remove the quotes")
                           .arg(what, expected, describe(value)),
                       keyNode);
    if (!ok || number < min || number > max)
        return errorAt(value, QStringLiteral("%1 must be %2, got %3").arg(what, expected, describe(value)), keyNode);
    return int(number);
}

Result<bool> YamlReader::boolean(const YAML::Node &value, const QString &what, const YAML::Node &keyNode)
{
    if (value.IsScalar() && isPlain(value)) {
        const QString text = scalarText(value);
        if (text == QLatin1String("true") || text == QLatin1String("True") || text == QLatin1String("TRUE"))
            return true;
        if (text == QLatin1String("false") || text == QLatin1String("False") || text == QLatin1String("FALSE"))
            return false;
    }
    return errorAt(value, QStringLiteral("%1 must be true or false, got %2").arg(what, describe(value)), keyNode);
}

Result<QStringList> YamlReader::textList(const YAML::Node &value, const QString &what, const YAML::Node &keyNode)
{
    if (!value.IsDefined() || value.IsNull())
        return QStringList();
    if (!value.IsSequence())
        return errorAt(value, QStringLiteral("%1 must be a list such as [a, b], got %2").arg(what, describe(value)),
                       keyNode);
    QStringList items;
    for (const YAML::Node &item : value) {
        if (!item.IsScalar())
            return errorAt(item,
                           QStringLiteral("each entry of %1 must be a single value, got %2").arg(what, describe(item)),
                           value);
        items << scalarText(item);
    }
    return items;
}

Result<QJsonValue> YamlReader::json(const YAML::Node &value, const QString &what)
{
    int budget = kJsonNodeBudget;
    return jsonNode(value, what, 0, budget);
}

Result<QJsonValue> YamlReader::jsonNode(const YAML::Node &node, const QString &what, int depth, int &budget)
{
    if (--budget < 0 || depth > YamlGuard::kMaxDepth)
        return errorAt(node, QStringLiteral("%1 is too large or too deeply nested (aliases expand to more than %2 "
                                            "values); simplify it")
                                 .arg(what)
                                 .arg(kJsonNodeBudget));
    if (!node.IsDefined() || node.IsNull())
        return QJsonValue(QJsonValue::Null);
    if (node.IsSequence()) {
        QJsonArray array;
        for (const YAML::Node &item : node) {
            auto converted = jsonNode(item, what, depth + 1, budget);
            if (!converted)
                return converted.error();
            array.append(*converted);
        }
        return QJsonValue(array);
    }
    if (node.IsMap()) {
        QJsonObject object;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!it->first.IsScalar())
                return errorAt(
                    it->first,
                    QStringLiteral("the keys in %1 must be plain names, got %2").arg(what, describe(it->first)));
            auto converted = jsonNode(it->second, what, depth + 1, budget);
            if (!converted)
                return converted.error();
            object.insert(keyText(it->first), *converted);
        }
        return QJsonValue(object);
    }
    const QString text = scalarText(node);
    if (!isPlain(node))
        return QJsonValue(text);
    if (text == QLatin1String("~") || text.compare(QLatin1String("null"), Qt::CaseInsensitive) == 0)
        return QJsonValue(QJsonValue::Null);
    if (text == QLatin1String("true") || text == QLatin1String("True") || text == QLatin1String("TRUE"))
        return QJsonValue(true);
    if (text == QLatin1String("false") || text == QLatin1String("False") || text == QLatin1String("FALSE"))
        return QJsonValue(false);
    if (integerPattern().match(text).hasMatch()) {
        bool ok = false;
        const qint64 value = text.toLongLong(&ok);
        constexpr qint64 exactLimit = qint64(1) << 53;  // larger integers would lose digits as a JSON double
        if (ok && value <= exactLimit && value >= -exactLimit)
            return QJsonValue(double(value));
        return QJsonValue(text);
    }
    if (floatPattern().match(text).hasMatch()) {
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (ok)
            return QJsonValue(value);
    }
    return QJsonValue(text);
}

}  // namespace Switchyard
