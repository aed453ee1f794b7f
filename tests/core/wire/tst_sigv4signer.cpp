#include "core/providers/wire/SigV4Signer.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Switchyard;
using namespace Switchyard::Wire;

namespace {

const QString kSuiteDir = QStringLiteral(SWITCHYARD_SIGV4_DIR);
const SigV4Credentials kExampleCredentials{QStringLiteral("AKIDEXAMPLE"),
                                           QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), QString()};

QByteArray readCaseFile(const QString &caseDir, const QString &name, bool *ok = nullptr)
{
    QFile file(caseDir + QLatin1Char('/') + name);
    const bool opened = file.open(QIODevice::ReadOnly);
    if (ok)
        *ok = opened;
    QByteArray data = opened ? file.readAll() : QByteArray();
    if (data.endsWith('\n'))
        data.chop(1);
    return data;
}

// request.txt: "METHOD target HTTP/1.1", header lines ("Name:value", continuation lines start with whitespace),
// then an optional blank line and the body.
struct CaseRequest {
    SigV4Request request;
    QString problem;
};

CaseRequest parseRequestFile(const QByteArray &text)
{
    CaseRequest parsed;
    const qsizetype blank = text.indexOf("\n\n");
    const QByteArray head = blank < 0 ? text : text.left(blank);
    const QByteArray body = blank < 0 ? QByteArray() : text.mid(blank + 2);
    QList<QByteArray> lines = head.split('\n');
    if (lines.isEmpty()) {
        parsed.problem = QStringLiteral("empty request.txt");
        return parsed;
    }
    const QByteArray requestLine = lines.takeFirst();
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype version = requestLine.lastIndexOf(" HTTP/");
    if (firstSpace < 0 || version <= firstSpace) {
        parsed.problem = QStringLiteral("bad request line: %1").arg(QString::fromUtf8(requestLine));
        return parsed;
    }
    parsed.request = SigV4Request::fromTarget(requestLine.left(firstSpace),
                                              requestLine.mid(firstSpace + 1, version - firstSpace - 1), body);
    for (const QByteArray &line : std::as_const(lines)) {
        if (line.isEmpty())
            continue;
        if ((line.front() == ' ' || line.front() == '\t') && !parsed.request.headers.isEmpty()) {
            parsed.request.headers.last().second += ' ' + line;  // obs-fold: a folded line continues the value
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            parsed.problem = QStringLiteral("bad header line: %1").arg(QString::fromUtf8(line));
            return parsed;
        }
        parsed.request.headers.append({line.left(colon), line.mid(colon + 1)});
    }
    return parsed;
}

struct CaseContext {
    SigV4Credentials credentials;
    QString region;
    QString service;
    QDateTime time;
    SigV4Signer::Options options;
};

CaseContext parseContext(const QByteArray &json)
{
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    const QJsonObject credentials = root.value(QLatin1String("credentials")).toObject();
    CaseContext context;
    context.credentials.accessKeyId = credentials.value(QLatin1String("access_key_id")).toString();
    context.credentials.secretAccessKey = credentials.value(QLatin1String("secret_access_key")).toString();
    context.credentials.sessionToken = credentials.value(QLatin1String("token")).toString();
    context.region = root.value(QLatin1String("region")).toString();
    context.service = root.value(QLatin1String("service")).toString();
    context.time = QDateTime::fromString(root.value(QLatin1String("timestamp")).toString(), Qt::ISODate);
    context.options.normalizePath = root.value(QLatin1String("normalize")).toBool(true);
    context.options.signBody = root.value(QLatin1String("sign_body")).toBool(false);
    context.options.omitSessionToken = root.value(QLatin1String("omit_session_token")).toBool(false);
    context.options.expiresSeconds = root.value(QLatin1String("expiration_in_seconds")).toInt(3600);
    return context;
}

void addSuiteRows()
{
    QTest::addColumn<QString>("caseDir");
    const QDir suite(kSuiteDir);
    const QStringList cases = suite.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    if (cases.isEmpty()) {
        QTest::newRow("suite-missing") << QString();
        return;
    }
    for (const QString &name : cases)
        QTest::newRow(qPrintable(name)) << suite.filePath(name);
}

