#pragma once

#include <QString>

namespace Switchyard {

/// An API key (or other credential) resolved from a reference. It never prints itself: there is no conversion to
/// QString, no streaming operator and no debug output. Only the adapter that builds the authentication header calls
/// reveal().
class Secret {
public:
    Secret() = default;
    /// @p reference is how the secret was named ("env:OPENAI_API_KEY"); it is safe to show, the value is not.
    Secret(QString reference, QString value);

    /// The secret value itself. Call only where a request header is built; never log or store the result.
    QString reveal() const { return m_value; }
    /// The reference the value came from, safe to show in messages.
    QString reference() const { return m_reference; }
    bool isEmpty() const { return m_value.isEmpty(); }

    bool operator==(const Secret &) const = default;

private:
    QString m_reference;
    QString m_value;
};

}  // namespace Switchyard
