//! The cells that differ between two frames, as ratatui's `Buffer::diff` finds them, with
//! the width of a plain ASCII cell (nearly every cell) known without a table lookup.

use ratatui::buffer::{Buffer, Cell};
use unicode_width::UnicodeWidthStr;

/// How many columns a cell's symbol takes.
fn width(symbol: &str) -> usize {
    match symbol.as_bytes() {
        [b] if (0x20..0x7f).contains(b) => 1,
        _ => symbol.width(),
    }
}

/// The cells of `after` to draw over `before`: those that changed, and those a wide
/// character drawn or erased before them uncovers; none a wide character covers.
pub fn changes<'a>(before: &Buffer, after: &'a Buffer) -> Vec<(u16, u16, &'a Cell)> {
    let columns = usize::from(after.area.width.max(1));
    let mut out = Vec::new();
    let mut invalidated = 0usize;
    let mut to_skip = 0usize;
    for (i, (now, was)) in after.content.iter().zip(before.content.iter()).enumerate() {
        if !now.skip && to_skip == 0 && (invalidated > 0 || now != was) {
            let x = after.area.x + (i % columns) as u16;
            let y = after.area.y + (i / columns) as u16;
            out.push((x, y, now));
        }
        let now_width = width(now.symbol());
        to_skip = now_width.saturating_sub(1);
        let affected = now_width.max(width(was.symbol()));
        invalidated = affected.max(invalidated).saturating_sub(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};

    const SYMBOLS: [&str; 8] = [" ", "a", "上", "合", "“", "😀", "—", "\u{301}"];

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
            a in proptest::collection::vec((0u8..8, any::<bool>()), 32),
            b in proptest::collection::vec((0u8..8, any::<bool>()), 32),
        ) {
            let (before, after) = (buffer(&a), buffer(&b));
            prop_assert_eq!(changes(&before, &after), before.diff(&after));
        }
    }
}