// Signs the case in @p caseDir with @p placement; QFAILs (via the returned message) on setup problems.
struct SignedCase {
    SigV4Signer::Signature signature;
    QString problem;
};

SignedCase signCase(const QString &caseDir, SigV4Signer::Placement placement)
{
    SignedCase out;
    bool ok = false;
    const QByteArray contextJson = readCaseFile(caseDir, QStringLiteral("context.json"), &ok);
    if (!ok) {
        out.problem = QStringLiteral("%1/context.json cannot be read").arg(caseDir);
        return out;
    }
    const QByteArray requestText = readCaseFile(caseDir, QStringLiteral("request.txt"), &ok);
    if (!ok) {
        out.problem = QStringLiteral("%1/request.txt cannot be read").arg(caseDir);
        return out;
    }
    CaseContext context = parseContext(contextJson);
    context.options.placement = placement;
    // request.txt ends with a newline that is not part of any body.
    const CaseRequest parsed = parseRequestFile(requestText + '\n');
    if (!parsed.problem.isEmpty()) {
        out.problem = parsed.problem;
        return out;
    }
    SigV4Request request = parsed.request;
    if (request.body.endsWith('\n'))
        request.body.chop(1);
    const SigV4Signer signer(context.credentials, context.region, context.service, context.options);
    const Result<SigV4Signer::Signature> signature = signer.sign(request, context.time);
    if (!signature) {
        out.problem = signature.error().toString();
        return out;
    }
    out.signature = *signature;
    return out;
}

}  // namespace

class TestSigV4Signer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void suiteIsComplete();
    void awsSuiteHeaders_data();
    void awsSuiteHeaders();
    void awsSuiteQuery_data();
    void awsSuiteQuery();
    void bedrockConverseModelIdIsDoubleEncoded();
    void bedrockArnWithSessionToken();
    void fromUrl();
    void uriEncode();
    void canonicalHeaderValue();
    void s3StylePathIsSignedAsSent();
    void invalidInputIsRefused();
};

void TestSigV4Signer::suiteIsComplete()
{
    const QDir suite(kSuiteDir);
    if (!suite.exists())
        QFAIL(qPrintable(
            QStringLiteral("The SigV4 test suite is missing at %1; set SWITCHYARD_CONFORMANCE_DIR.").arg(kSuiteDir)));
    QVERIFY2(suite.entryList(QDir::Dirs | QDir::NoDotAndDotDot).size() >= 38,
             "expected the 38 cases of aws-c-auth's v4 suite");
}

void TestSigV4Signer::awsSuiteHeaders_data()
{
    addSuiteRows();
}

void TestSigV4Signer::awsSuiteHeaders()
{
    QFETCH(QString, caseDir);
    if (caseDir.isEmpty())
        QFAIL(qPrintable(QStringLiteral("no SigV4 cases found in %1").arg(kSuiteDir)));
    const SignedCase signedCase = signCase(caseDir, SigV4Signer::Placement::Headers);
    if (!signedCase.problem.isEmpty())
        QFAIL(qPrintable(signedCase.problem));
    const SigV4Signer::Signature &s = signedCase.signature;

    QCOMPARE(QString::fromUtf8(s.canonicalRequest),
             QString::fromUtf8(readCaseFile(caseDir, QStringLiteral("header-canonical-request.txt"))));
    QCOMPARE(QString::fromUtf8(s.stringToSign),
             QString::fromUtf8(readCaseFile(caseDir, QStringLiteral("header-string-to-sign.txt"))));
    QCOMPARE(s.signature, readCaseFile(caseDir, QStringLiteral("header-signature.txt")));

    // The signed request lists every header the signer adds, Authorization included, byte for byte.
    const QByteArray signedRequest = readCaseFile(caseDir, QStringLiteral("header-signed-request.txt"));
    for (const SigV4Signer::Pair &header : s.headers) {
        const QByteArray line = '\n' + header.first + ':' + header.second + '\n';
        QVERIFY2(
            signedRequest.contains(line) || signedRequest.toLower().contains(
                                                line.toLower()),  // the suite spells x-amz-content-sha256 in lower case
            qPrintable(
                QStringLiteral("%1 missing from header-signed-request.txt").arg(QString::fromUtf8(line.trimmed()))));
    }
    QVERIFY(signedRequest.contains("\nAuthorization:" + s.authorization + '\n'));
}

