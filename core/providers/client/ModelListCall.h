#pragma once

#include "core/common/Result.h"
#include "core/providers/client/ProviderClient.h"
#include "core/secrets/Redactor.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

class QNetworkReply;

namespace Switchyard {

/// Model ids from a model-list body shaped {"<arrayKey>": [{"<idKey>": "..."}, ...]} (OpenAI, Anthropic, Ollama).
/// @p formatName names the expected shape in the error ("OpenAI-style").
Result<QStringList> modelIdsFromList(const QByteArray &body, QLatin1String arrayKey, QLatin1String idKey,
                                     const QString &formatName);

/// Lists a provider's models (GET /v1/models and equivalents); doubles as the cheap "test connection" check.
/// Emits finished() once; result() then holds the ids or an error that says what failed (redacted).
class ModelListCall : public QObject {
    Q_OBJECT
public:
    /// Starts at once. @p client must outlive the call.
    ModelListCall(const ProviderClient &client, const ProviderSpec &provider, const Secret &apiKey,
                  QNetworkAccessManager *manager, QObject *parent = nullptr);
    ~ModelListCall() override;

    const Result<QStringList> &result() const { return m_result; }
    bool isFinished() const { return m_finished; }
    int httpStatus() const { return m_status; }
    /// Why the listing failed (Authentication, Network, Timeout, ...); None after success.
    FailureClass failure() const { return m_failure; }
    void cancel();

Q_SIGNALS:
    void finished();

private:
    void onFinished();
    void complete(Result<QStringList> result, FailureClass failure = FailureClass::None);

    const ProviderClient &m_client;
    QString m_providerId;
    QString m_keyReference;  ///< named in authentication failures; the reference, never the value
    FailureClass m_failure = FailureClass::None;
    Redactor m_redactor;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    int m_status = 0;
    bool m_finished = false;
    Result<QStringList> m_result{QStringList()};
};

}  // namespace Switchyard
