// Prompt-facing behaviour of the Mustache engine: defaults, missing-variable policies, errors with positions,
// discovery, values-are-data and compile-once-render-many.

#include "core/templating/Template.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

using Switchyard::Error;
using Switchyard::Result;
using namespace Switchyard::Templating;

Q_DECLARE_METATYPE(Switchyard::Templating::VariableKind)

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (document.isNull())
        qFatal("bad JSON in test: %s", qPrintable(error.errorString()));
    return document.object();
}

Template compiled(const QString &text)
{
    Result<Template> result = Template::compile(text);
    if (!result)
        qFatal("template does not compile: %s", qPrintable(result.error().toString()));
    return *result;
}

QString renderOk(const QString &text, const QJsonValue &data, const RenderOptions &options = {})
{
    const Result<QString> result = Template::renderText(text, data, options);
    if (!result)
        qFatal("render failed: %s", qPrintable(result.error().toString()));
    return *result;
}

RenderOptions withPolicy(MissingPolicy policy)
{
    RenderOptions options;
    options.missing = policy;
    return options;
}

}  // namespace

class TestTemplate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultsDoNotEscapeHtml();
    void htmlEscapingIsOptIn();
    void keepReemitsTagsAsWritten();
    void keepUsesTheDelimitersInEffect();
    void emptyRendersNothingButStillReports();
    void errorReportsEveryMissingVariableAtOnce();
    void errorReportsMissingInPartialsWithTheirName();
    void missingTagInALoopIsReportedOnce();
    void sectionsOnMissingNamesAreFalseyNotMissing();
    void nullIsAValueNotAMissingVariable();
    void brokenDottedNameIsMissing();
    void valuesAreData_data();
    void valuesAreData();
    void dynamicPartialNameFromDataIsNotParsed();
    void scalarFormatting_data();
    void scalarFormatting();
    void sectionsIterateListsAndScopeObjects();
    void emptyStringAndEmptyListAreFalsey();
    void dottedNamesIndexArrays();
    void standalonePartialIsIndentedAndMissingPartialsReported();
    void recursivePartialWithoutStopFails();
    void brokenPartialFailsWithItsName();
    void compileErrors_data();
    void compileErrors();
    void compileErrorNamesTheSource();
    void discoveryListsKindsAndPositions();
    void discoveryFollowsDelimiterChanges();
    void discoveryOfSystemNamesAndParents();
    void compileOnceRenderMany();
    void concurrentRendersShareOneTemplate();
    void unicodeTextAndColumns();
    void emptyTemplateRendersEmpty();
    void preparedDataRendersTheSame();
    void keptTagsAreNotHtmlEscaped();
    void inheritanceForPromptLayouts();
    void policyNamesRoundTrip();
};

void TestTemplate::defaultsDoNotEscapeHtml()
{
    const QJsonObject data = json(R"({"code": "<b>\"x\" & 'y'</b>"})");
    QCOMPARE(renderOk(QStringLiteral("{{code}}|{{{code}}}|{{&code}}"), data),
             QStringLiteral("<b>\"x\" & 'y'</b>|<b>\"x\" & 'y'</b>|<b>\"x\" & 'y'</b>"));
}

void TestTemplate::htmlEscapingIsOptIn()
{
    RenderOptions options;
    options.escape = Escape::Html;
    const QJsonObject data = json(R"({"code": "<b>\"x\" & 'y'</b>"})");
    QCOMPARE(renderOk(QStringLiteral("{{code}}|{{{code}}}"), data, options),
             QStringLiteral("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;|<b>\"x\" & 'y'</b>"));
}

