#include "core/prompts/LineDiff.h"

#include <QHash>
#include <algorithm>
#include <vector>

namespace Switchyard {

namespace {

/// An edit script step between two sequences of line ids.
enum class Op { Equal, Remove, Add };

/// Myers' linear-space diff on line ids: finds the middle snake of a box, recurses on both halves. Common prefixes and
/// suffixes are taken off first at every level, which also guarantees that each recursion makes progress.
class Myers {
public:
    Myers(const std::vector<int> &a, const std::vector<int> &b) : m_a(a), m_b(b)
    {
        const std::size_t size = 2 * (a.size() + b.size()) + 4;
        m_forward.assign(size, 0);
        m_backward.assign(size, 0);
    }

    std::vector<Op> run()
    {
        diff(0, int(m_a.size()), 0, int(m_b.size()));
        return std::move(m_ops);
    }

private:
    struct Snake {
        int x0, y0, x1, y1;  ///< relative to the box; (x0, y0) → (x1, y1) is a diagonal of equal lines
    };

    void push(Op op, int count) { m_ops.insert(m_ops.end(), std::size_t(count), op); }

    void diff(int aLo, int aHi, int bLo, int bHi)
    {
        int prefix = 0;
        while (aLo + prefix < aHi && bLo + prefix < bHi &&
               m_a[std::size_t(aLo + prefix)] == m_b[std::size_t(bLo + prefix)])
            ++prefix;
        push(Op::Equal, prefix);
        aLo += prefix;
        bLo += prefix;
        int suffix = 0;
        while (aHi - suffix > aLo && bHi - suffix > bLo &&
               m_a[std::size_t(aHi - suffix - 1)] == m_b[std::size_t(bHi - suffix - 1)])
            ++suffix;
        aHi -= suffix;
        bHi -= suffix;

        if (aLo == aHi) {
            push(Op::Add, bHi - bLo);
        } else if (bLo == bHi) {
            push(Op::Remove, aHi - aLo);
        } else {
            const Snake snake = middleSnake(aLo, aHi, bLo, bHi);
            diff(aLo, aLo + snake.x0, bLo, bLo + snake.y0);
            push(Op::Equal, snake.x1 - snake.x0);
            diff(aLo + snake.x1, aHi, bLo + snake.y1, bHi);
        }
        push(Op::Equal, suffix);
    }

    /// The middle snake of an optimal path through the box (both sides non-empty, first and last lines differ).
    Snake middleSnake(int aLo, int aHi, int bLo, int bHi)
    {
        const int n = aHi - aLo;
        const int m = bHi - bLo;
        const int delta = n - m;
        const bool odd = (delta & 1) != 0;
        const int maxD = (n + m + 1) / 2;
        const int offset = maxD + 1;
        auto vf = [&](int k) -> int & {
            return m_forward[std::size_t(k + offset)];
        };
        auto vb = [&](int k) -> int & {
            return m_backward[std::size_t(k + offset)];
        };
        vf(1) = 0;
        vb(1) = 0;
        for (int d = 0; d <= maxD; ++d) {
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && vf(k - 1) < vf(k + 1))) ? vf(k + 1) : vf(k - 1) + 1;
                int y = x - k;
                const int x0 = x;
                const int y0 = y;
                while (x < n && y < m && m_a[std::size_t(aLo + x)] == m_b[std::size_t(bLo + y)]) {
                    ++x;
                    ++y;
                }
                vf(k) = x;
                const int kr = delta - k;
                if (odd && kr >= -(d - 1) && kr <= d - 1 && vf(k) + vb(kr) >= n)
                    return Snake{x0, y0, x, y};
            }
            for (int kr = -d; kr <= d; kr += 2) {
                // Coordinates counted from the end of both sides.
                int x = (kr == -d || (kr != d && vb(kr - 1) < vb(kr + 1))) ? vb(kr + 1) : vb(kr - 1) + 1;
                int y = x - kr;
                const int x0 = x;
                const int y0 = y;
                while (x < n && y < m && m_a[std::size_t(aHi - 1 - x)] == m_b[std::size_t(bHi - 1 - y)]) {
                    ++x;
                    ++y;
                }
                vb(kr) = x;
                const int k = delta - kr;
                if (!odd && k >= -d && k <= d && vf(k) + vb(kr) >= n)
                    return Snake{n - x, m - y, n - x0, m - y0};
            }
        }
        // Unreachable for a box with lines on both sides: some D <= maxD always overlaps.
        return Snake{0, 0, 0, 0};
    }

    const std::vector<int> &m_a;
    const std::vector<int> &m_b;
    std::vector<int> m_forward;
    std::vector<int> m_backward;
    std::vector<Op> m_ops;
};

}  // namespace

