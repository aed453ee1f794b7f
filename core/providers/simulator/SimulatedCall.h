#pragma once

#include "core/providers/client/ProviderCall.h"
#include "core/providers/client/ProviderRequest.h"
#include "core/providers/simulator/SimulatorSettings.h"

#include <QElapsedTimer>
#include <QStringList>
#include <QTimer>

namespace Switchyard {

/// One simulated provider call: a deterministic answer streamed word by word on timers, with the same timeouts,
/// failures and results a real HTTP call has, so the engine cannot tell the difference.
class SimulatedCall final : public ProviderCall {
    Q_OBJECT

public:
    SimulatedCall(const ProviderRequest &request, const SimulatorSettings &settings, SimulatedFailure::Kind failure,
                  QObject *parent = nullptr);

    void cancel() override;
    ProviderResult result() const override { return m_result; }
    bool isFinished() const override { return m_finished; }

    /// The answer the simulator gives to @p request: the same request always gets the same words.
    static QStringList answerWords(const ProviderRequest &request);
    /// Rough token count of text (TokenEstimate::forText()), used for simulated usage.
    static qint64 estimateTokens(const QString &text);

private:
    void begin();
    void emitNextWord();
    void complete();
    void fail(FailureClass failure, int httpStatus, const QString &message, const QString &code = {});
    void finish();
    void armIdleTimer();

    ProviderRequest m_request;
    SimulatorSettings m_settings;
    SimulatedFailure::Kind m_failure;
    QStringList m_words;
    int m_nextWord = 0;
    int m_failAfterWords = -1;  ///< for mid-stream failures: how many words go out first
    ProviderResult m_result;
    bool m_finished = false;
    QElapsedTimer m_clock;
    QTimer m_wordTimer;
    QTimer m_idleTimer;
    QTimer m_totalTimer;
    QTimer m_firstTokenTimer;
};

}  // namespace Switchyard
