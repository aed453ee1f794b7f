#include "tests/support/ProviderCallRunner.h"

#include "core/providers/client/ProviderCall.h"
#include "core/providers/client/ProviderClient.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <memory>

namespace Switchyard::Testing {

CallOutcome runProviderCall(const ProviderClient &client, const ProviderRequest &request,
                            QNetworkAccessManager *manager, int cancelAfterDeltas, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<ProviderCall> call(client.start(request, manager));
    CallOutcome outcome;
    ProviderCall *raw = call.get();
    QObject::connect(raw, &ProviderCall::delta, raw, [&outcome, raw, cancelAfterDeltas](const QString &text) {
        outcome.deltas.append(text);
        if (cancelAfterDeltas >= 0 && outcome.deltas.size() >= cancelAfterDeltas)
            raw->cancel();
    });
    QObject::connect(raw, &ProviderCall::firstToken, raw, [&outcome] { ++outcome.firstTokenSignals; });
    QSignalSpy finished(raw, &ProviderCall::finished);
    if (!finished.wait(timeoutMs))
        qWarning("the provider call did not finish within %d ms", timeoutMs);
    outcome.elapsedMs = clock.elapsed();
    outcome.result = call->result();
    // Nothing may arrive after finished(): give stray queued signals a chance to show.
    QTest::qWait(1);
    outcome.finishedSignals = int(finished.count());
    if (outcome.finishedSignals != 1)
        qWarning("finished() was emitted %d times", outcome.finishedSignals);
    return outcome;
}

void expectFailure(const CallOutcome &outcome, FailureClass failure, const QString &secret, const QString &marker)
{
    QVERIFY2(!outcome.result.ok, qPrintable(outcome.result.text));
    QCOMPARE(failureClassName(outcome.result.failure), failureClassName(failure));
    QVERIFY(!secret.isEmpty());
    QVERIFY(!outcome.result.errorMessage.contains(secret));
    QVERIFY(!outcome.result.rawErrorBody.contains(secret.toUtf8()));
    QVERIFY(!outcome.result.errorCode.contains(secret));
    // QString::contains() is true for an empty needle, so the optional marker is only checked when there is one.
    if (marker.isEmpty())
        return;
    QVERIFY(!outcome.result.errorMessage.contains(marker));
    QVERIFY(!outcome.result.rawErrorBody.contains(marker.toUtf8()));
    QVERIFY(!outcome.result.errorCode.contains(marker));
}

}  // namespace Switchyard::Testing
