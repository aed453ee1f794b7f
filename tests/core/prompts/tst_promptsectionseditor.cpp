#include "core/prompts/PromptDocumentParser.h"
#include "core/prompts/PromptSectionsEditor.h"

#include <QTest>

using namespace Switchyard;

namespace {

const QString Head = QStringLiteral("# Daily reading\n"
                                    "key: daily   # the key\n"
                                    "temperature: 0.5\n"
                                    "\n");
const QString Block = QStringLiteral("sections:\n"
                                     "  # the persona\n"
                                     "  Role: You are {{name}}.\n"
                                     "  Rules: |\n"
                                     "    Be kind.\n"
                                     "    Be brief.\n"
                                     "  Format: \"Three lines\"\n");
const QString Tail = QStringLiteral("\n"
                                    "# asked by the user\n"
                                    "user: |\n"
                                    "  {{question}}\n");

QString sample()
{
    return Head + Block + Tail;
}

QStringList titles(const QString &yaml)
{
    const auto sections = PromptSectionsEditor::sections(yaml);
    if (!sections)
        return {QStringLiteral("error: ") + sections.error().message};
    QStringList titles;
    for (const PromptSection &section : *sections)
        titles.append(section.title);
    return titles;
}

}  // namespace

class TestPromptSectionsEditor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsSectionsInOrder();
    void moveRewritesOnlyTheBlock();
    void movedFileParsesToTheSameSections();
    void textsRoundTripExactly_data();
    void textsRoundTripExactly();
    void addInsertsAtIndex();
    void addCreatesBlockBeforeUser();
    void addRefusesPromptWithSystemText();
    void removeLastLeavesEmptyMapping();
    void renameKeepsTextAndRejectsDuplicates();
    void outOfRangeIsAnError();
    void blockAtEndOfFileWithoutNewline();
    void unreadableBlockIsAnError();
};

void TestPromptSectionsEditor::readsSectionsInOrder()
{
    const auto sections = PromptSectionsEditor::sections(sample());
    QVERIFY2(sections.ok(), sections.ok() ? "" : qPrintable(sections.error().message));
    QCOMPARE(sections->size(), 3);
    QCOMPARE(sections->at(0), (PromptSection{QStringLiteral("Role"), QStringLiteral("You are {{name}}.")}));
    QCOMPARE(sections->at(1), (PromptSection{QStringLiteral("Rules"), QStringLiteral("Be kind.\nBe brief.\n")}));
    QCOMPARE(sections->at(2).title, QStringLiteral("Format"));
    QVERIFY(PromptSectionsEditor::hasSectionsBlock(sample()));
    QVERIFY(!PromptSectionsEditor::hasSectionsBlock(QStringLiteral("key: a\nsystem: hi\n")));
    // Nested "sections:" keys are not the top-level block.
    QVERIFY(!PromptSectionsEditor::hasSectionsBlock(QStringLiteral("metadata:\n  sections: 3\n")));
}

void TestPromptSectionsEditor::moveRewritesOnlyTheBlock()
{
    const auto moved = PromptSectionsEditor::moveSection(sample(), 1, 0);
    QVERIFY2(moved.ok(), moved.ok() ? "" : qPrintable(moved.error().message));
    QVERIFY2(moved->startsWith(Head), qPrintable(*moved));
    QVERIFY2(moved->endsWith(Tail), qPrintable(*moved));
    const QString block = moved->mid(Head.size(), moved->size() - Head.size() - Tail.size());
    QCOMPARE(block, QStringLiteral("sections:\n"
                                   "  Rules: |\n"
                                   "    Be kind.\n"
                                   "    Be brief.\n"
                                   "  Role: |-\n"
                                   "    You are {{name}}.\n"
                                   "  Format: |-\n"
                                   "    Three lines\n"));
    QCOMPARE(titles(*moved), (QStringList{QStringLiteral("Rules"), QStringLiteral("Role"), QStringLiteral("Format")}));
}

