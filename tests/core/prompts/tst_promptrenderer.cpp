#include "core/prompts/PromptDocumentParser.h"
#include "core/prompts/PromptRenderer.h"
#include "core/templating/SystemVariables.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Switchyard;
using Templating::MissingPolicy;
using Templating::RenderOptions;
using Templating::SystemVariables;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/prompts/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

PromptDocument plainDocument()
{
    auto parsed = PromptDocumentParser::parse(fixture(QStringLiteral("plain.yaml")), QStringLiteral("plain.yaml"));
    if (!parsed)
        qFatal("plain.yaml does not parse: %s", qPrintable(parsed.error().toString()));
    return parsed->doc;
}

PromptDocument documentWith(const QString &system, const QString &user = QString())
{
    PromptDocument doc;
    doc.key = QStringLiteral("test");
    doc.system = system;
    doc.user = user;
    return doc;
}

}  // namespace

class TestPromptRenderer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rendersPlainPrompt();
    void keepPolicyKeepsTagsAndReportsThem();
    void emptyPolicyDropsTagsAndStillReportsThem();
    void errorPolicyListsEveryMissingVariable();
    void samplesAreNotUsedImplicitly();
    void systemVariables();
    void rendersStructuredPrompt_data();
    void rendersStructuredPrompt();
    void structuredMissingVariablesNameTheirSection();
    void templateErrorsNameThePart_data();
    void templateErrorsNameThePart();
    void compileOnceRenderMany();
    void valuesAreData();
    void partialsAndEscaping();
    void defaultRendererIsEmpty();

private:
    SystemVariables m_system;
};

void TestPromptRenderer::initTestCase()
{
    m_system.setTimeZone(QTimeZone::utc());
    m_system.setClock([] { return QDateTime(QDate(2026, 1, 15), QTime(14, 45), QTimeZone::utc()); });
    m_system.setRandomSeed(11);
}

void TestPromptRenderer::rendersPlainPrompt()
{
    const QJsonObject variables{{QStringLiteral("product"), QStringLiteral("Switchyard")},
                                {QStringLiteral("customer_name"), QStringLiteral("Ada")},
                                {QStringLiteral("question"), QStringLiteral("Where is my invoice?")}};
    const auto rendered = PromptRenderer::render(plainDocument(), variables);
    QVERIFY2(rendered.ok(), qPrintable(rendered.ok() ? QString() : rendered.error().toString()));
    QCOMPARE(rendered->system, QStringLiteral("You are a support agent for Switchyard.\n"
                                              "Answer Ada in a friendly, concise tone.\n"
                                              "\n"
                                              "Never promise refunds; link to the refund policy instead.\n"));
    QCOMPARE(rendered->user, QStringLiteral("Where is my invoice?"));
    QVERIFY(rendered->missing.isEmpty());
}

void TestPromptRenderer::keepPolicyKeepsTagsAndReportsThem()
{
    const auto rendered =
        PromptRenderer::render(plainDocument(), QJsonObject{{QStringLiteral("product"), QStringLiteral("Switchyard")}});
    QVERIFY(rendered.ok());
    QVERIFY(rendered->system.contains(QStringLiteral("Answer {{customer_name}} in a friendly")));
    QCOMPARE(rendered->user, QStringLiteral("{{question}}"));
    QCOMPARE(rendered->missing,
             (QList<MissingPromptVariable>{
                 {QStringLiteral("customer_name"), QStringLiteral("system"), QString(), 2, 8, QString()},
                 {QStringLiteral("question"), QStringLiteral("user"), QString(), 1, 1, QString()}}));
    QCOMPARE(rendered->missingNames(), (QStringList{QStringLiteral("customer_name"), QStringLiteral("question")}));
}

void TestPromptRenderer::emptyPolicyDropsTagsAndStillReportsThem()
{
    RenderOptions options;
    options.missing = MissingPolicy::Empty;
    const auto rendered = PromptRenderer::render(
        plainDocument(), QJsonObject{{QStringLiteral("product"), QStringLiteral("Switchyard")}}, options);
    QVERIFY(rendered.ok());
    QVERIFY(rendered->system.contains(QStringLiteral("Answer  in a friendly")));
    QCOMPARE(rendered->user, QString());
    QCOMPARE(rendered->missingNames(), (QStringList{QStringLiteral("customer_name"), QStringLiteral("question")}));
}

