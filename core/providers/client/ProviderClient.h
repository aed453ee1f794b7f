#pragma once

#include "core/common/Result.h"
#include "core/providers/client/ProviderCall.h"
#include "core/providers/client/ProviderRequest.h"

#include <QNetworkRequest>
#include <QObject>
#include <QStringList>

class QNetworkAccessManager;

namespace Switchyard {

/// The HTTP request an adapter would send, exposed so tests and the studio's "show request" can inspect it.
/// Header values may hold the secret: never log a PreparedRequest without Redactor.
struct PreparedRequest {
    QNetworkRequest request;
    QByteArray body;
};

/// One provider wire format. Stateless and cheap: ProviderClientFactory::create() returns one per kind.
///
/// Usage: `ProviderCall *call = client->start(request, manager, parent);` then connect delta()/finished() and read
/// call->result() after finished(). Every call is asynchronous over @p manager and can be cancelled at any moment.
class ProviderClient {
public:
    virtual ~ProviderClient() = default;

    /// The ProviderSpec::kind this client speaks ("openai", "azure_openai", ...).
    virtual QString kind() const = 0;

    /// Builds the URL, headers and JSON body for @p request, or says why it cannot (missing deployment, bad URL).
    virtual Result<PreparedRequest> prepare(const ProviderRequest &request) const = 0;

    /// Starts @p request on @p manager. Never returns null: a request that cannot be prepared yields a call that
    /// finishes (from the event loop) with a Validation failure.
    virtual ProviderCall *start(const ProviderRequest &request, QNetworkAccessManager *manager,
                                QObject *parent = nullptr) const = 0;

    /// Request listing the provider's models (GET), when the API has one.
    virtual Result<PreparedRequest> prepareModelList(const ProviderSpec &provider, const Secret &apiKey) const = 0;
    /// Model ids from the body of a successful model-list response.
    virtual Result<QStringList> parseModelList(const QByteArray &body) const = 0;
};

}  // namespace Switchyard
