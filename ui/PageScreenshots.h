#pragma once

#include "core/common/Result.h"

#include <QStringList>

namespace Switchyard {

class MainWindow;

/// Shows every page of a main window in turn and saves a PNG of the whole window per page.
class PageScreenshots {
public:
    /// Saves "<dir>/<page id>.png" (bots.png, prompts.png, ...) and returns the written paths. Creates @p dir.
    /// The window is shown if it is hidden; the page that was current before is current again afterwards.
    static Result<QStringList> save(MainWindow &window, const QString &dir);
};

}  // namespace Switchyard
