#include "core/common/YamlWriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

namespace Switchyard {

namespace {

bool isPrintable(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x20 || u == 0x7f)
        return false;
    return u != 0x85 && u != 0x2028 && u != 0x2029 && u != 0xfeff && !(u >= 0x80 && u < 0xa0);
}

/// Would a plain scalar with this text be read as something other than a string (null, bool, number)?
bool looksLikeNonString(const QString &text)
{
    static const QStringList words = {
        QStringLiteral("~"),     QStringLiteral("null"), QStringLiteral("true"), QStringLiteral("false"),
        QStringLiteral("yes"),   QStringLiteral("no"),   QStringLiteral("on"),   QStringLiteral("off"),
        QStringLiteral("y"),     QStringLiteral("n"),    QStringLiteral(".inf"), QStringLiteral("-.inf"),
        QStringLiteral("+.inf"), QStringLiteral(".nan"),
    };
    if (words.contains(text, Qt::CaseInsensitive))
        return true;
    static const QRegularExpression numberLike(QStringLiteral(
        "^(?:[-+]?(?:\\.[0-9]+|[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|"
        "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*|[0-9]+(?::[0-9]+)+(?:\\.[0-9]*)?)$"));
    return numberLike.match(text).hasMatch();
}

bool canBePlain(const QString &text, YamlWriter::Context context)
{
    if (text.isEmpty() || text.front().isSpace() || text.back().isSpace())
        return false;
    static const QString leadingIndicators = QStringLiteral("-?:,[]{}#&*!|>'\"%@`");
    if (leadingIndicators.contains(text.front()))
        return false;
    if (text.endsWith(QLatin1Char(':')) || text.contains(QLatin1String(": ")) || text.contains(QLatin1String(" #")) ||
        text.contains(QLatin1String(":\t")) || text.contains(QLatin1String("\t#")))
        return false;
    for (const QChar c : text) {
        if (!isPrintable(c) || c == QLatin1Char('\t'))
            return false;
        if (context == YamlWriter::Context::Flow &&
            (c == QLatin1Char(',') || c == QLatin1Char('[') || c == QLatin1Char(']') || c == QLatin1Char('{') ||
             c == QLatin1Char('}') || c == QLatin1Char(':') || c == QLatin1Char('#')))
            return false;
    }
    return !looksLikeNonString(text);
}

QString doubleQuoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += QLatin1String("\\\"");
            break;
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        case u'\0':
            out += QLatin1String("\\0");
            break;
        case 0x85:
            out += QLatin1String("\\N");
            break;
        case 0x2028:
            out += QLatin1String("\\L");
            break;
        case 0x2029:
            out += QLatin1String("\\P");
            break;
        default:
            if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
                out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
            else if (u == 0xfeff)
                out += QLatin1String("\\uFEFF");
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

/// Multi-line text without characters a literal block cannot carry.
bool canBeLiteral(const QString &text)
{
    if (!text.contains(QLatin1Char('\n')) || text.trimmed().isEmpty())
        return false;
    for (const QChar c : text) {
        if (c != QLatin1Char('\n') && c != QLatin1Char('\t') && !isPrintable(c))
            return false;
    }
    return true;
}

/// `[a, 1, true]` for a short array of single-line scalars, else empty (written as a block sequence).
QString compactArray(const QJsonArray &array)
{
    QStringList items;
    qsizetype length = 0;
    for (const QJsonValue &value : array) {
        QString item;
        switch (value.type()) {
        case QJsonValue::String:
            if (value.toString().contains(QLatin1Char('\n')))
                return {};
            item = YamlWriter::scalar(value.toString(), YamlWriter::Context::Flow);
            break;
        case QJsonValue::Double:
            item = YamlWriter::number(value.toDouble());
            break;
        case QJsonValue::Bool:
            item = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            break;
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            item = QStringLiteral("null");
            break;
        case QJsonValue::Array:
        case QJsonValue::Object:
            return {};
        }
        length += item.size() + 2;
        if (length > 72)
            return {};
        items << item;
    }
    return QLatin1Char('[') + items.join(QLatin1String(", ")) + QLatin1Char(']');
}

}  // namespace

QString YamlWriter::scalar(const QString &text, Context context)
{
    return canBePlain(text, context) ? text : doubleQuoted(text);
}

QString YamlWriter::number(double value)
{
    const QString general = QString::number(value, 'g', QLocale::FloatingPointShortest);
    if (!general.contains(QLatin1Char('e')))
        return general;
    const QString fixed = QString::number(value, 'f', QLocale::FloatingPointShortest);
    return fixed.size() <= general.size() + 4 ? fixed : general;
}

QString YamlWriter::flowMapping(const QList<std::pair<QString, QString>> &entries)
{
    QStringList parts;
    parts.reserve(entries.size());
    for (const auto &[key, value] : entries)
        parts << scalar(key, Context::Flow) + QLatin1String(": ") + value;
    return QLatin1Char('{') + parts.join(QLatin1String(", ")) + QLatin1Char('}');
}

