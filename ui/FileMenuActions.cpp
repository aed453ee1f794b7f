#include "FileMenuActions.h"

#include "core/store/Database.h"
#include "ui/FileDialog.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStatusBar>
#include <QThread>

namespace Switchyard {

namespace {

/// Warnings one per line, each with its file:line, for the result dialog.
QString warningLines(const QList<Warning> &warnings)
{
    QStringList lines;
    for (const Warning &warning : warnings)
        lines.append(warning.toString());
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

FileMenuActions::FileMenuActions(MainWindow *window, Database &database, std::function<bool()> confirmLeavingEditors)
    : QObject(window), m_window(window), m_database(database), m_confirmLeavingEditors(std::move(confirmLeavingEditors))
{
    m_contentQuestion = [](QWidget *parent) -> std::optional<WorkspaceTransfer::Content> {
        QMessageBox box(QMessageBox::Question, tr("New Workspace"),
                        tr("Start the new workspace with the sample bots, prompts and providers, or empty?"),
                        QMessageBox::Cancel, parent);
        QPushButton *sample = box.addButton(tr("&Sample Workspace"), QMessageBox::AcceptRole);
        QPushButton *empty = box.addButton(tr("&Empty Workspace"), QMessageBox::AcceptRole);
        box.setDefaultButton(sample);
        box.exec();
        if (box.clickedButton() == sample)
            return WorkspaceTransfer::Content::Sample;
        if (box.clickedButton() == empty)
            return WorkspaceTransfer::Content::Empty;
        return std::nullopt;
    };

    const auto makeAction = [this](const QString &text, const QString &name, const QString &tip) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setStatusTip(tip);
        return action;
    };
    m_newWorkspace = makeAction(tr("&New Workspace…"), QStringLiteral("newWorkspaceAction"),
                                tr("Create a workspace file, empty or with the sample bots, and open it"));
    // Ctrl+Shift+N belongs to the Prompts page (new prompt).
    m_newWorkspace->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N));
    m_importPrompts = makeAction(tr("&Import Prompt Folder…"), QStringLiteral("importPromptFolderAction"),
                                 tr("Import every prompt file of a folder; changed files become new versions"));
    m_importPrompts->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_I));
    m_exportPrompts = makeAction(tr("E&xport Prompt Folder…"), QStringLiteral("exportPromptFolderAction"),
                                 tr("Write the latest version of every prompt to a folder, one file per prompt"));
    m_exportPrompts->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
    m_importProviders = makeAction(tr("Import &providers.yaml…"), QStringLiteral("importProvidersAction"),
                                   tr("Replace the workspace's providers, models, prices and chains with a file"));
    m_exportProviders = makeAction(tr("Export provi&ders.yaml…"), QStringLiteral("exportProvidersAction"),
                                   tr("Write the workspace's providers as providers.yaml; API keys stay references"));

    m_exportPrices = makeAction(tr("Export P&rices…"), QStringLiteral("exportPricesAction"),
                                tr("Write every stored price (providers.yaml, LiteLLM, manual) as a CSV file"));

    connect(m_newWorkspace, &QAction::triggered, this, &FileMenuActions::newWorkspace);
    connect(m_importPrompts, &QAction::triggered, this, &FileMenuActions::importPromptFolder);
    connect(m_exportPrompts, &QAction::triggered, this, &FileMenuActions::exportPromptFolder);
    connect(m_importProviders, &QAction::triggered, this, &FileMenuActions::importProviders);
    connect(m_exportProviders, &QAction::triggered, this, &FileMenuActions::exportProviders);
    connect(m_exportPrices, &QAction::triggered, this, &FileMenuActions::exportPrices);
}

FileMenuActions::~FileMenuActions()
{
    if (m_worker) {
        m_worker->quit();
        m_worker->wait();
        delete m_workerContext;
    }
}

void FileMenuActions::setContentQuestion(ContentQuestion question)
{
    m_contentQuestion = std::move(question);
}

QString FileMenuActions::startDirectory() const
{
    const QString path = m_database.path();
    return path.isEmpty() ? QDir::homePath() : QFileInfo(path).absolutePath();
}

