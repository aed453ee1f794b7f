#pragma once

#include <QHash>
#include <QString>
#include <QStringView>
#include <optional>

namespace Switchyard::Templating {

class SystemVariables;

/// How {{name}} values are escaped. {{{name}}} and {{&name}} are never escaped.
enum class Escape {
    None,  ///< prompts: values are emitted as they are
    Html,  ///< the Mustache default: & < > " ' become entities
};

/// What {{name}} does when the name resolves to nothing. Sections and inverted sections on a missing name are
/// simply falsey under every policy.
enum class MissingPolicy {
    Keep,   ///< re-emit the tag as written ({{name}} with the delimiters in effect), so previews show the gap
    Empty,  ///< render nothing (the Mustache spec behaviour)
    Error,  ///< fail the render and report every missing variable with its line and column
};

/// Per-render settings. The defaults suit prompts; the Mustache spec needs Escape::Html and MissingPolicy::Empty.
struct RenderOptions {
    Escape escape = Escape::None;
    MissingPolicy missing = MissingPolicy::Keep;
    QHash<QString, QString> partials;         ///< partial name -> template text, compiled at most once per render
    const SystemVariables *system = nullptr;  ///< null = no system variables; data always wins over them
};

/// "keep", "empty" or "error" (the settings and CLI spelling).
inline QString missingPolicyName(MissingPolicy policy)
{
    switch (policy) {
    case MissingPolicy::Keep:
        return QStringLiteral("keep");
    case MissingPolicy::Empty:
        return QStringLiteral("empty");
    case MissingPolicy::Error:
        return QStringLiteral("error");
    }
    return {};
}

/// Parses "keep", "empty" or "error" (case-insensitive); nullopt for anything else.
inline std::optional<MissingPolicy> missingPolicyFromName(QStringView name)
{
    for (MissingPolicy policy : {MissingPolicy::Keep, MissingPolicy::Empty, MissingPolicy::Error}) {
        if (name.compare(missingPolicyName(policy), Qt::CaseInsensitive) == 0)
            return policy;
    }
    return std::nullopt;
}

}  // namespace Switchyard::Templating
