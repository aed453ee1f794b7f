#include "PromptReference.h"

#include "core/store/PromptRepository.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Switchyard {

Result<PromptReference> PromptReference::parse(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^([a-z0-9_.\-]+)(?:@([0-9]+)|:([A-Za-z0-9_.\-]+))?$)"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch()) {
        return Error::make(
            Error::Code::InvalidInput,
            QCoreApplication::translate("PromptReference",
                                        "'%1' is not a prompt reference; write KEY, KEY@VERSION "
                                        "(e.g. support_answer@2) or KEY:LABEL (e.g. support_answer:production)")
                .arg(text));
    }
    PromptReference reference;
    reference.key = match.captured(1);
    if (match.hasCaptured(2)) {
        bool ok = false;
        const int version = match.captured(2).toInt(&ok);
        if (!ok || version < 1) {
            return Error::make(
                Error::Code::InvalidInput,
                QCoreApplication::translate("PromptReference", "'%1': versions are numbered from 1").arg(text));
        }
        reference.version = version;
    }
    if (match.hasCaptured(3))
        reference.label = match.captured(3);
    return reference;
}

QString PromptReference::toString() const
{
    if (version)
        return key + QLatin1Char('@') + QString::number(*version);
    if (!label.isEmpty())
        return key + QLatin1Char(':') + label;
    return key;
}

Result<PromptVersion> PromptReference::resolve(Database &database) const
{
    PromptRepository prompts(database);
    if (version)
        return prompts.version(key, *version);
    if (!label.isEmpty())
        return prompts.byLabel(key, label);
    return prompts.latest(key);
}

}  // namespace Switchyard