void TestPromptRenderer::errorPolicyListsEveryMissingVariable()
{
    RenderOptions options;
    options.missing = MissingPolicy::Error;
    const auto rendered = PromptRenderer::render(
        plainDocument(), QJsonObject{{QStringLiteral("product"), QStringLiteral("Switchyard")}}, options);
    QVERIFY(!rendered.ok());
    QCOMPARE(rendered.error().code, Error::Code::InvalidInput);
    QCOMPARE(rendered.error().message,
             QStringLiteral("Missing variables 'customer_name' (the system instruction, line 2, column 8), 'question' "
                            "(the user message, line 1, column 1). Provide them in the variables, or render with the "
                            "keep or empty missing-variable policy."));

    // With everything supplied the error policy renders exactly like keep.
    const QJsonObject all{{QStringLiteral("product"), QStringLiteral("P")},
                          {QStringLiteral("customer_name"), QStringLiteral("C")},
                          {QStringLiteral("question"), QStringLiteral("Q")}};
    const auto strict = PromptRenderer::render(plainDocument(), all, options);
    const auto lenient = PromptRenderer::render(plainDocument(), all);
    QVERIFY(strict.ok() && lenient.ok());
    QCOMPARE(strict->system, lenient->system);
    QCOMPARE(strict->user, QStringLiteral("Q"));
}

void TestPromptRenderer::samplesAreNotUsedImplicitly()
{
    const PromptDocument doc = plainDocument();
    QVERIFY(!doc.variables.first().sample.isUndefined());  // the fixture declares samples...
    const auto rendered = PromptRenderer::render(doc, QJsonObject());
    QVERIFY(rendered.ok());
    // ...but rendering without variables leaves every tag unresolved.
    QVERIFY(!rendered->system.contains(QStringLiteral("Ada")));
    QVERIFY(!rendered->system.contains(QStringLiteral("Switchyard")));
    QCOMPARE(rendered->missingNames(),
             (QStringList{QStringLiteral("product"), QStringLiteral("customer_name"), QStringLiteral("question")}));

    // A preview that wants them passes them explicitly.
    QJsonObject samples;
    for (const PromptVariable &variable : doc.variables)
        samples.insert(variable.name, variable.sample);
    const auto preview = PromptRenderer::render(doc, samples);
    QVERIFY(preview.ok());
    QVERIFY(preview->system.contains(QStringLiteral("Answer Ada in")));
    QCOMPARE(preview->missingNames(), QStringList{QStringLiteral("question")});
}

void TestPromptRenderer::systemVariables()
{
    const PromptDocument doc = documentWith(
        QStringLiteral("Today is {{day_of_week}}, {{current_date}} at {{current_time}}. Pick {{random_number_1_4}}."));
    RenderOptions options;
    options.system = &m_system;
    const auto rendered = PromptRenderer::render(doc, QJsonObject(), options);
    QVERIFY(rendered.ok());
    QVERIFY2(rendered->system.startsWith(QStringLiteral("Today is Thursday, 15 January 2026 at 02:45 PM. Pick ")),
             qPrintable(rendered->system));
    const int pick = rendered->system.mid(rendered->system.size() - 2, 1).toInt();
    QVERIFY(pick >= 1 && pick <= 4);
    QVERIFY(rendered->missing.isEmpty());

    // Data wins over a system variable of the same name.
    const auto overridden = PromptRenderer::render(
        doc, QJsonObject{{QStringLiteral("current_date"), QStringLiteral("yesterday")}}, options);
    QVERIFY(overridden.ok());
    QVERIFY(overridden->system.startsWith(QStringLiteral("Today is Thursday, yesterday at")));

    // Without system variables they are just missing.
    const auto without = PromptRenderer::render(doc, QJsonObject());
    QVERIFY(without.ok());
    QCOMPARE(without->missingNames(),
             (QStringList{QStringLiteral("day_of_week"), QStringLiteral("current_date"), QStringLiteral("current_time"),
                          QStringLiteral("random_number_1_4")}));
}

