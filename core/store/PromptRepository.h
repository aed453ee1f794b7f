#pragma once

#include "core/common/Result.h"
#include "core/model/PromptVersion.h"

#include <QList>
#include <QStringList>
#include <optional>

namespace Switchyard {

class Database;

/// Prompts and their immutable, numbered versions, with labels (production, staging, custom) that point at versions.
///
/// There is deliberately no way to change a stored version: a change is a new version. Label moves are recorded
/// (who, when, from, to) in the same transaction as the move.
class PromptRepository {
public:
    /// What addVersion() did.
    struct AddVersionOutcome {
        PromptVersion version;  ///< the new version, or the latest one when nothing was added
        bool created = false;   ///< false when @c body was identical to the latest version's
    };

    explicit PromptRepository(Database &database);

    /// SHA-256 of @p body's UTF-8 bytes, as lower-case hex.
    static QString contentHash(const QString &body);

    /// Adds the next version of the prompt @p key (creating the prompt when new). When @p body is byte-for-byte the
    /// latest version's body, nothing is added and the latest version is returned with created = false.
    Result<AddVersionOutcome> addVersion(const QString &key, const QString &body, const QString &author,
                                         const QString &note);

    /// Version @p number of @p key. Error::NotFound names the latest version that does exist.
    Result<PromptVersion> version(const QString &key, int number);

    /// The highest-numbered version of @p key.
    Result<PromptVersion> latest(const QString &key);

    /// The version @p label points at.
    Result<PromptVersion> byLabel(const QString &key, const QString &label);

    /// Every version of @p key, oldest first.
    Result<QList<PromptVersion>> history(const QString &key);

    /// Every prompt key, sorted.
    Result<QStringList> keys();

    /// Points @p label of @p key at @p number, creating the label when new, and records the move.
    /// Returns the recorded move, or nothing when the label already pointed there (a no-op).
    Result<std::optional<LabelMove>> moveLabel(const QString &key, const QString &label, int number,
                                               const QString &movedBy);

    /// The labels of @p key, sorted by name.
    Result<QList<PromptLabel>> labels(const QString &key);

    /// Every recorded move of every label of @p key, oldest first.
    Result<QList<LabelMove>> labelHistory(const QString &key);

    /// Removes the prompt with all its versions, labels and label history.
    Result<void> removePrompt(const QString &key);

private:
    Result<QList<PromptVersion>> selectVersions(const QString &where, const QVariantList &values,
                                                const QString &suffix);

    Database &m_database;
};

}  // namespace Switchyard
