#pragma once

#include "core/providers/client/ProviderResult.h"

#include <QObject>
#include <functional>

namespace Switchyard {

/// One asynchronous call to a provider. Created started by ProviderClient::start(); emits delta() for each piece of
/// text, firstToken() once before the first delta, and finished() exactly once (success, failure or cancel), after
/// which result() is final. cancel() may be called at any moment, also from a slot connected to delta().
class ProviderCall : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    /// Stops the call: the connection is aborted, result().failure becomes Cancelled and finished() follows from the
    /// event loop. No effect after finished().
    virtual void cancel() = 0;

    /// Final after finished(); before it, the state so far (text received, ok == false).
    virtual ProviderResult result() const = 0;

    virtual bool isFinished() const = 0;

protected:
    /// Runs @p markFinished and emits finished() from the event loop, never from the caller's stack: a completion,
    /// failure or cancel decided inside start(), cancel() or a slot connected to delta() must not re-enter the caller.
    void finishFromEventLoop(std::function<void()> markFinished);

Q_SIGNALS:
    void firstToken();
    void delta(const QString &text);
    void finished();
};

}  // namespace Switchyard
