#include "core/providers/gemini/GeminiParser.h"

#include "core/providers/client/HttpErrorClassifier.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Switchyard {

namespace {

/// "HARM_CATEGORY_DANGEROUS_CONTENT (HIGH)" for every rating marked blocked, else every rating above NEGLIGIBLE/LOW.
QString blockedCategories(const QJsonArray &ratings)
{
    QStringList blocked;
    QStringList notable;
    for (const QJsonValue &value : ratings) {
        const QJsonObject rating = value.toObject();
        const QString category = rating.value(QLatin1String("category")).toString();
        const QString probability = rating.value(QLatin1String("probability")).toString();
        const QString entry = probability.isEmpty() ? category : QStringLiteral("%1 (%2)").arg(category, probability);
        if (rating.value(QLatin1String("blocked")).toBool())
            blocked.append(entry);
        else if (probability == QLatin1String("MEDIUM") || probability == QLatin1String("HIGH"))
            notable.append(entry);
    }
    return (blocked.isEmpty() ? notable : blocked).join(QStringLiteral(", "));
}

ParseFailure contentFilter(const QString &what, const QString &reason, const QString &detail, const QJsonArray &ratings)
{
    QString message = QStringLiteral("%1 (%2)").arg(what, reason);
    if (!detail.isEmpty())
        message += QStringLiteral(": %1").arg(detail);
    const QString categories = blockedCategories(ratings);
    if (!categories.isEmpty())
        message += QStringLiteral("; safety categories: %1").arg(categories);
    message += QStringLiteral(". Rephrase the request or use another model.");
    return ParseFailure{FailureClass::ContentFilter, reason, message};
}

}  // namespace

Usage GeminiParser::normaliseUsage(const QJsonObject &usageMetadata)
{
    Usage out;
    const qint64 prompt = integer(usageMetadata, "promptTokenCount");
    const qint64 cached = std::min(integer(usageMetadata, "cachedContentTokenCount"), prompt);
    out.cachedInput = cached;
    out.input = std::max<qint64>(0, prompt - cached);
    out.output = integer(usageMetadata, "candidatesTokenCount");
    out.reasoning = integer(usageMetadata, "thoughtsTokenCount");
    return out;
}

bool GeminiParser::isBlockingFinishReason(const QString &finishReason)
{
    static const QStringList blocking = {QStringLiteral("SAFETY"),
                                         QStringLiteral("RECITATION"),
                                         QStringLiteral("BLOCKLIST"),
                                         QStringLiteral("PROHIBITED_CONTENT"),
                                         QStringLiteral("SPII"),
                                         QStringLiteral("IMAGE_SAFETY"),
                                         QStringLiteral("IMAGE_PROHIBITED_CONTENT")};
    return blocking.contains(finishReason);
}

void GeminiParser::handleResponse(const QJsonObject &response, ParseUpdate &update)
{
    if (response.contains(QLatin1String("error"))) {
        update.failure = HttpErrorClassifier::inBandFailure(response.value(QLatin1String("error")));
        return;
    }
    const QJsonValue usage = response.value(QLatin1String("usageMetadata"));
    if (usage.isObject()) {
        m_usage = normaliseUsage(usage.toObject());
        m_usageReported = true;
    }
    const QJsonObject feedback = response.value(QLatin1String("promptFeedback")).toObject();
    const QString blockReason = feedback.value(QLatin1String("blockReason")).toString();
    if (!blockReason.isEmpty()) {
        m_blocked = true;
        m_finishReason = blockReason;
        update.failure = contentFilter(QStringLiteral("the provider blocked the prompt"), blockReason,
                                       feedback.value(QLatin1String("blockReasonMessage")).toString(),
                                       feedback.value(QLatin1String("safetyRatings")).toArray());
        return;
    }
    const QJsonArray candidates = response.value(QLatin1String("candidates")).toArray();
    if (candidates.isEmpty())
        return;
    const QJsonObject candidate = candidates.first().toObject();
    const QJsonArray parts =
        candidate.value(QLatin1String("content")).toObject().value(QLatin1String("parts")).toArray();
    for (const QJsonValue &value : parts) {
        const QJsonObject part = value.toObject();
        if (part.value(QLatin1String("thought")).toBool())
            continue;
        const QString text = part.value(QLatin1String("text")).toString();
        if (text.isEmpty())
            continue;
        m_text += text;
        update.deltas.append(text);
    }
    const QString finish = candidate.value(QLatin1String("finishReason")).toString();
    if (finish.isEmpty() || finish == QLatin1String("FINISH_REASON_UNSPECIFIED"))
        return;
    m_finishReason = finish;
    m_done = true;
    if (isBlockingFinishReason(finish)) {
        m_blocked = true;
        update.failure = contentFilter(QStringLiteral("the provider withheld the answer"), finish,
                                       candidate.value(QLatin1String("finishMessage")).toString(),
                                       candidate.value(QLatin1String("safetyRatings")).toArray());
        return;
    }
    update.complete = true;
}

void GeminiParser::handleEvent(const Wire::SseEvent &event, ParseUpdate &update)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(event.data, &error);
    if (!document.isObject()) {
        update.failure = malformed(QStringLiteral("a stream chunk is not a JSON object (%1 at offset %2)")
                                       .arg(error.errorString())
                                       .arg(error.offset));
        return;
    }
    handleResponse(document.object(), update);
}

QString GeminiParser::cutReason() const
{
    return QStringLiteral("the stream ended before a chunk with a finishReason arrived");
}

ParseUpdate GeminiParser::parseBody(const QByteArray &body)
{
    ParseUpdate update;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    QJsonArray responses;
    if (document.isObject())
        responses.append(document.object());
    else if (document.isArray())  // streamGenerateContent without alt=sse: a JSON array of chunks
        responses = document.array();
    else {
        update.failure = malformed(QStringLiteral("the response is not a JSON object (%1 at offset %2)")
                                       .arg(error.errorString())
                                       .arg(error.offset));
        return update;
    }
    bool sawCandidate = false;
    for (const QJsonValue &value : std::as_const(responses)) {
        if (!value.isObject()) {
            update.failure = malformed(QStringLiteral("the response holds an element that is not a JSON object"));
            return update;
        }
        const QJsonObject response = value.toObject();
        sawCandidate = sawCandidate || !response.value(QLatin1String("candidates")).toArray().isEmpty();
        // Unstreamed text reaches the caller as one delta on success (HttpProviderCall), never piecemeal.
        ParseUpdate piece;
        handleResponse(response, piece);
        if (piece.failure) {
            update.failure = piece.failure;
            return update;
        }
    }
    if (!sawCandidate) {
        update.failure = malformed(QStringLiteral("the response has no candidates"));
        return update;
    }
    // A whole body is the whole answer even when it names no finish reason.
    update.complete = true;
    return update;
}

}  // namespace Switchyard
