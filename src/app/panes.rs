//! Where the panes are: the outline pane's width, the reader's text area inside its margins,
//! and the rows each has. Keys (a page is the reader's height) and drawing use the same
//! figures.

use super::App;

/// Terminals narrower than this start with the outline pane hidden.
pub const NARROW_WIDTH: u16 = 80;

/// Blank columns on each side of the reader's text.
pub const READER_MARGIN: u16 = 1;

impl App {
    /// The outline pane's width, when shown.
    pub fn outline_width(&self) -> u16 {
        if !self.outline_visible {
            return 0;
        }
        (self.size.0 / 3)
            .clamp(20, 40)
            .min(self.size.0.saturating_sub(20))
    }

    /// The width and height of the reader's text (the status line takes the last row).
    pub fn reader_size(&self) -> (u16, u16) {
        let separator = u16::from(self.outline_visible);
        let width = self
            .size
            .0
            .saturating_sub(self.outline_width() + separator + 2 * READER_MARGIN)
            .max(1);
        (width, self.size.1.saturating_sub(1).max(1))
    }

    /// The rows the outline pane has for its entries (its title takes the first).
    pub fn outline_rows(&self) -> u16 {
        self.reader_size().1.saturating_sub(1).max(1)
    }
}
