#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace Switchyard::Wire {

/// CRC-32 with the IEEE 802.3 polynomial (reflected 0xEDB88320), the checksum zlib's crc32() computes and the AWS
/// event-stream framing uses. Implemented here because zlib is not linked.
class Crc32 {
public:
    /// The CRC-32 of @p data. Pass the result of an earlier call as @p previous to continue a checksum over data that
    /// arrives in pieces: compute(b, compute(a)) == compute(a + b). compute({}) == 0.
    static quint32 compute(QByteArrayView data, quint32 previous = 0) noexcept;
};

}  // namespace Switchyard::Wire
