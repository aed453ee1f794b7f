#include "CliInput.h"

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

}  // namespace Switchyard
