#include "core/prompts/PromptLinter.h"

#include "core/common/EditDistance.h"
#include "core/common/YamlReader_p.h"
#include "core/prompts/PromptDocumentParser_p.h"
#include "core/prompts/TemplateErrors_p.h"
#include "core/templating/Parser.h"
#include "core/templating/SystemVariables.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <algorithm>
#include <optional>
#include <string>

namespace Switchyard {

namespace {

using Templating::Detail::Node;

QString tr(const char *text)
{
    return QCoreApplication::translate("Switchyard::PromptLinter", text);
}

/// Line starts of the file, so positions can be measured in UTF-16 columns without splitting the text.
class SourceLines {
public:
    explicit SourceLines(const QString &text) : m_text(text)
    {
        m_starts.append(0);
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i) == u'\n')
                m_starts.append(int(i + 1));
        }
    }

    int count() const { return int(m_starts.size()); }

    /// Line @p line (1-based) without its line break; empty outside the file.
    QStringView line(int line) const
    {
        if (line < 1 || line > count())
            return {};
        const int start = m_starts.at(line - 1);
        int end = line < count() ? m_starts.at(line) - 1 : int(m_text.size());
        if (end > start && m_text.at(end - 1) == u'\r')
            --end;
        return QStringView(m_text).mid(start, end - start);
    }

    /// yaml-cpp counts columns in UTF-8 bytes: the 1-based UTF-16 column of the 0-based byte column @p byteColumn.
    int utf16Column(int line, int byteColumn) const
    {
        const QStringView text = this->line(line);
        int bytes = 0;
        qsizetype i = 0;
        while (i < text.size() && bytes < byteColumn) {
            const char16_t c = text.at(i).unicode();
            if (QChar::isHighSurrogate(c) && i + 1 < text.size()) {
                bytes += 4;
                i += 2;
                continue;
            }
            bytes += c < 0x80 ? 1 : (c < 0x800 ? 2 : 3);
            ++i;
        }
        return int(i) + 1;
    }

    /// How much to underline at a position: a whole `{{...}}` tag, else the word (non-blank run) there; at least 1.
    int tokenLength(int line, int column) const
    {
        const QStringView text = this->line(line);
        const qsizetype start = column - 1;
        if (start < 0 || start >= text.size())
            return 1;
        if (text.mid(start).startsWith(u"{{")) {
            const qsizetype close = text.indexOf(u"}}", start + 2);
            if (close >= 0) {
                qsizetype end = close + 2;
                if (end < text.size() && text.at(end) == u'}')
                    ++end;  // {{{raw}}}
                return int(end - start);
            }
        }
        qsizetype end = start;
        while (end < text.size() && !text.at(end).isSpace())
            ++end;
        return int(std::max<qsizetype>(1, end - start));
    }

private:
    const QString &m_text;
    QList<int> m_starts;
};

struct FilePosition {
    int line = 1;
    int column = 1;
    bool exact = true;
};

/// Where the characters of one template value (system, user, a section) are in the file.
struct PartMap {
    int firstLine = 1;       ///< file line of the template's line 1
    int columnOffset = 0;    ///< file column = template column + columnOffset on exactly mapped lines
    int exactLines = 0;      ///< template lines that are file lines one to one (verified literal blocks)
    int firstLineExact = 0;  ///< otherwise: template columns of line 1 that match the source in place
    int fallbackLine = 1;    ///< where everything else is reported: the start of the value's first line
    int fallbackColumn = 1;
    QString part;     ///< "system", "user" or "section"
    QString section;  ///< the section title for sections

    FilePosition map(int line, int column) const
    {
        if (line >= 1 && line <= exactLines)
            return {firstLine + line - 1, column + columnOffset, true};
        if (line == 1 && column >= 1 && column <= firstLineExact)
            return {firstLine, column + columnOffset, true};
        return {fallbackLine, fallbackColumn, false};
    }
};

qsizetype commonPrefix(QStringView a, QStringView b)
{
    qsizetype n = 0;
    while (n < a.size() && n < b.size() && a.at(n) == b.at(n))
        ++n;
    return n;
}

qsizetype leadingSpaces(QStringView text)
{
    qsizetype n = 0;
    while (n < text.size() && text.at(n) == u' ')
        ++n;
    return n;
}

