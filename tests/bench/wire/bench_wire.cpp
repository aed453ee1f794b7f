// Throughput of the wire decoders on realistic streams, fed in network-sized pieces, and the cost of a SigV4 signature.

#include "core/providers/wire/Crc32.h"
#include "core/providers/wire/EventStreamDecoder.h"
#include "core/providers/wire/EventStreamEncoder.h"
#include "core/providers/wire/NdjsonDecoder.h"
#include "core/providers/wire/SigV4Signer.h"
#include "core/providers/wire/SseDecoder.h"

#include <QByteArray>
#include <QTimeZone>
#include <benchmark/benchmark.h>

using namespace Switchyard::Wire;

namespace {

constexpr qsizetype StreamSize = 1024 * 1024;

// ~1 MiB of OpenAI chat.completion.chunk events, one short text delta each (the common case).
const QByteArray &sseStream()
{
    static const QByteArray stream = [] {
        QByteArray out;
        int n = 0;
        while (out.size() < StreamSize) {
            out +=
                "data: {\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion.chunk\","
                "\"created\":1741570283,\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_06737a9306\","
                "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" token";
            out += QByteArray::number(n++);
            out += " caf\xc3\xa9\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n";
        }
        out += "data: [DONE]\n\n";
        return out;
    }();
    return stream;
}

// ~1 MiB of Ollama /api/chat NDJSON lines.
const QByteArray &ndjsonStream()
{
    static const QByteArray stream = [] {
        QByteArray out;
        int n = 0;
        while (out.size() < StreamSize) {
            out += "{\"model\":\"llama3.2\",\"created_at\":\"2025-01-15T10:00:00.123456Z\",\"message\":{\"role\":"
                   "\"assistant\",\"content\":\" token";
            out += QByteArray::number(n++);
            out += "\"},\"done\":false}\n";
        }
        return out;
    }();
    return stream;
}

// ~1 MiB of Bedrock ConverseStream contentBlockDelta frames.
const QByteArray &eventStream()
{
    static const QByteArray stream = [] {
        QByteArray out;
        int n = 0;
        while (out.size() < StreamSize) {
            const QByteArray payload =
                "{\"contentBlockIndex\":0,\"delta\":{\"text\":\" token" + QByteArray::number(n++) +
                " caf\xc3\xa9\"},\"p\":\"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0\"}";
            out += *EventStreamEncoder::encode(EventStreamMessage::event(QStringLiteral("contentBlockDelta"), payload));
        }
        return out;
    }();
    return stream;
}

template <typename Feed> void feedInPieces(const QByteArray &stream, qsizetype piece, Feed feed)
{
    const QByteArrayView all(stream);
    for (qsizetype at = 0; at < all.size(); at += piece)
        feed(all.sliced(at, qMin(piece, all.size() - at)));
}

void BM_SseDecode(benchmark::State &state)
{
    const QByteArray &stream = sseStream();
    const qsizetype piece = state.range(0);
    qsizetype events = 0;
    for (auto _ : state) {
        SseDecoder decoder;
        feedInPieces(stream, piece, [&](QByteArrayView bytes) { events += decoder.feed(bytes).size(); });
        benchmark::DoNotOptimize(decoder.finish());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * stream.size());
    state.counters["events"] = double(events) / double(state.iterations());
}
BENCHMARK(BM_SseDecode)->Arg(64)->Arg(1460)->Arg(16384);

void BM_NdjsonDecode(benchmark::State &state)
{
    const QByteArray &stream = ndjsonStream();
    const qsizetype piece = state.range(0);
    qsizetype items = 0;
    for (auto _ : state) {
        NdjsonDecoder decoder;
        feedInPieces(stream, piece, [&](QByteArrayView bytes) { items += decoder.feed(bytes).size(); });
        benchmark::DoNotOptimize(decoder.finish());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * stream.size());
    state.counters["lines"] = double(items) / double(state.iterations());
}
BENCHMARK(BM_NdjsonDecode)->Arg(64)->Arg(1460)->Arg(16384);

void BM_EventStreamDecode(benchmark::State &state)
{
    const QByteArray &stream = eventStream();
    const qsizetype piece = state.range(0);
    qsizetype messages = 0;
    for (auto _ : state) {
        EventStreamDecoder decoder;
        feedInPieces(stream, piece, [&](QByteArrayView bytes) { messages += decoder.feed(bytes).size(); });
        benchmark::DoNotOptimize(decoder.finish());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * stream.size());
    state.counters["messages"] = double(messages) / double(state.iterations());
}
BENCHMARK(BM_EventStreamDecode)->Arg(64)->Arg(1460)->Arg(16384);

void BM_Crc32(benchmark::State &state)
{
    const QByteArray data(state.range(0), 'x');
    for (auto _ : state)
        benchmark::DoNotOptimize(Crc32::compute(data));
    state.SetBytesProcessed(int64_t(state.iterations()) * data.size());
}
BENCHMARK(BM_Crc32)->Arg(64)->Arg(65536);

void BM_SigV4Sign(benchmark::State &state)
{
    SigV4Request request = SigV4Request::fromUrl(
        "POST", QUrl::fromEncoded("https://bedrock-runtime.ap-south-1.amazonaws.com/model/deepseek.r1-v1%3A0/converse"),
        QByteArray(state.range(0), 'b'));
    request.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    const SigV4Signer signer({QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                              QStringLiteral("FQoGZXIvYXdzEXAMPLETOKEN")},
                             QStringLiteral("ap-south-1"), QStringLiteral("bedrock"));
    const QDateTime time(QDate(2025, 3, 14), QTime(9, 26, 53), QTimeZone::utc());
    for (auto _ : state) {
        auto signature = signer.sign(request, time);
        benchmark::DoNotOptimize(signature);
    }
    state.SetItemsProcessed(int64_t(state.iterations()));
}
BENCHMARK(BM_SigV4Sign)->Arg(256)->Arg(16384);

}  // namespace

BENCHMARK_MAIN();