void TestTemplate::keepReemitsTagsAsWritten()
{
    const QString text = QStringLiteral("Hi {{ name }}, you are {{{role}}} in {{&team.name}}; {{known}}.");
    RenderReport report;
    const Result<QString> result = compiled(text).render(json(R"({"known": "ok"})"), {}, &report);
    QVERIFY(result.ok());
    QCOMPARE(*result, QStringLiteral("Hi {{ name }}, you are {{{role}}} in {{&team.name}}; ok."));
    QCOMPARE(report.missing.size(), 3);
    QCOMPARE(report.missing.at(0), (MissingVariable{QStringLiteral("name"), 1, 4, QString()}));
    QCOMPARE(report.missing.at(1), (MissingVariable{QStringLiteral("role"), 1, 24, QString()}));
    QCOMPARE(report.missing.at(2), (MissingVariable{QStringLiteral("team.name"), 1, 38, QString()}));
}

void TestTemplate::keepUsesTheDelimitersInEffect()
{
    const QString text = QStringLiteral("{{=<% %>=}}Dear <%name%>,\n<%={{ }}=%>{{ sign }}");
    QCOMPARE(renderOk(text, QJsonObject()), QStringLiteral("Dear <%name%>,\n{{ sign }}"));
}

void TestTemplate::emptyRendersNothingButStillReports()
{
    RenderReport report;
    const Result<QString> result = compiled(QStringLiteral("[{{a}}][{{b}}]"))
                                       .render(json(R"({"b": 2})"), withPolicy(MissingPolicy::Empty), &report);
    QVERIFY(result.ok());
    QCOMPARE(*result, QStringLiteral("[][2]"));
    QCOMPARE(report.missing.size(), 1);
    QCOMPARE(report.missing.first().name, QStringLiteral("a"));
}

void TestTemplate::errorReportsEveryMissingVariableAtOnce()
{
    const QString text = QStringLiteral("Hello {{name}},\n"
                                        "  today is {{day}}.\n"
                                        "{{#orders}}- {{item}} x{{qty}}\n{{/orders}}"
                                        "Bye {{signature}}");
    const QJsonObject data = json(R"({"day": "Monday", "orders": [{"item": "tea"}]})");
    RenderReport report;
    const Result<QString> result = compiled(text).render(data, withPolicy(MissingPolicy::Error), &report);
    QVERIFY(!result.ok());
    const Error &error = result.error();
    QCOMPARE(error.code, Error::Code::InvalidInput);
    QCOMPARE(error.line, 1);
    QCOMPARE(error.column, 7);
    QVERIFY2(error.message.contains(QStringLiteral("'name' at 1:7")), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("'qty' at 3:24")), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("'signature' at 4:16")), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("keep or empty")), qPrintable(error.message));
    QVERIFY(!error.message.contains(QStringLiteral("'day'")));

    const QList<MissingVariable> expected{
        {QStringLiteral("name"), 1, 7, QString()},
        {QStringLiteral("qty"), 3, 24, QString()},
        {QStringLiteral("signature"), 4, 16, QString()},
    };
    QCOMPARE(report.missing, expected);
}

void TestTemplate::errorReportsMissingInPartialsWithTheirName()
{
    RenderOptions options = withPolicy(MissingPolicy::Error);
    options.partials.insert(QStringLiteral("footer"), QStringLiteral("\n-- {{author}}"));
    RenderReport report;
    const Result<QString> result = compiled(QStringLiteral("Body{{>footer}}")).render(QJsonObject(), options, &report);
    QVERIFY(!result.ok());
    QCOMPARE(report.missing, (QList<MissingVariable>{{QStringLiteral("author"), 2, 4, QStringLiteral("footer")}}));
    QVERIFY2(result.error().message.contains(QStringLiteral("'author' at 2:4 in partial 'footer'")),
             qPrintable(result.error().message));
}

void TestTemplate::missingTagInALoopIsReportedOnce()
{
    RenderReport report;
    const QJsonObject data = json(R"({"rows": [{"a": 1}, {"a": 2}, {"a": 3}]})");
    const Result<QString> result = compiled(QStringLiteral("{{#rows}}{{a}}{{b}};{{/rows}}")).render(data, {}, &report);
    QVERIFY(result.ok());
    QCOMPARE(*result, QStringLiteral("1{{b}};2{{b}};3{{b}};"));
    QCOMPARE(report.missing.size(), 1);
    QCOMPARE(report.missing.first().column, 15);
}

