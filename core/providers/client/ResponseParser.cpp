#include "core/providers/client/ResponseParser.h"

#include <QJsonDocument>

namespace Switchyard {

ParseFailure ResponseParser::malformed(const QString &what)
{
    return ParseFailure{FailureClass::MalformedResponse, QString(), what};
}

qint64 ResponseParser::integer(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toInteger();
}

std::optional<QJsonObject> ResponseParser::jsonObject(const QByteArray &body, ParseUpdate &update)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (document.isObject())
        return document.object();
    update.failure = malformed(QStringLiteral("the response is not a JSON object (%1 at offset %2)")
                                   .arg(error.errorString())
                                   .arg(error.offset));
    return std::nullopt;
}

}  // namespace Switchyard
