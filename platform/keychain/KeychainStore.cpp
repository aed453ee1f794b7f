#include "platform/keychain/KeychainStore.h"

#include <utility>

#ifdef SWITCHYARD_HAVE_QTKEYCHAIN
#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>
#endif

namespace Switchyard {

#ifdef SWITCHYARD_HAVE_QTKEYCHAIN
namespace {

/// Runs @p job to completion (or the timeout) and turns its outcome into an Error naming @p action.
Result<void> runJob(QKeychain::Job &job, int timeoutMs, const QString &action, bool notFoundIsError)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    timeout.start(timeoutMs);
    job.start();
    loop.exec();
    if (timedOut)
        return Error::make(Error::Code::Io, QStringLiteral("Could not %1: the system keychain did not answer within "
                                                           "%2 s (is it locked, or waiting for an unlock prompt?).")
                                                .arg(action)
                                                .arg(timeoutMs / 1000));
    switch (job.error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        if (!notFoundIsError)
            return {};
        return Error::make(Error::Code::NotFound, QStringLiteral("Could not %1: there is no such entry.").arg(action));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Error::make(Error::Code::Unsupported,
                           QStringLiteral("Could not %1: no system keychain is available here (%2). On Linux, run a "
                                          "Secret Service such as GNOME Keyring or KWallet, or use \"env:NAME\".")
                               .arg(action, job.errorString()));
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Error::make(
            Error::Code::Io,
            QStringLiteral("Could not %1: the keychain refused access (%2).").arg(action, job.errorString()));
    default:
        return Error::make(Error::Code::Io, QStringLiteral("Could not %1: %2").arg(action, job.errorString()));
    }
}

}  // namespace

Result<std::optional<QString>> KeychainStore::read(const QString &name) const
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(name);
    auto ran = runJob(job, m_timeoutMs, QStringLiteral("read \"%1\" from the system keychain").arg(name), false);
    if (!ran)
        return ran.error();
    if (job.error() == QKeychain::EntryNotFound)
        return std::optional<QString>();
    return std::optional<QString>(job.textData());
}

Result<void> KeychainStore::write(const QString &name, const QString &value) const
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(name);
    job.setTextData(value);
    return runJob(job, m_timeoutMs, QStringLiteral("store \"%1\" in the system keychain").arg(name), true);
}

Result<void> KeychainStore::remove(const QString &name) const
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(name);
    return runJob(job, m_timeoutMs, QStringLiteral("remove \"%1\" from the system keychain").arg(name), false);
}

#else
namespace {

Error unavailable(const QString &action)
{
    return Error::make(Error::Code::Unsupported,
                       QStringLiteral("Could not %1: this build of Switchyard has no keychain support (QtKeychain "
                                      "was not found when it was built). Use an \"env:NAME\" reference instead.")
                           .arg(action));
}

}  // namespace

Result<std::optional<QString>> KeychainStore::read(const QString &name) const
{
    return unavailable(QStringLiteral("read \"%1\" from the system keychain").arg(name));
}

Result<void> KeychainStore::write(const QString &name, const QString &value) const
{
    Q_UNUSED(value)
    return unavailable(QStringLiteral("store \"%1\" in the system keychain").arg(name));
}

Result<void> KeychainStore::remove(const QString &name) const
{
    return unavailable(QStringLiteral("remove \"%1\" from the system keychain").arg(name));
}
#endif

KeychainStore::KeychainStore(QString service, int timeoutMs) : m_service(std::move(service)), m_timeoutMs(timeoutMs) {}

bool KeychainStore::isAvailable()
{
#ifdef SWITCHYARD_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

}  // namespace Switchyard