/// Maps @p text, the value of @p node, onto the file. Literal blocks are verified line by line, so a mapping is
/// only called exact where the file really has those characters at that place.
PartMap mapPart(const YAML::Node &node, const QString &text, const SourceLines &lines)
{
    PartMap map;
    const YAML::Mark mark = node.Mark();
    if (mark.is_null())
        return map;
    const int markLine = mark.line + 1;
    const int markColumn = lines.utf16Column(markLine, mark.column);
    const QStringView source = lines.line(markLine);
    const QChar indicator = markColumn - 1 < source.size() ? source.at(markColumn - 1) : QChar();
    const qsizetype newline = text.indexOf(u'\n');
    const QStringView firstTemplateLine = QStringView(text).left(newline < 0 ? text.size() : newline);
    map.firstLine = markLine;
    map.fallbackLine = markLine;
    map.fallbackColumn = markColumn;

    if (indicator == u'|' || indicator == u'>') {
        // Block scalar: the content starts on the next line, indented like its first non-blank line.
        int first = markLine + 1;
        qsizetype indent = -1;
        for (int l = first; l <= lines.count(); ++l) {
            const QStringView candidate = lines.line(l);
            if (!candidate.trimmed().isEmpty()) {
                indent = leadingSpaces(candidate);
                map.fallbackLine = l;
                break;
            }
        }
        if (indent < 0)
            return map;
        map.firstLine = first;
        map.columnOffset = int(indent);
        map.fallbackColumn = int(indent) + 1;
        if (indicator == u'|') {
            const QList<QStringView> templateLines = QStringView(text).split(u'\n');
            bool exact = true;
            for (qsizetype i = 0; i < templateLines.size() && exact; ++i) {
                const QStringView expected = templateLines.at(i);
                if (expected.isEmpty())
                    continue;
                const QStringView fileLine = lines.line(first + int(i));
                exact = fileLine.size() >= indent && fileLine.mid(indent) == expected;
            }
            if (exact) {
                map.exactLines = int(templateLines.size());
                return map;
            }
        }
        const QStringView firstLine = lines.line(first);
        map.firstLineExact = int(commonPrefix(firstTemplateLine, firstLine.mid(std::min(indent, firstLine.size()))));
        return map;
    }

    // Flow scalar: plain, or quoted (the text starts after the quote).
    const bool quoted = indicator == u'"' || indicator == u'\'';
    map.columnOffset = markColumn - 1 + (quoted ? 1 : 0);
    map.fallbackColumn = map.columnOffset + 1;
    const qsizetype start = std::min<qsizetype>(map.columnOffset, source.size());
    map.firstLineExact = int(commonPrefix(firstTemplateLine, source.mid(start)));
    return map;
}

/// One name a template uses, at its template-relative position.
struct TemplateUse {
    QString name;
    QString head;        ///< the first segment of a dotted name
    bool local = false;  ///< inside a {{#section}}: may be a field of the section's items
    int line = 0;
    int column = 0;
};

/// What the linter needs from one compiled template.
struct TemplateScan {
    std::optional<Error> error;
    QList<TemplateUse> uses;
};

void collectUses(const std::vector<Node> &nodes, int sectionDepth, QList<TemplateUse> &uses)
{
    for (const Node &node : nodes) {
        const auto add = [&] {
            if (node.name.implicit || node.name.parts.isEmpty())
                return;
            uses.append(
                TemplateUse{node.name.text, node.name.parts.constFirst(), sectionDepth > 0, node.line, node.column});
        };
        switch (node.type) {
        case Node::Type::Text:
            break;
        case Node::Type::Variable:
            add();
            break;
        case Node::Type::Section:
            add();
            collectUses(node.children, sectionDepth + 1, uses);
            break;
        case Node::Type::Inverted:
            add();
            collectUses(node.children, sectionDepth, uses);
            break;
        case Node::Type::Partial:
        case Node::Type::Parent:
            if (node.dynamic)
                add();
            collectUses(node.children, sectionDepth, uses);
            break;
        case Node::Type::Block:
            collectUses(node.children, sectionDepth, uses);
            break;
        }
    }
}