void FileMenuActions::newWorkspace()
{
    QString path = FileDialog::instance().getSaveFileName(
        m_window, tr("New Workspace"), startDirectory(), tr("Switchyard workspaces (*.db *.sqlite *.switchyard)"),
        QFileDialog::DontConfirmOverwrite);  // an existing file is refused below, never overwritten
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".db");
    if (QFileInfo::exists(path)) {
        showError(tr("New Workspace"), tr("%1 already exists and was left as it is. Choose a new file name, or open "
                                          "the file with File ▸ Open Workspace….")
                                           .arg(QDir::toNativeSeparators(path)));
        return;
    }
    const std::optional<WorkspaceTransfer::Content> content = m_contentQuestion(m_window);
    if (!content || !m_confirmLeavingEditors())
        return;
    const auto created = WorkspaceTransfer::createWorkspace(path, *content);
    if (!created) {
        showError(
            tr("New Workspace"),
            tr("The workspace %1 was not created: %2").arg(QDir::toNativeSeparators(path), created.error().toString()));
        return;
    }
    if (m_window->openWorkspace(path)) {
        m_window->statusBar()->showMessage(
            *content == WorkspaceTransfer::Content::Sample
                ? tr("Created %1 with %2 sample bots, %3 prompts and %4 providers")
                      .arg(QDir::toNativeSeparators(path))
                      .arg(created->bots)
                      .arg(created->prompts)
                      .arg(created->providers)
                : tr("Created the empty workspace %1").arg(QDir::toNativeSeparators(path)),
            8000);
    }
}

