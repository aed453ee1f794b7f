#pragma once

#include "core/providers/client/ProviderResult.h"

#include <QStringList>

class QNetworkAccessManager;

namespace Switchyard {
class ProviderClient;
struct ProviderRequest;
}  // namespace Switchyard

namespace Switchyard::Testing {

/// What one provider call did, as an adapter test sees it.
struct CallOutcome {
    ProviderResult result;
    QStringList deltas;
    int firstTokenSignals = 0;
    int finishedSignals = 0;  ///< must be exactly 1 (checked again shortly after the call ended)
    qint64 elapsedMs = 0;
};

/// Starts @p request on @p client and runs the event loop until the call finishes (or @p timeoutMs passes), collecting
/// its deltas and signals. @p cancelAfterDeltas >= 0 cancels the call from inside the delta() slot after that many
/// deltas, the hardest place to cancel from. The call is deleted before returning.
CallOutcome runProviderCall(const ProviderClient &client, const ProviderRequest &request,
                            QNetworkAccessManager *manager, int cancelAfterDeltas = -1, int timeoutMs = 10000);

/// Records QTest failures unless @p outcome failed with @p failure and none of its error text (message, raw body,
/// error code) contains @p secret or, when given, @p marker: a fragment of the test key such as "SECRET" that also
/// catches a key that was only partly redacted. Being a void helper, a failed check returns from here, not from the
/// test: callers that must not go on test QTest::currentTestFailed().
void expectFailure(const CallOutcome &outcome, FailureClass failure, const QString &secret,
                   const QString &marker = QString());

}  // namespace Switchyard::Testing
