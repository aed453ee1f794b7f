#include "core/routing/CallBudget.h"
#include "core/routing/HttpFailureClassifier.h"
#include "core/routing/ManualClock.h"
#include "core/routing/RetryPolicy.h"

#include <QJsonDocument>
#include <QTest>

using namespace Switchyard;

Q_DECLARE_METATYPE(Switchyard::FailureClass)
Q_DECLARE_METATYPE(Switchyard::RetryDecision::Action)
Q_DECLARE_METATYPE(Switchyard::HttpHeaders)

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

const QDateTime kNow(QDate(2026, 11, 22), QTime(21, 0, 0), Qt::UTC);

}  // namespace

class TestRetryPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void classify_data();
    void classify();
    void analyzeKeepsProviderReason();
    void shouldRetryHeader_data();
    void shouldRetryHeader();
    void retryableStatus();
    void suggestedDelay_data();
    void suggestedDelay();
    void httpDateForms_data();
    void httpDateForms();
    void durationParsing_data();
    void durationParsing();
    void backoffCeiling_data();
    void backoffCeiling();
    void backoffJitterBounds();
    void decide_data();
    void decide();
    void decideUsesBackoffWhenNoDelay();
    void decideFromAnalysis();
    void callBudget();
    void callBudgetRetriesNeverMultiply();
};

