#pragma once

class QColor;
class QLabel;
class QPalette;

namespace Switchyard::ErrorText {

/// The studio's one colour for error text: a dark red on light palettes, a light red on dark ones.
QColor colour(const QPalette &palette);

/// Shows @p label's text in the error colour (@p error true) or in the normal text colour (false). The colour
/// follows palette changes, so switching the theme keeps error text readable.
void style(QLabel *label, bool error = true);

}  // namespace Switchyard::ErrorText
