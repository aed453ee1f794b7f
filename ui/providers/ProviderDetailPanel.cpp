#include "ProviderDetailPanel.h"

#include "core/model/FailureClass.h"
#include "core/providers/ProvidersFile.h"
#include "core/providers/client/ConnectionCheck.h"
#include "core/secrets/EnvironmentSecretBackend.h"
#include "core/secrets/SecretResolver.h"
#include "platform/keychain/KeychainSecretBackend.h"
#include "ui/ErrorText.h"
#include "ui/providers/ModelItemDelegate.h"
#include "ui/providers/ModelsTableModel.h"
#include "ui/providers/ProvidersDocument.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QStringListModel>
#include <QTableView>
#include <QVBoxLayout>
#include <limits>

namespace Switchyard {
namespace {

QLabel *valueLabel(const char *name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QSpinBox *countSpin(const char *name, int minimum, const QString &suffix, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(QLatin1String(name));
    spin->setRange(minimum, std::numeric_limits<int>::max());
    spin->setGroupSeparatorShown(true);
    spin->setSuffix(suffix);
    spin->setKeyboardTracking(false);  // one edit per committed value, not one per digit
    return spin;
}

QStringList splitRegions(const QString &text)
{
    QStringList regions;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            regions.append(part.trimmed());
    }
    return regions;
}

}  // namespace

ProviderDetailPanel::ProviderDetailPanel(ProvidersDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_keyWriter(ApiKeyDialog::systemKeychainWriter()),
      m_network(new QNetworkAccessManager(this)), m_models(new ModelsTableModel(document, this)),
      m_liveModels(new QStringListModel(this))
{
    setObjectName(QStringLiteral("providerDetailPanel"));

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("providerTitleLabel"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_test = new QPushButton(tr("&Test Connection"), this);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_test->setToolTip(tr("Ask the provider for its model list (or send a one-line chat) with the configured key"));
    m_list = new QPushButton(tr("&List Models"), this);
    m_list->setObjectName(QStringLiteral("listModelsButton"));
    m_list->setToolTip(tr("Ask the provider which models it offers right now"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelCheckButton"));
    m_setKey = new QPushButton(tr("Set API &Key…"), this);
    m_setKey->setObjectName(QStringLiteral("setApiKeyButton"));
    m_setKey->setToolTip(tr("Store this provider's API key in the system keychain"));
    connect(m_test, &QPushButton::clicked, this, &ProviderDetailPanel::testConnection);
    connect(m_list, &QPushButton::clicked, this, &ProviderDetailPanel::listModels);
    connect(m_cancel, &QPushButton::clicked, this, &ProviderDetailPanel::cancelCheck);
    connect(m_setKey, &QPushButton::clicked, this, &ProviderDetailPanel::setApiKey);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_test);
    buttons->addWidget(m_list);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_setKey);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("checkBusyIndicator"));
    m_busy->setRange(0, 0);  // indeterminate: a check has no measurable progress
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(8);

    m_result = valueLabel("checkResultLabel", this);

    m_liveModelsView = new QListView(this);
    m_liveModelsView->setObjectName(QStringLiteral("liveModelsView"));
    m_liveModelsView->setModel(m_liveModels);
    m_liveModelsView->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_error = valueLabel("providerEditorError", this);
    ErrorText::style(m_error);
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(createEditor(), 3);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    layout->addWidget(m_busy);
    layout->addWidget(m_result);
    layout->addWidget(m_liveModelsView, 1);

    connect(m_document, &ProvidersDocument::providerChanged, this, &ProviderDetailPanel::syncFromDocument);
    connect(m_document, &ProvidersDocument::modelChanged, this, &ProviderDetailPanel::syncFromDocument);
    connect(m_document, &ProvidersDocument::modelInserted, this, &ProviderDetailPanel::syncFromDocument);
    connect(m_document, &ProvidersDocument::modelRemoved, this, &ProviderDetailPanel::syncFromDocument);

    setProvider(std::nullopt);
}

QWidget *ProviderDetailPanel::createEditor()
{
    m_editor = new QWidget(this);
    m_kind = valueLabel("providerKindLabel", m_editor);
    m_key = new QLineEdit(m_editor);
    m_key->setObjectName(QStringLiteral("providerKeyRefEdit"));
    m_key->setPlaceholderText(tr("none needed, or env:NAME / keychain:NAME"));
    m_key->setToolTip(tr("Where the key is found: an environment variable (env:NAME) or the system keychain "
                         "(keychain:NAME). The key itself is never stored in the workspace."));
    m_keyHint = valueLabel("providerKeyHint", m_editor);
    m_keyHint->setText(tr("This is not a key reference. Put the key into the keychain with Set API Key… or into an "
                          "environment variable, and write keychain:NAME or env:NAME here."));
    ErrorText::style(m_keyHint);
    m_keyHint->hide();

    m_displayName = new QLineEdit(m_editor);
    m_displayName->setObjectName(QStringLiteral("providerDisplayNameEdit"));
    m_baseUrl = new QLineEdit(m_editor);
    m_baseUrl->setObjectName(QStringLiteral("providerBaseUrlEdit"));
    // No spaces in a URL; the rest (http(s), host, no query) is checked on save with the adapters' own rule.
    m_baseUrl->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\S*")), m_baseUrl));
    m_baseUrl->setPlaceholderText(tr("the kind's default"));
    m_baseUrl->setToolTip(tr("An http:// or https:// address without a query, e.g. http://localhost:8000"));
    m_apiVersion = new QLineEdit(m_editor);
    m_apiVersion->setObjectName(QStringLiteral("providerApiVersionEdit"));
    m_apiVersion->setPlaceholderText(tr("Azure OpenAI only, e.g. 2024-10-21"));
    const auto *noSpaces = new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\S*")), m_editor);
    m_region = new QLineEdit(m_editor);
    m_region->setObjectName(QStringLiteral("providerRegionEdit"));
    m_region->setValidator(noSpaces);
    m_region->setPlaceholderText(tr("none"));
    m_regions = new QLineEdit(m_editor);
    m_regions->setObjectName(QStringLiteral("providerRegionsEdit"));
    m_regions->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9_.\\-, ]*")), m_regions));
    m_regions->setPlaceholderText(tr("comma-separated, e.g. us-east-1, ap-south-1"));

    m_rpm = countSpin("providerRpmSpin", 0, tr(" requests/min"), m_editor);
    m_rpm->setSpecialValueText(tr("unlimited"));
    m_tpm = countSpin("providerTpmSpin", 0, tr(" tokens/min"), m_editor);
    m_tpm->setSpecialValueText(tr("unlimited"));
    m_connectTimeout = countSpin("providerConnectTimeoutSpin", 1, tr(" ms"), m_editor);
    m_firstTokenTimeout = countSpin("providerFirstTokenTimeoutSpin", 1, tr(" ms"), m_editor);
    m_idleTimeout = countSpin("providerIdleTimeoutSpin", 1, tr(" ms"), m_editor);
    m_totalTimeout = countSpin("providerTotalTimeoutSpin", 1, tr(" ms"), m_editor);

    using Field = ProvidersDocument::ProviderField;
    const auto text = [this](QLineEdit *lineEdit, Field field) {
        connect(lineEdit, &QLineEdit::textEdited, this,
                [this, field](const QString &value) { edit(int(field), value.trimmed()); });
    };
    text(m_displayName, Field::DisplayName);
    text(m_baseUrl, Field::BaseUrl);
    text(m_apiVersion, Field::ApiVersion);
    text(m_key, Field::ApiKeyRef);
    connect(m_key, &QLineEdit::textChanged, this, [this](const QString &value) {
        m_keyHint->setVisible(!value.trimmed().isEmpty() && !ProvidersFile::isKeyReference(value.trimmed()));
    });
    text(m_region, Field::Region);
    connect(m_regions, &QLineEdit::textEdited, this,
            [this](const QString &value) { edit(int(Field::Regions), splitRegions(value)); });
    const auto count = [this](QSpinBox *spin, Field field) {
        connect(spin, &QSpinBox::valueChanged, this, [this, field](int value) { edit(int(field), value); });
    };
    count(m_rpm, Field::RequestsPerMinute);
    count(m_tpm, Field::TokensPerMinute);
    count(m_connectTimeout, Field::ConnectTimeout);
    count(m_firstTokenTimeout, Field::FirstTokenTimeout);
    count(m_idleTimeout, Field::IdleTimeout);
    count(m_totalTimeout, Field::TotalTimeout);

    auto *form = new QFormLayout;
    form->addRow(tr("Kind:"), m_kind);
    form->addRow(tr("&Display name:"), m_displayName);
    form->addRow(tr("&Base URL:"), m_baseUrl);
    form->addRow(tr("API &version:"), m_apiVersion);
    form->addRow(tr("Default re&gion:"), m_region);
    form->addRow(tr("Re&gions:"), m_regions);
    form->addRow(tr("API &key:"), m_key);
    form->addRow(QString(), m_keyHint);
    auto *limits = new QHBoxLayout;
    limits->addWidget(m_rpm);
    limits->addWidget(m_tpm);
    form->addRow(tr("&Rate limits:"), limits);
    auto *timeouts = new QGridLayout;
    timeouts->addWidget(new QLabel(tr("Connect"), m_editor), 0, 0);
    timeouts->addWidget(m_connectTimeout, 0, 1);
    timeouts->addWidget(new QLabel(tr("First token"), m_editor), 0, 2);
    timeouts->addWidget(m_firstTokenTimeout, 0, 3);
    timeouts->addWidget(new QLabel(tr("Idle"), m_editor), 1, 0);
    timeouts->addWidget(m_idleTimeout, 1, 1);
    timeouts->addWidget(new QLabel(tr("Total"), m_editor), 1, 2);
    timeouts->addWidget(m_totalTimeout, 1, 3);
    form->addRow(tr("Timeouts:"), timeouts);

    m_modelsView = new QTableView(m_editor);
    m_modelsView->setObjectName(QStringLiteral("providerModelsView"));
    m_modelsView->setModel(m_models);
    m_modelsView->setItemDelegate(new ModelItemDelegate(m_modelsView));
    m_modelsView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                                  QAbstractItemView::AnyKeyPressed);
    m_modelsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_modelsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_modelsView->verticalHeader()->hide();
    m_modelsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_modelsView->horizontalHeader()->setStretchLastSection(true);

