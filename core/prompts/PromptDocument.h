#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <optional>

namespace Switchyard {

/// A variable a prompt declares under `variables:` (documentation for editors and previews; rendering does not
/// depend on it).
struct PromptVariable {
    QString name;
    QString description;
    QJsonValue sample = QJsonValue(QJsonValue::Undefined);  ///< any scalar or structure; Undefined when not given
    bool required = false;
    bool operator==(const PromptVariable &) const = default;
};

/// One section of a structured prompt: a title ("Role", "Guidelines") and its template text.
struct PromptSection {
    QString title;
    QString text;
    bool operator==(const PromptSection &) const = default;
};

/**
 * A prompt file: one YAML document per prompt.
 *
 * @code{.yaml}
 * key: support.reply            # required, [a-z0-9_.-]+
 * version: 3                    # informational
 * description: Answers support tickets
 * model: gpt-4o-mini            # optional
 * temperature: 0.3              # 0..2
 * max_tokens: 800               # > 0
 * variables:
 *   customer_name: {description: Who wrote in, sample: Ada, required: true}
 * system: |                     # either system ...
 *   You are a support agent for {{product}}.
 * sections:                     # ... or sections (a structured prompt), not both
 *   Role: You are ...
 *   Guidelines: |
 *     ...
 * user: "{{question}}"          # optional
 * metadata: {owner: support}    # anything, kept as JSON
 * @endcode
 */
struct PromptDocument {
    QString key;
    std::optional<int> version;
    QString description;
    QString model;
    std::optional<double> temperature;
    std::optional<int> maxTokens;
    QList<PromptVariable> variables;
    QString system;                 ///< the system template (empty for structured prompts)
    QList<PromptSection> sections;  ///< structured prompt sections in file order (empty for plain prompts)
    QString user;                   ///< the user message template, may be empty
    QJsonObject metadata;

    /// True when the system instruction is built from sections.
    bool isStructured() const { return !sections.isEmpty(); }

    bool operator==(const PromptDocument &) const = default;
};

}  // namespace Switchyard
