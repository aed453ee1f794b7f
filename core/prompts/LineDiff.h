#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

namespace Switchyard {

/// One line of a line diff: kept, removed from the left text or added in the right text.
struct DiffLine {
    enum class Kind { Equal, Removed, Added };
    Kind kind = Kind::Equal;
    int leftLine = 0;   ///< 1-based line in the left text; 0 for an added line
    int rightLine = 0;  ///< 1-based line in the right text; 0 for a removed line
    QString text;       ///< the line without its line break
    bool operator==(const DiffLine &) const = default;
};

/// A character range inside one line, for highlighting the changed part of a changed line.
struct DiffRange {
    int start = 0;
    int length = 0;
    bool operator==(const DiffRange &) const = default;
};

/// One row of a side-by-side view: a line on both sides (equal or changed) or on one side only.
struct DiffRow {
    enum class Kind { Equal, Removed, Added, Changed };
    Kind kind = Kind::Equal;
    int leftLine = 0;   ///< 0 when the row has no left line (Added)
    int rightLine = 0;  ///< 0 when the row has no right line (Removed)
    QString leftText;
    QString rightText;
};

/// Line counts of a diff.
struct DiffStats {
    int removed = 0;
    int added = 0;
    int equal = 0;
};

/**
 * A line-by-line diff of two texts (Myers' O(ND) algorithm in its linear-space form, so two 2,000-line prompts cost
 * a few kilobytes, not an N×M table).
 *
 * Texts are split at '\n'; a text that ends with a line break therefore ends with an empty last line, which is how a
 * trailing newline difference shows up. The empty text has no lines. Joining the Equal and Added lines of compare()
 * with '\n' gives the right text back exactly; the Equal and Removed lines give the left text.
 */
class LineDiff {
public:
    /// The lines of @p left and @p right in order; within each run of changes the removed lines come first.
    static QList<DiffLine> compare(const QString &left, const QString &right);

    /// @p lines as side-by-side rows: in each run of changes the n-th removed line is paired with the n-th added line
    /// as one Changed row; the rest stay Removed or Added rows.
    static QList<DiffRow> sideBySide(const QList<DiffLine> &lines);

    /// The part of @p left and @p right that differs, after their common prefix and suffix: {left range, right range}.
    /// Empty ranges (length 0) for equal texts.
    static std::pair<DiffRange, DiffRange> changedRanges(const QString &left, const QString &right);

    /// How many lines @p lines removes, adds and keeps.
    static DiffStats stats(const QList<DiffLine> &lines);

    /// @p text split into lines as compare() sees them.
    static QStringList splitLines(const QString &text);
};

}  // namespace Switchyard
