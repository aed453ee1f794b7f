#pragma once

#include "core/providers/wire/SseEvent.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

namespace Switchyard::Wire {

/// Incremental decoder for a text/event-stream body that arrives in arbitrary pieces.
///
/// Lines end in "\n", "\r\n" or "\r" (a "\r" at the end of one piece and a "\n" at the start of the next are one line
/// end). "data:" lines are joined with '\n'; one space after the colon is dropped; a blank line dispatches the event;
/// lines starting with ':' are comments (keep-alives such as OpenRouter's ": OPENROUTER PROCESSING"): never events,
/// but counted so a caller can treat them as activity. A block without any "data:" line is not dispatched (as the
/// spec says). Data stays raw bytes until dispatch, so UTF-8 characters split between pieces survive.
///
/// The decoder never grows without bound: an event (its data plus the line being read) larger than the limit puts it
/// into a failed state, reported by hasError()/errorString(); later input is ignored.
class SseDecoder {
public:
    static constexpr qsizetype DefaultMaxEventSize = 16 * 1024 * 1024;

    /// How a stream ended, as reported by finish().
    struct End {
        enum class Status {
            Clean,      ///< ended on an event boundary: nothing pending
            Truncated,  ///< ended inside an event or a line: the body was cut (partialEvent holds what arrived)
            Failed,     ///< the decoder had failed earlier (see message)
        };
        Status status = Status::Clean;
        /// For Truncated: the event as it would be dispatched had a blank line followed, including an unterminated
        /// last line ("data: [DONE]" without a line end); empty when no "data:" line had arrived.
        std::optional<SseEvent> partialEvent;
        QString message;  ///< for Truncated and Failed: what happened and what to do
    };

    /// @p maxEventSize bounds the bytes one event (and any single line) may take before the decoder fails.
    explicit SseDecoder(qsizetype maxEventSize = DefaultMaxEventSize);

    /// Consumes @p bytes and returns the events they complete, in order. Returns nothing once the decoder failed.
    QList<SseEvent> feed(QByteArrayView bytes);

    /// Declares the end of the body. Never dispatches an unterminated event as complete: reports it as Truncated
    /// instead, so the caller decides (an OpenAI stream that ended right after "data: [DONE]" may be accepted, a cut
    /// stream must not). Resets the decoder for a new stream afterwards (the comment count is kept).
    End finish();

    /// Returns the decoder to its initial state, dropping pending input, the error and the comment count.
    void reset();

    bool hasError() const { return m_failed; }
    QString errorString() const { return m_errorString; }

    /// Comment lines seen so far (keep-alives); compare before and after feed() to detect them.
    qint64 commentCount() const { return m_commentCount; }
    /// The text of the last comment line, without the ':' and one following space.
    QByteArray lastComment() const { return m_lastComment; }

    /// Bytes currently buffered for the event being read (pending data plus the partial line).
    qsizetype pendingBytes() const { return m_line.size() + m_data.size(); }

private:
    void processLine(QByteArrayView line, QList<SseEvent> &out);
    void dispatch(QList<SseEvent> &out);
    void clearEvent();
    bool checkSize();
    void fail(QString message);

    qsizetype m_maxEventSize;
    QByteArray m_line;  // bytes of a line whose end has not arrived yet
    QByteArray m_data;  // joined data lines, each followed by '\n'
    QString m_eventType;
    QString m_lastEventId;
    std::optional<int> m_retry;
    QByteArray m_lastComment;
    qint64 m_commentCount = 0;
    bool m_hasData = false;       // a "data:" line arrived for the current event
    bool m_eventPending = false;  // any field line arrived since the last blank line
    bool m_skipLf = false;        // the previous piece ended in '\r': a leading '\n' belongs to that line end
    bool m_firstLine = true;      // strip a UTF-8 BOM from the first line only
    bool m_failed = false;
    QString m_errorString;
};

}  // namespace Switchyard::Wire