void TestRetryPolicy::classify_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<FailureClass>("expected");

    const HttpHeaders none;
    QTest::newRow("openai context_length_exceeded")
        << 400 << none
        << QByteArray(
               R"({"error":{"message":"This model's maximum context length is 128000 tokens.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}})")
        << FailureClass::ContextTooLong;
    QTest::newRow("anthropic prompt is too long")
        << 400 << none
        << QByteArray(
               R"({"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 210000 tokens > 200000 maximum"}})")
        << FailureClass::ContextTooLong;
    QTest::newRow("gemini exceeds max tokens")
        << 400 << none
        << QByteArray(
               R"({"error":{"code":400,"message":"The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).","status":"INVALID_ARGUMENT"}})")
        << FailureClass::ContextTooLong;
    QTest::newRow("bedrock input too long")
        << 400
        << HttpHeaders{{"x-amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/"}}
        << QByteArray(R"({"message":"Input is too long for requested model."})") << FailureClass::ContextTooLong;
    QTest::newRow("anthropic 413 request_too_large")
        << 413 << none
        << QByteArray(
               R"({"type":"error","error":{"type":"request_too_large","message":"Request exceeds the maximum allowed number of bytes."}})")
        << FailureClass::ContextTooLong;
    QTest::newRow("azure content_filter")
        << 400 << none
        << QByteArray(
               R"({"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content management policy.","type":null,"param":"prompt","code":"content_filter","status":400,"innererror":{"code":"ResponsibleAIPolicyViolation"}}})")
        << FailureClass::ContentFilter;
    QTest::newRow("openai content_policy_violation")
        << 400 << none
        << QByteArray(
               R"({"error":{"message":"blocked","type":"invalid_request_error","code":"content_policy_violation"}})")
        << FailureClass::ContentFilter;
    QTest::newRow("401")
        << 401 << none
        << QByteArray(
               R"({"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}})")
        << FailureClass::Authentication;
    QTest::newRow("anthropic 403 permission_error")
        << 403 << none << QByteArray(R"({"type":"error","error":{"type":"permission_error","message":"no access"}})")
        << FailureClass::Authentication;
    QTest::newRow("bedrock AccessDenied")
        << 403 << HttpHeaders{{"x-amzn-errortype", "AccessDeniedException"}}
        << QByteArray(R"({"message":"You don't have access to the model with the specified model ID."})")
        << FailureClass::Authentication;
    QTest::newRow("gemini API_KEY_INVALID is a 400")
        << 400 << none
        << QByteArray(
               R"({"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}})")
        << FailureClass::Authentication;
    QTest::newRow("deepseek 402") << 402 << none
                                  << QByteArray(
                                         R"({"error":{"message":"Insufficient Balance","type":"unknown_error"}})")
                                  << FailureClass::InsufficientQuota;
    QTest::newRow("openai 429 insufficient_quota")
        << 429 << HttpHeaders{{"retry-after", "20"}}
        << QByteArray(
               R"({"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}})")
        << FailureClass::InsufficientQuota;
    QTest::newRow("openai 429 rate_limit_exceeded")
        << 429 << none
        << QByteArray(R"({"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}})")
        << FailureClass::RateLimited;
    QTest::newRow("gemini 429 RESOURCE_EXHAUSTED")
        << 429 << none
        << QByteArray(R"({"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED"}})")
        << FailureClass::RateLimited;
    QTest::newRow("bedrock ThrottlingException")
        << 429 << HttpHeaders{{"X-Amzn-ErrorType", "ThrottlingException"}}
        << QByteArray(R"({"message":"Too many requests"})") << FailureClass::RateLimited;
    QTest::newRow("anthropic 529 overloaded")
        << 529 << none << QByteArray(R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})")
        << FailureClass::Transient;
    QTest::newRow("500") << 500 << none << QByteArray("{}") << FailureClass::Transient;
    QTest::newRow("503 deepseek overloaded") << 503 << none << QByteArray() << FailureClass::Transient;
    QTest::newRow("408 bedrock ModelTimeout") << 408 << HttpHeaders{{"x-amzn-errortype", "ModelTimeoutException"}}
                                              << QByteArray(R"({"message":"timed out"})") << FailureClass::Transient;
    QTest::newRow("409") << 409 << none << QByteArray() << FailureClass::Transient;
    QTest::newRow("404 not found") << 404 << none
                                   << QByteArray(
                                          R"({"type":"error","error":{"type":"not_found_error","message":"model: x"}})")
                                   << FailureClass::Validation;
    QTest::newRow("404 with x-should-retry true")
        << 404 << HttpHeaders{{"X-Should-Retry", "true"}} << QByteArray() << FailureClass::Transient;
    QTest::newRow("400 plain validation")
        << 400 << none
        << QByteArray(R"({"error":{"message":"'logprobs' is not supported","type":"invalid_request_error"}})")
        << FailureClass::Validation;
    QTest::newRow("context too long despite x-should-retry true")
        << 400 << HttpHeaders{{"x-should-retry", "true"}}
        << QByteArray(R"({"error":{"code":"context_length_exceeded","message":"too long"}})")
        << FailureClass::ContextTooLong;
    QTest::newRow("400 with x-should-retry true is still validation")
        << 400 << HttpHeaders{{"x-should-retry", "true"}}
        << QByteArray(R"({"error":{"message":"bad 'tools' schema","type":"invalid_request_error"}})")
        << FailureClass::Validation;
    QTest::newRow("ollama string error") << 400 << none << QByteArray(R"({"error":"model 'x' not found"})")
                                         << FailureClass::Validation;
    QTest::newRow("no response") << 0 << none << QByteArray() << FailureClass::Network;
    QTest::newRow("200") << 200 << none << QByteArray() << FailureClass::None;
}

void TestRetryPolicy::classify()
{
    QFETCH(int, status);
    QFETCH(HttpHeaders, headers);
    QFETCH(QByteArray, body);
    QFETCH(FailureClass, expected);
    const FailureClass actual = HttpFailureClassifier::classify(status, headers, json(body.constData()));
    QCOMPARE(failureClassName(actual), failureClassName(expected));
}

