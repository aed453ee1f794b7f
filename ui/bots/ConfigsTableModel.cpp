#include "ConfigsTableModel.h"

#include "ui/bots/BotDocument.h"

#include <QFont>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <optional>

namespace Switchyard {

namespace {

QString optionalText(const std::optional<double> &value)
{
    return value ? QLocale().toString(*value) : QString();
}

QString optionalText(const std::optional<int> &value)
{
    return value ? QLocale().toString(*value) : QString();
}

/// A number typed in a cell: invalid text, "not set" (empty), or a value.
template <typename T> struct TypedNumber {
    bool valid = false;
    std::optional<T> value;  ///< empty = not set
};

/// Parses a number typed in the user's locale (or in C notation); an empty text means "not set".
/// (A plain struct rather than optional<optional<T>>, which GCC's -O2 flow analysis misreads as uninitialised.)
template <typename T> TypedNumber<T> parseOptional(const QVariant &value)
{
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return {true, std::nullopt};
    bool ok = false;
    if constexpr (std::is_same_v<T, int>) {
        int number = QLocale().toInt(text, &ok);
        if (!ok)
            number = text.toInt(&ok);
        if (ok)
            return {true, number};
    } else {
        double number = QLocale().toDouble(text, &ok);
        if (!ok)
            number = text.toDouble(&ok);
        if (ok)
            return {true, number};
    }
    return {};
}

}  // namespace

ConfigsTableModel::ConfigsTableModel(BotDocument *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(document, &BotDocument::aboutToReset, this, [this] { beginResetModel(); });
    connect(document, &BotDocument::reset, this, [this] { endResetModel(); });
    connect(document, &BotDocument::configAboutToBeInserted, this, [this](int row) { beginInsertRows({}, row, row); });
    connect(document, &BotDocument::configInserted, this, [this] { endInsertRows(); });
    connect(document, &BotDocument::configAboutToBeRemoved, this, [this](int row) { beginRemoveRows({}, row, row); });
    connect(document, &BotDocument::configRemoved, this, [this] { endRemoveRows(); });
    connect(document, &BotDocument::configChanged, this,
            [this](int row) { Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1)); });
}

void ConfigsTableModel::setProviders(const ProvidersConfig &providers)
{
    m_providers = providers;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {ChoicesRole});
}

void ConfigsTableModel::setPrompts(const QMap<QString, QStringList> &labelsByKey)
{
    m_promptLabels = labelsByKey;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {ChoicesRole});
}

int ConfigsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_document ? 0 : m_document->configCount();
}

int ConfigsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const ProviderSpec *ConfigsTableModel::provider(const QString &id) const
{
    for (const ProviderSpec &spec : m_providers.providers) {
        if (spec.id == id)
            return &spec;
    }
    return nullptr;
}

QStringList ConfigsTableModel::choices(int row, int column) const
{
    const LlmConfig &config = m_document->configAt(row);
    QStringList list;
    switch (column) {
    case ProviderColumn:
        for (const ProviderSpec &spec : m_providers.providers)
            list.append(spec.id);
        break;
    case ModelColumn:
        if (const ProviderSpec *spec = provider(config.provider)) {
            for (const ModelSpec &model : spec->models)
                list.append(model.id);
        }
        break;
    case ChainColumn:
        list.append(QString());  // no named chain: the provider/model rules and the universal fallback
        for (const ChainSpec &chain : m_providers.chains)
            list.append(chain.name);
        break;
    case RegionColumn:
        list.append(QString());
        if (const ProviderSpec *spec = provider(config.provider)) {
            for (const QString &region : spec->regions)
                list.append(region);
            if (!spec->region.isEmpty() && !list.contains(spec->region))
                list.append(spec->region);
        }
        break;
    case PromptKeyColumn:
        list.append(QString());
        list.append(m_promptLabels.keys());
        break;
    case PromptLabelColumn:
        list.append(QString());
        list.append(m_promptLabels.value(config.promptKey));
        break;
    default:
        return {};
    }
    return list;
}

QVariant ConfigsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_document ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LlmConfig &config = m_document->configAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case ActiveColumn:
            return config.active ? tr("Active") : QString();
        case NameColumn:
            return config.name;
        case ProviderColumn:
            return config.provider;
        case ModelColumn:
            return config.model;
        case TemperatureColumn:
            return optionalText(config.temperature);
        case TopPColumn:
            return optionalText(config.topP);
        case TopKColumn:
            return optionalText(config.topK);
        case MaxOutputTokensColumn:
            return optionalText(config.maxOutputTokens);
        case PromptKeyColumn:
            return config.promptKey;
        case PromptVersionColumn:
            return optionalText(config.promptVersion);
        case PromptLabelColumn:
            return config.promptLabel;
        case ChainColumn:
            return config.chain;
        case RegionColumn:
            return config.region;
        case MetadataColumn:
            return config.metadata.isEmpty()
                       ? QString()
                       : QString::fromUtf8(QJsonDocument(config.metadata).toJson(QJsonDocument::Compact));
        }
        return {};
    case Qt::FontRole:
        if (config.active) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ActiveColumn) {
            return config.active ? tr("The engine uses this config for the bot.")
                                 : tr("Select this config and choose Activate to make the engine use it.");
        }
        if (index.column() == PromptVersionColumn)
            return tr("A pinned prompt version; leave empty to follow the prompt label.");
        if (index.column() == ChainColumn)
            return tr("A named fallback chain; empty uses the provider and model rules and the universal fallback.");
        if (index.column() == MetadataColumn)
            return tr("A JSON object, e.g. {\"experiment\": \"b\"}");
        return {};
    case ChoicesRole:
        switch (index.column()) {
        case ProviderColumn:
        case ModelColumn:
        case ChainColumn:
        case RegionColumn:
        case PromptKeyColumn:
        case PromptLabelColumn:
            return choices(index.row(), index.column());
        default:
            return {};
        }
    case ChoicesEditableRole:
        // Regions, prompts and labels may be ahead of what the workspace knows today; the rest must match it.
        return index.column() == RegionColumn || index.column() == PromptKeyColumn ||
               index.column() == PromptLabelColumn;
    case ActiveRole:
        return config.active;
    case ConfigIdRole:
        return config.id;
    default:
        return {};
    }
}

