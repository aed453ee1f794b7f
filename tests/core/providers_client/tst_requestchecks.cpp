#include "core/model/ProviderSpec.h"
#include "core/providers/client/RequestChecks.h"

#include <QtTest>

using namespace Switchyard;

namespace {

ProviderSpec provider(const QString &baseUrl, const QString &kind = QStringLiteral("anthropic"))
{
    ProviderSpec spec;
    spec.id = QStringLiteral("p1");
    spec.kind = kind;
    spec.baseUrl = baseUrl;
    return spec;
}

}  // namespace

class TestRequestChecks : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void baseUrlIsTrimmedAndLosesTrailingSlashes_data()
    {
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QString>("defaultUrl");
        QTest::addColumn<QString>("expected");
        QTest::newRow("default when empty") << QString() << "https://api.example.com"
                                            << "https://api.example.com";
        QTest::newRow("default when blank") << "  "
                                            << "https://api.example.com/v1/"
                                            << "https://api.example.com/v1";
        QTest::newRow("own url wins") << " http://localhost:8080/proxy/// "
                                      << "https://api.example.com"
                                      << "http://localhost:8080/proxy";
        QTest::newRow("root slash") << "https://host.example/" << QString() << "https://host.example";
        QTest::newRow("encoded path kept")
            << "https://host.example/a%3Ab/" << QString() << "https://host.example/a%3Ab";
    }

    void baseUrlIsTrimmedAndLosesTrailingSlashes()
    {
        QFETCH(QString, baseUrl);
        QFETCH(QString, defaultUrl);
        QFETCH(QString, expected);
        const Result<QUrl> url = RequestChecks::baseUrl(provider(baseUrl), defaultUrl);
        QVERIFY2(url.ok(), url.ok() ? "" : qPrintable(url.error().message));
        QCOMPARE(QString::fromLatin1(url->toEncoded()), expected);
    }

    void badBaseUrlIsRefusedWithAFix_data()
    {
        QTest::addColumn<QString>("baseUrl");
        QTest::newRow("no scheme") << "api.example.com";
        QTest::newRow("ftp") << "ftp://api.example.com";
        QTest::newRow("no host") << "https://";
        QTest::newRow("query") << "https://api.example.com/v1?key=sk-secret-123";
    }

    void badBaseUrlIsRefusedWithAFix()
    {
        QFETCH(QString, baseUrl);
        const Result<QUrl> url = RequestChecks::baseUrl(provider(baseUrl), QStringLiteral("https://api.anthropic.com"));
        QVERIFY(!url.ok());
        QCOMPARE(url.error().code, Error::Code::InvalidInput);
        QCOMPARE(url.error().message,
                 QStringLiteral("Provider \"p1\" (anthropic) has an invalid base_url. Use an http:// or https:// URL "
                                "without a query, e.g. https://api.anthropic.com."));
        QVERIFY(!url.error().message.contains(QLatin1String("sk-secret")));
    }

    void badBaseUrlWithoutDefaultOmitsTheExample()
    {
        const Result<QUrl> url = RequestChecks::baseUrl(provider(QStringLiteral("nope"), QString()), QString());
        QVERIFY(!url.ok());
        QCOMPARE(url.error().message, QStringLiteral("Provider \"p1\" has an invalid base_url. Use an http:// or "
                                                     "https:// URL without a query."));
    }

    void missingBaseUrlWithoutDefaultSaysWhereToSetIt()
    {
        const Result<QUrl> url =
            RequestChecks::baseUrl(provider(QStringLiteral(" "), QStringLiteral("azure_openai")), QString());
        QVERIFY(!url.ok());
        QCOMPARE(url.error().code, Error::Code::InvalidInput);
        QCOMPARE(url.error().message,
                 QStringLiteral("Provider \"p1\" (azure_openai) has no base_url. Set base_url in providers.yaml."));
    }

    void endsInVersion_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("expected");
        QTest::newRow("v1") << "/v1" << true;
        QTest::newRow("v1 slash") << "/api/v1/" << true;
        QTest::newRow("v1beta") << "/v1beta" << true;
        QTest::newRow("v2alpha1") << "/x/v2alpha1" << true;
        QTest::newRow("v3") << "/api/v3" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("api") << "/api" << false;
        QTest::newRow("version in the middle") << "/v1/chat" << false;
        QTest::newRow("no slash before") << "/apiv1" << false;
        QTest::newRow("not a number") << "/vx" << false;
    }

    void endsInVersion()
    {
        QFETCH(QString, path);
        QFETCH(bool, expected);
        QCOMPARE(RequestChecks::endsInVersion(path), expected);
    }
};

QTEST_GUILESS_MAIN(TestRequestChecks)
#include "tst_requestchecks.moc"