void TestSigV4Signer::awsSuiteQuery_data()
{
    addSuiteRows();
}

void TestSigV4Signer::awsSuiteQuery()
{
    QFETCH(QString, caseDir);
    if (caseDir.isEmpty())
        QFAIL(qPrintable(QStringLiteral("no SigV4 cases found in %1").arg(kSuiteDir)));
    const SignedCase signedCase = signCase(caseDir, SigV4Signer::Placement::Query);
    if (!signedCase.problem.isEmpty())
        QFAIL(qPrintable(signedCase.problem));
    const SigV4Signer::Signature &s = signedCase.signature;

    QCOMPARE(QString::fromUtf8(s.canonicalRequest),
             QString::fromUtf8(readCaseFile(caseDir, QStringLiteral("query-canonical-request.txt"))));
    QCOMPARE(QString::fromUtf8(s.stringToSign),
             QString::fromUtf8(readCaseFile(caseDir, QStringLiteral("query-string-to-sign.txt"))));
    QCOMPARE(s.signature, readCaseFile(caseDir, QStringLiteral("query-signature.txt")));
    QVERIFY(s.authorization.isEmpty());
    QVERIFY(s.headers.isEmpty());

    // Every parameter to add appears, encoded, in the presigned request line.
    const QByteArray signedRequest = readCaseFile(caseDir, QStringLiteral("query-signed-request.txt"));
    const QByteArray requestLine = signedRequest.left(signedRequest.indexOf('\n'));
    for (const SigV4Signer::Pair &parameter : s.query) {
        const QByteArray encoded =
            SigV4Signer::uriEncode(parameter.first) + '=' + SigV4Signer::uriEncode(parameter.second);
        QVERIFY2(
            requestLine.contains(encoded),
            qPrintable(QStringLiteral("%1 missing from query-signed-request.txt").arg(QString::fromUtf8(encoded))));
    }
    QCOMPARE(s.query.last().first == "X-Amz-Signature" || s.query.last().first == "X-Amz-Security-Token", true);
}

void TestSigV4Signer::bedrockConverseModelIdIsDoubleEncoded()
{
    const QByteArray modelPath = "/model/" + SigV4Signer::uriEncode("deepseek.r1-v1:0") + "/converse";
    QCOMPARE(modelPath, QByteArray("/model/deepseek.r1-v1%3A0/converse"));
    const QUrl url = QUrl::fromEncoded("https://bedrock-runtime.ap-south-1.amazonaws.com" + modelPath);
    SigV4Request request = SigV4Request::fromUrl(
        "POST", url,
        R"({"messages":[{"role":"user","content":[{"text":"Hello"}]}],"inferenceConfig":{"maxTokens":512}})");
    request.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    QCOMPARE(request.path, modelPath);  // ':' stays encoded on the wire

    const SigV4Signer signer(kExampleCredentials, QStringLiteral("ap-south-1"), QStringLiteral("bedrock"));
    const Result<SigV4Signer::Signature> s =
        signer.sign(request, QDateTime(QDate(2025, 3, 14), QTime(9, 26, 53), QTimeZone::utc()));
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().toString()));
    QVERIFY2(s->canonicalRequest.contains("\n/model/deepseek.r1-v1%253A0/converse\n"), s->canonicalRequest.constData());
    QCOMPARE(s->signedHeaders, QByteArray("content-type;host;x-amz-date"));
    QCOMPARE(s->credentialScope, QByteArray("20250314/ap-south-1/bedrock/aws4_request"));
    QCOMPARE(s->amzDate, QByteArray("20250314T092653Z"));
    // Expected value computed with botocore's SigV4Auth (service "bedrock") for the same request and time.
    QCOMPARE(s->authorization,
             QByteArray("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250314/ap-south-1/bedrock/aws4_request, "
                        "SignedHeaders=content-type;host;x-amz-date, "
                        "Signature=8253c46e3aec3c0de7f9edd41b6042625fc923ddc5f55f3868235b8e868369c2"));
    QCOMPARE(s->headers.size(), 2);
    QCOMPARE(s->headers.at(0), (SigV4Signer::Pair{"X-Amz-Date", "20250314T092653Z"}));
    QCOMPARE(s->headers.at(1).first, QByteArray("Authorization"));
}