void TestTemplate::sectionsOnMissingNamesAreFalseyNotMissing()
{
    RenderReport report;
    const Result<QString> result =
        compiled(QStringLiteral("{{#vip}}VIP {{/vip}}{{^vip}}guest{{/vip}}{{#a.b.c}}x{{/a.b.c}}"))
            .render(QJsonObject(), withPolicy(MissingPolicy::Error), &report);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(*result, QStringLiteral("guest"));
    QVERIFY(report.missing.isEmpty());
}

void TestTemplate::nullIsAValueNotAMissingVariable()
{
    RenderReport report;
    const Result<QString> result = compiled(QStringLiteral("[{{note}}]"))
                                       .render(json(R"({"note": null})"), withPolicy(MissingPolicy::Error), &report);
    QVERIFY(result.ok());
    QCOMPARE(*result, QStringLiteral("[]"));
    QVERIFY(report.missing.isEmpty());
}

void TestTemplate::brokenDottedNameIsMissing()
{
    RenderReport report;
    const Result<QString> result =
        compiled(QStringLiteral("{{user.name}}/{{user.id}}")).render(json(R"({"user": {"id": 7}})"), {}, &report);
    QVERIFY(result.ok());
    QCOMPARE(*result, QStringLiteral("{{user.name}}/7"));
    QCOMPARE(report.missing, (QList<MissingVariable>{{QStringLiteral("user.name"), 1, 1, QString()}}));
}

void TestTemplate::valuesAreData_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("variable tag") << QStringLiteral("{{secret}}");
    QTest::newRow("closing braces") << QStringLiteral("}} and }}}");
    QTest::newRow("set delimiter") << QStringLiteral("{{=<% %>=}}<%secret%>");
    QTest::newRow("section") << QStringLiteral("{{#secret}}yes{{/secret}}");
    QTest::newRow("partial") << QStringLiteral("{{>footer}}");
    QTest::newRow("unclosed") << QStringLiteral("{{secret");
    QTest::newRow("comment") << QStringLiteral("{{! hidden }}");
}

void TestTemplate::valuesAreData()
{
    QFETCH(QString, value);
    QJsonObject data;
    data.insert(QStringLiteral("input"), value);
    data.insert(QStringLiteral("secret"), QStringLiteral("LEAKED"));
    data.insert(QStringLiteral("items"), QJsonArray{value, value});
    RenderOptions options;
    options.partials.insert(QStringLiteral("footer"), QStringLiteral("LEAKED"));
    for (MissingPolicy policy : {MissingPolicy::Keep, MissingPolicy::Empty, MissingPolicy::Error}) {
        options.missing = policy;
        for (Escape escape : {Escape::None, Escape::Html}) {
            options.escape = escape;
            const QString out = renderOk(QStringLiteral("<{{{input}}}>{{#items}}[{{{.}}}]{{/items}}"), data, options);
            QCOMPARE(out, QLatin1Char('<') + value + QStringLiteral(">[") + value + QStringLiteral("][") + value +
                              QLatin1Char(']'));
            QVERIFY(!out.contains(QStringLiteral("LEAKED")));
        }
    }
    // Escaped interpolation changes the characters, never their meaning.
    options.escape = Escape::None;
    QCOMPARE(renderOk(QStringLiteral("{{input}}"), data, options), value);
}

void TestTemplate::dynamicPartialNameFromDataIsNotParsed()
{
    RenderOptions options;
    options.partials.insert(QStringLiteral("card"), QStringLiteral("[{{title}}]"));
    const QJsonObject data = json(R"({"kind": "card", "title": "{{kind}}"})");
    QCOMPARE(renderOk(QStringLiteral("{{>*kind}}"), data, options), QStringLiteral("[{{kind}}]"));
    // A name that is not a partial renders nothing and is reported.
    RenderReport report;
    const Result<QString> result = compiled(QStringLiteral("{{>*title}}")).render(data, options, &report);
    QVERIFY(result.ok());
    QCOMPARE(*result, QString());
    QCOMPARE(report.missingPartials, QStringList{QStringLiteral("{{kind}}")});
}

