#include "core/providers/wire/Crc32.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QTest>

using Switchyard::Wire::Crc32;

namespace {

// Bit-at-a-time reference, straight from the definition (reflected polynomial 0xEDB88320, init and final xor ~0).
quint32 referenceCrc(QByteArrayView data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (char c : data) {
        crc ^= uchar(c);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1u) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
    }
    return ~crc;
}

QByteArray allBytesFourTimes()
{
    QByteArray data;
    for (int round = 0; round < 4; ++round) {
        for (int b = 0; b < 256; ++b)
            data.append(char(b));
    }
    return data;
}

}  // namespace

class TestCrc32 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownValues_data();
    void knownValues();
    void incrementalEqualsWhole();
    void matchesReferenceAtEveryLengthAndAlignment();
};

void TestCrc32::knownValues_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<quint32>("crc");
    // Expected values from zlib's crc32() (Python zlib.crc32), an independent implementation.
    QTest::newRow("empty") << QByteArray() << 0x00000000u;
    QTest::newRow("a") << QByteArray("a") << 0xE8B7BE43u;
    QTest::newRow("check-value") << QByteArray("123456789") << 0xCBF43926u;
    QTest::newRow("fox") << QByteArray("The quick brown fox jumps over the lazy dog") << 0x414FA339u;
    QTest::newRow("zeros") << QByteArray(32, '\0') << 0x190A55ADu;
    QTest::newRow("ones") << QByteArray(32, '\xff') << 0xFF6CAB0Bu;
    QTest::newRow("all-bytes") << allBytesFourTimes() << 0xB70B4C26u;
    // The prelude CRC of an empty event-stream message (total 16, headers 0).
    QTest::newRow("eventstream-prelude") << QByteArray::fromHex("0000001000000000") << 0x05C248EBu;
}

void TestCrc32::knownValues()
{
    QFETCH(QByteArray, data);
    QFETCH(quint32, crc);
    QCOMPARE(Crc32::compute(data), crc);
}

void TestCrc32::incrementalEqualsWhole()
{
    const QByteArray data = allBytesFourTimes();
    const quint32 whole = Crc32::compute(data);
    for (qsizetype at = 0; at <= data.size(); ++at) {
        const QByteArrayView view(data);
        QCOMPARE(Crc32::compute(view.sliced(at), Crc32::compute(view.first(at))), whole);
    }
}

void TestCrc32::matchesReferenceAtEveryLengthAndAlignment()
{
    QRandomGenerator random(20250314);
    QByteArray data(300, Qt::Uninitialized);
    for (char &c : data)
        c = char(random.bounded(256));
    for (qsizetype offset = 0; offset < 8; ++offset) {
        for (qsizetype length = 0; length + offset <= data.size(); length += 7) {
            const QByteArrayView slice = QByteArrayView(data).sliced(offset, length);
            QCOMPARE(Crc32::compute(slice), referenceCrc(slice));
        }
    }
}

QTEST_GUILESS_MAIN(TestCrc32)
#include "tst_crc32.moc"
