#pragma once

#include <QList>
#include <QString>

namespace Switchyard {

/// One problem found in a prompt file, positioned in the whole YAML text for the editor's markers.
struct PromptDiagnostic {
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    int line = 1;    ///< 1-based line in the whole prompt file
    int column = 1;  ///< 1-based column in UTF-16 code units
    int length = 1;  ///< characters to underline, at least 1
    /// "yaml" (syntax), "prompt" (validation by PromptDocumentParser), "template" (Mustache compile error),
    /// "undefined-variable", "unused-variable" or "near-miss".
    QString code;
    QString message;  ///< a complete sentence for the tooltip

    bool operator==(const PromptDiagnostic &) const = default;
};

}  // namespace Switchyard
