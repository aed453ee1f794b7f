#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

namespace Switchyard {

/**
 * Writes clean, readable YAML text line by line (block style, two-space indentation).
 *
 * Strings are written plain when they read back as the same string, double-quoted when they would not (values that
 * look like numbers, booleans or null, leading indicators, ": " inside, control characters), and as literal block
 * scalars (`|`, `|-`, `|+`, with an indentation indicator when the text starts with a space) when they span lines, so
 * multi-line prompt text stays readable and reads back byte for byte.
 */
class YamlWriter {
public:
    /// Where a scalar is written: flow collections (`[a, b]`, `{k: v}`) forbid more characters in plain scalars.
    enum class Context { Block, Flow };

    /// A single-line representation of @p text: plain when safe, double-quoted otherwise.
    static QString scalar(const QString &text, Context context = Context::Block);
    /// The shortest decimal that reads back as @p value, without float noise (0.00015, not 1.4999999999999999e-04).
    static QString number(double value);
    /// `{k1: v1, k2: v2}` from keys and already formatted values.
    static QString flowMapping(const QList<std::pair<QString, QString>> &entries);
    /// `[a, b, c]` from plain strings (each quoted as needed).
    static QString flowSequence(const QStringList &items);

    /// `# text` at @p indent.
    void comment(int indent, const QString &text);
    /// `key: text`; multi-line text becomes a literal block scalar.
    void text(int indent, const QString &key, const QString &value);
    /// `key: formatted` where @p formatted is already YAML (a number, `true`, a flow collection).
    void raw(int indent, const QString &key, const QString &formatted);
    /// `key:` opening a nested block mapping or sequence written at a deeper indent.
    void key(int indent, const QString &key);
    /// `- formatted` (a sequence item whose value is already YAML).
    void item(int indent, const QString &formatted);
    /// `- ` and nothing else: the next entry written (at @p indent + 2) continues on the same line, so a mapping
    /// can be a sequence item (`- match: ...`).
    void beginItem(int indent);
    /// `key: value` for any JSON value, as block YAML (objects as mappings, arrays as sequences).
    void json(int indent, const QString &key, const QJsonValue &value);

    QString toString() const { return m_text; }
    QByteArray toUtf8() const { return m_text.toUtf8(); }

private:
    void startLine(int indent);
    void writeTextValue(int contentIndent, const QString &value);
    void writeJsonItem(int indent, const QJsonValue &value);
    void writeJsonEntries(int indent, const QJsonObject &object);

    QString m_text;
    bool m_continueLine = false;
};

}  // namespace Switchyard
