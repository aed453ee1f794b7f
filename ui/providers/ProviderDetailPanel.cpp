#include "ProviderDetailPanel.h"

#include "core/model/FailureClass.h"
#include "core/providers/client/ConnectionCheck.h"
#include "core/secrets/EnvironmentSecretBackend.h"
#include "core/secrets/SecretResolver.h"
#include "platform/keychain/KeychainSecretBackend.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStringListModel>
#include <QTableView>
#include <QVBoxLayout>

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

QString price(double perThousand)
{
    return QStringLiteral("$") + QLocale().toString(perThousand, 'g', 6);
}

}  // namespace

ProviderDetailPanel::ProviderDetailPanel(QWidget *parent)
    : QWidget(parent), m_keyWriter(ApiKeyDialog::systemKeychainWriter()), m_network(new QNetworkAccessManager(this)),
      m_models(new QStandardItemModel(0, 4, this)), m_liveModels(new QStringListModel(this))
{
    setObjectName(QStringLiteral("providerDetailPanel"));

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("providerTitleLabel"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_kind = valueLabel("providerKindLabel", this);
    m_baseUrl = valueLabel("providerBaseUrlLabel", this);
    m_regions = valueLabel("providerRegionsLabel", this);
    m_key = valueLabel("providerKeyLabel", this);
    auto *form = new QFormLayout;
    form->addRow(tr("Kind:"), m_kind);
    form->addRow(tr("Base URL:"), m_baseUrl);
    form->addRow(tr("Region(s):"), m_regions);
    form->addRow(tr("API key:"), m_key);

    m_models->setHorizontalHeaderLabels(
        {tr("Model"), tr("Context window"), tr("Input / 1k tokens"), tr("Output / 1k tokens")});
    m_modelsView = new QTableView(this);
    m_modelsView->setObjectName(QStringLiteral("providerModelsView"));
    m_modelsView->setModel(m_models);
    m_modelsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_modelsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_modelsView->verticalHeader()->hide();
    m_modelsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_modelsView->horizontalHeader()->setStretchLastSection(true);

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

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Models in providers.yaml:"), this));
    layout->addWidget(m_modelsView, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_busy);
    layout->addWidget(m_result);
    layout->addWidget(m_liveModelsView, 1);

    setProvider(std::nullopt);
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
    m_liveModels->setStringList({});
    m_liveModelsView->hide();
    m_models->removeRows(0, m_models->rowCount());

    if (!provider) {
        m_title->setText(tr("No provider selected"));
        for (QLabel *label : {m_kind, m_baseUrl, m_regions, m_key})
            label->clear();
        updateButtons();
        return;
    }

    m_title->setText(provider->displayName.isEmpty() ? provider->id
                                                     : tr("%1 (%2)").arg(provider->displayName, provider->id));
    m_kind->setText(provider->kind);
    m_baseUrl->setText(provider->baseUrl.isEmpty() ? tr("(the kind's default)") : provider->baseUrl);
    QStringList regions = provider->regions;
    if (!provider->region.isEmpty() && !regions.contains(provider->region))
        regions.prepend(provider->region);
    m_regions->setText(regions.isEmpty() ? tr("(none)") : regions.join(QStringLiteral(", ")));
    m_key->setText(provider->apiKeyRef.isEmpty() ? tr("(none needed)") : provider->apiKeyRef);

    for (const ModelSpec &model : provider->models) {
        QList<QStandardItem *> row;
        row << new QStandardItem(model.id);
        row << new QStandardItem(model.contextWindow > 0 ? QLocale().toString(model.contextWindow) : tr("unknown"));
        row << new QStandardItem(price(model.price.inputPer1k));
        row << new QStandardItem(price(model.price.outputPer1k));
        for (QStandardItem *item : std::as_const(row))
            item->setEditable(false);
        m_models->appendRow(row);
    }
    updateButtons();
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
    m_result->setStyleSheet(ok ? QString() : QStringLiteral("QLabel { color: #b3261e; }"));
    m_result->setText(text);
    m_result->show();
}

void ProviderDetailPanel::updateButtons()
{
    const bool running = m_check != nullptr;
    m_test->setEnabled(m_provider && !running);
    m_list->setEnabled(m_provider && !running);
    m_setKey->setEnabled(m_provider.has_value());
    m_cancel->setVisible(running);
    m_busy->setVisible(running);
}

}  // namespace Switchyard
