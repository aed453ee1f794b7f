#include "core/providers/simulator/SimulatedCall.h"

#include "core/prompts/TokenEstimate.h"

#include <QCryptographicHash>

namespace Switchyard {
namespace {

/// Sentences the simulator draws from, chosen by a hash of the request so replies are varied but repeatable.
const char *const kSentences[] = {
    "Here is a considered answer based on what you shared.",
    "The short version: it depends on a few factors worth weighing.",
    "First, consider the constraints you mentioned and what matters most.",
    "Second, a practical next step would be to test the idea on a small scale.",
    "Many people in a similar situation find it helps to write the options down.",
    "There is no single right answer, but some choices are clearly safer.",
    "If you want, I can go into more detail on any of these points.",
    "Keep in mind that circumstances can change, so revisit this later.",
};
constexpr int kSentenceCount = int(sizeof(kSentences) / sizeof(kSentences[0]));

}  // namespace

SimulatedCall::SimulatedCall(const ProviderRequest &request, const SimulatorSettings &settings,
                             SimulatedFailure::Kind failure, QObject *parent)
    : ProviderCall(parent), m_request(request), m_settings(settings), m_failure(failure), m_words(answerWords(request))
{
    m_result.streamed = request.stream;
    m_clock.start();

    // Respect max output tokens as a real model would: stop early with finish reason "length".
    m_result.finishReason = QStringLiteral("stop");
    if (request.maxOutputTokens && *request.maxOutputTokens > 0 && m_words.size() > *request.maxOutputTokens) {
        m_words = m_words.mid(0, *request.maxOutputTokens);
        m_result.finishReason = QStringLiteral("length");
    }
    if (m_failure == SimulatedFailure::Kind::StreamCut || m_failure == SimulatedFailure::Kind::StreamStall ||
        m_failure == SimulatedFailure::Kind::MalformedChunk)
        m_failAfterWords = qMax(1, int(m_words.size()) / 3);

    m_wordTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    m_totalTimer.setSingleShot(true);
    m_firstTokenTimer.setSingleShot(true);
    connect(&m_wordTimer, &QTimer::timeout, this, &SimulatedCall::emitNextWord);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        fail(FailureClass::StreamStalled, 200,
             tr("the stream stalled: no event for %1 ms").arg(m_request.timeouts.idleMs));
    });
    connect(&m_firstTokenTimer, &QTimer::timeout, this, [this] {
        fail(FailureClass::Timeout, 0, tr("no first token within %1 ms").arg(m_request.timeouts.firstTokenMs));
    });
    connect(&m_totalTimer, &QTimer::timeout, this, [this] {
        fail(FailureClass::Timeout, 0, tr("the call took longer than %1 ms").arg(m_request.timeouts.totalMs));
    });

    // Start from the event loop, like a network reply: signals never fire before the caller has connected.
    QTimer::singleShot(0, this, &SimulatedCall::begin);
}

QStringList SimulatedCall::answerWords(const ProviderRequest &request)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(request.model.toUtf8());
    hash.addData(request.system.toUtf8());
    QString lastUser;
    for (const ChatMessage &message : request.messages) {
        hash.addData(ChatMessage::roleName(message.role).toUtf8());
        hash.addData(message.content.toUtf8());
        if (message.role == ChatMessage::Role::User)
            lastUser = message.content;
    }
    const QByteArray digest = hash.result();

    QString text = tr("(Simulated reply from %1.)").arg(request.model);
    if (!lastUser.isEmpty())
        text += QLatin1Char(' ') + tr("You asked: \"%1\".").arg(lastUser.simplified().left(120));
    // Consecutive sentences from a hash-chosen start: varied across requests, never repeated within one answer.
    const int sentences = 3 + quint8(digest.at(0)) % 3;
    const int first = quint8(digest.at(1)) % kSentenceCount;
    for (int i = 0; i < sentences; ++i)
        text += QLatin1Char(' ') + QString::fromLatin1(kSentences[(first + i) % kSentenceCount]);
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

qint64 SimulatedCall::estimateTokens(const QString &text)
{
    return TokenEstimate::forText(text);
}