void TestTemplate::scalarFormatting_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("integer") << QStringLiteral("85") << QStringLiteral("85");
    QTest::newRow("negative") << QStringLiteral("-3") << QStringLiteral("-3");
    QTest::newRow("decimal") << QStringLiteral("1.21") << QStringLiteral("1.21");
    QTest::newRow("integral double") << QStringLiteral("3.0") << QStringLiteral("3");
    QTest::newRow("large integer") << QStringLiteral("9007199254740993") << QStringLiteral("9007199254740993");
    QTest::newRow("tiny") << QStringLiteral("0.000001") << QStringLiteral("1e-06");
    QTest::newRow("true") << QStringLiteral("true") << QStringLiteral("true");
    QTest::newRow("false") << QStringLiteral("false") << QStringLiteral("false");
    QTest::newRow("null") << QStringLiteral("null") << QString();
    QTest::newRow("array") << QStringLiteral("[1, \"a\"]") << QStringLiteral("[1,\"a\"]");
    QTest::newRow("object") << QStringLiteral("{\"k\": \"v\"}") << QStringLiteral("{\"k\":\"v\"}");
}

void TestTemplate::scalarFormatting()
{
    QFETCH(QString, json);
    QFETCH(QString, expected);
    const QJsonDocument document = QJsonDocument::fromJson(QStringLiteral("{\"v\": %1}").arg(json).toUtf8());
    QVERIFY(document.isObject());
    QCOMPARE(renderOk(QStringLiteral("{{v}}"), document.object()), expected);
}

void TestTemplate::sectionsIterateListsAndScopeObjects()
{
    const QJsonObject data = json(R"({
        "user": {"name": "Ada", "tags": ["math", "code"]},
        "name": "outer",
        "steps": [{"n": 1, "text": "plan"}, {"n": 2, "text": "do"}]
    })");
    const QString text = QStringLiteral("{{#user}}{{name}}: {{#tags}}<{{.}}>{{/tags}}{{/user}} {{name}}\n"
                                        "{{#steps}}\n"
                                        "{{n}}. {{text}} ({{name}})\n"
                                        "{{/steps}}\n");
    QCOMPARE(renderOk(text, data), QStringLiteral("Ada: <math><code> outer\n1. plan (outer)\n2. do (outer)\n"));
}

void TestTemplate::emptyStringAndEmptyListAreFalsey()
{
    const QJsonObject data = json(R"({"s": "", "l": [], "z": 0, "o": {}})");
    QCOMPARE(
        renderOk(QStringLiteral("{{#s}}S{{/s}}{{^s}}!s{{/s}}{{#l}}L{{/l}}{{^l}}!l{{/l}}{{#z}}Z{{/z}}{{#o}}O{{/o}}"),
                 data),
        QStringLiteral("!s!lZO"));
}

void TestTemplate::dottedNamesIndexArrays()
{
    const QJsonObject data = json(R"({"items": [{"name": "first"}, {"name": "second"}]})");
    QCOMPARE(renderOk(QStringLiteral("{{items.1.name}}/{{items.0.name}}/{{items.9.name}}"), data,
                      withPolicy(MissingPolicy::Empty)),
             QStringLiteral("second/first/"));
}

void TestTemplate::standalonePartialIsIndentedAndMissingPartialsReported()
{
    RenderOptions options;
    options.partials.insert(QStringLiteral("rules"), QStringLiteral("- be kind\n- answer in {{language}}\n"));
    const QString text = QStringLiteral("Rules:\n    {{>rules}}\n{{>absent}}Done");
    RenderReport report;
    const Result<QString> result = compiled(text).render(json(R"({"language": "French"})"), options, &report);
    QVERIFY(result.ok());
    QCOMPARE(*result, QStringLiteral("Rules:\n    - be kind\n    - answer in French\nDone"));
    QCOMPARE(report.missingPartials, QStringList{QStringLiteral("absent")});
}

