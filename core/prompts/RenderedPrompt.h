#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Switchyard {

/// A variable a prompt uses that had no value (in the data or the system variables) when it was rendered.
struct MissingPromptVariable {
    QString name;     ///< as written in the tag, e.g. "profile.sun_sign"
    QString part;     ///< "system" or "user"
    QString section;  ///< the section title when the system instruction is structured; empty otherwise
    int line = 0;     ///< 1-based, within that template's text (the section text for structured prompts)
    int column = 0;   ///< 1-based, UTF-16 code units
    QString partial;  ///< the partial the tag is in; empty for the template itself

    bool operator==(const MissingPromptVariable &) const = default;
};

/// The output of PromptRenderer: the messages to send, and what could not be filled in.
struct RenderedPrompt {
    QString system;  ///< the system instruction (for structured prompts: the sections as a YAML document)
    QString user;    ///< the rendered user template; empty when the prompt has none
    QList<MissingPromptVariable> missing;  ///< every unresolved tag, system before user, in source order

    /// The distinct names in missing, in first-seen order.
    QStringList missingNames() const
    {
        QStringList names;
        for (const MissingPromptVariable &variable : missing) {
            if (!names.contains(variable.name))
                names.append(variable.name);
        }
        return names;
    }
};

}  // namespace Switchyard