/// Compiles @p text, or returns the result of the last compile of the same text on this thread: while the user
/// types in one section, only that section is compiled again (compiling is most of a lint after the YAML load).
TemplateScan scanTemplate(const QString &text)
{
    thread_local QHash<QString, TemplateScan> cache;
    if (const auto found = cache.constFind(text); found != cache.constEnd())
        return *found;
    if (cache.size() > 256)
        cache.clear();  // old versions of edited sections; cheap to rebuild
    TemplateScan scan;
    auto compiled = Templating::Detail::Parser::parse(text, QString());
    if (compiled)
        collectUses((*compiled)->nodes, 0, scan.uses);
    else
        scan.error = compiled.error();
    cache.insert(text, scan);
    return scan;
}

PromptDiagnostic diagnostic(PromptDiagnostic::Severity severity, const SourceLines &lines, int line, int column,
                            const QString &code, const QString &message, int length = 0)
{
    line = std::clamp(line, 1, lines.count());
    column = std::max(1, column);
    if (length <= 0)
        length = lines.tokenLength(line, column);
    return PromptDiagnostic{severity, line, column, std::max(1, length), code, message};
}

/// Template errors say "at 2:5" relative to the template; rewrite those as file positions.
QString withFilePositions(const QString &message, const PartMap &map)
{
    static const QRegularExpression position(QStringLiteral(" at (\\d+):(\\d+)"));
    QString result;
    qsizetype last = 0;
    for (auto it = position.globalMatch(message); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const FilePosition where = map.map(match.captured(1).toInt(), match.captured(2).toInt());
        result += message.mid(last, match.capturedStart() - last);
        result += tr(" at line %1, column %2").arg(where.line).arg(where.column);
        last = match.capturedEnd();
    }
    return result + message.mid(last);
}

struct Declaration {
    QString name;
    int line = 1;
    int column = 1;
};

void lintTemplates(const YAML::Node &root, const SourceLines &lines, const PromptLintContext &context,
                   QList<PromptDiagnostic> &out)
{
    using Severity = PromptDiagnostic::Severity;
    QList<Declaration> declarations;
    QList<std::pair<QString, PartMap>> parts;  // template text and where it is
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString key = YamlReader::keyText(it->first);
        const YAML::Node value = it->second;
        if (key == QLatin1String("variables") && value.IsMap()) {
            for (auto variable = value.begin(); variable != value.end(); ++variable) {
                const int line = YamlReader::line(variable->first);
                declarations.append(Declaration{YamlReader::keyText(variable->first), line,
                                                lines.utf16Column(line, variable->first.Mark().column)});
            }
        } else if ((key == QLatin1String("system") || key == QLatin1String("user")) && value.IsScalar()) {
            const QString text = YamlReader::keyText(value);
            PartMap map = mapPart(value, text, lines);
            map.part = key;
            parts.append({text, map});
        } else if (key == QLatin1String("sections") && value.IsMap()) {
            for (auto section = value.begin(); section != value.end(); ++section) {
                if (!section->second.IsScalar())
                    continue;
                const QString text = YamlReader::keyText(section->second);
                PartMap map = mapPart(section->second, text, lines);
                map.part = QStringLiteral("system");
                map.section = YamlReader::keyText(section->first);
                parts.append({text, map});
            }
        }
    }

    struct Use {
        TemplateUse use;
        FilePosition position;
    };
    QList<Use> uses;
    for (const auto &[text, map] : parts) {
        const TemplateScan scan = scanTemplate(text);
        if (scan.error) {
            const Error &error = *scan.error;
            const FilePosition where = map.map(error.line, error.column);
            out.append(diagnostic(Severity::Error, lines, where.line, where.column, QStringLiteral("template"),
                                  PromptTemplateErrors::describePart(map.part, map.section) + QStringLiteral(": ") +
                                      withFilePositions(error.message, map)));
            continue;
        }
        for (const TemplateUse &use : scan.uses)
            uses.append(Use{use, map.map(use.line, use.column)});
    }

    QHash<QString, bool> declared;  // name -> used
    QStringList candidates;
    for (const Declaration &declaration : declarations) {
        declared.insert(declaration.name, false);
        candidates.append(declaration.name);
    }
    for (const Templating::SystemVariableInfo &info : Templating::SystemVariables::definitions())
        candidates.append(info.name);

    for (const auto &[use, position] : uses) {
        // "customer.name" uses "customer"; "order.id.total" uses a declared "order.id".
        QString match = declared.contains(use.name) ? use.name : (declared.contains(use.head) ? use.head : QString());
        for (qsizetype dot = use.name.indexOf(u'.', use.head.size() + 1); match.isEmpty() && dot > 0;
             dot = use.name.indexOf(u'.', dot + 1)) {
            if (declared.contains(use.name.left(dot)))
                match = use.name.left(dot);
        }
        if (!match.isEmpty()) {
            declared[match] = true;
            continue;
        }
        if (use.local || Templating::SystemVariables::isSystemVariable(use.head) ||
            Templating::SystemVariables::isSystemVariable(use.name))
            continue;
        QString close = EditDistance::closest(use.head, candidates);
        if (close.isEmpty())
            close = EditDistance::closest(use.head, context.otherPromptVariables);
        const int line = position.line;
        const int column = position.column;
        const int length = position.exact ? 0 : int(lines.line(line).size()) - column + 1;
        if (!close.isEmpty())
            out.append(diagnostic(Severity::Warning, lines, line, column, QStringLiteral("near-miss"),
                                  tr("Unknown variable '%1' — did you mean '%2'?").arg(use.head, close), length));
        else
            out.append(diagnostic(Severity::Warning, lines, line, column, QStringLiteral("undefined-variable"),
                                  tr("Variable '%1' is not declared under 'variables:' and is not a system variable; "
                                     "declare it or correct its name.")
                                      .arg(use.name),
                                  length));
    }

    for (const Declaration &declaration : declarations) {
        if (declared.value(declaration.name))
            continue;
        out.append(diagnostic(
            Severity::Warning, lines, declaration.line, declaration.column, QStringLiteral("unused-variable"),
            tr("Variable '%1' is declared but no template uses it; use it or remove it.").arg(declaration.name),
            int(declaration.name.size())));
    }
}

}  // namespace