void TestTemplate::recursivePartialWithoutStopFails()
{
    RenderOptions options;
    options.partials.insert(QStringLiteral("loop"), QStringLiteral("x{{>loop}}"));
    const Result<QString> result = Template::renderText(QStringLiteral("{{>loop}}"), QJsonObject(), options);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, Error::Code::InvalidInput);
    QVERIFY2(result.error().message.contains(QStringLiteral("'loop'")), qPrintable(result.error().message));
}

void TestTemplate::brokenPartialFailsWithItsName()
{
    RenderOptions options;
    options.partials.insert(QStringLiteral("card"), QStringLiteral("ok\n{{#open}}"));
    const Result<QString> result = Template::renderText(QStringLiteral("A{{>card}}"), QJsonObject(), options);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(QStringLiteral("Partial 'card'")), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(QStringLiteral("line 2, column 1")), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(QStringLiteral("{{/open}}")), qPrintable(result.error().message));
}

void TestTemplate::compileErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("unclosed section") << QStringLiteral("a\nb\ncd  {{#items}}\n- {{name}}\n") << 3 << 5
                                      << QStringLiteral(
                                             "Section 'items' opened at 3:5 is never closed; add {{/items}}");
    QTest::newRow("unclosed inner section") << QStringLiteral("{{#a}}\n {{^b}}x\n{{/a}}") << 3 << 1
                                            << QStringLiteral("does not match inverted section 'b' opened at 2:2");
    QTest::newRow("mismatched close") << QStringLiteral("{{#a}}\nx\n{{/b}}") << 3 << 1
                                      << QStringLiteral("Closing tag {{/b}} at 3:1 does not match section 'a' opened "
                                                        "at 1:1; close 'a' first with {{/a}}");
    QTest::newRow("close without open") << QStringLiteral("text\n  {{/orphan}}") << 2 << 3
                                        << QStringLiteral("Closing tag {{/orphan}} at 2:3 has no matching opening tag");
    QTest::newRow("bad delimiter") << QStringLiteral("x\n{{= x =}}") << 2 << 1
                                   << QStringLiteral("Set-delimiter tag {{= x =}} at 2:1 must name two delimiters");
    QTest::newRow("three delimiters") << QStringLiteral("{{=a b c=}}") << 1 << 1
                                      << QStringLiteral("must name two delimiters");
    QTest::newRow("unclosed set delimiter") << QStringLiteral("{{=<% %>}}") << 1 << 1
                                            << QStringLiteral("Set-delimiter tag '{{=<% %>}}' opened at 1:1 is never "
                                                              "closed; end it with =}}");
    QTest::newRow("unclosed tag") << QStringLiteral("Hello {{name") << 1 << 7
                                  << QStringLiteral("Tag '{{name' opened at 1:7 is never closed; end it with }}");
    QTest::newRow("tag runs into next") << QStringLiteral("Hello {{name\nand {{other}}") << 1 << 7
                                        << QStringLiteral("Tag '{{name' opened at 1:7 is never closed");
    QTest::newRow("unclosed triple") << QStringLiteral("x {{{raw}}") << 1 << 3
                                     << QStringLiteral("Triple-mustache tag '{{{raw}}' opened at 1:3 is never closed; "
                                                       "end it with }}}");
    QTest::newRow("unclosed comment") << QStringLiteral("\n\n{{! note") << 3 << 1
                                      << QStringLiteral("Comment '{{! note' opened at 3:1 is never closed");
    QTest::newRow("empty tag") << QStringLiteral("a {{ }} b") << 1 << 3
                               << QStringLiteral("Tag {{ }} at 1:3 has no name");
    QTest::newRow("space in name") << QStringLiteral("{{first name}}") << 1 << 1
                                   << QStringLiteral("has whitespace inside its name 'first name'");
    QTest::newRow("unclosed parent") << QStringLiteral("{{<base}}{{$a}}x{{/a}}") << 1 << 1
                                     << QStringLiteral("Parent 'base' opened at 1:1 is never closed; add {{/base}}");
    QTest::newRow("unclosed block") << QStringLiteral("{{$title}}Default") << 1 << 1
                                    << QStringLiteral("Block 'title' opened at 1:1 is never closed; add {{/title}}");
    QTest::newRow("hint uses current delimiters")
        << QStringLiteral("{{=<% %>=}}\n<%#list%>") << 2 << 1 << QStringLiteral("add <%/list%>");
}

