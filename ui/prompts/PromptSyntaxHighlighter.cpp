#include "ui/prompts/PromptSyntaxHighlighter.h"

#include <QTextDocument>

namespace Switchyard {

namespace {

constexpr int kNormalState = -1;  // any other state: inside a block scalar whose key has that indentation

qsizetype indentOf(const QString &text)
{
    qsizetype n = 0;
    while (n < text.size() && text.at(n) == u' ')
        ++n;
    return n;
}

bool isBlank(const QString &text)
{
    for (const QChar c : text) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

/// Offset of a " #" comment in a plain value, or -1. Quotes and tags are not comments.
qsizetype commentStart(const QString &text, qsizetype from)
{
    for (qsizetype i = from; i < text.size(); ++i) {
        if (text.at(i) == u'#' && (i == from || text.at(i - 1).isSpace()))
            return i;
    }
    return -1;
}

/// A plain value YAML reads as a number, a boolean or null rather than text.
bool isConstant(QStringView value)
{
    static const QStringList constants = {
        QStringLiteral("true"),  QStringLiteral("True"),  QStringLiteral("TRUE"), QStringLiteral("false"),
        QStringLiteral("False"), QStringLiteral("FALSE"), QStringLiteral("null"), QStringLiteral("Null"),
        QStringLiteral("NULL"),  QStringLiteral("~"),
    };
    if (value.isEmpty())
        return false;
    if (constants.contains(value))
        return true;
    bool ok = false;
    [[maybe_unused]] const double number = value.toDouble(&ok);
    return ok;
}

}  // namespace

PromptSyntaxHighlighter::PromptSyntaxHighlighter(QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document)
{
    buildFormats(palette);
}

void PromptSyntaxHighlighter::setPalette(const QPalette &palette)
{
    buildFormats(palette);
    rehighlight();
}

void PromptSyntaxHighlighter::buildFormats(const QPalette &palette)
{
    // Hues are fixed so each kind is recognisable; saturation and value follow the background so the text keeps
    // its contrast on light and dark palettes alike.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    const auto colour = [dark](int hue) {
        return dark ? QColor::fromHsv(hue, 110, 245) : QColor::fromHsv(hue, 230, 150);
    };
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    const QColor muted = QColor::fromRgbF((text.redF() + base.redF()) / 2.0f, (text.greenF() + base.greenF()) / 2.0f,
                                          (text.blueF() + base.blueF()) / 2.0f);

