#pragma once

#include "core/common/Result.h"

#include <QStringList>

namespace Switchyard {

class MainWindow;

/// Shows every page of a main window in turn and saves a PNG of the whole window per page.
class PageScreenshots {
public:
    /// Saves "<dir>/<page id>.png" (bots.png, prompts.png, ...) with a prompt open and a conversation in the chat
    /// tester, then chat-fallback.png (an injected failure and the fallback path) and chat-compare.png (compare mode)
    /// when the workspace has a chain and configs for them. Returns the written paths. Creates @p dir.
    /// The window is shown if it is hidden; the page that was current before is current again afterwards.
    static Result<QStringList> save(MainWindow &window, const QString &dir);
};

}  // namespace Switchyard