void TestPromptRenderer::rendersStructuredPrompt_data()
{
    QTest::addColumn<bool>("withOptionalParts");
    QTest::addColumn<QString>("expectedFile");
    QTest::newRow("full") << true << QStringLiteral("astrologer.full.expected.yaml");
    QTest::newRow("minimal") << false << QStringLiteral("astrologer.minimal.expected.yaml");
}

void TestPromptRenderer::rendersStructuredPrompt()
{
    QFETCH(bool, withOptionalParts);
    QFETCH(QString, expectedFile);

    const auto parsed =
        PromptDocumentParser::parse(fixture(QStringLiteral("astrologer.yaml")), QStringLiteral("astrologer.yaml"));
    QVERIFY(parsed.ok());
    QJsonObject variables{
        {QStringLiteral("user_name"), QStringLiteral("Priya")},
        {QStringLiteral("profile"), QJsonObject{{QStringLiteral("sun_sign"), QStringLiteral("Virgo")},
                                                {QStringLiteral("moon_sign"), QStringLiteral("Pisces")},
                                                {QStringLiteral("ascendant"), QStringLiteral("Scorpio")}}},
        {QStringLiteral("question"), QStringLiteral("Is March good for a move?")}};
    if (withOptionalParts) {
        variables.insert(QStringLiteral("partner"),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("Arjun")},
                                     {QStringLiteral("sun_sign"), QStringLiteral("Leo")},
                                     {QStringLiteral("moon_sign"), QStringLiteral("Taurus")}});
        variables.insert(QStringLiteral("past_memories"), QJsonArray{QStringLiteral("Started a new job in March"),
                                                                     QStringLiteral("Worried about a move abroad")});
    }
    auto renderer = PromptRenderer::compile(parsed->doc);
    QVERIFY(renderer.ok());
    QVERIFY(renderer->isStructured());
    RenderOptions options;
    options.system = &m_system;
    options.missing = MissingPolicy::Error;
    const auto rendered = renderer->render(variables, options);
    QVERIFY2(rendered.ok(), qPrintable(rendered.ok() ? QString() : rendered.error().toString()));
    QCOMPARE(rendered->system, QString::fromUtf8(fixture(expectedFile)));
    QCOMPARE(rendered->user, QStringLiteral("Is March good for a move?"));
    QVERIFY(rendered->missing.isEmpty());
}

void TestPromptRenderer::structuredMissingVariablesNameTheirSection()
{
    PromptDocument doc;
    doc.key = QStringLiteral("s");
    doc.sections = {{QStringLiteral("Role"), QStringLiteral("Speak with {{user_name}}.")},
                    {QStringLiteral("Memories"), QStringLiteral("{{#memories}}\n- {{.}}\n{{/memories}}")}};
    doc.user = QStringLiteral("{{question}}");
    RenderOptions options;
    options.missing = MissingPolicy::Error;
    const auto rendered = PromptRenderer::render(doc, QJsonObject(), options);
    QVERIFY(!rendered.ok());
    QCOMPARE(rendered.error().message,
             QStringLiteral("Missing variables 'user_name' (section 'Role', line 1, column 12), 'question' (the user "
                            "message, line 1, column 1). Provide them in the variables, or render with the keep or "
                            "empty missing-variable policy."));

    const auto kept = PromptRenderer::render(doc, QJsonObject());
    QVERIFY(kept.ok());
    QCOMPARE(kept->system, QStringLiteral("Role: |\n  Speak with {{user_name}}.\n"));
    QCOMPARE(kept->missing.first().section, QStringLiteral("Role"));
    QCOMPARE(kept->missing.first().part, QStringLiteral("system"));
}

