#include "core/common/EditDistance.h"
#include "core/prompts/PromptLinter.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Switchyard;

Q_DECLARE_METATYPE(Switchyard::PromptDiagnostic::Severity)

namespace {

QString lines(std::initializer_list<const char *> list)
{
    QString text;
    for (const char *line : list)
        text += QString::fromUtf8(line) + QLatin1Char('\n');
    return text;
}

QString describe(const QList<PromptDiagnostic> &diagnostics)
{
    QStringList out;
    for (const PromptDiagnostic &d : diagnostics)
        out << QStringLiteral("%1 %2:%3+%4 %5").arg(d.code).arg(d.line).arg(d.column).arg(d.length).arg(d.message);
    return out.join(QLatin1Char('\n'));
}

QList<PromptDiagnostic> withCode(const QList<PromptDiagnostic> &diagnostics, const QString &code)
{
    QList<PromptDiagnostic> out;
    for (const PromptDiagnostic &d : diagnostics) {
        if (d.code == code)
            out << d;
    }
    return out;
}

}  // namespace

class TestPromptLinter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void diagnostics_data();
    void diagnostics();
    void nearMissMessageSuggestsDeclaredName();
    void nearMissFromOtherPrompts();
    void sectionLocalNamesAreNotUndefined();
    void dottedNamesCountByFirstSegment();
    void templateErrorMessageUsesFilePositions();
    void parserWarningsBecomeWarnings();
    void samplePromptsHaveNoFindings_data();
    void samplePromptsHaveNoFindings();
    void editDistanceSuggestion();
    void lintAndParseMatchesParser_data();
    void lintAndParseMatchesParser();
};

// One row per finding: the text, the expected code, severity, 1-based file line/column and underline length.
void TestPromptLinter::diagnostics_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<PromptDiagnostic::Severity>("severity");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("length");
    using S = PromptDiagnostic::Severity;

    QTest::newRow("yaml syntax") << lines({"key: a", "system: hi", "  user: x"}) << "yaml" << S::Error << 3 << 7 << 1;
    QTest::newRow("yaml syntax: unclosed flow list")
        << lines({"key: a", "system: [x, y", "user: x"}) << "yaml" << S::Error << 3 << 5 << 1;
    QTest::newRow("validation: bad temperature")
        << lines({"key: a", "temperature: hot", "system: hi"}) << "prompt" << S::Error << 2 << 14 << 3;
    QTest::newRow("validation: missing system") << lines({"key: a", "user: hi"}) << "prompt" << S::Error << 1 << 1 << 4;
    QTest::newRow("template in literal block")
        << lines({"key: a", "system: |", "  first line", "  second {{#open}} never closed"}) << "template" << S::Error
        << 4 << 10 << 9;
    QTest::newRow("template in literal block with blank line")
        << lines({"key: a", "system: |-", "  first", "", "  x {{/close}}"}) << "template" << S::Error << 5 << 5 << 10;
    QTest::newRow("template in plain scalar")
        << lines({"key: a", "system: Hello {{/x}} there"}) << "template" << S::Error << 2 << 15 << 6;
    QTest::newRow("template in double-quoted scalar")
        << lines({"key: a", "system: hi", "user: \"Ask {{#q}}\""}) << "template" << S::Error << 3 << 12 << 6;
    QTest::newRow("double-quoted scalar with escape falls back to the value start")
        << lines({"key: a", "system: hi", "user: \"Say\\t{{ }}\""}) << "template" << S::Error << 3 << 8 << 7;
    QTest::newRow("template in single-quoted scalar")
        << lines({"key: a", "system: hi", "user: 'Say {{ }}'"}) << "template" << S::Error << 3 << 12 << 5;
    QTest::newRow("template in section") << lines({"key: a", "sections:", "  Role: |", "    You are {{bot}}.",
                                                   "    {{^x}} oops {{/y}}"})
                                         << "template" << S::Error << 5 << 17 << 6;
    QTest::newRow("template in section after non-ASCII title")
        << lines({"key: a", "sections:", "  Über: Hallo {{/y}}"}) << "template" << S::Error << 3 << 15 << 6;
    QTest::newRow("folded block falls back to first line")
        << lines({"key: a", "system: >", "  folded text", "  then {{/bad}}"}) << "template" << S::Error << 3 << 3 << 6;
    QTest::newRow("folded block with a leading blank line falls back to the first text line")
        << lines({"key: a", "system: >", "", "  folded text", "  then {{/bad}}"}) << "template" << S::Error << 4 << 3
        << 6;
    QTest::newRow("undefined variable") << lines({"key: a", "system: |", "  Hi {{customer}}!"}) << "undefined-variable"
                                        << S::Warning << 3 << 6 << 12;
    QTest::newRow("undefined variable in user") << lines({"key: a", "system: hi", "user: \"{{question}}\""})
                                                << "undefined-variable" << S::Warning << 3 << 8 << 12;
    QTest::newRow("unused variable") << lines({"key: a", "variables:", "  tone: {description: How to sound}",
                                               "system: |", "  Hello."})
                                     << "unused-variable" << S::Warning << 3 << 3 << 4;
    QTest::newRow("near miss") << lines({"key: a", "variables:", "  customer_name: {}", "system: |",
                                         "  Hi {{customer_name}} / {{custmer_name}}"})
                               << "near-miss" << S::Warning << 5 << 26 << 16;
    QTest::newRow("near miss of a system variable")
        << lines({"key: a", "system: Today is {{curent_date}}"}) << "near-miss" << S::Warning << 2 << 18 << 15;
}

