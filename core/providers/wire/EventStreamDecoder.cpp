#include "core/providers/wire/EventStreamDecoder.h"

#include "core/providers/wire/Crc32.h"

#include <QTimeZone>
#include <QtEndian>
#include <utility>

namespace Switchyard::Wire {

namespace {

quint32 readU32(const char *p)
{
    return qFromBigEndian<quint32>(p);
}

QString hex32(quint32 value)
{
    return QStringLiteral("0x%1").arg(value, 8, 16, QLatin1Char('0'));
}

const QString kCorruptAdvice = QStringLiteral("The response body is corrupt or not an AWS event stream; retry the "
                                              "request, and check any proxy between you and the endpoint.");

}  // namespace

EventStreamDecoder::EventStreamDecoder(quint32 maxMessageSize)
    : m_maxMessageSize(maxMessageSize >= MinMessageSize ? maxMessageSize : DefaultMaxMessageSize)
{
}

QList<EventStreamMessage> EventStreamDecoder::feed(QByteArrayView bytes)
{
    QList<EventStreamMessage> out;
    if (m_failed || bytes.isEmpty())
        return out;
    if (m_buffer.isEmpty()) {
        // Fast path: decode straight from the caller's bytes and keep only the incomplete tail.
        const qsizetype used = decode(bytes, out);
        if (!m_failed) {
            m_buffer.append(bytes.data() + used, bytes.size() - used);
            m_offset += used;
        }
        return out;
    }
    m_buffer.append(bytes.data(), bytes.size());
    const qsizetype used = decode(m_buffer, out);
    if (!m_failed && used > 0) {
        m_buffer.remove(0, used);
        m_offset += used;
    }
    return out;
}

qsizetype EventStreamDecoder::decode(QByteArrayView data, QList<EventStreamMessage> &out)
{
    qsizetype pos = 0;
    while (data.size() - pos >= qsizetype(PreludeSize)) {
        const char *p = data.data() + pos;
        const quint32 total = readU32(p);
        const quint32 headersLength = readU32(p + 4);
        const quint32 preludeCrc = readU32(p + 8);
        const qint64 at = m_offset + pos;
        const quint32 computedPreludeCrc = Crc32::compute(QByteArrayView(p, 8));
        if (computedPreludeCrc != preludeCrc) {
            fail(QStringLiteral("message %1 at byte %2: prelude CRC mismatch (the frame says %3, the bytes give %4)")
                     .arg(m_messageCount + 1)
                     .arg(at)
                     .arg(hex32(preludeCrc), hex32(computedPreludeCrc)),
                 kCorruptAdvice);
            return pos;
        }
        if (total < MinMessageSize || total > m_maxMessageSize || headersLength > total - MinMessageSize) {
            fail(QStringLiteral("message %1 at byte %2: impossible lengths (total %3 bytes, headers %4 bytes; a "
                                "message takes %5 to %6 bytes and its headers at most total - %5)")
                     .arg(m_messageCount + 1)
                     .arg(at)
                     .arg(total)
                     .arg(headersLength)
                     .arg(MinMessageSize)
                     .arg(m_maxMessageSize),
                 kCorruptAdvice);
            return pos;
        }
        if (data.size() - pos < qsizetype(total))
            break;  // wait for the rest of the message

        const quint32 messageCrc = readU32(p + total - 4);
        const quint32 computedMessageCrc = Crc32::compute(QByteArrayView(p + 8, total - 12), computedPreludeCrc);
        if (computedMessageCrc != messageCrc) {
            fail(QStringLiteral("message %1 at byte %2: message CRC mismatch (the frame says %3, the bytes give %4)")
                     .arg(m_messageCount + 1)
                     .arg(at)
                     .arg(hex32(messageCrc), hex32(computedMessageCrc)),
                 kCorruptAdvice);
            return pos;
        }
        EventStreamMessage message;
        if (!decodeHeaders(QByteArrayView(p + PreludeSize, headersLength), message.headers))
            return pos;
        message.payload = QByteArray(p + PreludeSize + headersLength, total - headersLength - MinMessageSize);
        out.append(std::move(message));
        ++m_messageCount;
        pos += total;
    }
    return pos;
}

bool EventStreamDecoder::decodeHeaders(QByteArrayView section, QList<EventStreamHeader> &headers)
{
    using Type = EventStreamHeader::Type;
    const char *const begin = section.data();
    const char *p = begin;
    const char *const end = begin + section.size();
    const auto bad = [&](const QString &what) {
        fail(QStringLiteral("message %1: header at byte %2 of the header section: %3")
                 .arg(m_messageCount + 1)
                 .arg(p - begin)
                 .arg(what),
             kCorruptAdvice);
        return false;
    };
    const auto need = [&](qsizetype n) {
        return end - p >= n;
    };

    while (p < end) {
        const int nameLength = uchar(*p);
        if (nameLength == 0)
            return bad(QStringLiteral("empty header name"));
        if (!need(1 + nameLength + 1))
            return bad(QStringLiteral("header name runs past the header section"));
        EventStreamHeader header;
        header.name = QString::fromUtf8(p + 1, nameLength);
        const char *valueStart = p + 1 + nameLength;
        const int typeByte = uchar(*valueStart);
        const char *v = valueStart + 1;
        const auto fixed = [&](qsizetype n) {
            return end - v >= n;
        };
        qsizetype valueLength = 0;
        switch (typeByte) {
        case int(Type::BoolTrue):
        case int(Type::BoolFalse):
            header.value = typeByte == int(Type::BoolTrue);
            break;
        case int(Type::Byte):
            valueLength = 1;
            if (!fixed(valueLength))
                return bad(QStringLiteral("byte value runs past the header section"));
            header.value = QVariant::fromValue(qint8(*v));
            break;
        case int(Type::Int16):
            valueLength = 2;
            if (!fixed(valueLength))
                return bad(QStringLiteral("int16 value runs past the header section"));
            header.value = QVariant::fromValue(qFromBigEndian<qint16>(v));
            break;
        case int(Type::Int32):
            valueLength = 4;
            if (!fixed(valueLength))
                return bad(QStringLiteral("int32 value runs past the header section"));
            header.value = QVariant::fromValue(qFromBigEndian<qint32>(v));
            break;
        case int(Type::Int64):
        case int(Type::Timestamp):
            valueLength = 8;
            if (!fixed(valueLength))
                return bad(QStringLiteral("64-bit value runs past the header section"));
            if (typeByte == int(Type::Int64))
                header.value = QVariant::fromValue(qFromBigEndian<qint64>(v));
            else
                header.value = QDateTime::fromMSecsSinceEpoch(qFromBigEndian<qint64>(v), QTimeZone::utc());
            break;
        case int(Type::Bytes):
        case int(Type::String): {
            if (!fixed(2))
                return bad(QStringLiteral("value length runs past the header section"));
            const qsizetype length = qFromBigEndian<quint16>(v);
            valueLength = 2 + length;
            if (!fixed(valueLength))
                return bad(QStringLiteral("%1-byte value runs past the header section").arg(length));
            if (typeByte == int(Type::Bytes))
                header.value = QByteArray(v + 2, length);
            else
                header.value = QString::fromUtf8(v + 2, length);
            break;
        }
        case int(Type::Uuid):
            valueLength = 16;
            if (!fixed(valueLength))
                return bad(QStringLiteral("uuid value runs past the header section"));
            header.value = QUuid::fromRfc4122(QByteArrayView(v, 16));
            break;
        default:
            return bad(QStringLiteral("unknown value type %1 for header \"%2\"").arg(typeByte).arg(header.name));
        }
        header.type = Type(typeByte);
        for (const EventStreamHeader &seen : std::as_const(headers)) {
            if (seen.name == header.name)
                return bad(QStringLiteral("header \"%1\" appears twice").arg(header.name));
        }
        headers.append(std::move(header));
        p = v + valueLength;
    }
    return true;
}

void EventStreamDecoder::fail(const QString &what, const QString &advice)
{
    m_failed = true;
    m_errorString = QStringLiteral("AWS event stream: %1. %2").arg(what, advice);
    m_buffer = QByteArray();
}

bool EventStreamDecoder::finish()
{
    if (!m_failed && !m_buffer.isEmpty()) {
        fail(QStringLiteral("the body ended %1 bytes into message %2 (at byte %3): the response was cut off")
                 .arg(m_buffer.size())
                 .arg(m_messageCount + 1)
                 .arg(m_offset),
             QStringLiteral("Treat the answer as incomplete and retry."));
    }
    m_buffer = QByteArray();
    return !m_failed;
}

void EventStreamDecoder::reset()
{
    m_buffer = QByteArray();
    m_offset = 0;
    m_messageCount = 0;
    m_failed = false;
    m_errorString.clear();
}

}  // namespace Switchyard::Wire
