//! What goes over the wire to the terminal, kept small for slow SSH links: a ratatui backend
//! that knows an East Asian wide character moves the cursor two cells (so it does not send a
//! cursor move before every Chinese character, as the stock crossterm backend does), and line
//! scrolling done by the terminal itself with a scroll region, so only the new lines are sent.
//! Where terminals disagree on a width (emoji, ambiguous-width symbols such as `“` and `—`)
//! the cursor's column is set again after the character, as upstream ratatui does.

mod paint;
mod style;

use std::io::{self, Write};
use std::ops::Range;

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthStr;

pub use paint::scroll_buffer;
use paint::{Cursor, Drawn, Paint};

/// The crossterm backend with fewer bytes per frame.
#[derive(Debug)]
pub struct Wire<W: Write> {
    inner: CrosstermBackend<W>,
    cursor_hidden: bool,
    /// What the terminal shows before the frame being drawn, when known: cells the frame
    /// leaves unchanged are read here.
    screen: Option<Buffer>,
    /// A scroll the next frame may begin with, when that makes it cheaper: the rows and the
    /// lines the text moved.
    offered: Option<(Range<u16>, i32)>,
    /// Where the terminal's cursor is, as far as is known (kept from frame to frame).
    cursor: Cursor,
    /// The rows the terminal scrolls (its scroll region): all of them unless brief set one.
    region: Option<Range<u16>>,
    /// The terminal's size as it said when a frame began, for when the screen is not known
    /// (asking costs system calls: once a frame, not once a cell).
    said_size: Size,
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
            offered: None,
            cursor: Cursor::Unknown,
            region: None,
            said_size: Size::new(u16::MAX, 0),
        }
    }

    /// Tells the backend what the terminal shows now (ratatui's last frame), so the next
    /// frame can erase line ends and skip short gaps cheaply.
    pub fn know_screen(&mut self, screen: &Buffer) {
        match &mut self.screen {
            Some(known) if known.area == screen.area => known.clone_from(screen),
            _ => self.screen = Some(screen.clone()),
        }
    }

    /// Says that in the next frame the rows `rows` show the text moved up by `lines` (down
    /// when negative): the frame then begins with the terminal scrolling those rows itself,
    /// when drawing on the scrolled rows costs fewer bytes than drawing over them. Rows that
    /// move with the text but do not belong to it (an outline beside it) are drawn again.
    pub fn offer_scroll(&mut self, rows: Range<u16>, lines: i32) {
        self.offered = Some((rows, lines));
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

    /// The frame's changes drawn on the scrolled rows instead, when that is cheaper than
    /// `plain`: the screen scrolled, and the bytes, cursor and region that leaves.
    fn scrolled(&self, plain: &Paint, cells: &[(u16, u16, &Cell)]) -> Option<Drawn> {
        let (rows, lines) = self.offered.clone()?;
        let screen = self.screen.as_ref()?;
        // A scroll region is two rows or more: terminals ignore a smaller one, and would
        // scroll the whole screen.
        if rows.end > screen.area.height || rows.len() < 2 || lines == 0 {
            return None;
        }
        let frame = with_changes(screen, cells);
        let mut scrolled = screen.clone();
        scroll_buffer(&mut scrolled, rows.clone(), lines);
        let changes = scrolled.diff(&frame);
        let mut paint = Paint::new(
            Some(&scrolled),
            screen.area.as_size(),
            self.cursor,
            self.region.clone(),
        );
        paint.scroll(rows, lines);
        paint.cells(changes);
        (paint.out.len() < plain.out.len()).then(|| paint.finish())
    }
}

