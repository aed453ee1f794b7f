#include "core/common/YamlGuard.h"
#include "core/prompts/PromptDocumentParser.h"
#include "core/prompts/PromptDocumentWriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Switchyard;

namespace {

QString fixturePath(const QString &name)
{
    return QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/prompts/") + name;
}

QByteArray fixture(const QString &name)
{
    QFile file(fixturePath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

}  // namespace

class TestPromptDocument : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesPlainPrompt();
    void parsesStructuredPrompt();
    void errors_data();
    void errors();
    void errorFixtures_data();
    void errorFixtures();
    void errorStringNamesFileLineAndColumn();
    void unknownKeysAreWarningsWithSuggestions();
    void unknownVariableKeysAreWarnings();
    void deepFlowNestingIsRejected_data();
    void deepFlowNestingIsRejected();
    void deepBlockNestingIsRejected();
    void deepNestingFixtures_data();
    void deepNestingFixtures();
    void bracketsInTextDoNotCount();
    void moderateNestingIsAccepted();
    void oversizedFileIsRejected();
    void serializeRoundTripsFixtures_data();
    void serializeRoundTripsFixtures();
    void serializeWritesReadableYaml();
    void serializeRoundTripsAwkwardText_data();
    void serializeRoundTripsAwkwardText();
    void serializeRoundTripsBuiltDocument();
};

void TestPromptDocument::parsesPlainPrompt()
{
    const auto parsed =
        PromptDocumentParser::parse(fixture(QStringLiteral("plain.yaml")), QStringLiteral("plain.yaml"));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    const PromptDocument &doc = parsed->doc;
    QVERIFY(parsed->warnings.isEmpty());
    QCOMPARE(doc.key, QStringLiteral("support.reply"));
    QCOMPARE(doc.version, std::optional<int>(3));
    QCOMPARE(doc.description, QStringLiteral("Answers customer support tickets politely"));
    QCOMPARE(doc.model, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(doc.temperature, std::optional<double>(0.3));
    QCOMPARE(doc.maxTokens, std::optional<int>(800));
    QVERIFY(!doc.isStructured());
    QCOMPARE(doc.system, QStringLiteral("You are a support agent for {{product}}.\n"
                                        "Answer {{customer_name}} in a friendly, concise tone.\n"
                                        "\n"
                                        "Never promise refunds; link to the refund policy instead.\n"));
    QCOMPARE(doc.user, QStringLiteral("{{question}}"));

    QCOMPARE(doc.variables.size(), 3);
    QCOMPARE(doc.variables.at(0).name, QStringLiteral("customer_name"));
    QCOMPARE(doc.variables.at(0).description, QStringLiteral("Who wrote in"));
    QCOMPARE(doc.variables.at(0).sample, QJsonValue(QStringLiteral("Ada")));
    QVERIFY(doc.variables.at(0).required);
    QCOMPARE(doc.variables.at(1).name, QStringLiteral("product"));
    QVERIFY(!doc.variables.at(1).required);

    // Samples keep their structure and YAML types: numbers, booleans, null, lists, and quoted text stays text.
    const QJsonObject ticket = doc.variables.at(2).sample.toObject();
    QCOMPARE(ticket.value(QStringLiteral("id")), QJsonValue(4711));
    QCOMPARE(ticket.value(QStringLiteral("tags")).toArray(),
             QJsonArray({QStringLiteral("billing"), QStringLiteral("urgent")}));
    QCOMPARE(ticket.value(QStringLiteral("priority")), QJsonValue(2.5));
    QCOMPARE(ticket.value(QStringLiteral("escalated")), QJsonValue(false));
    QVERIFY(ticket.value(QStringLiteral("notes")).isNull());
    QCOMPARE(ticket.value(QStringLiteral("code")), QJsonValue(QStringLiteral("007")));

    QCOMPARE(doc.metadata.value(QStringLiteral("owner")), QJsonValue(QStringLiteral("support-team")));
    QCOMPARE(doc.metadata.value(QStringLiteral("reviewed")), QJsonValue(true));
    QCOMPARE(doc.metadata.value(QStringLiteral("tags")).toArray().size(), 2);
}

void TestPromptDocument::parsesStructuredPrompt()
{
    const auto parsed =
        PromptDocumentParser::parse(fixture(QStringLiteral("astrologer.yaml")), QStringLiteral("astrologer.yaml"));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    const PromptDocument &doc = parsed->doc;
    QVERIFY(doc.isStructured());
    QVERIFY(doc.system.isEmpty());
    QStringList titles;
    for (const PromptSection &section : doc.sections)
        titles << section.title;
    QCOMPARE(titles,
             QStringList({QStringLiteral("Role"), QStringLiteral("User Profile"), QStringLiteral("Partner Profile"),
                          QStringLiteral("Query House Mapping"), QStringLiteral("Analysis Steps"),
                          QStringLiteral("Response Format"), QStringLiteral("Guidelines"),
                          QStringLiteral("Daily Context"), QStringLiteral("Past Memories")}));
    QCOMPARE(doc.sections.first().text,
             QStringLiteral("You are Jyoti, a warm and precise Vedic astrologer speaking with {{user_name}}.\n"));
    QCOMPARE(doc.variables.size(), 5);
    QCOMPARE(doc.variables.at(3).sample.toArray().size(), 2);
    QCOMPARE(doc.user, QStringLiteral("{{question}}"));
}

void TestPromptDocument::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("temperature not a number")
        << QByteArray("key: a\nsystem: hi\ntemperature: hot\n") << 3 << 14
        << QStringLiteral("temperature must be a number between 0 and 2, got 'hot'");
    QTest::newRow("temperature out of range")
        << QByteArray("key: a\nsystem: hi\ntemperature: 2.5\n") << 3 << 14
        << QStringLiteral("temperature must be a number between 0 and 2, got '2.5'");
    QTest::newRow("temperature negative")
        << QByteArray("key: a\nsystem: hi\ntemperature: -0.1\n") << 3 << 14 << QStringLiteral("got '-0.1'");
    QTest::newRow("temperature quoted") << QByteArray("key: a\nsystem: hi\ntemperature: \"0.7\"\n") << 3 << 14
                                        << QStringLiteral("remove the quotes");
    QTest::newRow("temperature a list") << QByteArray("key: a\nsystem: hi\ntemperature: [1]\n") << 3 << 14
                                        << QStringLiteral("got a list");
    QTest::newRow("max_tokens zero") << QByteArray("key: a\nsystem: hi\nmax_tokens: 0\n") << 3 << 13
                                     << QStringLiteral("max_tokens must be a whole number greater than 0, got '0'");
    QTest::newRow("max_tokens fraction") << QByteArray("key: a\nsystem: hi\nmax_tokens: 1.5\n") << 3 << 13
                                         << QStringLiteral("got '1.5'");
    QTest::newRow("max_tokens too large")
        << QByteArray("key: a\nsystem: hi\nmax_tokens: 99999999999\n") << 3 << 13 << QStringLiteral("whole number");
    QTest::newRow("version zero") << QByteArray("key: a\nversion: 0\nsystem: hi\n") << 2 << 10
                                  << QStringLiteral("version must be");
    QTest::newRow("missing key") << QByteArray("system: hi\nuser: there\n") << 1 << 1
                                 << QStringLiteral("the prompt has no 'key:'");
    QTest::newRow("empty key") << QByteArray("key:\nsystem: hi\n") << 1 << 1 << QStringLiteral("key is empty");
    QTest::newRow("bad key") << QByteArray("system: hi\nkey: My Prompt\n") << 2 << 6
                             << QStringLiteral("key 'My Prompt' is not valid; use only lowercase letters");
    QTest::newRow("key not text") << QByteArray("key: {a: 1}\nsystem: hi\n") << 1 << 6
                                  << QStringLiteral("key must be text, got a mapping");
    QTest::newRow("system and sections") << QByteArray("key: a\nsystem: hi\nsections:\n  Role: r\n") << 3 << 1
                                         << QStringLiteral("both 'system:' (line 2) and 'sections:'");
    QTest::newRow("neither system nor sections")
        << QByteArray("key: a\nuser: hi\n") << 1 << 1 << QStringLiteral("neither 'system:' nor 'sections:'");
    QTest::newRow("empty system") << QByteArray("key: a\nsystem: \"  \"\n") << 2 << 9
                                  << QStringLiteral("system is empty");
    QTest::newRow("unquoted mustache value")
        << QByteArray("key: a\nsystem: hi\nuser: {{question}}\n") << 3 << 7
        << QStringLiteral("user must be text, got a mapping; put quotes around a value that starts with '{' or '[' "
                          "(for example \"{{question}}\")");
    QTest::newRow("system is a list") << QByteArray("key: a\nsystem:\n  - one\n  - two\n") << 3 << 3
                                      << QStringLiteral("system must be text");
    QTest::newRow("empty sections") << QByteArray("key: a\nsections: {}\n") << 2 << 11
                                    << QStringLiteral("sections is empty");
    QTest::newRow("sections is a list") << QByteArray("key: a\nsections:\n  - Role\n") << 3 << 3
                                        << QStringLiteral("sections must be a mapping");
    QTest::newRow("section text is a mapping") << QByteArray("key: a\nsections:\n  Role:\n    x: 1\n") << 4 << 5
                                               << QStringLiteral("section 'Role' must be text");
    QTest::newRow("duplicate section") << QByteArray("key: a\nsections:\n  Role: one\n  Role: two\n") << 4 << 3
                                       << QStringLiteral("'Role' appears twice in sections (first at line 3)");
    QTest::newRow("duplicate top-level key")
        << QByteArray("key: a\nsystem: one\nsystem: two\n") << 3 << 1
        << QStringLiteral("'system' appears twice in the prompt file (first at line 2)");
    QTest::newRow("top level is a list") << QByteArray("- key: a\n") << 1 << 1 << QStringLiteral("must be a mapping");
    QTest::newRow("top level is text") << QByteArray("just some text\n") << 1 << 1
                                       << QStringLiteral("must be a mapping");
    QTest::newRow("variables not a mapping") << QByteArray("key: a\nsystem: hi\nvariables: [a, b]\n") << 3 << 12
                                             << QStringLiteral("variables must be a mapping");
    QTest::newRow("variable spec is text") << QByteArray("key: a\nsystem: hi\nvariables:\n  name: hello\n") << 4 << 9
                                           << QStringLiteral("variable 'name' must be a mapping");
    QTest::newRow("variable name with space") << QByteArray("key: a\nsystem: hi\nvariables:\n  first name: {}\n") << 4
                                              << 3 << QStringLiteral("variable name 'first name' is not valid");
    QTest::newRow("variable required not a boolean")
        << QByteArray("key: a\nsystem: hi\nvariables:\n  name:\n    required: maybe\n") << 5 << 15
        << QStringLiteral("variable 'name' required must be true or false, got 'maybe'");
    QTest::newRow("metadata not a mapping") << QByteArray("key: a\nsystem: hi\nmetadata: text\n") << 3 << 11
                                            << QStringLiteral("metadata must be a mapping");
    QTest::newRow("unclosed flow list") << QByteArray("key: a\nsystem: hi\nmetadata: {tags: [a, b}\n") << 3 << 0
                                        << QStringLiteral("YAML syntax error");
    QTest::newRow("unclosed quote") << QByteArray("key: a\nuser: x\nsystem: \"hi") << 3 << 0
                                    << QStringLiteral(
                                           "YAML syntax error: a quoted value is not closed; add the missing quote");
    QTest::newRow("tab indentation") << QByteArray("key: a\nsystem: hi\nvariables:\n\tname: {}\n") << 0 << 0
                                     << QStringLiteral("YAML syntax error");
    QTest::newRow("empty file") << QByteArray("") << 0 << 0 << QStringLiteral("the file is empty");
    QTest::newRow("only a comment") << QByteArray("# nothing\n") << 0 << 0 << QStringLiteral("the file is empty");
}

void TestPromptDocument::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    const auto parsed = PromptDocumentParser::parse(yaml, QStringLiteral("prompt.yaml"));
    QVERIFY(!parsed.ok());
    const Error &error = parsed.error();
    QCOMPARE(error.code, Error::Code::InvalidInput);
    QCOMPARE(error.file, QStringLiteral("prompt.yaml"));
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    // Rows with 0 only check that a position is given when the parser reports one; exact rows check it exactly.
    if (line > 0)
        QCOMPARE(error.line, line);
    if (column > 0)
        QCOMPARE(error.column, column);
}

