#include "core/routing/Clock.h"

#include <chrono>

namespace Switchyard {

namespace {

class SystemClock final : public Clock {
public:
    qint64 monotonicMs() const override
    {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    }

    QDateTime utcNow() const override { return QDateTime::currentDateTimeUtc(); }
};

}  // namespace

const Clock *Clock::system()
{
    static const SystemClock clock;
    return &clock;
}

}  // namespace Switchyard