void TestSigV4Signer::bedrockArnWithSessionToken()
{
    const QByteArray arn =
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0";
    const QByteArray path = "/model/" + SigV4Signer::uriEncode(arn) + "/converse-stream";
    SigV4Request request = SigV4Request::fromUrl(
        "POST", QUrl::fromEncoded("https://bedrock-runtime.us-east-1.amazonaws.com" + path),
        R"({"messages":[{"role":"user","content":[{"text":"Hello"}]}],"inferenceConfig":{"maxTokens":512}})");
    request.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    SigV4Credentials credentials = kExampleCredentials;
    credentials.sessionToken = QStringLiteral("FQoGZXIvYXdzEXAMPLETOKEN");
    const SigV4Signer signer(credentials, QStringLiteral("us-east-1"), QStringLiteral("bedrock"));
    const Result<SigV4Signer::Signature> s =
        signer.sign(request, QDateTime(QDate(2025, 3, 14), QTime(9, 26, 53), QTimeZone::utc()));
    QVERIFY(s.ok());
    QVERIFY2(s->canonicalRequest.contains("/model/arn%253Aaws%253Abedrock%253Aus-east-1%253A123456789012%253A"
                                          "inference-profile%252Fus.anthropic.claude-3-5-sonnet-20241022-v2%253A0/"
                                          "converse-stream\n"),
             s->canonicalRequest.constData());
    QCOMPARE(s->signedHeaders, QByteArray("content-type;host;x-amz-date;x-amz-security-token"));
    QVERIFY(s->authorization.endsWith("Signature=598b7ee8deb96e61a9ac9b55df42b9b607ef151a7de5295d807cc9da42cc2d96"));
    QVERIFY(s->headers.contains(SigV4Signer::Pair{"X-Amz-Security-Token", "FQoGZXIvYXdzEXAMPLETOKEN"}));
}

void TestSigV4Signer::fromUrl()
{
    const SigV4Request a = SigV4Request::fromUrl(
        "GET", QUrl::fromEncoded("https://example.amazonaws.com:8443/a%20b/c?x=1&y=%E2%82%AC&flag&z=a%2Bb+c"));
    QCOMPARE(a.path, QByteArray("/a%20b/c"));
    QCOMPARE(a.headers, (QList<SigV4Request::Pair>{{"Host", "example.amazonaws.com:8443"}}));
    QCOMPARE(a.query, (QList<SigV4Request::Pair>{{"x", "1"}, {"y", "\xe2\x82\xac"}, {"flag", ""}, {"z", "a+b+c"}}));
    QCOMPARE(SigV4Signer::canonicalQuery(a.query), QByteArray("flag=&x=1&y=%E2%82%AC&z=a%2Bb%2Bc"));

    const SigV4Request b =
        SigV4Request::fromUrl("GET", QUrl(QStringLiteral("https://bedrock-runtime.eu-west-1.amazonaws.com:443")));
    QCOMPARE(b.path, QByteArray("/"));
    QCOMPARE(b.headers.first().second, QByteArray("bedrock-runtime.eu-west-1.amazonaws.com"));
    QVERIFY(b.query.isEmpty());
}

void TestSigV4Signer::uriEncode()
{
    QCOMPARE(SigV4Signer::uriEncode("AZaz09-_.~"), QByteArray("AZaz09-_.~"));
    QCOMPARE(SigV4Signer::uriEncode("a b+c/d:e=f&g%"), QByteArray("a%20b%2Bc%2Fd%3Ae%3Df%26g%25"));
    QCOMPARE(SigV4Signer::uriEncode("/a b/c:d", false), QByteArray("/a%20b/c%3Ad"));
    QCOMPARE(SigV4Signer::uriEncode("\xe1\x88\xb4"), QByteArray("%E1%88%B4"));
    QCOMPARE(SigV4Signer::canonicalUri("/model/x%3A0/converse", true, true), QByteArray("/model/x%253A0/converse"));
    QCOMPARE(SigV4Signer::canonicalUri("/a/./b/../c//d/", true, true), QByteArray("/a/c/d/"));
    QCOMPARE(SigV4Signer::canonicalUri("/a/b/..", true, true), QByteArray("/a/"));
    QCOMPARE(SigV4Signer::canonicalUri("", true, true), QByteArray("/"));
}

