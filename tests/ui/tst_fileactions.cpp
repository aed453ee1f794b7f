// The File menu's New Workspace… and import/export actions, driven through the real MainWindow with the FileDialog
// test seam answering the file questions.
#include "core/store/BotRepository.h"
#include "core/store/PromptRepository.h"
#include "core/store/ProviderRepository.h"
#include "core/workspace/PromptFolder.h"
#include "core/workspace/WorkspaceInstaller.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/BotsTableModel.h"
#include "ui/FileDialog.h"
#include "ui/FileMenuActions.h"
#include "ui/FilterTablePage.h"
#include "ui/MainWindow.h"
#include "ui/bots/BotDocument.h"
#include "ui/bots/BotEditorPage.h"
#include "ui/bots/BotsPage.h"
#include "ui/prompts/PromptsPage.h"
#include "ui/providers/ProvidersPage.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Switchyard;
using Testing::UiWorkspace;

namespace {

/// The open message box with @p objectName (result or error of a file action), or nullptr.
QMessageBox *messageBox(const char *objectName)
{
    const QWidgetList top = QApplication::topLevelWidgets();
    for (QWidget *widget : top) {
        auto *box = qobject_cast<QMessageBox *>(widget);
        if (box && box->isVisible() && box->objectName() == QLatin1String(objectName))
            return box;
    }
    return nullptr;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(content);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Triggers a prompt folder import and waits for its worker to finish.
void importPrompts(MainWindow &window, const QString &dir)
{
    FileMenuActions *actions = window.fileActions();
    QSignalSpy finished(actions, &FileMenuActions::importFinished);
    FileDialog::instance().setNextFileName(dir);
    actions->importPromptsAction()->trigger();
    QVERIFY(actions->importRunning());
    QVERIFY(!actions->importPromptsAction()->isEnabled());  // no second import while one runs
    QVERIFY(finished.wait(20000));
    QVERIFY(!actions->importRunning());
    QVERIFY(actions->importPromptsAction()->isEnabled());
}

}  // namespace

class TestFileActions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { Testing::closeDialogs(); }