void TestPromptDocument::errorFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("bad indentation") << QStringLiteral("broken_indentation.yaml") << 5 << 13
                                     << QStringLiteral("YAML syntax error: a ':' appears where it is not allowed; "
                                                       "check the indentation of this line");
    QTest::newRow("wrong type") << QStringLiteral("broken_type.yaml") << 3 << 14
                                << QStringLiteral("temperature must be a number between 0 and 2, got 'hot'");
    QTest::newRow("missing key") << QStringLiteral("missing_key.yaml") << 1 << 1
                                 << QStringLiteral("the prompt has no 'key:'; add one such as 'key: support.reply'");
}

void TestPromptDocument::errorFixtures()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    const auto parsed = PromptDocumentParser::parse(fixture(file), file);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().file, file);
    QCOMPARE(parsed.error().line, line);
    QCOMPARE(parsed.error().column, column);
    QVERIFY2(parsed.error().message.startsWith(message), qPrintable(parsed.error().message));
}

void TestPromptDocument::errorStringNamesFileLineAndColumn()
{
    const auto parsed = PromptDocumentParser::parse(fixture(QStringLiteral("broken_type.yaml")),
                                                    QStringLiteral("prompts/broken_type.yaml"));
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().toString(),
             QStringLiteral("prompts/broken_type.yaml:3:14: temperature must be a number between 0 and 2, got 'hot'"));
}