void TestTemplate::compileErrors()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, messagePart);

    const Result<Template> result = Template::compile(text);
    QVERIFY(!result.ok());
    const Error &error = result.error();
    QCOMPARE(error.code, Error::Code::InvalidInput);
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QVERIFY2(error.message.contains(messagePart), qPrintable(error.message));
}

void TestTemplate::compileErrorNamesTheSource()
{
    CompileOptions options;
    options.sourceName = QStringLiteral("prompts/greeting.yaml");
    const Result<Template> result = Template::compile(QStringLiteral("Hi\n{{#user}}"), options);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().file, options.sourceName);
    QVERIFY(result.error().toString().startsWith(QStringLiteral("prompts/greeting.yaml:2:1: Section 'user'")));
}

void TestTemplate::discoveryListsKindsAndPositions()
{
    const QString text = QStringLiteral("Hello {{ user.name }}!\n"
                                        "{{! a comment {{ignored}} }}\n"
                                        "{{#orders}}\n"
                                        "  {{item}} {{{price}}} {{.}}\n"
                                        "{{/orders}}\n"
                                        "{{^orders}}none{{/orders}}{{>footer}}{{>*layout}}{{&raw}}");
    const Result<QList<VariableUse>> uses = Template::discover(text);
    QVERIFY(uses.ok());
    const QList<VariableUse> expected{
        {QStringLiteral("user.name"), 1, 7, VariableKind::Variable},
        {QStringLiteral("orders"), 3, 1, VariableKind::Section},
        {QStringLiteral("item"), 4, 3, VariableKind::Variable},
        {QStringLiteral("price"), 4, 12, VariableKind::Variable},
        {QStringLiteral("orders"), 6, 1, VariableKind::Inverted},
        {QStringLiteral("footer"), 6, 27, VariableKind::Partial},
        {QStringLiteral("*layout"), 6, 38, VariableKind::Partial},
        {QStringLiteral("raw"), 6, 50, VariableKind::Variable},
    };
    QCOMPARE(*uses, expected);
    QCOMPARE(compiled(text).variables(), expected);
}

void TestTemplate::discoveryFollowsDelimiterChanges()
{
    const QString text = QStringLiteral("{{a}} {{=<% %>=}} <%b%> {{notATag}}\n"
                                        "<%#c%><%d.e%><%/c%> <%={{ }}=%>{{f}}");
    const Result<QList<VariableUse>> uses = Template::discover(text);
    QVERIFY(uses.ok());
    const QList<VariableUse> expected{
        {QStringLiteral("a"), 1, 1, VariableKind::Variable},  {QStringLiteral("b"), 1, 19, VariableKind::Variable},
        {QStringLiteral("c"), 2, 1, VariableKind::Section},   {QStringLiteral("d.e"), 2, 7, VariableKind::Variable},
        {QStringLiteral("f"), 2, 32, VariableKind::Variable},
    };
    QCOMPARE(*uses, expected);
    QCOMPARE(renderOk(text, json(R"({"a": 1, "b": 2, "c": true, "d": {"e": 3}, "f": 4})")),
             QStringLiteral("1  2 {{notATag}}\n3 4"));
}