void TestPromptLinter::diagnostics()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(PromptDiagnostic::Severity, severity);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(int, length);

    const QList<PromptDiagnostic> all = PromptLinter::lint(text);
    const QList<PromptDiagnostic> found = withCode(all, code);
    QVERIFY2(found.size() == 1, qPrintable(describe(all)));
    const PromptDiagnostic &d = found.first();
    QCOMPARE(d.severity, severity);
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
    QCOMPARE(d.length, length);
    QVERIFY(!d.message.isEmpty());
}

void TestPromptLinter::nearMissMessageSuggestsDeclaredName()
{
    const auto found = PromptLinter::lint(
        lines({"key: a", "variables:", "  customer_name: {}", "system: Hi {{customer_name}} {{custmer_name}}"}));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().message, QStringLiteral("Unknown variable 'custmer_name' — did you mean 'customer_name'?"));
}

void TestPromptLinter::nearMissFromOtherPrompts()
{
    const QString text = lines({"key: a", "system: Hi {{acount_id}}"});
    QCOMPARE(withCode(PromptLinter::lint(text), QStringLiteral("undefined-variable")).size(), 1);
    PromptLintContext context;
    context.otherPromptVariables = {QStringLiteral("account_id")};
    const auto found = PromptLinter::lint(text, context);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().code, QStringLiteral("near-miss"));
    QVERIFY(found.first().message.contains(QLatin1String("'account_id'")));
}

void TestPromptLinter::sectionLocalNamesAreNotUndefined()
{
    // Inside {{#orders}} names may be fields of the items; inside {{^orders}} they are looked up as usual.
    const auto found = PromptLinter::lint(
        lines({"key: a", "variables:", "  orders: {}", "system: |", "  {{#orders}}{{id}} {{total}}{{/orders}}",
               "  {{^orders}}{{missing}}{{/orders}}", "  {{undeclared}}"}));
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.at(0).line, 6);
    QCOMPARE(found.at(0).column, 14);
    QCOMPARE(found.at(1).line, 7);
    QCOMPARE(found.at(1).column, 3);
    for (const PromptDiagnostic &d : found)
        QCOMPARE(d.code, QStringLiteral("undefined-variable"));
}

void TestPromptLinter::dottedNamesCountByFirstSegment()
{
    const auto found =
        PromptLinter::lint(lines({"key: a", "variables:", "  customer: {}", "  order.id: {}", "system: |",
                                  "  {{customer.name}} {{order.id.check}} {{current_date}} {{cart.total}}"}));
    QVERIFY2(found.size() == 1, qPrintable(describe(found)));
    QCOMPARE(found.first().code, QStringLiteral("undefined-variable"));
    QVERIFY(found.first().message.contains(QLatin1String("'cart.total'")));
}

