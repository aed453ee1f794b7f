#include "core/routing/FaultInjector.h"

namespace Switchyard {

QString InjectedFault::name(Kind kind)
{
    switch (kind) {
    case Kind::RateLimited:
        return QStringLiteral("rate_limited");
    case Kind::ServerError:
        return QStringLiteral("server_error");
    case Kind::Unavailable:
        return QStringLiteral("unavailable");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::StreamCut:
        return QStringLiteral("stream_cut");
    case Kind::ContextLength:
        return QStringLiteral("context_length");
    }
    return {};
}

std::optional<InjectedFault::Kind> InjectedFault::fromName(const QString &name)
{
    for (Kind kind : kinds()) {
        if (InjectedFault::name(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QList<InjectedFault::Kind> InjectedFault::kinds()
{
    return {Kind::RateLimited, Kind::ServerError, Kind::Unavailable,
            Kind::Timeout,     Kind::StreamCut,   Kind::ContextLength};
}

void FaultInjector::arm(int hopIndex, const InjectedFault &fault)
{
    {
        const std::lock_guard lock(m_mutex);
        m_armed.insert(hopIndex, fault);
    }
    Q_EMIT armedChanged(hopIndex);
}

void FaultInjector::disarm(int hopIndex)
{
    bool removed = false;
    {
        const std::lock_guard lock(m_mutex);
        removed = m_armed.remove(hopIndex) > 0;
    }
    if (removed)
        Q_EMIT armedChanged(hopIndex);
}

void FaultInjector::clear()
{
    QList<int> hops;
    {
        const std::lock_guard lock(m_mutex);
        hops = m_armed.keys();
        m_armed.clear();
    }
    for (int hop : std::as_const(hops))
        Q_EMIT armedChanged(hop);
}

std::optional<InjectedFault> FaultInjector::armed(int hopIndex) const
{
    const std::lock_guard lock(m_mutex);
    if (const auto found = m_armed.constFind(hopIndex); found != m_armed.cend())
        return *found;
    return std::nullopt;
}

QHash<int, InjectedFault> FaultInjector::armedFaults() const
{
    const std::lock_guard lock(m_mutex);
    return m_armed;
}

std::optional<InjectedFault> FaultInjector::take(int hopIndex)
{
    std::optional<InjectedFault> fault;
    {
        const std::lock_guard lock(m_mutex);
        if (const auto found = m_armed.constFind(hopIndex); found != m_armed.cend()) {
            fault = *found;
            m_armed.erase(found);
        }
    }
    // Outside the lock: a listener may arm the next fault at once.
    if (fault) {
        Q_EMIT fired(hopIndex, fault->kind);
        Q_EMIT armedChanged(hopIndex);
    }
    return fault;
}

QString FaultInjector::messagePrefix()
{
    return QStringLiteral("Injected: ");
}

}  // namespace Switchyard
