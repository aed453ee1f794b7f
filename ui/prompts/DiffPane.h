#pragma once

#include "core/prompts/LineDiff.h"

#include <QPlainTextEdit>

namespace Switchyard {

/// One side of a side-by-side diff: a read-only, non-wrapping text view with the side's line numbers in a gutter and
/// removed (left) or added (right) lines on a tinted background derived from the palette, so light and dark themes
/// both read. Rows without a line on this side are blank filler lines, which keeps both panes row-aligned.
///
/// For tests: each block's format carries the row's DiffRow::Kind in KindProperty and its user state is the side's
/// line number (-1 for a filler line).
class DiffPane : public QPlainTextEdit {
    Q_OBJECT

public:
    enum class Side { Left, Right };
    static constexpr int KindProperty = QTextFormat::UserProperty + 1;

    explicit DiffPane(Side side, QWidget *parent = nullptr);

    Side side() const { return m_side; }

    /// Shows @p rows (from LineDiff::sideBySide()).
    void setRows(const QList<DiffRow> &rows);

    /// The background a row of @p kind gets on this side; no colour for unchanged lines.
    QColor background(DiffRow::Kind kind, bool filler) const;

    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);

    Side m_side;
    QList<DiffRow> m_rows;
    QWidget *m_gutter;
};

}  // namespace Switchyard
