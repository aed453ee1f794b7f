#include "core/secrets/EnvironmentSecretBackend.h"

#include <QtGlobal>

namespace Switchyard {

std::optional<QString> EnvironmentSecretBackend::read(const QString &name) const
{
    if (name.isEmpty())
        return std::nullopt;
    const QByteArray variable = name.toLocal8Bit();
    if (!qEnvironmentVariableIsSet(variable.constData()) || qEnvironmentVariableIsEmpty(variable.constData()))
        return std::nullopt;
    return qEnvironmentVariable(variable.constData());
}

QString EnvironmentSecretBackend::description() const
{
    return QStringLiteral("the environment");
}

}  // namespace Switchyard