QStringList LineDiff::splitLines(const QString &text)
{
    if (text.isEmpty())
        return {};
    return text.split(QLatin1Char('\n'));
}

QList<DiffLine> LineDiff::compare(const QString &left, const QString &right)
{
    const QStringList leftLines = splitLines(left);
    const QStringList rightLines = splitLines(right);

    // Lines become small integers so the algorithm compares ints, not strings.
    QHash<QString, int> ids;
    auto idsOf = [&ids](const QStringList &lines) {
        std::vector<int> result;
        result.reserve(std::size_t(lines.size()));
        for (const QString &line : lines) {
            auto it = ids.constFind(line);
            if (it == ids.constEnd())
                it = ids.insert(line, int(ids.size()));
            result.push_back(it.value());
        }
        return result;
    };
    const std::vector<int> a = idsOf(leftLines);
    const std::vector<int> b = idsOf(rightLines);
    const std::vector<Op> ops = Myers(a, b).run();

    QList<DiffLine> lines;
    lines.reserve(qsizetype(ops.size()));
    int leftIndex = 0;
    int rightIndex = 0;
    QList<DiffLine> removed;
    QList<DiffLine> added;
    auto flush = [&] {
        lines.append(removed);
        lines.append(added);
        removed.clear();
        added.clear();
    };
    for (const Op op : ops) {
        switch (op) {
        case Op::Equal:
            flush();
            lines.append(DiffLine{DiffLine::Kind::Equal, leftIndex + 1, rightIndex + 1, leftLines.at(leftIndex)});
            ++leftIndex;
            ++rightIndex;
            break;
        case Op::Remove:
            removed.append(DiffLine{DiffLine::Kind::Removed, leftIndex + 1, 0, leftLines.at(leftIndex)});
            ++leftIndex;
            break;
        case Op::Add:
            added.append(DiffLine{DiffLine::Kind::Added, 0, rightIndex + 1, rightLines.at(rightIndex)});
            ++rightIndex;
            break;
        }
    }
    flush();
    return lines;
}

QList<DiffRow> LineDiff::sideBySide(const QList<DiffLine> &lines)
{
    QList<DiffRow> rows;
    rows.reserve(lines.size());
    qsizetype i = 0;
    while (i < lines.size()) {
        const DiffLine &line = lines.at(i);
        if (line.kind == DiffLine::Kind::Equal) {
            rows.append(DiffRow{DiffRow::Kind::Equal, line.leftLine, line.rightLine, line.text, line.text});
            ++i;
            continue;
        }
        QList<const DiffLine *> removed;
        QList<const DiffLine *> added;
        for (; i < lines.size() && lines.at(i).kind != DiffLine::Kind::Equal; ++i)
            (lines.at(i).kind == DiffLine::Kind::Removed ? removed : added).append(&lines.at(i));
        const qsizetype pairs = std::min(removed.size(), added.size());
        for (qsizetype p = 0; p < pairs; ++p) {
            rows.append(DiffRow{DiffRow::Kind::Changed, removed.at(p)->leftLine, added.at(p)->rightLine,
                                removed.at(p)->text, added.at(p)->text});
        }
        for (qsizetype p = pairs; p < removed.size(); ++p)
            rows.append(DiffRow{DiffRow::Kind::Removed, removed.at(p)->leftLine, 0, removed.at(p)->text, QString()});
        for (qsizetype p = pairs; p < added.size(); ++p)
            rows.append(DiffRow{DiffRow::Kind::Added, 0, added.at(p)->rightLine, QString(), added.at(p)->text});
    }
    return rows;
}

std::pair<DiffRange, DiffRange> LineDiff::changedRanges(const QString &left, const QString &right)
{
    const qsizetype shorter = std::min(left.size(), right.size());
    qsizetype prefix = 0;
    while (prefix < shorter && left.at(prefix) == right.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && left.at(left.size() - 1 - suffix) == right.at(right.size() - 1 - suffix))
        ++suffix;
    return {DiffRange{int(prefix), int(left.size() - prefix - suffix)},
            DiffRange{int(prefix), int(right.size() - prefix - suffix)}};
}

DiffStats LineDiff::stats(const QList<DiffLine> &lines)
{
    DiffStats stats;
    for (const DiffLine &line : lines) {
        switch (line.kind) {
        case DiffLine::Kind::Equal:
            ++stats.equal;
            break;
        case DiffLine::Kind::Removed:
            ++stats.removed;
            break;
        case DiffLine::Kind::Added:
            ++stats.added;
            break;
        }
    }
    return stats;
}

}  // namespace Switchyard
