#include "core/providers/wire/EventStreamEncoder.h"

#include "core/providers/wire/Crc32.h"

#include <QtEndian>
#include <limits>
#include <optional>

namespace Switchyard::Wire {

namespace {

template <typename T> void appendBigEndian(QByteArray &out, T value)
{
    char buffer[sizeof(T)];
    qToBigEndian<T>(value, buffer);
    out.append(buffer, sizeof(T));
}

// The value of an integral QVariant, or nothing for any other type (a QString "12" is refused, not converted).
std::optional<qint64> integerValue(const QVariant &value)
{
    switch (value.metaType().id()) {
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UChar:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
        return value.toLongLong();
    case QMetaType::ULong:
    case QMetaType::ULongLong: {
        const qulonglong v = value.toULongLong();
        return v <= qulonglong(std::numeric_limits<qint64>::max()) ? std::optional<qint64>(qint64(v)) : std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

template <typename T> std::optional<T> fitting(const QVariant &value)
{
    const std::optional<qint64> v = integerValue(value);
    if (!v || *v < std::numeric_limits<T>::min() || *v > std::numeric_limits<T>::max())
        return std::nullopt;
    return T(*v);
}

Error encodeError(const QString &message)
{
    return Error::make(Error::Code::InvalidInput,
                       QStringLiteral("Cannot encode the event-stream message: %1.").arg(message));
}

}  // namespace

Result<QByteArray> EventStreamEncoder::encode(const EventStreamMessage &message, quint32 maxMessageSize)
{
    using Type = EventStreamHeader::Type;
    QByteArray headers;
    for (const EventStreamHeader &header : message.headers) {
        const QByteArray name = header.name.toUtf8();
        if (name.isEmpty() || name.size() > 255)
            return encodeError(QStringLiteral("header name \"%1\" must take 1 to 255 bytes").arg(header.name));
        headers.append(char(name.size()));
        headers.append(name);
        headers.append(char(header.type));
        const QMetaType::Type stored = QMetaType::Type(header.value.metaType().id());
        const auto expect = [&](bool fits, const char *what) -> std::optional<Error> {
            if (fits)
                return std::nullopt;
            return encodeError(
                QStringLiteral("header \"%1\" holds a %2 value, expected %3")
                    .arg(header.name, QLatin1String(header.value.metaType().name()), QLatin1String(what)));
        };
        std::optional<Error> error;
        switch (header.type) {
        case Type::BoolTrue:
        case Type::BoolFalse:
            break;  // the type byte is the value
        case Type::Byte: {
            const std::optional<qint8> v = fitting<qint8>(header.value);
            error = expect(v.has_value(), "an integer from -128 to 127");
            headers.append(char(v.value_or(0)));
            break;
        }
        case Type::Int16: {
            const std::optional<qint16> v = fitting<qint16>(header.value);
            error = expect(v.has_value(), "a 16-bit integer");
            appendBigEndian<qint16>(headers, v.value_or(0));
            break;
        }
        case Type::Int32: {
            const std::optional<qint32> v = fitting<qint32>(header.value);
            error = expect(v.has_value(), "a 32-bit integer");
            appendBigEndian<qint32>(headers, v.value_or(0));
            break;
        }
        case Type::Int64: {
            const std::optional<qint64> v = integerValue(header.value);
            error = expect(v.has_value(), "a 64-bit integer");
            appendBigEndian<qint64>(headers, v.value_or(0));
            break;
        }
        case Type::Timestamp:
            error = expect(stored == QMetaType::QDateTime && header.value.toDateTime().isValid(), "a valid QDateTime");
            appendBigEndian<qint64>(headers, header.value.toDateTime().toMSecsSinceEpoch());
            break;
        case Type::Bytes:
        case Type::String: {
            const bool isString = header.type == Type::String;
            error = expect(stored == (isString ? QMetaType::QString : QMetaType::QByteArray),
                           isString ? "a QString" : "a QByteArray");
            const QByteArray value = isString ? header.value.toString().toUtf8() : header.value.toByteArray();
            if (value.size() > 0xFFFF)
                return encodeError(QStringLiteral("header \"%1\" value takes %2 bytes, at most 65535 fit")
                                       .arg(header.name)
                                       .arg(value.size()));
            appendBigEndian<quint16>(headers, quint16(value.size()));
            headers.append(value);
            break;
        }
        case Type::Uuid:
            error = expect(stored == QMetaType::QUuid, "a QUuid");
            headers.append(header.value.toUuid().toRfc4122());
            break;
        default:
            return encodeError(
                QStringLiteral("header \"%1\" has unknown type %2").arg(header.name).arg(int(header.type)));
        }
        if (error)
            return *error;
    }

    const qint64 total = 16 + qint64(headers.size()) + message.payload.size();
    if (total > qint64(maxMessageSize))
        return encodeError(QStringLiteral("the frame would take %1 bytes, more than the %2-byte limit")
                               .arg(total)
                               .arg(maxMessageSize));

    QByteArray frame;
    frame.reserve(total);
    appendBigEndian<quint32>(frame, quint32(total));
    appendBigEndian<quint32>(frame, quint32(headers.size()));
    appendBigEndian<quint32>(frame, Crc32::compute(frame));
    frame.append(headers);
    frame.append(message.payload);
    appendBigEndian<quint32>(frame, Crc32::compute(frame));
    return frame;
}

}  // namespace Switchyard::Wire
