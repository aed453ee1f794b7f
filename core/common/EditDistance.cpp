#include "core/common/EditDistance.h"

#include <algorithm>
#include <vector>

namespace Switchyard::EditDistance {

int distance(const QString &a, const QString &b)
{
    std::vector<int> previous(size_t(b.size()) + 1);
    std::vector<int> current(size_t(b.size()) + 1);
    for (size_t j = 0; j < previous.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[size_t(j - 1)] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            current[size_t(j)] = std::min({previous[size_t(j)] + 1, current[size_t(j - 1)] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[size_t(b.size())];
}

QString closest(const QString &word, const QStringList &candidates)
{
    QString best;
    int bestDistance = 0;
    const QString lowerWord = word.toLower();
    for (const QString &candidate : candidates) {
        const int d = distance(lowerWord, candidate.toLower());
        if (best.isEmpty() || d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    // A typo is a couple of edits away and shares most of the word; anything further is just a different word.
    const int allowed = int(std::min<qsizetype>(2, std::max<qsizetype>(1, word.size() / 3)));
    return !best.isEmpty() && bestDistance <= allowed ? best : QString();
}

}  // namespace Switchyard::EditDistance
