#pragma once

// Internal to switchyard_core: yaml-cpp is a private dependency, so include this header from .cpp files only.

#include "core/common/Result.h"
#include "core/common/Warning.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <yaml-cpp/yaml.h>

namespace Switchyard {

/// Reads yaml-cpp nodes into Qt values with file:line:column errors and warnings. One reader per file parse.
/// Every method catches yaml-cpp exceptions; none escape.
class YamlReader {
public:
    explicit YamlReader(QString fileName);

    const QString &fileName() const { return m_fileName; }
    const QList<Warning> &warnings() const { return m_warnings; }

    /// Runs YamlGuard, then yaml-cpp. Syntax errors carry 1-based line/column and a hint. An empty document is an
    /// error that ends with @p emptyHint (what the file should contain).
    Result<YAML::Node> load(const QByteArray &yaml, const QString &emptyHint);

    /// An InvalidInput error at @p node (or at @p fallback when @p node has no position, e.g. an empty value).
    Error errorAt(const YAML::Node &node, const QString &message, const YAML::Node &fallback = YAML::Node()) const;
    void warnAt(const YAML::Node &node, const QString &message);

    /**
     * Checks that @p node is a mapping with text keys and no duplicates (errors), and warns about keys not in
     * @p known (with a did-you-mean suggestion). An empty @p known accepts any key.
     * @param what how the user names this mapping in messages ("the prompt file", "provider 'openai'").
     */
    Result<void> checkMapping(const YAML::Node &node, const QString &what, const QStringList &known,
                              const YAML::Node &fallback = YAML::Node());

    /// A scalar as text; an empty value gives an empty string. @p what names the field ("description").
    Result<QString> text(const YAML::Node &value, const QString &what, const YAML::Node &keyNode);
    /// A plain (unquoted) number in [@p min, @p max]; @p expected is the phrase used in errors ("a number between 0
    /// and 2").
    Result<double> number(const YAML::Node &value, const QString &what, double min, double max, const QString &expected,
                          const YAML::Node &keyNode);
    /// A plain whole number in [@p min, @p max].
    Result<int> integer(const YAML::Node &value, const QString &what, qint64 min, qint64 max, const QString &expected,
                        const YAML::Node &keyNode);
    /// true or false.
    Result<bool> boolean(const YAML::Node &value, const QString &what, const YAML::Node &keyNode);
    /// A sequence of scalars (or an empty value = empty list).
    Result<QStringList> textList(const YAML::Node &value, const QString &what, const YAML::Node &keyNode);
    /// Any node as JSON: plain scalars become null, booleans and numbers when they look like them, everything
    /// else strings; mappings objects; sequences arrays. Alias expansion is bounded.
    Result<QJsonValue> json(const YAML::Node &value, const QString &what);

    /// The key text of a mapping entry.
    static QString keyText(const YAML::Node &key);
    /// 1-based line and column of a node, 0 when unknown.
    static int line(const YAML::Node &node);
    static int column(const YAML::Node &node);
    /// "a mapping", "a list", "'text'" — for "got ..." in errors.
    static QString describe(const YAML::Node &node);
    /// The candidate closest to @p word when it is a plausible typo of it, else an empty string.
    static QString suggestion(const QString &word, const QStringList &candidates);

private:
    Result<QJsonValue> jsonNode(const YAML::Node &node, const QString &what, int depth, int &budget);

    QString m_fileName;
    QList<Warning> m_warnings;
};

}  // namespace Switchyard
