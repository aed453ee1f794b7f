#pragma once

#include "core/common/Result.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <optional>

namespace Switchyard {

/// How a report splits its figures into rows.
enum class ReportGrouping {
    Provider,  ///< the provider that answered (or, for a call nothing answered, the one it asked for)
    Model,     ///< "provider/model", the same way
    Bot,       ///< the bot's slug; "" for calls without a bot
    Version,   ///< "prompt_key@version"; "" for calls without a prompt
    Day,       ///< UTC date "2026-11-23"
    Week,      ///< the Monday (UTC) that starts the ISO week, "2026-11-23"
    Month,     ///< "2026-11"
};

/// The filters and grouping every report takes. Empty or unset filters match everything.
struct ReportQuery {
    std::optional<QDate> from;  ///< first UTC day included
    std::optional<QDate> to;    ///< last UTC day included (the whole day)
    std::optional<qint64> botId;
    QString provider;  ///< compared with the call's reported provider (see ReportGrouping::Provider)
    QString model;     ///< the model id without the provider, e.g. "gpt-4o"
    QString promptKey;
    std::optional<int> promptVersion;  ///< only with promptKey
    std::optional<qint64> configId;
    ReportGrouping groupBy = ReportGrouping::Provider;

    /// An Error saying what is wrong (to before from, a version without a key).
    Result<void> validate() const;

    /// "provider", "model", "bot", "version", "day", "week", "month".
    static QString groupingName(ReportGrouping grouping);
    static QStringList groupingNames();
    /// The grouping named @p name, or an Error listing the allowed names.
    static Result<ReportGrouping> parseGrouping(const QString &name);
    /// A UTC date written as YYYY-MM-DD, or an Error naming @p what and the expected form.
    static Result<QDate> parseDate(const QString &text, const QString &what);
};

}  // namespace Switchyard
