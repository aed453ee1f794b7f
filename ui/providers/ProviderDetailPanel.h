#pragma once

#include "core/model/ProviderSpec.h"
#include "core/secrets/Redactor.h"
#include "ui/providers/ApiKeyDialog.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QLabel;
class QListView;
class QNetworkAccessManager;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QStringListModel;
class QTableView;

namespace Switchyard {

class ConnectionCheck;
struct ConnectionReport;

/// The side panel of the Providers section: what providers.yaml says about the selected provider (kind, base URL,
/// regions, key reference, models with context window and prices; read-only), "Test connection" and "List models"
/// (core's ConnectionCheck, asynchronous, cancellable) and "Set API key…".
///
/// The key is resolved from the provider's reference just before a check, through the environment and — when the
/// build has it — the keychain backend. The keychain lookup waits in a local event loop until the keychain answers
/// (QtKeychain has no other API; an unlock prompt may be shown); nothing else here blocks.
///
/// Object names: providerKindLabel, providerBaseUrlLabel, providerRegionsLabel, providerKeyLabel, providerModelsView,
/// testConnectionButton, listModelsButton, cancelCheckButton, setApiKeyButton, checkBusyIndicator, checkResultLabel,
/// liveModelsView.
class ProviderDetailPanel : public QWidget {
    Q_OBJECT

public:
    explicit ProviderDetailPanel(QWidget *parent = nullptr);
    ~ProviderDetailPanel() override;

    /// Shows @p provider; an empty optional shows "no provider selected". A running check is cancelled.
    void setProvider(const std::optional<ProviderSpec> &provider);
    const std::optional<ProviderSpec> &provider() const { return m_provider; }

    /// Where "Set API key…" stores keys (a test seam); ApiKeyDialog::systemKeychainWriter() by default.
    void setKeyWriter(ApiKeyDialog::KeyWriter writer) { m_keyWriter = std::move(writer); }

    /// True while a connection check runs.
    bool isChecking() const;
    /// The text of the last result ("OK …" or "Failed …"); empty before the first check.
    QString resultText() const;

public Q_SLOTS:
    void testConnection();
    void listModels();
    void cancelCheck();
    void setApiKey();

Q_SIGNALS:
    /// A check finished (also after Cancel).
    void checkFinished();

private:
    enum class Purpose { Test, ListModels };

    void startCheck(Purpose purpose);
    void onCheckFinished();
    void showResult(const QString &text, bool ok);
    void updateButtons();
    QString describe(const ConnectionReport &report) const;

    std::optional<ProviderSpec> m_provider;
    ApiKeyDialog::KeyWriter m_keyWriter;
    QNetworkAccessManager *m_network = nullptr;
    QPointer<ConnectionCheck> m_check;
    Purpose m_purpose = Purpose::Test;
    Redactor m_redactor;  ///< knows the key of the running check, for messages the check did not scrub itself

    QLabel *m_title = nullptr;
    QLabel *m_kind = nullptr;
    QLabel *m_baseUrl = nullptr;
    QLabel *m_regions = nullptr;
    QLabel *m_key = nullptr;
    QStandardItemModel *m_models = nullptr;
    QTableView *m_modelsView = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_list = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_setKey = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_result = nullptr;
    QStringListModel *m_liveModels = nullptr;
    QListView *m_liveModelsView = nullptr;
};

}  // namespace Switchyard
