#pragma once

#include <QRect>
#include <QString>

class QFontMetrics;
class QKeySequence;
class QPainter;
class QPalette;

namespace Switchyard {

/// The thumbs up, thumbs down and comment buttons the transcript draws on a finished answer's summary line, right
/// aligned. One place for their geometry, so what is painted and what a click hits cannot drift apart.
class AnswerFeedbackButtons {
public:
    enum class Button {
        None,
        Good,
        Bad,
        Comment,
    };

    /// Side of a (square) button in pixels.
    static constexpr int Size = 20;

    /// Height of the summary line the buttons sit on: the taller of the text and a button.
    static int lineHeight(const QFontMetrics &metrics);
    /// Where @p button is drawn in a row painted in @p row whose summary line ends @p bottomMargin above its bottom.
    static QRect rect(const QRect &row, int bottomMargin, Button button);
    /// The button under @p pos, or Button::None.
    static Button at(const QRect &row, int bottomMargin, const QPoint &pos);
    /// Width the buttons take on the right of the summary line (the summary text stops before it).
    static int width();

    /// Paints the buttons: all three when @p active (hovered or the current row), otherwise only the stored vote.
    /// @p canRateGood is false for a failed answer (only thumbs down applies, like in the details panel).
    static void paint(QPainter *painter, const QRect &row, int bottomMargin, const QPalette &palette, int rating,
                      bool active, bool canRateGood);

    /// The key that presses @p button on the current answer (the chat page's actions use it).
    static QKeySequence shortcut(Button button);
    /// "Good Answer" and so on: the name of what @p button does (the chat page's actions, accessible names).
    static QString actionText(Button button);
    /// "Good answer (Ctrl+Shift+Up)" and so on.
    static QString toolTip(Button button);
};

}  // namespace Switchyard
