#pragma once

#include <QString>

namespace Switchyard {

/// Applies the "system", "light" or "dark" theme to the running application.
///
/// Light and dark use the Fusion style with a fixed palette so they look the same on every platform; "system"
/// restores the style and palette the application started with.
class Theme {
public:
    /// Applies @p theme at once; unknown names fall back to "system".
    static void apply(const QString &theme);
    /// The theme applied last ("system" before the first apply()).
    static QString current();
};

}  // namespace Switchyard
