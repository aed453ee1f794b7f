// Drives the real switchyard-cli executable: exit codes, JSON on stdout, specific errors on stderr, and that a
// failing command changes nothing.
#include "core/accounting/UsageRecorder.h"
#include "core/model/Money.h"
#include "core/store/Database.h"
#include "core/store/SessionRepository.h"
#include "tests/support/FakeProviderServer.h"
#include "tests/support/OpenAiFixtures.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Switchyard;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;

    QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
};

QByteArray sha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(content);
}

/// A report cell as CSV writes it: integers in decimal, strings as they are, null as nothing, maps as "k=v;k=v".
QString csvText(const QJsonValue &value)
{
    if (value.isNull())
        return {};
    if (value.isString())
        return value.toString();
    if (value.isObject()) {
        QStringList parts;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            parts << QStringLiteral("%1=%2").arg(it.key()).arg(it.value().toInteger());
        return parts.join(QLatin1Char(';'));
    }
    return QString::number(value.toInteger());
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    /// Runs the CLI to the end while this process's event loop keeps running, so a FakeProviderServer in the test
    /// can answer it. @p extraEnv adds environment variables (API keys for the fake server).
    Run cli(const QStringList &args, const QByteArray &input = {}, const QMap<QString, QString> &extraEnv = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("SWITCHYARD_DB"));
        env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
            env.insert(it.key(), it.value());
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(SWITCHYARD_CLI_PATH), args);
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        if (!finished.wait(60000)) {
            process.kill();
            process.waitForFinished(5000);
        }
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                   QString::fromUtf8(process.readAllStandardOutput()),
                   QString::fromUtf8(process.readAllStandardError())};
    }
    Run cliDb(QStringList args) { return cli(args << QStringLiteral("--db") << m_db); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = path(QStringLiteral("workspace.db"));
        const Run init = cliDb({QStringLiteral("init")});
        QCOMPARE(init.exitCode, 0);
        const QJsonObject report = init.json().object();
        QVERIFY2(report.value(QStringLiteral("bots")).toInt() >= 3, qPrintable(init.out + init.err));
        QVERIFY(report.value(QStringLiteral("prompts")).toInt() >= 8);
        QVERIFY(report.value(QStringLiteral("providers")).toInt() >= 9);
        QCOMPARE(report.value(QStringLiteral("database")).toString(), m_db);
    }

    void initTwiceIsRefused()
    {
        const QByteArray before = sha256(m_db);
        const Run again = cliDb({QStringLiteral("init")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("already holds")), qPrintable(again.err));
        QCOMPARE(sha256(m_db), before);
    }

    void botsList()
    {
        const Run run = cliDb({QStringLiteral("bots"), QStringLiteral("list")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray bots = run.json().array();
        QStringList slugs;
        for (const QJsonValue &bot : bots)
            slugs << bot[QStringLiteral("slug")].toString();
        QVERIFY2(slugs.contains(QStringLiteral("astro-guide")), qPrintable(slugs.join(QLatin1Char(','))));
        QVERIFY(slugs.contains(QStringLiteral("support-desk")));
        QVERIFY(slugs.contains(QStringLiteral("code-reviewer")));
    }

    void configsListAndActivate()
    {
        const Run list = cliDb({QStringLiteral("configs"), QStringLiteral("list"), QStringLiteral("--bot"),
                                QStringLiteral("astro-guide")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray configs = list.json().array();
        QVERIFY(configs.size() >= 2);
        qint64 activeId = 0;
        qint64 otherId = 0;
        int active = 0;
        for (const QJsonValue &config : configs) {
            if (config[QStringLiteral("active")].toBool()) {
                ++active;
                activeId = config[QStringLiteral("id")].toInteger();
            } else if (!otherId) {
                otherId = config[QStringLiteral("id")].toInteger();
            }
        }
        QCOMPARE(active, 1);
        QVERIFY(otherId > 0);

        const Run activate =
            cliDb({QStringLiteral("configs"), QStringLiteral("activate"), QStringLiteral("--bot"),
                   QStringLiteral("astro-guide"), QStringLiteral("--config"), QString::number(otherId)});
        QCOMPARE(activate.exitCode, 0);
        QCOMPARE(activate.json()[QStringLiteral("previous_config_id")].toInteger(), activeId);
        QCOMPARE(activate.json()[QStringLiteral("active")][QStringLiteral("id")].toInteger(), otherId);

        const Run after = cliDb({QStringLiteral("configs"), QStringLiteral("list"), QStringLiteral("--bot"),
                                 QStringLiteral("astro-guide")});
        for (const QJsonValue &config : after.json().array()) {
            QCOMPARE(config[QStringLiteral("active")].toBool(), config[QStringLiteral("id")].toInteger() == otherId);
        }

        // A config of another bot, or one that does not exist, is refused and nothing changes.
        const QByteArray before = sha256(m_db);
        const Run wrong = cliDb({QStringLiteral("configs"), QStringLiteral("activate"), QStringLiteral("--bot"),
                                 QStringLiteral("support-desk"), QStringLiteral("--config"), QString::number(otherId)});
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains(QStringLiteral("has no config")), qPrintable(wrong.err));
        const Run missingBot = cliDb(
            {QStringLiteral("configs"), QStringLiteral("list"), QStringLiteral("--bot"), QStringLiteral("nobody")});
        QCOMPARE(missingBot.exitCode, 1);
        QVERIFY(missingBot.err.contains(QStringLiteral("no bot with slug 'nobody'")));
        QCOMPARE(sha256(m_db), before);
    }

    void renderTemplateFromStdinWithData()
    {
        writeFile(path(QStringLiteral("data.json")),
                  R"({"name": "Priya", "items": [{"n": 1}, {"n": 2}], "html": "<b>"})");
        const Run run = cli({QStringLiteral("render"), QStringLiteral("--template"), QStringLiteral("-"),
                             QStringLiteral("--data"), path(QStringLiteral("data.json"))},
                            "Hi {{name}}:{{#items}} {{n}}{{/items}} {{html}} {{missing}}");
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("Hi Priya: 1 2 <b> {{missing}}"));

        const Run escaped =
            cli({QStringLiteral("render"), QStringLiteral("--template"), QStringLiteral("-"), QStringLiteral("--data"),
                 path(QStringLiteral("data.json")), QStringLiteral("--escape"), QStringLiteral("html"),
                 QStringLiteral("--missing"), QStringLiteral("empty")},
                "{{html}}|{{missing}}|");
        QCOMPARE(escaped.out, QStringLiteral("&lt;b&gt;||"));
    }

    void renderSystemVariablesWithFixedClock()
    {
        writeFile(path(QStringLiteral("clock.mustache")), "{{current_date}} {{current_time}} {{day_of_week}}");
        const Run run =
            cli({QStringLiteral("render"), QStringLiteral("--template"), path(QStringLiteral("clock.mustache")),
                 QStringLiteral("--now"), QStringLiteral("2026-01-15T23:45:00Z"), QStringLiteral("--tz"),
                 QStringLiteral("Asia/Kolkata")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("16 January 2026 05:15 AM Friday"));
    }

    void renderStrictReportsEveryMissingVariable()
    {
        writeFile(path(QStringLiteral("strict.mustache")), "Hello {{name}},\n  today {{day}} and {{name}}");
        const Run run =
            cli({QStringLiteral("render"), QStringLiteral("--template"), path(QStringLiteral("strict.mustache")),
                 QStringLiteral("--missing"), QStringLiteral("error")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("strict.mustache:1:7")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("name")));
        QVERIFY(run.err.contains(QStringLiteral("day")));
        QVERIFY(run.out.isEmpty());
    }

    void renderBrokenTemplateNamesLineAndColumn()
    {
        writeFile(path(QStringLiteral("broken.mustache")), "line one\n  {{#items}}\n{{/other}}\n");
        const Run run =
            cli({QStringLiteral("render"), QStringLiteral("--template"), path(QStringLiteral("broken.mustache"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("broken.mustache:3:1")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("items")));
    }

    void renderWithPartials()
    {
        writeFile(path(QStringLiteral("partials.json")), R"({"greeting": "Hello {{name}}"})");
        writeFile(path(QStringLiteral("data2.json")), R"({"name": "Ana"})");
        const Run run = cli({QStringLiteral("render"), QStringLiteral("--template"), QStringLiteral("-"),
                             QStringLiteral("--partials"), path(QStringLiteral("partials.json")),
                             QStringLiteral("--data"), path(QStringLiteral("data2.json"))},
                            "[{{>greeting}}]");
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("[Hello Ana]"));
    }

    void badJsonDataNamesLineAndColumn()
    {
        writeFile(path(QStringLiteral("bad.json")), "{\n  \"a\": 1,\n  oops\n}");
        const Run run = cli({QStringLiteral("render"), QStringLiteral("--template"), QStringLiteral("-"),
                             QStringLiteral("--data"), path(QStringLiteral("bad.json"))},
                            "x");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("bad.json:3:")), qPrintable(run.err));
    }

    void varsListsKindsAndPositions()
    {
        const Run run =
            cli({QStringLiteral("vars"), QStringLiteral("--template"), QStringLiteral("-")},
                "Hi {{name}}\n{{#items}}{{title}}{{/items}}{{^none}}{{/none}} {{current_date}} {{>footer}}");
        QCOMPARE(run.exitCode, 0);
        const QJsonArray vars = run.json().array();
        QCOMPARE(vars.size(), 6);
        QCOMPARE(vars[0][QStringLiteral("name")].toString(), QStringLiteral("name"));
        QCOMPARE(vars[0][QStringLiteral("line")].toInt(), 1);
        QCOMPARE(vars[0][QStringLiteral("column")].toInt(), 4);
        QCOMPARE(vars[0][QStringLiteral("kind")].toString(), QStringLiteral("variable"));
        QCOMPARE(vars[1][QStringLiteral("kind")].toString(), QStringLiteral("section"));
        QCOMPARE(vars[1][QStringLiteral("line")].toInt(), 2);
        QCOMPARE(vars[2][QStringLiteral("name")].toString(), QStringLiteral("title"));
        QCOMPARE(vars[3][QStringLiteral("kind")].toString(), QStringLiteral("inverted"));
        QCOMPARE(vars[4][QStringLiteral("kind")].toString(), QStringLiteral("system"));
        QCOMPARE(vars[5][QStringLiteral("kind")].toString(), QStringLiteral("partial"));
    }

    void promptRenderStructuredAstrologer()
    {
        const Run run =
            cliDb({QStringLiteral("prompt"), QStringLiteral("render"), QStringLiteral("astrologer_daily:production"),
                   QStringLiteral("--var"), QStringLiteral("user_name=Priya"), QStringLiteral("--var"),
                   QStringLiteral("sun_sign=Leo"), QStringLiteral("--var"), QStringLiteral("question=Raise?"),
                   QStringLiteral("--now"), QStringLiteral("2026-01-15T09:00:00Z"), QStringLiteral("--tz"),
                   QStringLiteral("UTC")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject result = run.json().object();
        const QString system = result.value(QStringLiteral("system")).toString();
        QCOMPARE(result.value(QStringLiteral("key")).toString(), QStringLiteral("astrologer_daily"));
        QCOMPARE(result.value(QStringLiteral("version")).toInt(), 1);
        QVERIFY2(system.contains(QStringLiteral("Priya")), qPrintable(system));
        QVERIFY(system.contains(QStringLiteral("15 January 2026")));
        QVERIFY(system.indexOf(QStringLiteral("Role")) < system.indexOf(QStringLiteral("Guidelines")));
        // Optional sections without data are dropped.
        QVERIFY(!system.contains(QStringLiteral("Past Memories")));
        QVERIFY(!system.contains(QStringLiteral("Second Profile")));
        QCOMPARE(result.value(QStringLiteral("user")).toString().trimmed(), QStringLiteral("Raise?"));

        const Run withMemories =
            cliDb({QStringLiteral("prompt"), QStringLiteral("render"), QStringLiteral("astrologer_daily"),
                   QStringLiteral("--var"),
                   QStringLiteral("past_memories:=[{\"date\": \"1 May\", \"summary\": \"asked about work\"}]")});
        QCOMPARE(withMemories.exitCode, 0);
        QVERIFY(withMemories.json()[QStringLiteral("system")].toString().contains(QStringLiteral("asked about work")));
    }

    void promptImportIsVersionedAndAtomic()
    {
        const QString dir = path(QStringLiteral("prompts-in"));
        QVERIFY(QDir().mkpath(dir));
        writeFile(dir + QStringLiteral("/greet.yaml"), "key: greet\nsystem: Hello {{name}}\n");
        Run run = cliDb({QStringLiteral("prompt"), QStringLiteral("import"), dir});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json()[QStringLiteral("created")].toArray().first().toString(), QStringLiteral("greet"));

        run = cliDb({QStringLiteral("prompt"), QStringLiteral("import"), dir});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json()[QStringLiteral("unchanged")].toArray().size(), 1);

        writeFile(dir + QStringLiteral("/greet.yaml"), "key: greet\nsystem: Hello there, {{name}}\n");
        run = cliDb({QStringLiteral("prompt"), QStringLiteral("import"), dir});
        QCOMPARE(run.json()[QStringLiteral("updated")].toArray().first().toString(), QStringLiteral("greet"));

        // One broken file stops the whole import: the good file's change is not stored either.
        writeFile(dir + QStringLiteral("/greet.yaml"), "key: greet\nsystem: Third text {{name}}\n");
        writeFile(dir + QStringLiteral("/zbroken.yaml"), "key: zbroken\nsystem: [unclosed\n");
        const QByteArray before = sha256(m_db);
        run = cliDb({QStringLiteral("prompt"), QStringLiteral("import"), dir});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("zbroken.yaml:")), qPrintable(run.err));
        QCOMPARE(sha256(m_db), before);

        run = cliDb({QStringLiteral("prompt"), QStringLiteral("history"), QStringLiteral("greet")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json()[QStringLiteral("versions")].toArray().size(), 2);
    }

    void promptExportImportRoundTripIsLossless()
    {
        const QString out = path(QStringLiteral("exported"));
        Run run = cliDb({QStringLiteral("prompt"), QStringLiteral("export"), out});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.json()[QStringLiteral("files")].toArray().size() >= 8);
        // The exported sample prompt is the shipped file byte for byte.
        QCOMPARE(sha256(out + QStringLiteral("/astrologer_daily.yaml")),
                 sha256(QStringLiteral(SWITCHYARD_SAMPLE_DIR "/prompts/astrologer_daily.yaml")));
        run = cliDb({QStringLiteral("prompt"), QStringLiteral("import"), out});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.json()[QStringLiteral("created")].toArray().isEmpty());
        QVERIFY(run.json()[QStringLiteral("updated")].toArray().isEmpty());
        QVERIFY(run.json()[QStringLiteral("unchanged")].toArray().size() >= 8);
    }

    void promptLabelMovesAreRecorded()
    {
        Run run = cliDb({QStringLiteral("prompt"), QStringLiteral("label"), QStringLiteral("greet"),
                         QStringLiteral("production"), QStringLiteral("1")});
        QCOMPARE(run.exitCode, 0);
        run =
            cliDb({QStringLiteral("prompt"), QStringLiteral("label"), QStringLiteral("greet"),
                   QStringLiteral("production"), QStringLiteral("2"), QStringLiteral("--by"), QStringLiteral("dana")});
        QCOMPARE(run.exitCode, 0);
        run = cliDb({QStringLiteral("prompt"), QStringLiteral("render"), QStringLiteral("greet:production"),
                     QStringLiteral("--var"), QStringLiteral("name=Ana")});
        QCOMPARE(run.json()[QStringLiteral("system")].toString().trimmed(), QStringLiteral("Hello there, Ana"));
        run = cliDb({QStringLiteral("prompt"), QStringLiteral("history"), QStringLiteral("greet")});
        const QJsonArray moves = run.json()[QStringLiteral("label_history")].toArray();
        QCOMPARE(moves.size(), 2);
        const QJsonObject last = moves.last().toObject();
        QCOMPARE(last.value(QStringLiteral("from_version")).toInt(), 1);
        QCOMPARE(last.value(QStringLiteral("to_version")).toInt(), 2);
        QCOMPARE(last.value(QStringLiteral("moved_by")).toString(), QStringLiteral("dana"));

        run = cliDb({QStringLiteral("prompt"), QStringLiteral("label"), QStringLiteral("greet"),
                     QStringLiteral("production"), QStringLiteral("9")});
        QCOMPARE(run.exitCode, 1);
    }

    void providersRoundTrip()
    {
        const QString exported = path(QStringLiteral("providers-out.yaml"));
        Run run = cliDb({QStringLiteral("providers"), QStringLiteral("export"), exported});
        QCOMPARE(run.exitCode, 0);
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray yaml = file.readAll();
        QVERIFY(yaml.contains("${OPENAI_API_KEY}"));  // references stay references
        QVERIFY(yaml.contains("ap-south-1"));

        // Importing the export into a fresh workspace and exporting again gives the same file.
        const QString otherDb = path(QStringLiteral("other.db"));
        run = cli({QStringLiteral("providers"), QStringLiteral("import"), exported, QStringLiteral("--db"), otherDb});
        QCOMPARE(run.exitCode, 0);
        const QString again = path(QStringLiteral("providers-again.yaml"));
        run = cli({QStringLiteral("providers"), QStringLiteral("export"), again, QStringLiteral("--db"), otherDb});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(sha256(again), sha256(exported));
    }

    void providersImportRejectsLiteralSecretWithoutEchoingIt()
    {
        const QString file = path(QStringLiteral("secret.yaml"));
        writeFile(
            file,
            "providers:\n  openai:\n    kind: openai\n    api_key: sk-live-SECRET1234567890\n    models:\n"
            "      gpt-4o: {context_window: 128000, max_output: 16384, pricing: {input: 0.0025, output: 0.01}}\n");
        const QByteArray before = sha256(m_db);
        const Run run = cliDb({QStringLiteral("providers"), QStringLiteral("import"), file});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("secret.yaml:4:")), qPrintable(run.err));
        QVERIFY(!run.err.contains(QStringLiteral("SECRET1234567890")));
        QVERIFY(!run.out.contains(QStringLiteral("SECRET1234567890")));
        QCOMPARE(sha256(m_db), before);
    }

    void unknownFlagIsASpecificUserError()
    {
        const QByteArray before = sha256(m_db);
        const Run run = cliDb({QStringLiteral("bots"), QStringLiteral("list"), QStringLiteral("--colour")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("colour")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("--help")));
        QCOMPARE(sha256(m_db), before);

        const Run unknown = cli({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains(QStringLiteral("unknown command 'frobnicate'")));
    }

    void corruptDatabaseIsRefusedAndUntouched()
    {
        const QString corrupt = path(QStringLiteral("corrupt.db"));
        writeFile(corrupt, QByteArray("this is not a database\n").repeated(100));
        const QByteArray before = sha256(corrupt);
        const Run run = cli({QStringLiteral("bots"), QStringLiteral("list"), QStringLiteral("--db"), corrupt});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QStringLiteral("corrupt.db")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("not an SQLite database")) ||
                run.err.contains(QStringLiteral("not a Switchyard")));
        QCOMPARE(sha256(corrupt), before);
    }

    void brokenPromptFileInRenderGivesPosition()
    {
        // A stored prompt can't be broken (import validates), so check the parser path through import instead.
        const QString dir = path(QStringLiteral("broken-prompts"));
        QVERIFY(QDir().mkpath(dir));
        writeFile(dir + QStringLiteral("/bad.yaml"), "key: bad\ntemperature: hot\nsystem: x\n");
        const Run run = cliDb({QStringLiteral("prompt"), QStringLiteral("import"), dir});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("bad.yaml:2:")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("temperature")));
    }

    void chatWithABotGoesThroughTheSimulatorAndIsRecorded()
    {
        // An earlier test switched astro-guide away from its simulator config: switch it back.
        const Run list = cliDb({QStringLiteral("configs"), QStringLiteral("list"), QStringLiteral("--bot"),
                                QStringLiteral("astro-guide")});
        qint64 simulatorConfig = 0;
        for (const QJsonValue &config : list.json().array()) {
            if (config[QStringLiteral("provider")].toString() == QStringLiteral("simulator"))
                simulatorConfig = config[QStringLiteral("id")].toInteger();
        }
        QVERIFY(simulatorConfig > 0);
        QCOMPARE(cliDb({QStringLiteral("configs"), QStringLiteral("activate"), QStringLiteral("--bot"),
                        QStringLiteral("astro-guide"), QStringLiteral("--config"), QString::number(simulatorConfig)})
                     .exitCode,
                 0);

        const Run run = cliDb({QStringLiteral("chat"), QStringLiteral("--bot"), QStringLiteral("astro-guide"),
                               QStringLiteral("--var"), QStringLiteral("user_name=Priya"), QStringLiteral("--stream"),
                               QStringLiteral("Is this a good week to ask for a raise?")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        const QJsonObject result = run.json().object();
        const QJsonObject served = result.value(QStringLiteral("served_by")).toObject();
        QCOMPARE(served.value(QStringLiteral("provider")).toString(), QStringLiteral("simulator"));
        QVERIFY(result.value(QStringLiteral("text")).toString().contains(QStringLiteral("raise")));
        QVERIFY(run.err.contains(result.value(QStringLiteral("text")).toString()));  // streamed to stderr
        QVERIFY(result.value(QStringLiteral("usage"))[QStringLiteral("output")].toInt() > 0);
        QVERIFY(result.value(QStringLiteral("cost_usd")).toDouble() > 0);
        QVERIFY(result.value(QStringLiteral("ttft_ms")).toInt() >= 0);

        // One calls row with one attempts row per attempt.
        const QString callId = result.value(QStringLiteral("call_id")).toString();
        Database database;
        QVERIFY(database.open(m_db).ok());
        QSqlQuery query(database.connection());
        QVERIFY(query.exec(
            QStringLiteral("SELECT COUNT(*) FROM attempts a JOIN calls c ON c.id = a.call_id WHERE c.uuid = '%1'")
                .arg(callId)));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), int(result.value(QStringLiteral("attempts")).toArray().size()));
    }

    void adHocChatAgainstAnOpenAiCompatibleServerFallsBack()
    {
        Switchyard::Testing::FakeProviderServer server;
        QVERIFY(server.start());
        using Switchyard::Testing::OpenAiFixtures;
        // The primary model is overloaded twice (503 with Retry-After 0), then the fallback model answers.
        for (int i = 0; i < 3; ++i) {
            server.enqueue(QStringLiteral("/v1/chat/completions"),
                           Switchyard::Testing::FakeResponse::json(
                               503,
                               OpenAiFixtures::errorBody(QStringLiteral("overloaded"), QStringLiteral("server_error")),
                               {{QByteArrayLiteral("retry-after"), QByteArrayLiteral("0")}}));
        }
        server.enqueue(
            QStringLiteral("/v1/chat/completions"),
            Switchyard::Testing::FakeResponse::json(
                200, OpenAiFixtures::completion(QStringLiteral("Bonjour!"), {12, 3, 0, 0}, QStringLiteral("small"))));

        const Run run = cli(
            {QStringLiteral("chat"), QStringLiteral("--provider"), QStringLiteral("openai_compatible"),
             QStringLiteral("--model"), QStringLiteral("big"), QStringLiteral("--base-url"), server.baseUrl(),
             QStringLiteral("--api-key-env"), QStringLiteral("SWITCHYARD_TEST_API_KEY"), QStringLiteral("--fallback"),
             QStringLiteral("openai_compatible:small@") + server.baseUrl(), QStringLiteral("--system"),
             QStringLiteral("Answer in French."), QStringLiteral("--db"), m_db, QStringLiteral("Hello")},
            {}, {{QStringLiteral("SWITCHYARD_TEST_API_KEY"), QStringLiteral("sk-test-never-printed-123")}});
        const QByteArray out = run.out.toUtf8();
        const QByteArray err = run.err.toUtf8();
        QVERIFY2(run.exitCode == 0, err.constData());
        const QJsonObject result = QJsonDocument::fromJson(out).object();
        QCOMPARE(result.value(QStringLiteral("text")).toString(), QStringLiteral("Bonjour!"));
        QCOMPARE(result.value(QStringLiteral("served_by"))[QStringLiteral("model")].toString(),
                 QStringLiteral("small"));
        const QJsonArray attempts = result.value(QStringLiteral("attempts")).toArray();
        QCOMPARE(attempts.size(), 4);
        QCOMPARE(attempts.first()[QStringLiteral("http_status")].toInt(), 503);
        QCOMPARE(attempts.first()[QStringLiteral("error_class")].toString(), QStringLiteral("transient"));
        QCOMPARE(result.value(QStringLiteral("usage"))[QStringLiteral("input")].toInt(), 12);
        QCOMPARE(result.value(QStringLiteral("usage"))[QStringLiteral("output")].toInt(), 3);

        // Every hop got the same system instruction and the key as a bearer token; the key is never printed.
        QCOMPARE(server.requestCount(), 4);
        for (const auto &request : server.requests()) {
            QCOMPARE(request.header("authorization"), QByteArrayLiteral("Bearer sk-test-never-printed-123"));
            const QJsonArray messages = request.json().value(QStringLiteral("messages")).toArray();
            QCOMPARE(messages.first()[QStringLiteral("content")].toString(), QStringLiteral("Answer in French."));
        }
        QVERIFY(!out.contains("sk-test-never-printed-123"));
        QVERIFY(!err.contains("sk-test-never-printed-123"));

        // The call is recorded with the prompt it sent, and nothing of the request besides it: the key is nowhere in
        // the workspace file (or its write-ahead log).
        QByteArray stored;
        for (const QString &file : {m_db, m_db + QStringLiteral("-wal")}) {
            QFile bytes(file);
            if (bytes.open(QIODevice::ReadOnly))
                stored += bytes.readAll();
        }
        QVERIFY(stored.contains("Answer in French."));
        QVERIFY(!stored.contains("sk-test-never-printed-123"));
    }

    void providersTestAndModelsAgainstALocalServer()
    {
        Switchyard::Testing::FakeProviderServer server;
        QVERIFY(server.start());
        using Switchyard::Testing::FakeResponse;
        using Switchyard::Testing::OpenAiFixtures;
        const QString db = path(QStringLiteral("providers-test.db"));
        const QString yaml = path(QStringLiteral("local-providers.yaml"));
        writeFile(yaml, QStringLiteral("providers:\n"
                                       "  local:\n"
                                       "    kind: openai_compatible\n"
                                       "    base_url: %1\n"
                                       "    api_key: ${SWITCHYARD_LOCAL_KEY}\n"
                                       "    models:\n"
                                       "      qwen2.5-7b: {}\n")
                            .arg(server.baseUrl())
                            .toUtf8());
        QCOMPARE(
            cli({QStringLiteral("providers"), QStringLiteral("import"), yaml, QStringLiteral("--db"), db}).exitCode, 0);
        const QMap<QString, QString> key{
            {QStringLiteral("SWITCHYARD_LOCAL_KEY"), QStringLiteral("sk-local-SECRET-42")}};

        server.enqueue(QStringLiteral("/v1/models"),
                       FakeResponse::json(200, OpenAiFixtures::modelList(
                                                   {QStringLiteral("qwen2.5-7b"), QStringLiteral("llama-3.1-8b")})));
        Run run = cli({QStringLiteral("providers"), QStringLiteral("test"), QStringLiteral("local"),
                       QStringLiteral("--model"), QStringLiteral("qwen2.5-7b"), QStringLiteral("--db"), db},
                      {}, key);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QJsonObject report = run.json().object();
        QCOMPARE(report.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(report.value(QStringLiteral("method")).toString(), QStringLiteral("model_list"));
        QCOMPARE(report.value(QStringLiteral("models")).toInt(), 2);
        QCOMPARE(report.value(QStringLiteral("model_listed")).toBool(), true);
        QCOMPARE(server.lastRequest().header("authorization"), QByteArrayLiteral("Bearer sk-local-SECRET-42"));

        server.enqueue(QStringLiteral("/v1/models"),
                       FakeResponse::json(200, OpenAiFixtures::modelList(
                                                   {QStringLiteral("qwen2.5-7b"), QStringLiteral("llama-3.1-8b")})));
        run = cli({QStringLiteral("providers"), QStringLiteral("models"), QStringLiteral("local"),
                   QStringLiteral("--db"), db},
                  {}, key);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().object().value(QStringLiteral("models")).toArray(),
                 (QJsonArray{QStringLiteral("qwen2.5-7b"), QStringLiteral("llama-3.1-8b")}));

        // A rejected key: exit 1, the failure class, the key's reference — never its value.
        server.enqueue(QStringLiteral("/v1/models"),
                       FakeResponse::json(401, OpenAiFixtures::errorBody(
                                                   QStringLiteral("Incorrect API key provided: sk-local-SECRET-42"),
                                                   QStringLiteral("invalid_request_error"))));
        run = cli(
            {QStringLiteral("providers"), QStringLiteral("test"), QStringLiteral("local"), QStringLiteral("--db"), db},
            {}, key);
        QCOMPARE(run.exitCode, 1);
        report = run.json().object();
        QCOMPARE(report.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(report.value(QStringLiteral("http_status")).toInt(), 401);
        QCOMPARE(report[QStringLiteral("error")][QStringLiteral("class")].toString(), QStringLiteral("authentication"));
        QVERIFY(report[QStringLiteral("error")][QStringLiteral("message")].toString().contains(
            QLatin1String("SWITCHYARD_LOCAL_KEY")));
        QVERIFY(!run.out.contains(QLatin1String("SECRET-42")));
        QVERIFY(!run.err.contains(QLatin1String("SECRET-42")));

        // Without the key in the environment nothing is sent, and the error says which variable to set.
        const int before = server.requestCount();
        run = cli(
            {QStringLiteral("providers"), QStringLiteral("test"), QStringLiteral("local"), QStringLiteral("--db"), db});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("SWITCHYARD_LOCAL_KEY")), qPrintable(run.err));
        QCOMPARE(server.requestCount(), before);
    }

    void providersTestUsesAChatForTheSimulator()
    {
        const Run run = cliDb({QStringLiteral("providers"), QStringLiteral("test"), QStringLiteral("simulator")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject report = run.json().object();
        QCOMPARE(report.value(QStringLiteral("method")).toString(), QStringLiteral("chat"));
        QCOMPARE(report.value(QStringLiteral("ok")).toBool(), true);
        QVERIFY(!report.value(QStringLiteral("model")).toString().isEmpty());
        const Run models = cliDb({QStringLiteral("providers"), QStringLiteral("models"), QStringLiteral("simulator")});
        QCOMPARE(models.exitCode, 1);
        QVERIFY(models.err.contains(QLatin1String("no model list")));
    }

    void chatSessionsAreBilledAndBudgetsRefuseBeforeTheCall()
    {
        const QString db = path(QStringLiteral("billing.db"));
        const auto run = [&](QStringList args) {
            return cli(args << QStringLiteral("--db") << db);
        };
        QCOMPARE(run({QStringLiteral("init")}).exitCode, 0);
        Run result =
            run({QStringLiteral("wallet"), QStringLiteral("topup"), QStringLiteral("alice"), QStringLiteral("0.05")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.json().object().value(QStringLiteral("balance_usd")).toDouble(), 0.05);

        // A new session locks the sample config's price ($0.02 per message) and charges each answer.
        result = run({QStringLiteral("chat"), QStringLiteral("--bot"), QStringLiteral("astro-guide"),
                      QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("First question?")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QJsonObject session = result.json().object().value(QStringLiteral("session")).toObject();
        QCOMPARE(session.value(QStringLiteral("price_per_message_usd")).toDouble(), 0.02);
        QCOMPARE(session.value(QStringLiteral("charged_usd")).toDouble(), 0.02);
        QCOMPARE(session.value(QStringLiteral("balance_usd")).toDouble(), 0.03);
        const QString uuid = session.value(QStringLiteral("uuid")).toString();
        QVERIFY(!uuid.isEmpty());

        result = run({QStringLiteral("chat"), QStringLiteral("--bot"), QStringLiteral("astro-guide"),
                      QStringLiteral("--session"), uuid, QStringLiteral("Second question?")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(result.json()[QStringLiteral("session")][QStringLiteral("balance_usd")].toDouble(), 0.01);

        // $0.01 left: refused before any provider is called, and nothing is recorded.
        result = run({QStringLiteral("chat"), QStringLiteral("--bot"), QStringLiteral("astro-guide"),
                      QStringLiteral("--session"), uuid, QStringLiteral("Third question?")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QLatin1String("wallet of 'alice' holds $0.01; this message costs $0.02")),
                 qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
        result = run({QStringLiteral("wallet"), QStringLiteral("show"), QStringLiteral("alice")});
        QCOMPARE(result.exitCode, 0);
        const QJsonArray transactions = result.json().object().value(QStringLiteral("transactions")).toArray();
        QCOMPARE(transactions.size(), 3);  // the top-up and two charges
        QCOMPARE(transactions.at(1)[QStringLiteral("amount_usd")].toDouble(), -0.02);
        {
            Database database;
            QVERIFY(database.open(db).ok());
            QSqlQuery query(database.connection());
            QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*), COUNT(session_id) FROM calls")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), 2);
            QCOMPARE(query.value(1).toInt(), 2);
            QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM messages")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), 4);
        }

        // A daily token budget already used up refuses the next call with the numbers.
        result = run({QStringLiteral("budgets"), QStringLiteral("set"), QStringLiteral("--bot"),
                      QStringLiteral("astro-guide"), QStringLiteral("--max-tokens"), QStringLiteral("100")});
        QCOMPARE(result.exitCode, 0);
        result = run({QStringLiteral("chat"), QStringLiteral("--bot"), QStringLiteral("astro-guide"),
                      QStringLiteral("Over budget?")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QLatin1String("of its 100 daily tokens")), qPrintable(result.err));
        QCOMPARE(run({QStringLiteral("budgets"), QStringLiteral("remove"), QStringLiteral("--bot"),
                      QStringLiteral("astro-guide")})
                     .exitCode,
                 0);
        result = run({QStringLiteral("chat"), QStringLiteral("--bot"), QStringLiteral("astro-guide"),
                      QStringLiteral("Within budget again?")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    }

    void pricesImportFromLiteLlm()
    {
        const Run run =
            cliDb({QStringLiteral("prices"), QStringLiteral("import"),
                   QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/accounting/model_prices_and_context_window.json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject report = run.json().object();
        QVERIFY(report.value(QStringLiteral("matched")).toInt() > 0);
        bool sampleSpecSkipped = false;
        for (const QJsonValue &entry : report.value(QStringLiteral("skipped")).toArray())
            sampleSpecSkipped |= entry[QStringLiteral("entry")].toString() == QStringLiteral("sample_spec");
        QVERIFY(sampleSpecSkipped);

        const Run bad = cliDb({QStringLiteral("prices"), QStringLiteral("import"),
                               QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/accounting/malformed.json")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("malformed.json:")), qPrintable(bad.err));
    }

    void forcedOpenBreakerIsSkippedByTheNextCallUntilReset()
    {
        // Runs after chatWithABot...: astro-guide's active config is the simulator's sim-smart, chain "offline".
        Run run = cliDb({QStringLiteral("breakers"), QStringLiteral("--open"), QStringLiteral("simulator/sim-smart"),
                         QStringLiteral("--reason"), QStringLiteral("maintenance")});
        QCOMPARE(run.exitCode, 0);
        bool listed = false;
        for (const QJsonValue &breaker : run.json().array()) {
            if (breaker[QStringLiteral("id")].toString() == QStringLiteral("simulator/sim-smart")) {
                listed = true;
                QCOMPARE(breaker[QStringLiteral("state")].toString(), QStringLiteral("forced_open"));
                QCOMPARE(breaker[QStringLiteral("reason")].toString(), QStringLiteral("maintenance"));
            }
        }
        QVERIFY(listed);

        run = cliDb(
            {QStringLiteral("chat"), QStringLiteral("--bot"), QStringLiteral("astro-guide"), QStringLiteral("Hi")});
        QCOMPARE(run.exitCode, 0);
        QJsonArray attempts = run.json()[QStringLiteral("attempts")].toArray();
        QCOMPARE(attempts.first()[QStringLiteral("outcome")].toString(), QStringLiteral("skipped"));
        QCOMPARE(attempts.first()[QStringLiteral("error_class")].toString(), QStringLiteral("circuit_open"));
        QCOMPARE(run.json()[QStringLiteral("served_by")][QStringLiteral("model")].toString(),
                 QStringLiteral("sim-fast"));

        QCOMPARE(cliDb({QStringLiteral("breakers"), QStringLiteral("--reset"), QStringLiteral("simulator/sim-smart")})
                     .exitCode,
                 0);
        run = cliDb(
            {QStringLiteral("chat"), QStringLiteral("--bot"), QStringLiteral("astro-guide"), QStringLiteral("Hi")});
        QCOMPARE(run.json()[QStringLiteral("served_by")][QStringLiteral("model")].toString(),
                 QStringLiteral("sim-smart"));

        const Run bad = cliDb({QStringLiteral("breakers"), QStringLiteral("--open"), QStringLiteral("nonsense")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains(QStringLiteral("PROVIDER/MODEL")));
    }

    void chatInjectFailsAHopAndTheCallFallsBack()
    {
        Switchyard::Testing::FakeProviderServer server;
        QVERIFY(server.start());
        using Switchyard::Testing::OpenAiFixtures;
        // Only the fallback reaches the server: the injected 429s on hop 0 never leave the process.
        server.enqueue(
            QStringLiteral("/v1/chat/completions"),
            Switchyard::Testing::FakeResponse::json(
                200, OpenAiFixtures::completion(QStringLiteral("Still here."), {5, 3, 0, 0}, QStringLiteral("small"))));
        const Run run =
            cliDb({QStringLiteral("chat"), QStringLiteral("--provider"), QStringLiteral("openai_compatible"),
                   QStringLiteral("--model"), QStringLiteral("big"), QStringLiteral("--base-url"), server.baseUrl(),
                   QStringLiteral("--fallback"), QStringLiteral("openai_compatible:small@") + server.baseUrl(),
                   QStringLiteral("--inject"), QStringLiteral("0:rate_limited:10"), QStringLiteral("Hello")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        const QJsonObject result = run.json().object();
        QCOMPARE(result.value(QStringLiteral("text")).toString(), QStringLiteral("Still here."));
        QCOMPARE(result.value(QStringLiteral("served_by"))[QStringLiteral("model")].toString(),
                 QStringLiteral("small"));
        const QJsonArray attempts = result.value(QStringLiteral("attempts")).toArray();
        QCOMPARE(attempts.size(), 4);  // three tries on hop 0 (the default policy), then the fallback
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(attempts.at(i)[QStringLiteral("http_status")].toInt(), 429);
            QCOMPARE(attempts.at(i)[QStringLiteral("error_class")].toString(), QStringLiteral("rate_limited"));
            QVERIFY(attempts.at(i)[QStringLiteral("error")].toString().startsWith(QStringLiteral("Injected: ")));
        }
        QCOMPARE(server.requestCount(), 1);

        const Run bad = cliDb({QStringLiteral("chat"), QStringLiteral("--provider"), QStringLiteral("simulator"),
                               QStringLiteral("--model"), QStringLiteral("sim-fast"), QStringLiteral("--inject"),
                               QStringLiteral("0:meteor"), QStringLiteral("Hello")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("stream_cut")), qPrintable(bad.err));  // names the valid kinds
    }

    void sessionsAreListedSearchedAndExported()
    {
        const QString db = path(QStringLiteral("sessions.db"));
        const auto run = [&](QStringList args) {
            return cli(args << QStringLiteral("--db") << db);
        };
        QCOMPARE(run({QStringLiteral("init")}).exitCode, 0);
        QCOMPARE(run({QStringLiteral("wallet"), QStringLiteral("topup"), QStringLiteral("dana"), QStringLiteral("1")})
                     .exitCode,
                 0);
        Run result = run({QStringLiteral("chat"), QStringLiteral("--bot"), QStringLiteral("astro-guide"),
                          QStringLiteral("--user"), QStringLiteral("dana"), QStringLiteral("Where is Saturn 100%?")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QString uuid = result.json()[QStringLiteral("session")][QStringLiteral("uuid")].toString();
        QVERIFY(!uuid.isEmpty());

        result = run({QStringLiteral("sessions"), QStringLiteral("list"), QStringLiteral("--search"),
                      QStringLiteral("saturn 100%")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QJsonArray list = result.json().array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first()[QStringLiteral("uuid")].toString(), uuid);
        const qint64 id = list.first()[QStringLiteral("id")].toInteger();
        result = run({QStringLiteral("sessions"), QStringLiteral("list"), QStringLiteral("--search"),
                      QStringLiteral("Neptune")});
        QCOMPARE(result.json().array().size(), 0);
        result = run(
            {QStringLiteral("sessions"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("table")});
        QVERIFY(result.out.contains(QStringLiteral("dana")));
        QVERIFY(result.out.startsWith(QStringLiteral("ID")));

        result = run({QStringLiteral("sessions"), QStringLiteral("export"), uuid, QStringLiteral("--format"),
                      QStringLiteral("json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QJsonObject exported = result.json().object();
        QCOMPARE(exported.value(QStringLiteral("schema")).toString(), QStringLiteral("switchyard.session/1"));
        const QJsonArray messages = exported.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0)[QStringLiteral("content")].toString(), QStringLiteral("Where is Saturn 100%?"));
        const QJsonObject call = messages.at(1)[QStringLiteral("call")].toObject();
        QCOMPARE(call.value(QStringLiteral("provider")).toString(), QStringLiteral("simulator"));
        QVERIFY(!call.value(QStringLiteral("attempts")).toArray().isEmpty());

        const QString file = path(QStringLiteral("session.md"));
        result = run({QStringLiteral("sessions"), QStringLiteral("export"), QString::number(id),
                      QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("--output"), file});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QFile markdown(file);
        QVERIFY(markdown.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(markdown.readAll());
        QVERIFY(text.contains(QStringLiteral("## 1. User\n\nWhere is Saturn 100%?")));
        QVERIFY(text.contains(QStringLiteral("- Served by: simulator/")));

        result = run({QStringLiteral("sessions"), QStringLiteral("export"), QStringLiteral("999999")});
        QCOMPARE(result.exitCode, 1);
    }

    void sessionsListShowsAComparisonOnce()
    {
        const QString db = path(QStringLiteral("comparison.db"));
        const auto run = [&](QStringList args) {
            return cli(args << QStringLiteral("--db") << db);
        };
        QCOMPARE(run({QStringLiteral("init")}).exitCode, 0);
        // A comparison of three configs (one session per column; only the last one's answer mentions Jupiter), then
        // a single conversation, the most recently active.
        QList<qint64> columnIds;
        qint64 singleId = 0;
        const QString group = QStringLiteral("6f1c2a8e-0000-4000-8000-00000000c0de");
        {
            Database database;
            QVERIFY(database.open(db).ok());
            SessionRepository sessions(database);
            for (int column = 0; column < 3; ++column) {
                ChatSession session;
                session.title = QStringLiteral("Which planet?");
                session.userRef = QStringLiteral("erin");
                session.compareGroup = group;
                session.compareColumn = column;
                auto created = sessions.create(session);
                QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().toString()));
                columnIds << created->id;
                QVERIFY(sessions.appendMessage(created->id, QStringLiteral("user"), QStringLiteral("Which planet?")));
                QVERIFY(sessions.appendMessage(created->id, QStringLiteral("assistant"),
                                               column == 2 ? QStringLiteral("Jupiter.") : QStringLiteral("Mars.")));
            }
            ChatSession single;
            single.title = QStringLiteral("Alone");
            single.userRef = QStringLiteral("erin");
            auto created = sessions.create(single);
            QVERIFY(created.ok());
            singleId = created->id;
        }

        Run result = run({QStringLiteral("sessions"), QStringLiteral("list")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QJsonArray list = result.json().array();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0)[QStringLiteral("id")].toInteger(), singleId);
        QCOMPARE(list.at(0)[QStringLiteral("kind")].toString(), QStringLiteral("single"));
        QVERIFY(list.at(0)[QStringLiteral("compare_group")].isNull());
        // Listed as its first column, which reopens all of them.
        QCOMPARE(list.at(1)[QStringLiteral("id")].toInteger(), columnIds.first());
        QCOMPARE(list.at(1)[QStringLiteral("kind")].toString(), QStringLiteral("comparison"));
        QCOMPARE(list.at(1)[QStringLiteral("compare_group")].toString(), group);
        QCOMPARE(list.at(1)[QStringLiteral("columns")].toInt(), 3);
        QVERIFY(!list.at(1).toObject().contains(QStringLiteral("column_sessions")));

        // --limit counts entries, not the sessions behind them.
        result =
            run({QStringLiteral("sessions"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("2")});
        QCOMPARE(result.json().array().size(), 2);

        // A match in any column finds the comparison, once; --columns shows its sessions by column.
        result = run({QStringLiteral("sessions"), QStringLiteral("list"), QStringLiteral("--search"),
                      QStringLiteral("jupiter"), QStringLiteral("--columns")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        list = result.json().array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0)[QStringLiteral("id")].toInteger(), columnIds.first());
        const QJsonArray columns = list.at(0)[QStringLiteral("column_sessions")].toArray();
        QCOMPARE(columns.size(), 3);
        for (int column = 0; column < 3; ++column) {
            QCOMPARE(columns.at(column)[QStringLiteral("column")].toInt(), column);
            QCOMPARE(columns.at(column)[QStringLiteral("id")].toInteger(), columnIds.at(column));
        }
        result = run(
            {QStringLiteral("sessions"), QStringLiteral("list"), QStringLiteral("--search"), QStringLiteral("mars")});
        QCOMPARE(result.json().array().size(), 1);

        result = run(
            {QStringLiteral("sessions"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("table")});
        QCOMPARE(result.out.count(QStringLiteral("comparison of 3 configs")), 1);
        QCOMPARE(result.out.count(QStringLiteral("Which planet?")), 1);
        QVERIFY(!result.out.contains(QStringLiteral("column 1:")));
        result = run({QStringLiteral("sessions"), QStringLiteral("list"), QStringLiteral("--format"),
                      QStringLiteral("table"), QStringLiteral("--columns")});
        for (int column = 0; column < 3; ++column) {
            QVERIFY2(
                result.out.contains(QStringLiteral("column %1: session %2").arg(column + 1).arg(columnIds.at(column))),
                qPrintable(result.out));
        }
    }

    void chatNeedsABotOrAProvider()
    {
        const Run run = cliDb({QStringLiteral("chat"), QStringLiteral("hi")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("--bot SLUG or --provider")));
    }

    void reportsAgreeAcrossFormatsAndDemoDataIsRemovable()
    {
        const QString db = path(QStringLiteral("reports.db"));
        const auto run = [&](QStringList args) {
            return cli(args << QStringLiteral("--db") << db);
        };
        QCOMPARE(run({QStringLiteral("init")}).exitCode, 0);
        const Run demo =
            run({QStringLiteral("demo-data"), QStringLiteral("--calls"), QStringLiteral("3000"),
                 QStringLiteral("--days"), QStringLiteral("10"), QStringLiteral("--seed"), QStringLiteral("5")});
        QCOMPARE(demo.exitCode, 0);
        QCOMPARE(demo.json()[QStringLiteral("written_calls")].toInteger(), 3000);

        // One live call, recorded the way the engine does, that --remove must keep.
        {
            Database database;
            QVERIFY(database.open(db).ok());
            CallRecord call;
            call.requestedProvider = call.servedProvider = QStringLiteral("openai");
            call.requestedModel = call.servedModel = QStringLiteral("gpt-live");
            call.costUsd = 0.001234;
            call.latencyMs = 500;
            UsageRecorder recorder(database);
            recorder.record(call);
            QVERIFY(recorder.flush().ok());
        }

        // The exact total, computed here from the raw rows: every call's cost rounded to the micro-dollar.
        qint64 expectedMicros = 0;
        {
            Database database;
            QVERIFY(database.open(db).ok());
            QSqlQuery costs(database.connection());
            QVERIFY(costs.exec(QStringLiteral("SELECT cost_usd FROM calls")));
            while (costs.next())
                expectedMicros += MicroUsd::fromUsd(costs.value(0).toDouble());
        }

        for (const QString &report : {QStringLiteral("costs"), QStringLiteral("latency"), QStringLiteral("quality"),
                                      QStringLiteral("fallbacks")}) {
            for (const QString &by : {QStringLiteral("model"), QStringLiteral("week")}) {
                const QStringList args{QStringLiteral("report"), report, QStringLiteral("--by"), by};
                const Run json = run(QStringList(args) << QStringLiteral("--format") << QStringLiteral("json"));
                const Run csv = run(QStringList(args) << QStringLiteral("--format") << QStringLiteral("csv"));
                QCOMPARE(json.exitCode, 0);
                QCOMPARE(csv.exitCode, 0);
                const QJsonArray rows = json.json().array();
                QVERIFY2(!rows.isEmpty(), qPrintable(json.out + json.err));
                QStringList lines = csv.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
                QCOMPARE(lines.size(), rows.size() + 1);
                const QStringList columns = lines.takeFirst().split(QLatin1Char(','));
                QCOMPARE(columns.first(), by);
                for (int r = 0; r < rows.size(); ++r) {
                    const QStringList fields = lines.at(r).split(QLatin1Char(','));
                    QCOMPARE(fields.size(), columns.size());
                    for (int c = 0; c < columns.size(); ++c)
                        QCOMPARE(fields.at(c), csvText(rows.at(r)[columns.at(c)]));
                }
                if (report == QLatin1String("costs")) {
                    qint64 calls = 0, micros = 0;
                    for (const QJsonValue &row : rows) {
                        calls += row[QStringLiteral("calls")].toInteger();
                        micros += row[QStringLiteral("cost_micro_usd")].toInteger();
                        QCOMPARE(row[QStringLiteral("cost_usd")].toString(),
                                 MicroUsd::decimal(row[QStringLiteral("cost_micro_usd")].toInteger()));
                    }
                    QCOMPARE(calls, 3001);
                    QCOMPARE(micros, expectedMicros);
                }
            }
        }

        // A table for people, and a filter down to one model.
        const Run table = run({QStringLiteral("report"), QStringLiteral("costs"), QStringLiteral("--model"),
                               QStringLiteral("gpt-live"), QStringLiteral("--format"), QStringLiteral("table")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.startsWith(QStringLiteral("provider")), qPrintable(table.out));
        QVERIFY(table.out.contains(QStringLiteral("0.001234")));
        QCOMPARE(table.out.count(QLatin1Char('\n')), 2);

        // Clear errors: what is wrong and what is allowed.
        const auto error = [&](const QStringList &args, const QString &expected) {
            const Run bad = run(args);
            QCOMPARE(bad.exitCode, 1);
            QVERIFY2(bad.err.contains(expected), qPrintable(bad.err));
            QVERIFY(bad.out.isEmpty());
        };
        error({QStringLiteral("report"), QStringLiteral("costs"), QStringLiteral("--by"), QStringLiteral("hour")},
              QStringLiteral("unknown grouping 'hour'; use one of: provider, model, bot, version, day, week, month"));
        error({QStringLiteral("report"), QStringLiteral("latency"), QStringLiteral("--from"),
               QStringLiteral("2026-13-01")},
              QStringLiteral("--from must be a date written YYYY-MM-DD (UTC), such as 2026-01-31; got '2026-13-01'"));
        error({QStringLiteral("report"), QStringLiteral("quality"), QStringLiteral("--from"),
               QStringLiteral("2026-03-02"), QStringLiteral("--to"), QStringLiteral("2026-03-01")},
              QStringLiteral("ends (2026-03-01) before it starts (2026-03-02)"));
        error({QStringLiteral("report"), QStringLiteral("costs"), QStringLiteral("--format"), QStringLiteral("xml")},
              QStringLiteral("unknown --format 'xml'; use one of: table, json, csv"));
        error(
            {QStringLiteral("report"), QStringLiteral("fallbacks"), QStringLiteral("--bot"), QStringLiteral("nobody")},
            QStringLiteral("no bot with slug 'nobody'"));
        error({QStringLiteral("demo-data"), QStringLiteral("--calls"), QStringLiteral("many")},
              QStringLiteral("--calls must be a whole number"));

        const Run removed = run({QStringLiteral("demo-data"), QStringLiteral("--remove")});
        QCOMPARE(removed.exitCode, 0);
        QCOMPARE(removed.json()[QStringLiteral("removed_calls")].toInteger(), 3000);
        const Run after =
            run({QStringLiteral("report"), QStringLiteral("costs"), QStringLiteral("--by"), QStringLiteral("model")});
        const QJsonArray left = after.json().array();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.at(0)[QStringLiteral("model")].toString(), QStringLiteral("openai/gpt-live"));
        QCOMPARE(left.at(0)[QStringLiteral("cost_usd")].toString(), QStringLiteral("0.001234"));
    }

    void dashboardReportsAgreeAcrossFormatsAndDemoExtrasAreRemovable()
    {
        const QString db = path(QStringLiteral("dashboards.db"));
        const auto run = [&](QStringList args) {
            return cli(args << QStringLiteral("--db") << db);
        };
        QCOMPARE(run({QStringLiteral("init")}).exitCode, 0);
        QCOMPARE(run({QStringLiteral("demo-data"), QStringLiteral("--calls"), QStringLiteral("3000"),
                      QStringLiteral("--days"), QStringLiteral("10")})
                     .exitCode,
                 0);
        const QList<QStringList> reports = {
            {QStringLiteral("versions"), QStringLiteral("--prompt"), QStringLiteral("support_answer")},
            {QStringLiteral("breakers"), QStringLiteral("--by"), QStringLiteral("model")},
            {QStringLiteral("conversations"), QStringLiteral("--by"), QStringLiteral("bot")},
            {QStringLiteral("budgets")}};
        for (const QStringList &report : reports) {
            const QStringList args = QStringList{QStringLiteral("report")} + report;
            const Run json = run(QStringList(args) << QStringLiteral("--format") << QStringLiteral("json"));
            const Run csv = run(QStringList(args) << QStringLiteral("--format") << QStringLiteral("csv"));
            QCOMPARE(json.exitCode, 0);
            QCOMPARE(csv.exitCode, 0);
            const QJsonArray rows = json.json().array();
            QVERIFY2(rows.size() >= 2, qPrintable(report.first() + json.out + json.err));
            QStringList lines = csv.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            QCOMPARE(lines.size(), rows.size() + 1);
            const QStringList columns = lines.takeFirst().split(QLatin1Char(','));
            for (int r = 0; r < rows.size(); ++r) {
                const QStringList fields = lines.at(r).split(QLatin1Char(','));
                QCOMPARE(fields.size(), columns.size());
                for (int c = 0; c < columns.size(); ++c)
                    QCOMPARE(fields.at(c), csvText(rows.at(r)[columns.at(c)]));
            }
        }

        const auto error = [&](const QStringList &args, const QString &expected) {
            const Run bad = run(QStringList{QStringLiteral("report")} + args);
            QCOMPARE(bad.exitCode, 1);
            QVERIFY2(bad.err.contains(expected), qPrintable(bad.err));
            QVERIFY(bad.out.isEmpty());
        };
        error({QStringLiteral("versions")}, QStringLiteral("report versions needs --prompt KEY"));
        error({QStringLiteral("versions"), QStringLiteral("--prompt"), QStringLiteral("x"), QStringLiteral("--by"),
               QStringLiteral("day")},
              QStringLiteral("report versions takes no --by"));
        error({QStringLiteral("breakers"), QStringLiteral("--bot"), QStringLiteral("astro-guide")},
              QStringLiteral("report breakers takes no --bot"));
        error({QStringLiteral("breakers"), QStringLiteral("--by"), QStringLiteral("version")},
              QStringLiteral("group them by provider, model, day, week or month"));
        error({QStringLiteral("budgets"), QStringLiteral("--model"), QStringLiteral("gpt-4o")},
              QStringLiteral("report budgets takes no --model"));

        // --remove takes the demo conversations, breaker events and budgets out too.
        QCOMPARE(run({QStringLiteral("demo-data"), QStringLiteral("--remove")}).exitCode, 0);
        for (const QStringList &report : reports) {
            const Run json = run(QStringList{QStringLiteral("report")} + report);
            QCOMPARE(json.exitCode, 0);
            QVERIFY2(json.json().array().isEmpty(), qPrintable(report.first() + json.out));
        }
        QVERIFY(run({QStringLiteral("budgets"), QStringLiteral("list")}).json().array().isEmpty());
    }

    void dbFromEnvironment()
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SWITCHYARD_DB"), m_db);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(SWITCHYARD_CLI_PATH), {QStringLiteral("bots"), QStringLiteral("list")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(QJsonDocument::fromJson(process.readAllStandardOutput()).array().size() >= 3);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
