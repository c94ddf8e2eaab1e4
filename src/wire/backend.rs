//! `Wire` as a ratatui backend: each frame worked out before it is sent (scrolled first
//! when that is cheaper), and the cursor followed so that moves are sent only when needed.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Size};

use super::Wire;
use super::paint::Cursor;
use super::scroll::draw_on;

impl<W: Write> Backend for Wire<W> {
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // ratatui's changes, drawn on the screen as kept, make the frame it has: sent whole.
        let cells: Vec<(u16, u16, &Cell)> = content.collect();
        if cells.is_empty() {
            self.offered = None;
            return Ok(());
        }
        let mut frame = match &self.screen {
            Some(screen) => screen.clone(),
            None => {
                let size = self.size()?;
                Buffer::empty(ratatui::layout::Rect::new(0, 0, size.width, size.height))
            }
        };
        draw_on(&mut frame, &cells);
        self.present(&mut frame)
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
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.screen = None;
        self.cursor = Cursor::Unknown;
        self.cleared = clear_type == ClearType::All;
        self.inner.clear_region(clear_type)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.cursor = Cursor::Unknown;
        self.inner.append_lines(n)
    }

    fn size(&self) -> io::Result<Size> {
        if let Some(size) = self.size.get() {
            return Ok(size);
        }
        let size = self.inner.size()?;
        self.size.set(Some(size));
        Ok(size)
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
    use ratatui::text::Line;
    use ratatui::widgets::Paragraph;

    use crate::wire::test_terminal::terminal;

    /// The bytes a frame costs, and the screen a terminal shows after them.
    fn frame(text: &str) -> (Vec<u8>, String) {
        let (mut terminal, sent) = terminal(20, 2);
        terminal.backend_mut().cleared();
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