void TestRetryPolicy::analyzeKeepsProviderReason()
{
    const HttpErrorAnalysis azure = HttpFailureClassifier::analyze(
        400, {}, json(R"({"error":{"message":"Filtered by content management policy.","code":"content_filter"}})"),
        kNow);
    QCOMPARE(azure.failureClass, FailureClass::ContentFilter);
    QCOMPARE(azure.httpStatus, 400);
    QCOMPARE(azure.providerCode, QStringLiteral("content_filter"));
    QCOMPARE(azure.providerMessage, QStringLiteral("Filtered by content management policy."));
    QVERIFY(!azure.shouldRetry.has_value());
    QVERIFY(!azure.retryDelayMs.has_value());

    const HttpErrorAnalysis anthropic = HttpFailureClassifier::analyze(
        529, {{"retry-after", "3"}, {"x-should-retry", "true"}},
        json(R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})"), kNow);
    QCOMPARE(anthropic.failureClass, FailureClass::Transient);
    QCOMPARE(anthropic.providerCode, QStringLiteral("overloaded_error"));
    QCOMPARE(anthropic.providerMessage, QStringLiteral("Overloaded"));
    QCOMPARE(anthropic.shouldRetry, std::optional<bool>(true));
    QCOMPARE(anthropic.retryDelayMs, std::optional<qint64>(3000));

    const HttpErrorAnalysis bedrock = HttpFailureClassifier::analyze(
        429, {{"x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/"}},
        json(R"({"message":"Too many tokens, please wait before trying again."})"), kNow);
    QCOMPARE(bedrock.providerCode, QStringLiteral("ThrottlingException"));
    QCOMPARE(bedrock.providerMessage, QStringLiteral("Too many tokens, please wait before trying again."));
}

void TestRetryPolicy::shouldRetryHeader_data()
{
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<int>("expected");  // -1 absent, 0 false, 1 true
    QTest::newRow("absent") << HttpHeaders{{"retry-after", "1"}} << -1;
    QTest::newRow("true") << HttpHeaders{{"x-should-retry", "true"}} << 1;
    QTest::newRow("false mixed case name") << HttpHeaders{{"X-Should-Retry", "false"}} << 0;
    QTest::newRow("TRUE value") << HttpHeaders{{"x-should-retry", " TRUE "}} << 1;
    QTest::newRow("garbage") << HttpHeaders{{"x-should-retry", "maybe"}} << -1;
}

void TestRetryPolicy::shouldRetryHeader()
{
    QFETCH(HttpHeaders, headers);
    QFETCH(int, expected);
    const std::optional<bool> value = HttpFailureClassifier::shouldRetryHeader(headers);
    QCOMPARE(value.has_value() ? int(*value) : -1, expected);
}

void TestRetryPolicy::retryableStatus()
{
    for (int status : {408, 409, 429, 500, 502, 503, 504, 529, 599})
        QVERIFY2(HttpFailureClassifier::isRetryableStatus(status), qPrintable(QString::number(status)));
    for (int status : {200, 400, 401, 402, 403, 404, 413, 422})
        QVERIFY2(!HttpFailureClassifier::isRetryableStatus(status), qPrintable(QString::number(status)));
}

void TestRetryPolicy::suggestedDelay_data()
{
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("expected");  // -1 = none

    QTest::newRow("none") << HttpHeaders{} << QByteArray("{}") << qint64(-1);
    QTest::newRow("retry-after-ms") << HttpHeaders{{"retry-after-ms", "1500"}} << QByteArray() << qint64(1500);
    QTest::newRow("retry-after-ms fractional")
        << HttpHeaders{{"Retry-After-Ms", "250.4"}} << QByteArray() << qint64(250);
    QTest::newRow("retry-after-ms wins over retry-after")
        << HttpHeaders{{"retry-after", "30"}, {"retry-after-ms", "1200"}} << QByteArray() << qint64(1200);
    QTest::newRow("retry-after seconds") << HttpHeaders{{"Retry-After", "20"}} << QByteArray() << qint64(20000);
    QTest::newRow("retry-after fractional seconds")
        << HttpHeaders{{"retry-after", "0.5"}} << QByteArray() << qint64(500);
    QTest::newRow("retry-after http date 90 s ahead")
        << HttpHeaders{{"retry-after", "Sun, 22 Nov 2026 21:01:30 GMT"}} << QByteArray() << qint64(90000);
    QTest::newRow("retry-after http date in the past")
        << HttpHeaders{{"retry-after", "Sun, 22 Nov 2026 20:59:00 GMT"}} << QByteArray() << qint64(0);
    QTest::newRow("bad retry-after-ms falls back to retry-after")
        << HttpHeaders{{"retry-after-ms", "soon"}, {"retry-after", "2"}} << QByteArray() << qint64(2000);
    QTest::newRow("negative retry-after ignored") << HttpHeaders{{"retry-after", "-5"}} << QByteArray() << qint64(-1);
    QTest::newRow("garbage retry-after ignored")
        << HttpHeaders{{"retry-after", "later please"}} << QByteArray() << qint64(-1);
    QTest::newRow("gemini RetryInfo 31s")
        << HttpHeaders{}
        << QByteArray(
               R"({"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[]},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"31s"}]}})")
        << qint64(31000);
    QTest::newRow("gemini RetryInfo 1.5s")
        << HttpHeaders{}
        << QByteArray(
               R"({"error":{"details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.5s"}]}})")
        << qint64(1500);
    QTest::newRow("retryDelay without RetryInfo type ignored")
        << HttpHeaders{}
        << QByteArray(R"({"error":{"details":[{"@type":"type.googleapis.com/google.rpc.Help","retryDelay":"9s"}]}})")
        << qint64(-1);
    QTest::newRow("header wins over gemini body")
        << HttpHeaders{{"retry-after", "4"}}
        << QByteArray(
               R"({"error":{"details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"31s"}]}})")
        << qint64(4000);
}

