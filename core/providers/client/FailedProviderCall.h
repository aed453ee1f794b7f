#pragma once

#include "core/providers/client/ProviderCall.h"

namespace Switchyard {

/// A call that never reached the network (the request could not be built): finishes from the event loop with the
/// given failure, so callers handle it exactly like any other failed call.
class FailedProviderCall : public ProviderCall {
    Q_OBJECT
public:
    FailedProviderCall(FailureClass failure, const QString &message, QObject *parent = nullptr);

    void cancel() override {}
    ProviderResult result() const override { return m_result; }
    bool isFinished() const override { return m_finished; }

private:
    ProviderResult m_result;
    bool m_finished = false;
};

}  // namespace Switchyard
