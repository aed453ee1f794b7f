#include "core/settings/Settings.h"
#include "ui/NavigationModel.h"
#include "ui/SettingsDialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Switchyard;

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void germanCatalogueIsCompiledIntoTheApplication();
    void germanCatalogueTranslatesTheUi();
    void everyTsMessageIsTranslatedWithTheSamePlaceholders_data();
    void everyTsMessageIsTranslatedWithTheSamePlaceholders();
};

void TestTranslations::germanCatalogueIsCompiledIntoTheApplication()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/switchyard_de.qm")));
    QTranslator translator;
    // The same lookup the studio's main() does for language "de".
    QVERIFY(translator.load(QLocale(QStringLiteral("de")), QStringLiteral("switchyard"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
    QVERIFY(!translator.isEmpty());
    QCOMPARE(translator.language(), QStringLiteral("de_DE"));
}

void TestTranslations::germanCatalogueTranslatesTheUi()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/switchyard_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));

    NavigationModel navigation;
    QCOMPARE(navigation.index(1, 0).data().toString(), QStringLiteral("Prompts"));
    QCOMPARE(navigation.index(4, 0).data().toString(), QStringLiteral("Anbieter"));
    QCOMPARE(navigation.index(5, 0).data().toString(), QStringLiteral("Aktivität"));

    auto settings = Settings::createTemporary();
    SettingsDialog dialog(*settings);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Einstellungen"));

    QCoreApplication::removeTranslator(&translator);
    NavigationModel english;
    QCOMPARE(english.index(4, 0).data().toString(), QStringLiteral("Providers"));
}

void TestTranslations::everyTsMessageIsTranslatedWithTheSamePlaceholders_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("translation");
    QTest::addColumn<bool>("unfinished");

    const QDir dir(QStringLiteral(SWITCHYARD_TS_DIR));
    const QStringList tsFiles = dir.entryList({QStringLiteral("*.ts")}, QDir::Files);
    QVERIFY(!tsFiles.isEmpty());
    for (const QString &name : tsFiles) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString context;
        QString source;
        QString translation;
        bool unfinished = false;
        int count = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.isStartElement() && xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.isStartElement() && xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                unfinished = !type.isEmpty();
                // A plural message (numerus="yes") has one <numerusform> per plural form: each is a translation of
                // its own and is checked like one.
                QStringList forms;
                translation.clear();
                while (!xml.atEnd()) {
                    xml.readNext();
                    if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                        forms.append(xml.readElementText());
                    else if (xml.isCharacters())
                        translation += xml.text();
                    else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                        break;
                }
                if (forms.isEmpty())
                    forms.append(translation);
                for (const QString &form : std::as_const(forms)) {
                    const QByteArray row = QStringLiteral("%1 %2 #%3").arg(name, context).arg(++count).toUtf8();
                    QTest::newRow(row.constData()) << context << source << form << unfinished;
                }
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(count > 50);
    }
}

void TestTranslations::everyTsMessageIsTranslatedWithTheSamePlaceholders()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, translation);
    QFETCH(bool, unfinished);
    const QByteArray what = (context + QStringLiteral(": ") + source).toUtf8();
    QVERIFY2(!unfinished, what.constData());
    QVERIFY2(!translation.trimmed().isEmpty(), what.constData());

    static const QRegularExpression placeholder(QStringLiteral("%[0-9]+"));
    QStringList sourceArgs;
    QStringList translationArgs;
    for (const auto &match : placeholder.globalMatch(source))
        sourceArgs.append(match.captured());
    for (const auto &match : placeholder.globalMatch(translation))
        translationArgs.append(match.captured());
    sourceArgs.sort();
    translationArgs.sort();
    QVERIFY2(sourceArgs == translationArgs, what.constData());
    QCOMPARE(source.count(QLatin1Char('&')) > 0, translation.count(QLatin1Char('&')) > 0);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