    m_newModelId = new QLineEdit(m_editor);
    m_newModelId->setObjectName(QStringLiteral("newModelIdEdit"));
    m_newModelId->setPlaceholderText(tr("New model id, e.g. llama-3.1-70b"));
    m_newModelId->setValidator(noSpaces);
    m_addModel = new QPushButton(tr("&Add Model"), m_editor);
    m_addModel->setObjectName(QStringLiteral("addModelButton"));
    m_addModel->setEnabled(false);
    m_removeModel = new QPushButton(tr("Re&move Model"), m_editor);
    m_removeModel->setObjectName(QStringLiteral("removeModelButton"));
    m_removeModel->setEnabled(false);
    m_useLiteLlmPrice = new QPushButton(tr("Use &LiteLLM Price"), m_editor);
    m_useLiteLlmPrice->setObjectName(QStringLiteral("useLiteLlmPriceButton"));
    m_useLiteLlmPrice->setToolTip(tr("Copy the imported LiteLLM price into the selected model's price"));
    m_useLiteLlmPrice->setEnabled(false);
    connect(m_useLiteLlmPrice, &QPushButton::clicked, this, &ProviderDetailPanel::useLiteLlmPrice);
    connect(m_newModelId, &QLineEdit::textChanged, this,
            [this](const QString &id) { m_addModel->setEnabled(m_provider && !id.trimmed().isEmpty()); });
    connect(m_newModelId, &QLineEdit::returnPressed, this, &ProviderDetailPanel::addModel);
    connect(m_addModel, &QPushButton::clicked, this, &ProviderDetailPanel::addModel);
    connect(m_removeModel, &QPushButton::clicked, this, &ProviderDetailPanel::removeModel);
    connect(m_modelsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ProviderDetailPanel::updateButtons);
    connect(m_models, &QAbstractItemModel::dataChanged, this, &ProviderDetailPanel::updateButtons);
    connect(m_models, &QAbstractItemModel::modelReset, this, &ProviderDetailPanel::updateButtons);
    auto *modelButtons = new QHBoxLayout;
    modelButtons->addWidget(m_newModelId, 1);
    modelButtons->addWidget(m_addModel);
    modelButtons->addWidget(m_removeModel);
    modelButtons->addWidget(m_useLiteLlmPrice);

