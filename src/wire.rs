//! What goes over the wire to the terminal, kept small for slow SSH links: a ratatui backend
//! that knows an East Asian wide character moves the cursor two cells (so it does not send a
//! cursor move before every Chinese character, as the stock crossterm backend does), and line
//! scrolling done by the terminal itself with a scroll region, so only the new lines are sent.
//! Where terminals disagree on a width (emoji, ambiguous-width symbols such as `“` and `—`)
//! the cursor's column is set again after the character, as upstream ratatui does.

use std::io::{self, Write};
use std::ops::Range;

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// The crossterm backend with fewer bytes per frame.
#[derive(Debug)]
pub struct Wire<W: Write> {
    inner: CrosstermBackend<W>,
    cursor_hidden: bool,
    /// What the terminal shows before the frame being drawn, when known: cells the frame
    /// leaves unchanged are read here.
    screen: Option<Buffer>,
    /// Where the terminal's cursor is, as far as is known (kept from frame to frame).
    cursor: Cursor,
    /// The rows the terminal scrolls (its scroll region): all of them unless brief set one.
    region: Option<Range<u16>>,
    /// The terminal's size as it said when a frame began, for when the screen is not known
    /// (asking costs system calls: once a frame, not once a cell).
    said_size: Size,
}

/// What is known of the terminal's cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cursor {
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

/// Resets the scroll region to the whole screen, as brief leaves the terminal.
pub const WHOLE_SCREEN_SCROLLS: &str = "\x1b[r";

/// Gives the terminal back as brief found it: the whole screen scrolling again, the main
/// screen, cooked mode. Safe to call more than once, and from the panic hook.
pub fn restore() {
    let mut out = io::stdout();
    let _ = out.write_all(WHOLE_SCREEN_SCROLLS.as_bytes());
    let _ = out.flush();
    ratatui::restore();
}

impl<W: Write> Wire<W> {
    /// A backend writing to `writer`.
    pub fn new(writer: W) -> Wire<W> {
        Wire {
            inner: CrosstermBackend::new(writer),
            cursor_hidden: false,
            screen: None,
            cursor: Cursor::Unknown,
            region: None,
            said_size: Size::new(u16::MAX, 0),
        }
    }

    /// Tells the backend what the terminal shows now (ratatui's last frame, scrolled as the
    /// terminal was), so the next frame can erase line ends and skip short gaps cheaply.
    pub fn know_screen(&mut self, screen: &Buffer) {
        match &mut self.screen {
            Some(known) if known.area == screen.area => known.clone_from(screen),
            _ => self.screen = Some(screen.clone()),
        }
    }

    /// Forgets what the terminal shows (after a resize or a clear), and gives the whole
    /// screen back to scrolling: a resized terminal may or may not have kept the region.
    pub fn forget_screen(&mut self) -> io::Result<()> {
        self.screen = None;
        self.cursor = Cursor::Unknown;
        if self.region.take().is_some() {
            write!(self.inner, "{WHOLE_SCREEN_SCROLLS}")?;
        }
        Ok(())
    }

    /// The terminal's size: the known screen's, else as the terminal said when the frame
    /// began (unknown: none, which turns the line-end and next-row shortcuts off).
    fn screen_size(&self) -> Size {
        match &self.screen {
            Some(screen) => screen.area.as_size(),
            None => self.said_size,
        }
    }

    /// A cell the frame leaves unchanged, as the terminal shows it.
    fn shown(&self, x: u16, y: u16) -> Option<&Cell> {
        let screen = self.screen.as_ref()?;
        screen
            .area
            .contains(Position { x, y })
            .then(|| &screen[(x, y)])
    }

