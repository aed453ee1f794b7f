#include "core/providers/wire/EventStreamMessage.h"

#include <utility>

namespace Switchyard::Wire {

const EventStreamHeader *EventStreamMessage::header(QStringView name) const
{
    for (const EventStreamHeader &h : headers) {
        if (h.name == name)
            return &h;
    }
    return nullptr;
}

QString EventStreamMessage::stringHeader(QStringView name) const
{
    const EventStreamHeader *h = header(name);
    return h && h->type == EventStreamHeader::Type::String ? h->value.toString() : QString();
}

EventStreamMessage EventStreamMessage::event(const QString &eventType, QByteArray payload, const QString &contentType)
{
    EventStreamMessage message;
    message.headers = {EventStreamHeader::string(QStringLiteral(":event-type"), eventType),
                       EventStreamHeader::string(QStringLiteral(":content-type"), contentType),
                       EventStreamHeader::string(QStringLiteral(":message-type"), QStringLiteral("event"))};
    message.payload = std::move(payload);
    return message;
}

EventStreamMessage EventStreamMessage::exception(const QString &exceptionType, QByteArray payload,
                                                 const QString &contentType)
{
    EventStreamMessage message;
    message.headers = {EventStreamHeader::string(QStringLiteral(":exception-type"), exceptionType),
                       EventStreamHeader::string(QStringLiteral(":content-type"), contentType),
                       EventStreamHeader::string(QStringLiteral(":message-type"), QStringLiteral("exception"))};
    message.payload = std::move(payload);
    return message;
}

}  // namespace Switchyard::Wire
