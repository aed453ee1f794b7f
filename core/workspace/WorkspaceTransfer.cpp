#include "core/workspace/WorkspaceTransfer.h"

#include "core/accounting/PriceCsv.h"
#include "core/providers/ProvidersFile.h"
#include "core/store/Database.h"
#include "core/store/ProviderRepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Switchyard {

namespace {

/// Removes a workspace file SQLite created together with its journal files.
void removeWorkspaceFile(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

}  // namespace

Result<WorkspaceInstallReport> WorkspaceTransfer::createWorkspace(const QString &path, Content content)
{
    if (path.isEmpty())
        return Error::make(Error::Code::InvalidInput, tr("No file name was given for the new workspace."));
    if (QFileInfo::exists(path)) {
        return Error::make(Error::Code::Conflict,
                           tr("%1 already exists. Choose a new file name, or open the file with File ▸ Open "
                              "Workspace…")
                               .arg(QDir::toNativeSeparators(path)));
    }
    WorkspaceInstallReport report;
    {
        Database database;
        if (auto opened = database.open(path); !opened) {
            removeWorkspaceFile(path);
            return opened.error();
        }
        if (content == Content::Sample) {
            auto installed = WorkspaceInstaller(database).install(WorkspaceInstaller::sampleFolder());
            if (!installed) {
                database.close();
                removeWorkspaceFile(path);
                return installed.error();
            }
            report = installed.value();
        }
    }
    return report;
}

Result<ProvidersImportReport> WorkspaceTransfer::importProviders(Database &database, const QString &file)
{
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly))
        return Error::make(Error::Code::Io, tr("Cannot read the file: %1").arg(input.errorString()), file);
    auto parsed = ProvidersFile::parse(input.readAll(), file);
    if (!parsed)
        return parsed.error();
    if (auto replaced = ProviderRepository(database).replaceAll(parsed->config); !replaced)
        return replaced.error();
    ProvidersImportReport report;
    for (const ProviderSpec &provider : std::as_const(parsed->config.providers)) {
        report.providers.append(provider.id);
        report.models += int(provider.models.size());
    }
    report.chains = int(parsed->config.chains.size());
    report.warnings = parsed->warnings;
    return report;
}

Result<int> WorkspaceTransfer::exportProviders(Database &database, const QString &file)
{
    auto config = ProviderRepository(database).load();
    if (!config)
        return config.error();
    // ProvidersFile::parse refuses literal keys, so the stored apiKeyRef is always a reference; serialize() writes it.
    if (auto written = writeFile(file, ProvidersFile::serialize(*config)); !written)
        return written.error();
    return int(config->providers.size());
}

Result<int> WorkspaceTransfer::exportPrices(Database &database, const QString &file)
{
    const auto prices = ProviderRepository(database).prices();
    if (!prices)
        return prices.error();
    if (auto written = writeFile(file, PriceCsv::write(*prices).toUtf8()); !written)
        return written.error();
    return int(prices->size());
}

Result<void> WorkspaceTransfer::writeFile(const QString &file, const QByteArray &bytes)
{
    QSaveFile output(file);
    if (!output.open(QIODevice::WriteOnly) || output.write(bytes) != bytes.size() || !output.commit())
        return Error::make(Error::Code::Io, tr("Cannot write the file: %1").arg(output.errorString()), file);
    return {};
}

}  // namespace Switchyard