QString YamlWriter::flowSequence(const QStringList &items)
{
    QStringList parts;
    parts.reserve(items.size());
    for (const QString &item : items)
        parts << scalar(item, Context::Flow);
    return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
}

void YamlWriter::startLine(int indent)
{
    if (m_continueLine)
        m_continueLine = false;
    else
        m_text += QString(indent, QLatin1Char(' '));
}

void YamlWriter::comment(int indent, const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        startLine(indent);
        m_text += line.isEmpty() ? QStringLiteral("#\n") : QLatin1String("# ") + line + QLatin1Char('\n');
    }
}

void YamlWriter::writeTextValue(int contentIndent, const QString &value)
{
    if (!canBeLiteral(value)) {
        m_text += scalar(value) + QLatin1Char('\n');
        return;
    }
    QStringList lines = value.split(QLatin1Char('\n'));
    int trailingNewlines = 0;
    for (qsizetype i = value.size() - 1; i >= 0 && value.at(i) == QLatin1Char('\n'); --i)
        ++trailingNewlines;
    if (trailingNewlines > 0)
        lines.removeLast();  // the empty piece after the final line break

    QString header = QStringLiteral("|");
    for (const QString &line : std::as_const(lines)) {
        if (line.isEmpty())
            continue;
        // The parser detects the indentation from the first non-empty line; say it when the text itself is indented.
        if (line.front() == QLatin1Char(' '))
            header += QLatin1Char('2');
        break;
    }
    if (trailingNewlines == 0)
        header += QLatin1Char('-');
    else if (trailingNewlines > 1)
        header += QLatin1Char('+');
    m_text += header + QLatin1Char('\n');

    const QString indentation(contentIndent, QLatin1Char(' '));
    for (const QString &line : std::as_const(lines)) {
        if (!line.isEmpty())
            m_text += indentation + line;
        m_text += QLatin1Char('\n');
    }
}

void YamlWriter::text(int indent, const QString &key, const QString &value)
{
    startLine(indent);
    m_text += scalar(key) + QLatin1String(": ");
    writeTextValue(indent + 2, value);
}

void YamlWriter::raw(int indent, const QString &key, const QString &formatted)
{
    startLine(indent);
    m_text += scalar(key) + QLatin1String(": ") + formatted + QLatin1Char('\n');
}

void YamlWriter::key(int indent, const QString &key)
{
    startLine(indent);
    m_text += scalar(key) + QLatin1String(":\n");
}

void YamlWriter::item(int indent, const QString &formatted)
{
    startLine(indent);
    m_text += QLatin1String("- ") + formatted + QLatin1Char('\n');
}

void YamlWriter::beginItem(int indent)
{
    startLine(indent);
    m_text += QLatin1String("- ");
    m_continueLine = true;
}

void YamlWriter::writeJsonItem(int indent, const QJsonValue &value)
{
    // Writes the value of a sequence item; the "- " is already on the line.
    m_continueLine = false;
    switch (value.type()) {
    case QJsonValue::Object:
        if (value.toObject().isEmpty()) {
            m_text += QLatin1String("{}\n");
        } else {
            m_continueLine = true;
            writeJsonEntries(indent + 2, value.toObject());
        }
        break;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            m_text += QLatin1String("[]\n");
            break;
        }
        m_continueLine = true;
        for (const QJsonValue &element : array) {
            beginItem(indent + 2);
            writeJsonItem(indent + 2, element);
        }
        break;
    }
    case QJsonValue::String:
        writeTextValue(indent + 2, value.toString());
        break;
    case QJsonValue::Double:
        m_text += number(value.toDouble()) + QLatin1Char('\n');
        break;
    case QJsonValue::Bool:
        m_text += (value.toBool() ? QLatin1String("true\n") : QLatin1String("false\n"));
        break;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        m_text += QLatin1String("null\n");
        break;
    }
}

void YamlWriter::writeJsonEntries(int indent, const QJsonObject &object)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        json(indent, it.key(), it.value());
}

void YamlWriter::json(int indent, const QString &key, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        if (value.toObject().isEmpty()) {
            raw(indent, key, QStringLiteral("{}"));
        } else {
            this->key(indent, key);
            writeJsonEntries(indent + 2, value.toObject());
        }
        break;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            raw(indent, key, QStringLiteral("[]"));
            break;
        }
        if (const QString compact = compactArray(array); !compact.isEmpty()) {
            raw(indent, key, compact);
            break;
        }
        this->key(indent, key);
        for (const QJsonValue &element : array) {
            beginItem(indent + 2);
            writeJsonItem(indent + 2, element);
        }
        break;
    }
    case QJsonValue::String:
        text(indent, key, value.toString());
        break;
    case QJsonValue::Double:
        raw(indent, key, number(value.toDouble()));
        break;
    case QJsonValue::Bool:
        raw(indent, key, value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        break;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        raw(indent, key, QStringLiteral("null"));
        break;
    }
}

}  // namespace Switchyard
