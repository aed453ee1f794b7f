#pragma once

#include "core/common/Result.h"
#include "core/common/Warning.h"
#include "core/workspace/WorkspaceInstaller.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Switchyard {

class Database;

/// What a providers.yaml import (File ▸ Import providers.yaml…, `switchyard-cli providers import`) replaced the
/// workspace's providers with.
struct ProvidersImportReport {
    QStringList providers;  ///< ids, in file order
    int models = 0;
    int chains = 0;
    QList<Warning> warnings;  ///< unknown keys and likely typos, with file:line
};

/// The file side of the studio's File menu and of the CLI: creating a workspace file and moving providers.yaml and
/// prices in and out.
///
/// No dialogs here, so tests can call it directly; FileMenuActions asks the questions and shows the results, the CLI
/// prints them. The prompt-folder import/export is core/workspace/PromptFolder, used as it is.
class WorkspaceTransfer {
    Q_DECLARE_TR_FUNCTIONS(WorkspaceTransfer)

public:
    enum class Content {
        Empty,   ///< just the schema
        Sample,  ///< the sample workspace's bots, prompts and providers (WorkspaceInstaller::sampleFolder())
    };

    /// Creates the workspace file @p path (schema migrated) and fills it with @p content. Refuses an existing file
    /// (Error::Conflict). When the sample can't be installed, the new file is removed again: nothing half made stays.
    static Result<WorkspaceInstallReport> createWorkspace(const QString &path, Content content);

    /// Reads and validates the providers.yaml @p file, then replaces the workspace's providers, models, prices and
    /// chains with it in one transaction. A broken file changes nothing; the error names file:line:column.
    static Result<ProvidersImportReport> importProviders(Database &database, const QString &file);

    /// Writes the workspace's providers as providers.yaml to @p file (atomically). API keys are written as the
    /// references they are stored as, never as values. Returns the number of providers written.
    static Result<int> exportProviders(Database &database, const QString &file);

    /// Writes every stored price (providers.yaml, LiteLLM and manual, see PriceCsv) as CSV to @p file (atomically).
    /// Returns the number of prices written.
    static Result<int> exportPrices(Database &database, const QString &file);

private:
    /// Writes @p bytes to @p file through QSaveFile: a full disk or a crash never leaves half a file behind.
    static Result<void> writeFile(const QString &file, const QByteArray &bytes);
};

}  // namespace Switchyard
