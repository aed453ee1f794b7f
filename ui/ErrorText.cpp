#include "ErrorText.h"

#include <QColor>
#include <QEvent>
#include <QLabel>
#include <QPalette>

namespace Switchyard::ErrorText {

namespace {

/// Re-applies the error colour when the label's palette changes (a theme switch). One per label, owned by it.
class ErrorColourKeeper : public QObject {
public:
    explicit ErrorColourKeeper(QLabel *label) : QObject(label), m_label(label)
    {
        setObjectName(name());
        apply();
    }

    /// Found by name: the class has no meta-object of its own, so findChild<ErrorColourKeeper *>() would match any
    /// child.
    static QString name() { return QStringLiteral("switchyardErrorColourKeeper"); }

    static ErrorColourKeeper *of(QLabel *label)
    {
        return static_cast<ErrorColourKeeper *>(label->findChild<QObject *>(name(), Qt::FindDirectChildrenOnly));
    }

    void apply()
    {
        m_applying = true;
        m_label->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(colour(m_label->palette()).name()));
        m_applying = false;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_label && event->type() == QEvent::PaletteChange && !m_applying)
            apply();
        return QObject::eventFilter(watched, event);
    }

private:
    QLabel *m_label;
    bool m_applying = false;
};

}  // namespace

QColor colour(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
}

void style(QLabel *label, bool error)
{
    ErrorColourKeeper *keeper = ErrorColourKeeper::of(label);
    if (!error) {
        if (keeper) {
            label->removeEventFilter(keeper);
            delete keeper;
        }
        label->setStyleSheet(QString());
        return;
    }
    if (!keeper) {
        keeper = new ErrorColourKeeper(label);
        label->installEventFilter(keeper);
    }
    keeper->apply();
}

}  // namespace Switchyard::ErrorText