void TestPromptDocument::unknownKeysAreWarningsWithSuggestions()
{
    const auto parsed =
        PromptDocumentParser::parse(fixture(QStringLiteral("unknown_key.yaml")), QStringLiteral("unknown_key.yaml"));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed->doc.key, QStringLiteral("unknown.key"));
    QVERIFY(!parsed->doc.temperature.has_value());  // the misspelt key is ignored, not guessed
    QCOMPARE(parsed->warnings.size(), 2);

    const Warning &typo = parsed->warnings.at(0);
    QCOMPARE(typo.file, QStringLiteral("unknown_key.yaml"));
    QCOMPARE(typo.line, 3);
    QCOMPARE(typo.column, 1);
    QVERIFY2(typo.message.startsWith(QStringLiteral("unknown key 'temprature' (did you mean 'temperature'?)")),
             qPrintable(typo.message));
    QCOMPARE(typo.toString().left(26), QStringLiteral("unknown_key.yaml:3:1: warn"));

    const Warning &other = parsed->warnings.at(1);
    QCOMPARE(other.line, 4);
    QVERIFY2(other.message.startsWith(QStringLiteral("unknown key 'colour' in the prompt file is ignored; known keys "
                                                     "are: key, version")),
             qPrintable(other.message));
    QVERIFY(!other.message.contains(QStringLiteral("did you mean")));
}