bool ConfigsTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !m_document || !index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    // Committing an editor without changing it is not an edit (and a value outside today's choices stays as is).
    if (value.toString() == data(index, Qt::EditRole).toString())
        return true;
    const LlmConfig &current = m_document->configAt(index.row());
    LlmConfig edited = current;
    const QString text = value.toString();
    const QString header = headerData(index.column(), Qt::Horizontal).toString();
    const QString name = current.name.isEmpty() ? tr("config %1").arg(index.row() + 1) : current.name;
    QString undoText = tr("Set %1 of “%2” to “%3”").arg(header, name, text.trimmed());

    const auto reject = [this](const QString &message) {
        Q_EMIT editRejected(message);
        return false;
    };
    const auto setNumber = [&](auto &field, auto minimum, auto maximum, const QString &accepted) {
        using Value = typename std::remove_reference_t<decltype(field)>::value_type;
        const TypedNumber<Value> parsed = parseOptional<Value>(value);
        if (!parsed.valid || (parsed.value && (*parsed.value < minimum || *parsed.value > maximum)))
            return reject(tr("%1 must be %2, or empty to leave it unset.").arg(header, accepted));
        field = parsed.value;
        return true;
    };

    switch (index.column()) {
    case NameColumn:
        edited.name = text.trimmed();
        undoText = tr("Rename config “%1” to “%2”").arg(name, edited.name);
        break;
    case ProviderColumn: {
        const ProviderSpec *spec = provider(text);
        if (!spec)
            return reject(tr("“%1” is not a provider of this workspace.").arg(text));
        edited.provider = text;
        // A model belongs to its provider: keep it when the new provider serves it too, else take its first model.
        bool served = false;
        for (const ModelSpec &model : spec->models)
            served = served || model.id == edited.model;
        if (!served)
            edited.model = spec->models.isEmpty() ? QString() : spec->models.constFirst().id;
        // Likewise the region: one the new provider does not call in becomes its default region.
        if (!spec->regions.contains(edited.region) && edited.region != spec->region)
            edited.region = spec->region;
        break;
    }
    case ModelColumn:
        if (!choices(index.row(), ModelColumn).contains(text))
            return reject(tr("“%1” is not a model of the provider “%2”.").arg(text, current.provider));
        edited.model = text;
        break;
    case TemperatureColumn:
        if (!setNumber(edited.temperature, 0.0, 2.0, tr("a number from 0 to 2")))
            return false;
        break;
    case TopPColumn:
        if (!setNumber(edited.topP, 0.0, 1.0, tr("a number from 0 to 1")))
            return false;
        break;
    case TopKColumn:
        if (!setNumber(edited.topK, 1, 1000000, tr("a whole number of at least 1")))
            return false;
        break;
    case MaxOutputTokensColumn:
        if (!setNumber(edited.maxOutputTokens, 1, 100000000, tr("a whole number of at least 1")))
            return false;
        break;
    case PromptKeyColumn:
        edited.promptKey = text.trimmed();
        break;
    case PromptVersionColumn:
        if (!setNumber(edited.promptVersion, 1, 1000000000, tr("a version number of at least 1")))
            return false;
        break;
    case PromptLabelColumn:
        edited.promptLabel = text.trimmed();
        break;
    case ChainColumn:
        if (!choices(index.row(), ChainColumn).contains(text))
            return reject(tr("There is no fallback chain named “%1” in this workspace.").arg(text));
        edited.chain = text;
        break;
    case RegionColumn:
        edited.region = text.trimmed();
        break;
    case MetadataColumn: {
        if (text.trimmed().isEmpty()) {
            edited.metadata = QJsonObject();
            break;
        }
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !json.isObject()) {
            return reject(error.error != QJsonParseError::NoError
                              ? tr("The metadata is not valid JSON (%1 at character %2); write a JSON object such as "
                                   "{\"experiment\": \"b\"}.")
                                    .arg(error.errorString())
                                    .arg(error.offset + 1)
                              : tr("The metadata must be a JSON object such as {\"experiment\": \"b\"}."));
        }
        edited.metadata = json.object();
        undoText = tr("Edit metadata of “%1”").arg(name);
        break;
    }
    default:
        return false;
    }
    m_document->editConfig(index.row(), edited, undoText);
    return true;
}

Qt::ItemFlags ConfigsTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() != ActiveColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant ConfigsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ActiveColumn:
        return tr("Active");
    case NameColumn:
        return tr("Name");
    case ProviderColumn:
        return tr("Provider");
    case ModelColumn:
        return tr("Model");
    case TemperatureColumn:
        return tr("Temperature");
    case TopPColumn:
        return tr("Top P");
    case TopKColumn:
        return tr("Top K");
    case MaxOutputTokensColumn:
        return tr("Max output tokens");
    case PromptKeyColumn:
        return tr("Prompt");
    case PromptVersionColumn:
        return tr("Prompt version");
    case PromptLabelColumn:
        return tr("Prompt label");
    case ChainColumn:
        return tr("Fallback chain");
    case RegionColumn:
        return tr("Region");
    case MetadataColumn:
        return tr("Metadata");
    default:
        return {};
    }
}

}  // namespace Switchyard
