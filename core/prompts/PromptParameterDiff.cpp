#include "core/prompts/PromptParameterDiff.h"

#include "core/prompts/PromptDocumentParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace Switchyard {

namespace {

QString jsonText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
        return QString();
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    default:
        // Scalars: wrap in an array to reuse the JSON writer, then strip the brackets.
        const QString text = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
        return text.mid(1, text.size() - 2);
    }
}

template <typename T> QString optionalText(const std::optional<T> &value)
{
    return value ? QString::number(*value) : QString();
}

QString sectionTitles(const PromptDocument &doc)
{
    QStringList titles;
    for (const PromptSection &section : doc.sections)
        titles.append(section.title);
    return titles.join(QStringLiteral(", "));
}

const PromptVariable *findVariable(const QList<PromptVariable> &variables, const QString &name)
{
    for (const PromptVariable &variable : variables) {
        if (variable.name == name)
            return &variable;
    }
    return nullptr;
}

/// Names of @p left in order, then those only in @p right in their order.
QStringList unionInOrder(const QStringList &left, const QStringList &right)
{
    QStringList names = left;
    const QSet<QString> seen(left.cbegin(), left.cend());
    for (const QString &name : right) {
        if (!seen.contains(name))
            names.append(name);
    }
    return names;
}

QStringList variableNames(const PromptDocument &doc)
{
    QStringList names;
    for (const PromptVariable &variable : doc.variables)
        names.append(variable.name);
    return names;
}

}  // namespace

Result<QList<ParameterChange>> PromptParameterDiff::compare(const QString &leftBody, const QString &rightBody,
                                                            const QString &leftName, const QString &rightName)
{
    const auto left = PromptDocumentParser::parse(leftBody.toUtf8(), leftName);
    if (!left)
        return left.error();
    const auto right = PromptDocumentParser::parse(rightBody.toUtf8(), rightName);
    if (!right)
        return right.error();
    const PromptDocument &a = left->doc;
    const PromptDocument &b = right->doc;

    QList<ParameterChange> changes;
    auto add = [&changes](const QString &parameter, const QString &before, const QString &after) {
        if (before != after)
            changes.append(ParameterChange{parameter, before, after});
    };

    add(QStringLiteral("key"), a.key, b.key);
    add(QStringLiteral("version"), optionalText(a.version), optionalText(b.version));
    add(QStringLiteral("description"), a.description, b.description);
    add(QStringLiteral("model"), a.model, b.model);
    add(QStringLiteral("temperature"), optionalText(a.temperature), optionalText(b.temperature));
    add(QStringLiteral("max_tokens"), optionalText(a.maxTokens), optionalText(b.maxTokens));

    const QString declared = QStringLiteral("declared");
    for (const QString &name : unionInOrder(variableNames(a), variableNames(b))) {
        const PromptVariable *before = findVariable(a.variables, name);
        const PromptVariable *after = findVariable(b.variables, name);
        const QString prefix = QStringLiteral("variables.") + name;
        if (!before || !after) {
            add(prefix, before ? declared : QString(), after ? declared : QString());
            continue;
        }
        add(prefix + QStringLiteral(".description"), before->description, after->description);
        const auto flag = [](bool on) {
            return on ? QStringLiteral("true") : QStringLiteral("false");
        };
        add(prefix + QStringLiteral(".required"), flag(before->required), flag(after->required));
        add(prefix + QStringLiteral(".sample"), jsonText(before->sample), jsonText(after->sample));
    }

    add(QStringLiteral("sections"), sectionTitles(a), sectionTitles(b));
    const QString set = QStringLiteral("set");
    add(QStringLiteral("user"), a.user.isEmpty() ? QString() : set, b.user.isEmpty() ? QString() : set);

    for (const QString &key : unionInOrder(a.metadata.keys(), b.metadata.keys())) {
        add(QStringLiteral("metadata.") + key, jsonText(a.metadata.value(key)), jsonText(b.metadata.value(key)));
    }
    return changes;
}

}  // namespace Switchyard
