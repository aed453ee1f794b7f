#pragma once

#include "core/model/FailureClass.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace Switchyard {

/// Response headers as QNetworkReply::rawHeaderPairs() gives them; names compare case-insensitively.
using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

/// What an HTTP error response says about the failure: its class, whether and when to retry, and the provider's reason.
struct HttpErrorAnalysis {
    FailureClass failureClass = FailureClass::None;
    int httpStatus = 0;
    std::optional<bool> shouldRetry;     ///< the `x-should-retry` header, when present
    std::optional<qint64> retryDelayMs;  ///< retry-after-ms, retry-after or Gemini RetryInfo.retryDelay
    QString providerCode;                ///< e.g. "context_length_exceeded", "overloaded_error", "RESOURCE_EXHAUSTED",
                                         ///< "ThrottlingException"
    QString providerMessage;             ///< the provider's own explanation, surfaced to the caller as is
};

}  // namespace Switchyard
