#include "AddProviderDialog.h"

#include "core/providers/ProvidersFile.h"
#include "ui/ErrorText.h"
#include "ui/providers/ProvidersDocument.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace Switchyard {
namespace {

/// The kinds that speak the OpenAI chat wire format; a custom endpoint is one of these.
QStringList openAiFamilyKinds()
{
    QStringList kinds;
    for (const char *kind :
         {"openai_compatible", "openai", "azure_openai", "openrouter", "groq", "deepseek", "byteplus", "ollama"}) {
        if (ProvidersFile::knownKinds().contains(QLatin1String(kind)))
            kinds.append(QLatin1String(kind));
    }
    return kinds;
}

}  // namespace

AddProviderDialog::AddProviderDialog(ProvidersDocument *document, ApiKeyDialog::KeyWriter writer, QWidget *parent)
    : QDialog(parent), m_document(document), m_writer(std::move(writer))
{
    setObjectName(QStringLiteral("addProviderDialog"));
    setWindowTitle(tr("Add Custom Provider"));

    m_id = new QLineEdit(this);
    m_id->setObjectName(QStringLiteral("newProviderIdEdit"));
    m_id->setPlaceholderText(tr("e.g. my-vllm"));
    m_id->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9_.-]*")), m_id));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("newProviderNameEdit"));
    m_name->setPlaceholderText(tr("e.g. Local vLLM"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("newProviderKindCombo"));
    m_kind->addItems(openAiFamilyKinds());
    m_kind->setToolTip(tr("The wire format: openai_compatible for vLLM, LM Studio, llama.cpp and other "
                          "OpenAI-compatible servers"));
    m_baseUrl = new QLineEdit(this);
    m_baseUrl->setObjectName(QStringLiteral("newProviderBaseUrlEdit"));
    m_baseUrl->setPlaceholderText(tr("e.g. http://localhost:8000"));

    m_keySource = new QComboBox(this);
    m_keySource->setObjectName(QStringLiteral("newProviderKeyCombo"));
    m_keySource->addItem(tr("Environment variable"));
    m_keySource->addItem(tr("System keychain"));
    m_keySource->addItem(tr("No key"));
    m_keyVariable = new QLineEdit(this);
    m_keyVariable->setObjectName(QStringLiteral("newProviderKeyVariableEdit"));
    m_keyVariable->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z_][A-Za-z0-9_]*")), m_keyVariable));
    m_storeKey = new QPushButton(tr("Store &Key…"), this);
    m_storeKey->setObjectName(QStringLiteral("newProviderStoreKeyButton"));
    m_storeKey->setToolTip(tr("Put the key into the system keychain now; the workspace keeps only the reference"));
    m_keyNote = new QLabel(this);
    m_keyNote->setObjectName(QStringLiteral("newProviderKeyNote"));
    m_keyNote->setWordWrap(true);
    if (!m_writer) {
        // Never a silent plain-text fallback: without a keychain only a reference to the environment is offered.
        if (auto *items = qobject_cast<QStandardItemModel *>(m_keySource->model()))
            items->item(int(KeySource::Keychain))->setEnabled(false);
        m_keyNote->setText(tr("This build of Switchyard has no keychain support: set the key in the environment "
                              "variable named here before starting Switchyard."));
    }
    m_model = new QLineEdit(this);
    m_model->setObjectName(QStringLiteral("newProviderModelEdit"));
    m_model->setPlaceholderText(tr("optional, e.g. llama-3.1-8b"));
    m_model->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\S*")), m_model));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("newProviderError"));
    m_error->setWordWrap(true);
    ErrorText::style(m_error);
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("newProviderButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add Provider"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddProviderDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *key = new QHBoxLayout;
    key->addWidget(m_keySource);
    key->addWidget(m_keyVariable, 1);
    key->addWidget(m_storeKey);

    auto *form = new QFormLayout;
    form->addRow(tr("&Id:"), m_id);
    form->addRow(tr("&Display name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Base URL:"), m_baseUrl);
    form->addRow(tr("API &key:"), key);
    form->addRow(QString(), m_keyNote);
    form->addRow(tr("First &model:"), m_model);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_id, &QLineEdit::textChanged, this, &AddProviderDialog::updateState);
    connect(m_keyVariable, &QLineEdit::textEdited, this, [this] { m_variableEdited = true; });
    connect(m_keySource, &QComboBox::currentIndexChanged, this, &AddProviderDialog::updateState);
    connect(m_storeKey, &QPushButton::clicked, this, &AddProviderDialog::storeKey);
    updateState();
}

ProviderSpec AddProviderDialog::provider() const
{
    ProviderSpec provider;
    provider.id = m_id->text().trimmed();
    provider.displayName = m_name->text().trimmed();
    provider.kind = m_kind->currentText();
    provider.baseUrl = m_baseUrl->text().trimmed();
    switch (KeySource(m_keySource->currentIndex())) {
    case KeySource::Environment:
        if (!m_keyVariable->text().isEmpty())
            provider.apiKeyRef = QStringLiteral("env:") + m_keyVariable->text();
        break;
    case KeySource::Keychain:
        provider.apiKeyRef = QStringLiteral("keychain:") + provider.id;
        break;
    case KeySource::None:
        break;
    }
    if (!m_model->text().trimmed().isEmpty()) {
        ModelSpec model;
        model.id = m_model->text().trimmed();
        model.capabilities = {QStringLiteral("chat"), QStringLiteral("streaming")};
        provider.models = {model};
    }
    return provider;
}

void AddProviderDialog::updateState()
{
    const QString id = m_id->text().trimmed();
    const auto source = KeySource(m_keySource->currentIndex());
    if (!m_variableEdited)
        m_keyVariable->setText(id.isEmpty() ? QString() : ProvidersFile::suggestedKeyVariable(id));
    m_keyVariable->setVisible(source == KeySource::Environment);
    m_storeKey->setVisible(source == KeySource::Keychain);
    m_storeKey->setEnabled(bool(m_writer) && !id.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!id.isEmpty());
    // Uniqueness and validity of the id as the user types: the same check OK makes.
    const auto checked = id.isEmpty() ? Result<void>() : m_document->checkNewProviderId(id);
    m_error->setText(checked ? QString() : checked.error().message);
    m_error->setVisible(!checked);
}

void AddProviderDialog::storeKey()
{
    auto *dialog = new ApiKeyDialog(provider(), m_writer, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

QString AddProviderDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void AddProviderDialog::accept()
{
    const ProviderSpec spec = provider();
    const auto added = m_document->addProvider(spec);
    if (!added) {
        m_error->setText(added.error().message);
        m_error->show();
        return;
    }
    m_addedId = spec.id;
    QDialog::accept();
}

}  // namespace Switchyard
