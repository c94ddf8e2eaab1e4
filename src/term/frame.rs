//! Frames: the screen is drawn again when the app's revision has moved since the last
//! frame, and when only the reader's text moved, the terminal is offered the scroll so that
//! just the lines coming into view are sent.

use std::sync::Arc;

use std::io::Write;

use ratatui::Terminal;

use crate::app::App;
use crate::ui;
use crate::vocabulary::Mode;
use crate::wire::Wire;

/// Where the reader's text stood in a frame: enough to tell whether the next frame only
/// moves it up or down.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ReaderPosition {
    /// The reader had the keys, with nothing over it.
    reading: bool,
    /// The documents (the same list, not a new edition).
    docs: usize,
    /// The document shown.
    doc: usize,
    /// The terminal's size.
    size: (u16, u16),
    /// Whether the outline pane was shown.
    outline: bool,
    /// The first layout line shown.
    top: usize,
}

impl ReaderPosition {
    fn of(app: &App) -> ReaderPosition {
        ReaderPosition {
            reading: app.mode() == Mode::Reader,
            docs: Arc::as_ptr(&app.docs) as usize,
            doc: app.doc,
            size: app.size,
            outline: app.outline_visible,
            top: app.top,
        }
    }

    /// How many lines the text moved up (down when negative) since `before`, when that is
    /// all that happened to it and it moved less than a screen.
    fn scrolled_since(&self, before: &ReaderPosition, height: u16) -> Option<i32> {
        let same = self.reading
            && before.reading
            && ReaderPosition {
                top: before.top,
                ..self.clone()
            } == *before;
        let lines = self.top as i64 - before.top as i64;
        (same && lines != 0 && lines.abs() <= i64::from(height)).then_some(lines as i32)
    }
}

/// What the terminal shows: the app's state the last frame was drawn from (the backend
/// keeps the frame's cells).
pub struct Shown {
    /// The revision it was drawn at.
    revision: u64,
    /// The text revision it was drawn at.
    text_revision: u64,
    /// Where the reader's text stood.
    reader: ReaderPosition,
    /// When it was drawn.
    at: std::time::Instant,
}

impl Shown {
    /// Draws the first frame.
    pub fn first<W: Write>(terminal: &mut Terminal<Wire<W>>, app: &App) -> std::io::Result<Shown> {
        crate::wire::present(terminal, |f| ui::draw(app, f))?;
        Ok(Shown {
            revision: app.revision(),
            text_revision: app.text_revision(),
            reader: ReaderPosition::of(app),
            at: std::time::Instant::now(),
        })
    }

    /// How long ago the last frame was drawn.
    pub fn age(&self) -> std::time::Duration {
        self.at.elapsed()
    }

    /// Draws a frame if the app changed since the last one.
    pub fn refresh<W: Write>(
        &mut self,
        terminal: &mut Terminal<Wire<W>>,
        app: &App,
    ) -> std::io::Result<()> {
        if app.revision() == self.revision {
            return Ok(());
        }
        let reader = ReaderPosition::of(app);
        let scrolled = reader.scrolled_since(&self.reader, app.reader_size().1);
        if let Some(lines) = scrolled {
            // The terminal may move the text itself; then only the lines that come into
            // view are sent.
            let rows = 0..app.size.1.saturating_sub(1);
            terminal.backend_mut().offer_scroll(rows, lines);
        }
        // Only the text moved: the frame is drawn over the last one, its rows moved.
        let over = scrolled
            .filter(|_| app.text_revision() == self.text_revision && ui::scrolled::can_draw(app));
        let drawn_over = match over {
            Some(lines) => {
                crate::wire::present_over(terminal, |f| ui::scrolled::draw(app, f, lines))?
            }
            None => false,
        };
        if drawn_over {
            #[cfg(debug_assertions)]
            check_drawn_over(terminal, app);
        } else {
            crate::wire::present(terminal, |f| ui::draw(app, f))?;
        }
        // Drawing reads the app and changes none of it.
        self.revision = app.revision();
        self.text_revision = app.text_revision();
        self.reader = reader;
        self.at = std::time::Instant::now();
        Ok(())
    }

    /// The terminal was resized, which clears it: the next frame is drawn on a blank
    /// screen.
    pub fn resized<W: Write>(&mut self, terminal: &mut Terminal<Wire<W>>) -> std::io::Result<()> {
        terminal.backend_mut().forget_screen()?;
        terminal.autoresize()?;
        Ok(())
    }
}

/// A frame drawn over the last one is the frame drawn whole, cell for cell.
#[cfg(debug_assertions)]
fn check_drawn_over<W: Write>(terminal: &Terminal<Wire<W>>, app: &App) {
    let shown = terminal.backend().screen().expect("a frame was sent");
    if let Some(difference) = ui::scrolled::differs_from_whole(app, shown) {
        panic!("the frame drawn over the last one differs on {difference}");
    }
}
