//! What goes over the wire to the terminal, kept small for slow SSH links: a ratatui backend
//! that knows an East Asian wide character moves the cursor two cells (so it does not send a
//! cursor move before every Chinese character, as the stock crossterm backend does), and line
//! scrolling done by the terminal itself with a scroll region, so only the new lines are sent.
//! Where terminals disagree on a width (emoji, ambiguous-width symbols such as `“` and `—`)
//! the cursor's column is set again after the character, as upstream ratatui does.

mod backend;
mod diff;
mod paint;
mod present;
mod scroll;
mod style;
#[cfg(test)]
pub(crate) mod test_terminal;

use std::io::{self, Write};
use std::ops::Range;

use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Size;

use paint::Cursor;
pub use paint::scroll_buffer;
pub use present::{present, present_over};

/// The crossterm backend with fewer bytes per frame.
#[derive(Debug)]
pub struct Wire<W: Write> {
    inner: CrosstermBackend<W>,
    cursor_hidden: bool,
    /// What the terminal shows before the frame being drawn, when known: cells the frame
    /// leaves unchanged are read here. Each frame drawn is kept here.
    screen: Option<Buffer>,
    /// A scroll the next frame may begin with, when that makes it cheaper: the rows and the
    /// lines the text moved.
    offered: Option<(Range<u16>, i32)>,
    /// Where the terminal's cursor is, as far as is known (kept from frame to frame).
    cursor: Cursor,
    /// The rows the terminal scrolls (its scroll region): all of them unless brief set one.
    region: Option<Range<u16>>,
    /// The terminal's size as it last said (asking costs system calls); asked again after a
    /// resize.
    size: std::cell::Cell<Option<Size>>,
    /// Whether the terminal was cleared since the last frame (so shows nothing).
    cleared: bool,
    /// A copy of the screen to scroll, kept so that each frame does not allocate one.
    scratch: Option<Buffer>,
    /// The rows the next frame drew, when it was drawn over the last one: the others are
    /// the last frame's, moved by the scroll offered.
    drawn_only: Option<Vec<u16>>,
}

/// Resets the scroll region to the whole screen, as brief leaves the terminal.
pub const WHOLE_SCREEN_SCROLLS: &str = "\x1b[r";

/// Gives the terminal back as brief found it: the whole screen scrolling again, the main
/// screen, cooked mode. Safe to call more than once, and from the panic hook.
pub fn restore() {
    let mut out = io::stdout();
    let _ = out.write_all(WHOLE_SCREEN_SCROLLS.as_bytes());
    let _ = out.flush();
    // Not `ratatui::restore`: it prints its error, and printing to a terminal that has hung
    // up panics (then aborts in the panic hook), before the session is kept.
    let _ = ratatui::try_restore();
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
            size: std::cell::Cell::new(None),
            cleared: false,
            scratch: None,
            drawn_only: None,
        }
    }

    /// Tells the backend that the terminal shows nothing now (it was cleared, or has just
    /// switched to its alternate screen): the next frame is drawn on blank without clearing
    /// it again.
    pub fn cleared(&mut self) {
        self.screen = None;
        self.cleared = true;
    }

    /// Forgets what the terminal shows (after a resize or a clear), and gives the whole
    /// screen back to scrolling: a resized terminal may or may not have kept the region.
    pub fn forget_screen(&mut self) -> io::Result<()> {
        self.screen = None;
        self.cursor = Cursor::Unknown;
        self.size.set(None);
        if self.region.take().is_some() {
            write!(self.inner, "{WHOLE_SCREEN_SCROLLS}")?;
        }
        Ok(())
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::text::Line;
    use ratatui::widgets::Paragraph;

    use super::test_terminal::{row_of, terminal};

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
        // Through ratatui's comparison (the backend given the cells that changed), then
        // whole as the reader sends frames.
        for whole in [false, true] {
            for lines in frames {
                let text: Vec<Line> = lines.iter().map(|l| Line::from(*l)).collect();
                let draw = |f: &mut ratatui::Frame| f.render_widget(Paragraph::new(text), area);
                let shown = match whole {
                    false => terminal.draw(draw).unwrap().buffer.clone(),
                    true => {
                        present(&mut terminal, draw).unwrap();
                        terminal.backend().screen().unwrap().clone()
                    }
                };
                parser.process(&std::mem::take(&mut *sent.0.borrow_mut()));
                for y in 0..4u16 {
                    assert_eq!(
                        parser.screen().contents_between(y, 0, y, 24).trim_end(),
                        row_of(&shown, y),
                        "row {y} after {lines:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_gap_inside_a_row_is_erased_not_printed() {
        let (mut terminal, sent) = terminal(20, 1);
        let area = ratatui::layout::Rect::new(0, 0, 20, 1);
        let mut parser = vt100::Parser::new(1, 20, 0);
        for text in ["abcdefghijklmnopqrs", "a                 s"] {
            terminal
                .draw(|f| f.render_widget(Paragraph::new(text), area))
                .unwrap();
        }
        let bytes = sent.0.borrow().clone();
        parser.process(&bytes);
        assert_eq!(parser.screen().contents(), "a                 s");
        let sent = String::from_utf8_lossy(&bytes);
        let second = &sent[sent.find('s').unwrap() + 1..];
        assert!(second.ends_with("\x1b[17X"), "{second:?}");
    }
}
