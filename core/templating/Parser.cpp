#include "core/templating/Parser.h"

#include "core/templating/SystemVariables.h"

#include <QHash>

namespace Switchyard::Templating::Detail {

namespace {

// Deeper nesting than this is almost certainly generated or broken text, and would make rendering recurse deeply.
constexpr int kMaxNesting = 256;

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

bool hasWhitespace(QStringView text)
{
    for (QChar c : text) {
        if (c.isSpace())
            return true;
    }
    return false;
}

// The first line of a broken tag, short enough to quote in a message.
QString preview(const QString &text, int start)
{
    int end = start;
    while (end < text.size() && text.at(end) != u'\n' && end - start < 40)
        ++end;
    return text.mid(start, end - start);
}

QString kindName(Node::Type type)
{
    switch (type) {
    case Node::Type::Section:
        return QStringLiteral("Section");
    case Node::Type::Inverted:
        return QStringLiteral("Inverted section");
    case Node::Type::Parent:
        return QStringLiteral("Parent");
    case Node::Type::Block:
        return QStringLiteral("Block");
    default:
        return QStringLiteral("Tag");
    }
}

// "* name" and "*name" are the same dynamic name.
QString canonicalName(const QString &content)
{
    if (content.startsWith(u'*'))
        return QLatin1Char('*') + QStringView(content).mid(1).trimmed().toString();
    return content;
}

}  // namespace

Parser::Parser(const QString &text, const QString &sourceName)
    : m_text(text), m_sourceName(sourceName), m_result(std::make_shared<CompiledTemplate>())
{
    m_result->source = text;
    m_frames.emplace_back();
    m_dedents.append(QString());
}

Result<std::shared_ptr<CompiledTemplate>> Parser::parse(const QString &text, const QString &sourceName)
{
    Parser parser(text, sourceName);
    return parser.run();
}

Result<std::shared_ptr<CompiledTemplate>> Parser::run()
{
    const int size = int(m_text.size());
    while (m_pos < size) {
        const int start = int(m_text.indexOf(m_open, m_pos));
        if (start < 0) {
            emitText(m_pos, size);
            m_pos = size;
            break;
        }
        emitText(m_pos, start);
        Result<Tag> tag = readTag(start);
        if (!tag)
            return tag.error();
        if (Result<void> handled = handleTag(*tag); !handled)
            return handled.error();
    }

    if (m_frames.size() > 1) {
        const Frame &open = m_frames.back();
        int line = 0;
        int column = 0;
        position(open.openPos, line, column);
        const QString message = QStringLiteral("%1 '%2' opened at %3:%4 is never closed; add %5")
                                    .arg(kindName(open.node.type), open.closeName)
                                    .arg(line)
                                    .arg(column)
                                    .arg(delimited(QLatin1Char('/') + open.closeName));
        return Error::make(Error::Code::InvalidInput, message, m_sourceName, line, column);
    }

    m_result->nodes = std::move(m_frames.front().node.children);
    for (const Node &node : m_result->nodes) {
        if (node.type == Node::Type::Text)
            m_result->literalSize += node.text.size();
    }
    return m_result;
}

Result<Parser::Tag> Parser::readTag(int start)
{
    Tag tag;
    tag.start = start;
    int p = start + int(m_open.size());
    const int size = int(m_text.size());
    if (p < size) {
        const QChar c = m_text.at(p);
        if (c == u'#' || c == u'^' || c == u'/' || c == u'!' || c == u'>' || c == u'<' || c == u'$' || c == u'=' ||
            c == u'&' || c == u'{') {
            tag.sigil = c;
            ++p;
        }
    }

    QString closing = m_close;
    if (tag.sigil == u'{')
        closing = QLatin1Char('}') + m_close;
    else if (tag.sigil == u'=')
        closing = QLatin1Char('=') + m_close;

    const int closeAt = int(m_text.indexOf(closing, p));
    // A tag that runs into the next opening delimiter was left open; saying so beats a confusing name error.
    const bool runsIntoNextTag = closeAt >= 0 && tag.sigil != u'!' && tag.sigil != u'=' &&
                                 QStringView(m_text).mid(p, closeAt - p).contains(m_open);
    if (closeAt < 0 || runsIntoNextTag) {
        QString what = QStringLiteral("Tag");
        if (tag.sigil == u'{')
            what = QStringLiteral("Triple-mustache tag");
        else if (tag.sigil == u'=')
            what = QStringLiteral("Set-delimiter tag");
        else if (tag.sigil == u'!')
            what = QStringLiteral("Comment");
        int line = 0;
        int column = 0;
        position(start, line, column);
        return error(start, QStringLiteral("%1 '%2' opened at %3:%4 is never closed; end it with %5")
                                .arg(what, preview(m_text, start))
                                .arg(line)
                                .arg(column)
                                .arg(closing));
    }

    tag.end = closeAt + int(closing.size());
    tag.raw = m_text.mid(start, tag.end - start);
    tag.content = tag.sigil == u'=' ? m_text.mid(p, closeAt - p) : m_text.mid(p, closeAt - p).trimmed();
    return tag;
}

Result<Name> Parser::makeName(const Tag &tag, QStringView text)
{
    int line = 0;
    int column = 0;
    if (text.isEmpty()) {
        position(tag.start, line, column);
        return error(tag.start, QStringLiteral("Tag %1 at %2:%3 has no name; write a name between the delimiters")
                                    .arg(tag.raw)
                                    .arg(line)
                                    .arg(column));
    }
    if (hasWhitespace(text)) {
        position(tag.start, line, column);
        return error(tag.start,
                     QStringLiteral("Tag %1 at %2:%3 has whitespace inside its name '%4'; names cannot contain spaces "
                                    "(to show the braces literally, change the delimiters with {{=<% %>=}})")
                         .arg(tag.raw)
                         .arg(line)
                         .arg(column)
                         .arg(text.toString()));
    }
    Name name;
    name.text = text.toString();
    if (text == u".") {
        name.implicit = true;
        return name;
    }
    for (QStringView part : text.split(u'.')) {
        name.parts.append(part.toString());
        name.hashes.append(qHash(name.parts.constLast()));
    }
    return name;
}

void Parser::recordUse(const Tag &tag, const QString &name, VariableKind kind)
{
    // Content inside a parent other than its blocks is ignored, so it is not a use either.
    if (m_frames.size() > 1 && m_frames.back().node.type == Node::Type::Parent)
        return;
    VariableUse use;
    use.name = name;
    use.kind = kind;
    position(tag.start, use.line, use.column);
    m_result->variables.append(use);
}

Result<void> Parser::handleTag(const Tag &tag)
{
    const bool clearsLeft = m_lineClean;
    const int lineEnd = restOfLineEnd(tag.end);
    const bool clearsRight = lineEnd >= 0;
    const bool standalone = clearsLeft && clearsRight;

    auto takeLineOrContinue = [&](bool isStandalone) {
        if (isStandalone) {
            consumeLine(lineEnd);
        } else {
            m_pos = tag.end;
            m_lineClean = false;
        }
    };

    const QChar sigil = tag.sigil;

    if (sigil.isNull() || sigil == u'&' || sigil == u'{') {
        Result<Name> name = makeName(tag, tag.content);
        if (!name)
            return name.error();
        Node node;
        node.type = Node::Type::Variable;
        node.escape = sigil.isNull();
        node.text = tag.raw;
        node.name = std::move(name).value();
        position(tag.start, node.line, node.column);
        if (!node.name.implicit) {
            recordUse(tag, node.name.text,
                      SystemVariables::isSystemVariable(node.name.text) ? VariableKind::System
                                                                        : VariableKind::Variable);
        }
        appendNode(std::move(node));
        takeLineOrContinue(false);
        return {};
    }

    if (sigil == u'!') {
        if (standalone)
            stripTrailingWhitespace(currentList());
        takeLineOrContinue(standalone);
        return {};
    }

    if (sigil == u'=') {
        const QString spec = tag.content.trimmed();
        const QList<QStringView> parts = QStringView(spec).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QList<QString> delimiters;
        for (QStringView part : parts) {
            for (QStringView piece : part.split(QLatin1Char('\t'), Qt::SkipEmptyParts))
                delimiters.append(piece.toString());
        }
        const bool valid = delimiters.size() == 2 && !delimiters[0].contains(u'=') && !delimiters[1].contains(u'=') &&
                           !hasWhitespace(delimiters[0]) && !hasWhitespace(delimiters[1]);
        if (!valid) {
            int line = 0;
            int column = 0;
            position(tag.start, line, column);
            return error(tag.start,
                         QStringLiteral("Set-delimiter tag %1 at %2:%3 must name two delimiters without '=' or "
                                        "spaces, separated by a space, e.g. %4")
                             .arg(tag.raw)
                             .arg(line)
                             .arg(column)
                             .arg(delimited(QStringLiteral("=<% %>="))));
        }
        if (standalone)
            stripTrailingWhitespace(currentList());
        takeLineOrContinue(standalone);
        m_open = delimiters[0];
        m_close = delimiters[1];
        return {};
    }

    if (sigil == u'#' || sigil == u'^') {
        Result<Name> name = makeName(tag, tag.content);
        if (!name)
            return name.error();
        if (int(m_frames.size()) > kMaxNesting)
            return error(
                tag.start,
                QStringLiteral("Sections nest more than %1 levels deep; flatten the template").arg(kMaxNesting));
        Frame frame;
        frame.node.type = sigil == u'#' ? Node::Type::Section : Node::Type::Inverted;
        frame.node.name = std::move(name).value();
        frame.closeName = frame.node.name.text;
        frame.openPos = tag.start;
        position(tag.start, frame.node.line, frame.node.column);
        recordUse(tag, frame.closeName, sigil == u'#' ? VariableKind::Section : VariableKind::Inverted);
        if (standalone)
            stripTrailingWhitespace(currentList());
        takeLineOrContinue(standalone);
        m_frames.push_back(std::move(frame));
        m_dedents.append(currentDedent());
        return {};
    }

    if (sigil == u'>' || sigil == u'<' || sigil == u'$') {
        const QString canonical = canonicalName(tag.content);
        const bool dynamic = sigil != u'$' && canonical.startsWith(u'*');
        Result<Name> name = makeName(tag, dynamic ? QStringView(canonical).mid(1) : QStringView(canonical));
        if (!name)
            return name.error();

        Node node;
        node.dynamic = dynamic;
        node.text = dynamic ? name->text : canonical;
        node.name = std::move(name).value();
        position(tag.start, node.line, node.column);

        if (sigil == u'>') {
            node.type = Node::Type::Partial;
            recordUse(tag, canonical, VariableKind::Partial);
            if (standalone) {
                node.standalone = true;
                node.indent = stripTrailingWhitespace(currentList());
            }
            appendNode(std::move(node));
            takeLineOrContinue(standalone);
            return {};
        }

        if (int(m_frames.size()) > kMaxNesting)
            return error(
                tag.start,
                QStringLiteral("Sections nest more than %1 levels deep; flatten the template").arg(kMaxNesting));
        Frame frame;
        frame.closeName = canonical;
        frame.openPos = tag.start;
        frame.openClearsLeft = clearsLeft;

        if (sigil == u'<') {
            node.type = Node::Type::Parent;
            recordUse(tag, canonical, VariableKind::Partial);
            if (clearsLeft)
                frame.leadingWs = peekTrailingWhitespace(currentList());
            frame.node = std::move(node);
            m_frames.push_back(std::move(frame));
            m_dedents.append(currentDedent());
            m_pos = tag.end;
            m_lineClean = false;
            return {};
        }

        // Block. Inside a parent it is an argument: what precedes it there is ignored, so only its right side
        // decides whether the line end after it belongs to the tag.
        node.type = Node::Type::Block;
        frame.inParent = m_frames.size() > 1 && m_frames.back().node.type == Node::Type::Parent;
        const bool blockStandalone = frame.inParent ? clearsRight : standalone;
        frame.openStandalone = blockStandalone;
        QString dedent = currentDedent();
        if (blockStandalone) {
            if (!frame.inParent)
                stripTrailingWhitespace(currentList());
            consumeLine(lineEnd);
            // The first content line's indentation is the block's own; it is removed from every content line
            // and the expansion site's indentation is added instead.
            const QString intrinsic = leadingWhitespaceAt(m_pos);
            if (!frame.inParent) {
                int common = 0;
                while (common < intrinsic.size() && common < dedent.size() && intrinsic[common] == dedent[common])
                    ++common;
                node.hasIndent = true;
                node.indent = intrinsic.mid(common);
            }
            dedent = intrinsic;
        } else {
            if (!frame.inParent && clearsLeft)
                frame.leadingWs = peekTrailingWhitespace(currentList());
            m_pos = tag.end;
            m_lineClean = false;
        }
        frame.node = std::move(node);
        m_frames.push_back(std::move(frame));
        m_dedents.append(dedent);
        return {};
    }

    // sigil == '/'
    const QString closeName = canonicalName(tag.content);
    int line = 0;
    int column = 0;
    if (m_frames.size() == 1) {
        position(tag.start, line, column);
        return error(tag.start, QStringLiteral("Closing tag %1 at %2:%3 has no matching opening tag; remove it or "
                                               "open the section before it with %4")
                                    .arg(tag.raw)
                                    .arg(line)
                                    .arg(column)
                                    .arg(delimited(QLatin1Char('#') + closeName)));
    }
    if (closeName != m_frames.back().closeName) {
        const Frame &open = m_frames.back();
        int openLine = 0;
        int openColumn = 0;
        position(open.openPos, openLine, openColumn);
        position(tag.start, line, column);
        return error(tag.start, QStringLiteral("Closing tag %1 at %2:%3 does not match %4 '%5' opened at %6:%7; "
                                               "close '%5' first with %8")
                                    .arg(tag.raw)
                                    .arg(line)
                                    .arg(column)
                                    .arg(kindName(open.node.type).toLower(), open.closeName)
                                    .arg(openLine)
                                    .arg(openColumn)
                                    .arg(delimited(QLatin1Char('/') + open.closeName)));
    }

    Frame frame = std::move(m_frames.back());
    Node &node = frame.node;
    switch (node.type) {
    case Node::Type::Parent: {
        m_frames.pop_back();
        m_dedents.removeLast();
        // A parent pair that starts and ends its line(s) is standalone, like a partial.
        const bool pairStandalone = frame.openClearsLeft && clearsRight;
        if (pairStandalone) {
            node.standalone = true;
            node.indent = stripTrailingWhitespace(currentList());
        }
        appendNode(std::move(node));
        takeLineOrContinue(pairStandalone);
        return {};
    }
    case Node::Type::Block:
        if (frame.inParent) {
            // The block's content ends here; what follows on the line is parent content and ignored.
            if (clearsLeft)
                stripTrailingWhitespace(node.children);
            m_pos = tag.end;
            m_lineClean = false;
        } else if (standalone) {
            stripTrailingWhitespace(node.children);
            consumeLine(lineEnd);
        } else {
            if (frame.openClearsLeft && clearsRight && !frame.openStandalone) {
                node.hasIndent = true;
                node.indent = frame.leadingWs;
            }
            m_pos = tag.end;
            m_lineClean = false;
        }
        break;
    default:
        if (standalone)
            stripTrailingWhitespace(node.children);
        takeLineOrContinue(standalone);
        break;
    }
    m_frames.pop_back();
    m_dedents.removeLast();
    appendNode(std::move(node));
    return {};
}

void Parser::emitText(int from, int to)
{
    if (from >= to)
        return;
    const QString &dedent = currentDedent();
    QString text;
    text.reserve(to - from);
    int i = from;
    while (i < to) {
        if (i == m_lineStart && !dedent.isEmpty()) {
            int k = 0;
            while (k < dedent.size() && i < to && m_text.at(i) == dedent.at(k)) {
                ++i;
                ++k;
            }
            if (i >= to)
                break;
        }
        int lineEnd = int(m_text.indexOf(u'\n', i));
        const bool newline = lineEnd >= 0 && lineEnd < to;
        if (!newline)
            lineEnd = to;
        if (m_lineClean) {
            for (int c = i; c < lineEnd; ++c) {
                if (!isBlank(m_text.at(c))) {
                    m_lineClean = false;
                    break;
                }
            }
        }
        if (newline) {
            text.append(QStringView(m_text).mid(i, lineEnd + 1 - i));
            i = lineEnd + 1;
            m_lineStart = i;
            m_lineClean = true;
        } else {
            text.append(QStringView(m_text).mid(i, lineEnd - i));
            i = lineEnd;
        }
    }
    if (text.isEmpty())
        return;
    Node node;
    node.type = Node::Type::Text;
    node.text = std::move(text);
    node.endsWithNewline = node.text.endsWith(u'\n');
    appendNode(std::move(node));
}

void Parser::appendNode(Node node)
{
    Frame &top = m_frames.back();
    // Only blocks count inside a parent; anything else there is ignored by the spec.
    if (m_frames.size() > 1 && top.node.type == Node::Type::Parent && node.type != Node::Type::Block)
        return;
    std::vector<Node> &list = top.node.children;
    if (node.type == Node::Type::Text && !list.empty() && list.back().type == Node::Type::Text) {
        list.back().text.append(node.text);
        list.back().endsWithNewline = node.endsWithNewline;
        return;
    }
    list.push_back(std::move(node));
}

QString Parser::peekTrailingWhitespace(const std::vector<Node> &list) const
{
    if (list.empty() || list.back().type != Node::Type::Text)
        return {};
    const QString &text = list.back().text;
    qsizetype k = text.size();
    while (k > 0 && isBlank(text.at(k - 1)))
        --k;
    return text.mid(k);
}

QString Parser::stripTrailingWhitespace(std::vector<Node> &list)
{
    const QString whitespace = peekTrailingWhitespace(list);
    if (whitespace.isEmpty())
        return whitespace;
    Node &last = list.back();
    last.text.chop(whitespace.size());
    if (last.text.isEmpty())
        list.pop_back();
    else
        last.endsWithNewline = last.text.endsWith(u'\n');
    return whitespace;
}

int Parser::restOfLineEnd(int pos) const
{
    const int size = int(m_text.size());
    int i = pos;
    while (i < size && isBlank(m_text.at(i)))
        ++i;
    if (i == size)
        return size;
    if (m_text.at(i) == u'\n')
        return i + 1;
    if (m_text.at(i) == u'\r' && i + 1 < size && m_text.at(i + 1) == u'\n')
        return i + 2;
    return -1;
}

void Parser::consumeLine(int lineEnd)
{
    m_pos = lineEnd;
    m_lineStart = lineEnd;
    m_lineClean = true;
}

QString Parser::leadingWhitespaceAt(int pos) const
{
    int end = pos;
    while (end < m_text.size() && isBlank(m_text.at(end)))
        ++end;
    return m_text.mid(pos, end - pos);
}

const QString &Parser::currentDedent() const
{
    return m_dedents.constLast();
}

void Parser::position(int offset, int &line, int &column)
{
    if (offset < m_scanOffset) {
        m_scanOffset = 0;
        m_scanLine = 1;
        m_scanLineStart = 0;
    }
    for (int i = m_scanOffset; i < offset; ++i) {
        if (m_text.at(i) == u'\n') {
            ++m_scanLine;
            m_scanLineStart = i + 1;
        }
    }
    m_scanOffset = offset;
    line = m_scanLine;
    column = offset - m_scanLineStart + 1;
}

Error Parser::error(int offset, const QString &message)
{
    int line = 0;
    int column = 0;
    position(offset, line, column);
    return Error::make(Error::Code::InvalidInput, message, m_sourceName, line, column);
}

}  // namespace Switchyard::Templating::Detail
