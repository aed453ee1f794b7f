#include "core/providers/client/ProviderCall.h"

namespace Switchyard {

void ProviderCall::finishFromEventLoop(std::function<void()> markFinished)
{
    QMetaObject::invokeMethod(
        this,
        [this, markFinished = std::move(markFinished)] {
            markFinished();
            Q_EMIT finished();
        },
        Qt::QueuedConnection);
}

}  // namespace Switchyard
