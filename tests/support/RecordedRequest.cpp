#include "tests/support/RecordedRequest.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace Switchyard::Testing {

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &pair : headers)
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    return {};
}

bool RecordedRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &pair : headers)
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QJsonObject RecordedRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString RecordedRequest::queryItem(const QString &name) const
{
    return QUrlQuery(query).queryItemValue(name, QUrl::FullyDecoded);
}

}  // namespace Switchyard::Testing
