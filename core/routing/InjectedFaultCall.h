#pragma once

#include "core/providers/client/ProviderCall.h"
#include "core/routing/FaultInjector.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;

namespace Switchyard {

class ProviderClient;
struct ProviderRequest;

/// A ProviderCall that fails the way the provider would, for the chaos controls. HTTP-level faults (429 with
/// Retry-After, 500, 503, 400 context_length_exceeded) send nothing: the provider's own error shape — status,
/// headers, error JSON of its wire format (PROVIDERS.md) — goes through HttpErrorClassifier as a received response
/// would. Timeout sends nothing and answers nothing until the request's first-token timeout (the whole-call timeout
/// when unstreamed, capped by the call budget) fires. StreamCut starts the real call, lets some text stream, then
/// drops it as a broken connection would. Every failure message starts with FaultInjector::messagePrefix().
class InjectedFaultCall final : public ProviderCall {
    Q_OBJECT

public:
    /// Starts @p request through @p client with @p fault applied. Never returns null.
    static ProviderCall *start(const InjectedFault &fault, const ProviderClient &client, const ProviderRequest &request,
                               QNetworkAccessManager *manager, QObject *parent = nullptr);

    void cancel() override;
    ProviderResult result() const override { return m_result; }
    bool isFinished() const override { return m_finished; }

    /// The error response @p kind's provider wire format sends for @p fault: status, headers and JSON body.
    struct ErrorResponse {
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };
    static ErrorResponse errorResponse(const InjectedFault &fault, const QString &providerKind);

private:
    InjectedFaultCall(const InjectedFault &fault, QObject *parent);
    void failLikeHttp(const QString &providerKind);
    void startTimeout(const ProviderRequest &request);
    void wrap(ProviderCall *inner);
    void onInnerDelta(const QString &text);
    void onInnerFinished();
    void cut();
    void fail(FailureClass failure, const QString &message);
    void finishLater();

    InjectedFault m_fault;
    QPointer<ProviderCall> m_inner;
    QTimer m_timeoutTimer;
    QElapsedTimer m_clock;
    QString m_streamed;
    int m_deltas = 0;
    ProviderResult m_result;
    bool m_finished = false;
    bool m_finishQueued = false;
};

}  // namespace Switchyard
