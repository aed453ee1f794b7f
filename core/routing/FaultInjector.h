#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <mutex>
#include <optional>

namespace Switchyard {

/// A failure the chaos controls inject into one hop of the next call. It is not simulated by the engine: the call is
/// made to fail the way a provider would (InjectedFaultCall), so classification, retries, breakers, fallback and the
/// attempt log behave exactly as for a real failure.
struct InjectedFault {
    enum class Kind {
        RateLimited,    ///< HTTP 429 with Retry-After (retryAfterMs)
        ServerError,    ///< HTTP 500
        Unavailable,    ///< HTTP 503
        Timeout,        ///< nothing answers until the hop's first-token (or whole-call) timeout fires
        StreamCut,      ///< the real answer streams cutAfterDeltas pieces, then the connection drops
        ContextLength,  ///< HTTP 400 context_length_exceeded
    };
    Kind kind = Kind::ServerError;
    qint64 retryAfterMs = 1000;  ///< the Retry-After a RateLimited fault carries
    int cutAfterDeltas = 2;      ///< text pieces a StreamCut fault lets through before it cuts

    /// snake_case name used by the CLI (`--inject 0:rate_limited`): rate_limited, server_error, unavailable, timeout,
    /// stream_cut, context_length.
    static QString name(Kind kind);
    static std::optional<Kind> fromName(const QString &name);
    /// Every kind, in the order the studio offers them.
    static QList<Kind> kinds();
    bool operator==(const InjectedFault &) const = default;
};

/**
 * The faults armed for the hops of the next call, by hop index in the call's ChainPlan (what the studio's chaos panel
 * and `switchyard-cli chat --inject HOP:KIND` address). Thread-safe.
 *
 * A fault is one-shot per call: the executor takes it when the call first sends to that hop, every attempt on that
 * hop during that call fails with it (so a retryable fault exhausts its retries and the call falls back), and the
 * next call is clean. A hop the call never reaches keeps its fault armed.
 *
 * Attempts that failed this way carry messagePrefix() at the start of their error message, which is stored with the
 * attempt, so the record shows the failure was injected.
 */
class FaultInjector : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    void arm(int hopIndex, const InjectedFault &fault);
    void disarm(int hopIndex);
    void clear();

    std::optional<InjectedFault> armed(int hopIndex) const;
    /// Every armed fault by hop index.
    QHash<int, InjectedFault> armedFaults() const;

    /// Disarms and returns the fault of @p hopIndex, if any; the executor calls this when a call reaches the hop.
    std::optional<InjectedFault> take(int hopIndex);

    /// "Injected: " — starts the error message of every attempt that failed by injection.
    static QString messagePrefix();
    static bool isInjected(const QString &errorMessage) { return errorMessage.startsWith(messagePrefix()); }

Q_SIGNALS:
    /// A fault was armed or disarmed (also when it fired). Emitted on the thread that made the change.
    void armedChanged(int hopIndex);
    /// A call took the fault of @p hopIndex.
    void fired(int hopIndex, Switchyard::InjectedFault::Kind kind);

private:
    mutable std::mutex m_mutex;
    QHash<int, InjectedFault> m_armed;
};

}  // namespace Switchyard
