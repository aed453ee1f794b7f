#include "core/reporting/ReportQuery.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Switchyard {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ReportQuery", text);
}

}  // namespace

Result<void> ReportQuery::validate() const
{
    if (from && !from->isValid())
        return Error::make(Error::Code::InvalidInput, tr("the report's first day is not a valid date"));
    if (to && !to->isValid())
        return Error::make(Error::Code::InvalidInput, tr("the report's last day is not a valid date"));
    if (from && to && *to < *from) {
        return Error::make(Error::Code::InvalidInput,
                           tr("the report ends (%1) before it starts (%2); give a last day on or after the first")
                               .arg(to->toString(Qt::ISODate), from->toString(Qt::ISODate)));
    }
    if (promptVersion && promptKey.isEmpty())
        return Error::make(Error::Code::InvalidInput, tr("a prompt version filter needs the prompt's key too"));
    return {};
}

QString ReportQuery::groupingName(ReportGrouping grouping)
{
    switch (grouping) {
    case ReportGrouping::Provider:
        return QStringLiteral("provider");
    case ReportGrouping::Model:
        return QStringLiteral("model");
    case ReportGrouping::Bot:
        return QStringLiteral("bot");
    case ReportGrouping::Version:
        return QStringLiteral("version");
    case ReportGrouping::Day:
        return QStringLiteral("day");
    case ReportGrouping::Week:
        return QStringLiteral("week");
    case ReportGrouping::Month:
        return QStringLiteral("month");
    }
    return {};
}

QStringList ReportQuery::groupingNames()
{
    QStringList names;
    for (const ReportGrouping grouping :
         {ReportGrouping::Provider, ReportGrouping::Model, ReportGrouping::Bot, ReportGrouping::Version,
          ReportGrouping::Day, ReportGrouping::Week, ReportGrouping::Month})
        names << groupingName(grouping);
    return names;
}

Result<ReportGrouping> ReportQuery::parseGrouping(const QString &name)
{
    for (const ReportGrouping grouping :
         {ReportGrouping::Provider, ReportGrouping::Model, ReportGrouping::Bot, ReportGrouping::Version,
          ReportGrouping::Day, ReportGrouping::Week, ReportGrouping::Month}) {
        if (groupingName(grouping) == name)
            return grouping;
    }
    return Error::make(
        Error::Code::InvalidInput,
        tr("unknown grouping '%1'; use one of: %2").arg(name, groupingNames().join(QStringLiteral(", "))));
}

Result<QDate> ReportQuery::parseDate(const QString &text, const QString &what)
{
    // Exactly YYYY-MM-DD: QDate alone would also take other ISO forms.
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!shape.match(text).hasMatch() || !date.isValid()) {
        return Error::make(
            Error::Code::InvalidInput,
            tr("%1 must be a date written YYYY-MM-DD (UTC), such as 2026-01-31; got '%2'").arg(what, text));
    }
    return date;
}

}  // namespace Switchyard
