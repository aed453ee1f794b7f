#pragma once

#include <QObject>

namespace Switchyard {

/// Carries "open this call in the chat tester" from wherever a CallDetailDialog is shown (the Activity page, a
/// dashboard's drill-down) to the main window, which owns the chat page. The pages that open the dialog need not know
/// about the chat page, and the main window need not know every page that shows calls.
class CallNavigator : public QObject {
    Q_OBJECT

public:
    /// The application's one navigator (lives as long as the process; used on the GUI thread only).
    static CallNavigator &instance();

Q_SIGNALS:
    /// Call row @p callId should open in the chat tester.
    void openInChatRequested(qint64 callId);

private:
    CallNavigator() = default;
};

}  // namespace Switchyard
