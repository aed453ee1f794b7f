#pragma once

#include "core/providers/wire/EventStreamHeader.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Switchyard::Wire {

/// One decoded AWS event-stream message: its headers (in wire order) and its payload.
///
/// Bedrock ConverseStream sends ":message-type" event with ":event-type" messageStart, contentBlockStart,
/// contentBlockDelta, contentBlockStop, messageStop or metadata and a JSON payload; failures arrive as
/// ":message-type" exception with ":exception-type" (e.g. throttlingException) or as error with ":error-code".
struct EventStreamMessage {
    QList<EventStreamHeader> headers;
    QByteArray payload;

    /// The header called @p name, or nullptr.
    const EventStreamHeader *header(QStringView name) const;
    /// The value of the string header @p name; empty when it is missing or not a string.
    QString stringHeader(QStringView name) const;

    QString messageType() const { return stringHeader(u":message-type"); }
    QString eventType() const { return stringHeader(u":event-type"); }
    QString contentType() const { return stringHeader(u":content-type"); }
    QString exceptionType() const { return stringHeader(u":exception-type"); }

    /// A ":message-type" event message with ":event-type" @p eventType and ":content-type" @p contentType.
    static EventStreamMessage event(const QString &eventType, QByteArray payload,
                                    const QString &contentType = QStringLiteral("application/json"));
    /// A ":message-type" exception message with ":exception-type" @p exceptionType (e.g. throttlingException).
    static EventStreamMessage exception(const QString &exceptionType, QByteArray payload,
                                        const QString &contentType = QStringLiteral("application/json"));

    bool operator==(const EventStreamMessage &) const = default;
};

}  // namespace Switchyard::Wire
