#include "core/reporting/Percentile.h"

#include <algorithm>

namespace Switchyard::Percentile {

qsizetype nearestRankIndex(qsizetype count, int percent)
{
    if (count <= 0)
        return -1;
    if (percent <= 0)
        return 0;
    // ceil(p * n / 100) in integers: no floating-point rounding can move the rank.
    const qsizetype rank = (qsizetype(qMin(percent, 100)) * count + 99) / 100;
    return qBound(qsizetype(0), rank - 1, count - 1);
}

std::vector<qint64> nearestRank(std::vector<qint64> &values, const std::vector<int> &percents)
{
    std::vector<qint64> result;
    if (values.empty())
        return result;
    result.reserve(percents.size());
    // Each selection only needs the part above the previous one: nth_element leaves everything at or after the
    // previous index >= it.
    auto begin = values.begin();
    for (const int percent : percents) {
        const auto at = values.begin() + nearestRankIndex(qsizetype(values.size()), percent);
        if (at < begin)
            begin = values.begin();
        std::nth_element(begin, at, values.end());
        result.push_back(*at);
        begin = at;
    }
    return result;
}

}  // namespace Switchyard::Percentile
