#pragma once

#include "core/providers/wire/NdjsonItem.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace Switchyard::Wire {

/// Incremental decoder for newline-delimited JSON (Ollama's native /api/chat and /api/generate streams).
///
/// Each '\n'-terminated line holds one JSON object ("\r\n" is accepted). Blank lines are skipped. A line that is
/// not a JSON object yields an error item naming its line and column and decoding continues with the next line, so
/// one bad line neither crashes nor silently vanishes. A line longer than the limit yields an error item and is
/// skipped up to its newline, so memory stays bounded.
class NdjsonDecoder {
public:
    static constexpr qsizetype DefaultMaxLineSize = 16 * 1024 * 1024;

    /// @p sourceName is put in every Error::file (for example the request URL), so messages say where.
    explicit NdjsonDecoder(qsizetype maxLineSize = DefaultMaxLineSize, QString sourceName = {});

    /// Consumes @p bytes and returns one item per complete non-blank line, in order.
    QList<NdjsonItem> feed(QByteArrayView bytes);

    /// Declares the end of the stream. A last line without '\n' is parsed and returned when it is a complete JSON
    /// object; otherwise an error item reports the truncation and truncated() becomes true. Then resets the line
    /// state for a new stream.
    QList<NdjsonItem> finish();

    /// After finish(): true when the stream ended inside a line that was not complete JSON.
    bool truncated() const { return m_truncated; }

    /// Lines completed so far (including blank ones).
    qint64 lineCount() const { return m_lineNumber; }

    void reset();

private:
    void processLine(QByteArrayView line, QList<NdjsonItem> &out);
    NdjsonItem errorItem(Error::Code code, QString message, int column = 0) const;
    NdjsonItem oversizedItem() const;
    void appendPartial(QByteArrayView bytes, QList<NdjsonItem> &out);

    qsizetype m_maxLineSize;
    QString m_sourceName;
    QByteArray m_line;
    qint64 m_lineNumber = 0;  // lines completed so far; the line being read is m_lineNumber + 1
    bool m_skipping = false;  // an oversized line was reported; drop bytes up to its newline
    bool m_truncated = false;
};

}  // namespace Switchyard::Wire
