#include "ui/dashboards/DashboardData.h"

#include "core/reporting/ReportService.h"
#include "core/store/BotRepository.h"

#include <algorithm>

namespace Switchyard {

namespace {

/// @p query narrowed to the group @p key of its grouping, or nothing when a filter can not express the group
/// (calls without a bot or prompt; a bot that no longer exists).
std::optional<ReportQuery> narrowedTo(Database &database, ReportQuery query, const QString &key)
{
    if (key.isEmpty())
        return std::nullopt;
    switch (query.groupBy) {
    case ReportGrouping::Provider:
        query.provider = key;
        return query;
    case ReportGrouping::Model: {
        const qsizetype slash = key.indexOf(QLatin1Char('/'));
        if (slash < 0)
            return std::nullopt;
        query.provider = key.left(slash);
        query.model = key.mid(slash + 1);
        return query;
    }
    case ReportGrouping::Bot: {
        auto bot = BotRepository(database).bySlug(key);
        if (!bot)
            return std::nullopt;
        query.botId = bot->id;
        return query;
    }
    case ReportGrouping::Version: {
        const qsizetype at = key.lastIndexOf(QLatin1Char('@'));
        bool ok = false;
        const int version = at < 0 ? 0 : key.mid(at + 1).toInt(&ok);
        if (!ok)
            return std::nullopt;
        query.promptKey = key.left(at);
        query.promptVersion = version;
        return query;
    }
    case ReportGrouping::Day:
    case ReportGrouping::Week:
    case ReportGrouping::Month:
        break;
    }
    return std::nullopt;
}

}  // namespace

ReportGrouping DashboardData::timeBucketFor(const ReportQuery &query)
{
    switch (query.groupBy) {
    case ReportGrouping::Day:
    case ReportGrouping::Week:
    case ReportGrouping::Month:
        return query.groupBy;
    default:
        break;
    }
    if (query.from && query.to && query.from->daysTo(*query.to) <= 62)
        return ReportGrouping::Day;
    return ReportGrouping::Week;
}

ReportQuery DashboardData::versionQuery(ReportQuery query, const QString &prompt)
{
    query.promptKey = prompt;
    query.promptVersion.reset();
    query.groupBy = ReportGrouping::Version;
    return query;
}

Result<DashboardData> DashboardData::load(Database &database, const ReportQuery &query, const QString &versionPrompt)
{
    SWITCHYARD_TRY(query.validate());
    ReportService service(database);
    DashboardData data;
    data.query = query;
    data.timeBucket = timeBucketFor(query);

    const auto grouped = [&](ReportGrouping grouping) {
        ReportQuery copy = query;
        copy.groupBy = grouping;
        return copy;
    };
    auto costsByTime = service.costs(grouped(data.timeBucket));
    if (!costsByTime)
        return costsByTime.error();
    data.costsByTime = *costsByTime;
    for (const CostRow &row : data.costsByTime)
        data.timeKeys << row.key;

    auto costsByGroup = service.costs(query);
    if (!costsByGroup)
        return costsByGroup.error();
    data.costsByGroup = *costsByGroup;

    // The cost chart: the grouping's most expensive groups over time, the rest as one layer.
    const auto perTime = [&](const QList<CostRow> &rows) {
        QList<qint64> values(data.timeKeys.size(), 0);
        for (const CostRow &row : rows) {
            const qsizetype at = data.timeKeys.indexOf(row.key);
            if (at >= 0)
                values[at] = row.costMicroUsd;
        }
        return values;
    };
    const QList<qint64> total = perTime(data.costsByTime);
    if (data.timeBucket == query.groupBy) {
        data.costSeries.append({QString(), grouped(data.timeBucket), total});
    } else {
        QList<CostRow> ranked = data.costsByGroup;
        std::stable_sort(ranked.begin(), ranked.end(),
                         [](const CostRow &a, const CostRow &b) { return a.costMicroUsd > b.costMicroUsd; });
        QList<qint64> rest = total;
        for (const CostRow &group : ranked) {
            if (data.costSeries.size() >= MaxCostSeries)
                break;
            auto narrowed = narrowedTo(database, query, group.key);
            if (!narrowed)
                continue;
            narrowed->groupBy = data.timeBucket;
            auto rows = service.costs(*narrowed);
            if (!rows)
                return rows.error();
            CostSeries series{group.key, *narrowed, perTime(*rows)};
            for (qsizetype i = 0; i < rest.size(); ++i)
                rest[i] -= series.microUsd.at(i);
            data.costSeries.append(series);
        }
        if (std::any_of(rest.cbegin(), rest.cend(), [](qint64 value) { return value != 0; }))
            data.costSeries.append({QString(), grouped(data.timeBucket), rest});
    }

    auto latency = service.latency(grouped(ReportGrouping::Model));
    if (!latency)
        return latency.error();
    data.latencyByModel = *latency;
    auto fallbacks = service.fallbacks(query);
    if (!fallbacks)
        return fallbacks.error();
    data.fallbacksByGroup = *fallbacks;
    auto byVersion = service.quality(grouped(ReportGrouping::Version));
    if (!byVersion)
        return byVersion.error();
    data.qualityByVersion = *byVersion;
    auto byModel = service.quality(grouped(ReportGrouping::Model));
    if (!byModel)
        return byModel.error();
    data.qualityByModel = *byModel;

    data.versionPrompt = versionPrompt;
    if (!versionPrompt.isEmpty()) {
        auto versions = service.versions(versionQuery(query, versionPrompt));
        if (!versions)
            return versions.error();
        data.versions = *versions;
    }
    auto breakers = service.breakerOpens(grouped(data.timeBucket));
    if (!breakers)
        return breakers.error();
    data.breakersByTime = *breakers;
    auto conversations = service.conversationCosts(query);
    if (!conversations)
        return conversations.error();
    data.conversations = *conversations;
    auto budgetUse = service.budgetUse(grouped(ReportGrouping::Day));
    if (!budgetUse)
        return budgetUse.error();
    data.budgetUse = *budgetUse;
    return data;
}

}  // namespace Switchyard
