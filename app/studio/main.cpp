#include "core/settings/Settings.h"
#include "core/store/Database.h"
#include "core/workspace/WorkspaceInstaller.h"
#include "ui/MainWindow.h"
#include "ui/PageScreenshots.h"
#include "ui/StartupReport.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>
#include <cstdio>

using namespace Switchyard;

namespace {

// Loads Switchyard's and Qt's own translations for the configured language (empty = the system's).
void installTranslators(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *translator = new QTranslator(&app);
    if (translator->load(locale, QStringLiteral("switchyard"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
}

}  // namespace

int main(int argc, char *argv[])
{
    StartupReport::markMainStarted();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Switchyard"));
    QApplication::setOrganizationName(QStringLiteral("Switchyard"));
    QApplication::setApplicationVersion(QStringLiteral(SWITCHYARD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.switchyard.Switchyard"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/switchyard.svg")));

    Settings settings;
    installTranslators(app, settings.language());
    Theme::apply(settings.theme());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Switchyard studio: prompts, provider configurations and costs."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QCoreApplication::translate("main", "Workspace database to open (default: $SWITCHYARD_DB, else %1).")
            .arg(Database::defaultPath()),
        QCoreApplication::translate("main", "path"));
    parser.addOption(dbOption);
    QCommandLineOption screenshotOption(QStringLiteral("screenshot-dir"),
                                        QStringLiteral("Save a PNG of every page into this folder and quit."),
                                        QStringLiteral("dir"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshotOption);
    QCommandLineOption startupOption(QStringLiteral("report-startup"),
                                     QStringLiteral("Write start-to-first-paint time and idle memory as JSON to this "
                                                    "file, then quit (for bench_startup)."),
                                     QStringLiteral("file"));
    startupOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(startupOption);
    parser.process(app);

    Database database;
    const QString path = Database::resolvePath(parser.value(dbOption));
    if (const auto opened = database.open(path); !opened) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Switchyard"),
                              QCoreApplication::translate("main",
                                                          "Could not open the workspace %1.\n\n%2\n\nStart Switchyard "
                                                          "with --db PATH to use another workspace file.")
                                  .arg(path, opened.error().toString()));
        return 1;
    }
    // A workspace without any bots, prompts or providers (a first run) gets the sample ones, so the studio is useful
    // at once.
    WorkspaceInstaller installer(database);
    if (const auto empty = installer.isEmpty(); empty && *empty) {
        if (const auto installed = installer.install(WorkspaceInstaller::sampleFolder()); !installed) {
            // The workspace stays usable (and empty); say why the sample is missing.
            QMessageBox::warning(nullptr, QCoreApplication::translate("main", "Switchyard"),
                                 QCoreApplication::translate("main", "The sample workspace could not be loaded.\n\n%1")
                                     .arg(installed.error().toString()));
        }
    }

    MainWindow window(database, settings);
    if (parser.isSet(startupOption))
        new StartupReport(&window, parser.value(startupOption));  // owned by the window; quits the app when done
    window.show();

    if (parser.isSet(screenshotOption)) {
        const auto saved = PageScreenshots::save(window, parser.value(screenshotOption));
        if (!saved) {
            std::fprintf(stderr, "switchyard: %s\n", qUtf8Printable(saved.error().toString()));
            return 1;
        }
        for (const QString &file : saved.value())
            std::printf("%s\n", qUtf8Printable(file));
        return 0;
    }

    return QApplication::exec();
}
