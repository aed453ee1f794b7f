// A build without QtKeychain: KeychainStore is compiled here without it (see CMakeLists.txt), as on a machine that
// lacks the package. Every operation must fail with an error that says why and what to use instead — never succeed
// silently, never store anything.
#include "core/secrets/SecretResolver.h"
#include "platform/keychain/KeychainSecretBackend.h"
#include "platform/keychain/KeychainStore.h"

#include <QTest>

using namespace Switchyard;

class TestKeychainUnavailable : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyOperationSaysThereIsNoKeychain()
    {
        QVERIFY(!KeychainStore::isAvailable());
        const KeychainStore store;
        const auto written = store.write(QStringLiteral("openai"), QStringLiteral("sk-never-stored-123456"));
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, Error::Code::Unsupported);
        QVERIFY2(written.error().message.contains(QLatin1String("no keychain support")),
                 qPrintable(written.error().message));
        QVERIFY(written.error().message.contains(QLatin1String("env:NAME")));
        QVERIFY(!written.error().message.contains(QLatin1String("sk-never-stored")));
        QVERIFY(!store.read(QStringLiteral("openai")).ok());
        QVERIFY(!store.remove(QStringLiteral("openai")).ok());
    }

    void keychainReferencesFailClearlyThroughTheResolver()
    {
        SecretResolver resolver;
        resolver.setKeychainBackend(std::make_shared<KeychainSecretBackend>());
        const auto resolved =
            resolver.resolve(QStringLiteral("keychain:openai"), QStringLiteral("provider \"openai\""));
        QVERIFY(!resolved.ok());
        QCOMPARE(resolved.error().code, Error::Code::Unsupported);
        QVERIFY(resolved.error().message.contains(QLatin1String("\"openai\"")));
    }
};

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "tst_keychainunavailable.moc"
