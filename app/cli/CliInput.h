#pragma once

#include "core/common/Result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

class QCommandLineParser;

namespace Switchyard {

/// Reads a text file as UTF-8, or standard input for "-".
Result<QString> readTextInput(const QString &path);

/// Reads a JSON file; syntax errors carry the file, line and column.
Result<QJsonValue> readJsonFile(const QString &path);

/// The prompt variables of --data FILE.json, overlaid with every --var name=text (a string) or --var name:=JSON.
Result<QJsonObject> readVariables(const QCommandLineParser &parser);

}  // namespace Switchyard