    auto *layout = new QVBoxLayout(m_editor);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Models:"), m_editor));
    layout->addWidget(m_modelsView, 1);
    layout->addLayout(modelButtons);
    return m_editor;
}

ProviderDetailPanel::~ProviderDetailPanel()
{
    // The check's finished() must not reach a half-destroyed panel.
    if (m_check)
        disconnect(m_check, nullptr, this, nullptr);
}

void ProviderDetailPanel::setProvider(const std::optional<ProviderSpec> &provider)
{
    if (m_check) {
        // The running check belongs to the provider shown so far: drop it without showing its result here.
        ConnectionCheck *check = m_check;
        m_check = nullptr;
        disconnect(check, nullptr, this, nullptr);
        check->cancel();
        check->deleteLater();
    }
    m_provider = provider;
    m_result->clear();
    m_result->hide();
    m_error->hide();
    m_liveModels->setStringList({});
    m_liveModelsView->hide();
    m_newModelId->clear();
    m_models->setProviderId(provider ? provider->id : QString());
    m_editor->setEnabled(provider.has_value());
    syncFromDocument();
}

int ProviderDetailPanel::documentRow() const
{
    return m_provider ? m_document->rowOf(m_provider->id) : -1;
}

void ProviderDetailPanel::syncFromDocument()
{
    const int row = documentRow();
    if (row >= 0)
        m_provider = m_document->providerAt(row);
    m_updating = true;
    if (!m_provider) {
        m_title->setText(tr("No provider selected"));
        m_kind->clear();
        for (QLineEdit *edit : {m_displayName, m_baseUrl, m_apiVersion, m_region, m_regions, m_key})
            edit->clear();
        m_updating = false;
        updateButtons();
        return;
    }
    const ProviderSpec &provider = *m_provider;
    m_title->setText(provider.displayName.isEmpty() ? provider.id
                                                    : tr("%1 (%2)").arg(provider.displayName, provider.id));
    m_kind->setText(provider.kind);
    // Only fields that differ are set, so the cursor of the field being typed in stays where it is.
    const auto setText = [](QLineEdit *edit, const QString &text) {
        if (edit->text().trimmed() != text)
            edit->setText(text);
    };
    setText(m_displayName, provider.displayName);
    setText(m_baseUrl, provider.baseUrl);
    setText(m_apiVersion, provider.apiVersion);
    setText(m_key, provider.apiKeyRef);
    setText(m_region, provider.region);
    if (splitRegions(m_regions->text()) != provider.regions)
        m_regions->setText(provider.regions.join(QStringLiteral(", ")));
    m_rpm->setValue(provider.rateLimits.requestsPerMinute);
    m_tpm->setValue(provider.rateLimits.tokensPerMinute);
    m_connectTimeout->setValue(provider.timeouts.connectMs);
    m_firstTokenTimeout->setValue(provider.timeouts.firstTokenMs);
    m_idleTimeout->setValue(provider.timeouts.idleMs);
    m_totalTimeout->setValue(provider.timeouts.totalMs);
    m_updating = false;
    updateButtons();
}

