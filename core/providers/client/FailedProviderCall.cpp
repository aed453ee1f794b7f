#include "core/providers/client/FailedProviderCall.h"

namespace Switchyard {

FailedProviderCall::FailedProviderCall(FailureClass failure, const QString &message, QObject *parent)
    : ProviderCall(parent)
{
    m_result.failure = failure;
    m_result.errorMessage = QStringLiteral("%1: %2").arg(failureClassName(failure), message);
    finishFromEventLoop([this] { m_finished = true; });
}

}  // namespace Switchyard
