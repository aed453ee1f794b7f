#pragma once

#include <QString>
#include <QStringList>

namespace Switchyard::Csv {

/// @p text as one RFC 4180 field: quoted (with doubled quotes) when it holds a comma, a quote or a line break.
QString field(const QString &text);

/// @p fields as one CSV line, without the line break.
QString row(const QStringList &fields);

}  // namespace Switchyard::Csv
