// The sample workspace and workspace folders: what gets installed, and that a broken folder installs nothing.
#include "core/store/BotRepository.h"
#include "core/store/Database.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/PromptRepository.h"
#include "core/store/ProviderRepository.h"
#include "core/workspace/WorkspaceInstaller.h"
#include "core/workspace/WorkspaceSeed.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace Switchyard;

namespace {

void copyFolder(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    const QDir source(from);
    for (const QFileInfo &entry : source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (entry.isDir())
            copyFolder(entry.filePath(), QDir(to).filePath(entry.fileName()));
        else
            QFile::copy(entry.filePath(), QDir(to).filePath(entry.fileName()));
    }
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

}  // namespace

class TestWorkspaceInstaller : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void installsTheSample()
    {
        QTemporaryDir dir;
        Database database;
        QVERIFY(database.open(dir.filePath(QStringLiteral("ws.db"))).ok());
        WorkspaceInstaller installer(database);
        QVERIFY(*installer.isEmpty());

        const auto report = installer.install(WorkspaceInstaller::sampleFolder());
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
        QVERIFY(report->warnings.isEmpty());
        QVERIFY(report->bots >= 3);
        QVERIFY(report->prompts >= 8);
        QVERIFY(!*installer.isEmpty());

        // Every bot has at least two configs and exactly one active one.
        const auto bots = BotRepository(database).list();
        QVERIFY(bots.ok());
        QCOMPARE(bots->size(), report->bots);
        LlmConfigRepository configs(database);
        for (const Bot &bot : *bots) {
            const auto list = configs.listForBot(bot.id);
            QVERIFY(list->size() >= 2);
            QCOMPARE(std::count_if(list->cbegin(), list->cend(), [](const LlmConfig &c) { return c.active; }), 1);
        }
        const auto astro = BotRepository(database).bySlug(QStringLiteral("astro-guide"));
        QVERIFY(astro.ok());
        const auto active = configs.activeForBot(astro->id);
        QCOMPARE((*active)->promptKey, QStringLiteral("astrologer_daily"));
        QCOMPARE((*active)->promptLabel, QStringLiteral("production"));

        // Providers cover the families the studio promises, with Bedrock regions and the classic chain.
        const auto providers = ProviderRepository(database).load();
        QStringList kinds;
        for (const ProviderSpec &provider : providers->providers)
            kinds << provider.kind;
        for (const char *kind :
             {"openai", "anthropic", "gemini", "bedrock", "openrouter", "groq", "deepseek", "azure_openai", "ollama"})
            QVERIFY2(kinds.contains(QLatin1String(kind)), kind);
        const auto chain = std::find_if(providers->chains.cbegin(), providers->chains.cend(),
                                        [](const ChainSpec &c) { return c.name == QStringLiteral("default"); });
        QVERIFY(chain != providers->chains.cend());
        QCOMPARE(chain->hops.first().model, QStringLiteral("gemini-2.5-pro"));
        QCOMPARE(chain->hops.at(1).model, QStringLiteral("gemini-2.5-flash"));
        QCOMPARE(providers->universalFallback->model, QStringLiteral("gemini-2.0-flash"));

        // Labels point where workspace.yaml says.
        const auto production =
            PromptRepository(database).byLabel(QStringLiteral("code_review"), QStringLiteral("production"));
        QVERIFY(production.ok());
        QCOMPARE(production->version, 1);

        // Installing twice is refused.
        const auto again = installer.install(WorkspaceInstaller::sampleFolder());
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, Error::Code::Conflict);
    }

    void brokenFolderInstallsNothing_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown model")
            << "workspace.yaml"
            << QByteArray("bots:\n  - name: X\n    configs:\n      - {provider: openai, model: gpt-9}\n")
            << "model 'gpt-9' of provider 'openai' is not in providers.yaml";
        QTest::newRow("unknown prompt")
            << "workspace.yaml"
            << QByteArray("bots:\n  - name: X\n    configs:\n      - {provider: openai, model: gpt-4o, prompt: nope}\n")
            << "prompt 'nope' is not in the prompts folder";
        QTest::newRow("two active")
            << "workspace.yaml"
            << QByteArray("bots:\n  - name: X\n    configs:\n      - {provider: openai, model: gpt-4o, active: true}\n"
                          "      - {provider: openai, model: gpt-4o-mini, active: true}\n")
            << "workspace.yaml:5:";
        QTest::newRow("bad status") << "workspace.yaml" << QByteArray("bots:\n  - name: X\n    status: alive\n")
                                    << "workspace.yaml:3:";
        QTest::newRow("broken prompt") << "prompts/support_triage.yaml"
                                       << QByteArray("key: support_triage\nsystem: [\n") << "support_triage.yaml:";
        QTest::newRow("broken providers")
            << "providers.yaml" << QByteArray("providers:\n  openai:\n    kind: openaii\n") << "providers.yaml:3:";
    }
    void brokenFolderInstallsNothing()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("ws"));
        copyFolder(WorkspaceInstaller::sampleFolder(), folder);
        writeFile(QDir(folder).filePath(file), content);

        Database database;
        QVERIFY(database.open(dir.filePath(QStringLiteral("ws.db"))).ok());
        WorkspaceInstaller installer(database);
        const auto report = installer.install(folder);
        QVERIFY(!report.ok());
        QVERIFY2(report.error().toString().contains(expected), qPrintable(report.error().toString()));
        QVERIFY2(*installer.isEmpty(), "a failed install must leave the workspace empty");
    }

    void seedParseWarnsAboutUnknownKeys()
    {
        const auto seed = WorkspaceSeed::parse("bots:\n  - name: X\n    rnak: 3\n", QStringLiteral("w.yaml"));
        QVERIFY(seed.ok());
        QCOMPARE(seed->warnings.size(), 1);
        QCOMPARE(seed->warnings.first().line, 3);
        QVERIFY(seed->warnings.first().message.contains(QStringLiteral("rank")));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceInstaller)
#include "tst_workspaceinstaller.moc"
