#pragma once

#include "core/common/Result.h"
#include "core/common/Warning.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Switchyard {

class Database;

/// What a folder import did, per prompt key.
struct PromptImportReport {
    QStringList created;    ///< keys that did not exist before (version 1 added)
    QStringList updated;    ///< keys whose file changed: a new version was added
    QStringList unchanged;  ///< keys whose latest version already has this exact text
    QList<Warning> warnings;
};

/// Imports a folder of prompt files (*.yaml, *.yml) into the workspace and exports the workspace back to a folder.
///
/// Import is all or nothing: every file is read and validated first, and a single broken file (or two files
/// claiming the same key) stops the import before anything is written. The version body is the file's text byte for
/// byte, so export → import reports every prompt unchanged (the round trip is lossless).
class PromptFolder {
public:
    explicit PromptFolder(Database &database);

    /// Imports every prompt file directly inside @p dir (sorted by name). @p author is recorded on new versions.
    Result<PromptImportReport> importFrom(const QString &dir, const QString &author, const QString &note = {});

    /// Writes the latest version of every prompt to @p dir as KEY.yaml (creating @p dir). Returns the files written.
    Result<QStringList> exportTo(const QString &dir);

private:
    Database &m_database;
};

}  // namespace Switchyard