void FileMenuActions::importPromptFolder()
{
    if (m_importRunning)
        return;
    const QString dir =
        FileDialog::instance().getExistingDirectory(m_window, tr("Import Prompt Folder"), startDirectory());
    if (dir.isEmpty())
        return;
    // Imported versions replace what the prompt editor shows: its unsaved edits are saved or dropped first.
    if (!m_confirmLeavingEditors())
        return;

    if (!m_worker) {
        m_worker = new QThread(this);
        m_worker->setObjectName(QStringLiteral("importWorker"));
        m_workerContext = new QObject;
        m_workerContext->moveToThread(m_worker);
        m_worker->start();
    }
    m_importRunning = true;
    setActionsEnabled(false);
    m_progress = new QProgressDialog(tr("Importing prompt files from %1…").arg(QDir::toNativeSeparators(dir)),
                                     QString(), 0, 0, m_window);
    m_progress->setObjectName(QStringLiteral("importProgressDialog"));
    m_progress->setWindowTitle(tr("Import Prompt Folder"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(500);  // a usual folder is done before the dialog would flash up
    m_progress->setValue(0);              // (re)starts the show timer with that duration

    const QString author = qEnvironmentVariable("USER", QStringLiteral("switchyard-studio"));
    const QString note = tr("Imported from %1").arg(QDir::toNativeSeparators(dir));
    Database *database = &m_database;
    QMetaObject::invokeMethod(m_workerContext, [this, database, dir, author, note] {
        auto report = PromptFolder(*database).importFrom(dir, author, note);
        QMetaObject::invokeMethod(this, [this, dir, report] { finishPromptImport(dir, report); });
    });
}

void FileMenuActions::finishPromptImport(const QString &dir, const Result<PromptImportReport> &report)
{
    m_importRunning = false;
    setActionsEnabled(true);
    if (m_progress) {
        // Deleting (not just closing) also stops its timer, so a dialog that never showed never pops up later.
        m_progress->hide();
        m_progress->deleteLater();
    }
    const QString where = QDir::toNativeSeparators(dir);
    if (!report) {
        showError(tr("Import Prompt Folder"), tr("Nothing was imported from %1: %2\n\nFix the file and import again.")
                                                  .arg(where, report.error().toString()));
    } else {
        Q_EMIT workspaceContentChanged();
        QString text = tr("Imported %1 new prompts from %2; %3 updated (a new version each), %4 unchanged.")
                           .arg(report->created.size())
                           .arg(where)
                           .arg(report->updated.size())
                           .arg(report->unchanged.size());
        if (!report->warnings.isEmpty())
            text += QLatin1Char('\n') + tr("Warnings:") + QLatin1Char('\n') + warningLines(report->warnings);
        showResult(tr("Import Prompt Folder"), text);
    }
    Q_EMIT importFinished();
}

void FileMenuActions::exportPromptFolder()
{
    const QString dir =
        FileDialog::instance().getExistingDirectory(m_window, tr("Export Prompt Folder"), startDirectory());
    if (dir.isEmpty())
        return;
    const auto files = PromptFolder(m_database).exportTo(dir);
    if (!files) {
        showError(
            tr("Export Prompt Folder"),
            tr("The prompts were not exported to %1: %2").arg(QDir::toNativeSeparators(dir), files.error().toString()));
        return;
    }
    showResult(
        tr("Export Prompt Folder"),
        tr("Exported %1 prompts to %2, one file per prompt.").arg(files->size()).arg(QDir::toNativeSeparators(dir)));
}

void FileMenuActions::importProviders()
{
    const QString file = FileDialog::instance().getOpenFileName(m_window, tr("Import providers.yaml"), startDirectory(),
                                                                tr("YAML files (*.yaml *.yml)"));
    if (file.isEmpty() || !m_confirmLeavingEditors())
        return;
    const auto report = WorkspaceTransfer::importProviders(m_database, file);
    if (!report) {
        showError(
            tr("Import providers.yaml"),
            tr("The providers were not changed: %1\n\nFix the file and import again.").arg(report.error().toString()));
        return;
    }
    Q_EMIT workspaceContentChanged();
    QString text = tr("Imported %1 providers with %2 models and %3 fallback chains from %4.")
                       .arg(report->providers.size())
                       .arg(report->models)
                       .arg(report->chains)
                       .arg(QDir::toNativeSeparators(file));
    if (!report->warnings.isEmpty())
        text += QLatin1Char('\n') + tr("Warnings:") + QLatin1Char('\n') + warningLines(report->warnings);
    showResult(tr("Import providers.yaml"), text);
}

void FileMenuActions::exportProviders()
{
    QString file = FileDialog::instance().getSaveFileName(
        m_window, tr("Export providers.yaml"), QDir(startDirectory()).filePath(QStringLiteral("providers.yaml")),
        tr("YAML files (*.yaml *.yml)"));
    if (file.isEmpty())
        return;
    const auto written = WorkspaceTransfer::exportProviders(m_database, file);
    if (!written) {
        showError(tr("Export providers.yaml"),
                  tr("The providers were not exported: %1").arg(written.error().toString()));
        return;
    }
    showResult(tr("Export providers.yaml"),
               tr("Exported %1 providers to %2. API keys are written as references (environment variable or "
                  "keychain entry), never as values.")
                   .arg(*written)
                   .arg(QDir::toNativeSeparators(file)));
}

void FileMenuActions::exportPrices()
{
    const QString file = FileDialog::instance().getSaveFileName(
        m_window, tr("Export Prices"), QDir(startDirectory()).filePath(QStringLiteral("prices.csv")),
        tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    const auto written = WorkspaceTransfer::exportPrices(m_database, file);
    if (!written) {
        showError(tr("Export Prices"),
                  tr("The prices were not exported, nothing was written: %1").arg(written.error().toString()));
        return;
    }
    showResult(tr("Export Prices"), tr("Exported %1 prices to %2.").arg(*written).arg(QDir::toNativeSeparators(file)));
}

void FileMenuActions::showResult(const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("fileActionResultBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void FileMenuActions::showError(const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Critical, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("fileActionErrorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void FileMenuActions::setActionsEnabled(bool enabled)
{
    for (QAction *action :
         {m_newWorkspace, m_importPrompts, m_exportPrompts, m_importProviders, m_exportProviders, m_exportPrices})
        action->setEnabled(enabled);
}

}  // namespace Switchyard
