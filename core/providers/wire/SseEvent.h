#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace Switchyard::Wire {

/// One dispatched Server-Sent Event (WHATWG HTML "server-sent events" event stream format).
struct SseEvent {
    QString event;    ///< the "event:" field; empty when the server sent none (the spec's default type "message")
    QByteArray data;  ///< the "data:" lines joined with '\n', raw UTF-8 bytes (decode after dispatch, never before)
    QString id;       ///< the last event id seen on the stream so far (ids persist across events, as the spec says)
    std::optional<int> retry;  ///< the "retry:" field of this event, in milliseconds, when it had one

    bool operator==(const SseEvent &) const = default;
};

}  // namespace Switchyard::Wire
