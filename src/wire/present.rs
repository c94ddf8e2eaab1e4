//! A whole frame sent: compared with the screen the backend keeps (not with ratatui's last
//! buffer, which is a second copy of it), and begun with the terminal's own scroll when that
//! is offered and cheaper.

use std::io::{self, Write};
use std::ops::Range;

use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::{Frame, Terminal};

use super::Wire;
use super::diff::{changes, changes_on_row};
use super::paint::{Cursor, Drawn, Paint, scroll_buffer};

/// Draws a frame with `draw` and sends it whole: the backend compares it with the screen it
/// keeps, so ratatui's comparison of its last frame with this one is not needed.
pub fn present<W: Write>(
    terminal: &mut Terminal<Wire<W>>,
    draw: impl FnOnce(&mut Frame),
) -> io::Result<()> {
    terminal.autoresize()?;
    terminal.current_buffer_mut().reset();
    draw(&mut terminal.get_frame());
    send(terminal)
}

/// Like [`present`], but `draw` draws over the last frame sent rather than on blank, and
/// says which rows it drew: the others are the last frame's, moved by the scroll offered.
/// Nothing is drawn (and `false` returned) when the last frame is not known, or was of
/// another size.
pub fn present_over<W: Write>(
    terminal: &mut Terminal<Wire<W>>,
    draw: impl FnOnce(&mut Frame) -> Vec<u16>,
) -> io::Result<bool> {
    terminal.autoresize()?;
    let mut buffer = std::mem::take(terminal.current_buffer_mut());
    let known = match terminal.backend().screen() {
        Some(screen) if screen.area == buffer.area => {
            buffer.content.clone_from(&screen.content);
            true
        }
        _ => false,
    };
    *terminal.current_buffer_mut() = buffer;
    if !known {
        return Ok(false);
    }
    let drawn = draw(&mut terminal.get_frame());
    terminal.backend_mut().drawn_only = Some(drawn);
    send(terminal).map(|()| true)
}

/// Sends the frame drawn in the terminal's buffer.
fn send<W: Write>(terminal: &mut Terminal<Wire<W>>) -> io::Result<()> {
    let mut buffer = std::mem::take(terminal.current_buffer_mut());
    let sent = terminal.backend_mut().present(&mut buffer);
    // Left in its place: a buffer of the same size, the next frame's (reset, or overwritten
    // with the screen, before it is drawn in). ratatui's other buffer is not used.
    *terminal.current_buffer_mut() = buffer;
    sent?;
    terminal.hide_cursor()?;
    Backend::flush(terminal.backend_mut())
}

impl<W: Write> Wire<W> {
    /// What the terminal shows, as far as the backend knows: the last frame it sent.
    pub fn screen(&self) -> Option<&Buffer> {
        self.screen.as_ref()
    }

    /// Sends `frame`, the whole screen, and keeps it as what the terminal shows. `frame` is
    /// taken: what is left in its place is a buffer of the same size to draw the next frame
    /// in (it holds the screen before this frame).
    pub fn present(&mut self, frame: &mut Buffer) -> io::Result<()> {
        let mut screen = match self.screen.take() {
            Some(screen) if screen.area == frame.area => screen,
            _ => {
                // What the terminal shows is not known: it is cleared, and drawn on blank.
                if !self.cleared {
                    self.inner.write_all(b"\x1b[2J")?;
                }
                self.cursor = Cursor::Unknown;
                Buffer::empty(frame.area)
            }
        };
        self.cleared = false;
        let drawn = self.cheapest(&screen, frame);
        self.cursor = drawn.cursor;
        self.region = drawn.region;
        std::mem::swap(&mut screen, frame);
        self.screen = Some(screen);
        self.inner.write_all(drawn.out.as_bytes())
    }

    /// The bytes that turn `screen` into `frame`: over the rows, or after the offered
    /// scroll, whichever is shorter.
    fn cheapest(&mut self, screen: &Buffer, frame: &Buffer) -> Drawn {
        let size = frame.area.as_size();
        let drawn_only = self.drawn_only.take();
        let scrolled = self.offered.take().and_then(|(rows, lines)| {
            // A scroll region is two rows or more: terminals ignore a smaller one, and
            // would scroll the whole screen.
            if rows.end > screen.area.height || rows.len() < 2 || lines == 0 {
                return None;
            }
            let scratch = self.scratch.get_or_insert_with(|| screen.clone());
            let cells = match &drawn_only {
                // The other rows are the screen's, scrolled: only the rows drawn (and the
                // row above each) are scrolled here, and only the rows drawn compared (the
                // cells drawn read no other row).
                Some(drawn) => {
                    scratch.area = screen.area;
                    scratch
                        .content
                        .resize(screen.content.len(), Cell::default());
                    for &y in drawn {
                        // The row before too: what its last cells cover reaches this row.
                        if let Some(above) = y.checked_sub(1).filter(|a| !drawn.contains(a)) {
                            scroll_row(screen, scratch, &rows, lines, above);
                        }
                        scroll_row(screen, scratch, &rows, lines, y);
                    }
                    let cells: Vec<_> = drawn
                        .iter()
                        .flat_map(|&y| changes_on_row(scratch, frame, y))
                        .collect();
                    #[cfg(debug_assertions)]
                    {
                        let mut whole = screen.clone();
                        scroll_buffer(&mut whole, rows.clone(), lines);
                        assert!(
                            changes(&whole, frame).eq(cells.iter().copied()),
                            "a frame drawn over the last one changed rows it did not draw"
                        );
                    }
                    cells
                }
                None => {
                    scratch.area = screen.area;
                    scratch.content.clone_from(&screen.content);
                    scroll_buffer(scratch, rows.clone(), lines);
                    changes(scratch, frame).collect()
                }
            };
            let mut paint = Paint::new(Some(scratch), size, self.cursor, self.region.clone());
            paint.scroll(rows, lines);
            paint.cells(cells);
            Some(paint.finish())
        });
        // Drawn over the rows, a frame sends at least every character it changes but the
        // spaces (an erase may stand for those): when the scroll costs less, that is enough
        // to know, without working the rest out.
        if let Some(drawn) = &scrolled {
            let mut least = 0;
            let plain_costs_more = changes(screen, frame).any(|(_, _, cell)| {
                if cell.symbol() != " " {
                    least += cell.symbol().len();
                }
                least > drawn.out.len()
            });
            if plain_costs_more {
                return scrolled.expect("a scroll was worked out");
            }
        }
        let mut plain = Paint::new(Some(screen), size, self.cursor, self.region.clone());
        plain.cells(changes(screen, frame).collect());
        let plain = plain.finish();
        match scrolled {
            Some(drawn) if drawn.out.len() < plain.out.len() => drawn,
            _ => plain,
        }
    }
}

/// Row `y` of `screen` scrolled by `lines` in the rows `rows` (as [`scroll_buffer`] scrolls
/// the whole), written in `scrolled`.
fn scroll_row(screen: &Buffer, scrolled: &mut Buffer, rows: &Range<u16>, lines: i32, y: u16) {
    let width = usize::from(screen.area.width);
    let start = |y: u16| screen.index_of(screen.area.x, y);
    let from = match rows.contains(&y) {
        false => Some(y),
        true => i32::from(y)
            .checked_add(lines)
            .and_then(|from| u16::try_from(from).ok())
            .filter(|from| rows.contains(from)),
    };
    let row = &mut scrolled.content[start(y)..start(y) + width];
    match from {
        Some(from) => row.clone_from_slice(&screen.content[start(from)..start(from) + width]),
        None => row.fill(Cell::default()),
    }
}
