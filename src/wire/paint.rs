//! One frame's bytes, worked out before any is sent: the cheapest cursor moves between the
//! cells that changed, styles changed only where they change, line ends erased, and (when
//! asked) the terminal's own scrolling first. Working a frame out costs no I/O, so the
//! backend can work it out two ways and send the shorter.

use std::fmt::Write as _;
use std::ops::Range;

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Size};
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

use super::style::{Look, PLAIN, is_blank, restyle};

/// What is known of the terminal's cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cursor {
    /// Nothing.
    Unknown,
    /// Its row only: it follows a character terminals disagree on the width of (an emoji,
    /// or an ambiguous-width symbol such as `“` or `—`, which most terminals draw narrow and
    /// some wide), or the last column (where the next character wraps).
    Row(u16),
    /// Its column and row.
    At(u16, u16),
}

impl Cursor {
    fn row(self) -> Option<u16> {
        match self {
            Cursor::Unknown => None,
            Cursor::Row(y) | Cursor::At(_, y) => Some(y),
        }
    }
}

/// A frame being worked out: the bytes so far, and the terminal as they leave it.
#[derive(Debug)]
pub struct Paint<'s> {
    /// What the terminal shows before the frame's cells are drawn (after its scroll, if
    /// any), when known: cells the frame leaves unchanged are read here.
    screen: Option<&'s Buffer>,
    /// The terminal's size.
    size: Size,
    /// Where the cursor is.
    cursor: Cursor,
    /// The rows the terminal scrolls: all of them unless brief set a region.
    region: Option<Range<u16>>,
    /// The bytes to send.
    pub out: String,
}

/// A frame worked out: its bytes, and the cursor and scroll region they leave.
#[derive(Debug)]
pub struct Drawn {
    /// The bytes to send.
    pub out: String,
    /// Where they leave the cursor.
    pub cursor: Cursor,
    /// The scroll region they leave set.
    pub region: Option<Range<u16>>,
}

