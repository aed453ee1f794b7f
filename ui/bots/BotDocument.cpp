#include "BotDocument.h"

#include "core/store/BotRepository.h"
#include "core/store/BotSaver.h"
#include "core/store/LlmConfigRepository.h"
#include "ui/BotsTableModel.h"
#include "ui/bots/BotCommands.h"

#include <QUndoStack>

namespace Switchyard {

namespace {

/// Merge ids of bot edits: typing in one field is one undo step. Status is chosen, not typed: no merging.
int mergeIdFor(BotDocument::BotField field)
{
    return field == BotDocument::BotField::Status ? -1 : 1000 + int(field);
}

/// Copies only what the user edits, so undoing an edit made before a save keeps the stored id and timestamps.
void copyEditableFields(Bot &to, const Bot &from)
{
    to.name = from.name;
    to.slug = from.slug;
    to.description = from.description;
    to.avatar = from.avatar;
    to.status = from.status;
    to.type = from.type;
    to.rank = from.rank;
    to.metadata = from.metadata;
    to.launched = from.launched;
}

void copyEditableFields(LlmConfig &to, const LlmConfig &from)
{
    const qint64 id = to.id;
    const qint64 botId = to.botId;
    const bool active = to.active;
    const QDateTime created = to.created;
    const QDateTime updated = to.updated;
    to = from;
    to.id = id;
    to.botId = botId;
    to.active = active;
    to.created = created;
    to.updated = updated;
}

}  // namespace

BotDocument::BotDocument(Database &database, QObject *parent)
    : QObject(parent), m_database(database), m_undoStack(new QUndoStack(this))
{
}

BotDocument::~BotDocument() = default;

Result<void> BotDocument::load(qint64 botId)
{
    auto bot = BotRepository(m_database).byId(botId);
    if (!bot)
        return bot.error();
    auto configs = LlmConfigRepository(m_database).listForBot(botId);
    if (!configs)
        return configs.error();
    resetTo(*bot, *configs);
    return {};
}

void BotDocument::startNew()
{
    resetTo(Bot(), {});
}

void BotDocument::close()
{
    Q_EMIT aboutToReset();
    m_undoStack->clear();
    m_open = false;
    m_bot = Bot();
    m_savedBot = Bot();
    m_configs.clear();
    m_savedConfigs.clear();
    Q_EMIT reset();
    updateDirty();
}

Result<void> BotDocument::revert()
{
    if (!m_open || isNew()) {
        startNew();
        return {};
    }
    return load(m_bot.id);
}

void BotDocument::resetTo(const Bot &bot, const QList<LlmConfig> &configs)
{
    Q_EMIT aboutToReset();
    m_undoStack->clear();
    m_open = true;
    m_bot = bot;
    m_configs.clear();
    for (const LlmConfig &config : configs)
        m_configs.append({m_nextKey++, config});
    m_savedBot = m_bot;
    m_savedConfigs = m_configs;
    Q_EMIT reset();
    updateDirty();
}

QString BotDocument::displayName() const
{
    return m_bot.name.trimmed().isEmpty() ? tr("New bot") : m_bot.name.trimmed();
}

int BotDocument::rowOf(ConfigKey key) const
{
    for (int row = 0; row < m_configs.size(); ++row) {
        if (m_configs.at(row).key == key)
            return row;
    }
    return -1;
}

int BotDocument::activeRow() const
{
    for (int row = 0; row < m_configs.size(); ++row) {
        if (m_configs.at(row).config.active)
            return row;
    }
    return -1;
}

void BotDocument::setBotField(BotField field, const QVariant &value)
{
    if (!m_open)
        return;
    Bot after = m_bot;
    QString text;
    switch (field) {
    case BotField::Name:
        after.name = value.toString();
        // The slug follows the name until someone gives it a slug of its own.
        if (m_bot.slug.isEmpty() || m_bot.slug == BotRepository::slugify(m_bot.name))
            after.slug = BotRepository::slugify(after.name);
        text = tr("Rename bot to “%1”").arg(after.name.trimmed());
        break;
    case BotField::Slug:
        after.slug = value.toString();
        text = tr("Change slug to “%1”").arg(after.slug);
        break;
    case BotField::Description:
        after.description = value.toString();
        text = tr("Edit description");
        break;
    case BotField::Avatar:
        after.avatar = value.toString();
        text = tr("Change avatar to “%1”").arg(after.avatar);
        break;
    case BotField::Status:
        after.status = value.toString();
        text = tr("Set status to %1").arg(BotsTableModel::statusText(after.status));
        break;
    case BotField::Type:
        after.type = value.toString();
        text = tr("Set type to “%1”").arg(after.type);
        break;
    case BotField::Rank:
        after.rank = value.toInt();
        text = tr("Set rank to %1").arg(after.rank);
        break;
    case BotField::Metadata:
        after.metadata = value.toJsonObject();
        text = tr("Edit bot metadata");
        break;
    }
    if (BotSaver::sameEditableFields(after, m_bot))
        return;
    m_undoStack->push(new EditBotCommand(this, m_bot, after, text, mergeIdFor(field)));
}

void BotDocument::editConfig(int row, const LlmConfig &edited, const QString &text)
{
    if (row < 0 || row >= m_configs.size())
        return;
    const Entry &entry = m_configs.at(row);
    if (BotSaver::sameEditableFields(entry.config, edited))
        return;
    m_undoStack->push(new EditConfigCommand(this, entry.key, entry.config, edited, text));
}

int BotDocument::addConfig(const LlmConfig &config)
{
    LlmConfig added = config;
    added.id = 0;
    added.botId = m_bot.id;
    added.active = false;
    const int row = int(m_configs.size());
    m_undoStack->push(new AddConfigCommand(this, row, m_nextKey++, added));
    return row;
}

Result<void> BotDocument::removeConfig(int row)
{
    if (row < 0 || row >= m_configs.size())
        return Error::make(Error::Code::NotFound, tr("Select the config to delete first."));
    const Entry &entry = m_configs.at(row);
    if (entry.config.active) {
        return Error::make(Error::Code::Conflict,
                           tr("“%1” is the active config of this bot and can't be deleted; activate another config "
                              "first.")
                               .arg(entry.config.name));
    }
    m_undoStack->push(new RemoveConfigCommand(this, row, entry.key, entry.config));
    return {};
}

Result<void> BotDocument::activateConfig(int row)
{
    if (row < 0 || row >= m_configs.size())
        return Error::make(Error::Code::NotFound, tr("Select the config to activate first."));
    const LlmConfig &config = m_configs.at(row).config;
    if (config.id == 0 || isNew()) {
        return Error::make(Error::Code::InvalidInput,
                           tr("“%1” is not saved yet; save the bot, then activate the config.").arg(config.name));
    }
    if (config.active)
        return {};
    const QString name = config.name;
    const qint64 configId = config.id;
    auto previous = applyActivation(configId);
    if (!previous)
        return previous.error();
    m_undoStack->push(new ActivateConfigCommand(this, configId, *previous, name));
    return {};
}

Result<void> BotDocument::save()
{
    if (!m_open)
        return Error::make(Error::Code::Internal, tr("There is no bot open to save."));
    QList<LlmConfig> configs;
    configs.reserve(m_configs.size());
    for (const Entry &entry : std::as_const(m_configs))
        configs.append(entry.config);
    auto written = BotSaver(m_database).save(m_bot, configs);
    if (!written)
        return written.error();

    m_bot = written->bot;
    for (int row = 0; row < m_configs.size(); ++row)
        m_configs[row].config = written->configs.at(row);
    m_savedBot = m_bot;
    m_savedConfigs = m_configs;
    m_undoStack->setClean();
    Q_EMIT botChanged();
    for (int row = 0; row < m_configs.size(); ++row)
        Q_EMIT configChanged(row);
    updateDirty();
    Q_EMIT saved();
    return {};
}

Result<void> BotDocument::checkSlugAvailable(const QString &slug) const
{
    auto owner = BotRepository(m_database).bySlug(slug);
    if (!owner)
        return owner.error().code == Error::Code::NotFound ? Result<void>() : Result<void>(owner.error());
    if (owner->id == m_bot.id && m_bot.id != 0)
        return {};
    return Error::make(
        Error::Code::Conflict,
        owner->isDeleted()
            ? tr("The slug “%1” is taken by the deleted bot “%2”; restore that bot from the trash or "
                 "choose another slug.")
                  .arg(slug, owner->name)
            : tr("The slug “%1” is taken by the bot “%2”; choose another name or slug.").arg(slug, owner->name));
}

void BotDocument::applyBot(const Bot &fields)
{
    copyEditableFields(m_bot, fields);
    Q_EMIT botChanged();
    updateDirty();
}

void BotDocument::applyConfig(ConfigKey key, const LlmConfig &fields)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    copyEditableFields(m_configs[row].config, fields);
    Q_EMIT configChanged(row);
    updateDirty();
}

