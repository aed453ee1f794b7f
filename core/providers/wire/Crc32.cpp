#include "core/providers/wire/Crc32.h"

#include <array>

namespace Switchyard::Wire {

namespace {

// Slicing-by-8: eight 256-entry tables let the loop consume eight bytes per step instead of one.
using Tables = std::array<std::array<quint32, 256>, 8>;

constexpr Tables makeTables()
{
    Tables tables{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 crc = i;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1u) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        tables[0][i] = crc;
    }
    for (quint32 i = 0; i < 256; ++i) {
        for (std::size_t t = 1; t < 8; ++t)
            tables[t][i] = (tables[t - 1][i] >> 8) ^ tables[0][tables[t - 1][i] & 0xFFu];
    }
    return tables;
}

constexpr Tables kTables = makeTables();

static_assert(kTables[0][1] == 0x77073096u, "CRC-32 table does not match the IEEE polynomial");

}  // namespace

quint32 Crc32::compute(QByteArrayView data, quint32 previous) noexcept
{
    quint32 crc = ~previous;
    const auto *p = reinterpret_cast<const uchar *>(data.data());
    qsizetype n = data.size();
    while (n >= 8) {
        const quint32 lo = crc ^ (quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24);
        crc = kTables[7][lo & 0xFFu] ^ kTables[6][(lo >> 8) & 0xFFu] ^ kTables[5][(lo >> 16) & 0xFFu] ^
              kTables[4][lo >> 24] ^ kTables[3][p[4]] ^ kTables[2][p[5]] ^ kTables[1][p[6]] ^ kTables[0][p[7]];
        p += 8;
        n -= 8;
    }
    while (n-- > 0)
        crc = (crc >> 8) ^ kTables[0][(crc ^ *p++) & 0xFFu];
    return ~crc;
}

}  // namespace Switchyard::Wire