impl<'s> Paint<'s> {
    /// A frame drawn on `screen` (when known) of a terminal of `size`, from the cursor and
    /// scroll region the last frame left.
    pub fn new(
        screen: Option<&'s Buffer>,
        size: Size,
        cursor: Cursor,
        region: Option<Range<u16>>,
    ) -> Paint<'s> {
        Paint {
            screen,
            size,
            cursor,
            region,
            out: String::new(),
        }
    }

    /// The frame as worked out, without the screen it was drawn on.
    pub fn finish(self) -> Drawn {
        Drawn {
            out: self.out,
            cursor: self.cursor,
            region: self.region,
        }
    }

    /// A cell the frame leaves unchanged, as the terminal shows it.
    fn shown(&self, x: u16, y: u16) -> Option<&'s Cell> {
        let screen = self.screen?;
        screen
            .area
            .contains(Position { x, y })
            .then(|| &screen[(x, y)])
    }

    /// The bytes that print the unchanged cells `columns` of row `y` again, when that can
    /// stand for a cursor move: whole characters, all in `style`, of a width every terminal
    /// agrees on.
    fn again(&self, columns: Range<u16>, y: u16, style: Look) -> Option<String> {
        let mut out = String::new();
        let mut x = columns.start;
        while x < columns.end {
            let cell = self.shown(x, y)?;
            let symbol = cell.symbol();
            let width = symbol.width();
            let certain = width > 0 && width_is_certain(symbol);
            // A space shows no foreground colour: any will do.
            let looks_same = (cell.fg, cell.bg, cell.modifier) == style
                || (is_blank(cell, style.1) && style.2.is_empty());
            if !certain || !looks_same || out.len() > 8 {
                return None;
            }
            out.push_str(symbol);
            x += width as u16;
        }
        (x == columns.end).then_some(out)
    }

    /// The top row of the scroll region, and its bottom.
    fn margins(&self) -> (u16, u16) {
        match &self.region {
            Some(rows) => (rows.start, rows.end.saturating_sub(1)),
            None => (0, self.size.height.saturating_sub(1)),
        }
    }

    /// The ways to move down or up from row `from` to row `to` keeping the column, if any
    /// is safe: a line feed on the scroll region's bottom row would scroll it, and relative
    /// moves stop at its margins.
    fn vertical(&self, from: u16, to: u16) -> Option<String> {
        let (top, bottom) = self.margins();
        let last = self.size.height.saturating_sub(1);
        if to == from {
            Some(String::new())
        } else if to > from {
            let feeds_safe = (from..to).all(|r| r != bottom && r < last);
            let stops = from <= bottom && to > bottom;
            match to - from {
                n if feeds_safe && n <= 2 => Some("\n".repeat(usize::from(n))),
                _ if stops => None,
                n => Some(csi(n, 'B')),
            }
        } else if from >= top && to < top {
            None
        } else {
            Some(csi(from - to, 'A'))
        }
    }

    /// The cheapest way it knows to move the cursor from `from` to `to`: an absolute move,
    /// or along the row or a few rows down or up, or by printing unchanged cells again (in
    /// `style`, the one in use). `row_drawn` says whether this frame already drew cells on
    /// the target row (which can then not be printed again from the row's start).
    fn way(&self, from: Cursor, to: (u16, u16), row_drawn: bool, style: Look) -> String {
        let (x, y) = to;
        let row_start = match y {
            0 => "\x1b[H".to_string(),
            _ => format!("\x1b[{}H", y + 1),
        };
        let mut best = match x {
            0 => row_start.clone(),
            _ => format!("\x1b[{};{}H", y + 1, x + 1),
        };
        let again_from_start = match row_drawn {
            true => None,
            false => self.again(0..x, y, style),
        };
        let mut consider = |way: String| {
            if way.len() < best.len() {
                best = way;
            }
        };
        if let Some(again) = &again_from_start {
            consider(format!("{row_start}{again}"));
        }
        if let Some(vertical) = from.row().and_then(|fy| self.vertical(fy, y)) {
            let on_row = from.row() == Some(y);
            consider(match x {
                0 => format!("{vertical}\r"),
                _ => format!("{vertical}\x1b[{}G", x + 1),
            });
            if let Some(again) = &again_from_start {
                consider(format!("{vertical}\r{again}"));
            }
            // Moves counted from the column: not after a line feed, which also returns the
            // carriage in a terminal set to new-line mode.
            let relative = !vertical.contains('\n');
            match from {
                Cursor::At(fx, _) if relative && fx < x => {
                    consider(format!("{vertical}{}", csi(x - fx, 'C')));
                    if on_row {
                        if let Some(again) = self.again(fx..x, y, style) {
                            consider(again);
                        }
                    }
                }
                Cursor::At(fx, _) if relative && fx == x => consider(vertical),
                Cursor::At(fx, _) if relative && fx > x => {
                    consider(format!("{vertical}{}", csi(fx - x, 'D')));
                }
                _ => {}
            }
        }
        best
    }

    /// How many bytes reach `next` (the next cell to draw, if any) from `from`, on a frame
    /// that has drawn on row `y`.
    fn way_after(&self, next: Option<(u16, u16)>, from: Cursor, y: u16, look: Look) -> usize {
        match next {
            None => 0,
            Some(to) if from == Cursor::At(to.0, to.1) => 0,
            Some(to) => self.way(from, to, to.1 == y, look).len(),
        }
    }

    /// Scrolls the terminal's rows `rows` by `lines` (up when positive: the text moves up,
    /// as when reading on) with a scroll region, leaving blank rows to draw. The region stays
    /// set for the next scroll.
    pub fn scroll(&mut self, rows: Range<u16>, lines: i32) {
        if lines == 0 || rows.is_empty() {
            return;
        }
        if self.region.as_ref() != Some(&rows) {
            let _ = write!(self.out, "\x1b[{};{}r", rows.start + 1, rows.end);
            // Setting the region puts the cursor home.
            self.cursor = Cursor::At(0, 0);
            self.region = Some(rows.clone());
        }
        let (top, bottom) = self.margins();
        if lines == -1 && self.cursor.row() == Some(top) {
            // A reverse line feed on the region's top row scrolls it down, and leaves the
            // cursor where it was, on the row where the new line goes.
            self.out.push_str("\x1bM");
            return;
        }
        if lines == 1 {
            // A line feed on the region's bottom row scrolls it, and leaves the cursor on
            // the row where the new line goes.
            if let Some(to_bottom) = self.cursor.row().and_then(|y| self.vertical(y, bottom)) {
                self.cursor = Cursor::Row(bottom);
                self.out.push_str(&to_bottom);
                self.out.push('\n');
                return;
            }
        }
        let scroll = if lines > 0 { 'S' } else { 'T' };
        let span = rows.end - rows.start;
        let count = u16::try_from(lines.unsigned_abs()).map_or(span, |n| n.min(span));
        self.out.push_str(&csi(count, scroll));
    }

    /// Draws `cells` (the frame's changes, row by row) and leaves the style plain.
    pub fn cells(&mut self, mut cells: Vec<(u16, u16, &Cell)>) {
        if cells.is_empty() {
            return;
        }
        // The row the cursor is on first (often the status line, where the last frame
        // ended): reaching it from elsewhere would cost an absolute move.
        if let Some(row) = self.cursor.row() {
            let start = cells.partition_point(|(_, y, _)| *y < row);
            let end = cells.partition_point(|(_, y, _)| *y <= row);
            cells[..end].rotate_right(end - start);
        }
        let last_column = self.size.width.saturating_sub(1);
        let mut look = PLAIN;
        // The last row this frame drew on.
        let mut drawn_row: Option<u16> = None;
        let mut i = 0;
        while i < cells.len() {
            let (x, y, cell) = cells[i];
            let symbol = cell.symbol();
            let width = symbol.width().max(1) as u16;
            let style = (cell.fg, cell.bg, cell.modifier);
            let change = restyle(look, style);
            if self.cursor == Cursor::At(x, y) {
                self.out.push_str(&change);
            } else {
                let row_drawn = drawn_row == Some(y);
                let way = self.way(self.cursor, (x, y), row_drawn, look);
                // The style changes before the move when that makes the move cheaper (cells
                // printed again on the way must be in the style in use).
                let restyled = match change.is_empty() {
                    true => None,
                    false => Some(self.way(self.cursor, (x, y), row_drawn, style)),
                };
                match restyled.filter(|r| r.len() < way.len()) {
                    Some(restyled) => {
                        self.out.push_str(&change);
                        self.out.push_str(&restyled);
                    }
                    None => {
                        self.out.push_str(&way);
                        self.out.push_str(&change);
                    }
                }
                self.cursor = Cursor::At(x, y);
            }
            look = style;
            drawn_row = Some(y);
            // Blank cells running to the end of the row: erase the rest of the line instead.
            let blanks = cells[i..]
                .iter()
                .enumerate()
                .take_while(|(n, (bx, by, c))| {
                    *by == y && usize::from(*bx) == usize::from(x) + n && is_blank(c, look.1)
                })
                .count();
            if blanks >= 4 && look.2.is_empty() && look.1 == Color::Reset {
                let run_end = x + blanks as u16 - 1;
                // Past the run, the row must hold nothing the erase would take away: cells
                // this frame draws again, or blank ones.
                let drawn_later: Vec<u16> = cells[i + blanks..]
                    .iter()
                    .take_while(|(_, by, _)| *by == y)
                    .map(|(bx, _, _)| *bx)
                    .collect();
                let rest_blank = (run_end + 1..=last_column).all(|c| {
                    drawn_later.contains(&c)
                        || self.shown(c, y).is_some_and(|s| is_blank(s, Color::Reset))
                });
                if run_end == last_column || rest_blank {
                    self.out.push_str("\x1b[K");
                    i += blanks;
                    continue;
                }
                // Inside the row: erase the run's characters, when that and the move past
                // them cost less than printing the spaces.
                let erase = csi(blanks as u16, 'X');
                if erase.len() < blanks {
                    let next = cells.get(i + blanks).map(|&(nx, ny, _)| (nx, ny));
                    let past = self.way_after(next, Cursor::At(run_end + 1, y), y, look);
                    let erased = self.way_after(next, self.cursor, y, look);
                    if erase.len() + erased < blanks + past {
                        self.out.push_str(&erase);
                        i += blanks;
                        continue;
                    }
                }
            }
            self.out.push_str(symbol);
            let after = x + width;
            self.cursor = match width_is_certain(symbol) && after < self.size.width {
                true => Cursor::At(after, y),
                false => Cursor::Row(y),
            };
            i += 1;
        }
        if look != PLAIN {
            self.out.push_str("\x1b[m");
        }
    }
}