QList<PromptDiagnostic> PromptLinter::lint(const QString &yamlText, const PromptLintContext &context)
{
    return lintAndParse(yamlText, QString(), context).diagnostics;
}

PromptLintResult PromptLinter::lintAndParse(const QString &yamlText, const QString &fileName,
                                            const PromptLintContext &context)
{
    using Severity = PromptDiagnostic::Severity;
    PromptLintResult result;
    QList<PromptDiagnostic> &out = result.diagnostics;
    const SourceLines lines(yamlText);
    const QByteArray utf8 = yamlText.toUtf8();
    const auto column = [&lines](int line, int byteColumn) {
        return byteColumn > 0 ? lines.utf16Column(line, byteColumn - 1) : 1;
    };

    const auto fail = [&](const Error &error, const QString &code) {
        const int line = std::clamp(error.line, 1, lines.count());
        out.append(diagnostic(Severity::Error, lines, line, column(line, error.column), code, error.message));
        return result;
    };

    // Load once: the validation and the template positions both work on this tree.
    YamlReader reader{fileName};
    const Result<YAML::Node> root = reader.load(utf8, PromptDocumentParserDetail::emptyHint());
    if (!root) {
        result.parsed = root.error();
        return fail(root.error(), QStringLiteral("yaml"));
    }
    try {
        result.parsed = PromptDocumentParserDetail::parseLoaded(reader, *root);
    } catch (const YAML::Exception &e) {
        // The same error PromptDocumentParser::parse() gives.
        result.parsed = Error::make(Error::Code::Internal,
                                    QStringLiteral("the prompt file could not be read (%1); please report this")
                                        .arg(QString::fromStdString(e.msg)),
                                    fileName);
        return fail(result.parsed.error(), QStringLiteral("prompt"));
    }
    if (!result.parsed)
        return fail(result.parsed.error(), QStringLiteral("prompt"));
    for (const Warning &warning : result.parsed->warnings) {
        const int line = std::clamp(warning.line, 1, lines.count());
        out.append(diagnostic(Severity::Warning, lines, line, column(line, warning.column), QStringLiteral("prompt"),
                              warning.message));
    }
    try {
        lintTemplates(*root, lines, context, out);
    } catch (const YAML::Exception &e) {
        return fail(
            Error::make(Error::Code::Internal,
                        QStringLiteral("the prompt file could not be read (%1)").arg(QString::fromStdString(e.msg))),
            QStringLiteral("prompt"));
    }
    std::stable_sort(out.begin(), out.end(), [](const PromptDiagnostic &a, const PromptDiagnostic &b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return result;
}

}  // namespace Switchyard
