#pragma once

#include "core/common/Result.h"
#include "core/providers/wire/EventStreamMessage.h"

#include <QByteArray>

namespace Switchyard::Wire {

/// Writes AWS event-stream frames (application/vnd.amazon.eventstream): what Bedrock sends for ConverseStream.
/// Used by tests and by the fake Bedrock server; EventStreamDecoder reads what it writes.
class EventStreamEncoder {
public:
    /// The frame for @p message: prelude with CRC, headers in order, payload, message CRC.
    /// Fails (Error::Code::InvalidInput) for an empty or longer than 255-byte header name, a Bytes/String value longer
    /// than 65535 bytes, a value whose QVariant does not fit the header's type, or a frame over @p maxMessageSize.
    static Result<QByteArray> encode(const EventStreamMessage &message, quint32 maxMessageSize = 16 * 1024 * 1024);
};

}  // namespace Switchyard::Wire
