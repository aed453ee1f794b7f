#include "core/prompts/PromptDocumentParser.h"
#include "core/prompts/StructuredPromptRenderer.h"
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

QJsonObject astrologerData(bool withOptionalParts)
{
    QJsonObject data{
        {QStringLiteral("user_name"), QStringLiteral("Priya")},
        {QStringLiteral("profile"), QJsonObject{{QStringLiteral("sun_sign"), QStringLiteral("Virgo")},
                                                {QStringLiteral("moon_sign"), QStringLiteral("Pisces")},
                                                {QStringLiteral("ascendant"), QStringLiteral("Scorpio")}}},
        {QStringLiteral("question"), QStringLiteral("Is this a good month to ask for a promotion?")},
    };
    if (withOptionalParts) {
        data.insert(QStringLiteral("partner"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Arjun")},
                                                           {QStringLiteral("sun_sign"), QStringLiteral("Leo")},
                                                           {QStringLiteral("moon_sign"), QStringLiteral("Taurus")}});
        data.insert(QStringLiteral("past_memories"), QJsonArray{QStringLiteral("Started a new job in March"),
                                                                QStringLiteral("Worried about a move abroad")});
    }
    return data;
}

QStringList titles(const QList<PromptSection> &sections)
{
    QStringList list;
    for (const PromptSection &section : sections)
        list << section.title;
    return list;
}

}  // namespace

class TestStructuredPrompt : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sectionOrderIsPreserved();
    void emptySectionsAreDropped();
    void blankLinesAroundSectionsAreTrimmed();
    void astrologer_data();
    void astrologer();
    void outputParsesBackAsPromptSections();
    void valuesAreDataEvenWhenTheyLookLikeYaml();
    void missingVariablesAreReportedPerSection();
    void errorPolicyListsEveryMissingVariable();
    void templateErrorNamesTheSection();
    void fromYamlRejectsNonMappings();
    void toYamlSkipsBlankSections();

private:
    SystemVariables m_system;
};

void TestStructuredPrompt::initTestCase()
{
    m_system.setTimeZone(QTimeZone::utc());
    m_system.setClock([] { return QDateTime(QDate(2026, 1, 15), QTime(14, 45), QTimeZone::utc()); });
    m_system.setRandomSeed(7);
}

void TestStructuredPrompt::sectionOrderIsPreserved()
{
    const QList<PromptSection> sections{{QStringLiteral("Zeta"), QStringLiteral("last letter first")},
                                        {QStringLiteral("Alpha"), QStringLiteral("{{a}}")},
                                        {QStringLiteral("Middle"), QStringLiteral("m")},
                                        {QStringLiteral("Beta"), QStringLiteral("b")}};
    auto renderer = StructuredPromptRenderer::compile(sections);
    QVERIFY(renderer.ok());
    const auto yaml = renderer->render(QJsonObject{{QStringLiteral("a"), QStringLiteral("A")}});
    QVERIFY(yaml.ok());
    QCOMPARE(*yaml, QStringLiteral("Zeta: |\n  last letter first\nAlpha: |\n  A\nMiddle: |\n  m\nBeta: |\n  b\n"));
    const auto back = StructuredPromptRenderer::fromYaml(*yaml);
    QVERIFY(back.ok());
    QCOMPARE(titles(*back), (QStringList{QStringLiteral("Zeta"), QStringLiteral("Alpha"), QStringLiteral("Middle"),
                                         QStringLiteral("Beta")}));
}

void TestStructuredPrompt::emptySectionsAreDropped()
{
    const QList<PromptSection> sections{
        {QStringLiteral("Kept"), QStringLiteral("always")},
        {QStringLiteral("Absent section"), QStringLiteral("{{#memories}}\n- {{.}}\n{{/memories}}\n")},
        {QStringLiteral("Empty list"), QStringLiteral("{{#items}}\n- {{.}}\n{{/items}}\n")},
        {QStringLiteral("Whitespace"), QStringLiteral("  \n\t\n   ")},
        {QStringLiteral("Blank value"), QStringLiteral("{{blank}}")},
        {QStringLiteral("Inverted"), QStringLiteral("{{^memories}}No memories yet.{{/memories}}")},
        {QStringLiteral("Empty text"), QString()},
    };
    auto renderer = StructuredPromptRenderer::compile(sections);
    QVERIFY(renderer.ok());
    const QJsonObject data{{QStringLiteral("items"), QJsonArray()}, {QStringLiteral("blank"), QStringLiteral(" \n ")}};
    const auto rendered = renderer->renderSections(data);
    QVERIFY(rendered.ok());
    QCOMPARE(titles(*rendered), (QStringList{QStringLiteral("Kept"), QStringLiteral("Inverted")}));
    QCOMPARE(rendered->at(1).text, QStringLiteral("No memories yet.\n"));

    // A section whose only content is a missing variable disappears under the empty policy and stays (showing the
    // tag) under keep.
    auto missingOnly = StructuredPromptRenderer::compile({{QStringLiteral("Profile"), QStringLiteral("{{profile}}")}});
    QVERIFY(missingOnly.ok());
    RenderOptions empty;
    empty.missing = MissingPolicy::Empty;
    QCOMPARE(*missingOnly->render(QJsonObject(), empty), QString());
    QCOMPARE(*missingOnly->render(QJsonObject()), QStringLiteral("Profile: |\n  {{profile}}\n"));
}