void TestTemplate::discoveryOfSystemNamesAndParents()
{
    const QString text = QStringLiteral("{{current_date}} {{#conversation_history}}{{conversation_history}}"
                                        "{{/conversation_history}}{{<layout}}{{$body}}{{day_of_week}}{{/body}}"
                                        "{{/layout}}");
    const Result<QList<VariableUse>> uses = Template::discover(text);
    QVERIFY(uses.ok());
    const QList<VariableUse> expected{
        {QStringLiteral("current_date"), 1, 1, VariableKind::System},
        {QStringLiteral("conversation_history"), 1, 18, VariableKind::Section},
        {QStringLiteral("conversation_history"), 1, 43, VariableKind::System},
        {QStringLiteral("layout"), 1, 92, VariableKind::Partial},
        {QStringLiteral("day_of_week"), 1, 112, VariableKind::System},
    };
    QCOMPARE(*uses, expected);
}

void TestTemplate::compileOnceRenderMany()
{
    const Template greeting = compiled(QStringLiteral("Hi {{name}}{{#vip}} (VIP){{/vip}}, {{count}} new."));
    QCOMPARE(*greeting.render(json(R"({"name": "Ada", "vip": true, "count": 3})")),
             QStringLiteral("Hi Ada (VIP), 3 new."));
    QCOMPARE(*greeting.render(json(R"({"name": "Bob", "vip": false, "count": 0})")), QStringLiteral("Hi Bob, 0 new."));
    QCOMPARE(*greeting.render(json(R"({"name": "Cy"})"), withPolicy(MissingPolicy::Empty)),
             QStringLiteral("Hi Cy,  new."));
    QCOMPARE(*greeting.render(json(R"({"name": "Ada", "vip": true, "count": 3})")),
             QStringLiteral("Hi Ada (VIP), 3 new."));
    QCOMPARE(greeting.source(), QStringLiteral("Hi {{name}}{{#vip}} (VIP){{/vip}}, {{count}} new."));

    const Template copy = greeting;
    QCOMPARE(*copy.render(json(R"({"name": "Dee", "count": 1})")), QStringLiteral("Hi Dee, 1 new."));
}

void TestTemplate::concurrentRendersShareOneTemplate()
{
    const Template shared = compiled(QStringLiteral("{{#rows}}{{id}}:{{label}};{{/rows}}"));
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&shared, &failures, t] {
            QJsonArray rows;
            QString expected;
            for (int i = 0; i < 50; ++i) {
                rows.append(QJsonObject{{QStringLiteral("id"), i}, {QStringLiteral("label"), QString::number(t)}});
                expected += QStringLiteral("%1:%2;").arg(i).arg(t);
            }
            const QJsonObject data{{QStringLiteral("rows"), rows}};
            for (int round = 0; round < 200; ++round) {
                const Result<QString> out = shared.render(data);
                if (!out.ok() || *out != expected)
                    ++failures;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
}

void TestTemplate::unicodeTextAndColumns()
{
    const QString text = QStringLiteral("Grüße 👋 {{name}} — {{city}}\n東京: {{missing}}");
    const QJsonObject data{{QStringLiteral("name"), QStringLiteral("Zoë")},
                           {QStringLiteral("city"), QStringLiteral("Αθήνα 🏛")}};
    RenderReport report;
    const Result<QString> result = compiled(text).render(data, {}, &report);
    QVERIFY(result.ok());
    QCOMPARE(*result, QStringLiteral("Grüße 👋 Zoë — Αθήνα 🏛\n東京: {{missing}}"));
    // Columns are UTF-16 code units: the emoji is a surrogate pair and counts twice.
    const Result<QList<VariableUse>> uses = Template::discover(text);
    QVERIFY(uses.ok());
    QCOMPARE(uses->at(0).column, 10);
    QCOMPARE(uses->at(1).column, 21);
    QCOMPARE(report.missing, (QList<MissingVariable>{{QStringLiteral("missing"), 2, 5, QString()}}));
}

void TestTemplate::emptyTemplateRendersEmpty()
{
    const Template empty;
    QCOMPARE(*empty.render(json(R"({"a": 1})")), QString());
    QVERIFY(empty.variables().isEmpty());
    QCOMPARE(*compiled(QString()).render(QJsonObject()), QString());
}

void TestTemplate::preparedDataRendersTheSame()
{
    const QJsonObject json = QJsonDocument::fromJson(R"({
        "user": {"name": "Ada", "age": 36, "score": 0.75, "admin": false, "big": 9007199254740993},
        "items": [{"n": 1}, {"n": 2.5}, {"n": -0.125}],
        "many": {"k01": 1, "k02": 2, "k03": 3, "k04": 4, "k05": 5, "k06": 6, "k07": 7, "k08": 8, "k09": 9,
                 "k10": 10, "k11": 11, "k12": 12}
    })")
                                 .object();
    const QString text = QStringLiteral("{{user.name}} {{user.age}} {{user.score}} {{user.admin}} {{user.big}} "
                                        "{{#items}}[{{n}}]{{/items}} {{many.k01}}{{many.k07}}{{many.k12}} "
                                        "{{many.k13}} {{user}}");
    const Template tpl = compiled(text);
    const RenderData prepared = RenderData::fromJson(json);
    QCOMPARE(prepared.json(), QJsonValue(json));
    const QString expected = QStringLiteral("Ada 36 0.75 false 9007199254740993 [1][2.5][-0.125] 1712 {{many.k13}} "
                                            "{\"admin\":false,\"age\":36,\"big\":9007199254740993,\"name\":\"Ada\","
                                            "\"score\":0.75}");
    QCOMPARE(*tpl.render(json), expected);
    QCOMPARE(*tpl.render(prepared), expected);
    QCOMPARE(*tpl.render(prepared), expected);
    QCOMPARE(*tpl.render(RenderData(), withPolicy(MissingPolicy::Empty)), QString(8, QLatin1Char(' ')));
}

