#pragma once

#include "ui/prompts/PromptAnalysis.h"

#include <QObject>
#include <atomic>

namespace Switchyard {

/// Runs analysePrompt() on the preview's worker thread. Requests older than the newest one posted are skipped
/// without work, so a burst of edits costs one analysis.
class PromptPreviewWorker : public QObject {
    Q_OBJECT

public:
    explicit PromptPreviewWorker(QObject *parent = nullptr);

    /// Called from the UI thread before posting @p generation: older queued requests become stale.
    void setLatestGeneration(quint64 generation) { m_latest.store(generation); }

    /// Runs on the worker thread (post with a queued call).
    void analyse(const Switchyard::PromptAnalysisRequest &request);

Q_SIGNALS:
    void analysed(const Switchyard::PromptAnalysis &analysis);

private:
    std::atomic<quint64> m_latest{0};
};

}  // namespace Switchyard