void TestPromptSectionsEditor::movedFileParsesToTheSameSections()
{
    const auto before = PromptDocumentParser::parse(sample().toUtf8(), QStringLiteral("daily.yaml"));
    QVERIFY2(before.ok(), before.ok() ? "" : qPrintable(before.error().toString()));
    const auto moved = PromptSectionsEditor::moveSection(sample(), 0, 2);
    QVERIFY(moved.ok());
    const auto after = PromptDocumentParser::parse(moved->toUtf8(), QStringLiteral("daily.yaml"));
    QVERIFY2(after.ok(), after.ok() ? "" : qPrintable(after.error().toString()));
    QList<PromptSection> expected = before->doc.sections;
    expected.move(0, 2);
    QCOMPARE(after->doc.sections, expected);
    QCOMPARE(after->doc.user, before->doc.user);
    QCOMPARE(after->doc.temperature, before->doc.temperature);
}

void TestPromptSectionsEditor::textsRoundTripExactly_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("text");
    QTest::newRow("one line, no newline") << QStringLiteral("Persona") << QStringLiteral("You are {{name}}.");
    QTest::newRow("lines with newline") << QStringLiteral("Steps") << QStringLiteral("a\nb\n");
    QTest::newRow("trailing blank lines") << QStringLiteral("Keep") << QStringLiteral("a\n\n\n");
    QTest::newRow("inner blank line") << QStringLiteral("Gap") << QStringLiteral("a\n\nb\n");
    QTest::newRow("leading spaces") << QStringLiteral("Indented") << QStringLiteral("  code\nnext\n");
    QTest::newRow("empty") << QStringLiteral("Empty") << QString();
    QTest::newRow("only newline") << QStringLiteral("Newline") << QStringLiteral("\n");
    QTest::newRow("yaml-looking text") << QStringLiteral("Tricky") << QStringLiteral("key: value # not a comment\n- x");
    QTest::newRow("title with colon") << QStringLiteral("Step 1: read") << QStringLiteral("x\n");
    QTest::newRow("title with quote") << QStringLiteral("\"Quoted\" title") << QStringLiteral("x\n");
    QTest::newRow("numeric title") << QStringLiteral("2026") << QStringLiteral("x\n");
    QTest::newRow("spaces only") << QStringLiteral("Blank") << QStringLiteral("  \n");
    QTest::newRow("unicode") << QStringLiteral("Über") << QStringLiteral("Grüße 🌙\n");
}

void TestPromptSectionsEditor::textsRoundTripExactly()
{
    QFETCH(QString, title);
    QFETCH(QString, text);
    const auto added = PromptSectionsEditor::addSection(sample(), 1, PromptSection{title, text});
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
    const auto sections = PromptSectionsEditor::sections(*added);
    QVERIFY2(sections.ok(), sections.ok() ? "" : qPrintable(sections.error().message + QLatin1Char('\n') + *added));
    QCOMPARE(sections->size(), 4);
    QCOMPARE(sections->at(1).title, title);
    QCOMPARE(sections->at(1).text, text);
    QVERIFY(added->startsWith(Head));
    QVERIFY(added->endsWith(Tail));
}

void TestPromptSectionsEditor::addInsertsAtIndex()
{
    const auto added =
        PromptSectionsEditor::addSection(sample(), 3, PromptSection{QStringLiteral("Safety"), QStringLiteral("No.\n")});
    QVERIFY(added.ok());
    QCOMPARE(titles(*added), (QStringList{QStringLiteral("Role"), QStringLiteral("Rules"), QStringLiteral("Format"),
                                          QStringLiteral("Safety")}));
    const auto first =
        PromptSectionsEditor::addSection(*added, 0, PromptSection{QStringLiteral("Intro"), QStringLiteral("Hi\n")});
    QVERIFY(first.ok());
    QCOMPARE(titles(*first).first(), QStringLiteral("Intro"));
}

void TestPromptSectionsEditor::addCreatesBlockBeforeUser()
{
    const QString yaml = QStringLiteral("key: k\n# comment\nuser: |\n  {{q}}\n");
    const auto added =
        PromptSectionsEditor::addSection(yaml, 0, PromptSection{QStringLiteral("Role"), QStringLiteral("Helper\n")});
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
    QCOMPARE(*added, QStringLiteral("key: k\n# comment\nsections:\n  Role: |\n    Helper\nuser: |\n  {{q}}\n"));
    const auto parsed = PromptDocumentParser::parse(added->toUtf8(), QStringLiteral("k.yaml"));
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().toString()));
    QCOMPARE(parsed->doc.sections.size(), 1);

    const auto appended = PromptSectionsEditor::addSection(QStringLiteral("key: k"), 0,
                                                           PromptSection{QStringLiteral("Role"), QStringLiteral("x")});
    QVERIFY(appended.ok());
    QCOMPARE(*appended, QStringLiteral("key: k\nsections:\n  Role: |-\n    x\n"));
}

