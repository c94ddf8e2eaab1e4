//! A table as the reader draws it: columns as wide as their widest cell when the pane has
//! room, else narrowed (each keeps at least its longest word, up to a point) with cells
//! wrapped inside their column; when even that does not fit, the columns that fit and a `▸`
//! marker (`Enter` shows the whole table, see [`super::table_view`]).

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::wrap::wrap;
use crate::doc::table::{CELL_SEPARATOR, cells};
use crate::doc::{Block, SpanStyle};

/// Cells between two columns (` │ `).
pub const GUTTER: usize = 3;

/// The marker after the last column shown when some do not fit.
pub const MORE: &str = " ▸";

/// The narrowest a column is made while it has longer text.
const MIN_COLUMN: usize = 4;

/// The widest a column's minimum is: a longer word is cut rather than the column kept wider.
const MAX_MIN_COLUMN: usize = 16;

/// A piece of a drawn line: text in a style, and where it lies in its block's text (`None`
/// for what the table draws around the text: padding, separators, markers).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// Its inline style.
    pub style: SpanStyle,
    /// Its byte offset in the block's text, when it is the block's own text.
    pub at: Option<usize>,
}

/// One table of a document laid out at a width.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableShape {
    /// Its rows, as block indexes.
    pub rows: Range<usize>,
    /// The width of each column shown.
    pub widths: Vec<usize>,
    /// How many columns the table has.
    pub columns: usize,
    /// How many of its first rows are header rows.
    pub header_rows: usize,
    /// Which columns are shown, one per width: the first ones, or (panned in the table
    /// view) the first and those from where the view has got to.
    pub shown: Vec<usize>,
}

impl TableShape {
    /// The shape of the table made of `rows` (blocks of `blocks`) in `width` cells.
    pub fn new(blocks: &[Block], rows: Range<usize>, width: usize) -> TableShape {
        let (natural, least) = measure(&blocks[rows.clone()]);
        let widths = fit(&natural, &least, width);
        let shown = (0..widths.len()).collect();
        let header_rows = blocks[rows.clone()]
            .iter()
            .take_while(|b| matches!(b.kind, crate::doc::BlockKind::TableRow { header: true }))
            .count();
        TableShape {
            rows,
            widths,
            columns: natural.len(),
            header_rows,
            shown,
        }
    }

    /// The table's `shown` columns at `widths` (the table view's shape).
    pub fn panned(
        rows: Range<usize>,
        shown: Vec<usize>,
        widths: Vec<usize>,
        columns: usize,
    ) -> TableShape {
        TableShape {
            rows,
            columns,
            widths,
            header_rows: 0,
            shown,
        }
    }

    /// Whether columns after the last shown are hidden.
    pub fn clipped(&self) -> bool {
        self.shown.last().is_some_and(|&c| c + 1 < self.columns)
    }

    /// How many screen lines a row takes.
    pub fn height(&self, row: &Block) -> usize {
        let text = row.text();
        let ranges = cells(text);
        self.shown
            .iter()
            .zip(&self.widths)
            .filter_map(|(&c, &w)| ranges.get(c).map(|r| wrap(&cell_text(text, r), w).len()))
            .max()
            .unwrap_or(1)
            .max(1)
    }

    /// Line `k` of a row: each shown cell's `k`th wrapped line padded to its column, the
    /// columns between `│`, and the marker when columns are hidden.
    pub fn line<'a>(&self, row: &'a Block, k: usize) -> Vec<Piece<'a>> {
        let text = row.text();
        let ranges = cells(text);
        let mut out = Vec::new();
        for (c, (&column, &w)) in self.shown.iter().zip(&self.widths).enumerate() {
            if c > 0 {
                // A gap in the columns shown (the table view keeps the first) is marked.
                let skipped = column > self.shown[c - 1] + 1;
                out.push(decoration(if skipped { " ┊ " } else { CELL_SEPARATOR }));
            }
            let part = ranges.get(column).and_then(|range| {
                wrap(&cell_text(text, range), w)
                    .get(k)
                    .map(|r| range.start + r.start..range.start + r.end)
            });
            let mut used = 0;
            if let Some(part) = part {
                for piece in styled(row, part) {
                    used += piece.text.width();
                    out.push(piece);
                }
            }
            if c + 1 < self.widths.len() || self.clipped() {
                out.push(decoration_owned(" ".repeat(w.saturating_sub(used))));
            }
        }
        if self.clipped() && k == 0 {
            out.push(decoration(MORE));
        }
        out
    }

    /// The rule under the header: `────┼────`.
    pub fn rule(&self) -> String {
        let parts: Vec<String> = self.widths.iter().map(|&w| "─".repeat(w)).collect();
        let mut rule = parts.join("─┼─");
        if self.clipped() {
            rule.push_str("─▸");
        }
        rule
    }
}