void TestRetryPolicy::suggestedDelay()
{
    QFETCH(HttpHeaders, headers);
    QFETCH(QByteArray, body);
    QFETCH(qint64, expected);
    const std::optional<qint64> delay = HttpFailureClassifier::suggestedDelayMs(headers, json(body.constData()), kNow);
    QCOMPARE(delay.value_or(-1), expected);
}

void TestRetryPolicy::httpDateForms_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime rfc(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
    QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << rfc;
    QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << rfc;
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << rfc;
    QTest::newRow("RFC 850 two-digit 2026")
        << QByteArray("Sunday, 22-Nov-26 21:00:05 GMT") << QDateTime(QDate(2026, 11, 22), QTime(21, 0, 5), Qt::UTC);
    QTest::newRow("lower-case month") << QByteArray("Sun, 22 nov 2026 21:00:05 GMT")
                                      << QDateTime(QDate(2026, 11, 22), QTime(21, 0, 5), Qt::UTC);
    QTest::newRow("not GMT") << QByteArray("Sun, 06 Nov 1994 08:49:37 PST") << QDateTime();
    QTest::newRow("day 31 of November") << QByteArray("Mon, 31 Nov 2026 10:00:00 GMT") << QDateTime();
    QTest::newRow("number") << QByteArray("120") << QDateTime();
}

void TestRetryPolicy::httpDateForms()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);
    const std::optional<QDateTime> parsed = HttpFailureClassifier::parseHttpDate(text);
    QCOMPARE(parsed.has_value(), expected.isValid());
    if (parsed)
        QCOMPARE(*parsed, expected);
}

void TestRetryPolicy::durationParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("31s") << QStringLiteral("31s") << qint64(31000);
    QTest::newRow("1.5s") << QStringLiteral("1.5s") << qint64(1500);
    QTest::newRow("0.250s") << QStringLiteral("0.250s") << qint64(250);
    QTest::newRow("0s") << QStringLiteral("0s") << qint64(0);
    QTest::newRow("no unit") << QStringLiteral("31") << qint64(-1);
    QTest::newRow("minutes") << QStringLiteral("1m") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-3s") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
}

void TestRetryPolicy::durationParsing()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    QCOMPARE(HttpFailureClassifier::parseDurationMs(text).value_or(-1), expected);
}

void TestRetryPolicy::backoffCeiling_data()
{
    QTest::addColumn<int>("retryIndex");
    QTest::addColumn<qint64>("ceiling");
    QTest::newRow("0") << 0 << qint64(500);
    QTest::newRow("1") << 1 << qint64(1000);
    QTest::newRow("2") << 2 << qint64(2000);
    QTest::newRow("3") << 3 << qint64(4000);
    QTest::newRow("4") << 4 << qint64(8000);
    QTest::newRow("5 capped") << 5 << qint64(8000);
    QTest::newRow("40 capped, no overflow") << 40 << qint64(8000);
    QTest::newRow("negative") << -1 << qint64(500);
}

