#include "GeminiFixtures.h"

#include <QJsonDocument>

namespace Switchyard::Testing {

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray event(const QJsonObject &object)
{
    return "data: " + compact(object) + "\r\n\r\n";
}

QJsonArray ratings(const QString &blockedCategory)
{
    QJsonArray out;
    const QStringList categories{
        QStringLiteral("HARM_CATEGORY_HATE_SPEECH"), QStringLiteral("HARM_CATEGORY_DANGEROUS_CONTENT"),
        QStringLiteral("HARM_CATEGORY_HARASSMENT"), QStringLiteral("HARM_CATEGORY_SEXUALLY_EXPLICIT")};
    for (const QString &category : categories) {
        QJsonObject rating{{QStringLiteral("category"), category},
                           {QStringLiteral("probability"),
                            category == blockedCategory ? QStringLiteral("HIGH") : QStringLiteral("NEGLIGIBLE")}};
        if (category == blockedCategory)
            rating.insert(QStringLiteral("blocked"), true);
        out.append(rating);
    }
    return out;
}

QJsonObject candidate(const QJsonArray &parts, const QString &finishReason)
{
    QJsonObject out{{QStringLiteral("content"),
                     QJsonObject{{QStringLiteral("parts"), parts}, {QStringLiteral("role"), QStringLiteral("model")}}},
                    {QStringLiteral("index"), 0}};
    if (!finishReason.isEmpty())
        out.insert(QStringLiteral("finishReason"), finishReason);
    return out;
}

QJsonObject wrap(const QJsonArray &candidates, const QJsonObject &usage)
{
    QJsonObject out{{QStringLiteral("candidates"), candidates},
                    {QStringLiteral("modelVersion"), QLatin1String(GeminiFixtures::Model)},
                    {QStringLiteral("responseId"), QStringLiteral("fAkEiD-gemini")}};
    if (!usage.isEmpty())
        out.insert(QStringLiteral("usageMetadata"), usage);
    return out;
}

QJsonObject textPart(const QString &text, bool thought = false)
{
    QJsonObject part{{QStringLiteral("text"), text}};
    if (thought)
        part.insert(QStringLiteral("thought"), true);
    return part;
}

}  // namespace

QJsonObject GeminiFixtures::usage(const Tokens &tokens, bool final)
{
    QJsonObject out{{QStringLiteral("promptTokenCount"), tokens.prompt}};
    int total = tokens.prompt + tokens.thoughts;
    if (final) {
        out.insert(QStringLiteral("candidatesTokenCount"), tokens.candidates);
        total += tokens.candidates;
    }
    if (tokens.cached > 0)
        out.insert(QStringLiteral("cachedContentTokenCount"), tokens.cached);
    if (tokens.thoughts > 0)
        out.insert(QStringLiteral("thoughtsTokenCount"), tokens.thoughts);
    out.insert(QStringLiteral("totalTokenCount"), total);
    out.insert(QStringLiteral("promptTokensDetails"),
               QJsonArray{QJsonObject{{QStringLiteral("modality"), QStringLiteral("TEXT")},
                                      {QStringLiteral("tokenCount"), tokens.prompt}}});
    return out;
}

QByteArray GeminiFixtures::response(const QStringList &parts, const Tokens &tokens, const QString &finishReason,
                                    const QString &thought)
{
    QJsonArray jsonParts;
    if (!thought.isEmpty())
        jsonParts.append(textPart(thought, true));
    for (const QString &part : parts)
        jsonParts.append(textPart(part));
    return compact(wrap(QJsonArray{candidate(jsonParts, finishReason)}, usage(tokens)));
}

QByteArray GeminiFixtures::chunk(const QString &text, const QString &finishReason, const QJsonObject &usage,
                                 bool thought)
{
    return event(wrap(QJsonArray{candidate(QJsonArray{textPart(text, thought)}, finishReason)}, usage));
}

QByteArray GeminiFixtures::stream(const QStringList &deltas, const Tokens &tokens, const QString &finishReason,
                                  const QString &thought)
{
    QByteArray out;
    if (!thought.isEmpty())
        out += chunk(thought, QString(), usage(tokens, false), true);
    for (qsizetype i = 0; i < deltas.size(); ++i) {
        const bool last = i + 1 == deltas.size();
        out += chunk(deltas.at(i), last ? finishReason : QString(), usage(tokens, last));
    }
    return out;
}

QByteArray GeminiFixtures::safetyChunk(const QString &blockedCategory)
{
    QJsonObject stopped{{QStringLiteral("finishReason"), QStringLiteral("SAFETY")},
                        {QStringLiteral("index"), 0},
                        {QStringLiteral("safetyRatings"), ratings(blockedCategory)}};
    return event(wrap(QJsonArray{stopped}, usage(Tokens{12, 0, 3, 0})));
}

