#pragma once

#include <QString>

namespace Switchyard::Templating {

/// What a tag does with the name it carries.
enum class VariableKind {
    Variable,  ///< interpolation: {{name}}, {{{name}}}, {{&name}}
    Section,   ///< {{#name}}
    Inverted,  ///< {{^name}}
    Partial,   ///< {{>name}}, {{>*name}} (dynamic, reported as "*name") and parents {{<name}}
    System,    ///< interpolation of a known system variable name (see SystemVariables::isSystemVariable())
};

/// One use of a name in a template, for the editor's highlighting, autocomplete and lint.
///
/// Positions are 1-based and point at the first character of the tag's opening delimiter; columns count UTF-16 code
/// units of the QString (a character outside the Basic Multilingual Plane counts twice).
struct VariableUse {
    QString name;  ///< as written, trimmed; dotted names are not split ("user.name")
    int line = 0;
    int column = 0;
    VariableKind kind = VariableKind::Variable;

    bool operator==(const VariableUse &) const = default;
};

}  // namespace Switchyard::Templating