void TestRetryPolicy::backoffCeiling()
{
    QFETCH(int, retryIndex);
    QFETCH(qint64, ceiling);
    QCOMPARE(RetryPolicy::backoffCeilingMs(retryIndex), ceiling);
    const RetryPolicy noJitter(3, [] { return 0.0; });
    const RetryPolicy fullJitter(3, [] { return 1.0; });
    const RetryPolicy halfJitter(3, [] { return 0.5; });
    QCOMPARE(noJitter.backoffMs(retryIndex), ceiling);
    QCOMPARE(fullJitter.backoffMs(retryIndex), ceiling * 3 / 4);
    QCOMPARE(halfJitter.backoffMs(retryIndex), qint64(std::llround(double(ceiling) * 0.875)));
}

void TestRetryPolicy::backoffJitterBounds()
{
    // The real random source: every delay stays within [75 %, 100 %] of the ceiling and the delays vary.
    const RetryPolicy policy;
    for (int retry = 0; retry < 6; ++retry) {
        const qint64 ceiling = RetryPolicy::backoffCeilingMs(retry);
        QSet<qint64> seen;
        for (int i = 0; i < 200; ++i) {
            const qint64 delay = policy.backoffMs(retry);
            QVERIFY2(delay >= ceiling * 3 / 4 && delay <= ceiling, qPrintable(QString::number(delay)));
            seen.insert(delay);
        }
        QVERIFY(seen.size() > 1);
    }
    // An out-of-range random source is clamped rather than producing negative or longer delays.
    QCOMPARE(RetryPolicy(3, [] { return 7.0; }).backoffMs(0), qint64(375));
    QCOMPARE(RetryPolicy(3, [] { return -2.0; }).backoffMs(0), qint64(500));
}