void TestTemplate::keptTagsAreNotHtmlEscaped()
{
    RenderOptions options;
    options.escape = Escape::Html;
    QCOMPARE(renderOk(QStringLiteral("<{{a}}>&{{{b}}}"), QJsonObject(), options), QStringLiteral("<{{a}}>&{{{b}}}"));
}

void TestTemplate::inheritanceForPromptLayouts()
{
    RenderOptions options;
    options.partials.insert(QStringLiteral("base"), QStringLiteral("# Role\n"
                                                                   "{{$role}}You are a helpful assistant.{{/role}}\n"
                                                                   "# Rules\n"
                                                                   "  {{$rules}}\n"
                                                                   "  - be brief\n"
                                                                   "  {{/rules}}\n"
                                                                   "Reply in {{language}}.\n"));
    const QString child = QStringLiteral("{{<base}}\n"
                                         "{{$role}}You are {{name}}, a travel agent.{{/role}}\n"
                                         "{{$rules}}\n"
                                         "    - quote prices in {{currency}}\n"
                                         "    - never book without consent\n"
                                         "{{/rules}}\n"
                                         "{{/base}}\n");
    const QJsonObject data = json(R"({"name": "Max", "currency": "EUR", "language": "German"})");
    QCOMPARE(renderOk(child, data, options), QStringLiteral("# Role\n"
                                                            "You are Max, a travel agent.\n"
                                                            "# Rules\n"
                                                            "  - quote prices in EUR\n"
                                                            "  - never book without consent\n"
                                                            "Reply in German.\n"));
    // Without overrides the parent's defaults render, like a partial.
    QCOMPARE(renderOk(QStringLiteral("{{>base}}"), data, options),
             QStringLiteral("# Role\nYou are a helpful assistant.\n# Rules\n  - be brief\nReply in German.\n"));
}

void TestTemplate::policyNamesRoundTrip()
{
    for (MissingPolicy policy : {MissingPolicy::Keep, MissingPolicy::Empty, MissingPolicy::Error})
        QCOMPARE(missingPolicyFromName(missingPolicyName(policy)), policy);
    QCOMPARE(missingPolicyFromName(u"ERROR"), MissingPolicy::Error);
    QVERIFY(!missingPolicyFromName(u"ignore").has_value());
}

QTEST_GUILESS_MAIN(TestTemplate)
#include "tst_template.moc"
