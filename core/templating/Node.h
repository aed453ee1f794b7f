#pragma once

#include "core/templating/VariableUse.h"

#include <QList>
#include <QString>
#include <atomic>
#include <vector>

namespace Switchyard::Templating::Detail {

/// A tag name split once at compile time: "a.b.c" -> {"a", "b", "c"}; "." is the implicit iterator.
struct Name {
    QString text;  ///< as written, trimmed
    QList<QString> parts;
    QList<size_t> hashes;   ///< qHash() of each part, so lookups compare hashes first
    bool implicit = false;  ///< "."
};

/// One element of a compiled template. Plain data: the parser builds it, the renderer only reads it.
struct Node {
    enum class Type : quint8 {
        Text,      ///< literal template text
        Variable,  ///< {{name}}, {{{name}}}, {{&name}}
        Section,   ///< {{#name}}...{{/name}}
        Inverted,  ///< {{^name}}...{{/name}}
        Partial,   ///< {{>name}} or {{>*name}}
        Parent,    ///< {{<name}}...{{/name}}: children are the Block overrides it passes
        Block,     ///< {{$name}}...{{/name}}: children are the default content
    };

    Type type = Type::Text;
    bool escape = true;            ///< Variable: false for {{{name}}} and {{&name}}
    bool dynamic = false;          ///< Partial/Parent: the name is looked up in the data ({{>*name}})
    bool standalone = false;       ///< Partial/Parent: the tag stood alone on its line; indent applies
    bool hasIndent = false;        ///< Block: indent is added to the lines of whatever the block expands to
    bool endsWithNewline = false;  ///< Text: the text ends a source line
    int line = 0;                  ///< 1-based position of the tag start
    int column = 0;
    QString text;    ///< Text: the literal; Variable: the tag exactly as written (re-emitted by MissingPolicy::Keep);
                     ///< Partial/Parent: the partial name (static) or dotted name (dynamic)
    QString indent;  ///< Partial/Parent: indentation of a standalone tag; Block: indentation at the expansion site
    Name name;       ///< Variable/Section/Inverted/Block and dynamic Partial/Parent
    std::vector<Node> children;
};

/// The result of parsing one template text.
struct CompiledTemplate {
    QString source;
    QString sourceName;  ///< CompileOptions::sourceName, named in render errors too
    std::vector<Node> nodes;
    QList<VariableUse> variables;
    qsizetype literalSize = 0;  ///< total length of the literal text, a lower bound for the output size
    mutable std::atomic<qsizetype> lastOutputSize{0};  ///< sizes the next render's buffer (renders are alike)
};

}  // namespace Switchyard::Templating::Detail
