#include "ApiKeyDialog.h"

#include "core/providers/ProvidersFile.h"
#include "core/secrets/SecretResolver.h"
#include "platform/keychain/KeychainStore.h"
#include "ui/ErrorText.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Switchyard {

ApiKeyDialog::ApiKeyDialog(const ProviderSpec &provider, KeyWriter writer, QWidget *parent)
    : QDialog(parent), m_provider(provider), m_writer(std::move(writer))
{
    setObjectName(QStringLiteral("apiKeyDialog"));
    setWindowTitle(tr("Set API Key for %1").arg(provider.id));

    auto *intro = new QLabel(tr("The key is stored in the system keychain under the name \"%1\"; it is never "
                                "written to the workspace or to providers.yaml.")
                                 .arg(provider.id),
                             this);
    intro->setWordWrap(true);

    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("apiKeyEdit"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("API key"));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("apiKeyStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("apiKeyButtons"));
    m_store = buttons->addButton(tr("&Store in Keychain"), QDialogButtonBox::ActionRole);
    m_store->setObjectName(QStringLiteral("storeApiKeyButton"));
    m_store->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_store, &QPushButton::clicked, this, &ApiKeyDialog::store);
    connect(m_key, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_store->setEnabled(m_writer && !text.isEmpty()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_key);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    // A provider id that can't be a keychain entry name, or no keychain at all: only the environment route is left.
    const bool validName = SecretResolver::isReference(QStringLiteral("keychain:") + provider.id);
    if (!m_writer || !validName) {
        m_writer = {};
        m_key->setEnabled(false);
        const QString why = validName
                                ? tr("This build of Switchyard has no keychain support, so the key can't be stored.")
                                : tr("\"%1\" can't be used as a keychain entry name.").arg(provider.id);
        showStatus(why + QLatin1Char(' ') +
                       tr("Set the environment variable %1 to the key instead and reference it as env:%1 in "
                          "providers.yaml.")
                           .arg(environmentVariableFor(provider)),
                   true);
    }
}

ApiKeyDialog::KeyWriter ApiKeyDialog::systemKeychainWriter()
{
    if (!KeychainStore::isAvailable())
        return {};
    return [](const QString &name, const QString &value) {
        return KeychainStore().write(name, value);
    };
}

QString ApiKeyDialog::environmentVariableFor(const ProviderSpec &provider)
{
    return SecretResolver::environmentVariable(provider.apiKeyRef)
        .value_or(ProvidersFile::suggestedKeyVariable(provider.id));
}

QString ApiKeyDialog::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

void ApiKeyDialog::store()
{
    if (!m_writer || m_key->text().isEmpty())
        return;
    // Blocks in the keychain's local event loop until it answers (an unlock prompt may be shown).
    const Result<void> written = m_writer(m_provider.id, m_key->text());
    if (!written) {
        showStatus(tr("The key could not be stored in the system keychain: %1\nSet the environment variable %2 to "
                      "the key instead and reference it as env:%2 in providers.yaml.")
                       .arg(written.error().message, environmentVariableFor(m_provider)),
                   true);
        return;
    }
    m_stored = true;
    m_key->clear();
    showStatus(tr("Stored. Reference it in providers.yaml as api_key: keychain:%1").arg(m_provider.id), false);
}

void ApiKeyDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    ErrorText::style(m_status, error);
    m_status->show();
}

}  // namespace Switchyard