void ProviderDetailPanel::edit(int field, const QVariant &value)
{
    const int row = documentRow();
    if (m_updating || row < 0)
        return;
    m_document->setProviderField(row, ProvidersDocument::ProviderField(field), value);
}

void ProviderDetailPanel::addModel()
{
    const int row = documentRow();
    const QString id = m_newModelId->text().trimmed();
    if (row < 0 || id.isEmpty())
        return;
    ModelSpec model;
    model.id = id;
    model.capabilities = {QStringLiteral("chat"), QStringLiteral("streaming")};
    const auto added = m_document->addModel(row, model);
    if (!added) {
        showError(added.error().message);
        return;
    }
    m_error->hide();
    m_newModelId->clear();
    const int modelRow = m_models->rowCount() - 1;
    m_modelsView->setCurrentIndex(m_models->index(modelRow, ModelsTableModel::ContextWindowColumn));
}

void ProviderDetailPanel::removeModel()
{
    const QModelIndex current = m_modelsView->currentIndex();
    if (!current.isValid())
        return;
    const auto removed = m_document->removeModel(documentRow(), current.row());
    if (!removed) {
        showError(removed.error().message);
        return;
    }
    m_error->hide();
}

void ProviderDetailPanel::useLiteLlmPrice()
{
    const int row = documentRow();
    const int modelRow = m_modelsView->currentIndex().row();
    const std::optional<Price> price = m_models->liteLlmPrice(modelRow);
    if (row < 0 || !price)
        return;
    ModelSpec model = m_document->providerAt(row).models.at(modelRow);
    model.price = *price;
    m_document->editModel(row, modelRow, model, tr("Use the LiteLLM price for “%1”").arg(model.id));
}

void ProviderDetailPanel::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

QString ProviderDetailPanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

bool ProviderDetailPanel::isChecking() const
{
    return !m_check.isNull();
}

QString ProviderDetailPanel::resultText() const
{
    return m_result->text();
}

void ProviderDetailPanel::testConnection()
{
    startCheck(Purpose::Test);
}

void ProviderDetailPanel::listModels()
{
    startCheck(Purpose::ListModels);
}

void ProviderDetailPanel::cancelCheck()
{
    // The check still emits finished() (as cancelled); onCheckFinished() returns the panel to idle.
    if (m_check)
        m_check->cancel();
}