void TestPromptDocument::unknownVariableKeysAreWarnings()
{
    const QByteArray yaml = "key: a\nsystem: hi\nvariables:\n  name:\n    descripton: Who\n    sample: Ada\n";
    const auto parsed = PromptDocumentParser::parse(yaml, QStringLiteral("v.yaml"));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->warnings.size(), 1);
    QCOMPARE(parsed->warnings.first().line, 5);
    QCOMPARE(parsed->warnings.first().column, 5);
    QVERIFY2(parsed->warnings.first().message.contains(QStringLiteral("(did you mean 'description'?)")),
             qPrintable(parsed->warnings.first().message));
    QCOMPARE(parsed->doc.variables.first().sample, QJsonValue(QStringLiteral("Ada")));
}

void TestPromptDocument::deepFlowNestingIsRejected_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("100000 [") << QByteArray(100000, '[') << 1 << 65;
    QTest::newRow("100000 {") << QByteArray(100000, '{') << 1 << 65;
    QTest::newRow("100000 [ as a value") << QByteArray("key: a\nsystem: ") + QByteArray(100000, '[') << 2 << 72;
    QByteArray mixed = "key: a\nmetadata:\n  x: ";
    for (int i = 0; i < 50000; ++i)
        mixed += "{a: [";
    QTest::newRow("alternating { and [") << mixed << 3 << 0;
    QByteArray sequences;
    for (int i = 0; i < 100000; ++i)
        sequences += "- ";
    sequences += "x\n";
    QTest::newRow("100000 nested block sequences on one line") << sequences << 1 << 0;
}

