#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUuid>
#include <QVariant>
#include <utility>

namespace Switchyard::Wire {

/// One header of an AWS event-stream message (application/vnd.amazon.eventstream): a name, a wire type and a value.
struct EventStreamHeader {
    /// The wire type byte.
    enum class Type : quint8 {
        BoolTrue = 0,
        BoolFalse = 1,
        Byte = 2,
        Int16 = 3,
        Int32 = 4,
        Int64 = 5,
        Bytes = 6,
        String = 7,
        Timestamp = 8,  ///< milliseconds since the Unix epoch
        Uuid = 9,
    };

    QString name;
    Type type = Type::String;
    /// bool (BoolTrue/BoolFalse), qint8 (Byte), qint16 (Int16), qint32 (Int32), qint64 (Int64), QByteArray (Bytes),
    /// QString (String), QDateTime in UTC (Timestamp), QUuid (Uuid).
    QVariant value;

    static EventStreamHeader boolean(QString name, bool value)
    {
        return {std::move(name), value ? Type::BoolTrue : Type::BoolFalse, QVariant(value)};
    }
    static EventStreamHeader byte(QString name, qint8 value)
    {
        return {std::move(name), Type::Byte, QVariant::fromValue(value)};
    }
    static EventStreamHeader int16(QString name, qint16 value)
    {
        return {std::move(name), Type::Int16, QVariant::fromValue(value)};
    }
    static EventStreamHeader int32(QString name, qint32 value)
    {
        return {std::move(name), Type::Int32, QVariant::fromValue(value)};
    }
    static EventStreamHeader int64(QString name, qint64 value)
    {
        return {std::move(name), Type::Int64, QVariant::fromValue(value)};
    }
    static EventStreamHeader bytes(QString name, QByteArray value)
    {
        return {std::move(name), Type::Bytes, QVariant(std::move(value))};
    }
    static EventStreamHeader string(QString name, QString value)
    {
        return {std::move(name), Type::String, QVariant(std::move(value))};
    }
    static EventStreamHeader timestamp(QString name, const QDateTime &value)
    {
        return {std::move(name), Type::Timestamp, QVariant(value.toUTC())};
    }
    static EventStreamHeader uuid(QString name, const QUuid &value)
    {
        return {std::move(name), Type::Uuid, QVariant(value)};
    }

    bool operator==(const EventStreamHeader &) const = default;
};

}  // namespace Switchyard::Wire
