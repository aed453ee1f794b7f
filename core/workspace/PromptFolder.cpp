#include "PromptFolder.h"

#include "core/prompts/PromptDocumentParser.h"
#include "core/store/Database.h"
#include "core/store/PromptRepository.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QSaveFile>

namespace Switchyard {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PromptFolder", text);
}

struct PromptFile {
    QString path;
    QString key;
    QString body;
};

}  // namespace

PromptFolder::PromptFolder(Database &database) : m_database(database) {}

Result<PromptImportReport> PromptFolder::importFrom(const QString &dir, const QString &author, const QString &note)
{
    const QDir folder(dir);
    if (!folder.exists())
        return Error::make(Error::Code::NotFound, tr("the prompt folder does not exist"), dir);

    const QStringList names =
        folder.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files | QDir::Readable, QDir::Name);
    if (names.isEmpty())
        return Error::make(Error::Code::InvalidInput, tr("no prompt files (*.yaml, *.yml) in this folder"), dir);

    // Read and validate everything before writing anything.
    PromptImportReport report;
    QList<PromptFile> files;
    QHash<QString, QString> pathByKey;
    for (const QString &name : names) {
        const QString path = folder.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error::make(Error::Code::Io, tr("cannot read the file: %1").arg(file.errorString()), path);
        const QByteArray bytes = file.readAll();
        auto parsed = PromptDocumentParser::parse(bytes, path);
        if (!parsed)
            return parsed.error();
        report.warnings += parsed->warnings;
        const QString key = parsed->doc.key;
        if (pathByKey.contains(key)) {
            return Error::make(Error::Code::Conflict,
                               tr("prompt key '%1' is also defined in %2; each prompt needs its own key")
                                   .arg(key, pathByKey.value(key)),
                               path);
        }
        pathByKey.insert(key, path);
        files.append({path, key, QString::fromUtf8(bytes)});
    }

    PromptRepository prompts(m_database);
    auto connection = m_database.checkedConnection();
    if (!connection)
        return connection.error();
    Transaction transaction(*connection);
    if (!transaction.isActive())
        return transaction.error();
    for (const PromptFile &file : files) {
        const bool existed = prompts.latest(file.key).ok();
        auto added = prompts.addVersion(file.key, file.body, author, note);
        if (!added) {
            Error error = added.error();
            error.file = file.path;
            return error;
        }
        if (!added->created)
            report.unchanged.append(file.key);
        else if (existed)
            report.updated.append(file.key);
        else
            report.created.append(file.key);
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return report;
}

Result<QStringList> PromptFolder::exportTo(const QString &dir)
{
    if (!QDir().mkpath(dir))
        return Error::make(Error::Code::Io, tr("cannot create the export folder"), dir);

    PromptRepository prompts(m_database);
    auto keys = prompts.keys();
    if (!keys)
        return keys.error();

    QStringList written;
    for (const QString &key : *keys) {
        auto latest = prompts.latest(key);
        if (!latest)
            return latest.error();
        const QString path = QDir(dir).filePath(key + QStringLiteral(".yaml"));
        // QSaveFile: a full disk or a killed process never leaves a half-written prompt file behind.
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            return Error::make(Error::Code::Io, tr("cannot write the file: %1").arg(file.errorString()), path);
        }
        const QByteArray bytes = latest->body.toUtf8();
        if (file.write(bytes) != bytes.size() || !file.commit()) {
            return Error::make(Error::Code::Io, tr("cannot write the file: %1").arg(file.errorString()), path);
        }
        written.append(path);
    }
    return written;
}

}  // namespace Switchyard
