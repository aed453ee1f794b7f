#include "ProvidersDocument.h"

#include "core/providers/ProvidersFile.h"
#include "core/providers/client/RequestChecks.h"
#include "core/store/ProviderRepository.h"
#include "ui/providers/ProvidersCommands.h"

#include <QUndoStack>

namespace Switchyard {
namespace {

bool usesHop(const ChainHop &hop, const QString &providerId, const QString &modelId)
{
    return hop.provider == providerId && (modelId.isEmpty() || hop.model == modelId);
}

/// The providers.yaml rules for one provider, by round-tripping it through ProvidersFile: one validator for the file
/// and the editor. The file position is dropped: it would point into a text the user never saw.
Result<void> checkWithProvidersFile(const ProvidersConfig &config)
{
    const auto parsed = ProvidersFile::parse(ProvidersFile::serialize(config), QString());
    if (!parsed)
        return Error::make(Error::Code::InvalidInput, parsed.error().message);
    return {};
}

/// What the adapters will refuse at call time is refused when editing already: a base URL without a host or with a
/// query (a query can carry a key into logs).
Result<void> checkBaseUrl(const ProviderSpec &provider)
{
    if (provider.baseUrl.trimmed().isEmpty())
        return {};
    const auto url = RequestChecks::baseUrl(provider, QString());
    if (!url)
        return url.error();
    return {};
}

}  // namespace

ProvidersDocument::ProvidersDocument(Database &database, QObject *parent)
    : QObject(parent), m_database(database), m_undoStack(new QUndoStack(this))
{
}

ProvidersDocument::~ProvidersDocument()
{
    // The commands call back into the document: they go first.
    m_undoStack->clear();
}

Result<void> ProvidersDocument::load()
{
    auto config = ProviderRepository(m_database).load();
    Q_EMIT aboutToReset();
    m_undoStack->clear();
    // Unreadable: nothing to edit, rather than edits that would overwrite a workspace the document never read.
    m_config = config ? *config : ProvidersConfig();
    m_saved = m_config;
    Q_EMIT reset();
    updateDirty();
    if (!config)
        return config.error();
    return {};
}

Result<void> ProvidersDocument::validate() const
{
    // An empty workspace is not a providers.yaml the file rules accept, but it is a valid state to store.
    if (m_config.providers.isEmpty() && m_config.chains.isEmpty() && m_config.rules.isEmpty() &&
        !m_config.universalFallback)
        return {};
    SWITCHYARD_TRY(checkWithProvidersFile(m_config));
    for (const ProviderSpec &provider : m_config.providers)
        SWITCHYARD_TRY(checkBaseUrl(provider));
    return {};
}

Result<void> ProvidersDocument::checkProvider(const ProviderSpec &provider)
{
    ProvidersConfig probe;
    probe.providers = {provider};
    SWITCHYARD_TRY(checkWithProvidersFile(probe));
    return checkBaseUrl(provider);
}

Result<void> ProvidersDocument::save()
{
    SWITCHYARD_TRY(validate());
    SWITCHYARD_TRY(ProviderRepository(m_database).replaceAll(m_config));
    m_saved = m_config;
    updateDirty();
    Q_EMIT saved();
    return {};
}

int ProvidersDocument::rowOf(const QString &providerId) const
{
    for (int row = 0; row < m_config.providers.size(); ++row) {
        if (m_config.providers.at(row).id == providerId)
            return row;
    }
    return -1;
}

QString ProvidersDocument::fieldName(ProviderField field)
{
    switch (field) {
    case ProviderField::DisplayName:
        return tr("display name");
    case ProviderField::BaseUrl:
        return tr("base URL");
    case ProviderField::ApiKeyRef:
        return tr("API key reference");
    case ProviderField::ApiVersion:
        return tr("API version");
    case ProviderField::Region:
        return tr("default region");
    case ProviderField::Regions:
        return tr("regions");
    case ProviderField::RequestsPerMinute:
        return tr("requests per minute");
    case ProviderField::TokensPerMinute:
        return tr("tokens per minute");
    case ProviderField::ConnectTimeout:
        return tr("connect timeout");
    case ProviderField::FirstTokenTimeout:
        return tr("first-token timeout");
    case ProviderField::IdleTimeout:
        return tr("idle timeout");
    case ProviderField::TotalTimeout:
        return tr("total timeout");
    }
    return QString();
}

void ProvidersDocument::setProviderField(int row, ProviderField field, const QVariant &value)
{
    if (row < 0 || row >= m_config.providers.size())
        return;
    const ProviderSpec &before = m_config.providers.at(row);
    ProviderSpec after = before;
    switch (field) {
    case ProviderField::DisplayName:
        after.displayName = value.toString();
        break;
    case ProviderField::BaseUrl:
        after.baseUrl = value.toString();
        break;
    case ProviderField::ApiKeyRef:
        after.apiKeyRef = value.toString();
        break;
    case ProviderField::ApiVersion:
        after.apiVersion = value.toString();
        break;
    case ProviderField::Region:
        after.region = value.toString();
        break;
    case ProviderField::Regions:
        after.regions = value.toStringList();
        break;
    case ProviderField::RequestsPerMinute:
        after.rateLimits.requestsPerMinute = value.toInt();
        break;
    case ProviderField::TokensPerMinute:
        after.rateLimits.tokensPerMinute = value.toInt();
        break;
    case ProviderField::ConnectTimeout:
        after.timeouts.connectMs = value.toInt();
        break;
    case ProviderField::FirstTokenTimeout:
        after.timeouts.firstTokenMs = value.toInt();
        break;
    case ProviderField::IdleTimeout:
        after.timeouts.idleMs = value.toInt();
        break;
    case ProviderField::TotalTimeout:
        after.timeouts.totalMs = value.toInt();
        break;
    }
    if (after == before)
        return;
    m_undoStack->push(new EditProviderCommand(
        this, row, before, after, tr("Change %1 of “%2”").arg(fieldName(field), before.id), int(field) + 1));
}

Result<void> ProvidersDocument::checkNewProviderId(const QString &id) const
{
    ProvidersConfig probe;
    ProviderSpec provider;
    provider.id = id;
    provider.kind = QStringLiteral("openai");
    probe.providers = {provider};
    SWITCHYARD_TRY(checkWithProvidersFile(probe));
    if (rowOf(id) >= 0)
        return Error::make(Error::Code::Conflict,
                           tr("The workspace already has a provider “%1”; choose another id.").arg(id));
    return {};
}

Result<void> ProvidersDocument::addProvider(const ProviderSpec &provider)
{
    SWITCHYARD_TRY(checkNewProviderId(provider.id));
    SWITCHYARD_TRY(checkProvider(provider));
    m_undoStack->push(new AddRemoveProviderCommand(this, int(m_config.providers.size()), provider, false));
    return {};
}

QStringList ProvidersDocument::usesOf(const QString &providerId, const QString &modelId) const
{
    QStringList uses;
    for (const ChainSpec &chain : m_config.chains) {
        for (const ChainHop &hop : chain.hops) {
            if (usesHop(hop, providerId, modelId)) {
                uses.append(tr("fallback chain “%1”").arg(chain.name));
                break;
            }
        }
    }
    for (int index = 0; index < m_config.rules.size(); ++index) {
        const FallbackRule &rule = m_config.rules.at(index);
        bool used = modelId.isEmpty() ? rule.match.provider == providerId : usesHop(rule.match, providerId, modelId);
        for (const ChainHop &hop : rule.then)
            used = used || usesHop(hop, providerId, modelId);
        if (used)
            uses.append(tr("fallback rule %1").arg(index + 1));
    }
    if (m_config.universalFallback && usesHop(*m_config.universalFallback, providerId, modelId))
        uses.append(tr("the universal fallback"));
    return uses;
}

Result<void> ProvidersDocument::removeProvider(int row)
{
    if (row < 0 || row >= m_config.providers.size())
        return Error::make(Error::Code::NotFound, tr("No provider is selected."));
    const ProviderSpec &provider = m_config.providers.at(row);
    const QStringList uses = usesOf(provider.id);
    if (!uses.isEmpty())
        return Error::make(Error::Code::Conflict,
                           tr("Provider “%1” can't be removed: %2 still use it. Change those in providers.yaml and "
                              "import it first.")
                               .arg(provider.id, uses.join(QStringLiteral(", "))));
    m_undoStack->push(new AddRemoveProviderCommand(this, row, provider, true));
    return {};
}

void ProvidersDocument::editModel(int providerRow, int modelRow, const ModelSpec &edited, const QString &text)
{
    if (providerRow < 0 || providerRow >= m_config.providers.size())
        return;
    const QList<ModelSpec> &models = m_config.providers.at(providerRow).models;
    if (modelRow < 0 || modelRow >= models.size() || models.at(modelRow) == edited)
        return;
    m_undoStack->push(new EditModelCommand(this, providerRow, modelRow, models.at(modelRow), edited, text));
}

Result<void> ProvidersDocument::addModel(int providerRow, const ModelSpec &model)
{
    if (providerRow < 0 || providerRow >= m_config.providers.size())
        return Error::make(Error::Code::NotFound, tr("No provider is selected."));
    const ProviderSpec &provider = m_config.providers.at(providerRow);
    ProvidersConfig probe;
    ProviderSpec alone = provider;
    alone.models = {model};
    probe.providers = {alone};
    SWITCHYARD_TRY(checkWithProvidersFile(probe));
    for (const ModelSpec &existing : provider.models) {
        if (existing.id == model.id)
            return Error::make(
                Error::Code::Conflict,
                tr("Provider “%1” already has a model “%2”; choose another id.").arg(provider.id, model.id));
    }
    m_undoStack->push(
        new AddRemoveModelCommand(this, providerRow, int(provider.models.size()), model, provider.id, false));
    return {};
}

Result<void> ProvidersDocument::removeModel(int providerRow, int modelRow)
{
    if (providerRow < 0 || providerRow >= m_config.providers.size() || modelRow < 0 ||
        modelRow >= m_config.providers.at(providerRow).models.size())
        return Error::make(Error::Code::NotFound, tr("No model is selected."));
    const ProviderSpec &provider = m_config.providers.at(providerRow);
    const ModelSpec &model = provider.models.at(modelRow);
    const QStringList uses = usesOf(provider.id, model.id);
    if (!uses.isEmpty())
        return Error::make(Error::Code::Conflict,
                           tr("Model “%1” of “%2” can't be removed: %3 still use it. Change those in providers.yaml "
                              "and import it first.")
                               .arg(model.id, provider.id, uses.join(QStringLiteral(", "))));
    m_undoStack->push(new AddRemoveModelCommand(this, providerRow, modelRow, model, provider.id, true));
    return {};
}

void ProvidersDocument::applyProvider(int row, const ProviderSpec &provider)
{
    // Models keep their own signals: a provider edit never replaces its models.
    ProviderSpec &target = m_config.providers[row];
    const QList<ModelSpec> models = target.models;
    target = provider;
    target.models = models;
    Q_EMIT providerChanged(row);
    updateDirty();
}

void ProvidersDocument::insertProvider(int row, const ProviderSpec &provider)
{
    Q_EMIT providerAboutToBeInserted(row);
    m_config.providers.insert(row, provider);
    Q_EMIT providerInserted(row);
    updateDirty();
}

ProviderSpec ProvidersDocument::takeProvider(int row)
{
    Q_EMIT providerAboutToBeRemoved(row);
    ProviderSpec provider = m_config.providers.takeAt(row);
    Q_EMIT providerRemoved(row);
    updateDirty();
    return provider;
}

void ProvidersDocument::applyModel(int providerRow, int modelRow, const ModelSpec &model)
{
    m_config.providers[providerRow].models[modelRow] = model;
    Q_EMIT modelChanged(providerRow, modelRow);
    updateDirty();
}

void ProvidersDocument::insertModel(int providerRow, int modelRow, const ModelSpec &model)
{
    Q_EMIT modelAboutToBeInserted(providerRow, modelRow);
    m_config.providers[providerRow].models.insert(modelRow, model);
    Q_EMIT modelInserted(providerRow, modelRow);
    updateDirty();
}

ModelSpec ProvidersDocument::takeModel(int providerRow, int modelRow)
{
    Q_EMIT modelAboutToBeRemoved(providerRow, modelRow);
    ModelSpec model = m_config.providers[providerRow].models.takeAt(modelRow);
    Q_EMIT modelRemoved(providerRow, modelRow);
    updateDirty();
    return model;
}

void ProvidersDocument::updateDirty()
{
    const bool dirty = m_config != m_saved;
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    Q_EMIT dirtyChanged(dirty);
}

}  // namespace Switchyard
