#pragma once

#include "core/common/Result.h"
#include "core/model/Bot.h"
#include "core/model/LlmConfig.h"

#include <QList>
#include <QObject>
#include <optional>

class QUndoStack;

namespace Switchyard {

class Database;

/// The bot being edited in the studio: its fields, its LLM configs, the undo stack of edits and the dirty state.
///
/// Every edit goes through a method here that pushes one QUndoCommand (see BotCommands.h); commands change the
/// document only through the apply*() methods, which emit the change signals the views listen to.
///
/// Edits stay in memory until save(), which writes the bot and all its configs in one transaction (BotSaver).
/// Activation is the exception: activateConfig() switches the active config in the database at once (the engine
/// must see it), and its undo switches back in the database.
///
/// The document is dirty while its bot or configs differ from what was last loaded or saved, so undoing back to
/// the saved state makes it clean again, and activations (already stored) never make it dirty.
class BotDocument : public QObject {
    Q_OBJECT

public:
    enum class BotField { Name, Slug, Description, Avatar, Status, Type, Rank, Metadata };
    Q_ENUM(BotField)

    /// Stable identity of a config row inside this document: new configs have no database id until saved.
    using ConfigKey = quint64;

    explicit BotDocument(Database &database, QObject *parent = nullptr);
    ~BotDocument() override;

    /// Loads the stored bot @p botId and its configs, replacing whatever was open; clears the undo stack.
    Result<void> load(qint64 botId);
    /// Starts a new, unsaved bot without configs.
    void startNew();
    /// Leaves the document empty (nothing open).
    void close();
    /// Throws away unsaved edits: reloads the stored bot, or starts the new bot again.
    Result<void> revert();

    bool isOpen() const { return m_open; }
    bool isNew() const { return m_bot.id == 0; }
    bool isDirty() const { return m_dirty; }
    const Bot &bot() const { return m_bot; }
    /// The bot's name, or "New bot" while it has none.
    QString displayName() const;
    QUndoStack *undoStack() const { return m_undoStack; }

    int configCount() const { return int(m_configs.size()); }
    const LlmConfig &configAt(int row) const { return m_configs.at(row).config; }
    ConfigKey keyAt(int row) const { return m_configs.at(row).key; }
    /// The row of the config with @p key; -1 when it is not in the document.
    int rowOf(ConfigKey key) const;
    /// The row of the active config; -1 when none is active.
    int activeRow() const;

    // Edits: each pushes one undoable command (nothing is pushed when the value does not change).

    /// Sets one bot field. Renaming also renames the slug while the slug is still the one derived from the name.
    void setBotField(BotField field, const QVariant &value);
    /// Replaces the editable fields of the config in @p row with those of @p edited; @p text names the edit.
    void editConfig(int row, const LlmConfig &edited, const QString &text);
    /// Appends @p config (unsaved, inactive) and returns its row.
    int addConfig(const LlmConfig &config);
    /// Removes the config in @p row. The active config can't be removed: activate another one first.
    Result<void> removeConfig(int row);
    /// Makes the config in @p row the bot's active config in the database, at once and undoably. The config must be
    /// saved first.
    Result<void> activateConfig(int row);

    /// Writes the bot and its configs in one transaction. On error nothing is written, the document keeps every
    /// edit and the Error says why.
    Result<void> save();

    /// Error::Conflict naming the other bot when @p slug is taken by another bot (deleted ones included).
    Result<void> checkSlugAvailable(const QString &slug) const;

    // For the commands only: apply a change and tell the views.
    void applyBot(const Bot &fields);
    void applyConfig(ConfigKey key, const LlmConfig &fields);
    void insertConfig(int row, ConfigKey key, const LlmConfig &config);
    LlmConfig takeConfig(ConfigKey key);
    /// Activates the stored config @p configId in the database and refreshes the active flags from there.
    Result<std::optional<qint64>> applyActivation(qint64 configId);
    /// Leaves the bot without an active config in the database and refreshes the active flags.
    Result<void> applyDeactivation();
    /// Reports a failure that happened inside an undo or redo.
    void reportError(const QString &message);

Q_SIGNALS:
    /// Everything changed (load, new, revert, close, and after a save that assigned ids).
    void aboutToReset();
    void reset();
    void botChanged();
    void configAboutToBeInserted(int row);
    void configInserted(int row);
    void configAboutToBeRemoved(int row);
    void configRemoved(int row);
    void configChanged(int row);
    /// The active flags were re-read from the database.
    void activeConfigChanged();
    void dirtyChanged(bool dirty);
    /// A save wrote the bot (its id and timestamps are now the stored ones).
    void saved();
    /// An undo or redo could not do what it should (e.g. the database refused an activation).
    void errorOccurred(const QString &message);

private:
    struct Entry {
        ConfigKey key = 0;
        LlmConfig config;
    };

    void resetTo(const Bot &bot, const QList<LlmConfig> &configs);
    Result<void> refreshActiveFlags();
    void updateDirty();

    Database &m_database;
    QUndoStack *m_undoStack = nullptr;
    bool m_open = false;
    bool m_dirty = false;
    ConfigKey m_nextKey = 1;
    Bot m_bot;
    QList<Entry> m_configs;
    Bot m_savedBot;
    QList<Entry> m_savedConfigs;
};

}  // namespace Switchyard
