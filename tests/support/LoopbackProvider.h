#pragma once

#include "tests/support/FakeProviderServer.h"

#include <QNetworkAccessManager>

namespace Switchyard::Testing {

/// The loopback pair every adapter test talks through: a network manager that never uses a system proxy (a proxy
/// would swallow or rewrite 127.0.0.1 traffic) and a fake provider server. Make a fresh one per test function so no
/// scripted response or recorded request leaks into the next test; the server is declared last so it goes first.
struct LoopbackProvider {
    LoopbackProvider();

    /// Starts the server; false (the server has already warned why) when it cannot listen.
    [[nodiscard]] bool start();

    QNetworkAccessManager manager;
    FakeProviderServer server;
};

}  // namespace Switchyard::Testing
