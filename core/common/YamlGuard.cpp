#include "core/common/YamlGuard.h"

#include <vector>

namespace Switchyard {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

bool isFlowIndicator(char c)
{
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

/// 1-based column in characters (not bytes) of @p pos within the line starting at @p lineStart.
int characterColumn(const char *data, qsizetype lineStart, qsizetype pos)
{
    return int(QString::fromUtf8(data + lineStart, pos - lineStart).size()) + 1;
}

Error depthError(const QString &fileName, int maxDepth, int line, int column)
{
    return Error::make(Error::Code::InvalidInput,
                       QStringLiteral("nesting is deeper than %1 levels here; no Switchyard file needs this much, so "
                                      "the file is refused before parsing (this protects against maliciously nested "
                                      "input) — flatten the structure or check that the file is not damaged")
                           .arg(maxDepth),
                       fileName, line, column);
}

}  // namespace

Result<void> YamlGuard::check(const QByteArray &yaml, const QString &fileName, int maxDepth, qsizetype maxBytes)
{
    if (yaml.size() > maxBytes) {
        const double mib = double(yaml.size()) / double(1 << 20);
        const double limit = double(maxBytes) / double(1 << 20);
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("the file is %1 MiB, larger than the %2 MiB limit for YAML files; split it "
                                          "into smaller files")
                               .arg(mib, 0, 'f', 1)
                               .arg(limit, 0, 'g', 3),
                           fileName);
    }

    enum class Quote { None, Single, Double };
    Quote quote = Quote::None;
    int flowDepth = 0;
    std::vector<int> blockStack;  // columns of the open block collections, innermost last
    bool inBlockScalar = false;
    int blockScalarThreshold = -1;  // content lines of a block scalar are indented more than this
    bool atScalarStart = true;      // the next non-blank character starts a node (persists inside flow collections)

    const char *data = yaml.constData();
    const qsizetype size = yaml.size();
    qsizetype lineStart = 0;
    int lineNumber = 0;