/// Each column's natural width (its widest cell line) and least width (its longest word,
/// within limits), over `rows`.
pub fn measure(rows: &[Block]) -> (Vec<usize>, Vec<usize>) {
    let mut natural: Vec<usize> = Vec::new();
    let mut least: Vec<usize> = Vec::new();
    for row in rows {
        let text = row.text();
        for (c, range) in cells(text).into_iter().enumerate() {
            let cell = cell_text(text, &range);
            if natural.len() <= c {
                // Two cells at least, for one CJK character.
                natural.push(2);
                least.push(2);
            }
            let wide = cell.lines().map(|l| l.width()).max().unwrap_or(0);
            natural[c] = natural[c].max(wide);
            let word = longest_word(&cell).clamp(MIN_COLUMN.min(wide), MAX_MIN_COLUMN);
            least[c] = least[c].max(word.min(wide));
        }
    }
    (natural, least)
}

/// A cell's text, a tab as a space (as it is drawn), byte offsets unchanged.
fn cell_text<'a>(text: &'a str, range: &Range<usize>) -> Cow<'a, str> {
    match &text[range.clone()] {
        cell if cell.contains('\t') => Cow::Owned(cell.replace('\t', " ")),
        cell => Cow::Borrowed(cell),
    }
}

/// The widest run a line cannot be broken inside (a Latin word; a CJK character).
fn longest_word(cell: &str) -> usize {
    let mut longest = 0;
    for word in cell.split_word_bounds() {
        longest = longest.max(word.width());
    }
    longest
}

/// Column widths for `width` cells: the natural widths when they fit; else every column
/// at least its least width, the rest shared evenly among those still short; else
/// the first columns at their natural widths (within a limit), as many as fit beside the
/// marker.
pub fn fit(natural: &[usize], least: &[usize], width: usize) -> Vec<usize> {
    let gutters = |n: usize| n.saturating_sub(1) * GUTTER;
    let total: usize = natural.iter().sum::<usize>() + gutters(natural.len());
    if total <= width {
        return natural.to_vec();
    }
    let shown = natural.len();
    if least.iter().sum::<usize>() + gutters(shown) > width {
        // Too wide even wrapped: the first columns as they are, as many as fit, and the
        // marker (the rest are in the table view).
        return leading(
            natural,
            width.saturating_sub(MORE.width()),
            MAX_CLIPPED_COLUMN,
        );
    }
    let mut widths: Vec<usize> = least.to_vec();
    let mut spare = width.saturating_sub(widths.iter().sum::<usize>() + gutters(shown));
    // Columns a little short are made whole first (up to twice an even share each), so a
    // column of names is not wrapped to give a column of prose one more line's width; the
    // rest is shared out evenly among the columns still short.
    let mut by_lack: Vec<usize> = (0..shown).filter(|&c| widths[c] < natural[c]).collect();
    by_lack.sort_by_key(|&c| natural[c] - widths[c]);
    for (n, &c) in by_lack.iter().enumerate() {
        let fair = spare / (by_lack.len() - n);
        let lack = natural[c] - widths[c];
        if lack <= 2 * fair && lack <= spare {
            spare -= natural[c] - widths[c];
            widths[c] = natural[c];
        }
    }
    loop {
        let short: Vec<usize> = (0..shown).filter(|&c| widths[c] < natural[c]).collect();
        if short.is_empty() || spare == 0 {
            break;
        }
        let share = (spare / short.len()).max(1);
        for c in short {
            let add = share.min(natural[c] - widths[c]).min(spare);
            widths[c] += add;
            spare -= add;
        }
    }
    widths
}

/// The widest a column of a table too wide for the pane is drawn in the reader.
const MAX_CLIPPED_COLUMN: usize = 30;

/// Widths for the leading columns of `natural` (each at most `max`) that fit in `width`
/// cells with their gutters; always one, cut to the width if it must be.
pub fn leading(natural: &[usize], width: usize, max: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut used = 0;
    for &n in natural {
        let w = n.min(max);
        let gutter = if out.is_empty() { 0 } else { GUTTER };
        if !out.is_empty() && used + gutter + w > width {
            break;
        }
        let w = w.min(width.saturating_sub(used + gutter)).max(2);
        used += gutter + w;
        out.push(w);
    }
    out
}

