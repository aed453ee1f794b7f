#include "PromptPreviewWorker.h"

namespace Switchyard {

PromptPreviewWorker::PromptPreviewWorker(QObject *parent) : QObject(parent) {}

void PromptPreviewWorker::analyse(const PromptAnalysisRequest &request)
{
    if (request.generation < m_latest.load())
        return;  // a newer state of the text is already queued
    Q_EMIT analysed(analysePrompt(request));
}

}  // namespace Switchyard
