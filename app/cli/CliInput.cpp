#include "CliInput.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace Switchyard {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CliInput", text);
}

Result<QByteArray> readBytes(const QString &path)
{
    QFile file;
    bool opened = false;
    if (path == QStringLiteral("-"))
        opened = file.open(stdin, QIODevice::ReadOnly);
    else {
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened)
        return Error::make(Error::Code::InvalidInput, tr("cannot read the file: %1").arg(file.errorString()), path);
    return file.readAll();
}

}  // namespace

Result<QString> readTextInput(const QString &path)
{
    auto bytes = readBytes(path);
    if (!bytes)
        return bytes.error();
    return QString::fromUtf8(*bytes);
}

Result<QJsonValue> readJsonFile(const QString &path)
{
    auto bytes = readBytes(path);
    if (!bytes)
        return bytes.error();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // QJsonParseError gives a byte offset; users need a line and a column.
        const QByteArray before = bytes->left(parseError.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(before.size() - (before.lastIndexOf('\n') + 1)) + 1;
        return Error::make(Error::Code::InvalidInput, tr("invalid JSON: %1").arg(parseError.errorString()), path, line,
                           column);
    }
    if (document.isArray())
        return QJsonValue(document.array());
    return QJsonValue(document.object());
}

/// --var name=text (a string) and --var name:=JSON (any JSON value), applied over --data.
Result<QJsonObject> readVariables(const QCommandLineParser &parser)
{
    QJsonObject variables;
    if (parser.isSet(QStringLiteral("data"))) {
        const QString path = parser.value(QStringLiteral("data"));
        auto json = readJsonFile(path);
        if (!json)
            return json.error();
        if (!json->isObject())
            return Error::make(Error::Code::InvalidInput, tr("--data must hold a JSON object of variables"), path);
        variables = json->toObject();
    }
    for (const QString &assignment : parser.values(QStringLiteral("var"))) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            return Error::make(Error::Code::InvalidInput,
                               tr("--var '%1' must look like name=value or name:=JSON").arg(assignment));
        }
        if (assignment.at(equals - 1) == QLatin1Char(':')) {
            const QString name = assignment.left(equals - 1);
            const QByteArray json = QByteArray("[") + assignment.mid(equals + 1).toUtf8() + QByteArray("]");
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(json, &error);
            if (error.error != QJsonParseError::NoError || document.array().size() != 1) {
                return Error::make(Error::Code::InvalidInput,
                                   tr("--var %1:=…: the value is not valid JSON (%2)").arg(name, error.errorString()));
            }
            variables.insert(name, document.array().first());
        } else {
            variables.insert(assignment.left(equals), assignment.mid(equals + 1));
        }
    }
    return variables;
}

}  // namespace Switchyard
