#pragma once

#include "core/common/Result.h"
#include "core/common/Warning.h"

#include <QList>
#include <QString>

namespace Switchyard {

class Database;

/// What an install put into the workspace.
struct WorkspaceInstallReport {
    int providers = 0;
    int models = 0;
    int prompts = 0;
    int bots = 0;
    int configs = 0;
    QList<Warning> warnings;
};

/// Fills an empty workspace from a folder holding providers.yaml, prompts/ and workspace.yaml (bots, configs, labels).
///
/// The sample workspace shipped with Switchyard is such a folder, compiled in as resources (sampleFolder()).
/// Everything is validated first — files parse, configs name providers, models and prompts that exist — and written
/// in one transaction, so a broken folder leaves the workspace as it was.
class WorkspaceInstaller {
public:
    explicit WorkspaceInstaller(Database &database);

    /// ":/sample", the sample workspace with its bots, prompts and providers.
    static QString sampleFolder();

    /// True when the workspace has no bots, prompts or providers yet.
    Result<bool> isEmpty();

    /// Installs @p folder into the (empty) workspace; refuses a workspace that already holds data.
    Result<WorkspaceInstallReport> install(const QString &folder);

private:
    Database &m_database;
};

}  // namespace Switchyard
