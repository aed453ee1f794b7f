// The OS keychain through QtKeychain, against a real Secret Service (GNOME Keyring on a private D-Bus session, see
// tests/support/with-keyring.sh): keys round-trip, "keychain:NAME" references resolve through SecretResolver, and a
// machine without a keychain service gives a clear error instead of hanging or falling back to plain text.
#include "core/secrets/SecretResolver.h"
#include "platform/keychain/KeychainSecretBackend.h"
#include "platform/keychain/KeychainStore.h"

#include <QProcess>
#include <QTest>
#include <QUuid>

using namespace Switchyard;

class TestKeychainStore : public QObject {
    Q_OBJECT

private:
    /// A service name of our own, so a run never reads or clobbers real Switchyard entries.
    const QString m_service = QStringLiteral("Switchyard test %1").arg(QUuid::createUuid().toString());

private Q_SLOTS:
    void writeReadRemoveRoundTrip()
    {
        const KeychainStore store(m_service, 20000);
        const QString key = QStringLiteral("sk-proj-keychain-Ωmega-0123456789");
        auto written = store.write(QStringLiteral("openai"), key);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        auto read = store.read(QStringLiteral("openai"));
        QVERIFY(read.ok());
        QCOMPARE(read->value_or(QString()), key);

        // Overwrite keeps one entry with the new value.
        QVERIFY(store.write(QStringLiteral("openai"), QStringLiteral("sk-rotated-9876543210")).ok());
        QCOMPARE(store.read(QStringLiteral("openai"))->value_or(QString()), QStringLiteral("sk-rotated-9876543210"));

        QVERIFY(store.remove(QStringLiteral("openai")).ok());
        read = store.read(QStringLiteral("openai"));
        QVERIFY(read.ok());
        QVERIFY(!read->has_value());
        QVERIFY(store.remove(QStringLiteral("openai")).ok());  // removing twice is fine
    }

    void referencesResolveThroughTheResolver()
    {
        const KeychainStore store(m_service, 20000);
        QVERIFY(store.write(QStringLiteral("anthropic"), QStringLiteral("sk-ant-keychain-abcdef123456")).ok());
        SecretResolver resolver;
        resolver.setKeychainBackend(std::make_shared<KeychainSecretBackend>(store));
        auto secret = resolver.resolve(QStringLiteral("keychain:anthropic"), QStringLiteral("provider \"anthropic\""));
        QVERIFY(secret.ok());
        QCOMPARE(secret->reveal(), QStringLiteral("sk-ant-keychain-abcdef123456"));
        QCOMPARE(resolver.redactor().redact(QStringLiteral("key sk-ant-keychain-abcdef123456 leaked")),
                 QStringLiteral("key [REDACTED] leaked"));

        auto missing = resolver.resolve(QStringLiteral("keychain:nobody"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, Error::Code::NotFound);
        QVERIFY(missing.error().message.contains(QLatin1String("system keychain")));
        QVERIFY(store.remove(QStringLiteral("anthropic")).ok());
    }

    void withoutAKeychainServiceTheErrorSaysSo()
    {
        // The same code in a child process whose session bus does not exist: an error naming the keychain, quickly.
        if (qEnvironmentVariableIsSet("SWITCHYARD_KEYCHAIN_CHILD")) {
            const KeychainStore store(m_service, 5000);
            auto read = store.read(QStringLiteral("openai"));
            if (read.ok())
                qFatal("reading without a keychain service succeeded");
            printf("%s\n", qPrintable(read.error().message));
            return;
        }
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SWITCHYARD_KEYCHAIN_CHILD"), QStringLiteral("1"));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        env.remove(QStringLiteral("DISPLAY"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("withoutAKeychainServiceTheErrorSaysSo")});
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitCode(), 0);
        const QString output = QString::fromUtf8(child.readAllStandardOutput());
        QVERIFY2(output.contains(QLatin1String("Could not read \"openai\" from the system keychain")),
                 qPrintable(output));
    }
};

QTEST_GUILESS_MAIN(TestKeychainStore)
#include "tst_keychainstore.moc"