void TestPromptDocument::deepFlowNestingIsRejected()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(int, column);

    // Without the guard, yaml-cpp recurses once per level and this test would crash with a stack overflow.
    const auto parsed = PromptDocumentParser::parse(yaml, QStringLiteral("deep.yaml"));
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, Error::Code::InvalidInput);
    QVERIFY2(parsed.error().message.startsWith(QStringLiteral("nesting is deeper than 64 levels")),
             qPrintable(parsed.error().message));
    QCOMPARE(parsed.error().line, line);
    if (column > 0)
        QCOMPARE(parsed.error().column, column);
}

void TestPromptDocument::deepBlockNestingIsRejected()
{
    QByteArray yaml = "key: deep\nsystem: hi\nmetadata:\n";
    for (int level = 1; level <= 70; ++level)
        yaml += QByteArray(level * 2, ' ') + "k" + QByteArray::number(level) + ":\n";
    const auto parsed = PromptDocumentParser::parse(yaml, QStringLiteral("deep.yaml"));
    QVERIFY(!parsed.ok());
    QVERIFY(parsed.error().message.contains(QStringLiteral("nesting is deeper than 64 levels")));
    // The 65th open level: "metadata" is level 1, so k64 at line 3 + 64.
    QCOMPARE(parsed.error().line, 3 + 64);
    QCOMPARE(parsed.error().column, 64 * 2 + 1);
}

void TestPromptDocument::deepNestingFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("flow") << QStringLiteral("deep_nesting_flow.yaml");
    QTest::newRow("block") << QStringLiteral("deep_nesting_block.yaml");
}

void TestPromptDocument::deepNestingFixtures()
{
    QFETCH(QString, file);
    const auto parsed = PromptDocumentParser::parse(fixture(file), file);
    QVERIFY(!parsed.ok());
    QVERIFY(parsed.error().message.contains(QStringLiteral("nesting is deeper than 64 levels")));
    QVERIFY(parsed.error().line > 0);
}

void TestPromptDocument::bracketsInTextDoNotCount()
{
    // Brackets inside quoted scalars, literal blocks, comments and plain text are text, not nesting.
    const QByteArray many(500, '[');
    QByteArray yaml = "key: brackets\n";
    yaml += "description: \"" + many + "\"\n";
    yaml += "model: '" + many + " it''s'\n";
    yaml += "# " + many + "\n";
    yaml += "system: |\n  " + many + "\n  {{#items}}" + QByteArray(200, '{') + "\n\n  more text " + many + "\n";
    yaml += "user: see " + many + " here\n";
    yaml += "metadata:\n  note: >\n    " + many + "\n  list: [[1, 2], [3, [4]]]\n";
    const auto parsed = PromptDocumentParser::parse(yaml, QStringLiteral("brackets.yaml"));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed->doc.description, QString::fromLatin1(many));
    QCOMPARE(parsed->doc.model, QString::fromLatin1(many) + QStringLiteral(" it's"));
    QVERIFY(parsed->doc.system.startsWith(QString::fromLatin1(many) + QLatin1Char('\n')));
    QCOMPARE(parsed->doc.user, QStringLiteral("see ") + QString::fromLatin1(many) + QStringLiteral(" here"));
    QCOMPARE(parsed->doc.metadata.value(QStringLiteral("list")).toArray().at(1).toArray().at(1).toArray().at(0),
             QJsonValue(4));
}