    while (lineStart <= size) {
        qsizetype lineEnd = yaml.indexOf('\n', lineStart);
        if (lineEnd < 0)
            lineEnd = size;
        ++lineNumber;
        const qsizetype nextLine = lineEnd + 1;

        qsizetype indentEnd = lineStart;
        while (indentEnd < lineEnd && data[indentEnd] == ' ')
            ++indentEnd;
        const int indent = int(indentEnd - lineStart);
        qsizetype firstNonBlank = indentEnd;
        while (firstNonBlank < lineEnd && isBlank(data[firstNonBlank]))
            ++firstNonBlank;
        const bool blankLine = firstNonBlank == lineEnd;

        if (inBlockScalar) {
            if (blankLine || indent > blockScalarThreshold) {
                lineStart = nextLine;
                continue;
            }
            inBlockScalar = false;
        }

        qsizetype pos = lineStart;
        if (quote == Quote::None && flowDepth == 0) {
            // A line in block context: its indentation opens or closes block collections.
            if (blankLine || data[firstNonBlank] == '#' || (indent == 0 && data[lineStart] == '%')) {
                lineStart = nextLine;
                continue;
            }
            const bool marker =
                indent == 0 && lineEnd - lineStart >= 3 &&
                (qstrncmp(data + lineStart, "---", 3) == 0 || qstrncmp(data + lineStart, "...", 3) == 0) &&
                (lineStart + 3 == lineEnd || isBlank(data[lineStart + 3]));
            if (marker) {
                blockStack.clear();
                pos = lineStart + 3;
            } else {
                while (!blockStack.empty() && blockStack.back() >= indent)
                    blockStack.pop_back();
                // A line opening a flow collection is that collection; any other line is (in) a block node.
                if (data[indentEnd] != '[' && data[indentEnd] != '{') {
                    blockStack.push_back(indent);
                    if (int(blockStack.size()) + flowDepth > maxDepth)
                        return depthError(fileName, maxDepth, lineNumber, characterColumn(data, lineStart, indentEnd));
                }
                pos = indentEnd;
            }
            atScalarStart = true;
        }

        bool nestNext = false;  // after "- ", "? " or ": " at a node start, the next node is nested one level deeper
        bool previousBlank = true;
        bool blockScalarHeader = false;
        const auto closeQuote = [&] {
            quote = Quote::None;
            atScalarStart = false;
            previousBlank = false;
        };
        for (; pos < lineEnd; ++pos) {
            const char c = data[pos];
            if (quote == Quote::Double) {
                if (c == '\\')
                    ++pos;
                else if (c == '"')
                    closeQuote();
                continue;
            }
            if (quote == Quote::Single) {
                if (c == '\'') {
                    if (pos + 1 < lineEnd && data[pos + 1] == '\'')
                        ++pos;
                    else
                        closeQuote();
                }
                continue;
            }
            if (isBlank(c)) {
                previousBlank = true;
                continue;
            }
            if (c == '#' && previousBlank)
                break;  // comment
            previousBlank = false;

            const bool flow = flowDepth > 0;
            const bool spaceFollows = pos + 1 >= lineEnd || isBlank(data[pos + 1]);
            if (!atScalarStart) {
                if (c == ':' && (spaceFollows || (flow && isFlowIndicator(data[pos + 1])))) {
                    atScalarStart = true;
                } else if (flow) {
                    if (c == ',') {
                        atScalarStart = true;
                    } else if (c == '[' || c == '{') {
                        ++flowDepth;
                        if (int(blockStack.size()) + flowDepth > maxDepth)
                            return depthError(fileName, maxDepth, lineNumber, characterColumn(data, lineStart, pos));
                        atScalarStart = true;
                    } else if (c == ']' || c == '}') {
                        if (flowDepth > 0)
                            --flowDepth;
                    }
                }
                continue;
            }

            if (!flow && (c == '|' || c == '>')) {
                qsizetype p = pos + 1;
                while (p < lineEnd && (data[p] == '+' || data[p] == '-' || (data[p] >= '0' && data[p] <= '9')))
                    ++p;
                if (p == lineEnd || isBlank(data[p])) {
                    blockScalarHeader = true;
                    blockScalarThreshold = blockStack.empty() ? -1 : blockStack.back();
                    break;
                }
            }
            if (!flow && nestNext) {
                nestNext = false;
                blockStack.push_back(characterColumn(data, lineStart, pos) - 1);
                if (int(blockStack.size()) + flowDepth > maxDepth)
                    return depthError(fileName, maxDepth, lineNumber, characterColumn(data, lineStart, pos));
            }
            if ((c == '-' || c == '?' || c == ':') && spaceFollows) {
                nestNext = !flow;  // "- - x" nests sequences; the indicator keeps us at a node start
            } else if (c == '"') {
                quote = Quote::Double;
            } else if (c == '\'') {
                quote = Quote::Single;
            } else if (c == '[' || c == '{') {
                ++flowDepth;
                if (int(blockStack.size()) + flowDepth > maxDepth)
                    return depthError(fileName, maxDepth, lineNumber, characterColumn(data, lineStart, pos));
            } else if (c == ']' || c == '}') {
                if (flowDepth > 0)
                    --flowDepth;
                atScalarStart = false;
            } else if (c == '&' || c == '!') {
                // anchor or tag: the node itself follows
                while (pos + 1 < lineEnd && !isBlank(data[pos + 1]) && !(flow && isFlowIndicator(data[pos + 1])))
                    ++pos;
            } else if (c == ',' && flow) {
                // empty entry; still at a node start
            } else {
                atScalarStart = false;  // a plain scalar or an alias begins
            }
        }
        if (blockScalarHeader)
            inBlockScalar = true;
        lineStart = nextLine;
    }
    return {};
}

}  // namespace Switchyard
