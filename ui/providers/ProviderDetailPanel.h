#pragma once

#include "core/model/ProviderSpec.h"
#include "core/secrets/Redactor.h"
#include "ui/providers/ApiKeyDialog.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QLabel;
class QLineEdit;
class QListView;
class QNetworkAccessManager;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStringListModel;
class QTableView;

namespace Switchyard {

class ConnectionCheck;
class ModelsTableModel;
class ProvidersDocument;
struct ConnectionReport;

/// The side panel of the Providers section: the selected provider of the ProvidersDocument as an editor (display
/// name, base URL, API version, default region and region list, key reference, rate limits, timeouts; the kind is
/// shown), its models in an editable ModelsTableModel with Add / Remove Model, "Test connection" and "List models"
/// (core's ConnectionCheck, asynchronous, cancellable, with the edited values) and "Set API key…".
///
/// Every edit is a command on the document; the panel follows the document (undo, redo, revert) and never changes the
/// database itself.
///
/// The key is resolved from the provider's reference just before a check, through the environment and — when the
/// build has it — the keychain backend. The keychain lookup waits in a local event loop until the keychain answers
/// (QtKeychain has no other API; an unlock prompt may be shown); nothing else here blocks.
///
/// A key stored with "Set API key…" makes the provider's key reference keychain:<id> (an undoable edit). The key
/// reference field takes references only: save() refuses anything else without repeating it.
///
/// Object names: providerKindLabel, providerKeyRefEdit, providerKeyHint, providerDisplayNameEdit, providerBaseUrlEdit,
/// providerApiVersionEdit, providerRegionEdit, providerRegionsEdit, providerRpmSpin, providerTpmSpin,
/// providerConnectTimeoutSpin, providerFirstTokenTimeoutSpin, providerIdleTimeoutSpin, providerTotalTimeoutSpin,
/// providerModelsView, newModelIdEdit, addModelButton, removeModelButton, useLiteLlmPriceButton, providerEditorError,
/// testConnectionButton, listModelsButton, cancelCheckButton, setApiKeyButton, checkBusyIndicator, checkResultLabel,
/// liveModelsView.
class ProviderDetailPanel : public QWidget {
    Q_OBJECT

public:
    explicit ProviderDetailPanel(ProvidersDocument *document, QWidget *parent = nullptr);
    ~ProviderDetailPanel() override;

    /// Shows and edits @p provider (a provider of the document, found by id); an empty optional shows "no provider
    /// selected". A running check is cancelled.
    void setProvider(const std::optional<ProviderSpec> &provider);
    const std::optional<ProviderSpec> &provider() const { return m_provider; }

    /// Where "Set API key…" stores keys (a test seam); ApiKeyDialog::systemKeychainWriter() by default.
    void setKeyWriter(ApiKeyDialog::KeyWriter writer) { m_keyWriter = std::move(writer); }
    const ApiKeyDialog::KeyWriter &keyWriter() const { return m_keyWriter; }

    ModelsTableModel *modelsModel() const { return m_models; }
    QTableView *modelsView() const { return m_modelsView; }
    /// The text of the editor's error line (a refused model removal or addition); empty when none is shown.
    QString errorText() const;

    /// True while a connection check runs.
    bool isChecking() const;
    /// The text of the last result ("OK …" or "Failed …"); empty before the first check.
    QString resultText() const;

public Q_SLOTS:
    void testConnection();
    void listModels();
    void cancelCheck();
    void setApiKey();
    /// Adds a model with the id typed in the "new model" field to the shown provider.
    void addModel();
    /// Removes the model selected in the models table; refused (with the reason shown) when a chain uses it.
    void removeModel();
    /// Makes the imported LiteLLM price the selected model's own (providers.yaml) price, which accounting then uses
    /// once saved: an imported price alone never beats a model's providers.yaml price.
    void useLiteLlmPrice();

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
    QWidget *createEditor();
    /// Fills the fields from the document's copy of the shown provider (after an edit, undo, redo or revert).
    void syncFromDocument();
    int documentRow() const;
    void edit(int field, const QVariant &value);
    void showError(const QString &message);

    ProvidersDocument *m_document;
    std::optional<ProviderSpec> m_provider;
    ApiKeyDialog::KeyWriter m_keyWriter;
    QNetworkAccessManager *m_network = nullptr;
    QPointer<ConnectionCheck> m_check;
    Purpose m_purpose = Purpose::Test;
    Redactor m_redactor;  ///< knows the key of the running check, for messages the check did not scrub itself

    QLabel *m_title = nullptr;
    QLabel *m_kind = nullptr;
    QLineEdit *m_key = nullptr;
    QLabel *m_keyHint = nullptr;
    QWidget *m_editor = nullptr;
    QLineEdit *m_displayName = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_apiVersion = nullptr;
    QLineEdit *m_region = nullptr;
    QLineEdit *m_regions = nullptr;
    QSpinBox *m_rpm = nullptr;
    QSpinBox *m_tpm = nullptr;
    QSpinBox *m_connectTimeout = nullptr;
    QSpinBox *m_firstTokenTimeout = nullptr;
    QSpinBox *m_idleTimeout = nullptr;
    QSpinBox *m_totalTimeout = nullptr;
    ModelsTableModel *m_models = nullptr;
    QTableView *m_modelsView = nullptr;
    QLineEdit *m_newModelId = nullptr;
    QPushButton *m_addModel = nullptr;
    QPushButton *m_removeModel = nullptr;
    QPushButton *m_useLiteLlmPrice = nullptr;
    QLabel *m_error = nullptr;
    bool m_updating = false;  ///< true while the fields are filled from the document, so that is not an edit
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
