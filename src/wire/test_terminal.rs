//! A terminal for the backend's tests: drawn through `Wire`, with the bytes it was sent
//! kept to read.

use std::io::{self, Write};

use ratatui::Terminal;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use super::Wire;

/// A writer whose bytes the test can read afterwards.
#[derive(Clone, Default)]
pub struct Sent(pub std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

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
pub fn terminal(width: u16, height: u16) -> (Terminal<Wire<Sent>>, Sent) {
    let sent = Sent::default();
    let area = ratatui::layout::Rect::new(0, 0, width, height);
    let options = ratatui::TerminalOptions {
        viewport: ratatui::Viewport::Fixed(area),
    };
    let terminal = Terminal::with_options(Wire::new(sent.clone()), options).unwrap();
    (terminal, sent)
}

/// A row of a buffer as a terminal shows it: wide characters once, spaces kept.
pub fn row_of(buffer: &Buffer, y: u16) -> String {
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
