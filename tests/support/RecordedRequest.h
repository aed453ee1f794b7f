#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace Switchyard::Testing {

/// One HTTP request as FakeProviderServer received it.
struct RecordedRequest {
    QByteArray method;
    QString path;                                  ///< decoded path without the query
    QByteArray target;                             ///< request target exactly as sent (percent-encoding kept)
    QString query;                                 ///< raw query without '?'
    QList<QPair<QByteArray, QByteArray>> headers;  ///< in arrival order, names as sent
    QByteArray body;

    /// Value of header @p name (case-insensitive), empty when absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    /// The body parsed as a JSON object (empty when it is not one).
    QJsonObject json() const;
    /// Value of query item @p name, decoded.
    QString queryItem(const QString &name) const;
};

}  // namespace Switchyard::Testing
