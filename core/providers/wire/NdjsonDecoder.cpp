#include "core/providers/wire/NdjsonDecoder.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <cstring>
#include <utility>

namespace Switchyard::Wire {

namespace {

bool isBlank(QByteArrayView line)
{
    for (char c : line) {
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return true;
}

QString jsonTypeName(const QJsonDocument &document)
{
    if (document.isArray())
        return QStringLiteral("an array");
    return QStringLiteral("a bare value");
}

}  // namespace

NdjsonDecoder::NdjsonDecoder(qsizetype maxLineSize, QString sourceName)
    : m_maxLineSize(maxLineSize > 0 ? maxLineSize : DefaultMaxLineSize), m_sourceName(std::move(sourceName))
{
}

QList<NdjsonItem> NdjsonDecoder::feed(QByteArrayView bytes)
{
    QList<NdjsonItem> out;
    const char *p = bytes.data();
    const char *const end = p + bytes.size();
    while (p < end) {
        const auto *nl = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p)));
        if (!nl) {
            appendPartial(QByteArrayView(p, end - p), out);
            break;
        }
        const QByteArrayView piece(p, nl - p);
        if (m_skipping) {
            m_skipping = false;
        } else if (m_line.size() + piece.size() > m_maxLineSize) {
            out.append(oversizedItem());
        } else if (m_line.isEmpty()) {
            processLine(piece, out);
        } else {
            m_line.append(piece.data(), piece.size());
            processLine(m_line, out);
        }
        m_line.resize(0);
        ++m_lineNumber;
        p = nl + 1;
    }
    return out;
}

void NdjsonDecoder::appendPartial(QByteArrayView bytes, QList<NdjsonItem> &out)
{
    if (m_skipping)
        return;
    if (m_line.size() + bytes.size() > m_maxLineSize) {
        out.append(oversizedItem());
        m_line = QByteArray();
        m_skipping = true;
        return;
    }
    m_line.append(bytes.data(), bytes.size());
}

void NdjsonDecoder::processLine(QByteArrayView line, QList<NdjsonItem> &out)
{
    if (isBlank(line))
        return;
    if (line.endsWith('\r'))
        line.chop(1);
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), line.size()), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        out.append(errorItem(Error::Code::InvalidInput,
                             QStringLiteral("Line %1 of the NDJSON stream is not valid JSON (%2 at byte %3); the line "
                                            "was skipped. The server sent a malformed or mixed response.")
                                 .arg(m_lineNumber + 1)
                                 .arg(parseError.errorString())
                                 .arg(parseError.offset + 1),
                             parseError.offset + 1));
        return;
    }
    if (!document.isObject()) {
        out.append(errorItem(Error::Code::InvalidInput,
                             QStringLiteral("Line %1 of the NDJSON stream is %2, not a JSON object; the line was "
                                            "skipped.")
                                 .arg(m_lineNumber + 1)
                                 .arg(jsonTypeName(document)),
                             1));
        return;
    }
    NdjsonItem item;
    item.line = m_lineNumber + 1;
    item.object = document.object();
    out.append(std::move(item));
}

NdjsonItem NdjsonDecoder::oversizedItem() const
{
    return errorItem(Error::Code::InvalidInput,
                     QStringLiteral("Line %1 of the NDJSON stream is longer than %2 bytes; it was skipped. The "
                                    "response is probably not newline-delimited JSON: check the endpoint.")
                         .arg(m_lineNumber + 1)
                         .arg(m_maxLineSize));
}

NdjsonItem NdjsonDecoder::errorItem(Error::Code code, QString message, int column) const
{
    NdjsonItem item;
    item.line = m_lineNumber + 1;
    item.error = Error::make(code, std::move(message), m_sourceName, int(m_lineNumber + 1), column);
    return item;
}

QList<NdjsonItem> NdjsonDecoder::finish()
{
    QList<NdjsonItem> out;
    m_truncated = false;
    if (m_skipping) {
        // The oversized last line was already reported; it is also the reason the stream is incomplete.
        m_truncated = true;
    } else if (!isBlank(m_line)) {
        QList<NdjsonItem> last;
        processLine(m_line, last);
        if (!last.isEmpty() && last.constFirst().ok()) {
            out.append(last.takeFirst());
        } else {
            m_truncated = true;
            out.append(errorItem(Error::Code::Io,
                                 QStringLiteral("The NDJSON stream ended in the middle of line %1 (%2 bytes without a "
                                                "closing newline that are not a complete JSON object): the response "
                                                "was cut off. Treat the answer as incomplete and retry.")
                                     .arg(m_lineNumber + 1)
                                     .arg(m_line.size())));
        }
    }
    if (!m_line.isEmpty() || m_skipping)
        ++m_lineNumber;
    m_line = QByteArray();
    m_skipping = false;
    return out;
}

void NdjsonDecoder::reset()
{
    m_line = QByteArray();
    m_lineNumber = 0;
    m_skipping = false;
    m_truncated = false;
}

}  // namespace Switchyard::Wire
