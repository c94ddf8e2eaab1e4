//! A box drawn over the screen (the help, the palette, the note editor, the table view, the
//! amended-passage panel): its area cleared, and a wide character that an edge of the box cuts
//! in half replaced by a space on the side left showing. A terminal cannot show half of a
//! Chinese character; left in place, the half under the box would hide the box's border (the
//! frame's diff does not send the cell after a wide character at all).

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;
use unicode_width::UnicodeWidthStr;

/// The widest a symbol in a cell can be, in cells (an emoji sequence is two; a few more for
/// safety).
const WIDEST: u16 = 4;

/// Columns beside a box too narrow to read: cleared with it, so no cut word (a stray
/// comma, half a phrase) stands against its border.
const NARROW_MARGIN: u16 = 2;

/// Clears `area` for a box drawn over the screen, with a column of space each side of it and
/// the whole margin when that is too narrow to read, after mending the characters the
/// cleared edges cut. Every box drawn over
/// the reader goes through here.
pub fn clear(frame: &mut Frame, area: Rect) {
    let screen = frame.area();
    // A column of space each side, so no cut word touches the border.
    let mut cleared = Rect {
        x: area.x.saturating_sub(1).max(screen.left()),
        width: area.width + 2,
        ..area
    }
    .intersection(screen);
    let area = cleared;
    if area.left().saturating_sub(screen.left()) <= NARROW_MARGIN {
        cleared.width += area.left() - screen.left().min(area.left());
        cleared.x = screen.left().min(area.left());
    }
    if screen.right().saturating_sub(cleared.right()) <= NARROW_MARGIN {
        cleared.width = screen.right().max(cleared.right()) - cleared.x;
    }
    let cleared = cleared.intersection(screen);
    mend_edges(frame.buffer_mut(), cleared);
    frame.render_widget(Clear, cleared);
}

/// Replaces by spaces the parts left outside `area` of the wide characters its left and right
/// edges cut, row by row; the cells inside are left for the box to draw.
pub fn mend_edges(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    for y in area.top()..area.bottom() {
        // A character starting left of the box and reaching into it.
        let left = area.left();
        for x in left.saturating_sub(WIDEST - 1).max(buf.area.left())..left {
            if x + width_at(buf, x, y) > left {
                blank(buf, x..left, y);
            }
        }
        // A character starting inside the box and reaching past its right edge.
        let right = area.right();
        for x in right.saturating_sub(WIDEST - 1).max(left)..right {
            let end = (x + width_at(buf, x, y)).min(buf.area.right());
            if end > right {
                blank(buf, right..end, y);
            }
        }
    }
}

/// How many cells the symbol at (`x`, `y`) takes (at least one).
fn width_at(buf: &Buffer, x: u16, y: u16) -> u16 {
    let width = buf[(x, y)].symbol().width().max(1);
    u16::try_from(width).unwrap_or(u16::MAX)
}

/// Makes cells `columns` of row `y` spaces, their style kept.
fn blank(buf: &mut Buffer, columns: std::ops::Range<u16>, y: u16) {
    for x in columns {
        buf[(x, y)].set_symbol(" ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Style};

    fn row(buf: &Buffer, y: u16) -> String {
        (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
    }

    #[test]
    fn a_wide_character_cut_by_the_left_edge_becomes_a_space_outside() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        buf.set_string(0, 0, "a上海合作", Style::new().fg(Color::Cyan));
        // "a" at 0, 上 at 1-2, 海 at 3-4: a box from column 2 cuts 上.
        mend_edges(&mut buf, Rect::new(2, 0, 4, 1));
        assert_eq!(buf[(1, 0)].symbol(), " ");
        assert_eq!(buf[(1, 0)].fg, Color::Cyan, "the style stays");
        assert_eq!(buf[(0, 0)].symbol(), "a");
    }

    #[test]
    fn a_wide_character_cut_by_the_right_edge_leaves_a_space_outside() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        buf.set_string(0, 0, "上海合作组", Style::new());
        // 合 at 4-5: a box over columns 1..5 cuts it; column 5 must read as a space.
        buf[(5, 0)].set_symbol("x");
        mend_edges(&mut buf, Rect::new(1, 0, 4, 1));
        assert_eq!(buf[(5, 0)].symbol(), " ");
        assert_eq!(buf[(6, 0)].symbol(), "作");
    }

    #[test]
    fn characters_the_edges_do_not_cut_are_left_alone() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        buf.set_string(0, 0, "上海合作组", Style::new());
        let before = row(&buf, 0);
        mend_edges(&mut buf, Rect::new(2, 0, 4, 1));
        assert_eq!(row(&buf, 0), before);
    }

    #[test]
    fn a_box_at_the_screen_edges_changes_nothing_outside() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 2));
        buf.set_string(0, 0, "上海合", Style::new());
        let whole = buf.area;
        mend_edges(&mut buf, whole);
        assert_eq!(row(&buf, 0).trim_end(), "上 海 合");
    }

    #[test]
    fn a_margin_too_narrow_to_read_is_cleared_with_the_box() {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(20, 2)).unwrap();
        let frame = terminal
            .draw(|f| {
                f.buffer_mut()
                    .set_string(0, 0, "abcdefghijklmnopqrst", Style::new());
                f.buffer_mut()
                    .set_string(0, 1, "abcdefghijklmnopqrst", Style::new());
                // Three columns left of the box (one kept clear), four right of it (one
                // kept clear): the rest of the right margin stays.
                clear(f, Rect::new(3, 0, 13, 1));
            })
            .unwrap();
        assert_eq!(row(frame.buffer, 0), format!("{}rst", " ".repeat(17)));
        assert_eq!(row(frame.buffer, 1), "abcdefghijklmnopqrst");
    }
}
