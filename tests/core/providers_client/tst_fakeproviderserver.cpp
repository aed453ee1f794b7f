#include "tests/support/FakeProviderServer.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QtTest>

using namespace Switchyard::Testing;

class TestFakeProviderServer : public QObject {
    Q_OBJECT

private:
    QNetworkReply *post(QNetworkAccessManager &manager, const FakeProviderServer &server, const QString &pathAndQuery,
                        const QByteArray &body)
    {
        QNetworkRequest request(QUrl(server.baseUrl() + pathAndQuery));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("X-Custom", "value 1");
        return manager.post(request, body);
    }

    static QByteArray finish(QNetworkReply *reply)
    {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(5000))
            qWarning("reply did not finish");
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return body;
    }

private Q_SLOTS:
    void recordsRequestsAndAnswersInOrder()
    {
        FakeProviderServer server;
        QVERIFY(server.start());
        QNetworkAccessManager manager;
        manager.setProxy(QNetworkProxy::NoProxy);
        server.enqueue(QStringLiteral("/a"), FakeResponse::json(200, "first", {{"Retry-After", "3"}}));
        server.enqueue(QStringLiteral("/a"), FakeResponse::json(201, "second"));
        server.enqueueAny(FakeResponse::json(202, "any"));

        QNetworkReply *one = post(manager, server, QStringLiteral("/a?api-version=2024-10-21&x=%20y"), "{\"n\":1}");
        QCOMPARE(finish(one), QByteArray("first"));
        QCOMPARE(one->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(one->rawHeader("retry-after"), QByteArray("3"));
        QCOMPARE(finish(post(manager, server, QStringLiteral("/a"), "{}")), QByteArray("second"));
        QCOMPARE(finish(post(manager, server, QStringLiteral("/b"), "{}")), QByteArray("any"));

        QCOMPARE(server.requestCount(), 3);
        const RecordedRequest first = server.requests().first();
        QCOMPARE(first.method, QByteArray("POST"));
        QCOMPARE(first.path, QStringLiteral("/a"));
        QCOMPARE(first.queryItem(QStringLiteral("api-version")), QStringLiteral("2024-10-21"));
        QCOMPARE(first.queryItem(QStringLiteral("x")), QStringLiteral(" y"));
        QCOMPARE(first.header("x-custom"), QByteArray("value 1"));
        QCOMPARE(first.json().value(QLatin1String("n")).toInt(), 1);
        QCOMPARE(server.pendingResponses(), 0);
        // Keep-alive: sequential requests share one connection.
        QCOMPARE(server.connectionCount(), 1);
    }

    void unscriptedRequestFailsLoudly()
    {
        FakeProviderServer server;
        QVERIFY(server.start());
        QNetworkAccessManager manager;
        manager.setProxy(QNetworkProxy::NoProxy);
        QNetworkReply *reply = post(manager, server, QStringLiteral("/v1/nothing"), "{}");
        const QByteArray body = finish(reply);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 599);
        QVERIFY(body.contains("/v1/nothing"));
    }

    void chunkedPiecesArriveWhole()
    {
        FakeProviderServer server;
        QVERIFY(server.start());
        QNetworkAccessManager manager;
        manager.setProxy(QNetworkProxy::NoProxy);
        const QByteArray stream = "data: one\n\ndata: two\n\n";
        server.enqueueAny(FakeResponse::sseInPieces(stream, 3, 1));
        QNetworkReply *reply = post(manager, server, QStringLiteral("/s"), "{}");
        QByteArray received;
        int reads = 0;
        connect(reply, &QNetworkReply::readyRead, this, [&] {
            received += reply->readAll();
            ++reads;
        });
        finish(reply);
        QCOMPARE(received, stream);
        QVERIFY2(reads > 1, "pieces with delays must reach the client as separate reads");
        QCOMPARE(reply->rawHeader("transfer-encoding"), QByteArray("chunked"));
    }

    void cutBodyEndsAndResetIsTransportError()
    {
        FakeProviderServer server;
        QVERIFY(server.start());
        QNetworkAccessManager manager;
        manager.setProxy(QNetworkProxy::NoProxy);
        server.enqueueAny(FakeResponse::sse("data: partial").then(FakeStep::close()));
        QNetworkReply *cut = post(manager, server, QStringLiteral("/cut"), "{}");
        // Qt Network often reports NoError for a chunked body closed before its last chunk: adapters must judge
        // completeness from the content ([DONE], finish_reason, usage), which is what this server lets tests check.
        QCOMPARE(finish(cut), QByteArray("data: partial"));
        QVERIFY(cut->isFinished());

        server.enqueueAny(FakeResponse::resetBeforeHeaders());
        server.enqueueAny(FakeResponse::resetBeforeHeaders());
        QNetworkReply *reset = post(manager, server, QStringLiteral("/reset"), "{}");
        finish(reset);
        QVERIFY(reset->error() != QNetworkReply::NoError);
        QCOMPARE(reset->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFakeProviderServer)
#include "tst_fakeproviderserver.moc"
