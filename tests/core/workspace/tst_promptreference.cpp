#include "core/workspace/PromptReference.h"

#include <QtTest>

using namespace Switchyard;

class TestPromptReference : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("version");  // 0 = none
        QTest::addColumn<QString>("label");
        QTest::newRow("latest") << "support_answer"
                                << "support_answer" << 0 << "";
        QTest::newRow("pinned") << "support_answer@12"
                                << "support_answer" << 12 << "";
        QTest::newRow("label") << "astro.daily-v2:production"
                               << "astro.daily-v2" << 0 << "production";
        QTest::newRow("trimmed") << "  code_review:staging "
                                 << "code_review" << 0 << "staging";
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(QString, key);
        QFETCH(int, version);
        QFETCH(QString, label);
        const auto reference = PromptReference::parse(text);
        QVERIFY2(reference.ok(), qPrintable(reference.ok() ? QString() : reference.error().message));
        QCOMPARE(reference->key, key);
        QCOMPARE(reference->version.value_or(0), version);
        QCOMPARE(reference->label, label);
        QCOMPARE(PromptReference::parse(reference->toString())->toString(), reference->toString());
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("upper-case key") << "Support";
        QTest::newRow("version zero") << "support@0";
        QTest::newRow("both") << "support@1:production";
        QTest::newRow("empty label") << "support:";
        QTest::newRow("space") << "sup port";
    }
    void rejects()
    {
        QFETCH(QString, text);
        const auto reference = PromptReference::parse(text);
        QVERIFY(!reference.ok());
        QCOMPARE(reference.error().code, Error::Code::InvalidInput);
        QVERIFY(reference.error().message.contains(QStringLiteral("KEY@VERSION")) ||
                reference.error().message.contains(QStringLiteral("numbered from 1")));
    }
};

QTEST_GUILESS_MAIN(TestPromptReference)
#include "tst_promptreference.moc"