void SimulatedCall::begin()
{
    if (m_finished)
        return;
    const Timeouts &timeouts = m_request.timeouts;
    if (timeouts.totalMs > 0)
        m_totalTimer.start(timeouts.totalMs);

    switch (m_failure) {
    case SimulatedFailure::Kind::RateLimited:
        m_result.retryAfterMs = m_settings.retryAfterMs;
        m_result.retryable = true;
        fail(FailureClass::RateLimited, 429, tr("rate limit reached for %1 (simulated)").arg(m_request.model),
             QStringLiteral("rate_limit_exceeded"));
        return;
    case SimulatedFailure::Kind::ServerError:
        m_result.retryable = true;
        fail(FailureClass::Transient, 500, tr("internal server error (simulated)"), QStringLiteral("server_error"));
        return;
    case SimulatedFailure::Kind::Unavailable:
        m_result.retryable = true;
        fail(FailureClass::Transient, 503, tr("service unavailable (simulated)"), QStringLiteral("unavailable"));
        return;
    case SimulatedFailure::Kind::Overloaded:
        m_result.retryable = true;
        fail(FailureClass::Transient, 529, tr("overloaded (simulated)"), QStringLiteral("overloaded_error"));
        return;
    case SimulatedFailure::Kind::ConnectionReset:
        m_result.retryable = true;
        fail(FailureClass::Network, 0, tr("connection reset by peer before a response (simulated)"));
        return;
    case SimulatedFailure::Kind::ContextLength:
        fail(FailureClass::ContextTooLong, 400,
             tr("this model's maximum context length is exceeded by the request (simulated)"),
             QStringLiteral("context_length_exceeded"));
        return;
    case SimulatedFailure::Kind::ContentFilter:
        fail(FailureClass::ContentFilter, 400,
             tr("the request was rejected by the content filter: category 'violence' (simulated)"),
             QStringLiteral("content_filter"));
        return;
    default:
        break;
    }

    int firstTokenDelay = m_settings.latencyMs;
    if (m_failure == SimulatedFailure::Kind::SlowFirstToken)
        firstTokenDelay = m_settings.slowFirstTokenMs;
    if (m_failure == SimulatedFailure::Kind::NoResponse)
        firstTokenDelay = -1;  // never
    if (timeouts.firstTokenMs > 0 && (firstTokenDelay < 0 || firstTokenDelay > timeouts.firstTokenMs))
        m_firstTokenTimer.start(timeouts.firstTokenMs);
    if (firstTokenDelay >= 0 && !m_request.stream)
        firstTokenDelay += int(qint64(m_words.size()) * 1000 / m_settings.tokensPerSecond);
    if (firstTokenDelay >= 0)
        m_wordTimer.start(firstTokenDelay);
}

void SimulatedCall::emitNextWord()
{
    if (m_finished)
        return;
    m_firstTokenTimer.stop();

    if (!m_request.stream) {
        // An unstreamed answer arrives whole (begin() waited for the generation time too).
        m_result.text = m_words.join(QLatin1Char(' '));
        m_result.ttftMs = m_clock.elapsed();
        Q_EMIT firstToken();
        Q_EMIT delta(m_result.text);
        if (!m_finished)
            complete();
        return;
    }

    if (m_nextWord == m_failAfterWords) {
        switch (m_failure) {
        case SimulatedFailure::Kind::StreamCut:
            fail(FailureClass::StreamCut, 200, tr("the stream ended before the answer was complete (simulated)"));
            return;
        case SimulatedFailure::Kind::MalformedChunk:
            fail(FailureClass::MalformedResponse, 200, tr("a stream chunk was not valid JSON (simulated)"));
            return;
        case SimulatedFailure::Kind::StreamStall:
            armIdleTimer();  // and send nothing more
            return;
        default:
            break;
        }
    }
    if (m_nextWord >= m_words.size()) {
        complete();
        return;
    }
    const QString piece = (m_nextWord == 0 ? QString() : QStringLiteral(" ")) + m_words.at(m_nextWord);
    ++m_nextWord;
    if (m_result.ttftMs < 0) {
        m_result.ttftMs = m_clock.elapsed();
        Q_EMIT firstToken();
    }
    m_result.text += piece;
    Q_EMIT delta(piece);
    if (m_finished)  // a slot cancelled the call
        return;
    armIdleTimer();
    m_wordTimer.start(1000 / m_settings.tokensPerSecond);
}

void SimulatedCall::armIdleTimer()
{
    if (m_request.timeouts.idleMs > 0)
        m_idleTimer.start(m_request.timeouts.idleMs);
}

void SimulatedCall::complete()
{
    QString prompt = m_request.system;
    for (const ChatMessage &message : m_request.messages)
        prompt += message.content;
    m_result.ok = true;
    m_result.httpStatus = 200;
    m_result.usage.input = estimateTokens(prompt);
    m_result.usage.output = m_words.size();
    m_result.usageReported = true;
    finish();
}

void SimulatedCall::fail(FailureClass failure, int httpStatus, const QString &message, const QString &code)
{
    if (m_finished)
        return;
    m_result.ok = false;
    m_result.failure = failure;
    m_result.httpStatus = httpStatus;
    m_result.errorMessage = message;
    m_result.errorCode = code;
    finish();
}

void SimulatedCall::cancel()
{
    if (m_finished)
        return;
    m_result.ok = false;
    m_result.failure = FailureClass::Cancelled;
    m_result.errorMessage = tr("cancelled");
    m_finished = true;
    m_wordTimer.stop();
    m_idleTimer.stop();
    m_totalTimer.stop();
    m_firstTokenTimer.stop();
    m_result.latencyMs = m_clock.elapsed();
    QTimer::singleShot(0, this, &SimulatedCall::finished);
}

void SimulatedCall::finish()
{
    m_finished = true;
    m_wordTimer.stop();
    m_idleTimer.stop();
    m_totalTimer.stop();
    m_firstTokenTimer.stop();
    m_result.latencyMs = m_clock.elapsed();
    Q_EMIT finished();
}

}  // namespace Switchyard