void TestRetryPolicy::decide_data()
{
    QTest::addColumn<FailureClass>("failure");
    QTest::addColumn<int>("attemptsMade");
    QTest::addColumn<qint64>("suggested");  // -1 = none
    QTest::addColumn<qint64>("remaining");
    QTest::addColumn<int>("shouldRetry");  // -1 absent
    QTest::addColumn<RetryDecision::Action>("action");
    QTest::addColumn<qint64>("delay");

    using A = RetryDecision::Action;
    QTest::newRow("transient first attempt, back-off 500")
        << FailureClass::Transient << 1 << qint64(-1) << qint64(60000) << -1 << A::RetrySameHop << qint64(500);
    QTest::newRow("transient second attempt, back-off 1000")
        << FailureClass::Transient << 2 << qint64(-1) << qint64(60000) << -1 << A::RetrySameHop << qint64(1000);
    QTest::newRow("transient out of attempts")
        << FailureClass::Transient << 3 << qint64(-1) << qint64(60000) << -1 << A::NextHop << qint64(0);
    QTest::newRow("timeout retried") << FailureClass::Timeout << 1 << qint64(-1) << qint64(60000) << -1
                                     << A::RetrySameHop << qint64(500);
    QTest::newRow("network retried") << FailureClass::Network << 1 << qint64(-1) << qint64(60000) << -1
                                     << A::RetrySameHop << qint64(500);
    QTest::newRow("429 honours retry-after")
        << FailureClass::RateLimited << 1 << qint64(20000) << qint64(60000) << -1 << A::RetrySameHop << qint64(20000);
    QTest::newRow("429 retry-after longer than budget")
        << FailureClass::RateLimited << 1 << qint64(20000) << qint64(15000) << -1 << A::NextHop << qint64(0);
    QTest::newRow("429 retry-after equal to budget")
        << FailureClass::RateLimited << 1 << qint64(15000) << qint64(15000) << -1 << A::NextHop << qint64(0);
    QTest::newRow("429 retry-after 0") << FailureClass::RateLimited << 1 << qint64(0) << qint64(15000) << -1
                                       << A::RetrySameHop << qint64(0);
    QTest::newRow("back-off longer than budget")
        << FailureClass::Transient << 2 << qint64(-1) << qint64(900) << -1 << A::NextHop << qint64(0);
    QTest::newRow("x-should-retry false on 503")
        << FailureClass::Transient << 1 << qint64(-1) << qint64(60000) << 0 << A::NextHop << qint64(0);
    QTest::newRow("x-should-retry true cannot retry validation")
        << FailureClass::Validation << 1 << qint64(-1) << qint64(60000) << 1 << A::NextHop << qint64(0);
    QTest::newRow("context too long") << FailureClass::ContextTooLong << 1 << qint64(-1) << qint64(60000) << -1
                                      << A::NextHop << qint64(0);
    QTest::newRow("content filter") << FailureClass::ContentFilter << 1 << qint64(-1) << qint64(60000) << -1
                                    << A::NextHop << qint64(0);
    QTest::newRow("authentication") << FailureClass::Authentication << 1 << qint64(-1) << qint64(60000) << -1
                                    << A::NextHop << qint64(0);
    QTest::newRow("insufficient quota with retry-after")
        << FailureClass::InsufficientQuota << 1 << qint64(1000) << qint64(60000) << -1 << A::NextHop << qint64(0);
    QTest::newRow("stream cut") << FailureClass::StreamCut << 1 << qint64(-1) << qint64(60000) << -1 << A::NextHop
                                << qint64(0);
    QTest::newRow("stream stalled") << FailureClass::StreamStalled << 1 << qint64(-1) << qint64(60000) << -1
                                    << A::NextHop << qint64(0);
    QTest::newRow("malformed") << FailureClass::MalformedResponse << 1 << qint64(-1) << qint64(60000) << -1
                               << A::NextHop << qint64(0);
    QTest::newRow("circuit open") << FailureClass::CircuitOpen << 1 << qint64(-1) << qint64(60000) << -1 << A::NextHop
                                  << qint64(0);
    QTest::newRow("cancelled") << FailureClass::Cancelled << 1 << qint64(-1) << qint64(60000) << -1 << A::Fail
                               << qint64(0);
    QTest::newRow("budget spent") << FailureClass::Transient << 1 << qint64(-1) << qint64(0) << -1 << A::Fail
                                  << qint64(0);
    QTest::newRow("budget spent, validation")
        << FailureClass::Validation << 1 << qint64(-1) << qint64(0) << -1 << A::Fail << qint64(0);
}

void TestRetryPolicy::decide()
{
    QFETCH(FailureClass, failure);
    QFETCH(int, attemptsMade);
    QFETCH(qint64, suggested);
    QFETCH(qint64, remaining);
    QFETCH(int, shouldRetry);
    QFETCH(RetryDecision::Action, action);
    QFETCH(qint64, delay);

    const RetryPolicy policy(3, [] { return 0.0; });
    const RetryDecision decision =
        policy.decide(failure, attemptsMade, suggested >= 0 ? std::optional<qint64>(suggested) : std::nullopt,
                      remaining, shouldRetry >= 0 ? std::optional<bool>(shouldRetry == 1) : std::nullopt);
    QCOMPARE(int(decision.action), int(action));
    QCOMPARE(decision.delayMs, delay);
    QVERIFY(!decision.reason.isEmpty());
}

void TestRetryPolicy::decideUsesBackoffWhenNoDelay()
{
    const RetryPolicy policy(6, [] { return 1.0; });  // maximum jitter: 75 % of the ceiling
    const qint64 expected[] = {375, 750, 1500, 3000, 6000};
    for (int attempt = 1; attempt <= 5; ++attempt) {
        const RetryDecision decision = policy.decide(FailureClass::Transient, attempt, std::nullopt, 600000);
        QCOMPARE(int(decision.action), int(RetryDecision::Action::RetrySameHop));
        QCOMPARE(decision.delayMs, expected[attempt - 1]);
    }
    QCOMPARE(int(policy.decide(FailureClass::Transient, 6, std::nullopt, 600000).action),
             int(RetryDecision::Action::NextHop));
    QCOMPARE(RetryPolicy(0).maxAttemptsPerHop(), 1);
}

