#pragma once

#include "core/common/Result.h"

#include <QJsonValue>
#include <QString>

namespace Switchyard {

/// Reads a text file as UTF-8, or standard input for "-".
Result<QString> readTextInput(const QString &path);

/// Reads a JSON file; syntax errors carry the file, line and column.
Result<QJsonValue> readJsonFile(const QString &path);

}  // namespace Switchyard
