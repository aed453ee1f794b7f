#include "core/settings/Settings.h"
#include "ui/SettingsDialog.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Switchyard;

namespace {

QComboBox *combo(QDialog &dialog, const char *name)
{
    auto *box = dialog.findChild<QComboBox *>(QLatin1String(name));
    if (!box)
        qFatal("no combo box %s", name);
    return box;
}

QPushButton *button(QDialog &dialog, QDialogButtonBox::StandardButton which)
{
    return dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(which);
}

// Picks an item the way a keyboard user does: Home, then Down until the entry is current.
void choose(QComboBox *box, const QString &data)
{
    const int target = box->findData(data);
    QVERIFY2(target >= 0, qPrintable(data));
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Home);
    for (int i = 0; i < target; ++i)
        QTest::keyClick(box, Qt::Key_Down);
    QCOMPARE(box->currentIndex(), target);
}

}  // namespace

class TestSettingsDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void showsStoredValues();
    void okWritesEveryField();
    void cancelWritesNothing();
    void applyWritesAndKeepsTheDialogOpen();
    void applyButtonOnlyWithPendingChanges();
    void timeZoneOffersSystemDefaultAndAllZones();
    void darkThemeAppliesAtOnceWithFusion();
    void languageNoteSaysRestart();
};

void TestSettingsDialog::cleanup()
{
    Theme::apply(QStringLiteral("system"));
}

void TestSettingsDialog::showsStoredValues()
{
    auto settings = Settings::createTemporary();
    settings->setValue(Settings::Key::TimeZone, QStringLiteral("Asia/Kolkata"));
    settings->setValue(Settings::Key::MissingVariablePolicy, QStringLiteral("error"));
    settings->setValue(Settings::Key::Language, QStringLiteral("de"));
    settings->setValue(Settings::Key::Theme, QStringLiteral("light"));

    SettingsDialog dialog(*settings);
    QCOMPARE(combo(dialog, "timeZoneCombo")->currentData().toString(), QStringLiteral("Asia/Kolkata"));
    QCOMPARE(combo(dialog, "missingVariablePolicyCombo")->currentData().toString(), QStringLiteral("error"));
    QCOMPARE(combo(dialog, "languageCombo")->currentData().toString(), QStringLiteral("de"));
    QCOMPARE(combo(dialog, "languageCombo")->currentText(), QStringLiteral("Deutsch"));
    QCOMPARE(combo(dialog, "themeCombo")->currentData().toString(), QStringLiteral("light"));
}

