// Runs the public Mustache spec (read in place from the shared conformance folder) against the engine, with the
// settings the spec assumes: HTML escaping on and missing names rendered empty.

#include "core/templating/Template.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QTest>

using Switchyard::Result;
using namespace Switchyard::Templating;

namespace {

struct SpecCase {
    QString tag;  ///< "file: case name"
    QString templateText;
    QJsonValue data;
    QHash<QString, QString> partials;
    QString expected;
};

// Every spec file the engine implements; ~lambdas needs code in the data and is out of scope.
const char *const kSpecFiles[] = {"comments", "delimiters", "interpolation",  "inverted",
                                  "partials", "sections",   "~dynamic-names", "~inheritance"};
constexpr int kExpectedCases = 184;

}  // namespace

class TestMustacheSpec : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everySpecFileIsPresentAndComplete();
    void spec_data();
    void spec();

private:
    QList<SpecCase> m_cases;
    QHash<QString, int> m_casesPerFile;
};

void TestMustacheSpec::initTestCase()
{
    const QDir dir(QStringLiteral(SWITCHYARD_MUSTACHE_SPEC_DIR));
    if (!dir.exists())
        QFAIL(qPrintable(QStringLiteral("Mustache spec folder %1 does not exist; set SWITCHYARD_CONFORMANCE_DIR")
                             .arg(dir.absolutePath())));

    QSet<QString> tags;
    for (const char *base : kSpecFiles) {
        const QString fileName = QString::fromLatin1(base);
        QFile file(dir.filePath(fileName + QStringLiteral(".json")));
        if (!file.open(QIODevice::ReadOnly))
            QFAIL(qPrintable(QStringLiteral("Cannot read spec file %1").arg(file.fileName())));
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (document.isNull())
            QFAIL(
                qPrintable(QStringLiteral("%1 is not valid JSON: %2").arg(file.fileName(), parseError.errorString())));

        const QJsonArray tests = document.object().value(QStringLiteral("tests")).toArray();
        for (const QJsonValue &entry : tests) {
            const QJsonObject test = entry.toObject();
            SpecCase specCase;
            specCase.tag = fileName + QStringLiteral(": ") + test.value(QStringLiteral("name")).toString();
            // The spec has two cases named "Text inside parent"; data tags must be unique.
            for (int n = 2; tags.contains(specCase.tag); ++n)
                specCase.tag = specCase.tag.section(QStringLiteral(" #"), 0, 0) + QStringLiteral(" #%1").arg(n);
            tags.insert(specCase.tag);
            specCase.templateText = test.value(QStringLiteral("template")).toString();
            specCase.data = test.value(QStringLiteral("data"));
            specCase.expected = test.value(QStringLiteral("expected")).toString();
            const QJsonObject partials = test.value(QStringLiteral("partials")).toObject();
            for (auto it = partials.constBegin(); it != partials.constEnd(); ++it)
                specCase.partials.insert(it.key(), it.value().toString());
            m_cases.append(specCase);
            ++m_casesPerFile[fileName];
        }
    }
    if (m_cases.size() < kExpectedCases)
        QFAIL(qPrintable(QStringLiteral("Found only %1 Mustache spec cases in %2, expected %3")
                             .arg(m_cases.size())
                             .arg(dir.absolutePath())
                             .arg(kExpectedCases)));
}

void TestMustacheSpec::everySpecFileIsPresentAndComplete()
{
    QCOMPARE(m_cases.size(), kExpectedCases);
    QCOMPARE(m_casesPerFile.value(QStringLiteral("comments")), 12);
    QCOMPARE(m_casesPerFile.value(QStringLiteral("delimiters")), 14);
    QCOMPARE(m_casesPerFile.value(QStringLiteral("interpolation")), 42);
    QCOMPARE(m_casesPerFile.value(QStringLiteral("inverted")), 22);
    QCOMPARE(m_casesPerFile.value(QStringLiteral("partials")), 12);
    QCOMPARE(m_casesPerFile.value(QStringLiteral("sections")), 34);
    QCOMPARE(m_casesPerFile.value(QStringLiteral("~dynamic-names")), 21);
    QCOMPARE(m_casesPerFile.value(QStringLiteral("~inheritance")), 27);
}

void TestMustacheSpec::spec_data()
{
    QTest::addColumn<QString>("templateText");
    QTest::addColumn<QJsonValue>("data");
    QTest::addColumn<QHash<QString, QString>>("partials");
    QTest::addColumn<QString>("expected");
    for (const SpecCase &specCase : std::as_const(m_cases)) {
        QTest::newRow(qPrintable(specCase.tag))
            << specCase.templateText << specCase.data << specCase.partials << specCase.expected;
    }
}

void TestMustacheSpec::spec()
{
    QFETCH(QString, templateText);
    QFETCH(QJsonValue, data);
    using PartialMap = QHash<QString, QString>;
    QFETCH(PartialMap, partials);
    QFETCH(QString, expected);

    const Result<Template> compiled = Template::compile(templateText);
    QVERIFY2(compiled.ok(), qPrintable(compiled.ok() ? QString() : compiled.error().toString()));

    RenderOptions options;
    options.escape = Escape::Html;
    options.missing = MissingPolicy::Empty;
    options.partials = partials;
    const Result<QString> rendered = compiled->render(data, options);
    QVERIFY2(rendered.ok(), qPrintable(rendered.ok() ? QString() : rendered.error().toString()));
    QCOMPARE(*rendered, expected);

    // Rendering again from the same compiled template must give the same output (no state leaks between renders).
    const Result<QString> again = compiled->render(data, options);
    QVERIFY(again.ok());
    QCOMPARE(*again, expected);
}

QTEST_GUILESS_MAIN(TestMustacheSpec)
#include "tst_mustachespec.moc"