void TestSigV4Signer::canonicalHeaderValue()
{
    QCOMPARE(SigV4Signer::canonicalHeaderValue("  a   b \t c  "), QByteArray("a b c"));
    QCOMPARE(SigV4Signer::canonicalHeaderValue("\"a   b\""), QByteArray("\"a b\""));
    QCOMPARE(SigV4Signer::canonicalHeaderValue("value1\r\n  value2"), QByteArray("value1 value2"));
    QCOMPARE(SigV4Signer::canonicalHeaderValue(""), QByteArray());
}

void TestSigV4Signer::s3StylePathIsSignedAsSent()
{
    SigV4Signer::Options options;
    options.normalizePath = false;
    options.doubleEncodePath = false;
    options.signBody = true;
    const SigV4Signer signer(kExampleCredentials, QStringLiteral("us-east-1"), QStringLiteral("s3"), options);
    SigV4Request request = SigV4Request::fromTarget("PUT", "/my%20bucket//a/./b%3A1");
    request.headers.append({QByteArrayLiteral("Host"), QByteArrayLiteral("s3.amazonaws.com")});
    const Result<SigV4Signer::Signature> s =
        signer.sign(request, QDateTime(QDate(2015, 8, 30), QTime(12, 36), QTimeZone::utc()));
    QVERIFY(s.ok());
    QVERIFY(s->canonicalRequest.startsWith("PUT\n/my%20bucket//a/./b%3A1\n\n"));
    QCOMPARE(s->signedHeaders, QByteArray("host;x-amz-content-sha256;x-amz-date"));
    QVERIFY(s->headers.contains(SigV4Signer::Pair{"x-amz-content-sha256", s->payloadHash}));
}

void TestSigV4Signer::invalidInputIsRefused()
{
    const QDateTime time(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::utc());
    SigV4Request request = SigV4Request::fromTarget("GET", "/");
    request.headers.append({QByteArrayLiteral("Host"), QByteArrayLiteral("example.amazonaws.com")});

    const Result<SigV4Signer::Signature> noKey =
        SigV4Signer({}, QStringLiteral("us-east-1"), QStringLiteral("bedrock")).sign(request, time);
    QVERIFY(!noKey.ok());
    QCOMPARE(noKey.error().code, Error::Code::InvalidInput);
    QVERIFY(noKey.error().message.contains(QLatin1String("access key")));

    const SigV4Signer signer(kExampleCredentials, QStringLiteral("us-east-1"), QStringLiteral("bedrock"));
    QVERIFY(!SigV4Signer(kExampleCredentials, QString(), QStringLiteral("bedrock")).sign(request, time).ok());
    QVERIFY(!signer.sign(request, QDateTime()).ok());

    const Result<SigV4Signer::Signature> noHost = signer.sign(SigV4Request::fromTarget("GET", "/"), time);
    QVERIFY(!noHost.ok());
    QVERIFY(noHost.error().message.contains(QLatin1String("Host")));

    // Headers the signer owns are replaced, not duplicated.
    request.headers.append({QByteArrayLiteral("X-Amz-Date"), QByteArrayLiteral("19990101T000000Z")});
    request.headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("stale")});
    const Result<SigV4Signer::Signature> s = signer.sign(request, time);
    QVERIFY(s.ok());
    QCOMPARE(s->signedHeaders, QByteArray("host;x-amz-date"));
    QVERIFY(s->canonicalRequest.contains("x-amz-date:20250101T000000Z\n"));
    QVERIFY(!s->canonicalRequest.contains("19990101"));
}

QTEST_GUILESS_MAIN(TestSigV4Signer)
#include "tst_sigv4signer.moc"