    const auto make = [](const QColor &foreground, bool bold = false, bool italic = false) {
        QTextCharFormat format;
        format.setForeground(foreground);
        if (bold)
            format.setFontWeight(QFont::Bold);
        format.setFontItalic(italic);
        return format;
    };
    m_formats.clear();
    m_formats.insert(Role::Key, make(colour(210), true));
    m_formats.insert(Role::Comment, make(muted, false, true));
    m_formats.insert(Role::String, make(colour(120)));
    m_formats.insert(Role::Scalar, make(colour(260)));
    m_formats.insert(Role::BlockIndicator, make(colour(30), true));
    m_formats.insert(Role::ListDash, make(colour(30), true));
    m_formats.insert(Role::Variable, make(colour(45), true));
    m_formats.insert(Role::Section, make(colour(290), true));
    m_formats.insert(Role::TagComment, make(muted, false, true));
    m_formats.insert(Role::RawVariable, make(colour(0), true));
    m_formats.insert(Role::Partial, make(colour(180), true));
}

void PromptSyntaxHighlighter::highlightBlock(const QString &text)
{
    const int previous = previousBlockState();
    if (previous != kNormalState && (isBlank(text) || indentOf(text) > previous)) {
        // Block scalar content is template text, not YAML.
        highlightTags(text, 0, text.size());
        setCurrentBlockState(previous);
        return;
    }
    setCurrentBlockState(kNormalState);
    highlightYamlLine(text);
}

void PromptSyntaxHighlighter::highlightYamlLine(const QString &text)
{
    qsizetype pos = indentOf(text);
    if (pos < text.size() && text.at(pos) == u'#') {
        setFormat(int(pos), int(text.size() - pos), m_formats.value(Role::Comment));
        return;
    }
    // List dashes ("- ", possibly several: "- - a").
    while (pos < text.size() && text.at(pos) == u'-' && (pos + 1 == text.size() || text.at(pos + 1) == u' ')) {
        setFormat(int(pos), 1, m_formats.value(Role::ListDash));
        pos = pos + 1;
        while (pos < text.size() && text.at(pos) == u' ')
            ++pos;
    }
    const qsizetype keyIndent = indentOf(text);

    // A key: quoted, or plain text up to the first ':' followed by a space or the line end.
    qsizetype keyEnd = -1;
    if (pos < text.size() && (text.at(pos) == u'"' || text.at(pos) == u'\'')) {
        const qsizetype close = text.indexOf(text.at(pos), pos + 1);
        if (close > 0 && close + 1 < text.size() && text.at(close + 1) == u':')
            keyEnd = close + 1;
    } else if (pos < text.size() && text.at(pos) != u'{' && text.at(pos) != u'[') {
        for (qsizetype i = pos; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (c == u'#' && i > pos && text.at(i - 1).isSpace())
                break;
            if (c == u':' && (i + 1 == text.size() || text.at(i + 1) == u' ')) {
                keyEnd = i;
                break;
            }
        }
    }
    if (keyEnd > pos) {
        setFormat(int(pos), int(keyEnd - pos + 1), m_formats.value(Role::Key));
        pos = keyEnd + 1;
    }
    if (highlightValue(text, pos))
        setCurrentBlockState(int(keyIndent));
}

bool PromptSyntaxHighlighter::highlightValue(const QString &text, qsizetype from)
{
    qsizetype pos = from;
    while (pos < text.size() && text.at(pos) == u' ')
        ++pos;
    if (pos >= text.size())
        return false;
    const QChar first = text.at(pos);
    if (first == u'|' || first == u'>') {
        qsizetype end = pos + 1;
        while (end < text.size() && (text.at(end) == u'-' || text.at(end) == u'+' || text.at(end).isDigit()))
            ++end;
        const qsizetype rest = indentOf(text.mid(end)) + end;
        if (rest == text.size() || text.at(rest) == u'#') {
            setFormat(int(pos), int(end - pos), m_formats.value(Role::BlockIndicator));
            if (rest < text.size())
                setFormat(int(rest), int(text.size() - rest), m_formats.value(Role::Comment));
            return true;
        }
    }
    if (first == u'"' || first == u'\'') {
        qsizetype close = pos + 1;
        while (close < text.size()) {
            if (first == u'"' && text.at(close) == u'\\') {
                close += 2;
                continue;
            }
            if (text.at(close) == first) {
                if (first == u'\'' && close + 1 < text.size() && text.at(close + 1) == u'\'') {
                    close += 2;  // '' is an escaped quote
                    continue;
                }
                break;
            }
            ++close;
        }
        const qsizetype end = std::min(close + 1, text.size());
        setFormat(int(pos), int(end - pos), m_formats.value(Role::String));
        highlightTags(text, pos, end);
        const qsizetype comment = commentStart(text, end);
        if (comment >= 0)
            setFormat(int(comment), int(text.size() - comment), m_formats.value(Role::Comment));
        return false;
    }
    const qsizetype comment = commentStart(text, pos);
    const qsizetype end = comment >= 0 ? comment : text.size();
    const QStringView value = QStringView(text).mid(pos, end - pos).trimmed();
    if (isConstant(value))
        setFormat(int(pos), int(value.size()), m_formats.value(Role::Scalar));
    highlightTags(text, pos, end);
    if (comment >= 0)
        setFormat(int(comment), int(text.size() - comment), m_formats.value(Role::Comment));
    return false;
}

void PromptSyntaxHighlighter::highlightTags(const QString &text, qsizetype from, qsizetype to)
{
    qsizetype pos = from;
    while (pos < to) {
        const qsizetype open = text.indexOf(u"{{", pos);
        if (open < 0 || open >= to)
            return;
        const bool triple = open + 2 < text.size() && text.at(open + 2) == u'{';
        const qsizetype close = text.indexOf(triple ? u"}}}" : u"}}", open + 2);
        if (close < 0)
            return;  // an unclosed tag: the template error marker says what is wrong
        const qsizetype end = close + (triple ? 3 : 2);
        Role role = Role::Variable;
        const QChar sigil = triple ? QChar(u'{') : (open + 2 < text.size() ? text.at(open + 2) : QChar());
        switch (sigil.unicode()) {
        case u'{':
        case u'&':
            role = Role::RawVariable;
            break;
        case u'#':
        case u'^':
        case u'/':
        case u'$':
        case u'=':
            role = Role::Section;
            break;
        case u'!':
            role = Role::TagComment;
            break;
        case u'>':
        case u'<':
            role = Role::Partial;
            break;
        default:
            break;
        }
        setFormat(int(open), int(end - open), m_formats.value(role));
        pos = end;
    }
}

}  // namespace Switchyard