void TestPromptSectionsEditor::addRefusesPromptWithSystemText()
{
    const auto added = PromptSectionsEditor::addSection(QStringLiteral("key: k\nsystem: |\n  Hello\n"), 0,
                                                        PromptSection{QStringLiteral("Role"), QStringLiteral("x")});
    QVERIFY(!added.ok());
    QCOMPARE(added.error().code, Error::Code::InvalidInput);
    QVERIFY2(added.error().message.contains(QStringLiteral("line 2")), qPrintable(added.error().message));
}

void TestPromptSectionsEditor::removeLastLeavesEmptyMapping()
{
    QString yaml = sample();
    for (int i = 0; i < 3; ++i) {
        const auto removed = PromptSectionsEditor::removeSection(yaml, 0);
        QVERIFY(removed.ok());
        yaml = *removed;
    }
    QCOMPARE(yaml, Head + QStringLiteral("sections: {}\n") + Tail);
    QCOMPARE(titles(yaml), QStringList());
    const auto again =
        PromptSectionsEditor::addSection(yaml, 0, PromptSection{QStringLiteral("Back"), QStringLiteral("x\n")});
    QVERIFY(again.ok());
    QCOMPARE(titles(*again), QStringList{QStringLiteral("Back")});
    QVERIFY(again->endsWith(Tail));
}

void TestPromptSectionsEditor::renameKeepsTextAndRejectsDuplicates()
{
    const auto renamed = PromptSectionsEditor::renameSection(sample(), 1, QStringLiteral("House Rules"));
    QVERIFY(renamed.ok());
    const auto sections = PromptSectionsEditor::sections(*renamed);
    QVERIFY(sections.ok());
    QCOMPARE(sections->at(1), (PromptSection{QStringLiteral("House Rules"), QStringLiteral("Be kind.\nBe brief.\n")}));

    const auto duplicate = PromptSectionsEditor::renameSection(sample(), 1, QStringLiteral("Role"));
    QVERIFY(!duplicate.ok());
    QVERIFY(duplicate.error().message.contains(QStringLiteral("already a section 'Role'")));
    QVERIFY(!PromptSectionsEditor::renameSection(sample(), 1, QStringLiteral("  ")).ok());
    // Renaming to its own title is not a duplicate.
    QVERIFY(PromptSectionsEditor::renameSection(sample(), 1, QStringLiteral("Rules")).ok());
}

void TestPromptSectionsEditor::outOfRangeIsAnError()
{
    QVERIFY(!PromptSectionsEditor::removeSection(sample(), 3).ok());
    QVERIFY(!PromptSectionsEditor::removeSection(sample(), -1).ok());
    QVERIFY(!PromptSectionsEditor::moveSection(sample(), 0, 3).ok());
    QVERIFY(!PromptSectionsEditor::addSection(sample(), 4, PromptSection{QStringLiteral("X"), QString()}).ok());
}

void TestPromptSectionsEditor::blockAtEndOfFileWithoutNewline()
{
    const QString yaml = QStringLiteral("key: k\nsections:\n  A: a\n  B: b");
    const auto moved = PromptSectionsEditor::moveSection(yaml, 1, 0);
    QVERIFY(moved.ok());
    QCOMPARE(*moved, QStringLiteral("key: k\nsections:\n  B: |-\n    b\n  A: |-\n    a"));
}

void TestPromptSectionsEditor::unreadableBlockIsAnError()
{
    const auto sections = PromptSectionsEditor::sections(QStringLiteral("key: k\nsections:\n  - a\n  - b\n"));
    QVERIFY(!sections.ok());
    QVERIFY2(sections.error().message.contains(QStringLiteral("line 2")), qPrintable(sections.error().message));
    QVERIFY(!PromptSectionsEditor::moveSection(QStringLiteral("key: k\nsections:\n  - a\n  - b\n"), 0, 1).ok());
}

QTEST_GUILESS_MAIN(TestPromptSectionsEditor)
#include "tst_promptsectionseditor.moc"
