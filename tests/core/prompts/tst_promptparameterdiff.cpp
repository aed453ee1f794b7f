#include "core/prompts/PromptParameterDiff.h"

#include <QTest>

using namespace Switchyard;

namespace {

const char *const Base = R"yaml(key: support.reply
description: Answers tickets
model: gpt-4o-mini
temperature: 0.3
max_tokens: 800
variables:
  customer_name: {description: Who wrote in, required: true}
  product: {description: Product name, sample: Switchyard}
system: |
  You are a support agent for {{product}}.
user: "{{question}}"
metadata: {owner: support, tags: [a, b]}
)yaml";

QString base()
{
    return QString::fromUtf8(Base);
}

QString replaced(const QString &from, const QString &to)
{
    QString body = base();
    if (!body.contains(from))
        qFatal("fixture lacks %s", qPrintable(from));
    return body.replace(from, to);
}

}  // namespace

class TestPromptParameterDiff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void identicalBodiesHaveNoChanges();
    void textOnlyChangeHasNoParameterChanges();
    void scalarSettings_data();
    void scalarSettings();
    void variables();
    void sectionsTitlesAndOrder();
    void userTemplatePresence();
    void metadataKeys();
    void parseErrorNamesSideAndPosition();
};

void TestPromptParameterDiff::identicalBodiesHaveNoChanges()
{
    const auto changes = PromptParameterDiff::compare(base(), base());
    QVERIFY2(changes.ok(), changes.ok() ? "" : qPrintable(changes.error().toString()));
    QVERIFY(changes->isEmpty());
}

void TestPromptParameterDiff::textOnlyChangeHasNoParameterChanges()
{
    const auto changes =
        PromptParameterDiff::compare(base(), replaced(QStringLiteral("a support agent"), QStringLiteral("an agent")));
    QVERIFY(changes.ok());
    QVERIFY(changes->isEmpty());
}

void TestPromptParameterDiff::scalarSettings_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    const auto row = [](const char *name, const char *from, const char *to, const char *parameter, const char *before,
                        const char *after) {
        QTest::newRow(name) << QString::fromUtf8(from) << QString::fromUtf8(to) << QString::fromUtf8(parameter)
                            << QString::fromUtf8(before) << QString::fromUtf8(after);
    };
    row("temperature", "temperature: 0.3", "temperature: 0.7", "temperature", "0.3", "0.7");
    row("temperature removed", "temperature: 0.3\n", "", "temperature", "0.3", "");
    row("model", "model: gpt-4o-mini", "model: gpt-4o", "model", "gpt-4o-mini", "gpt-4o");
    row("max_tokens", "max_tokens: 800", "max_tokens: 1200", "max_tokens", "800", "1200");
    row("description", "description: Answers tickets", "description: Replies", "description", "Answers tickets",
        "Replies");
}

void TestPromptParameterDiff::scalarSettings()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, parameter);
    QFETCH(QString, before);
    QFETCH(QString, after);
    const auto changes = PromptParameterDiff::compare(base(), replaced(from, to));
    QVERIFY2(changes.ok(), changes.ok() ? "" : qPrintable(changes.error().toString()));
    QCOMPARE(changes->size(), 1);
    QCOMPARE(changes->constFirst(), (ParameterChange{parameter, before, after}));
}

void TestPromptParameterDiff::variables()
{
    QString right = replaced(QStringLiteral("  product: {description: Product name, sample: Switchyard}\n"),
                             QStringLiteral("  tone: {description: How to sound}\n"));
    right.replace(QStringLiteral("{description: Who wrote in, required: true}"),
                  QStringLiteral("{description: The customer, required: false}"));
    const auto changes = PromptParameterDiff::compare(base(), right);
    QVERIFY2(changes.ok(), changes.ok() ? "" : qPrintable(changes.error().toString()));
    const QList<ParameterChange> expected = {
        {QStringLiteral("variables.customer_name.description"), QStringLiteral("Who wrote in"),
         QStringLiteral("The customer")},
        {QStringLiteral("variables.customer_name.required"), QStringLiteral("true"), QStringLiteral("false")},
        {QStringLiteral("variables.product"), QStringLiteral("declared"), QString()},
        {QStringLiteral("variables.tone"), QString(), QStringLiteral("declared")},
    };
    QCOMPARE(*changes, expected);
}

void TestPromptParameterDiff::sectionsTitlesAndOrder()
{
    const QString structured = replaced(QStringLiteral("system: |\n  You are a support agent for {{product}}.\n"),
                                        QStringLiteral("sections:\n  Role: You help.\n  Rules: Be brief.\n"));
    const QString reordered = replaced(QStringLiteral("system: |\n  You are a support agent for {{product}}.\n"),
                                       QStringLiteral("sections:\n  Rules: Be brief.\n  Role: You help.\n"));
    auto changes = PromptParameterDiff::compare(structured, reordered);
    QVERIFY2(changes.ok(), changes.ok() ? "" : qPrintable(changes.error().toString()));
    QCOMPARE(*changes, (QList<ParameterChange>{{QStringLiteral("sections"), QStringLiteral("Role, Rules"),
                                                QStringLiteral("Rules, Role")}}));

    changes = PromptParameterDiff::compare(base(), structured);
    QVERIFY(changes.ok());
    QCOMPARE(*changes,
             (QList<ParameterChange>{{QStringLiteral("sections"), QString(), QStringLiteral("Role, Rules")}}));
}

void TestPromptParameterDiff::userTemplatePresence()
{
    const auto changes = PromptParameterDiff::compare(base(), replaced(QStringLiteral("user: \"{{question}}\"\n"), {}));
    QVERIFY(changes.ok());
    QCOMPARE(*changes, (QList<ParameterChange>{{QStringLiteral("user"), QStringLiteral("set"), QString()}}));
}

void TestPromptParameterDiff::metadataKeys()
{
    const auto changes = PromptParameterDiff::compare(base(), replaced(QStringLiteral("{owner: support, tags: [a, b]}"),
                                                                       QStringLiteral("{tags: [a], reviewed: true}")));
    QVERIFY(changes.ok());
    const QList<ParameterChange> expected = {
        {QStringLiteral("metadata.owner"), QStringLiteral("support"), QString()},
        {QStringLiteral("metadata.tags"), QStringLiteral("[\"a\",\"b\"]"), QStringLiteral("[\"a\"]")},
        {QStringLiteral("metadata.reviewed"), QString(), QStringLiteral("true")},
    };
    QCOMPARE(*changes, expected);
}

void TestPromptParameterDiff::parseErrorNamesSideAndPosition()
{
    const auto changes = PromptParameterDiff::compare(
        base(), replaced(QStringLiteral("temperature: 0.3"), QStringLiteral("temperature: hot")),
        QStringLiteral("version 1"), QStringLiteral("version 2"));
    QVERIFY(!changes.ok());
    QCOMPARE(changes.error().code, Error::Code::InvalidInput);
    QCOMPARE(changes.error().file, QStringLiteral("version 2"));
    QCOMPARE(changes.error().line, 4);
    QVERIFY2(changes.error().message.contains(QStringLiteral("temperature")), qPrintable(changes.error().message));
}

QTEST_GUILESS_MAIN(TestPromptParameterDiff)
#include "tst_promptparameterdiff.moc"
