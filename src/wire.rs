//! What goes over the wire to the terminal, kept small for slow SSH links: a ratatui backend
//! that knows an East Asian wide character moves the cursor two cells (so it does not send a
//! cursor move before every Chinese character, as the stock crossterm backend does), and line
//! scrolling done by the terminal itself with a scroll region, so only the new lines are sent.
//! Where terminals disagree on a width (emoji, ambiguous-width symbols) the cursor is placed
//! explicitly after the character, as upstream ratatui does.

use std::io::{self, Write};
use std::ops::Range;

use crossterm::queue;
use crossterm::style::{Attribute, Print, SetAttribute};
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
}

impl<W: Write> Wire<W> {
    /// A backend writing to `writer`.
    pub fn new(writer: W) -> Wire<W> {
        Wire {
            inner: CrosstermBackend::new(writer),
            cursor_hidden: false,
            screen: None,
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

    /// Forgets what the terminal shows (after a resize or a clear).
    pub fn forget_screen(&mut self) {
        self.screen = None;
    }

    /// The terminal's size: the known screen's, else as the terminal says (unknown: none,
    /// which turns the line-end and next-row shortcuts off).
    fn screen_size(&self) -> Size {
        match &self.screen {
            Some(screen) => screen.area.as_size(),
            None => self.inner.size().unwrap_or(Size::new(u16::MAX, 0)),
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

    /// Moves the cursor from where it is (when known) to `to` the cheapest way: over a short
    /// gap of unchanged spaces in the current style by printing them again, to the start of
    /// the next row with CR LF, else with an absolute move.
    fn move_cursor(
        &mut self,
        from: Option<(u16, u16)>,
        to: (u16, u16),
        style: (Color, Color, Modifier),
    ) -> io::Result<()> {
        let absolute = format!("\x1b[{};{}H", to.1 + 1, to.0 + 1);
        if let Some((fx, fy)) = from {
            if fy == to.1 && fx < to.0 && to.0 - fx <= 4 {
                let plain = (fx..to.0).all(|c| {
                    self.shown(c, fy)
                        .is_some_and(|s| s.symbol() == " " && (s.fg, s.bg, s.modifier) == style)
                });
                if plain {
                    return write!(self.inner, "{}", " ".repeat(usize::from(to.0 - fx)));
                }
            }
            let last_row = self.screen_size().height.saturating_sub(1);
            if to.1 == fy + 1 && fy < last_row {
                let next_row = match to.0 {
                    0 => "\r\n".to_string(),
                    n => format!("\r\n\x1b[{n}C"),
                };
                if next_row.len() < absolute.len() {
                    return write!(self.inner, "{next_row}");
                }
            }
        }
        write!(self.inner, "{absolute}")
    }

    /// Scrolls the terminal's rows `rows` by `lines` (up when positive: the text moves up,
    /// as when reading on) with a scroll region, leaving blank rows to draw.
    pub fn scroll_rows(&mut self, rows: Range<u16>, lines: i32) -> io::Result<()> {
        if lines == 0 || rows.is_empty() {
            return Ok(());
        }
        let scroll = if lines > 0 { 'S' } else { 'T' };
        write!(
            self.inner,
            "\x1b[{};{}r\x1b[{}{scroll}\x1b[r",
            rows.start + 1,
            rows.end,
            lines.unsigned_abs()
        )
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

/// Whether every terminal agrees on how wide a cell's symbol is.
fn width_is_certain(symbol: &str) -> bool {
    let emoji = symbol
        .chars()
        .any(|c| matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0xFE0F | 0x200D));
    !emoji && symbol.width() == symbol.width_cjk()
}

impl<W: Write> Write for Wire<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
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
        let cells: Vec<(u16, u16, &Cell)> = content.collect();
        if cells.is_empty() {
            return Ok(());
        }
        let last_column = self.screen_size().width.saturating_sub(1);
        let (mut fg, mut bg, mut modifier) = (Color::Reset, Color::Reset, Modifier::empty());
        // Where the terminal's cursor is, when that is known for sure.
        let mut cursor: Option<(u16, u16)> = None;
        let mut i = 0;
        while i < cells.len() {
            let (x, y, cell) = cells[i];
            if cursor != Some((x, y)) {
                self.move_cursor(cursor, (x, y), (fg, bg, modifier))?;
            }
            if cell.modifier != modifier {
                let removed = modifier - cell.modifier;
                if !removed.is_empty() {
                    // Turning attributes off one by one differs between terminals: reset
                    // them all, then set what stays (colours included).
                    queue!(self.inner, SetAttribute(Attribute::Reset))?;
                    fg = Color::Reset;
                    bg = Color::Reset;
                    modifier = Modifier::empty();
                }
                for attribute in attributes(cell.modifier - modifier) {
                    queue!(self.inner, SetAttribute(attribute))?;
                }
                modifier = cell.modifier;
            }
            if cell.fg != fg || cell.bg != bg {
                let mut codes = Vec::with_capacity(2);
                if cell.fg != fg {
                    codes.push(sgr(cell.fg, false));
                }
                if cell.bg != bg {
                    codes.push(sgr(cell.bg, true));
                }
                write!(self.inner, "\x1b[{}m", codes.join(";"))?;
                fg = cell.fg;
                bg = cell.bg;
            }
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
                    queue!(self.inner, Print("\x1b[K"))?;
                    cursor = Some((x, y));
                    i += blanks;
                    continue;
                }
            }
            let symbol = cell.symbol();
            queue!(self.inner, Print(symbol))?;
            cursor = width_is_certain(symbol).then(|| (x + symbol.width().max(1) as u16, y));
            i += 1;
        }
        if fg != Color::Reset || bg != Color::Reset || !modifier.is_empty() {
            queue!(self.inner, SetAttribute(Attribute::Reset))?;
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
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.screen = None;
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.screen = None;
        self.inner.clear_region(clear_type)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
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

/// The terminal attributes that turn these modifiers on.
fn attributes(modifier: Modifier) -> Vec<Attribute> {
    [
        (Modifier::BOLD, Attribute::Bold),
        (Modifier::DIM, Attribute::Dim),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
        (Modifier::REVERSED, Attribute::Reverse),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
    ]
    .into_iter()
    .filter(|(m, _)| modifier.contains(*m))
    .map(|(_, a)| a)
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
        let backend = Wire::new(sent.clone());
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

    #[test]
    fn wide_characters_need_no_cursor_moves_and_land_right() {
        let (bytes, screen) = frame("上合组织 SCO 峰会");
        assert!(screen.starts_with("上合组织 SCO 峰会"), "{screen}");
        // Blank cells the diff skips cost a move; a run of wide characters costs none.
        let sent = String::from_utf8_lossy(&bytes);
        assert!(sent.contains("上合组织") && sent.contains("峰会"), "{sent}");
    }

    #[test]
    fn after_an_emoji_the_cursor_is_placed_again() {
        let (bytes, screen) = frame("a😀b");
        assert!(screen.starts_with("a😀b"), "{screen}");
        assert!(String::from_utf8_lossy(&bytes).matches('H').count() >= 2);
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
