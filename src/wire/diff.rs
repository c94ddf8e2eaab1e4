//! The cells that differ between two frames, as ratatui's `Buffer::diff` finds them, with
//! the width of a plain ASCII cell (nearly every cell) known without a table lookup.

use ratatui::buffer::{Buffer, Cell};
use unicode_width::UnicodeWidthStr;

/// How many columns a cell's symbol takes.
fn width(symbol: &str) -> usize {
    match symbol.as_bytes() {
        [b] if (0x20..0x7f).contains(b) => 1,
        // A CJK ideograph of the basic block (U+4E00 to U+9FFF), most of a Chinese screen.
        [0xE4, 0xB8..=0xBF, _] | [0xE5..=0xE9, _, _] => 2,
        _ => symbol.width(),
    }
}

/// The cells of `after` to draw over `before`: those that changed, and those a wide
/// character drawn or erased before them uncovers; none a wide character covers. Row by row,
/// left to right.
pub fn changes<'a>(before: &'a Buffer, after: &'a Buffer) -> Changes<'a> {
    Changes {
        before,
        after,
        at: 0,
        end: after.content.len().min(before.content.len()),
        invalidated: 0,
        to_skip: 0,
    }
}

/// The changes [`changes`] finds on row `y` alone.
pub fn changes_on_row<'a>(before: &'a Buffer, after: &'a Buffer, y: u16) -> Changes<'a> {
    let columns = usize::from(after.area.width);
    let start = usize::from(y.saturating_sub(after.area.y)) * columns;
    let mut row = changes(before, after);
    row.end = row.end.min(start + columns);
    // What the cells before the row cover or uncover reaches a few cells at most (a symbol
    // is rarely more than two wide): walked from there, the row starts as in the whole. No
    // further back than the row above.
    row.at = start
        .saturating_sub(LONGEST_REACH.min(columns))
        .min(row.end);
    while row.at < start.min(row.end) {
        row.step();
    }
    row
}

/// How many cells before a row [`changes_on_row`] looks at (of the row above).
const LONGEST_REACH: usize = 8;

/// The cells [`changes`] finds, one at a time: a caller that needs only the first few (to
/// tell whether a frame costs more than some bytes) stops early.
pub struct Changes<'a> {
    before: &'a Buffer,
    after: &'a Buffer,
    /// The next cell to look at.
    at: usize,
    /// The cell to stop at.
    end: usize,
    invalidated: usize,
    to_skip: usize,
}

impl Changes<'_> {
    /// Looks at the next cell: whether it is drawn.
    fn step(&mut self) -> bool {
        let i = self.at;
        self.at += 1;
        let (now, was) = (&self.after.content[i], &self.before.content[i]);
        let same = now == was;
        let changed = !now.skip && self.to_skip == 0 && (self.invalidated > 0 || !same);
        let now_width = width(now.symbol());
        self.to_skip = now_width.saturating_sub(1);
        let affected = match same {
            true => now_width,
            false => now_width.max(width(was.symbol())),
        };
        self.invalidated = affected.max(self.invalidated).saturating_sub(1);
        changed
    }
}

impl<'a> Iterator for Changes<'a> {
    type Item = (u16, u16, &'a Cell);

    fn next(&mut self) -> Option<Self::Item> {
        let columns = usize::from(self.after.area.width.max(1));
        while self.at < self.end {
            let i = self.at;
            if self.step() {
                let x = self.after.area.x + (i % columns) as u16;
                let y = self.after.area.y + (i / columns) as u16;
                return Some((x, y, &self.after.content[i]));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};

    const SYMBOLS: [&str; 10] = [" ", "a", "上", "合", "“", "😀", "—", "\u{301}", "䷀", "，"];

    fn buffer(cells: &[(u8, bool)]) -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 8, 4));
        for (i, &(symbol, red)) in cells.iter().enumerate().take(32) {
            let cell = &mut buffer.content[i];
            cell.set_symbol(SYMBOLS[usize::from(symbol) % SYMBOLS.len()]);
            if red {
                cell.set_style(Style::new().fg(Color::Red));
            }
        }
        buffer
    }

    proptest! {
        #[test]
        fn the_same_cells_as_ratatui_finds(
            a in proptest::collection::vec((0u8..10, any::<bool>()), 32),
            b in proptest::collection::vec((0u8..10, any::<bool>()), 32),
        ) {
            let (before, after) = (buffer(&a), buffer(&b));
            let diff = before.diff(&after);
            prop_assert_eq!(&changes(&before, &after).collect::<Vec<_>>(), &diff);
            let by_rows: Vec<_> = (0..4).flat_map(|y| changes_on_row(&before, &after, y)).collect();
            prop_assert_eq!(by_rows, diff);
        }
    }
}
