#include "core/providers/client/HttpErrorClassifier.h"

#include <QtTest>

using namespace Switchyard;

namespace {

HttpErrorClassifier::HeaderLookup headers(QList<QPair<QByteArray, QByteArray>> values)
{
    return [values](const QByteArray &name) {
        for (const auto &pair : values)
            if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
                return pair.second;
        return QByteArray();
    };
}

QByteArray openAiError(const char *message, const char *type, const char *code)
{
    return QByteArrayLiteral("{\"error\":{\"message\":\"") + message + "\",\"type\":\"" + type +
           "\",\"param\":null,\"code\":" + (code ? QByteArray("\"") + code + "\"" : QByteArray("null")) + "}}";
}

}  // namespace

class TestHttpErrorClassifier : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void classifiesStatusAndBody_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("failure");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("429 rate limit") << 429 << openAiError("Rate limit reached", "requests", "rate_limit_exceeded")
                                        << int(FailureClass::RateLimited) << true;
        QTest::newRow("429 insufficient_quota")
            << 429 << openAiError("You exceeded your current quota", "insufficient_quota", "insufficient_quota")
            << int(FailureClass::InsufficientQuota) << false;
        QTest::newRow("402 deepseek") << 402 << openAiError("Insufficient Balance", "unknown_error", nullptr)
                                      << int(FailureClass::InsufficientQuota) << false;
        QTest::newRow("400 context") << 400
                                     << openAiError("This model's maximum context length is 128000 tokens.",
                                                    "invalid_request_error", "context_length_exceeded")
                                     << int(FailureClass::ContextTooLong) << false;
        QTest::newRow("400 azure content filter")
            << 400
            << openAiError(
                   "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
                   "invalid_request_error", "content_filter")
            << int(FailureClass::ContentFilter) << false;
        QTest::newRow("400 validation") << 400
                                        << openAiError("Invalid value for temperature", "invalid_request_error",
                                                       nullptr)
                                        << int(FailureClass::Validation) << false;
        QTest::newRow("401") << 401
                             << openAiError("Incorrect API key provided", "invalid_request_error", "invalid_api_key")
                             << int(FailureClass::Authentication) << false;
        QTest::newRow("403") << 403 << QByteArray("{}") << int(FailureClass::Authentication) << false;
        QTest::newRow("408") << 408 << QByteArray() << int(FailureClass::Transient) << true;
        QTest::newRow("409") << 409 << QByteArray() << int(FailureClass::Transient) << true;
        QTest::newRow("500") << 500 << openAiError("The server had an error", "server_error", nullptr)
                             << int(FailureClass::Transient) << true;
        QTest::newRow("503 html") << 503 << QByteArray("<html>busy</html>") << int(FailureClass::Transient) << true;
        QTest::newRow("529 anthropic")
            << 529 << QByteArray(R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})")
            << int(FailureClass::Transient) << true;
        QTest::newRow("anthropic too long")
            << 400
            << QByteArray(
                   R"({"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 210000 tokens > 200000 maximum"}})")
            << int(FailureClass::ContextTooLong) << false;
        QTest::newRow("404") << 404 << QByteArray() << int(FailureClass::Validation) << false;
        QTest::newRow("cohere too long")
            << 400
            << QByteArray(
                   R"({"id":"a1","message":"too many tokens: total number of tokens in the prompt cannot exceed 4081 - received 4292."})")
            << int(FailureClass::ContextTooLong) << false;
        QTest::newRow("cohere max tokens")
            << 400
            << QByteArray(
                   R"({"id":"a2","message":"too many tokens: max tokens must be less than or equal to 4096, the maximum output for this model - received 8192."})")
            << int(FailureClass::Validation) << false;
        QTest::newRow("498 cohere invalid token") << 498 << QByteArray(R"({"id":"a3","message":"invalid api token"})")
                                                  << int(FailureClass::Authentication) << false;
        QTest::newRow("499 cancelled by provider") << 499 << QByteArray(R"({"id":"a4","message":"request cancelled"})")
                                                   << int(FailureClass::Transient) << true;
    }
    void classifiesStatusAndBody()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, failure);
        QFETCH(bool, retryable);
        const HttpFailure result = HttpErrorClassifier::classify(status, headers({}), body);
        QCOMPARE(failureClassName(result.failure), failureClassName(FailureClass(failure)));
        QCOMPARE(result.retryable, retryable);
    }

    void bedrockErrorTypes_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("errorType");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<int>("failure");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("model not ready") << 429
                                         << QByteArray("ModelNotReadyException:http://internal.amazon.com/coral/")
                                         << QByteArray("Model is not ready") << int(FailureClass::Transient) << true;
        QTest::newRow("throttling") << 429 << QByteArray("ThrottlingException") << QByteArray("Too many requests")
                                    << int(FailureClass::RateLimited) << true;
        QTest::newRow("too many input tokens")
            << 400 << QByteArray("ValidationException") << QByteArray("Too many input tokens. Max: 8192")
            << int(FailureClass::ContextTooLong) << false;
        QTest::newRow("input is too long")
            << 400 << QByteArray("ValidationException") << QByteArray("Input is too long for requested model.")
            << int(FailureClass::ContextTooLong) << false;
    }
    void bedrockErrorTypes()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, errorType);
        QFETCH(QByteArray, message);
        QFETCH(int, failure);
        QFETCH(bool, retryable);
        const QByteArray body = "{\"message\":\"" + message + "\"}";
        const HttpFailure result =
            HttpErrorClassifier::classify(status, headers({{"x-amzn-ErrorType", errorType}}), body);
        QCOMPARE(failureClassName(result.failure), failureClassName(FailureClass(failure)));
        QCOMPARE(result.retryable, retryable);
        QCOMPARE(result.code, QString::fromLatin1(errorType.split(':').first()));
        QCOMPARE(result.message, QString::fromLatin1(message));
        // The same name in an event-stream exception frame classifies the same way.
        const ParseFailure inStream = HttpErrorClassifier::awsStreamFailure(QString::fromLatin1(errorType), body);
        QCOMPARE(failureClassName(inStream.failure), failureClassName(FailureClass(failure)));
    }

    void shouldRetryHeaderWins()
    {
        const HttpFailure no = HttpErrorClassifier::classify(500, headers({{"x-should-retry", "false"}}), QByteArray());
        QCOMPARE(no.failure, FailureClass::Transient);
        QVERIFY(!no.retryable);
        const HttpFailure yes = HttpErrorClassifier::classify(400, headers({{"X-Should-Retry", "true"}}), QByteArray());
        QVERIFY(yes.retryable);
        QCOMPARE(yes.failure, FailureClass::Transient);
    }

    void retryAfterForms_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expectedMs");
        QTest::newRow("ms") << QByteArray("retry-after-ms") << QByteArray("1500") << qint64(1500);
        QTest::newRow("seconds") << QByteArray("Retry-After") << QByteArray("7") << qint64(7000);
        QTest::newRow("fractional") << QByteArray("retry-after") << QByteArray("0.25") << qint64(250);
        QTest::newRow("http date") << QByteArray("retry-after") << QByteArray("Wed, 01 Jan 2025 00:00:30 GMT")
                                   << qint64(30000);
        QTest::newRow("rfc 850 date") << QByteArray("retry-after") << QByteArray("Wednesday, 01-Jan-25 00:01:00 GMT")
                                      << qint64(60000);
        QTest::newRow("asctime date") << QByteArray("retry-after") << QByteArray("Wed Jan  1 00:00:30 2025")
                                      << qint64(30000);
        QTest::newRow("past date") << QByteArray("retry-after") << QByteArray("Tue, 31 Dec 2024 23:59:00 GMT")
                                   << qint64(0);
        QTest::newRow("garbage") << QByteArray("retry-after") << QByteArray("soon") << qint64(-1);
    }
    void retryAfterForms()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(qint64, expectedMs);
        const QDateTime now(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
        const std::optional<qint64> delay = HttpErrorClassifier::retryAfter(headers({{name, value}}), now);
        QCOMPARE(delay.value_or(-1), expectedMs);
    }

    void retryAfterMsWinsOverSeconds()
    {
        const auto delay = HttpErrorClassifier::retryAfter(headers({{"retry-after", "20"}, {"retry-after-ms", "120"}}));
        QCOMPARE(delay.value_or(-1), qint64(120));
    }

    void geminiRetryInfo()
    {
        const QByteArray body = R"({"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED",
            "details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"31s"}]}})";
        const HttpFailure result = HttpErrorClassifier::classify(429, headers({}), body);
        QCOMPARE(result.failure, FailureClass::RateLimited);
        QCOMPARE(result.retryAfterMs.value_or(-1), qint64(31000));
        QCOMPARE(result.code, QStringLiteral("RESOURCE_EXHAUSTED"));
        QCOMPARE(result.message, QStringLiteral("Quota exceeded"));
    }

    void networkErrors()
    {
        QCOMPARE(HttpErrorClassifier::classifyNetworkError(QNetworkReply::ConnectionRefusedError),
                 FailureClass::Network);
        QCOMPARE(HttpErrorClassifier::classifyNetworkError(QNetworkReply::HostNotFoundError), FailureClass::Network);
        QCOMPARE(HttpErrorClassifier::classifyNetworkError(QNetworkReply::RemoteHostClosedError),
                 FailureClass::Transient);
        QCOMPARE(HttpErrorClassifier::classifyNetworkError(QNetworkReply::OperationCanceledError),
                 FailureClass::Cancelled);
    }

    void inBandErrorsAreNeverSuccess()
    {
        QJsonObject error{{QStringLiteral("message"), QStringLiteral("overloaded")},
                          {QStringLiteral("type"), QStringLiteral("server_error")}};
        QCOMPARE(HttpErrorClassifier::classifyInBand(error).failure, FailureClass::StreamCut);
        error.insert(QStringLiteral("code"), QStringLiteral("content_filter"));
        QCOMPARE(HttpErrorClassifier::classifyInBand(error).failure, FailureClass::ContentFilter);
    }
};

QTEST_GUILESS_MAIN(TestHttpErrorClassifier)
#include "tst_httperrorclassifier.moc"
