// Error text keeps a readable colour when the palette (the theme) changes.
#include "ui/ErrorText.h"

#include <QLabel>
#include <QPalette>
#include <QTest>

using namespace Switchyard;

class TestErrorText : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void followsThePaletteAndCanBeCleared()
    {
        QPalette light;
        light.setColor(QPalette::Window, Qt::white);
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        QVERIFY(ErrorText::colour(light) != ErrorText::colour(dark));
        QVERIFY(ErrorText::colour(dark).lightness() > ErrorText::colour(light).lightness());

        QLabel label;
        label.setPalette(light);
        ErrorText::style(&label);
        QVERIFY2(label.styleSheet().contains(ErrorText::colour(light).name()), qPrintable(label.styleSheet()));
        ErrorText::style(&label);  // styling twice keeps one colour keeper
        label.setPalette(dark);    // a theme switch
        QVERIFY2(label.styleSheet().contains(ErrorText::colour(dark).name()), qPrintable(label.styleSheet()));

        ErrorText::style(&label, false);
        QVERIFY(label.styleSheet().isEmpty());
        label.setPalette(light);  // no keeper left to bring the colour back
        QVERIFY(label.styleSheet().isEmpty());
    }
};

QTEST_MAIN(TestErrorText)
#include "tst_errortext.moc"