    /// The bytes that print the unchanged cells `columns` of row `y` again, when that can
    /// stand for a cursor move: whole characters, all in `style`, of a width every terminal
    /// agrees on.
    fn again(
        &self,
        columns: Range<u16>,
        y: u16,
        style: (Color, Color, Modifier),
    ) -> Option<String> {
        let mut out = String::new();
        let mut x = columns.start;
        while x < columns.end {
            let cell = self.shown(x, y)?;
            let symbol = cell.symbol();
            let width = symbol.width();
            let certain = width > 0 && width_is_certain(symbol);
            if !certain || (cell.fg, cell.bg, cell.modifier) != style || out.len() > 8 {
                return None;
            }
            out.push_str(symbol);
            x += width as u16;
        }
        (x == columns.end).then_some(out)
    }

    /// The bottom row of the scroll region, and its top.
    fn margins(&self) -> (u16, u16) {
        match &self.region {
            Some(rows) => (rows.start, rows.end.saturating_sub(1)),
            None => (0, self.screen_size().height.saturating_sub(1)),
        }
    }

    /// The ways to move down or up from row `from` to row `to` keeping the column, if any
    /// is safe: a line feed on the scroll region's bottom row would scroll it, and relative
    /// moves stop at its margins.
    fn vertical(&self, from: u16, to: u16) -> Option<String> {
        let (top, bottom) = self.margins();
        let last = self.screen_size().height.saturating_sub(1);
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

    /// The cheapest way it knows to move the cursor to `to`: an absolute move, or from where
    /// it is, along the row or a few rows down or up, or by printing unchanged cells again
    /// (in `style`, the one in use). `row_drawn` says whether this frame already drew cells on
    /// the target row (which can then not be printed again from the row's start).
    fn way_to(&self, to: (u16, u16), row_drawn: bool, style: (Color, Color, Modifier)) -> String {
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
        if let Some(vertical) = self.cursor.row().and_then(|fy| self.vertical(fy, y)) {
            let on_row = self.cursor.row() == Some(y);
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
            match self.cursor {
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

    /// Scrolls the terminal's rows `rows` by `lines` (up when positive: the text moves up,
    /// as when reading on) with a scroll region, leaving blank rows to draw. The region stays
    /// set for the next scroll; [`WHOLE_SCREEN_SCROLLS`] gives the screen back.
    pub fn scroll_rows(&mut self, rows: Range<u16>, lines: i32) -> io::Result<()> {
        if lines == 0 || rows.is_empty() {
            return Ok(());
        }
        if self.region.as_ref() != Some(&rows) {
            write!(self.inner, "\x1b[{};{}r", rows.start + 1, rows.end)?;
            // Setting the region puts the cursor home.
            self.cursor = Cursor::At(0, 0);
            self.region = Some(rows);
        }
        let (_, bottom) = self.margins();
        if lines == 1 {
            // A line feed on the region's bottom row scrolls it, and leaves the cursor on
            // the row where the new line goes.
            if let Some(to_bottom) = self.cursor.row().and_then(|y| self.vertical(y, bottom)) {
                self.cursor = Cursor::Row(bottom);
                return self.inner.write_all(format!("{to_bottom}\n").as_bytes());
            }
        }
        let scroll = if lines > 0 { 'S' } else { 'T' };
        let count = u16::try_from(lines.unsigned_abs()).unwrap_or(u16::MAX);
        write!(self.inner, "{}", csi(count, scroll))
    }
}

/// A control sequence with a count, left out when it is 1 (the default): `ESC [ 3 C`.
fn csi(count: u16, command: char) -> String {
    match count {
        1 => format!("\x1b[{command}"),
        n => format!("\x1b[{n}{command}"),
    }
}

/// Moves the rows `rows` of a copy of the screen by `lines`, as [`Wire::scroll_rows`] moves
/// them on the terminal, so ratatui's next diff is taken against what the terminal shows.
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

impl<W: Write> Write for Wire<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Bytes brief does not read may move the cursor.
        self.cursor = Cursor::Unknown;
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

impl<W: Write> Backend for Wire<W> {
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut cells: Vec<(u16, u16, &Cell)> = content.collect();
        if cells.is_empty() {
            return Ok(());
        }
        // The row the cursor is on first (often the status line, where the last frame
        // ended): reaching it from elsewhere would cost an absolute move.
        if let Some(row) = self.cursor.row() {
            let start = cells.partition_point(|(_, y, _)| *y < row);
            let end = cells.partition_point(|(_, y, _)| *y <= row);
            cells[..end].rotate_right(end - start);
        }
        if self.screen.is_none() {
            self.said_size = self.inner.size().unwrap_or(Size::new(u16::MAX, 0));
        }
        let size = self.screen_size();
        let last_column = size.width.saturating_sub(1);
        let (mut fg, mut bg, mut modifier) = (Color::Reset, Color::Reset, Modifier::empty());
        // The last row this frame drew on.
        let mut drawn_row: Option<u16> = None;
        let mut i = 0;
        while i < cells.len() {
            let (x, y, cell) = cells[i];
            let symbol = cell.symbol();
            let width = symbol.width().max(1) as u16;
            let in_place = self.cursor == Cursor::At(x, y);
            let style = (cell.fg, cell.bg, cell.modifier);
            let change = restyle((fg, bg, modifier), style);
            if in_place {
                write!(self.inner, "{change}")?;
            } else {
                let row_drawn = drawn_row == Some(y);
                let way = self.way_to((x, y), row_drawn, (fg, bg, modifier));
                // The style changes before the move when that makes the move cheaper (cells
                // printed again on the way must be in the style in use).
                let restyled = match change.is_empty() {
                    true => None,
                    false => Some(self.way_to((x, y), row_drawn, style)),
                };
                match restyled.filter(|r| r.len() < way.len()) {
                    Some(restyled) => write!(self.inner, "{change}{restyled}")?,
                    None => write!(self.inner, "{way}{change}")?,
                }
                self.cursor = Cursor::At(x, y);
            }
            (fg, bg, modifier) = style;
            drawn_row = Some(y);
            // Blank cells running to the end of the row: erase the rest of the line instead.
            let blanks = cells[i..]
                .iter()
                .enumerate()
                .take_while(|(n, (bx, by, c))| {
                    *by == y && usize::from(*bx) == usize::from(x) + n && is_blank(c, bg)
                })
                .count();
            if blanks >= 4 && modifier.is_empty() && bg == Color::Reset {
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
                    self.inner.write_all(b"\x1b[K")?;
                    i += blanks;
                    continue;
                }
            }
            self.inner.write_all(symbol.as_bytes())?;
            let after = x + width;
            self.cursor = match width_is_certain(symbol) && after < size.width {
                true => Cursor::At(after, y),
                false => Cursor::Row(y),
            };
            i += 1;
        }
        if fg != Color::Reset || bg != Color::Reset || !modifier.is_empty() {
            self.inner.write_all(b"\x1b[m")?;
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        // ratatui hides the cursor after every frame: say it once.
        if !self.cursor_hidden {
            self.inner.hide_cursor()?;
            self.cursor_hidden = true;
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.cursor_hidden = false;
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        self.cursor = Cursor::At(position.x, position.y);
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.screen = None;
        self.cursor = Cursor::Unknown;
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.screen = None;
        self.cursor = Cursor::Unknown;
        self.inner.clear_region(clear_type)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.cursor = Cursor::Unknown;
        self.inner.append_lines(n)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

/// The SGR sequence that changes the terminal's style from `from` to `to`; empty when they
/// are the same.
fn restyle(from: (Color, Color, Modifier), to: (Color, Color, Modifier)) -> String {
    if from == to {
        return String::new();
    }
    let (mut fg, mut bg, mut modifier) = from;
    let mut codes = Vec::with_capacity(3);
    if !(modifier - to.2).is_empty() {
        // Turning attributes off one by one differs between terminals: reset them all,
        // then set what stays (colours included).
        codes.push("0".to_string());
        (fg, bg, modifier) = (Color::Reset, Color::Reset, Modifier::empty());
    }
    codes.extend(attributes(to.2 - modifier));
    if to.0 != fg {
        codes.push(sgr(to.0, false));
    }
    if to.1 != bg {
        codes.push(sgr(to.1, true));
    }
    if codes == ["0"] {
        codes.clear();
    }
    format!("\x1b[{}m", codes.join(";"))
}

/// Whether a cell shows nothing: a space on the background in use, with no attributes.
fn is_blank(cell: &Cell, bg: Color) -> bool {
    cell.symbol() == " " && cell.bg == bg && cell.modifier.is_empty()
}

/// The shortest SGR parameter for a colour: the 16 ANSI colours by their own codes.
fn sgr(color: Color, background: bool) -> String {
    let base = if background { 40 } else { 30 };
    let code = match color {
        Color::Reset => return (base + 9).to_string(),
        Color::Black => base,
        Color::Red => base + 1,
        Color::Green => base + 2,
        Color::Yellow => base + 3,
        Color::Blue => base + 4,
        Color::Magenta => base + 5,
        Color::Cyan => base + 6,
        Color::Gray => base + 7,
        Color::DarkGray => base + 60,
        Color::LightRed => base + 61,
        Color::LightGreen => base + 62,
        Color::LightYellow => base + 63,
        Color::LightBlue => base + 64,
        Color::LightMagenta => base + 65,
        Color::LightCyan => base + 66,
        Color::White => base + 67,
        Color::Indexed(n) => return format!("{};5;{n}", base + 8),
        Color::Rgb(r, g, b) => return format!("{};2;{r};{g};{b}", base + 8),
    };
    code.to_string()
}

/// The SGR codes that turn these modifiers on.
fn attributes(modifier: Modifier) -> Vec<String> {
    [
        Modifier::BOLD,
        Modifier::DIM,
        Modifier::ITALIC,
        Modifier::UNDERLINED,
        Modifier::SLOW_BLINK,
        Modifier::RAPID_BLINK,
        Modifier::REVERSED,
        Modifier::HIDDEN,
        Modifier::CROSSED_OUT,
    ]
    .into_iter()
    .zip(1..)
    .filter(|(m, _)| modifier.contains(*m))
    .map(|(_, code)| code.to_string())
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::text::Line;
    use ratatui::widgets::Paragraph;

    /// A writer whose bytes the test can read afterwards.
    #[derive(Clone, Default)]
    struct Sent(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Sent {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// The bytes a frame costs, and the screen a terminal shows after them.
    fn frame(text: &str) -> (Vec<u8>, String) {
        let sent = Sent::default();
        let mut backend = Wire::new(sent.clone());
        backend.know_screen(&Buffer::empty(ratatui::layout::Rect::new(0, 0, 20, 2)));
        let mut terminal = Terminal::with_options(
            backend,
            ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 20, 2)),
            },
        )
        .unwrap();
        terminal
            .draw(|f| {
                f.render_widget(
                    Paragraph::new(Line::from(text.to_string())),
                    ratatui::layout::Rect::new(0, 0, 20, 1),
                )
            })
            .unwrap();
        let bytes = sent.0.borrow().clone();
        let mut parser = vt100::Parser::new(2, 20, 0);
        parser.process(&bytes);
        (bytes, parser.screen().contents())
    }

    /// A row of a buffer as a terminal shows it: wide characters once, spaces kept.
    fn row_of(buffer: &Buffer, y: u16) -> String {
        let mut out = String::new();
        let mut skip = 0;
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = symbol.width().saturating_sub(1);
            out.push_str(symbol);
        }
        out.trim_end().to_string()
    }

    #[test]
    fn frame_after_frame_the_terminal_shows_exactly_the_last_one() {
        let sent = Sent::default();
        let area = ratatui::layout::Rect::new(0, 0, 24, 4);
        let mut terminal = Terminal::with_options(
            Wire::new(sent.clone()),
            ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(area),
            },
        )
        .unwrap();
        let mut parser = vt100::Parser::new(4, 24, 0);
        let frames: [&[&str]; 5] = [
            &[
                "上合组织峰会在莫斯科举行",
                "short",
                "",
                "a line that is long enough",
            ],
            &["上合", "short and longer now", "x", ""],
            &["上合组织峰会 SCO", "", "    indented", "tail   "],
            &["a  b  c  d", "上 合 组 织", "", "end"],
            &["", "", "", ""],
        ];
        let mut shown: Option<Buffer> = None;
        for lines in frames {
            if let Some(before) = &shown {
                terminal.backend_mut().know_screen(before);
            }
            let frame = terminal
                .draw(|f| {
                    let text: Vec<Line> = lines.iter().map(|l| Line::from(*l)).collect();
                    f.render_widget(Paragraph::new(text), area);
                })
                .unwrap();
            shown = Some(frame.buffer.clone());
            parser.process(&std::mem::take(&mut *sent.0.borrow_mut()));
            for y in 0..4u16 {
                assert_eq!(
                    parser.screen().contents_between(y, 0, y, 24).trim_end(),
                    row_of(shown.as_ref().unwrap(), y),
                    "row {y} after {lines:?}"
                );
            }
        }
    }

    /// A small pseudo-random sequence (the same on every run).
    struct Dice(u64);

    impl Dice {
        fn roll(&mut self, sides: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % sides
        }
    }

    /// The colour vt100 reports for one brief sends.
    fn seen(color: Color) -> vt100::Color {
        match color {
            Color::Reset => vt100::Color::Default,
            Color::Green => vt100::Color::Idx(2),
            Color::Cyan => vt100::Color::Idx(6),
            Color::DarkGray => vt100::Color::Idx(8),
            other => panic!("colour {other:?} is not used here"),
        }
    }

    #[test]
    fn scrolled_and_styled_frames_land_cell_for_cell() {
        let (width, height) = (30u16, 8u16);
        let area = ratatui::layout::Rect::new(0, 0, width, height);
        let sent = Sent::default();
        let mut terminal = Terminal::with_options(
            Wire::new(sent.clone()),
            ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(area),
            },
        )
        .unwrap();
        let mut parser = vt100::Parser::new(height, width, 0);
        let words = [
            "上合组织",
            "SCO",
            "“一个地球”",
            "—",
            " ",
            "  ",
            "a",
            "峰会",
            "Kyrgyzstan",
            "’s",
            "😀",
            "x y",
            "。",
            "",
        ];
        let styles = [
            ratatui::style::Style::new(),
            ratatui::style::Style::new()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            ratatui::style::Style::new().fg(Color::Green),
            ratatui::style::Style::new().add_modifier(Modifier::REVERSED),
            ratatui::style::Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::DIM | Modifier::ITALIC),
        ];
        let mut dice = Dice(7);
        let mut shown: Option<Buffer> = None;
        for round in 0..300 {
            // Between frames the terminal may scroll the rows above the last, as the reader
            // does; the copy of the screen ratatui diffs against is scrolled alike.
            if let (Some(before), 1..) = (&mut shown, dice.roll(3)) {
                let lines = dice.roll(9) as i32 - 4;
                let rows = 0..height - 1;
                terminal
                    .backend_mut()
                    .scroll_rows(rows.clone(), lines)
                    .unwrap();
                scroll_buffer(before, rows, lines);
                terminal.swap_buffers();
                terminal.current_buffer_mut().clone_from(before);
                terminal.swap_buffers();
            }
            if let Some(before) = &shown {
                terminal.backend_mut().know_screen(before);
            }
            // Most rows stay as they were; some change.
            let lines: Vec<Line> = (0..height)
                .map(|y| match (&shown, dice.roll(4)) {
                    (Some(before), 0 | 1) => Line::from(row_of(before, y)),
                    _ => Line::from(
                        (0..dice.roll(8))
                            .map(|_| {
                                let word = words[dice.roll(words.len() as u64) as usize];
                                let style = styles[dice.roll(styles.len() as u64) as usize];
                                ratatui::text::Span::styled(word, style)
                            })
                            .collect::<Vec<_>>(),
                    ),
                })
                .collect();
            let frame = terminal
                .draw(|f| f.render_widget(Paragraph::new(lines), area))
                .unwrap();
            let buffer = frame.buffer.clone();
            parser.process(&std::mem::take(&mut *sent.0.borrow_mut()));
            let screen = parser.screen();
            for y in 0..height {
                assert_eq!(
                    screen.contents_between(y, 0, y, width).trim_end(),
                    row_of(&buffer, y),
                    "round {round}, row {y}"
                );
                for x in 0..width {
                    let (want, got) = (&buffer[(x, y)], screen.cell(y, x).unwrap());
                    if want.symbol() == " " && got.contents().is_empty() && !got.inverse() {
                        // A blank cell: only what shows on it matters.
                        assert_eq!(seen(want.bg), got.bgcolor(), "round {round}, ({x}, {y})");
                        continue;
                    }
                    let place = format!("round {round}, ({x}, {y}) {:?}", want.symbol());
                    assert_eq!(seen(want.fg), got.fgcolor(), "{place}");
                    assert_eq!(seen(want.bg), got.bgcolor(), "{place}");
                    assert_eq!(
                        want.modifier.contains(Modifier::BOLD),
                        got.bold(),
                        "{place}"
                    );
                    assert_eq!(
                        want.modifier.contains(Modifier::ITALIC),
                        got.italic(),
                        "{place}"
                    );
                    assert_eq!(
                        want.modifier.contains(Modifier::REVERSED),
                        got.inverse(),
                        "{place}"
                    );
                }
            }
            shown = Some(buffer);
        }
    }

    #[test]
    fn wide_characters_need_no_cursor_moves_and_land_right() {
        let (bytes, screen) = frame("上合组织 SCO 峰会");
        assert!(screen.starts_with("上合组织 SCO 峰会"), "{screen}");
        // Blank cells the diff skips cost a move; a run of wide characters costs none.
        let sent = String::from_utf8_lossy(&bytes);
        assert!(sent.contains("上合组织") && sent.contains("峰会"), "{sent}");
    }

    #[test]
    fn after_an_ambiguous_width_symbol_the_column_is_set_again() {
        // Some terminals draw `“` and `—` two cells wide: what follows must not shift.
        let (bytes, screen) = frame("“一”—a");
        assert!(screen.starts_with("“一”—a"), "{screen}");
        let sent = String::from_utf8_lossy(&bytes);
        let row = sent.strip_prefix("\x1b[H").unwrap();
        assert!(row.starts_with("“\x1b[2G一”\x1b[5G—\x1b[6Ga"), "{sent:?}");
    }

    #[test]
    fn after_an_emoji_the_cursor_is_placed_again() {
        let (bytes, screen) = frame("a😀b");
        assert!(screen.starts_with("a😀b"), "{screen}");
        // Between the emoji and the next letter: an absolute column (the row is known).
        let sent = String::from_utf8_lossy(&bytes);
        let between = &sent[sent.find('😀').unwrap() + '😀'.len_utf8()..sent.rfind('b').unwrap()];
        assert_eq!(between, "\x1b[4G", "{sent:?}");
    }

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
        let sent = Sent::default();
        let mut wire = Wire::new(sent.clone());
        wire.scroll_rows(0..3, 1).unwrap();
        Write::flush(&mut wire).unwrap();
        let mut parser = vt100::Parser::new(4, 4, 0);
        parser.process(b"aaaa\r\nbbbb\r\ncccc\r\ndddd");
        parser.process(&sent.0.borrow());
        assert_eq!(parser.screen().contents(), "bbbb\ncccc\n\ndddd");
    }
}
