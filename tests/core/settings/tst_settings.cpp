#include "core/settings/Settings.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Switchyard::Settings;

class TestSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaults_data();
    void defaults();
    void keyNamesAreUniqueAndStable();
    void typedGettersReturnDefaults();
    void setValueEmitsChangedOnlyOnRealChange();
    void setValueRejectsValuesOutsideTheAllowedSet_data();
    void setValueRejectsValuesOutsideTheAllowedSet();
    void unknownStoredValueFallsBackToDefault();
    void timeZoneRoundTrip();
    void unknownTimeZoneIdMeansSystemZone();
    void recentWorkspacesAreMostRecentFirstAndCapped();
    void singleRecentWorkspaceSurvivesReload();
    void byteArraysRoundTrip();
    void resetRestoresDefaultAndSignals();
    void valuesPersistAcrossInstances();
    void temporaryInstancesAreIsolated();
};

void TestSettings::defaults_data()
{
    QTest::addColumn<Settings::Key>("key");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("timeZone") << Settings::Key::TimeZone << QVariant(QString());
    QTest::newRow("policy") << Settings::Key::MissingVariablePolicy << QVariant(QStringLiteral("keep"));
    QTest::newRow("language") << Settings::Key::Language << QVariant(QString());
    QTest::newRow("theme") << Settings::Key::Theme << QVariant(QStringLiteral("system"));
    QTest::newRow("recent") << Settings::Key::RecentWorkspaces << QVariant(QStringList());
    QTest::newRow("geometry") << Settings::Key::MainWindowGeometry << QVariant(QByteArray());
    QTest::newRow("state") << Settings::Key::MainWindowState << QVariant(QByteArray());
    QTest::newRow("last") << Settings::Key::LastWorkspace << QVariant(QString());
    QTest::newRow("splitters") << Settings::Key::SplitterStates << QVariant(QVariantMap());
    QTest::newRow("previewValues") << Settings::Key::PreviewValues << QVariant(QVariantMap());
}

void TestSettings::defaults()
{
    QFETCH(Settings::Key, key);
    QFETCH(QVariant, expected);
    auto settings = Settings::createTemporary();
    QVERIFY(settings);
    QCOMPARE(Settings::defaultValue(key), expected);
    QCOMPARE(settings->value(key), expected);
    QCOMPARE(settings->value(key).metaType(), expected.metaType());
    QVERIFY(!settings->contains(key));
}

void TestSettings::keyNamesAreUniqueAndStable()
{
    QSet<QString> names;
    for (Settings::Key key : Settings::allKeys()) {
        const QString name = Settings::keyName(key);
        QVERIFY2(!name.isEmpty(), qPrintable(QString::number(int(key))));
        QVERIFY2(!names.contains(name), qPrintable(name));
        names.insert(name);
    }
    QCOMPARE(names.size(), 10);
    // Names are part of the on-disk format: renaming one loses users' settings.
    QCOMPARE(Settings::keyName(Settings::Key::TimeZone), QStringLiteral("templating/timeZone"));
    QCOMPARE(Settings::keyName(Settings::Key::MissingVariablePolicy),
             QStringLiteral("templating/missingVariablePolicy"));
}

void TestSettings::typedGettersReturnDefaults()
{
    auto settings = Settings::createTemporary();
    QCOMPARE(settings->timeZone(), QTimeZone::systemTimeZone());
    QCOMPARE(settings->missingVariablePolicy(), QStringLiteral("keep"));
    QCOMPARE(settings->language(), QString());
    QCOMPARE(settings->theme(), QStringLiteral("system"));
    QVERIFY(settings->recentWorkspaces().isEmpty());
}

void TestSettings::setValueEmitsChangedOnlyOnRealChange()
{
    auto settings = Settings::createTemporary();
    QSignalSpy spy(settings.get(), &Settings::changed);

    QVERIFY(settings->setValue(Settings::Key::Theme, QStringLiteral("dark")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<Settings::Key>(), Settings::Key::Theme);
    QCOMPARE(settings->theme(), QStringLiteral("dark"));

    QVERIFY(settings->setValue(Settings::Key::Theme, QStringLiteral("dark")));
    QCOMPARE(spy.count(), 1);

    // Writing the default while unset is not a change either.
    QVERIFY(settings->setValue(Settings::Key::MissingVariablePolicy, QStringLiteral("keep")));
    QCOMPARE(spy.count(), 1);

    QVERIFY(settings->setValue(Settings::Key::MissingVariablePolicy, QStringLiteral("error")));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).value<Settings::Key>(), Settings::Key::MissingVariablePolicy);
    QCOMPARE(settings->missingVariablePolicy(), QStringLiteral("error"));
}

void TestSettings::setValueRejectsValuesOutsideTheAllowedSet_data()
{
    QTest::addColumn<Settings::Key>("key");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("policy") << Settings::Key::MissingVariablePolicy << QVariant(QStringLiteral("explode"));
    QTest::newRow("theme") << Settings::Key::Theme << QVariant(QStringLiteral("purple"));
    QTest::newRow("invalid variant") << Settings::Key::Language << QVariant();
    QTest::newRow("not a list") << Settings::Key::RecentWorkspaces << QVariant::fromValue(QPoint(1, 2));
}

void TestSettings::setValueRejectsValuesOutsideTheAllowedSet()
{
    QFETCH(Settings::Key, key);
    QFETCH(QVariant, value);
    auto settings = Settings::createTemporary();
    QSignalSpy spy(settings.get(), &Settings::changed);
    const QVariant before = settings->value(key);
    QVERIFY(!settings->setValue(key, value));
    QCOMPARE(settings->value(key), before);
    QVERIFY(!settings->contains(key));
    QCOMPARE(spy.count(), 0);
}

