#include "core/providers/client/HttpErrorClassifier.h"
#include "core/providers/client/OllamaChatParser.h"
#include "core/providers/client/OpenAiChatParser.h"
#include "core/secrets/Redactor.h"
#include "core/secrets/Secret.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <benchmark/benchmark.h>

using namespace Switchyard;

namespace {

QByteArray openAiStream(int chunks)
{
    QByteArray out;
    for (int i = 0; i < chunks; ++i)
        out +=
            QByteArrayLiteral("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                              "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"token \"},"
                              "\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n");
    out +=
        QByteArrayLiteral("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":"
                          "\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5}}\n\n"
                          "data: [DONE]\n\n");
    return out;
}

QByteArray ollamaStream(int lines)
{
    QByteArray out;
    for (int i = 0; i < lines; ++i)
        out += QByteArrayLiteral("{\"model\":\"llama3.2\",\"created_at\":\"2025-01-01T00:00:00Z\",\"message\":"
                                 "{\"role\":\"assistant\",\"content\":\"token \"},\"done\":false}\n");
    out +=
        QByteArrayLiteral("{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,"
                          "\"prompt_eval_count\":10,\"eval_count\":5}\n");
    return out;
}

template <typename Parser> void feedInPieces(benchmark::State &state, const QByteArray &stream)
{
    const qsizetype piece = state.range(0);
    for (auto _ : state) {
        Parser parser;
        qsizetype deltas = 0;
        for (qsizetype at = 0; at < stream.size(); at += piece)
            deltas += parser.feed(QByteArrayView(stream).sliced(at, std::min(piece, stream.size() - at))).deltas.size();
        benchmark::DoNotOptimize(deltas);
    }
    state.SetBytesProcessed(state.iterations() * stream.size());
}

void BM_OpenAiStreamParse(benchmark::State &state)
{
    feedInPieces<OpenAiChatParser>(state, openAiStream(1000));
}
BENCHMARK(BM_OpenAiStreamParse)->Arg(64)->Arg(4096);

void BM_OllamaStreamParse(benchmark::State &state)
{
    feedInPieces<OllamaChatParser>(state, ollamaStream(1000));
}
BENCHMARK(BM_OllamaStreamParse)->Arg(64)->Arg(4096);

void BM_ClassifyErrorBody(benchmark::State &state)
{
    const QByteArray body = QByteArrayLiteral("{\"error\":{\"message\":\"This model's maximum context length is 128000 "
                                              "tokens.\",\"type\":\"invalid_request_error\",\"param\":\"messages\","
                                              "\"code\":\"context_length_exceeded\"}}");
    const auto headers = [](const QByteArray &name) {
        return name == "retry-after" ? QByteArrayLiteral("2") : QByteArray();
    };
    for (auto _ : state)
        benchmark::DoNotOptimize(HttpErrorClassifier::classify(400, headers, body).failure);
}
BENCHMARK(BM_ClassifyErrorBody);

void BM_RedactErrorText(benchmark::State &state)
{
    Redactor redactor;
    redactor.addSecret(Secret(QStringLiteral("env:K"), QStringLiteral("sk-test-0123456789abcdef")));
    QString text;
    for (int i = 0; i < 20; ++i)
        text += QStringLiteral("Incorrect API key provided: sk-test-0123456789abcdef. Authorization: Bearer xyz. ");
    for (auto _ : state)
        benchmark::DoNotOptimize(redactor.redact(text));
    state.SetBytesProcessed(state.iterations() * text.size() * 2);
}
BENCHMARK(BM_RedactErrorText);

}  // namespace

BENCHMARK_MAIN();
