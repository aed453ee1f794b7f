#pragma once

#include "core/model/Bot.h"
#include "core/model/LlmConfig.h"
#include "ui/bots/BotDocument.h"

#include <QUndoCommand>
#include <optional>

namespace Switchyard {

/// Changes bot fields from one snapshot to another. Consecutive edits of the same text field merge into one step,
/// so typing a name is one undo.
class EditBotCommand : public QUndoCommand {
public:
    /// @p mergeId: -1 for no merging, else commands with the same id merge.
    EditBotCommand(BotDocument *document, const Bot &before, const Bot &after, const QString &text, int mergeId);

    void undo() override;
    void redo() override;
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    BotDocument *m_document;
    Bot m_before;
    Bot m_after;
    int m_mergeId;
};

/// Changes the editable fields of one config.
class EditConfigCommand : public QUndoCommand {
public:
    EditConfigCommand(BotDocument *document, BotDocument::ConfigKey key, const LlmConfig &before,
                      const LlmConfig &after, const QString &text);

    void undo() override;
    void redo() override;

private:
    BotDocument *m_document;
    BotDocument::ConfigKey m_key;
    LlmConfig m_before;
    LlmConfig m_after;
};

/// Adds a config (undo removes it again).
class AddConfigCommand : public QUndoCommand {
public:
    AddConfigCommand(BotDocument *document, int row, BotDocument::ConfigKey key, const LlmConfig &config);

    void undo() override;
    void redo() override;

private:
    BotDocument *m_document;
    int m_row;
    BotDocument::ConfigKey m_key;
    LlmConfig m_config;  ///< as last taken out, so a redo after a save keeps the stored id
};

/// Removes a config (undo puts it back where it was).
class RemoveConfigCommand : public QUndoCommand {
public:
    RemoveConfigCommand(BotDocument *document, int row, BotDocument::ConfigKey key, const LlmConfig &config);

    void undo() override;
    void redo() override;

private:
    BotDocument *m_document;
    int m_row;
    BotDocument::ConfigKey m_key;
    LlmConfig m_config;
};

/// Records an activation that already happened in the database: undo activates the previously active config again
/// (or leaves the bot without one when none was active), redo activates this one again. Both go to the database at
/// once. When the database refuses, the document reports why and the command drops out of the stack.
class ActivateConfigCommand : public QUndoCommand {
public:
    ActivateConfigCommand(BotDocument *document, qint64 configId, std::optional<qint64> previousId,
                          const QString &configName);

    void undo() override;
    void redo() override;

private:
    BotDocument *m_document;
    qint64 m_configId;
    std::optional<qint64> m_previousId;
    bool m_done = true;  ///< the first redo() is the activation the document already made
};

}  // namespace Switchyard