void TestPromptDocument::moderateNestingIsAccepted()
{
    QByteArray yaml = "key: ok\nsystem: hi\nmetadata:\n  x: ";
    yaml += QByteArray(60, '[') + "1" + QByteArray(60, ']') + "\n";
    const auto parsed = PromptDocumentParser::parse(yaml, QStringLiteral("ok.yaml"));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));

    QVERIFY(YamlGuard::check(QByteArray(64, '['), QString()).ok());
    QVERIFY(!YamlGuard::check(QByteArray(65, '['), QString()).ok());
    QVERIFY(YamlGuard::check(QByteArray(10, '['), QString(), 10).ok());
    QVERIFY(!YamlGuard::check(QByteArray(11, '['), QString(), 10).ok());
}

void TestPromptDocument::oversizedFileIsRejected()
{
    QByteArray yaml = "key: big\nsystem: |\n";
    const QByteArray line = "  " + QByteArray(98, 'x') + "\n";
    while (yaml.size() <= YamlGuard::kMaxBytes)
        yaml += line;
    const auto parsed = PromptDocumentParser::parse(yaml, QStringLiteral("big.yaml"));
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().file, QStringLiteral("big.yaml"));
    QCOMPARE(parsed.error().message,
             QStringLiteral("the file is 4.0 MiB, larger than the 4 MiB limit for YAML files; split it into smaller "
                            "files"));

    // Just under the limit is fine.
    yaml.truncate(YamlGuard::kMaxBytes - 200);
    yaml.truncate(yaml.lastIndexOf('\n') + 1);
    QVERIFY(PromptDocumentParser::parse(yaml, QStringLiteral("big.yaml")).ok());
}

void TestPromptDocument::serializeRoundTripsFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("plain") << QStringLiteral("plain.yaml");
    QTest::newRow("structured") << QStringLiteral("astrologer.yaml");
}

void TestPromptDocument::serializeRoundTripsFixtures()
{
    QFETCH(QString, file);
    const auto original = PromptDocumentParser::parse(fixture(file), file);
    QVERIFY(original.ok());
    const QByteArray yaml = PromptDocumentWriter::serialize(original->doc);
    const auto reparsed = PromptDocumentParser::parse(yaml, QStringLiteral("serialized.yaml"));
    QVERIFY2(reparsed.ok(), qPrintable((reparsed.ok() ? QString() : reparsed.error().toString()) + QLatin1Char('\n') +
                                       QString::fromUtf8(yaml)));
    QVERIFY(reparsed->warnings.isEmpty());
    QCOMPARE(reparsed->doc, original->doc);
    // Writing is deterministic: serialising the re-read document gives the same bytes.
    QCOMPARE(PromptDocumentWriter::serialize(reparsed->doc), yaml);
}