void TestRetryPolicy::decideFromAnalysis()
{
    const RetryPolicy policy(3, [] { return 0.0; });
    const QDateTime now = kNow;
    const HttpErrorAnalysis gemini = HttpFailureClassifier::analyze(
        429, {},
        json(
            R"({"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"Quota","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"31s"}]}})"),
        now);
    RetryDecision decision = policy.decide(gemini, 1, 60000);
    QCOMPARE(int(decision.action), int(RetryDecision::Action::RetrySameHop));
    QCOMPARE(decision.delayMs, qint64(31000));
    decision = policy.decide(gemini, 1, 30000);
    QCOMPARE(int(decision.action), int(RetryDecision::Action::NextHop));
    QVERIFY2(decision.reason.contains(QStringLiteral("31000")), qPrintable(decision.reason));

    const HttpErrorAnalysis noRetry = HttpFailureClassifier::analyze(500, {{"x-should-retry", "false"}}, {}, now);
    QCOMPARE(int(policy.decide(noRetry, 1, 60000).action), int(RetryDecision::Action::NextHop));

    const HttpErrorAnalysis dated =
        HttpFailureClassifier::analyze(503, {{"retry-after", "Sun, 22 Nov 2026 21:00:02 GMT"}}, {}, now);
    decision = policy.decide(dated, 1, 60000);
    QCOMPARE(int(decision.action), int(RetryDecision::Action::RetrySameHop));
    QCOMPARE(decision.delayMs, qint64(2000));
}

void TestRetryPolicy::callBudget()
{
    ManualClock clock(1000);
    CallBudget budget(10000, 3, &clock);
    QCOMPARE(budget.remainingMs(), qint64(10000));
    QCOMPARE(budget.elapsedMs(), qint64(0));
    clock.advance(2500);
    QCOMPARE(budget.elapsedMs(), qint64(2500));
    QCOMPARE(budget.remainingMs(), qint64(7500));
    QCOMPARE(budget.capTimeout(60000), qint64(7500));
    QCOMPARE(budget.capTimeout(3000), qint64(3000));
    QCOMPARE(budget.capTimeout(0), qint64(7500));
    QVERIFY(!budget.expired());
    clock.advance(7500);
    QCOMPARE(budget.remainingMs(), qint64(0));
    QVERIFY(budget.expired());
    QVERIFY(!budget.beginAttempt(0));
    clock.advance(100);
    QCOMPARE(budget.remainingMs(), qint64(0));

    CallBudget unlimited(0, 3, &clock);
    clock.advance(1000000);
    QVERIFY(!unlimited.expired());
    QVERIFY(unlimited.remainingMs() > qint64(1) << 40);
}

void TestRetryPolicy::callBudgetRetriesNeverMultiply()
{
    ManualClock clock;
    CallBudget budget(60000, 2, &clock);
    QVERIFY(budget.beginAttempt(0));
    QVERIFY(budget.beginAttempt(0));
    QVERIFY(!budget.beginAttempt(0));  // hop 0 used up
    QVERIFY(budget.beginAttempt(1));
    // coming back to hop 0 (a restart) does not reset its budget
    QVERIFY(!budget.beginAttempt(0));
    QCOMPARE(budget.attemptsOn(0), 2);
    QCOMPARE(budget.attemptsOn(1), 1);
    QCOMPARE(budget.attemptsOn(7), 0);
    QCOMPARE(budget.totalAttempts(), 3);

    // Waits all come out of the one call budget: two 20 s retry-afters fit, the third does not.
    const RetryPolicy policy(10, [] { return 0.0; });
    int retries = 0;
    for (int attempt = 1; attempt < 10; ++attempt) {
        const RetryDecision decision = policy.decide(FailureClass::RateLimited, attempt, 20000, budget.remainingMs());
        if (decision.action != RetryDecision::Action::RetrySameHop)
            break;
        clock.advance(decision.delayMs + 100);  // the wait plus a fast failing attempt
        ++retries;
    }
    QCOMPARE(retries, 2);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
