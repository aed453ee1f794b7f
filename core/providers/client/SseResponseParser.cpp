#include "core/providers/client/SseResponseParser.h"

#include <QJsonDocument>

namespace Switchyard {

bool SseResponseParser::partialEventCounts(const Wire::SseEvent &event) const
{
    QJsonParseError error{};
    return QJsonDocument::fromJson(event.data, &error).isObject();
}

ParseUpdate SseResponseParser::feed(QByteArrayView bytes)
{
    ParseUpdate update;
    const QList<Wire::SseEvent> events = m_decoder.feed(bytes);
    if (m_decoder.hasError()) {
        update.failure = malformed(m_decoder.errorString());
        return update;
    }
    for (const Wire::SseEvent &event : events) {
        if (terminated())
            break;
        handleEvent(event, update);
        if (update.failure)
            break;
    }
    finishUpdate(update);
    return update;
}

ParseUpdate SseResponseParser::finishStream()
{
    ParseUpdate update;
    const Wire::SseDecoder::End end = m_decoder.finish();
    if (end.status == Wire::SseDecoder::End::Status::Failed) {
        update.failure = malformed(end.message);
        return update;
    }
    // A last event without its blank line ("data: {...}" then EOF) may still be whole; the format decides.
    if (!terminated() && end.status == Wire::SseDecoder::End::Status::Truncated && end.partialEvent &&
        partialEventCounts(*end.partialEvent))
        handleEvent(*end.partialEvent, update);
    if (update.failure)
        return update;
    if (terminated() || streamLooksComplete()) {
        update.complete = true;
        finishUpdate(update);
        return update;
    }
    update.failure = ParseFailure{FailureClass::StreamCut, QString(), cutReason()};
    return update;
}

}  // namespace Switchyard