void TestStructuredPrompt::blankLinesAroundSectionsAreTrimmed()
{
    auto renderer = StructuredPromptRenderer::compile(
        {{QStringLiteral("Code"), QStringLiteral("\n\n    indented first line\nsecond\n\n\n")},
         {QStringLiteral("Inner blank lines"), QStringLiteral("a\n\n\nb")}});
    QVERIFY(renderer.ok());
    const auto sections = renderer->renderSections(QJsonObject());
    QVERIFY(sections.ok());
    QCOMPARE(sections->at(0).text, QStringLiteral("    indented first line\nsecond\n"));
    QCOMPARE(sections->at(1).text, QStringLiteral("a\n\n\nb\n"));
    const QString yaml = StructuredPromptRenderer::toYaml(*sections);
    QCOMPARE(yaml,
             QStringLiteral("Code: |2\n      indented first line\n  second\nInner blank lines: |\n  a\n\n\n  b\n"));
    QCOMPARE(*StructuredPromptRenderer::fromYaml(yaml), *sections);
}

void TestStructuredPrompt::astrologer_data()
{
    QTest::addColumn<bool>("withOptionalParts");
    QTest::addColumn<QString>("expectedFile");
    QTest::newRow("with partner and memories") << true << QStringLiteral("astrologer.full.expected.yaml");
    QTest::newRow("without partner and memories") << false << QStringLiteral("astrologer.minimal.expected.yaml");
}

void TestStructuredPrompt::astrologer()
{
    QFETCH(bool, withOptionalParts);
    QFETCH(QString, expectedFile);

    const auto parsed =
        PromptDocumentParser::parse(fixture(QStringLiteral("astrologer.yaml")), QStringLiteral("astrologer.yaml"));
    QVERIFY(parsed.ok());
    auto renderer = StructuredPromptRenderer::compile(parsed->doc.sections);
    QVERIFY2(renderer.ok(), qPrintable(renderer.ok() ? QString() : renderer.error().toString()));
    RenderOptions options;
    options.system = &m_system;
    options.missing = MissingPolicy::Error;  // every variable the kept sections use is supplied
    QList<MissingPromptVariable> missing;
    const auto yaml = renderer->render(astrologerData(withOptionalParts), options, &missing);
    QVERIFY2(yaml.ok(), qPrintable(yaml.ok() ? QString() : yaml.error().toString()));
    QVERIFY(missing.isEmpty());
    QCOMPARE(*yaml, QString::fromUtf8(fixture(expectedFile)));

    const auto sections = renderer->renderSections(astrologerData(withOptionalParts), options);
    QVERIFY(sections.ok());
    QCOMPARE(titles(*sections).contains(QStringLiteral("Partner Profile")), withOptionalParts);
    QCOMPARE(titles(*sections).contains(QStringLiteral("Past Memories")), withOptionalParts);
    QCOMPARE(sections->size(), withOptionalParts ? 9 : 7);
}

void TestStructuredPrompt::outputParsesBackAsPromptSections()
{
    const auto parsed =
        PromptDocumentParser::parse(fixture(QStringLiteral("astrologer.yaml")), QStringLiteral("astrologer.yaml"));
    QVERIFY(parsed.ok());
    auto renderer = StructuredPromptRenderer::compile(parsed->doc.sections);
    QVERIFY(renderer.ok());
    RenderOptions options;
    options.system = &m_system;
    const auto sections = renderer->renderSections(astrologerData(true), options);
    const auto yaml = renderer->render(astrologerData(true), options);
    QVERIFY(sections.ok() && yaml.ok());

    const auto back = StructuredPromptRenderer::fromYaml(*yaml);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
    QCOMPARE(*back, *sections);

    // The instruction is also a valid sectioned prompt document once given a key.
    const QByteArray asDocument =
        "key: reparsed\nsections:\n" + QByteArray("  ") + yaml->toUtf8().replace("\n", "\n  ");
    const auto document = PromptDocumentParser::parse(asDocument.trimmed() + "\n", QStringLiteral("doc.yaml"));
    QVERIFY2(document.ok(), qPrintable(document.ok() ? QString() : document.error().toString()));
    QCOMPARE(document->doc.sections, *sections);
}