/// `screen` with a frame's changes drawn on it: the frame as ratatui has it (cells a wide
/// character covers are reset, as ratatui resets them).
fn with_changes(screen: &Buffer, cells: &[(u16, u16, &Cell)]) -> Buffer {
    let mut frame = screen.clone();
    for &(x, y, cell) in cells {
        frame[(x, y)] = cell.clone();
        let width = cell.symbol().width() as u16;
        for covered in x + 1..(x + width).min(frame.area.width) {
            frame[(covered, y)].reset();
        }
    }
    frame
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
        let cells: Vec<(u16, u16, &Cell)> = content.collect();
        if cells.is_empty() {
            self.offered = None;
            return Ok(());
        }
        let size = match &self.screen {
            Some(screen) => screen.area.as_size(),
            None => {
                // Unknown until the terminal says; none turns the shortcuts that need it off.
                self.said_size = self.inner.size().unwrap_or(Size::new(u16::MAX, 0));
                self.said_size
            }
        };
        let mut plain = Paint::new(self.screen.as_ref(), size, self.cursor, self.region.clone());
        plain.cells(cells.clone());
        let drawn = match self.scrolled(&plain, &cells) {
            Some(scrolled) => scrolled,
            None => plain.finish(),
        };
        self.offered = None;
        self.cursor = drawn.cursor;
        self.region = drawn.region;
        self.inner.write_all(drawn.out.as_bytes())
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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::style::{Color, Modifier};
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

    /// A terminal of `width` x `height` drawn through the backend, and what it is sent.
    fn terminal(width: u16, height: u16) -> (Terminal<Wire<Sent>>, Sent) {
        let sent = Sent::default();
        let area = ratatui::layout::Rect::new(0, 0, width, height);
        let options = ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(area),
        };
        let terminal = Terminal::with_options(Wire::new(sent.clone()), options).unwrap();
        (terminal, sent)
    }

    /// The bytes a frame costs, and the screen a terminal shows after them.
    fn frame(text: &str) -> (Vec<u8>, String) {
        let (mut terminal, sent) = terminal(20, 2);
        let blank = Buffer::empty(ratatui::layout::Rect::new(0, 0, 20, 2));
        terminal.backend_mut().know_screen(&blank);
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
        let (mut terminal, sent) = terminal(24, 4);
        let area = ratatui::layout::Rect::new(0, 0, 24, 4);
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
        let (mut terminal, sent) = terminal(width, height);
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
            "gap            here",
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
        let mut scrolls = 0;
        let mut shown: Option<Buffer> = None;
        for round in 0..300 {
            // Between frames the rows above the last may move, as the reader's text does;
            // the backend is told, and may have the terminal scroll them.
            let mut moved = shown.clone();
            if let (Some(before), 1..) = (&mut moved, dice.roll(3)) {
                let lines = dice.roll(13) as i32 - 6;
                let rows = 0..height - 1;
                scroll_buffer(before, rows.clone(), lines);
                terminal.backend_mut().offer_scroll(rows, lines);
            }
            if let Some(before) = &shown {
                terminal.backend_mut().know_screen(before);
            }
            // Most rows stay as they were, moved or not; some change.
            let lines: Vec<Line> = (0..height)
                .map(|y| match (&moved, dice.roll(4)) {
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
            let bytes = std::mem::take(&mut *sent.0.borrow_mut());
            let text = String::from_utf8_lossy(&bytes);
            scrolls += usize::from(scrolls_itself(&text));
            parser.process(&bytes);
            let screen = parser.screen();
            for y in 0..height {
                assert_eq!(
                    screen.contents_between(y, 0, y, width).trim_end(),
                    row_of(&buffer, y),
                    "round {round}, row {y}"
                );
                for x in 0..width {
                    let (want, got) = (&buffer[(x, y)], screen.cell(y, x).unwrap());
                    let shows_on_a_space = Modifier::REVERSED | Modifier::UNDERLINED;
                    if want.symbol() == " " && !want.modifier.intersects(shows_on_a_space) {
                        // A blank cell: only what shows on it matters, not its foreground.
                        let place = format!("round {round}, ({x}, {y})");
                        assert!(matches!(got.contents().as_str(), "" | " "), "{place}");
                        assert!(!got.inverse() && !got.underline(), "{place}");
                        assert_eq!(seen(want.bg), got.bgcolor(), "{place}");
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
        // The terminal did scroll, often: the cheaper way when most rows moved.
        assert!(scrolls > 30, "{scrolls} scrolls");
    }

    /// Whether bytes scroll the terminal by a count of lines.
    fn scrolls_itself(bytes: &str) -> bool {
        bytes.split("\x1b[").skip(1).any(|seq| {
            let digits = seq.bytes().take_while(u8::is_ascii_digit).count();
            matches!(seq.as_bytes().get(digits), Some(b'S' | b'T'))
        })
    }

    #[test]
    fn a_single_row_is_never_given_a_scroll_region() {
        let (mut terminal, sent) = terminal(14, 2);
        let area = ratatui::layout::Rect::new(0, 0, 14, 2);
        let mut parser = vt100::Parser::new(2, 14, 0);
        let frame = terminal
            .draw(|f| f.render_widget(Paragraph::new("😀x yx y"), area))
            .unwrap();
        let shown = frame.buffer.clone();
        terminal.backend_mut().know_screen(&shown);
        terminal.backend_mut().offer_scroll(0..1, -1);
        terminal
            .draw(|f| f.render_widget(Paragraph::new(""), area))
            .unwrap();
        parser.process(&sent.0.borrow());
        assert_eq!(parser.screen().contents().trim(), "");
    }

    #[test]
    fn a_gap_inside_a_row_is_erased_not_printed() {
        let (mut terminal, sent) = terminal(20, 1);
        let area = ratatui::layout::Rect::new(0, 0, 20, 1);
        let mut parser = vt100::Parser::new(1, 20, 0);
        let mut shown: Option<Buffer> = None;
        for text in ["abcdefghijklmnopqrs", "a                 s"] {
            if let Some(before) = &shown {
                terminal.backend_mut().know_screen(before);
            }
            let frame = terminal
                .draw(|f| f.render_widget(Paragraph::new(text), area))
                .unwrap();
            shown = Some(frame.buffer.clone());
        }
        let bytes = sent.0.borrow().clone();
        parser.process(&bytes);
        assert_eq!(parser.screen().contents(), "a                 s");
        let sent = String::from_utf8_lossy(&bytes);
        let second = &sent[sent.find('s').unwrap() + 1..];
        assert!(second.ends_with("\x1b[17X"), "{second:?}");
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
}