void TestPromptLinter::templateErrorMessageUsesFilePositions()
{
    const auto found =
        PromptLinter::lint(lines({"key: a", "sections:", "  Role: |", "    text", "    {{#open}} and {{/other}}"}));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().code, QStringLiteral("template"));
    QVERIFY2(found.first().message.startsWith(QLatin1String("section 'Role': ")), qPrintable(found.first().message));
    // The template says "at 2:15" (inside the section); the file position is line 5, column 19.
    QVERIFY2(found.first().message.contains(QLatin1String("at line 5, column 19")), qPrintable(found.first().message));
    QVERIFY(!found.first().message.contains(QLatin1String("at 2:")));
}

void TestPromptLinter::parserWarningsBecomeWarnings()
{
    const auto found = PromptLinter::lint(lines({"key: a", "sytem_note: x", "system: hi"}));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().code, QStringLiteral("prompt"));
    QCOMPARE(found.first().severity, PromptDiagnostic::Severity::Warning);
    QCOMPARE(found.first().line, 2);
    QCOMPARE(found.first().column, 1);
}

void TestPromptLinter::samplePromptsHaveNoFindings_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(SWITCHYARD_SAMPLE_DIR "/prompts"));
    const QStringList files = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files);
    QVERIFY(files.size() >= 5);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void TestPromptLinter::samplePromptsHaveNoFindings()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto found = PromptLinter::lint(QString::fromUtf8(file.readAll()));
    QVERIFY2(found.isEmpty(), qPrintable(describe(found)));
}

void TestPromptLinter::editDistanceSuggestion()
{
    QCOMPARE(EditDistance::distance(QStringLiteral("kitten"), QStringLiteral("sitting")), 3);
    const QStringList names = {QStringLiteral("customer_name"), QStringLiteral("plan")};
    QCOMPARE(EditDistance::closest(QStringLiteral("custmer_name"), names), QStringLiteral("customer_name"));
    QCOMPARE(EditDistance::closest(QStringLiteral("Plan"), names), QStringLiteral("plan"));
    QCOMPARE(EditDistance::closest(QStringLiteral("price"), names), QString());
}

// The editor's analysis takes its document from lintAndParse() instead of parsing a second time: it must be what
// PromptDocumentParser::parse() gives, errors and warnings included, and the diagnostics must be lint()'s.
void TestPromptLinter::lintAndParseMatchesParser_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("valid") << lines({"key: a", "variables:", "  name: {}", "system: hi {{name}}", "user: '{{name}}'"});
    QTest::newRow("warning") << lines({"key: a", "sytem_note: x", "system: hi"});
    QTest::newRow("yaml error") << lines({"key: a", "system: [unclosed"});
    QTest::newRow("prompt error") << lines({"system: hi"});
    QTest::newRow("empty") << QString();
}

void TestPromptLinter::lintAndParseMatchesParser()
{
    QFETCH(QString, text);
    const QString fileName = QStringLiteral("a.yaml");
    const PromptLintResult result = PromptLinter::lintAndParse(text, fileName);
    QCOMPARE(describe(result.diagnostics), describe(PromptLinter::lint(text)));
    const Result<ParsedPrompt> expected = PromptDocumentParser::parse(text.toUtf8(), fileName);
    QCOMPARE(result.parsed.ok(), expected.ok());
    if (!expected) {
        QCOMPARE(result.parsed.error().toString(), expected.error().toString());
        QCOMPARE(result.parsed.error().code, expected.error().code);
        return;
    }
    QCOMPARE(result.parsed->doc.key, expected->doc.key);
    QCOMPARE(result.parsed->doc.system, expected->doc.system);
    QCOMPARE(result.parsed->doc.user, expected->doc.user);
    QCOMPARE(result.parsed->doc.variables.size(), expected->doc.variables.size());
    QCOMPARE(result.parsed->warnings.size(), expected->warnings.size());
    for (qsizetype i = 0; i < expected->warnings.size(); ++i) {
        QCOMPARE(result.parsed->warnings.at(i).file, fileName);
        QCOMPARE(result.parsed->warnings.at(i).message, expected->warnings.at(i).message);
        QCOMPARE(result.parsed->warnings.at(i).line, expected->warnings.at(i).line);
    }
}

QTEST_GUILESS_MAIN(TestPromptLinter)
#include "tst_promptlinter.moc"
