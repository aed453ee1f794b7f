#pragma once

#include "core/providers/client/ProviderCall.h"

#include <QPointer>

namespace Switchyard {

/// A Gemini call: forwards an inner ProviderCall (the shared HttpProviderCall) and refines its final result where
/// Gemini's error shape says more than the HTTP status, so the engine sees the right failure class.
class GeminiCall : public ProviderCall {
    Q_OBJECT
public:
    /// Takes ownership of @p inner. @p keyReference (e.g. "env:GEMINI_API_KEY") names the key in auth hints; it is
    /// the reference, never the value.
    GeminiCall(ProviderCall *inner, QString keyReference, QObject *parent = nullptr);

    void cancel() override;
    ProviderResult result() const override;
    bool isFinished() const override { return m_finished; }

    /// Gemini answers a wrong key with HTTP 400 INVALID_ARGUMENT and details[] ErrorInfo reason API_KEY_INVALID:
    /// that is an Authentication failure. Other results come back unchanged.
    static ProviderResult refine(const ProviderResult &result, const QString &keyReference);

private:
    void onInnerFinished();

    QPointer<ProviderCall> m_inner;
    QString m_keyReference;
    ProviderResult m_result;
    bool m_finished = false;
};

}  // namespace Switchyard
