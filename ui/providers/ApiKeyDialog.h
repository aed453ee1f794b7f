#pragma once

#include "core/common/Result.h"
#include "core/model/ProviderSpec.h"

#include <QDialog>
#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Switchyard {

/// "Set API key…": takes a key in a password field and stores it in the OS keychain under the provider id, then
/// tells the user to reference it as keychain:<id> in providers.yaml (the workspace's providers are not changed).
///
/// The key is handed only to the writer; it is never written anywhere else. Without a keychain (a build without
/// QtKeychain: an empty writer) or when the write fails (no Secret Service), the dialog says so and names the
/// environment variable to set instead.
///
/// Object names: apiKeyEdit, storeApiKeyButton, apiKeyStatusLabel, apiKeyButtons.
class ApiKeyDialog : public QDialog {
    Q_OBJECT

public:
    /// Stores @p value under the keychain entry @p name.
    using KeyWriter = std::function<Result<void>(const QString &name, const QString &value)>;

    /// @p writer: where keys go; empty when this build has no keychain.
    ApiKeyDialog(const ProviderSpec &provider, KeyWriter writer, QWidget *parent = nullptr);

    /// KeychainStore::write when the build has the keychain (KeychainStore::isAvailable()), else an empty writer.
    /// The write waits for the keychain in a local event loop (it may show an unlock prompt).
    static KeyWriter systemKeychainWriter();

    /// The environment variable the user can set instead: NAME of an "env:NAME" or "${NAME}" key reference, else
    /// the provider id in upper case with "_API_KEY" ("my-vllm" → "MY_VLLM_API_KEY").
    static QString environmentVariableFor(const ProviderSpec &provider);

    QString statusText() const;
    /// True after a key was stored in the keychain.
    bool stored() const { return m_stored; }

private:
    void store();
    void showStatus(const QString &text, bool error);

    ProviderSpec m_provider;
    KeyWriter m_writer;
    QLineEdit *m_key = nullptr;
    QPushButton *m_store = nullptr;
    QLabel *m_status = nullptr;
    bool m_stored = false;
};

}  // namespace Switchyard
