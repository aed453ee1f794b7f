#pragma once

#include "core/secrets/SecretBackend.h"

#include <QHash>

namespace Switchyard {

/// Secrets held in memory: for tests, and as a stand-in keychain where no system keychain exists.
class MemorySecretBackend : public SecretBackend {
public:
    explicit MemorySecretBackend(QString description = QStringLiteral("the in-memory secret store"));

    void set(const QString &name, const QString &value);
    void remove(const QString &name);

    std::optional<QString> read(const QString &name) const override;
    QString description() const override { return m_description; }

private:
    QString m_description;
    QHash<QString, QString> m_values;
};

}  // namespace Switchyard