void TestPromptDocument::serializeWritesReadableYaml()
{
    const auto parsed =
        PromptDocumentParser::parse(fixture(QStringLiteral("plain.yaml")), QStringLiteral("plain.yaml"));
    QVERIFY(parsed.ok());
    const QString yaml = QString::fromUtf8(PromptDocumentWriter::serialize(parsed->doc));
    QVERIFY2(yaml.startsWith(QStringLiteral("key: support.reply\nversion: 3\n")), qPrintable(yaml));
    QVERIFY2(yaml.contains(QStringLiteral("temperature: 0.3\nmax_tokens: 800\n")), qPrintable(yaml));
    QVERIFY2(yaml.contains(QStringLiteral("system: |\n  You are a support agent for {{product}}.\n  Answer "
                                          "{{customer_name}} in a friendly, concise tone.\n\n  Never promise")),
             qPrintable(yaml));
    QVERIFY2(yaml.contains(QStringLiteral("user: \"{{question}}\"\n")), qPrintable(yaml));
    QVERIFY2(yaml.contains(QStringLiteral("      code: \"007\"\n")), qPrintable(yaml));
    QVERIFY2(yaml.contains(QStringLiteral("      notes: null\n")), qPrintable(yaml));
    QVERIFY2(yaml.contains(QStringLiteral("    required: true\n")), qPrintable(yaml));

    const auto structured =
        PromptDocumentParser::parse(fixture(QStringLiteral("astrologer.yaml")), QStringLiteral("astrologer.yaml"));
    QVERIFY(structured.ok());
    const QString structuredYaml = QString::fromUtf8(PromptDocumentWriter::serialize(structured->doc));
    QVERIFY2(structuredYaml.contains(QStringLiteral("sections:\n  Role: |\n    You are Jyoti")),
             qPrintable(structuredYaml));
    QVERIFY(!structuredYaml.contains(QStringLiteral("system:")));
}

void TestPromptDocument::serializeRoundTripsAwkwardText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain word") << QStringLiteral("hello");
    QTest::newRow("looks like a number") << QStringLiteral("123");
    QTest::newRow("looks like a float") << QStringLiteral("1.5e3");
    QTest::newRow("looks like true") << QStringLiteral("true");
    QTest::newRow("looks like yes") << QStringLiteral("Yes");
    QTest::newRow("looks like null") << QStringLiteral("~");
    QTest::newRow("a date") << QStringLiteral("2024-10-21");
    QTest::newRow("colon space") << QStringLiteral("Note: read this");
    QTest::newRow("ends with colon") << QStringLiteral("Steps:");
    QTest::newRow("hash comment") << QStringLiteral("a #b");
    QTest::newRow("leading dash") << QStringLiteral("- item");
    QTest::newRow("leading star") << QStringLiteral("*alias");
    QTest::newRow("mustache") << QStringLiteral("{{name}}");
    QTest::newRow("quotes") << QStringLiteral("He said \"hi\" and 'bye'");
    QTest::newRow("backslash") << QStringLiteral("C:\\path\\to");
    QTest::newRow("leading spaces") << QStringLiteral("  indented");
    QTest::newRow("trailing spaces") << QStringLiteral("trailing  ");
    QTest::newRow("tab") << QStringLiteral("a\tb");
    QTest::newRow("control character") << QStringLiteral("bell\x07here");
    QTest::newRow("unicode") << QStringLiteral("Grüße, 世界 ✨ →");
    QTest::newRow("multi-line") << QStringLiteral("one\ntwo\n");
    QTest::newRow("multi-line no final newline") << QStringLiteral("one\ntwo");
    QTest::newRow("multi-line extra final newlines") << QStringLiteral("one\ntwo\n\n\n");
    QTest::newRow("multi-line leading blank line") << QStringLiteral("\none\n");
    QTest::newRow("multi-line indented first line") << QStringLiteral("  code()\nnext\n");
    QTest::newRow("multi-line indented after blank") << QStringLiteral("\n\n    deep\nshallow");
    QTest::newRow("multi-line trailing spaces") << QStringLiteral("a  \n  \nb\n");
    QTest::newRow("multi-line with tabs and hashes") << QStringLiteral("\tcode # not a comment\n---\n...\n");
    QTest::newRow("multi-line with carriage returns") << QStringLiteral("windows\r\nline\r\n");
    QTest::newRow("only newlines") << QStringLiteral("\n\n");
    QTest::newRow("yaml inside") << QStringLiteral("key: value\n- list\n  nested: [1, {a: b}]\n");
}

