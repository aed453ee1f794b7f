#pragma once

#include <QString>

namespace Switchyard::Wire {

/// AWS credentials for SigV4. Temporary (STS) credentials also carry a session token.
struct SigV4Credentials {
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;  ///< empty for long-term keys

    bool operator==(const SigV4Credentials &) const = default;
};

}  // namespace Switchyard::Wire
