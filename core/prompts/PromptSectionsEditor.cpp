#include "core/prompts/PromptSectionsEditor.h"

#include "core/prompts/StructuredPromptRenderer.h"

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>

namespace Switchyard {

namespace {

/// One line of the file: where it starts and its text without the line break.
struct Line {
    qsizetype start = 0;
    qsizetype end = 0;  ///< after the line break (or the end of the file)
    QStringView text;
};

QList<Line> splitLines(const QString &yaml)
{
    QList<Line> lines;
    qsizetype start = 0;
    while (start < yaml.size()) {
        const qsizetype newline = yaml.indexOf(QLatin1Char('\n'), start);
        const qsizetype textEnd = newline < 0 ? yaml.size() : newline;
        lines.append(
            Line{start, newline < 0 ? yaml.size() : newline + 1, QStringView(yaml).mid(start, textEnd - start)});
        start = newline < 0 ? yaml.size() : newline + 1;
    }
    return lines;
}

bool isBlank(QStringView line)
{
    return line.trimmed().isEmpty();
}

bool isIndented(QStringView line)
{
    return !line.isEmpty() && (line.front() == QLatin1Char(' ') || line.front() == QLatin1Char('\t'));
}

/// The line index of the top-level @p key ("sections", "system", "user"), or -1.
int findTopLevelKey(const QList<Line> &lines, QLatin1StringView key)
{
    const QRegularExpression pattern(QStringLiteral("^%1\\s*:(\\s|$)").arg(QRegularExpression::escape(key)));
    for (int i = 0; i < lines.size(); ++i) {
        if (pattern.match(lines.at(i).text.toString()).hasMatch())
            return i;
    }
    return -1;
}

/// Where the `sections:` block is and what it holds.
struct Block {
    int firstLine = -1;  ///< the `sections:` line; -1 when there is none
    int endLine = -1;    ///< one past the block's last indented line
    int indent = 2;      ///< indentation of the section titles
    QString value;       ///< the YAML of the mapping (inline value plus the indented lines)
};

Block locate(const QList<Line> &lines)
{
    Block block;
    block.firstLine = findTopLevelKey(lines, QLatin1StringView("sections"));
    if (block.firstLine < 0)
        return block;
    const QStringView header = lines.at(block.firstLine).text;
    QString inlineValue = header.mid(header.indexOf(QLatin1Char(':')) + 1).toString();
    // A comment after the key is not part of the value ("sections:  # outline").
    if (inlineValue.trimmed().startsWith(QLatin1Char('#')))
        inlineValue.clear();

    block.endLine = block.firstLine + 1;
    bool indentFound = false;
    for (int i = block.firstLine + 1; i < lines.size(); ++i) {
        const QStringView text = lines.at(i).text;
        if (isBlank(text) || text.startsWith(QLatin1Char('#')))
            continue;  // inside the block only if an indented line follows
        if (!isIndented(text))
            break;
        block.endLine = i + 1;
        if (!indentFound && !text.trimmed().startsWith(QLatin1Char('#'))) {
            int indent = 0;
            while (indent < text.size() && text.at(indent) == QLatin1Char(' '))
                ++indent;
            block.indent = qMax(1, indent);
            indentFound = true;
        }
    }
    QStringList value;
    if (!inlineValue.trimmed().isEmpty())
        value.append(inlineValue);
    for (int i = block.firstLine + 1; i < block.endLine; ++i)
        value.append(lines.at(i).text.toString());
    block.value = value.join(QLatin1Char('\n'));
    return block;
}

Error invalid(const QString &message)
{
    return Error::make(Error::Code::InvalidInput, message);
}

QString quotedTitle(const QString &title)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z][A-Za-z0-9 _()/.,'&+-]*$"));
    if (plain.match(title).hasMatch() && !title.endsWith(QLatin1Char(' ')))
        return title;
    QString escaped = title;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    escaped.replace(QLatin1Char('\n'), QLatin1String("\\n")).replace(QLatin1Char('\t'), QLatin1String("\\t"));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

/// `|` with the indicators that make @p text read back exactly, and the content lines.
QString literalBlock(const QString &text, int contentIndent)
{
    if (text.isEmpty())
        return QStringLiteral(" \"\"\n");
    QStringList lines = text.split(QLatin1Char('\n'));
    QString chomping;
    if (text.endsWith(QLatin1Char('\n'))) {
        lines.removeLast();  // the final line break ends the last line
        // Only line breaks: clipping would drop them all.
        const bool onlyBreaks = std::all_of(lines.cbegin(), lines.cend(), [](const QString &l) { return l.isEmpty(); });
        if (text.endsWith(QLatin1String("\n\n")) || onlyBreaks)
            chomping = QStringLiteral("+");
    } else {
        chomping = QStringLiteral("-");
    }
    QString indentation;
    for (const QString &line : std::as_const(lines)) {
        if (line.isEmpty())
            continue;
        // A first content line that starts with whitespace would be read as deeper indentation.
        if (line.front().isSpace())
            indentation = QStringLiteral("2");
        break;
    }
    QString out = QStringLiteral(" |") + indentation + chomping + QLatin1Char('\n');
    const QString pad(contentIndent, QLatin1Char(' '));
    for (const QString &line : std::as_const(lines))
        out += (line.isEmpty() ? QString() : pad + line) + QLatin1Char('\n');
    return out;
}

Result<void> checkTitle(const QList<PromptSection> &sections, const QString &title, int ignoreIndex)
{
    if (title.trimmed().isEmpty())
        return invalid(QStringLiteral("A section needs a title."));
    for (int i = 0; i < sections.size(); ++i) {
        if (i != ignoreIndex && sections.at(i).title == title)
            return invalid(QStringLiteral("There is already a section '%1'; choose another title.").arg(title));
    }
    return {};
}

Result<void> checkIndex(const QList<PromptSection> &sections, int index)
{
    if (index < 0 || index >= sections.size())
        return invalid(
            QStringLiteral("There is no section %1 (the prompt has %2).").arg(index + 1).arg(sections.size()));
    return {};
}

}  // namespace

bool PromptSectionsEditor::hasSectionsBlock(const QString &yaml)
{
    return findTopLevelKey(splitLines(yaml), QLatin1StringView("sections")) >= 0;
}

Result<QList<PromptSection>> PromptSectionsEditor::sections(const QString &yaml)
{
    const Block block = locate(splitLines(yaml));
    if (block.firstLine < 0)
        return QList<PromptSection>();
    if (block.value.trimmed() == QLatin1String("{}"))
        return QList<PromptSection>();
    auto sections = StructuredPromptRenderer::fromYaml(block.value);
    if (!sections)
        return invalid(QStringLiteral("The sections block (line %1) could not be read: %2")
                           .arg(block.firstLine + 1)
                           .arg(sections.error().message));
    return sections;
}

QString PromptSectionsEditor::writeBlock(const QList<PromptSection> &sections, int indent)
{
    if (sections.isEmpty())
        return QStringLiteral("sections: {}\n");
    QString out = QStringLiteral("sections:\n");
    const QString pad(indent, QLatin1Char(' '));
    for (const PromptSection &section : sections)
        out += pad + quotedTitle(section.title) + QLatin1Char(':') + literalBlock(section.text, indent + 2);
    return out;
}

Result<QString> PromptSectionsEditor::replaceSections(const QString &yaml, const QList<PromptSection> &sections)
{
    const QList<Line> lines = splitLines(yaml);
    const Block block = locate(lines);
    if (block.firstLine < 0) {
        const int system = findTopLevelKey(lines, QLatin1StringView("system"));
        if (system >= 0)
            return invalid(QStringLiteral("This prompt has a system text (line %1); a prompt has either a system "
                                          "text or sections. Move the text into a section and remove 'system:' "
                                          "first.")
                               .arg(system + 1));
        const QString written = writeBlock(sections);
        const int user = findTopLevelKey(lines, QLatin1StringView("user"));
        if (user >= 0)
            return QString(yaml).insert(lines.at(user).start, written);
        QString result = yaml;
        if (!result.isEmpty() && !result.endsWith(QLatin1Char('\n')))
            result += QLatin1Char('\n');
        return result + written;
    }
    const qsizetype start = lines.at(block.firstLine).start;
    const Line &last = lines.at(block.endLine - 1);
    QString written = writeBlock(sections, block.indent);
    // A block at the very end of a file without a final line break stays without one.
    if (last.end == yaml.size() && !yaml.endsWith(QLatin1Char('\n')))
        written.chop(1);
    return QString(yaml).replace(start, last.end - start, written);
}

Result<QString> PromptSectionsEditor::addSection(const QString &yaml, int index, const PromptSection &section)
{
    auto current = sections(yaml);
    if (!current)
        return current.error();
    if (index < 0 || index > current->size())
        return invalid(QStringLiteral("Cannot add a section at position %1 (the prompt has %2).")
                           .arg(index + 1)
                           .arg(current->size()));
    if (auto checked = checkTitle(*current, section.title, -1); !checked)
        return checked.error();
    current->insert(index, section);
    return replaceSections(yaml, *current);
}

Result<QString> PromptSectionsEditor::removeSection(const QString &yaml, int index)
{
    auto current = sections(yaml);
    if (!current)
        return current.error();
    if (auto checked = checkIndex(*current, index); !checked)
        return checked.error();
    current->removeAt(index);
    return replaceSections(yaml, *current);
}

Result<QString> PromptSectionsEditor::moveSection(const QString &yaml, int from, int to)
{
    auto current = sections(yaml);
    if (!current)
        return current.error();
    if (auto checked = checkIndex(*current, from); !checked)
        return checked.error();
    if (auto checked = checkIndex(*current, to); !checked)
        return checked.error();
    current->move(from, to);
    return replaceSections(yaml, *current);
}

Result<QString> PromptSectionsEditor::renameSection(const QString &yaml, int index, const QString &title)
{
    auto current = sections(yaml);
    if (!current)
        return current.error();
    if (auto checked = checkIndex(*current, index); !checked)
        return checked.error();
    if (auto checked = checkTitle(*current, title, index); !checked)
        return checked.error();
    (*current)[index].title = title;
    return replaceSections(yaml, *current);
}

}  // namespace Switchyard