/// The styled pieces of `range` of a row's text.
fn styled(row: &Block, range: Range<usize>) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    for span in row.spans() {
        let (start, end) = (at, at + span.text.len());
        at = end;
        let (s, e) = (start.max(range.start), end.min(range.end));
        if s < e {
            let text = &span.text[s - start..e - start];
            let text = match text.contains(['\t', '\n']) {
                true => Cow::Owned(text.replace(['\t', '\n'], " ")),
                false => Cow::Borrowed(text),
            };
            out.push(Piece {
                text,
                style: span.style,
                at: Some(s),
            });
        }
    }
    out
}

fn decoration(text: &'static str) -> Piece<'static> {
    Piece {
        text: Cow::Borrowed(text),
        style: SpanStyle::default(),
        at: None,
    }
}

fn decoration_owned(text: String) -> Piece<'static> {
    Piece {
        text: Cow::Owned(text),
        style: SpanStyle::default(),
        at: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::BlockKind;

    fn rows(texts: &[&str]) -> Vec<Block> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Block::new(BlockKind::TableRow { header: i == 0 }, *t, i + 1))
            .collect()
    }

    fn drawn(shape: &TableShape, row: &Block, k: usize) -> String {
        shape.line(row, k).iter().map(|p| &*p.text).collect()
    }

    #[test]
    fn columns_are_aligned_by_display_width() {
        let blocks = rows(&[
            "Country │ 国名 │ Joined",
            "Kazakhstan │ 哈萨克斯坦 │ 2001",
            "India │ 印度 │ ",
            "Iran │  │ 2023",
        ]);
        let shape = TableShape::new(&blocks, 0..4, 80);
        assert_eq!(shape.widths, [10, 10, 6]);
        let lines: Vec<String> = blocks.iter().map(|b| drawn(&shape, b, 0)).collect();
        assert_eq!(lines[0], "Country    │ 国名       │ Joined");
        assert_eq!(lines[1], "Kazakhstan │ 哈萨克斯坦 │ 2001");
        assert_eq!(lines[2], "India      │ 印度       │ ");
        assert_eq!(lines[3], "Iran       │            │ 2023");
        let bar = |l: &str| l.find('│').map(|i| l[..i].width());
        assert!(lines.iter().all(|l| bar(l) == Some(11)));
    }

    #[test]
    fn a_table_wider_than_the_pane_wraps_its_cells_inside_their_columns() {
        let blocks = rows(&[
            "Member │ Statement",
            "Kyrgyzstan │ The parties agreed to accelerate the construction of the railway",
        ]);
        let shape = TableShape::new(&blocks, 0..2, 40);
        assert!(!shape.clipped());
        assert!(shape.widths.iter().sum::<usize>() + GUTTER <= 40);
        let height = shape.height(&blocks[1]);
        assert!(height >= 2);
        for k in 0..height {
            let line = drawn(&shape, &blocks[1], k);
            assert!(line.width() <= 40, "{line}");
            assert_eq!(
                line.find('│').map(|i| line[..i].width()),
                Some(shape.widths[0] + 1)
            );
        }
        assert!(drawn(&shape, &blocks[1], 0).starts_with("Kyrgyzstan │ The parties"));
    }

    #[test]
    fn a_table_too_wide_to_wrap_shows_the_columns_that_fit_and_a_marker() {
        let header: Vec<String> = (0..200).map(|c| format!("column {c}")).collect();
        let blocks = rows(&[&header.join(" │ ")]);
        let shape = TableShape::new(&blocks, 0..1, 80);
        assert!(shape.clipped());
        assert_eq!(shape.columns, 200);
        let line = drawn(&shape, &blocks[0], 0);
        assert!(line.ends_with(MORE), "{line}");
        assert!(line.width() <= 80, "{line}");
        assert!(shape.rule().width() <= 80);
    }

    #[test]
    fn a_ten_thousand_character_cell_wraps_in_its_column() {
        let long = "长".repeat(10_000);
        let blocks = rows(&["a │ b", &format!("x │ {long}")]);
        let shape = TableShape::new(&blocks, 0..2, 60);
        assert!(!shape.clipped());
        let height = shape.height(&blocks[1]);
        assert!(height >= 20_000 / 56);
        for k in [0, height / 2, height - 1] {
            let line = drawn(&shape, &blocks[1], k);
            assert!(line.width() <= 60, "{:?} {line}", shape.widths);
        }
    }

    #[test]
    fn offsets_point_into_the_row_text() {
        let blocks = rows(&["a │ 中国 │ c"]);
        let shape = TableShape::new(&blocks, 0..1, 80);
        let text = blocks[0].text();
        for piece in shape.line(&blocks[0], 0) {
            if let Some(at) = piece.at {
                assert_eq!(&text[at..at + piece.text.len()], piece.text);
            }
        }
    }
}