void TestPromptDocument::serializeRoundTripsAwkwardText()
{
    QFETCH(QString, text);
    PromptDocument doc;
    doc.key = QStringLiteral("awkward");
    doc.system = QStringLiteral("System: ") + text;  // system must not be blank
    doc.description = text;
    doc.user = text;
    doc.model = text;
    doc.sections = {};
    doc.variables = {PromptVariable{QStringLiteral("v"), text, QJsonValue(text), false}};
    doc.metadata.insert(QStringLiteral("note"), text);
    doc.metadata.insert(QStringLiteral("list"), QJsonArray({text, QJsonObject{{QStringLiteral("inner"), text}}}));
    const QByteArray yaml = PromptDocumentWriter::serialize(doc);
    const auto parsed = PromptDocumentParser::parse(yaml, QStringLiteral("awkward.yaml"));
    QVERIFY2(parsed.ok(), qPrintable((parsed.ok() ? QString() : parsed.error().toString()) + QLatin1Char('\n') +
                                     QString::fromUtf8(yaml)));
    QCOMPARE(parsed->doc.description, doc.description);
    QCOMPARE(parsed->doc.user, doc.user);
    QCOMPARE(parsed->doc.system, doc.system);
    QCOMPARE(parsed->doc.variables.first().sample, QJsonValue(text));
    QCOMPARE(parsed->doc, doc);

    // The same text as section titles and section bodies.
    PromptDocument structured;
    structured.key = QStringLiteral("awkward.sections");
    if (!text.contains(QLatin1Char('\n')) && !text.trimmed().isEmpty())
        structured.sections.append(PromptSection{text, QStringLiteral("title test")});
    structured.sections.append(PromptSection{QStringLiteral("Body"), text});
    const auto reparsed = PromptDocumentParser::parse(PromptDocumentWriter::serialize(structured), QString());
    QVERIFY2(reparsed.ok(), qPrintable(reparsed.ok() ? QString() : reparsed.error().toString()));
    QCOMPARE(reparsed->doc, structured);
}

void TestPromptDocument::serializeRoundTripsBuiltDocument()
{
    PromptDocument doc;
    doc.key = QStringLiteral("built.in-editor_2");
    doc.version = 12;
    doc.temperature = 0.1 + 0.2;  // 0.30000000000000004 must survive exactly
    doc.maxTokens = 1;
    doc.sections = {PromptSection{QStringLiteral("Role"), QStringLiteral("You are {{role}}.\n")},
                    PromptSection{QStringLiteral("Steps: in order"), QStringLiteral("1. a\n2. b\n")},
                    PromptSection{QStringLiteral("Empty"), QString()}};
    doc.variables = {
        PromptVariable{QStringLiteral("role"), QString(), QJsonValue(QJsonValue::Undefined), false},
        PromptVariable{
            QStringLiteral("items"), QStringLiteral("A list"),
            QJsonArray({1, 2.5, true, QJsonValue(QJsonValue::Null), QJsonArray({QJsonArray()}), QJsonObject()}), true},
        PromptVariable{QStringLiteral("nothing"), QString(), QJsonValue(QJsonValue::Null), false}};
    doc.metadata =
        QJsonObject{{QStringLiteral("nested"),
                     QJsonObject{{QStringLiteral("deeper"), QJsonArray({QJsonObject{{QStringLiteral("a"), 1}}})}}},
                    {QStringLiteral("empty"), QJsonObject()}};
    const QByteArray yaml = PromptDocumentWriter::serialize(doc);
    const auto parsed = PromptDocumentParser::parse(yaml, QStringLiteral("built.yaml"));
    QVERIFY2(parsed.ok(), qPrintable((parsed.ok() ? QString() : parsed.error().toString()) + QLatin1Char('\n') +
                                     QString::fromUtf8(yaml)));
    QCOMPARE(parsed->doc, doc);
    QCOMPARE(*parsed->doc.temperature, 0.1 + 0.2);
    QVERIFY(parsed->doc.variables.first().sample.isUndefined());
    QVERIFY(parsed->doc.variables.last().sample.isNull());
}

QTEST_GUILESS_MAIN(TestPromptDocument)
#include "tst_promptdocument.moc"