QByteArray GeminiFixtures::blockedPrompt(const QString &blockReason, const QString &blockedCategory)
{
    const QJsonObject object{
        {QStringLiteral("promptFeedback"), QJsonObject{{QStringLiteral("blockReason"), blockReason},
                                                       {QStringLiteral("safetyRatings"), ratings(blockedCategory)}}},
        {QStringLiteral("usageMetadata"),
         QJsonObject{{QStringLiteral("promptTokenCount"), 9}, {QStringLiteral("totalTokenCount"), 9}}},
        {QStringLiteral("modelVersion"), QLatin1String(Model)}};
    return compact(object);
}

QByteArray GeminiFixtures::errorBody(int code, const QString &message, const QString &status, const QJsonArray &details)
{
    QJsonObject error{
        {QStringLiteral("code"), code}, {QStringLiteral("message"), message}, {QStringLiteral("status"), status}};
    if (!details.isEmpty())
        error.insert(QStringLiteral("details"), details);
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Indented);
}

QByteArray GeminiFixtures::rateLimited(const QString &retryDelay)
{
    const QJsonArray details{
        QJsonObject{{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.QuotaFailure")},
                    {QStringLiteral("violations"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("quotaMetric"),
                          QStringLiteral("generativelanguage.googleapis.com/generate_content_free_tier_requests")},
                         {QStringLiteral("quotaId"), QStringLiteral("GenerateRequestsPerMinutePerProjectPerModel")},
                         {QStringLiteral("quotaValue"), QStringLiteral("10")}}}}},
        QJsonObject{{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.Help")},
                    {QStringLiteral("links"),
                     QJsonArray{QJsonObject{{QStringLiteral("description"), QStringLiteral("Learn more")},
                                            {QStringLiteral("url"),
                                             QStringLiteral("https://ai.google.dev/gemini-api/docs/rate-limits")}}}}},
        QJsonObject{{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.RetryInfo")},
                    {QStringLiteral("retryDelay"), retryDelay}}};
    return errorBody(429,
                     QStringLiteral("You exceeded your current quota, please check your plan and billing details."),
                     QStringLiteral("RESOURCE_EXHAUSTED"), details);
}

QByteArray GeminiFixtures::apiKeyInvalid()
{
    const QJsonArray details{
        QJsonObject{{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.ErrorInfo")},
                    {QStringLiteral("reason"), QStringLiteral("API_KEY_INVALID")},
                    {QStringLiteral("domain"), QStringLiteral("googleapis.com")},
                    {QStringLiteral("metadata"),
                     QJsonObject{{QStringLiteral("service"), QStringLiteral("generativelanguage.googleapis.com")}}}},
        QJsonObject{{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.LocalizedMessage")},
                    {QStringLiteral("locale"), QStringLiteral("en-US")},
                    {QStringLiteral("message"), QStringLiteral("API key not valid. Please pass a valid API key.")}}};
    return errorBody(400, QStringLiteral("API key not valid. Please pass a valid API key."),
                     QStringLiteral("INVALID_ARGUMENT"), details);
}

QByteArray GeminiFixtures::contextTooLong()
{
    return errorBody(
        400, QStringLiteral("The input token count (1200000) exceeds the maximum number of tokens allowed (1048576)."),
        QStringLiteral("INVALID_ARGUMENT"));
}

QByteArray GeminiFixtures::modelList()
{
    auto model = [](const QString &id, const QStringList &methods) {
        return QJsonObject{{QStringLiteral("name"), QStringLiteral("models/") + id},
                           {QStringLiteral("version"), QStringLiteral("001")},
                           {QStringLiteral("displayName"), id},
                           {QStringLiteral("inputTokenLimit"), 1048576},
                           {QStringLiteral("outputTokenLimit"), 65536},
                           {QStringLiteral("supportedGenerationMethods"), QJsonArray::fromStringList(methods)}};
    };
    const QJsonArray models{
        model(QStringLiteral("gemini-2.5-flash"), {QStringLiteral("generateContent"), QStringLiteral("countTokens"),
                                                   QStringLiteral("createCachedContent")}),
        model(QStringLiteral("text-embedding-004"), {QStringLiteral("embedContent")}),
        model(QStringLiteral("gemini-2.5-pro"), {QStringLiteral("generateContent"), QStringLiteral("countTokens")})};
    return compact(QJsonObject{{QStringLiteral("models"), models}});
}

}  // namespace Switchyard::Testing