void ProviderDetailPanel::setApiKey()
{
    if (!m_provider)
        return;
    auto *dialog = new ApiKeyDialog(*m_provider, m_keyWriter, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // A key now in the keychain under the provider id: the provider refers to it there (undoable, stored on Save).
    connect(dialog, &QDialog::finished, this, [this, dialog, id = m_provider->id] {
        const int row = m_document->rowOf(id);
        if (dialog->stored() && row >= 0)
            m_document->setProviderField(row, ProvidersDocument::ProviderField::ApiKeyRef,
                                         QStringLiteral("keychain:") + id);
    });
    dialog->open();
}

void ProviderDetailPanel::startCheck(Purpose purpose)
{
    if (!m_provider || m_check)
        return;
    m_purpose = purpose;
    m_liveModels->setStringList({});
    m_liveModelsView->hide();

    // A fresh resolver per check: it reads the environment as it is now, and its redactor knows only this key.
    SecretResolver resolver(std::make_shared<EnvironmentSecretBackend>(), std::make_shared<KeychainSecretBackend>());
    Secret key;
    if (!m_provider->apiKeyRef.isEmpty()) {
        // Blocks in the keychain's local event loop for keychain: references (see the class comment).
        auto resolved = resolver.resolve(m_provider->apiKeyRef, tr("provider \"%1\"").arg(m_provider->id));
        if (!resolved) {
            showResult(
                tr("Failed (%1): %2").arg(failureClassName(FailureClass::Authentication), resolved.error().message),
                false);
            Q_EMIT checkFinished();
            return;
        }
        key = *resolved;
    }
    m_redactor = resolver.redactor();

    m_check = new ConnectionCheck(*m_provider, key, m_network, {}, this);
    connect(m_check, &ConnectionCheck::finished, this, &ProviderDetailPanel::onCheckFinished);
    showResult(purpose == Purpose::Test ? tr("Testing the connection…") : tr("Asking for the model list…"), true);
    updateButtons();
    m_check->start();
}

void ProviderDetailPanel::onCheckFinished()
{
    ConnectionCheck *check = m_check;
    if (!check)
        return;
    m_check = nullptr;
    const ConnectionReport report = check->report();
    check->deleteLater();

    showResult(describe(report), report.ok || report.failure == FailureClass::Cancelled);
    if (report.ok && m_purpose == Purpose::ListModels && report.method == ConnectionReport::Method::ModelList) {
        m_liveModels->setStringList(report.models);
        m_liveModelsView->show();
    }
    m_redactor = Redactor();
    updateButtons();
    Q_EMIT checkFinished();
}

QString ProviderDetailPanel::describe(const ConnectionReport &report) const
{
    if (report.ok) {
        if (report.method == ConnectionReport::Method::ModelList) {
            return tr("OK — %1 ms; models listed: %2").arg(report.latencyMs).arg(report.models.size());
        }
        QString text = tr("OK — %1 ms, model %2 answered a chat").arg(report.latencyMs).arg(report.model);
        if (m_purpose == Purpose::ListModels)
            text += QLatin1Char('\n') + tr("This provider has no model list to ask; its models are the ones above.");
        return text;
    }
    if (report.failure == FailureClass::Cancelled)
        return tr("Cancelled");
    QString text = tr("Failed (%1)").arg(failureClassName(report.failure));
    if (report.httpStatus)
        text += QLatin1Char(' ') + tr("HTTP %1").arg(report.httpStatus);
    // ConnectionCheck redacts its message already; the key of this check is scrubbed once more in case a provider
    // echoed it in a form the check did not know.
    if (!report.message.isEmpty())
        text += QStringLiteral(": ") + m_redactor.redact(report.message);
    return text;
}

void ProviderDetailPanel::showResult(const QString &text, bool ok)
{
    // Failures in the same red as the other pages' error texts; success in the normal text colour.
    ErrorText::style(m_result, !ok);
    m_result->setText(text);
    m_result->show();
}

void ProviderDetailPanel::updateButtons()
{
    const bool running = m_check != nullptr;
    m_test->setEnabled(m_provider && !running);
    m_list->setEnabled(m_provider && !running);
    m_setKey->setEnabled(m_provider.has_value());
    m_addModel->setEnabled(m_provider && !m_newModelId->text().trimmed().isEmpty());
    const int modelRow = m_modelsView->currentIndex().row();
    m_removeModel->setEnabled(m_provider && modelRow >= 0);
    const std::optional<Price> imported = m_models->liteLlmPrice(modelRow);
    m_useLiteLlmPrice->setEnabled(m_provider && imported && documentRow() >= 0 &&
                                  m_document->providerAt(documentRow()).models.at(modelRow).price != *imported);
    m_cancel->setVisible(running);
    m_busy->setVisible(running);
}

}  // namespace Switchyard
