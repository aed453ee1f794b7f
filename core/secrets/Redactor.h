#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Switchyard {

class Secret;

/// Removes secrets from text bound for logs, error messages, the database or the UI.
///
/// Two kinds of things are replaced by "[REDACTED]": every known secret value (added with addSecret()), wherever it
/// appears, and the value of any authentication header written as text (Authorization, x-api-key, api-key,
/// x-goog-api-key, in "name: value" or JSON "name": "value" form), whether or not the value is known.
class Redactor {
public:
    static constexpr QLatin1String Mask{"[REDACTED]"};

    Redactor() = default;

    /// Parts of a composite secret shorter than this are not masked on their own (too likely to be ordinary text).
    static constexpr qsizetype MinPartLength = 12;

    /// Remembers @p secret's value so redact() removes it. Empty secrets are ignored. A value made of parts joined by
    /// ':' (AWS credentials) also masks each part of MinPartLength characters or more on its own.
    void addSecret(const Secret &secret);
    void addValue(const QString &value);
    /// Known values and header patterns of @p other are applied too.
    void merge(const Redactor &other);

    /// @p text with known secret values and authentication header values masked.
    QString redact(const QString &text) const;
    /// The same for raw bytes (UTF-8), e.g. a provider's error body.
    QByteArray redact(const QByteArray &bytes) const;

    bool isEmpty() const { return m_values.isEmpty(); }

private:
    QStringList m_values;  // longest first, so a value containing another is masked whole
};

}  // namespace Switchyard
