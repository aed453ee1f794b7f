// The shared provider error classifier against a table of real error responses from every provider family
// (PROVIDERS.md §0–§6): class, retry verdict, the delay asked for and the provider's own reason.
#include "core/providers/client/HttpErrorClassifier.h"

#include <QTest>

using namespace Switchyard;

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;
Q_DECLARE_METATYPE(Switchyard::FailureClass)

namespace {

const QDateTime kNow(QDate(2026, 11, 22), QTime(21, 0, 0), Qt::UTC);

HttpErrorClassifier::HeaderLookup lookup(HttpHeaders values)
{
    return [values](const QByteArray &name) {
        for (const auto &pair : values)
            if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
                return pair.second;
        return QByteArray();
    };
}

}  // namespace

class TestHttpErrorTable : public QObject {
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
};

void TestHttpErrorTable::classify_data()
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
    // PROVIDERS.md §0 rule 1: the header wins over the status, as the official SDKs do.
    QTest::newRow("400 with x-should-retry true follows the header")
        << 400 << HttpHeaders{{"x-should-retry", "true"}}
        << QByteArray(R"({"error":{"message":"bad 'tools' schema","type":"invalid_request_error"}})")
        << FailureClass::Transient;
    QTest::newRow("ollama string error") << 400 << none << QByteArray(R"({"error":"model 'x' not found"})")
                                         << FailureClass::Validation;
    QTest::newRow("200 carrying an error body")
        << 200 << none << QByteArray(R"({"error":{"message":"upstream failed","type":"server_error"}})")
        << FailureClass::MalformedResponse;
}

void TestHttpErrorTable::classify()
{
    QFETCH(int, status);
    QFETCH(HttpHeaders, headers);
    QFETCH(QByteArray, body);
    QFETCH(FailureClass, expected);
    const FailureClass actual = HttpErrorClassifier::classify(status, lookup(headers), body, kNow).failure;
    QCOMPARE(failureClassName(actual), failureClassName(expected));
}

void TestHttpErrorTable::analyzeKeepsProviderReason()
{
    const HttpFailure azure = HttpErrorClassifier::classify(
        400, lookup({}), R"({"error":{"message":"Filtered by content management policy.","code":"content_filter"}})",
        kNow);
    QCOMPARE(azure.failure, FailureClass::ContentFilter);
    QCOMPARE(azure.code, QStringLiteral("content_filter"));
    QCOMPARE(azure.message, QStringLiteral("Filtered by content management policy."));
    QVERIFY(!azure.retryable);
    QVERIFY(!azure.retryAfterMs.has_value());

    const HttpFailure anthropic = HttpErrorClassifier::classify(
        529, lookup({{"retry-after", "3"}, {"x-should-retry", "true"}}),
        R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})", kNow);
    QCOMPARE(anthropic.failure, FailureClass::Transient);
    QCOMPARE(anthropic.code, QStringLiteral("overloaded_error"));
    QCOMPARE(anthropic.message, QStringLiteral("Overloaded"));
    QVERIFY(anthropic.retryable);
    QCOMPARE(anthropic.retryAfterMs, std::optional<qint64>(3000));

    const HttpFailure bedrock = HttpErrorClassifier::classify(
        429, lookup({{"x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/"}}),
        R"({"message":"Too many tokens, please wait before trying again."})", kNow);
    QCOMPARE(bedrock.code, QStringLiteral("ThrottlingException"));
    QCOMPARE(bedrock.message, QStringLiteral("Too many tokens, please wait before trying again."));
}

void TestHttpErrorTable::shouldRetryHeader_data()
{
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<int>("expected");  // -1 absent, 0 false, 1 true
    QTest::newRow("absent") << HttpHeaders{{"retry-after", "1"}} << -1;
    QTest::newRow("true") << HttpHeaders{{"x-should-retry", "true"}} << 1;
    QTest::newRow("false mixed case name") << HttpHeaders{{"X-Should-Retry", "false"}} << 0;
    QTest::newRow("TRUE value") << HttpHeaders{{"x-should-retry", " TRUE "}} << 1;
    QTest::newRow("garbage") << HttpHeaders{{"x-should-retry", "maybe"}} << -1;
}

void TestHttpErrorTable::shouldRetryHeader()
{
    QFETCH(HttpHeaders, headers);
    QFETCH(int, expected);
    // A 500 is retried by default and a 404 is not: the header's verdict shows on both.
    const bool serverError = HttpErrorClassifier::classify(500, lookup(headers), {}, kNow).retryable;
    const bool notFound = HttpErrorClassifier::classify(404, lookup(headers), {}, kNow).retryable;
    const int value = serverError && notFound ? 1 : !serverError && !notFound ? 0 : -1;
    QCOMPARE(value, expected);
}

void TestHttpErrorTable::retryableStatus()
{
    for (int status : {408, 409, 429, 500, 502, 503, 504, 529, 599})
        QVERIFY2(HttpErrorClassifier::classify(status, lookup({}), {}, kNow).retryable,
                 qPrintable(QString::number(status)));
    for (int status : {200, 400, 401, 402, 403, 404, 413, 422})
        QVERIFY2(!HttpErrorClassifier::classify(status, lookup({}), {}, kNow).retryable,
                 qPrintable(QString::number(status)));
}

void TestHttpErrorTable::suggestedDelay_data()
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

void TestHttpErrorTable::suggestedDelay()
{
    QFETCH(HttpHeaders, headers);
    QFETCH(QByteArray, body);
    QFETCH(qint64, expected);
    const std::optional<qint64> delay = HttpErrorClassifier::classify(429, lookup(headers), body, kNow).retryAfterMs;
    QCOMPARE(delay.value_or(-1), expected);
}

void TestHttpErrorTable::httpDateForms_data()
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
}

void TestHttpErrorTable::httpDateForms()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);
    // As a Retry-After value: the delay from a "now" one hour before the date, or nothing for a date we refuse.
    const QDateTime now = expected.isValid() ? expected.addSecs(-3600) : kNow;
    const std::optional<qint64> delay = HttpErrorClassifier::parseRetryAfterValue(text, now);
    QCOMPARE(delay.has_value(), expected.isValid());
    if (delay)
        QCOMPARE(*delay, qint64(3600 * 1000));
}

void TestHttpErrorTable::durationParsing_data()
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

void TestHttpErrorTable::durationParsing()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    QCOMPARE(HttpErrorClassifier::parseGoogleDuration(text).value_or(-1), expected);
}

QTEST_GUILESS_MAIN(TestHttpErrorTable)
#include "tst_httperrortable.moc"
