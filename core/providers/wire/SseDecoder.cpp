#include "core/providers/wire/SseDecoder.h"

#include <cstring>
#include <utility>

namespace Switchyard::Wire {

namespace {

// The first of '\r' or '\n' in [p, end), or end.
const char *findLineEnd(const char *p, const char *end)
{
    const auto *lf = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p)));
    const char *limit = lf ? lf : end;
    const auto *cr = static_cast<const char *>(std::memchr(p, '\r', std::size_t(limit - p)));
    return cr ? cr : limit;
}

bool isAsciiDigits(QByteArrayView value)
{
    if (value.isEmpty())
        return false;
    for (char c : value) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

}  // namespace

SseDecoder::SseDecoder(qsizetype maxEventSize) : m_maxEventSize(maxEventSize > 0 ? maxEventSize : DefaultMaxEventSize)
{
}

QList<SseEvent> SseDecoder::feed(QByteArrayView bytes)
{
    QList<SseEvent> out;
    if (m_failed || bytes.isEmpty())
        return out;

    const char *p = bytes.data();
    const char *const end = p + bytes.size();
    if (m_skipLf) {
        m_skipLf = false;
        if (*p == '\n')
            ++p;
    }
    while (p < end && !m_failed) {
        const char *eol = findLineEnd(p, end);
        if (eol == end) {
            m_line.append(p, end - p);
            checkSize();
            break;
        }
        if (m_line.isEmpty()) {
            processLine(QByteArrayView(p, eol - p), out);
        } else {
            m_line.append(p, eol - p);
            if (checkSize())
                processLine(m_line, out);
            m_line.resize(0);
        }
        if (*eol == '\r') {
            if (eol + 1 == end)
                m_skipLf = true;
            else if (eol[1] == '\n')
                ++eol;
        }
        p = eol + 1;
    }
    return out;
}

void SseDecoder::processLine(QByteArrayView line, QList<SseEvent> &out)
{
    if (m_firstLine) {
        m_firstLine = false;
        if (line.startsWith("\xEF\xBB\xBF"))
            line = line.sliced(3);
    }
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':') {
        ++m_commentCount;
        line = line.sliced(1);
        if (line.startsWith(' '))
            line = line.sliced(1);
        m_lastComment = line.toByteArray();
        return;
    }

    QByteArrayView name = line;
    QByteArrayView value;
    if (const qsizetype colon = line.indexOf(':'); colon >= 0) {
        name = line.first(colon);
        value = line.sliced(colon + 1);
        if (value.startsWith(' '))
            value = value.sliced(1);
    }
    m_eventPending = true;
    if (name == "data") {
        m_data.append(value.data(), value.size());
        m_data.append('\n');
        m_hasData = true;
        checkSize();
    } else if (name == "event") {
        m_eventType = QString::fromUtf8(value);
    } else if (name == "id") {
        if (!value.contains('\0'))
            m_lastEventId = QString::fromUtf8(value);
    } else if (name == "retry") {
        bool ok = false;
        const int ms = isAsciiDigits(value) ? value.toInt(&ok) : 0;
        if (ok)
            m_retry = ms;
    }
    // Any other field name is ignored, as the spec requires.
}

void SseDecoder::dispatch(QList<SseEvent> &out)
{
    if (m_hasData) {
        SseEvent event;
        m_data.chop(1);  // the '\n' after the last data line
        event.data = std::move(m_data);
        event.event = std::move(m_eventType);
        event.id = m_lastEventId;
        event.retry = m_retry;
        out.append(std::move(event));
    }
    clearEvent();
}

void SseDecoder::clearEvent()
{
    m_data = QByteArray();
    m_eventType.clear();
    m_retry.reset();
    m_hasData = false;
    m_eventPending = false;
}

bool SseDecoder::checkSize()
{
    if (m_line.size() + m_data.size() <= m_maxEventSize)
        return true;
    fail(QStringLiteral("The server sent a Server-Sent Event larger than %1 bytes without ending it, so the stream was "
                        "stopped to bound memory. The response is probably not an event stream; check the endpoint "
                        "URL, or raise the decoder limit if the provider really sends events this large.")
             .arg(m_maxEventSize));
    return false;
}

void SseDecoder::fail(QString message)
{
    m_failed = true;
    m_errorString = std::move(message);
    m_line = QByteArray();
    m_data = QByteArray();
}

SseDecoder::End SseDecoder::finish()
{
    End end;
    if (m_failed) {
        end.status = End::Status::Failed;
        end.message = m_errorString;
    } else {
        if (!m_line.isEmpty()) {
            // The last line never got its line end: apply it so partialEvent shows everything that arrived.
            QList<SseEvent> ignored;
            const QByteArray line = std::exchange(m_line, QByteArray());
            processLine(line, ignored);
            m_eventPending = true;  // even a cut comment means the body did not end on an event boundary
        }
        if (m_eventPending) {
            end.status = End::Status::Truncated;
            if (m_hasData) {
                SseEvent event;
                event.data = m_data;
                event.data.chop(1);
                event.event = m_eventType;
                event.id = m_lastEventId;
                event.retry = m_retry;
                end.partialEvent = std::move(event);
            }
            end.message = QStringLiteral(
                "The event stream ended in the middle of an event (no blank line after it): the response was cut off "
                "before the server finished it. Treat the answer as incomplete and retry.");
        }
    }
    const qint64 comments = m_commentCount;
    const QByteArray lastComment = m_lastComment;
    reset();
    m_commentCount = comments;
    m_lastComment = lastComment;
    return end;
}

void SseDecoder::reset()
{
    m_line = QByteArray();
    clearEvent();
    m_lastEventId.clear();
    m_lastComment = QByteArray();
    m_commentCount = 0;
    m_skipLf = false;
    m_firstLine = true;
    m_failed = false;
    m_errorString.clear();
}

}  // namespace Switchyard::Wire
