#include "core/secrets/Redactor.h"

#include "core/secrets/Secret.h"

#include <QRegularExpression>
#include <algorithm>

namespace Switchyard {

namespace {

const QRegularExpression &headerPattern()
{
    // name, separator (optionally quoted, ':' or '='), optional auth scheme, then the value up to a delimiter.
    static const QRegularExpression pattern(
        QStringLiteral(R"(\b(authorization|proxy-authorization|x-api-key|x-goog-api-key|api-key|api_key|apikey))"
                       R"((["']?\s*[:=]\s*["']?)((?:Bearer|Basic|Token|AWS4-HMAC-SHA256)\s+)?)"
                       R"(([^\s"',;&}]+(?:[ \t]*,[ \t]*(?:SignedHeaders|Signature)=[^\s"',&}]+)*))"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

}  // namespace

void Redactor::addSecret(const Secret &secret)
{
    const QString value = secret.reveal();
    addValue(value);
    // Composite credentials ("ACCESS_KEY_ID:SECRET_ACCESS_KEY[:SESSION_TOKEN]" for AWS) can leak one part alone.
    if (value.contains(QLatin1Char(':'))) {
        for (const QString &part : value.split(QLatin1Char(':')))
            if (part.size() >= MinPartLength)
                addValue(part);
    }
}

void Redactor::addValue(const QString &value)
{
    if (value.isEmpty() || m_values.contains(value))
        return;
    m_values.append(value);
    std::stable_sort(m_values.begin(), m_values.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

void Redactor::merge(const Redactor &other)
{
    for (const QString &value : other.m_values)
        addValue(value);
}

QString Redactor::redact(const QString &text) const
{
    QString out = text;
    for (const QString &value : m_values)
        out.replace(value, Mask);
    QString result;
    result.reserve(out.size());
    qsizetype last = 0;
    auto it = headerPattern().globalMatch(out);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const qsizetype valueStart = match.capturedStart(4);
        result += QStringView(out).mid(last, valueStart - last);
        result += Mask;
        last = match.capturedEnd(4);
    }
    result += QStringView(out).mid(last);
    return result;
}

QByteArray Redactor::redact(const QByteArray &bytes) const
{
    if (bytes.isEmpty())
        return bytes;
    return redact(QString::fromUtf8(bytes)).toUtf8();
}

}  // namespace Switchyard
