#include "core/secrets/MemorySecretBackend.h"

#include <utility>

namespace Switchyard {

MemorySecretBackend::MemorySecretBackend(QString description) : m_description(std::move(description)) {}

void MemorySecretBackend::set(const QString &name, const QString &value)
{
    m_values.insert(name, value);
}

void MemorySecretBackend::remove(const QString &name)
{
    m_values.remove(name);
}

std::optional<QString> MemorySecretBackend::read(const QString &name) const
{
    const auto it = m_values.constFind(name);
    if (it == m_values.constEnd() || it->isEmpty())
        return std::nullopt;
    return *it;
}

}  // namespace Switchyard
