#include "ui/chat/AnswerFeedbackButtons.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QKeySequence>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <iterator>

namespace Switchyard {

namespace {

constexpr int Spacing = 4;
constexpr int RightMargin = 8;

/// Left to right.
constexpr AnswerFeedbackButtons::Button Order[] = {
    AnswerFeedbackButtons::Button::Good, AnswerFeedbackButtons::Button::Bad, AnswerFeedbackButtons::Button::Comment};

/// An arrow pointing up (or down): the vote. Drawn, not a glyph: an emoji font would be looked up (slowly) on the UI
/// thread the first time an answer is painted, and may not exist at all.
QPainterPath arrow(const QRectF &box, bool up)
{
    const qreal midX = box.center().x();
    const qreal tip = up ? box.top() : box.bottom();
    const qreal base = up ? box.center().y() + 1 : box.center().y() - 1;
    const qreal stemEnd = up ? box.bottom() : box.top();
    const qreal half = box.width() / 2;
    const qreal stem = box.width() / 5;
    QPainterPath path;
    path.moveTo(midX, tip);
    path.lineTo(midX + half, base);
    path.lineTo(midX + stem, base);
    path.lineTo(midX + stem, stemEnd);
    path.lineTo(midX - stem, stemEnd);
    path.lineTo(midX - stem, base);
    path.lineTo(midX - half, base);
    path.closeSubpath();
    return path;
}

/// A speech bubble: the comment.
QPainterPath bubble(const QRectF &box)
{
    const QRectF body(box.left(), box.top(), box.width(), box.height() * 0.72);
    QPainterPath path;
    path.addRoundedRect(body, 3, 3);
    QPainterPath tail;
    tail.moveTo(box.left() + box.width() * 0.25, body.bottom() - 1);
    tail.lineTo(box.left() + box.width() * 0.2, box.bottom());
    tail.lineTo(box.left() + box.width() * 0.5, body.bottom() - 1);
    tail.closeSubpath();
    return path.united(tail);
}

}  // namespace

int AnswerFeedbackButtons::lineHeight(const QFontMetrics &metrics)
{
    return qMax(metrics.height(), Size);
}

int AnswerFeedbackButtons::width()
{
    return int(std::size(Order)) * (Size + Spacing) + RightMargin;
}

QRect AnswerFeedbackButtons::rect(const QRect &row, int bottomMargin, Button button)
{
    int slot = -1;
    for (int n = 0; n < int(std::size(Order)); ++n) {
        if (Order[n] == button)
            slot = n;
    }
    if (slot < 0)
        return {};
    const int right = row.right() + 1 - RightMargin;
    const int left = right - (int(std::size(Order)) - slot) * (Size + Spacing) + Spacing;
    return {left, row.bottom() + 1 - bottomMargin - Size, Size, Size};
}

AnswerFeedbackButtons::Button AnswerFeedbackButtons::at(const QRect &row, int bottomMargin, const QPoint &pos)
{
    for (Button button : Order) {
        if (rect(row, bottomMargin, button).contains(pos))
            return button;
    }
    return Button::None;
}

void AnswerFeedbackButtons::paint(QPainter *painter, const QRect &row, int bottomMargin, const QPalette &palette,
                                  int rating, bool active, bool canRateGood)
{
    const QColor idle = palette.color(QPalette::PlaceholderText);
    const QColor good(0x2e, 0x7d, 0x32);
    const QColor bad(0xc6, 0x28, 0x28);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    for (Button button : Order) {
        const bool voted = (button == Button::Good && rating > 0) || (button == Button::Bad && rating < 0);
        if ((!active && !voted) || (button == Button::Good && !canRateGood))
            continue;
        const QRectF box = QRectF(rect(row, bottomMargin, button)).adjusted(4, 3, -4, -3);
        const QPainterPath shape = button == Button::Comment ? bubble(box) : arrow(box, button == Button::Good);
        const QColor color = !voted ? idle : button == Button::Good ? good : bad;
        painter->setPen(QPen(color, 1.2));
        painter->setBrush(voted ? QBrush(color) : QBrush(Qt::NoBrush));
        painter->drawPath(shape);
    }
    painter->restore();
}

QKeySequence AnswerFeedbackButtons::shortcut(Button button)
{
    switch (button) {
    case Button::Good:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up);
    case Button::Bad:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down);
    case Button::Comment:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M);
    case Button::None:
        break;
    }
    return {};
}

QString AnswerFeedbackButtons::actionText(Button button)
{
    switch (button) {
    case Button::Good:
        return QCoreApplication::translate("AnswerFeedbackButtons", "Good Answer");
    case Button::Bad:
        return QCoreApplication::translate("AnswerFeedbackButtons", "Bad Answer");
    case Button::Comment:
        return QCoreApplication::translate("AnswerFeedbackButtons", "Rate with a Comment…");
    case Button::None:
        break;
    }
    return {};
}

QString AnswerFeedbackButtons::toolTip(Button button)
{
    return QCoreApplication::translate("AnswerFeedbackButtons", "%1 (%2)")
        .arg(actionText(button), shortcut(button).toString(QKeySequence::NativeText));
}

}  // namespace Switchyard
