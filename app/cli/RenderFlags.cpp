#include "RenderFlags.h"

#include "core/templating/RenderOptions.h"
#include "core/templating/SystemVariables.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace Switchyard {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RenderFlags", text);
}

Error usage(const QString &message)
{
    return Error::make(Error::Code::InvalidInput, message);
}

}  // namespace

void addRenderFlags(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("escape"), tr("html or none (default: none)."), QStringLiteral("MODE")});
    parser.addOption({QStringLiteral("missing"), tr("What a missing variable does: keep (default), empty or error."),
                      QStringLiteral("POLICY")});
    parser.addOption(
        {QStringLiteral("now"), tr("Fixed time for system variables (ISO 8601)."), QStringLiteral("ISO8601")});
    parser.addOption({QStringLiteral("tz"),
                      tr("Time zone for system variables, e.g. Asia/Kolkata (default: the system's)."),
                      QStringLiteral("ZONE")});
}

Result<void> applyRenderFlags(const QCommandLineParser &parser, Templating::RenderOptions &options,
                              Templating::SystemVariables &system)
{
    using namespace Templating;
    const QString escape = parser.value(QStringLiteral("escape"));
    if (escape == QStringLiteral("html"))
        options.escape = Escape::Html;
    else if (escape.isEmpty() || escape == QStringLiteral("none"))
        options.escape = Escape::None;
    else
        return usage(tr("--escape must be html or none, got '%1'").arg(escape));

    if (parser.isSet(QStringLiteral("missing"))) {
        const QString name = parser.value(QStringLiteral("missing"));
        const auto policy = missingPolicyFromName(name);
        if (!policy)
            return usage(tr("--missing must be keep, empty or error, got '%1'").arg(name));
        options.missing = *policy;
    }

    if (parser.isSet(QStringLiteral("tz"))) {
        const QString zone = parser.value(QStringLiteral("tz"));
        if (!QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()))
            return usage(tr("--tz: unknown time zone '%1'; use an IANA name such as Europe/Berlin").arg(zone));
        system.setTimeZone(QTimeZone(zone.toUtf8()));
    }
    if (parser.isSet(QStringLiteral("now"))) {
        const QString text = parser.value(QStringLiteral("now"));
        const QDateTime now = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!now.isValid())
            return usage(tr("--now must be an ISO 8601 time such as 2026-01-15T14:45:00Z, got '%1'").arg(text));
        system.setClock([now] { return now; });
    }
    options.system = &system;
    return {};
}

}  // namespace Switchyard