void TestSettingsDialog::okWritesEveryField()
{
    auto settings = Settings::createTemporary();
    QSignalSpy changed(settings.get(), &Settings::changed);
    SettingsDialog dialog(*settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    choose(combo(dialog, "timeZoneCombo"), QStringLiteral("Europe/Berlin"));
    choose(combo(dialog, "missingVariablePolicyCombo"), QStringLiteral("empty"));
    choose(combo(dialog, "languageCombo"), QStringLiteral("de"));
    choose(combo(dialog, "themeCombo"), QStringLiteral("light"));
    QCOMPARE(changed.count(), 0);

    QTest::mouseClick(button(dialog, QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(settings->timeZone(), QTimeZone(QByteArrayLiteral("Europe/Berlin")));
    QCOMPARE(settings->missingVariablePolicy(), QStringLiteral("empty"));
    QCOMPARE(settings->language(), QStringLiteral("de"));
    QCOMPARE(settings->theme(), QStringLiteral("light"));
    QCOMPARE(changed.count(), 4);
}

void TestSettingsDialog::cancelWritesNothing()
{
    auto settings = Settings::createTemporary();
    QSignalSpy changed(settings.get(), &Settings::changed);
    SettingsDialog dialog(*settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    choose(combo(dialog, "missingVariablePolicyCombo"), QStringLiteral("error"));
    choose(combo(dialog, "themeCombo"), QStringLiteral("dark"));
    QTest::mouseClick(button(dialog, QDialogButtonBox::Cancel), Qt::LeftButton);

    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(settings->missingVariablePolicy(), QStringLiteral("keep"));
    QCOMPARE(settings->theme(), QStringLiteral("system"));
    QVERIFY(!settings->contains(Settings::Key::MissingVariablePolicy));
    QCOMPARE(changed.count(), 0);
}

void TestSettingsDialog::applyWritesAndKeepsTheDialogOpen()
{
    auto settings = Settings::createTemporary();
    SettingsDialog dialog(*settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    choose(combo(dialog, "missingVariablePolicyCombo"), QStringLiteral("error"));
    QTest::mouseClick(button(dialog, QDialogButtonBox::Apply), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QCOMPARE(settings->missingVariablePolicy(), QStringLiteral("error"));

    // Cancel after Apply keeps what was applied and drops what was not.
    choose(combo(dialog, "missingVariablePolicyCombo"), QStringLiteral("empty"));
    QTest::mouseClick(button(dialog, QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(settings->missingVariablePolicy(), QStringLiteral("error"));
}

void TestSettingsDialog::applyButtonOnlyWithPendingChanges()
{
    auto settings = Settings::createTemporary();
    SettingsDialog dialog(*settings);
    QPushButton *apply = button(dialog, QDialogButtonBox::Apply);
    QVERIFY(!apply->isEnabled());
    QVERIFY(!dialog.hasPendingChanges());

    combo(dialog, "themeCombo")->setCurrentIndex(combo(dialog, "themeCombo")->findData(QStringLiteral("light")));
    QVERIFY(apply->isEnabled());
    QVERIFY(dialog.hasPendingChanges());

    combo(dialog, "themeCombo")->setCurrentIndex(combo(dialog, "themeCombo")->findData(QStringLiteral("system")));
    QVERIFY(!apply->isEnabled());
}

void TestSettingsDialog::timeZoneOffersSystemDefaultAndAllZones()
{
    auto settings = Settings::createTemporary();
    SettingsDialog dialog(*settings);
    QComboBox *zones = combo(dialog, "timeZoneCombo");
    QCOMPARE(zones->itemData(0).toString(), QString());
    QVERIFY(zones->itemText(0).startsWith(QStringLiteral("System default")));
    QCOMPARE(zones->count(), int(QTimeZone::availableTimeZoneIds().size()) + 1);
    QVERIFY(zones->findData(QStringLiteral("America/New_York")) > 0);
    QCOMPARE(zones->currentIndex(), 0);

    // An unknown stored id shows as "System default", which is what Settings::timeZone() falls back to.
    settings->setValue(Settings::Key::TimeZone, QStringLiteral("Nowhere/Special"));
    dialog.load();
    QCOMPARE(zones->currentIndex(), 0);
}

void TestSettingsDialog::darkThemeAppliesAtOnceWithFusion()
{
    auto settings = Settings::createTemporary();
    // What the studio does: the main window applies the theme whenever the setting changes.
    QObject::connect(settings.get(), &Settings::changed, settings.get(), [&settings](Settings::Key key) {
        if (key == Settings::Key::Theme)
            Theme::apply(settings->theme());
    });
    const QColor systemWindow = QApplication::palette().color(QPalette::Window);

    SettingsDialog dialog(*settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    choose(combo(dialog, "themeCombo"), QStringLiteral("dark"));
    QTest::mouseClick(button(dialog, QDialogButtonBox::Apply), Qt::LeftButton);

    QCOMPARE(Theme::current(), QStringLiteral("dark"));
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);

    choose(combo(dialog, "themeCombo"), QStringLiteral("system"));
    QTest::mouseClick(button(dialog, QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(Theme::current(), QStringLiteral("system"));
    QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
}

void TestSettingsDialog::languageNoteSaysRestart()
{
    auto settings = Settings::createTemporary();
    SettingsDialog dialog(*settings);
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("languageNote"));
    QVERIFY(note);
    QVERIFY(note->text().contains(QStringLiteral("restart")));
    QCOMPARE(combo(dialog, "languageCombo")->itemData(0).toString(), QString());
    QCOMPARE(combo(dialog, "languageCombo")->count(), 3);
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
