#pragma once

#include "core/model/ProviderSpec.h"
#include "core/providers/client/ProviderCall.h"
#include "core/providers/client/ProviderClient.h"
#include "core/providers/client/ResponseParser.h"
#include "core/secrets/Redactor.h"

#include <QElapsedTimer>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace Switchyard {

/// A ProviderCall over Qt Network for HTTP+JSON providers. Owns everything the wire formats share: sending, the four
/// timeouts, reading the status on metaDataChanged (an error body may come instead of a stream), HTTP and transport
/// error classification, redaction, timing. The wire format itself is a ResponseParser.
///
/// Timeouts: connect (until the request is written to a connected socket), first token (until the first text
/// delta when streaming, until the response headers otherwise), idle (between any two reads of a streamed body,
/// keep-alive comments included; it starts with the first body byte) and the whole call.
///
/// Delete a finished call with deleteLater() or after finished() has returned; deleting it earlier aborts the request.
class HttpProviderCall : public ProviderCall {
    Q_OBJECT
public:
    static constexpr qsizetype MaxErrorBodyBytes = 64 * 1024;    ///< kept of an error body
    static constexpr qsizetype MaxBodyBytes = 64 * 1024 * 1024;  ///< an unstreamed answer larger than this fails

    /// Starts the POST at once. @p redactor must know the request's secret.
    HttpProviderCall(QNetworkAccessManager *manager, const QNetworkRequest &request, const QByteArray &body,
                     std::unique_ptr<ResponseParser> parser, bool stream, const Timeouts &timeouts, Redactor redactor,
                     QObject *parent = nullptr);
    ~HttpProviderCall() override;

    /// How every HTTP adapter starts a call: @p client prepares @p request, and the call parses the answer with
    /// @p parser. A request the client cannot prepare yields a call that fails with Validation (from the event loop).
    /// The request's API key is redacted from everything the call reports.
    static ProviderCall *start(const ProviderClient &client, const ProviderRequest &request,
                               QNetworkAccessManager *manager, std::unique_ptr<ResponseParser> parser,
                               QObject *parent = nullptr);

    void cancel() override;
    ProviderResult result() const override { return m_result; }
    bool isFinished() const override { return m_finished; }

private:
    void onRequestSent();
    void onMetaDataChanged();
    void onReadyRead();
    void onReplyFinished();
    void onTimer(FailureClass failure, const QString &what);
    void onIdle();

    void apply(const ParseUpdate &update);
    void succeed();
    void fail(FailureClass failure, const QString &message, const QString &code = {});
    void failHttp();
    void finalize();
    void releaseReply();

    std::unique_ptr<ResponseParser> m_parser;
    QPointer<QNetworkReply> m_reply;
    bool m_stream = false;
    Timeouts m_timeouts;
    Redactor m_redactor;
    QString m_endpoint;      // scheme://host/path for messages, never the query (it might carry a key)
    QString m_keyReference;  // "env:OPENAI_API_KEY": named in authentication failures so the user knows what to fix

    QTimer m_connectTimer;
    QTimer m_firstTokenTimer;
    QTimer m_idleTimer;
    QTimer m_totalTimer;
    QElapsedTimer m_clock;

    int m_status = 0;
    bool m_errorStatus = false;
    bool m_wholeBody = false;  // read the body whole and parse it at the end (unstreamed, or JSON instead of a stream)
    bool m_headersSeen = false;
    bool m_firstToken = false;
    bool m_finished = false;
    bool m_finishQueued = false;
    QByteArray m_body;
    ProviderResult m_result;
};

}  // namespace Switchyard
