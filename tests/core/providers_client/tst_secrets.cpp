#include "core/providers/ProvidersFile.h"
#include "core/secrets/EnvironmentSecretBackend.h"
#include "core/secrets/MemorySecretBackend.h"
#include "core/secrets/Redactor.h"
#include "core/secrets/Secret.h"
#include "core/secrets/SecretResolver.h"

#include <QtTest>
#include <type_traits>

using namespace Switchyard;

static_assert(!std::is_convertible_v<Secret, QString>, "a Secret must never turn into text implicitly");

class TestSecrets : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resolvesEnvironmentForms_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::newRow("braces") << QStringLiteral("${SWITCHYARD_TEST_KEY}");
        QTest::newRow("env") << QStringLiteral("env:SWITCHYARD_TEST_KEY");
        QTest::newRow("env padded") << QStringLiteral("  env:SWITCHYARD_TEST_KEY ");
    }
    void resolvesEnvironmentForms()
    {
        QFETCH(QString, reference);
        qputenv("SWITCHYARD_TEST_KEY", "sk-test-env-123456");
        SecretResolver resolver;
        const Result<Secret> secret = resolver.resolve(reference);
        QVERIFY2(secret.ok(), qPrintable(secret.ok() ? QString() : secret.error().message));
        QCOMPARE(secret->reveal(), QStringLiteral("sk-test-env-123456"));
        QCOMPARE(secret->reference(), reference.trimmed());
        QCOMPARE(resolver.redactor().redact(QStringLiteral("key=sk-test-env-123456!")),
                 QStringLiteral("key=[REDACTED]!"));
        qunsetenv("SWITCHYARD_TEST_KEY");
    }

    void missingEnvironmentNamesReferenceNotValue()
    {
        qunsetenv("SWITCHYARD_MISSING_KEY");
        SecretResolver resolver;
        const Result<Secret> secret =
            resolver.resolve(QStringLiteral("env:SWITCHYARD_MISSING_KEY"), QStringLiteral("provider \"openai\""));
        QVERIFY(!secret.ok());
        QCOMPARE(secret.error().code, Error::Code::NotFound);
        QVERIFY(secret.error().message.contains(QLatin1String("env:SWITCHYARD_MISSING_KEY")));
        QVERIFY(secret.error().message.contains(QLatin1String("provider \"openai\"")));
        QVERIFY(secret.error().message.contains(QLatin1String("Set the environment variable SWITCHYARD_MISSING_KEY")));
    }

    void emptyEnvironmentVariableCountsAsMissing()
    {
        qputenv("SWITCHYARD_EMPTY_KEY", "");
        SecretResolver resolver;
        QVERIFY(!resolver.resolve(QStringLiteral("${SWITCHYARD_EMPTY_KEY}")).ok());
        qunsetenv("SWITCHYARD_EMPTY_KEY");
    }

    void keychainUsesInjectedBackend()
    {
        auto keychain = std::make_shared<MemorySecretBackend>(QStringLiteral("the test keychain"));
        keychain->set(QStringLiteral("openai"), QStringLiteral("sk-keychain-abcdef"));
        SecretResolver resolver(std::make_shared<MemorySecretBackend>(), keychain);
        const Result<Secret> secret = resolver.resolve(QStringLiteral("keychain:openai"));
        QVERIFY(secret.ok());
        QCOMPARE(secret->reveal(), QStringLiteral("sk-keychain-abcdef"));

        const Result<Secret> missing = resolver.resolve(QStringLiteral("keychain:anthropic"));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QLatin1String("keychain:anthropic")));
        QVERIFY(missing.error().message.contains(QLatin1String("the test keychain")));
    }

    void awsEnvironmentJoinsTheStandardVariables()
    {
        auto environment = std::make_shared<MemorySecretBackend>(QStringLiteral("the environment"));
        SecretResolver resolver(environment, nullptr);
        auto missing = resolver.resolve(QStringLiteral("aws:env"), QStringLiteral("provider \"bedrock\""));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QLatin1String("AWS_ACCESS_KEY_ID")));
        QVERIFY(missing.error().message.contains(QLatin1String("AWS_SECRET_ACCESS_KEY")));

        environment->set(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDEXAMPLE123456"));
        environment->set(QStringLiteral("AWS_SECRET_ACCESS_KEY"),
                         QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        auto resolved = resolver.resolve(QStringLiteral("aws:env"));
        QVERIFY(resolved.ok());
        QCOMPARE(resolved->reveal(), QStringLiteral("AKIDEXAMPLE123456:wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        QCOMPARE(resolved->reference(), QStringLiteral("aws:env"));

        environment->set(QStringLiteral("AWS_SESSION_TOKEN"), QStringLiteral("FwoGZXIvYXdzEXAMPLETOKEN"));
        resolved = resolver.resolve(QStringLiteral("aws:env"));
        QVERIFY(resolved->reveal().endsWith(QLatin1String(":FwoGZXIvYXdzEXAMPLETOKEN")));

        // Each part is masked alone too: a provider echoing only the secret key leaks nothing.
        const QString text = resolver.redactor().redact(QStringLiteral(
            "signature mismatch for wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY and FwoGZXIvYXdzEXAMPLETOKEN"));
        QVERIFY2(!text.contains(QLatin1String("EXAMPLEKEY")) && !text.contains(QLatin1String("EXAMPLETOKEN")),
                 qPrintable(text));
        QVERIFY(SecretResolver::isReference(QStringLiteral("aws:env")));
        QVERIFY(ProvidersFile::isKeyReference(QStringLiteral("aws:env")));
    }

    void oneReferenceGrammarForFilesResolverAndUi()
    {
        // providers.yaml, the resolver and the studio's key dialog read references the same way.
        for (const char *good : {"env:OPENAI_API_KEY", "${GROQ_KEY}", "keychain:team.openai-prod", "aws:env"}) {
            QVERIFY2(SecretResolver::isReference(QLatin1String(good)), good);
            QVERIFY2(ProvidersFile::isKeyReference(QLatin1String(good)), good);
        }
        for (const char *bad : {"keychain:with space", "keychain:", "env:1BAD", "sk-live-abc", " env:PADDED"})
            QVERIFY2(!ProvidersFile::isKeyReference(QLatin1String(bad)), bad);
        QCOMPARE(SecretResolver::environmentVariable(QStringLiteral("env:OPENAI_API_KEY")),
                 std::optional<QString>(QStringLiteral("OPENAI_API_KEY")));
        QCOMPARE(SecretResolver::environmentVariable(QStringLiteral("${GROQ_KEY}")),
                 std::optional<QString>(QStringLiteral("GROQ_KEY")));
        QVERIFY(!SecretResolver::environmentVariable(QStringLiteral("keychain:openai")));
        QCOMPARE(ProvidersFile::suggestedKeyVariable(QStringLiteral("my-vllm")), QStringLiteral("MY_VLLM_API_KEY"));
    }

    void keychainWithoutBackendIsUnsupported()
    {
        SecretResolver resolver;
        const Result<Secret> secret = resolver.resolve(QStringLiteral("keychain:openai"));
        QVERIFY(!secret.ok());
        QCOMPARE(secret.error().code, Error::Code::Unsupported);
    }

    void literalKeyIsRejectedWithoutEcho()
    {
        SecretResolver resolver;
        const QString pasted = QStringLiteral("sk-proj-literal-key-0001");
        const Result<Secret> secret = resolver.resolve(pasted);
        QVERIFY(!secret.ok());
        QCOMPARE(secret.error().code, Error::Code::InvalidInput);
        QVERIFY(!secret.error().message.contains(pasted));
        QVERIFY(!SecretResolver::isReference(pasted));
        QVERIFY(SecretResolver::isReference(QStringLiteral("${A_B}")));
        QVERIFY(!SecretResolver::isReference(QStringLiteral("env:")));
    }

    void environmentBackendReadsVariables()
    {
        qputenv("SWITCHYARD_ENV_BACKEND", "v1");
        EnvironmentSecretBackend backend;
        QCOMPARE(backend.read(QStringLiteral("SWITCHYARD_ENV_BACKEND")), std::optional<QString>(QStringLiteral("v1")));
        qunsetenv("SWITCHYARD_ENV_BACKEND");
        QVERIFY(!backend.read(QStringLiteral("SWITCHYARD_ENV_BACKEND")).has_value());
    }

    void redactsKnownValuesAndHeaders_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("value") << QStringLiteral("bad key sk-abc123xyz here")
                               << QStringLiteral("bad key [REDACTED] here");
        QTest::newRow("bearer header") << QStringLiteral("Authorization: Bearer sk-other-999")
                                       << QStringLiteral("Authorization: Bearer [REDACTED]");
        QTest::newRow("json header") << QStringLiteral(R"({"x-api-key": "ant-123", "model": "m"})")
                                     << QStringLiteral(R"({"x-api-key": "[REDACTED]", "model": "m"})");
        QTest::newRow("goog") << QStringLiteral("x-goog-api-key=AIzaXYZ&alt=sse")
                              << QStringLiteral("x-goog-api-key=[REDACTED]&alt=sse");
        QTest::newRow("azure") << QStringLiteral("api-key: 0123abcd") << QStringLiteral("api-key: [REDACTED]");
        QTest::newRow("sigv4") << QStringLiteral("authorization: AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/"
                                                 "bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc")
                               << QStringLiteral("authorization: AWS4-HMAC-SHA256 [REDACTED]");
        QTest::newRow("plain text untouched")
            << QStringLiteral("the model said hello") << QStringLiteral("the model said hello");
    }
    void redactsKnownValuesAndHeaders()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        Redactor redactor;
        redactor.addSecret(Secret(QStringLiteral("env:K"), QStringLiteral("sk-abc123xyz")));
        QCOMPARE(redactor.redact(input), expected);
        QCOMPARE(redactor.redact(input.toUtf8()), expected.toUtf8());
    }

    void longerSecretMaskedWhole()
    {
        Redactor redactor;
        redactor.addValue(QStringLiteral("abc"));
        redactor.addValue(QStringLiteral("abcdef"));
        QCOMPARE(redactor.redact(QStringLiteral("x abcdef y abc")), QStringLiteral("x [REDACTED] y [REDACTED]"));
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
