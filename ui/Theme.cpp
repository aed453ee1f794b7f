#include "Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace Switchyard {

namespace {

struct Original {
    bool captured = false;
    QString styleName;
    QPalette palette;
    QString current = QStringLiteral("system");
};

Original &original()
{
    static Original value;
    return value;
}

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe6, 0xe8, 0xeb);
    const QColor disabledText(0x80, 0x84, 0x8a);
    const QColor highlight(0x3d, 0x7b, 0xd9);

    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, window.lighter(140));
    p.setColor(QPalette::Midlight, window.lighter(120));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, highlight.lighter(130));
    p.setColor(QPalette::LinkVisited, highlight.lighter(110));
    p.setColor(QPalette::Disabled, QPalette::Text, disabledText);
    p.setColor(QPalette::Disabled, QPalette::WindowText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, window.lighter(130));
    return p;
}

}  // namespace

void Theme::apply(const QString &theme)
{
    Original &o = original();
    if (!o.captured) {
        o.styleName = QApplication::style()->name();
        o.palette = QApplication::palette();
        o.captured = true;
    }

    if (theme == QLatin1String("light") || theme == QLatin1String("dark")) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(theme == QLatin1String("dark") ? darkPalette()
                                                                : QApplication::style()->standardPalette());
        o.current = theme;
        return;
    }

    if (QApplication::style()->name().compare(o.styleName, Qt::CaseInsensitive) != 0) {
        if (QStyle *style = QStyleFactory::create(o.styleName))
            QApplication::setStyle(style);
    }
    QApplication::setPalette(o.palette);
    o.current = QStringLiteral("system");
}

QString Theme::current()
{
    return original().current;
}

}  // namespace Switchyard