void TestPromptRenderer::templateErrorsNameThePart_data()
{
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("unclosed section in system")
        << QStringLiteral("Hello\n  {{#items}}x") << QString()
        << QStringLiteral("the system instruction, line 2, column 3: ") << QStringLiteral("items");
    QTest::newRow("mismatched close in user")
        << QStringLiteral("fine") << QStringLiteral("{{#a}}{{/b}}")
        << QStringLiteral("the user message, line 1, column 7: ") << QStringLiteral("b");
    QTest::newRow("unclosed tag in user")
        << QStringLiteral("fine") << QStringLiteral("Hi {{name")
        << QStringLiteral("the user message, line 1, column 4: ") << QStringLiteral("name");
}

void TestPromptRenderer::templateErrorsNameThePart()
{
    QFETCH(QString, system);
    QFETCH(QString, user);
    QFETCH(QString, prefix);
    QFETCH(QString, mentions);

    const auto renderer = PromptRenderer::compile(documentWith(system, user));
    QVERIFY(!renderer.ok());
    QCOMPARE(renderer.error().code, Error::Code::InvalidInput);
    QVERIFY2(renderer.error().message.startsWith(prefix), qPrintable(renderer.error().message));
    QVERIFY(renderer.error().message.mid(prefix.size()).contains(mentions));
    QCOMPARE(renderer.error().line, 0);
    QCOMPARE(renderer.error().column, 0);
    QVERIFY(!PromptRenderer::render(documentWith(system, user), QJsonObject()).ok());
}

void TestPromptRenderer::compileOnceRenderMany()
{
    auto renderer = PromptRenderer::compile(documentWith(QStringLiteral("Hello {{name}}"), QStringLiteral("{{n}}")));
    QVERIFY(renderer.ok());
    for (int i = 0; i < 3; ++i) {
        const auto rendered = renderer->render(
            QJsonObject{{QStringLiteral("name"), QStringLiteral("user %1").arg(i)}, {QStringLiteral("n"), i}});
        QVERIFY(rendered.ok());
        QCOMPARE(rendered->system, QStringLiteral("Hello user %1").arg(i));
        QCOMPARE(rendered->user, QString::number(i));
    }
}

void TestPromptRenderer::valuesAreData()
{
    const auto rendered =
        PromptRenderer::render(documentWith(QStringLiteral("Note: {{note}}"), QStringLiteral("{{question}}")),
                               QJsonObject{{QStringLiteral("note"), QStringLiteral("{{question}} {{=<% %>=}} <%x%>")},
                                           {QStringLiteral("question"), QStringLiteral("<b>{{note}}</b>")}});
    QVERIFY(rendered.ok());
    QCOMPARE(rendered->system, QStringLiteral("Note: {{question}} {{=<% %>=}} <%x%>"));
    QCOMPARE(rendered->user, QStringLiteral("<b>{{note}}</b>"));  // no HTML escaping by default
    QVERIFY(rendered->missing.isEmpty());
}

void TestPromptRenderer::partialsAndEscaping()
{
    RenderOptions options;
    options.partials.insert(QStringLiteral("signature"), QStringLiteral("-- {{team}}"));
    options.escape = Templating::Escape::Html;
    const auto rendered = PromptRenderer::render(documentWith(QStringLiteral("Hi {{who}}\n{{>signature}}")),
                                                 QJsonObject{{QStringLiteral("who"), QStringLiteral("A & B")},
                                                             {QStringLiteral("team"), QStringLiteral("Support")}},
                                                 options);
    QVERIFY(rendered.ok());
    QCOMPARE(rendered->system, QStringLiteral("Hi A &amp; B\n-- Support"));
}

void TestPromptRenderer::defaultRendererIsEmpty()
{
    const PromptRenderer renderer;
    QVERIFY(!renderer.isStructured());
    const auto rendered = renderer.render(QJsonObject{{QStringLiteral("x"), 1}});
    QVERIFY(rendered.ok());
    QVERIFY(rendered->system.isEmpty());
    QVERIFY(rendered->user.isEmpty());
    QVERIFY(rendered->missing.isEmpty());
}

QTEST_GUILESS_MAIN(TestPromptRenderer)
#include "tst_promptrenderer.moc"