void BotDocument::insertConfig(int row, ConfigKey key, const LlmConfig &config)
{
    row = qBound(0, row, int(m_configs.size()));
    Q_EMIT configAboutToBeInserted(row);
    m_configs.insert(row, {key, config});
    Q_EMIT configInserted(row);
    updateDirty();
}

LlmConfig BotDocument::takeConfig(ConfigKey key)
{
    const int row = rowOf(key);
    if (row < 0)
        return {};
    Q_EMIT configAboutToBeRemoved(row);
    const LlmConfig config = m_configs.takeAt(row).config;
    Q_EMIT configRemoved(row);
    updateDirty();
    return config;
}

Result<std::optional<qint64>> BotDocument::applyActivation(qint64 configId)
{
    auto previous = LlmConfigRepository(m_database).activate(configId);
    if (!previous)
        return previous.error();
    if (auto refreshed = refreshActiveFlags(); !refreshed)
        return refreshed.error();
    return *previous;
}

Result<void> BotDocument::applyDeactivation()
{
    auto previous = LlmConfigRepository(m_database).deactivate(m_bot.id);
    if (!previous)
        return previous.error();
    return refreshActiveFlags();
}

Result<void> BotDocument::refreshActiveFlags()
{
    auto active = LlmConfigRepository(m_database).activeForBot(m_bot.id);
    if (!active)
        return active.error();
    const qint64 activeId = *active ? (*active)->id : 0;
    // The flag is stored already: set it in the saved snapshot too, so activating never makes the bot dirty.
    for (Entry &saved : m_savedConfigs)
        saved.config.active = saved.config.id != 0 && saved.config.id == activeId;
    for (int row = 0; row < m_configs.size(); ++row) {
        LlmConfig &config = m_configs[row].config;
        const bool isActive = config.id != 0 && config.id == activeId;
        if (config.active != isActive) {
            config.active = isActive;
            Q_EMIT configChanged(row);
        }
    }
    Q_EMIT activeConfigChanged();
    return {};
}

void BotDocument::reportError(const QString &message)
{
    Q_EMIT errorOccurred(message);
}

void BotDocument::updateDirty()
{
    bool dirty = m_open && !BotSaver::sameEditableFields(m_bot, m_savedBot);
    if (!dirty && m_configs.size() != m_savedConfigs.size())
        dirty = m_open;
    for (int row = 0; !dirty && row < m_configs.size(); ++row) {
        const Entry &now = m_configs.at(row);
        const Entry &then = m_savedConfigs.at(row);
        dirty = now.key != then.key || !BotSaver::sameEditableFields(now.config, then.config);
    }
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    Q_EMIT dirtyChanged(dirty);
}

}  // namespace Switchyard
