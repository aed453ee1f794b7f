#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QList>
#include <QString>

namespace Switchyard::Wire::Test {

/// The bytes of tests/data/wire/@p name, or an empty array when it cannot be read.
inline QByteArray readFixture(const QString &name)
{
    QFile file(QStringLiteral(SWITCHYARD_WIRE_DATA_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/// @p stream cut in two at @p at (either piece may be empty).
inline QList<QByteArrayView> twoPieces(const QByteArray &stream, qsizetype at)
{
    const QByteArrayView all(stream);
    return {all.first(at), all.sliced(at)};
}

/// @p stream one byte at a time.
inline QList<QByteArrayView> bytePieces(const QByteArray &stream)
{
    QList<QByteArrayView> pieces;
    pieces.reserve(stream.size());
    for (qsizetype i = 0; i < stream.size(); ++i)
        pieces.append(QByteArrayView(stream).sliced(i, 1));
    return pieces;
}

}  // namespace Switchyard::Wire::Test
