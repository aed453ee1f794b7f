#pragma once

#include "core/providers/wire/EventStreamMessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace Switchyard::Wire {

/// Incremental decoder for the AWS binary event stream (application/vnd.amazon.eventstream), the body of Bedrock's
/// ConverseStream and InvokeModelWithResponseStream.
///
/// Each message is: a 12-byte big-endian prelude (total length u32, headers length u32, CRC-32 of those 8 bytes),
/// the headers, the payload, and a CRC-32 of everything before it. Both checksums are verified. A bad checksum, an
/// impossible length (total < 16, headers longer than total - 16, total above the limit), a header running past its
/// section, an unknown header type or a repeated header name is a decode error: the decoder stops (a byte stream
/// cannot be resynchronised safely), hasError() becomes true and errorString() says what and where. Nothing is ever
/// read outside the bytes received.
class EventStreamDecoder {
public:
    static constexpr quint32 PreludeSize = 12;
    static constexpr quint32 MinMessageSize = 16;  ///< prelude + message CRC
    static constexpr quint32 DefaultMaxMessageSize = 16 * 1024 * 1024;

    explicit EventStreamDecoder(quint32 maxMessageSize = DefaultMaxMessageSize);

    /// Consumes @p bytes and returns the messages they complete, in order. Returns nothing once the decoder failed.
    QList<EventStreamMessage> feed(QByteArrayView bytes);

    /// Declares the end of the body. Returns false and sets the error when the body ended inside a message (the
    /// response was cut off) or the decoder had already failed; true when it ended on a message boundary. Buffered
    /// bytes are dropped; the error, if any, stays until reset().
    bool finish();

    void reset();

    bool hasError() const { return m_failed; }
    QString errorString() const { return m_errorString; }

    /// Messages decoded so far.
    qint64 messageCount() const { return m_messageCount; }
    /// Bytes received but not yet part of a complete message.
    qsizetype pendingBytes() const { return m_buffer.size(); }

private:
    // Decodes as many messages as @p data holds; returns the bytes consumed. Stops at the first error.
    qsizetype decode(QByteArrayView data, QList<EventStreamMessage> &out);
    bool decodeHeaders(QByteArrayView section, QList<EventStreamHeader> &headers);
    void fail(const QString &what, const QString &advice);

    quint32 m_maxMessageSize;
    QByteArray m_buffer;
    qint64 m_offset = 0;  // stream offset of m_buffer[0], for messages
    qint64 m_messageCount = 0;
    bool m_failed = false;
    QString m_errorString;
};

}  // namespace Switchyard::Wire
