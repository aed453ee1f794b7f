#pragma once

// Internal to core/prompts: how template errors and missing variables are reported for a part of a prompt.

#include "core/common/Result.h"
#include "core/prompts/RenderedPrompt.h"
#include "core/templating/RenderReport.h"

#include <QStringList>

namespace Switchyard::PromptTemplateErrors {

/// "the system instruction", "the user message" or "section 'Role'".
inline QString describePart(const QString &part, const QString &section)
{
    if (!section.isEmpty())
        return QStringLiteral("section '%1'").arg(section);
    return part == QLatin1String("user") ? QStringLiteral("the user message")
                                         : QStringLiteral("the system instruction");
}

/// A template error with its position moved into the message: the line and column are inside the part's text, not
/// the prompt file, so they must not look like a file position.
inline Error inPart(const Error &error, const QString &part, const QString &section)
{
    QString where = describePart(part, section);
    if (error.line > 0)
        where += QStringLiteral(", line %1, column %2").arg(error.line).arg(error.column);
    return Error::make(error.code, where + QStringLiteral(": ") + error.message);
}

inline void collect(const Templating::RenderReport &report, const QString &part, const QString &section,
                    QList<MissingPromptVariable> *missing)
{
    if (!missing)
        return;
    for (const Templating::MissingVariable &variable : report.missing)
        missing->append(
            MissingPromptVariable{variable.name, part, section, variable.line, variable.column, variable.partial});
}

/// The error for MissingPolicy::Error, listing every missing variable with where it is used.
inline Error missingError(const QList<MissingPromptVariable> &missing)
{
    QStringList places;
    for (const MissingPromptVariable &variable : missing) {
        QString place = QStringLiteral("'%1' (%2, line %3, column %4")
                            .arg(variable.name, describePart(variable.part, variable.section))
                            .arg(variable.line)
                            .arg(variable.column);
        if (!variable.partial.isEmpty())
            place += QStringLiteral(" of partial '%1'").arg(variable.partial);
        places.append(place + QLatin1Char(')'));
    }
    const QString message = missing.size() == 1 ? QStringLiteral("Missing variable %1. Provide it in the variables")
                                                : QStringLiteral("Missing variables %1. Provide them in the variables");
    return Error::make(Error::Code::InvalidInput,
                       message.arg(places.join(QLatin1String(", "))) +
                           QStringLiteral(", or render with the keep or empty missing-variable policy."));
}

}  // namespace Switchyard::PromptTemplateErrors
