#pragma once

#include <QString>
#include <QStringList>

namespace Switchyard::EditDistance {

/// The Levenshtein distance between @p a and @p b (insertions, deletions and substitutions of UTF-16 code units).
int distance(const QString &a, const QString &b);

/**
 * The candidate closest to @p word (case-insensitive) when it is a plausible typo of it, else an empty string.
 *
 * A typo is at most two edits away and no more than a third of the word: "custmer_name" suggests "customer_name",
 * "model" does not suggest "key". The first of equally close candidates wins, so the order of @p candidates is the
 * order of preference.
 */
QString closest(const QString &word, const QStringList &candidates);

}  // namespace Switchyard::EditDistance