    void fileMenuHasTheActionsWithShortcuts()
    {
        UiWorkspace workspace;
        workspace.open();
        if (QTest::currentTestFailed())
            return;
        const auto window = Testing::createMainWindow(workspace);
        auto *file = window->menuBar()->findChild<QMenu *>(QStringLiteral("fileMenu"));
        QVERIFY(file);
        QStringList names;
        for (QAction *action : file->actions())
            names.append(action->objectName());
        for (const char *name :
             {"newWorkspaceAction", "openWorkspaceAction", "importPromptFolderAction", "exportPromptFolderAction",
              "importProvidersAction", "exportProvidersAction", "quitAction"})
            QVERIFY2(names.contains(QLatin1String(name)), name);
        QVERIFY(file->findChild<QMenu *>(QStringLiteral("recentWorkspacesMenu")));
        FileMenuActions *actions = window->fileActions();
        QCOMPARE(actions->newWorkspaceAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N));
        QVERIFY(!actions->importPromptsAction()->shortcut().isEmpty());
        QVERIFY(!actions->exportPromptsAction()->shortcut().isEmpty());
        // New Workspace comes first, Open keeps its place after it.
        QCOMPARE(names.indexOf(QStringLiteral("newWorkspaceAction")) + 1,
                 names.indexOf(QStringLiteral("openWorkspaceAction")));
    }

    void newWorkspaceWithSampleOpensItWithBots()
    {
        UiWorkspace workspace;
        workspace.open();
        if (QTest::currentTestFailed())
            return;
        const auto window = Testing::createMainWindow(workspace);
        QCOMPARE(window->botsPage()->botsModel()->rowCount(), 0);
        const QString path = workspace.dir.filePath(QStringLiteral("sample-copy.db"));
        QSignalSpy opened(window.get(), &MainWindow::workspaceOpened);
        window->fileActions()->setContentQuestion([](QWidget *) { return WorkspaceTransfer::Content::Sample; });
        FileDialog::instance().setNextFileName(path);
        window->fileActions()->newWorkspaceAction()->trigger();

        QCOMPARE(opened.count(), 1);
        QCOMPARE(workspace.database.path(), path);
        const auto bots = BotRepository(workspace.database).list();
        QVERIFY(bots.ok());
        QVERIFY(!bots->isEmpty());
        QCOMPARE(window->botsPage()->botsModel()->rowCount(), int(bots->size()));
        QVERIFY(window->windowTitle().contains(QStringLiteral("sample-copy.db")));
        QVERIFY(!messageBox("fileActionErrorBox"));
    }

    void newEmptyWorkspaceOpensWithoutBots()
    {
        UiWorkspace workspace;
        workspace.openWithSample();
        if (QTest::currentTestFailed())
            return;
        const auto window = Testing::createMainWindow(workspace);
        QVERIFY(window->botsPage()->botsModel()->rowCount() > 0);
        // No suffix typed: ".db" is added.
        const QString typed = workspace.dir.filePath(QStringLiteral("empty"));
        window->fileActions()->setContentQuestion([](QWidget *) { return WorkspaceTransfer::Content::Empty; });
        FileDialog::instance().setNextFileName(typed);
        window->fileActions()->newWorkspaceAction()->trigger();

        QCOMPARE(workspace.database.path(), typed + QStringLiteral(".db"));
        QVERIFY(QFile::exists(typed + QStringLiteral(".db")));
        QCOMPARE(window->botsPage()->botsModel()->rowCount(), 0);
        const auto empty = WorkspaceInstaller(workspace.database).isEmpty();
        QVERIFY(empty.ok() && *empty);
        QCOMPARE(workspace.database.schemaVersion(), Database::latestSchemaVersion());
    }

    void newWorkspaceRefusesAnExistingFile()
    {
        UiWorkspace workspace;
        workspace.open();
        if (QTest::currentTestFailed())
            return;
        const auto window = Testing::createMainWindow(workspace);
        const QString existing = workspace.dir.filePath(QStringLiteral("notes.db"));
        writeFile(existing, "not a workspace");
        bool asked = false;
        window->fileActions()->setContentQuestion([&asked](QWidget *) {
            asked = true;
            return WorkspaceTransfer::Content::Sample;
        });
        FileDialog::instance().setNextFileName(existing);
        window->fileActions()->newWorkspaceAction()->trigger();

        QMessageBox *error = messageBox("fileActionErrorBox");
        QVERIFY(error);
        QVERIFY(error->text().contains(QDir::toNativeSeparators(existing)));
        QVERIFY(!asked);
        QCOMPARE(readFile(existing), QByteArray("not a workspace"));
        QCOMPARE(workspace.database.path(), workspace.databasePath());
    }

    void cancellingTheContentQuestionCreatesNothing()
    {
        UiWorkspace workspace;
        workspace.open();
        if (QTest::currentTestFailed())
            return;
        const auto window = Testing::createMainWindow(workspace);
        const QString path = workspace.dir.filePath(QStringLiteral("never.db"));
        window->fileActions()->setContentQuestion([](QWidget *) { return std::nullopt; });
        FileDialog::instance().setNextFileName(path);
        window->fileActions()->newWorkspaceAction()->trigger();
        QVERIFY(!QFile::exists(path));
        QCOMPARE(workspace.database.path(), workspace.databasePath());
    }

    void promptFolderExportThenImportReportsUnchanged()
    {
        UiWorkspace workspace;
        workspace.openWithSample();
        if (QTest::currentTestFailed())
            return;
        const auto window = Testing::createMainWindow(workspace);
        PromptRepository prompts(workspace.database);
        const auto keys = prompts.keys();
        QVERIFY(keys.ok() && !keys->isEmpty());

        const QString dir = workspace.dir.filePath(QStringLiteral("exported"));
        FileDialog::instance().setNextFileName(dir);
        window->fileActions()->exportPromptsAction()->trigger();
        QMessageBox *result = messageBox("fileActionResultBox");
        QVERIFY(result);
        QVERIFY(result->text().contains(QString::number(keys->size())));
        for (const QString &key : *keys) {
            const QByteArray written = readFile(QDir(dir).filePath(key + QStringLiteral(".yaml")));
            QCOMPARE(QString::fromUtf8(written), prompts.latest(key)->body);
        }
        Testing::closeDialogs();

        importPrompts(*window, dir);
        result = messageBox("fileActionResultBox");
        QVERIFY(result);
        QVERIFY2(result->text().contains(QStringLiteral("Imported 0 new prompts")), qPrintable(result->text()));
        QVERIFY2(result->text().contains(QStringLiteral("0 updated")), qPrintable(result->text()));
        QVERIFY2(result->text().contains(QStringLiteral("%1 unchanged").arg(keys->size())), qPrintable(result->text()));
        Testing::closeDialogs();

        // A changed file becomes a new version, and the Prompts page shows it.
        const QString key = keys->first();
        const int before = int(prompts.history(key)->size());
        QFile::remove(QDir(dir).filePath(key + QStringLiteral(".yaml")));
        writeFile(QDir(dir).filePath(key + QStringLiteral(".yaml")),
                  prompts.latest(key)->body.toUtf8() + "\n# tightened wording\n");
        importPrompts(*window, dir);
        result = messageBox("fileActionResultBox");
        QVERIFY(result);
        QVERIFY2(result->text().contains(QStringLiteral("1 updated")), qPrintable(result->text()));
        QCOMPARE(int(prompts.history(key)->size()), before + 1);
        PromptsPage *promptsPage = window->promptsPage();
        QVERIFY(promptsPage);
        const QAbstractItemModel *model = promptsPage->listPage()->view()->model();
        bool shown = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                if (model->index(row, 0).data().toString() == key &&
                    model->index(row, column).data().toString() == QString::number(before + 1))
                    shown = true;
            }
        }
        QVERIFY2(shown, "the prompts page was not reloaded with the new version");
    }

    void brokenPromptFileNamesFileAndLineAndImportsNothing()
    {
        UiWorkspace workspace;
        workspace.open();
        if (QTest::currentTestFailed())
            return;
        const auto window = Testing::createMainWindow(workspace);
        const QString dir = workspace.dir.filePath(QStringLiteral("prompts"));
        QVERIFY(QDir().mkpath(dir));
        writeFile(QDir(dir).filePath(QStringLiteral("good.yaml")), "key: good\nsystem: hello\nuser: \"{{name}}\"\n");
        writeFile(QDir(dir).filePath(QStringLiteral("broken.yaml")),
                  "key: broken\nsystem: hello\ntemperature: very hot\nuser: hi\n");
        importPrompts(*window, dir);
        QVERIFY(!messageBox("fileActionResultBox"));
        QMessageBox *error = messageBox("fileActionErrorBox");
        QVERIFY(error);
        // Line 3, column 14: the temperature value.
        QVERIFY2(
            error->text().contains(QDir::toNativeSeparators(QDir(dir).filePath(QStringLiteral("broken.yaml:3:14")))),
            qPrintable(error->text()));
        const auto keys = PromptRepository(workspace.database).keys();
        QVERIFY(keys.ok());
        QVERIFY(keys->isEmpty());  // all or nothing: good.yaml was not imported either
    }

    void promptImportAsksTheEditorsFirst()
    {
        UiWorkspace workspace;
        workspace.openWithSample();
        if (QTest::currentTestFailed())
            return;
        const auto window = Testing::createMainWindow(workspace);
        BotEditorPage *editor = window->botsPage()->editor();
        const auto bots = BotRepository(workspace.database).list();
        QVERIFY(bots.ok() && !bots->isEmpty());
        QVERIFY(editor->openBot(bots->first().id));
        editor->document()->setBotField(BotDocument::BotField::Description, QStringLiteral("unsaved"));
        QVERIFY(editor->document()->isDirty());
        int asked = 0;
        editor->setUnsavedChangesQuestion([&asked](QWidget *, const QString &) {
            ++asked;
            return QMessageBox::Cancel;
        });
        const QString dir = workspace.dir.filePath(QStringLiteral("exported"));
        QVERIFY(PromptFolder(workspace.database).exportTo(dir).ok());
        FileDialog::instance().setNextFileName(dir);
        window->fileActions()->importPromptsAction()->trigger();
        QCOMPARE(asked, 1);
        QVERIFY(!window->fileActions()->importRunning());
        QVERIFY(!messageBox("fileActionResultBox"));
        QVERIFY(editor->document()->isDirty());  // the edit is still there
    }

    void providersExportHoldsReferencesNotKeys()
    {
        UiWorkspace workspace;
        workspace.openWithSample();
        if (QTest::currentTestFailed())
            return;
        // A key value in the environment must not leak into the export: only its reference is written.
        qputenv("OPENAI_API_KEY", "sk-test-value-that-must-not-leak");
        const auto window = Testing::createMainWindow(workspace);
        const QString file = workspace.dir.filePath(QStringLiteral("providers.yaml"));
        FileDialog::instance().setNextFileName(file);
        window->fileActions()->exportProvidersAction()->trigger();
        qunsetenv("OPENAI_API_KEY");

        QMessageBox *result = messageBox("fileActionResultBox");
        QVERIFY(result);
        const auto providers = ProviderRepository(workspace.database).load();
        QVERIFY(providers.ok());
        QVERIFY(result->text().contains(QStringLiteral("Exported %1 providers").arg(providers->providers.size())));
        const QString yaml = QString::fromUtf8(readFile(file));
        QVERIFY(!yaml.isEmpty());
        QVERIFY(!yaml.contains(QStringLiteral("sk-test-value")));
        int references = 0;
        const QStringList lines = yaml.split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            const QString trimmed = line.trimmed();
            if (!trimmed.startsWith(QStringLiteral("api_key:")))
                continue;
            const QString value = trimmed.mid(8).trimmed();
            QVERIFY2(value.startsWith(QStringLiteral("${")) || value.startsWith(QStringLiteral("env:")) ||
                         value.startsWith(QStringLiteral("keychain:")) || value.startsWith(QStringLiteral("aws:")),
                     qPrintable(line));
            ++references;
        }
        QVERIFY(references > 0);
        QVERIFY(yaml.contains(QStringLiteral("${OPENAI_API_KEY}")));
    }

    void pricesExportWritesEveryStoredPriceAsCsv()
    {
        UiWorkspace workspace;
        workspace.openWithSample();
        if (QTest::currentTestFailed())
            return;
        ProviderRepository providers(workspace.database);
        Price manual;
        manual.inputPer1k = 0.5;
        manual.outputPer1k = 1.5;
        QVERIFY(providers
                    .upsertPrice(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), manual,
                                 ProviderRepository::PriceSource::Manual)
                    .ok());
        const auto stored = providers.prices();
        QVERIFY(stored.ok());

        const auto window = Testing::createMainWindow(workspace);
        const QString file = workspace.dir.filePath(QStringLiteral("prices.csv"));
        FileDialog::instance().setNextFileName(file);
        window->fileActions()->exportPricesAction()->trigger();
        QMessageBox *result = messageBox("fileActionResultBox");
        QVERIFY(result);
        QVERIFY2(result->text().contains(QStringLiteral("Exported %1 prices").arg(stored->size())),
                 qPrintable(result->text()));
        const QStringList lines = QString::fromUtf8(readFile(file)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), stored->size() + 1);
        QVERIFY(lines.first().startsWith(QStringLiteral("provider,model,source,input_per_1k,output_per_1k")));
        QVERIFY2(std::any_of(lines.cbegin(), lines.cend(),
                             [](const QString &line) {
                                 return line.startsWith(QStringLiteral("openai,gpt-4o-mini,manual,0.5,1.5,,,,"));
                             }),
                 "the manual price is a row of its own");
        QVERIFY(window->findChild<QMenu *>(QStringLiteral("fileMenu"))
                    ->actions()
                    .contains(window->fileActions()->exportPricesAction()));

        // A file that cannot be written: an error naming it, and nothing written.
        result->close();
        const QString unwritable = workspace.dir.filePath(QStringLiteral("no-such-folder/prices.csv"));
        FileDialog::instance().setNextFileName(unwritable);
        window->fileActions()->exportPricesAction()->trigger();
        QMessageBox *error = messageBox("fileActionErrorBox");
        QVERIFY(error);
        QVERIFY2(error->text().contains(unwritable) && error->text().contains(QStringLiteral("nothing was written")),
                 qPrintable(error->text()));
        QVERIFY(!QFile::exists(unwritable));
    }

    void brokenProvidersFileShowsFileLineAndChangesNothing()
    {
        UiWorkspace workspace;
        workspace.openWithSample();
        if (QTest::currentTestFailed())
            return;
        const auto window = Testing::createMainWindow(workspace);
        const auto before = ProviderRepository(workspace.database).load();
        QVERIFY(before.ok());
        const int rowsBefore = window->providersPage()->listPage()->view()->model()->rowCount();
        QVERIFY(rowsBefore > 0);

        // Line 5 holds a literal key: refused, and the error must not repeat it.
        const QString file = workspace.dir.filePath(QStringLiteral("broken-providers.yaml"));
        writeFile(file, "providers:\n"
                        "  only:\n"
                        "    kind: openai\n"
                        "    base_url: https://api.openai.com\n"
                        "    api_key: sk-live-secret-123\n"
                        "    models:\n"
                        "      gpt-4o-mini: {context_window: 128000}\n");
        FileDialog::instance().setNextFileName(file);
        window->fileActions()->importProvidersAction()->trigger();

        QMessageBox *error = messageBox("fileActionErrorBox");
        QVERIFY(error);
        QVERIFY2(error->text().contains(QStringLiteral("broken-providers.yaml:5")), qPrintable(error->text()));
        QVERIFY(!error->text().contains(QStringLiteral("sk-live-secret")));
        QVERIFY(!messageBox("fileActionResultBox"));
        const auto after = ProviderRepository(workspace.database).load();
        QVERIFY(after.ok());
        QVERIFY(*after == *before);
        QCOMPARE(window->providersPage()->listPage()->view()->model()->rowCount(), rowsBefore);
    }

    void providersImportReplacesAndReloads()
    {
        UiWorkspace workspace;
        workspace.open();
        if (QTest::currentTestFailed())
            return;
        const auto window = Testing::createMainWindow(workspace);
        QCOMPARE(window->providersPage()->listPage()->view()->model()->rowCount(), 0);
        const QString file = workspace.dir.filePath(QStringLiteral("providers.yaml"));
        writeFile(file, "providers:\n"
                        "  local:\n"
                        "    kind: openai_compatible\n"
                        "    base_url: http://localhost:8000\n"
                        "    api_key: ${LOCAL_API_KEY}\n"
                        "    modles: {}\n"  // a typo: a warning with its line, not an error
                        "    models:\n"
                        "      llama: {context_window: 8192}\n"
                        "      qwen: {context_window: 32768}\n");
        FileDialog::instance().setNextFileName(file);
        window->fileActions()->importProvidersAction()->trigger();

        QMessageBox *result = messageBox("fileActionResultBox");
        QVERIFY(result);
        QVERIFY2(result->text().contains(QStringLiteral("Imported 1 providers with 2 models")),
                 qPrintable(result->text()));
        QVERIFY2(result->text().contains(QStringLiteral("providers.yaml:6")), qPrintable(result->text()));
        QCOMPARE(window->providersPage()->listPage()->view()->model()->rowCount(), 1);
        const auto stored = ProviderRepository(workspace.database).load();
        QVERIFY(stored.ok());
        QCOMPARE(stored->providers.size(), 1);
        QCOMPARE(stored->providers.first().apiKeyRef, QStringLiteral("${LOCAL_API_KEY}"));
    }
};

QTEST_MAIN(TestFileActions)
#include "tst_fileactions.moc"
