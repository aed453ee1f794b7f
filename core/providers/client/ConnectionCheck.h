#pragma once

#include "core/model/FailureClass.h"
#include "core/model/ProviderSpec.h"
#include "core/secrets/Secret.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Switchyard {

class ModelListCall;
class ProviderCall;
class ProviderClient;

/// What a connection check found out.
struct ConnectionReport {
    enum class Method {
        ModelList,  ///< the provider's model list was fetched: address, TLS and key are fine
        Chat,       ///< no model list here (the simulator): a one-line chat to a model answered
    };
    bool ok = false;
    Method method = Method::ModelList;
    qint64 latencyMs = 0;
    QStringList models;               ///< the listed models (ModelList)
    QString model;                    ///< the model asked about: the chat model, or --model for a list
    std::optional<bool> modelListed;  ///< whether that model is in the list (ModelList with a model)
    FailureClass failure = FailureClass::None;
    int httpStatus = 0;
    QString message;  ///< why it failed, redacted; empty on success

    static QString methodName(Method method);
};

/// "Test connection" for a provider, the same check for the CLI and the studio: fetch the model list where the API
/// has one — cheap, free, and it proves address, TLS and key — otherwise send a one-line chat to a model of the
/// provider. Asynchronous; finished() follows start() exactly once, and cancel() may come at any moment.
class ConnectionCheck : public QObject {
    Q_OBJECT
public:
    /// @p apiKey already resolved (empty for providers without one). @p model: the model to look for in the list or
    /// to chat with; empty = the provider's first configured model for a chat.
    ConnectionCheck(ProviderSpec provider, Secret apiKey, QNetworkAccessManager *network, QString model = {},
                    QObject *parent = nullptr);
    ~ConnectionCheck() override;

    void start();
    void cancel();
    const ConnectionReport &report() const { return m_report; }

Q_SIGNALS:
    void finished();

private:
    void startChat();
    void onListFinished();
    void onChatFinished();
    void finish();

    ProviderSpec m_provider;
    Secret m_apiKey;
    QNetworkAccessManager *m_network;
    std::unique_ptr<ProviderClient> m_client;
    QPointer<ModelListCall> m_list;
    QPointer<ProviderCall> m_chat;
    QElapsedTimer m_clock;
    ConnectionReport m_report;
    bool m_finished = false;
};

}  // namespace Switchyard
