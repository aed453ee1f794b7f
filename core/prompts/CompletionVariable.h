#pragma once

#include <QString>

namespace Switchyard {

/// A variable the prompt editor offers for completion inside a `{{ }}` tag.
struct CompletionVariable {
    enum class Origin {
        Declared,     ///< declared under `variables:` of the prompt being edited
        System,       ///< a system variable (SystemVariables::definitions())
        OtherPrompt,  ///< used or declared in another prompt of the workspace
    };

    QString name;
    QString description;  ///< may be empty
    Origin origin = Origin::Declared;

    bool operator==(const CompletionVariable &) const = default;
};

}  // namespace Switchyard