/// A control sequence with a count, left out when it is 1 (the default): `ESC [ 3 C`.
fn csi(count: u16, command: char) -> String {
    match count {
        1 => format!("\x1b[{command}"),
        n => format!("\x1b[{n}{command}"),
    }
}

/// Moves the rows `rows` of a copy of the screen by `lines`, as [`Paint::scroll`] moves them
/// on the terminal.
pub fn scroll_buffer(buffer: &mut Buffer, rows: Range<u16>, lines: i32) {
    let width = usize::from(buffer.area.width);
    let row = |y: u16| usize::from(y - buffer.area.y) * width;
    let span = i32::from(rows.end - rows.start);
    if lines.abs() >= span {
        for y in rows {
            buffer.content[row(y)..row(y) + width].fill(Cell::default());
        }
        return;
    }
    let (start, end) = (row(rows.start), row(rows.end));
    let by = lines.unsigned_abs() as usize * width;
    let region = &mut buffer.content[start..end];
    if lines > 0 {
        region.rotate_left(by);
        let len = region.len();
        region[len - by..].fill(Cell::default());
    } else {
        region.rotate_right(by);
        region[..by].fill(Cell::default());
    }
}

/// Whether every terminal agrees on how wide a cell's symbol is: not for an emoji, nor for
/// an ambiguous-width symbol.
fn width_is_certain(symbol: &str) -> bool {
    let emoji = symbol
        .chars()
        .any(|c| matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0xFE0F | 0x200D));
    !emoji && symbol.width() == symbol.width_cjk()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_a_copy_matches_scrolling_the_terminal() {
        let area = ratatui::layout::Rect::new(0, 0, 4, 4);
        let mut buffer = Buffer::with_lines(["aaaa", "bbbb", "cccc", "dddd"]);
        scroll_buffer(&mut buffer, 0..3, 1);
        assert_eq!(buffer, {
            let mut b = Buffer::with_lines(["bbbb", "cccc", "    ", "dddd"]);
            b.area = area;
            b
        });
        scroll_buffer(&mut buffer, 0..3, -1);
        assert_eq!(buffer, Buffer::with_lines(["    ", "bbbb", "cccc", "dddd"]));
        // And the terminal agrees.
        let mut paint = Paint::new(None, Size::new(4, 4), Cursor::Unknown, None);
        paint.scroll(0..3, 1);
        let mut parser = vt100::Parser::new(4, 4, 0);
        parser.process(b"aaaa\r\nbbbb\r\ncccc\r\ndddd");
        parser.process(paint.out.as_bytes());
        assert_eq!(parser.screen().contents(), "bbbb\ncccc\n\ndddd");
    }

    #[test]
    fn a_line_scroll_from_the_region_edge_is_a_line_feed_or_a_reverse_one() {
        let lines = ["aaaa", "bbbb", "cccc", "dddd"];
        for (lines_moved, cursor, sent) in [(1, (2, 2), "\n"), (-1, (2, 0), "\x1bM")] {
            let at = Cursor::At(cursor.0, cursor.1);
            let mut paint = Paint::new(None, Size::new(4, 4), at, Some(0..3));
            paint.scroll(0..3, lines_moved);
            assert_eq!(paint.out, sent);
            let mut parser = vt100::Parser::new(4, 4, 0);
            parser.process(b"aaaa\r\nbbbb\r\ncccc\r\ndddd\x1b[1;3r");
            parser.process(format!("\x1b[{};{}H", cursor.1 + 1, cursor.0 + 1).as_bytes());
            parser.process(paint.out.as_bytes());
            let mut copy = Buffer::with_lines(lines);
            scroll_buffer(&mut copy, 0..3, lines_moved);
            let rows: Vec<String> = (0..4)
                .map(|y| (0..4).map(|x| copy[(x, y)].symbol()).collect::<String>())
                .map(|row| row.trim_end().to_string())
                .collect();
            assert_eq!(parser.screen().contents(), rows.join("\n").trim_end());
            assert_eq!(parser.screen().cursor_position().0, cursor.1);
        }
    }

    #[test]
    fn a_scroll_past_the_region_clears_it_and_no_more() {
        let mut buffer = Buffer::with_lines(["aaaa", "bbbb", "cccc", "dddd"]);
        scroll_buffer(&mut buffer, 0..3, 40);
        assert_eq!(buffer, Buffer::with_lines(["    ", "    ", "    ", "dddd"]));
        let mut paint = Paint::new(None, Size::new(4, 4), Cursor::Unknown, None);
        paint.scroll(0..3, 40);
        assert!(paint.out.ends_with("\x1b[3S"), "{:?}", paint.out);
        let mut parser = vt100::Parser::new(4, 4, 0);
        parser.process(b"aaaa\r\nbbbb\r\ncccc\r\ndddd");
        parser.process(paint.out.as_bytes());
        assert_eq!(parser.screen().contents(), "\n\n\ndddd");
    }
}
