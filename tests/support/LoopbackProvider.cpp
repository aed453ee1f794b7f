#include "tests/support/LoopbackProvider.h"

#include <QNetworkProxy>

namespace Switchyard::Testing {

LoopbackProvider::LoopbackProvider()
{
    manager.setProxy(QNetworkProxy::NoProxy);
}

bool LoopbackProvider::start()
{
    return server.start();
}

}  // namespace Switchyard::Testing