void TestStructuredPrompt::valuesAreDataEvenWhenTheyLookLikeYaml()
{
    auto renderer = StructuredPromptRenderer::compile(
        {{QStringLiteral("Context"), QStringLiteral("{{note}}")}, {QStringLiteral("Tail"), QStringLiteral("end")}});
    QVERIFY(renderer.ok());
    const QString tricky = QStringLiteral("Tail: injected\n---\n  {{note}} \"quoted\" # not a comment\n- item: [1, 2]");
    const auto yaml = renderer->render(QJsonObject{{QStringLiteral("note"), tricky}});
    QVERIFY(yaml.ok());
    const auto back = StructuredPromptRenderer::fromYaml(*yaml);
    QVERIFY2(back.ok(), qPrintable(*yaml));
    QCOMPARE(back->size(), 2);
    QCOMPARE(back->at(0), (PromptSection{QStringLiteral("Context"), tricky + QLatin1Char('\n')}));
    QCOMPARE(back->at(1), (PromptSection{QStringLiteral("Tail"), QStringLiteral("end\n")}));
}

void TestStructuredPrompt::missingVariablesAreReportedPerSection()
{
    auto renderer = StructuredPromptRenderer::compile(
        {{QStringLiteral("Role"), QStringLiteral("You talk to {{user_name}}.")},
         {QStringLiteral("Profile"), QStringLiteral("Sun: {{profile.sun_sign}}\nMoon: {{profile.moon_sign}}")}});
    QVERIFY(renderer.ok());
    QList<MissingPromptVariable> missing;
    const auto yaml = renderer->render(QJsonObject{{QStringLiteral("user_name"), QStringLiteral("Ada")}}, {}, &missing);
    QVERIFY(yaml.ok());
    QVERIFY(yaml->contains(QStringLiteral("Sun: {{profile.sun_sign}}")));
    QCOMPARE(missing.size(), 2);
    QCOMPARE(missing.at(0), (MissingPromptVariable{QStringLiteral("profile.sun_sign"), QStringLiteral("system"),
                                                   QStringLiteral("Profile"), 1, 6, QString()}));
    QCOMPARE(missing.at(1).name, QStringLiteral("profile.moon_sign"));
    QCOMPARE(missing.at(1).line, 2);
}

void TestStructuredPrompt::errorPolicyListsEveryMissingVariable()
{
    auto renderer = StructuredPromptRenderer::compile({{QStringLiteral("Role"), QStringLiteral("Hi {{a}}")},
                                                       {QStringLiteral("Other"), QStringLiteral("{{b}} and {{c}}")}});
    QVERIFY(renderer.ok());
    RenderOptions options;
    options.missing = MissingPolicy::Error;
    const auto yaml = renderer->render(QJsonObject{{QStringLiteral("c"), 1}}, options);
    QVERIFY(!yaml.ok());
    QCOMPARE(yaml.error().code, Error::Code::InvalidInput);
    QCOMPARE(yaml.error().message,
             QStringLiteral("Missing variables 'a' (section 'Role', line 1, column 4), 'b' (section 'Other', line 1, "
                            "column 1). Provide them in the variables, or render with the keep or empty "
                            "missing-variable policy."));
}

void TestStructuredPrompt::templateErrorNamesTheSection()
{
    const auto renderer = StructuredPromptRenderer::compile(
        {{QStringLiteral("Role"), QStringLiteral("fine")},
         {QStringLiteral("Past Memories"), QStringLiteral("\n  {{#past_memories}}\n- {{.}}\n")}});
    QVERIFY(!renderer.ok());
    QCOMPARE(renderer.error().code, Error::Code::InvalidInput);
    QVERIFY2(renderer.error().message.startsWith(QStringLiteral("section 'Past Memories', line 2, column 3: ")),
             qPrintable(renderer.error().message));
    QVERIFY(renderer.error().message.contains(QStringLiteral("past_memories")));
    QCOMPARE(renderer.error().line, 0);  // section-relative positions are in the message, not posing as file positions
}

void TestStructuredPrompt::fromYamlRejectsNonMappings()
{
    QVERIFY(StructuredPromptRenderer::fromYaml(QString())->isEmpty());
    const auto list = StructuredPromptRenderer::fromYaml(QStringLiteral("- a\n- b\n"));
    QVERIFY(!list.ok());
    QVERIFY(list.error().message.contains(QStringLiteral("must be a mapping of 'Title: text' lines, got a list")));
    const auto nested = StructuredPromptRenderer::fromYaml(QStringLiteral("Role:\n  inner: x\n"));
    QVERIFY(!nested.ok());
    QCOMPARE(nested.error().line, 2);
    const auto deep = StructuredPromptRenderer::fromYaml(QString(100000, QLatin1Char('[')));
    QVERIFY(!deep.ok());
    QVERIFY(deep.error().message.contains(QStringLiteral("nesting is deeper than")));
}

void TestStructuredPrompt::toYamlSkipsBlankSections()
{
    const QString yaml = StructuredPromptRenderer::toYaml({{QStringLiteral("A"), QStringLiteral("one line")},
                                                           {QStringLiteral("B"), QStringLiteral(" \n ")},
                                                           {QStringLiteral("Steps: 1"), QStringLiteral("x\ny")}});
    QCOMPARE(yaml, QStringLiteral("A: one line\n\"Steps: 1\": |-\n  x\n  y\n"));
}

QTEST_GUILESS_MAIN(TestStructuredPrompt)
#include "tst_structuredprompt.moc"
