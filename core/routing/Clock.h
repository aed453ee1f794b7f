#pragma once

#include <QDateTime>
#include <QtGlobal>

namespace Switchyard {

/**
 * The time source of the routing classes. Production code uses Clock::system(); tests inject a ManualClock so
 * that back-off, breaker windows and rate-limit refills are checked without sleeping.
 */
class Clock {
public:
    virtual ~Clock() = default;

    /// Milliseconds on a monotonic clock (never jumps back); only differences are meaningful.
    virtual qint64 monotonicMs() const = 0;

    /// The current wall-clock time in UTC (used to resolve HTTP dates and to stamp recorded events).
    virtual QDateTime utcNow() const = 0;

    /// The process-wide real clock (steady clock + system time). Never null.
    static const Clock *system();
};

}  // namespace Switchyard