void TestSettings::unknownStoredValueFallsBackToDefault()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.ini"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[interface]\ntheme=neon\nlanguage=de\n[templating]\nmissingVariablePolicy=empty\n");
    file.close();

    Settings settings(path);
    QCOMPARE(settings.theme(), QStringLiteral("system"));
    QCOMPARE(settings.language(), QStringLiteral("de"));
    QCOMPARE(settings.missingVariablePolicy(), QStringLiteral("empty"));
}

void TestSettings::timeZoneRoundTrip()
{
    auto settings = Settings::createTemporary();
    QSignalSpy spy(settings.get(), &Settings::changed);
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    QVERIFY(berlin.isValid());
    settings->setTimeZone(berlin);
    QCOMPARE(settings->timeZone(), berlin);
    QCOMPARE(settings->value(Settings::Key::TimeZone).toString(), QStringLiteral("Europe/Berlin"));
    QCOMPARE(spy.count(), 1);

    settings->setTimeZone(QTimeZone());
    QCOMPARE(settings->value(Settings::Key::TimeZone).toString(), QString());
    QCOMPARE(settings->timeZone(), QTimeZone::systemTimeZone());
    QCOMPARE(spy.count(), 2);
}

void TestSettings::unknownTimeZoneIdMeansSystemZone()
{
    auto settings = Settings::createTemporary();
    QVERIFY(settings->setValue(Settings::Key::TimeZone, QStringLiteral("Mars/Olympus_Mons")));
    QCOMPARE(settings->timeZone(), QTimeZone::systemTimeZone());
}

void TestSettings::recentWorkspacesAreMostRecentFirstAndCapped()
{
    auto settings = Settings::createTemporary();
    for (int i = 0; i < Settings::MaxRecentWorkspaces + 3; ++i)
        settings->addRecentWorkspace(QStringLiteral("/tmp/ws%1.db").arg(i));
    QStringList recent = settings->recentWorkspaces();
    QCOMPARE(recent.size(), Settings::MaxRecentWorkspaces);
    QCOMPARE(recent.first(), QStringLiteral("/tmp/ws12.db"));
    QCOMPARE(recent.last(), QStringLiteral("/tmp/ws3.db"));

    settings->addRecentWorkspace(QStringLiteral("/tmp/./ws5.db"));
    recent = settings->recentWorkspaces();
    QCOMPARE(recent.size(), Settings::MaxRecentWorkspaces);
    QCOMPARE(recent.first(), QStringLiteral("/tmp/ws5.db"));
    QCOMPARE(recent.count(QStringLiteral("/tmp/ws5.db")), 1);
    QCOMPARE(settings->value(Settings::Key::LastWorkspace).toString(), QStringLiteral("/tmp/ws5.db"));
}

void TestSettings::singleRecentWorkspaceSurvivesReload()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.ini"));
    {
        Settings settings(path);
        settings.addRecentWorkspace(QStringLiteral("/data/only.db"));
        QVERIFY(settings.sync());
    }
    Settings reloaded(path);
    QCOMPARE(reloaded.recentWorkspaces(), QStringList{QStringLiteral("/data/only.db")});
    QCOMPARE(reloaded.value(Settings::Key::RecentWorkspaces).metaType(), QMetaType::fromType<QStringList>());
}

void TestSettings::byteArraysRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.ini"));
    const QByteArray blob("\x01\x02\x00\xff geometry", 14);
    {
        Settings settings(path);
        QVERIFY(settings.setValue(Settings::Key::MainWindowGeometry, blob));
    }
    Settings reloaded(path);
    QCOMPARE(reloaded.value(Settings::Key::MainWindowGeometry).toByteArray(), blob);
}

void TestSettings::resetRestoresDefaultAndSignals()
{
    auto settings = Settings::createTemporary();
    QVERIFY(settings->setValue(Settings::Key::Language, QStringLiteral("de")));
    QSignalSpy spy(settings.get(), &Settings::changed);
    settings->reset(Settings::Key::Language);
    QCOMPARE(settings->language(), QString());
    QVERIFY(!settings->contains(Settings::Key::Language));
    QCOMPARE(spy.count(), 1);
    settings->reset(Settings::Key::Language);
    QCOMPARE(spy.count(), 1);
}

void TestSettings::valuesPersistAcrossInstances()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("persist.ini"));
    {
        Settings settings(path);
        QVERIFY(settings.setValue(Settings::Key::Theme, QStringLiteral("light")));
        QVERIFY(settings.setValue(Settings::Key::Language, QStringLiteral("de")));
        QVERIFY(settings.sync());
        QCOMPARE(settings.fileName(), path);
    }
    QVERIFY(QFile::exists(path));
    Settings reloaded(path);
    QCOMPARE(reloaded.theme(), QStringLiteral("light"));
    QCOMPARE(reloaded.language(), QStringLiteral("de"));
}

void TestSettings::temporaryInstancesAreIsolated()
{
    auto a = Settings::createTemporary();
    auto b = Settings::createTemporary();
    QVERIFY(a->fileName() != b->fileName());
    QVERIFY(a->setValue(Settings::Key::Theme, QStringLiteral("dark")));
    QCOMPARE(b->theme(), QStringLiteral("system"));

    const QString file = a->fileName();
    QVERIFY(a->sync());
    QVERIFY(QFile::exists(file));
    a.reset();
    QVERIFY(!QFile::exists(file));
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
