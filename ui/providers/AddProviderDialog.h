#pragma once

#include "core/model/ProviderSpec.h"
#include "ui/providers/ApiKeyDialog.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Switchyard {

class ProvidersDocument;

/// "Add Custom Provider…": an OpenAI-compatible endpoint (or another OpenAI-family kind) with its id, display name,
/// base URL, API key reference and optionally a first model. OK adds it to the document as one undoable edit; what
/// the document refuses (a taken or invalid id, a base URL with a query, ...) is shown and the dialog stays open.
///
/// The key itself is never part of the provider: the reference is an environment variable (env:NAME) or the OS
/// keychain entry named after the provider (keychain:<id>, stored through ApiKeyDialog). Without a keychain the
/// keychain choice is disabled and the dialog says so.
///
/// Object names: newProviderIdEdit, newProviderNameEdit, newProviderKindCombo, newProviderBaseUrlEdit,
/// newProviderKeyCombo, newProviderKeyVariableEdit, newProviderStoreKeyButton, newProviderModelEdit,
/// newProviderError, newProviderButtons.
class AddProviderDialog : public QDialog {
    Q_OBJECT

public:
    /// How the provider's key is referenced (the items of newProviderKeyCombo, in this order).
    enum class KeySource { Environment, Keychain, None };

    /// @p writer: where "Store Key…" puts the key (ApiKeyDialog's writer; empty when there is no keychain).
    AddProviderDialog(ProvidersDocument *document, ApiKeyDialog::KeyWriter writer, QWidget *parent = nullptr);

    /// The provider the fields describe now.
    ProviderSpec provider() const;
    /// The id of the provider added by OK; empty before.
    QString addedProviderId() const { return m_addedId; }
    QString errorText() const;

    void accept() override;

private:
    void updateState();
    void storeKey();

    ProvidersDocument *m_document;
    ApiKeyDialog::KeyWriter m_writer;
    QString m_addedId;
    QLineEdit *m_id = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QComboBox *m_keySource = nullptr;
    QLineEdit *m_keyVariable = nullptr;
    QPushButton *m_storeKey = nullptr;
    QLabel *m_keyNote = nullptr;
    QLineEdit *m_model = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_variableEdited = false;  ///< the user typed a variable name: stop deriving it from the id
};

}  // namespace Switchyard
