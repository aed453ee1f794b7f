#pragma once

#include "core/common/Result.h"
#include "core/templating/Node.h"

#include <QString>
#include <QStringView>
#include <memory>
#include <vector>

namespace Switchyard::Templating::Detail {

/// Turns template text into a node tree in one pass.
///
/// Standalone lines, partial indentation and block re-indentation are resolved here, so the renderer only walks
/// nodes. Whitespace rules follow the Mustache spec: a non-interpolating tag alone on its line (only spaces or tabs
/// around it) takes the whole line with it. Parents and blocks are also judged as pairs: a parent whose opening tag
/// starts its line and whose closing tag ends its line is standalone, and a block pair in that position indents
/// what it expands to. A block whose opening tag ends its line loses the indentation of its first content line
/// from every content line (it is re-added at the expansion site).
class Parser {
public:
    static Result<std::shared_ptr<CompiledTemplate>> parse(const QString &text, const QString &sourceName);

private:
    struct Frame {
        Node node;              ///< Section/Inverted/Parent/Block being filled; the root frame's node is unused
        QString closeName;      ///< what the closing tag must say
        int openPos = 0;        ///< source offset of the opening tag
        bool inParent = false;  ///< a Block directly inside a Parent (an argument, not an expansion site)
        bool openClearsLeft = false;
        bool openStandalone = false;
        QString leadingWs;  ///< whitespace before the opening tag on its line, when it clears left
    };

    struct Tag {
        QChar sigil;      ///< 0 for a plain variable, else one of # ^ / ! > < $ = & {
        QString content;  ///< trimmed content without sigil (for '=' the raw delimiter spec)
        QString raw;      ///< the whole tag as written
        int start = 0;    ///< offset of the opening delimiter
        int end = 0;      ///< offset just past the closing delimiter
    };

    Parser(const QString &text, const QString &sourceName);

    Result<std::shared_ptr<CompiledTemplate>> run();
    Result<Tag> readTag(int start);
    Result<void> handleTag(const Tag &tag);

    void emitText(int from, int to);
    void appendNode(Node node);
    std::vector<Node> &currentList() { return m_frames.back().node.children; }
    QString stripTrailingWhitespace(std::vector<Node> &list);
    QString peekTrailingWhitespace(const std::vector<Node> &list) const;
    /// Skips spaces and tabs after @p pos; returns the offset past the line end (or the text end) when only
    /// whitespace follows on the line, else -1.
    int restOfLineEnd(int pos) const;
    void consumeLine(int lineEnd);
    QString leadingWhitespaceAt(int pos) const;
    const QString &currentDedent() const;

    void position(int offset, int &line, int &column);
    Error error(int offset, const QString &message);
    Result<Name> makeName(const Tag &tag, QStringView text);
    QString delimited(const QString &inner) const { return m_open + inner + m_close; }
    void recordUse(const Tag &tag, const QString &name, VariableKind kind);

    const QString m_text;
    const QString m_sourceName;
    QString m_open = QStringLiteral("{{");
    QString m_close = QStringLiteral("}}");
    std::shared_ptr<CompiledTemplate> m_result;
    std::vector<Frame> m_frames;
    QList<QString> m_dedents;  ///< indentation stripped from content lines, innermost last
    int m_pos = 0;
    int m_lineStart = 0;      ///< offset where the current source line starts
    bool m_lineClean = true;  ///< nothing but spaces and tabs since m_lineStart
    // Incremental line/column computation (offsets are asked for in increasing order, except for errors).
    int m_scanOffset = 0;
    int m_scanLine = 1;
    int m_scanLineStart = 0;
};

}  // namespace Switchyard::Templating::Detail
