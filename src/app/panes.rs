//! Where the panes are: the outline pane, the separator, the reader (and its text inside the
//! margins) and the status line. Keys (a page is the reader's height) and drawing use these
//! same rectangles.

use ratatui::layout::Rect;

use super::App;

/// Terminals narrower than this start with the outline pane hidden.
pub const NARROW_WIDTH: u16 = 80;

/// Blank columns on each side of the reader's text.
pub const READER_MARGIN: u16 = 1;

/// The screen cut into panes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panes {
    /// The outline pane, when shown.
    pub outline: Option<Rect>,
    /// The column between the outline and the reader, when the outline is shown.
    pub separator: Option<Rect>,
    /// The reader, margins included.
    pub reader: Rect,
    /// The reader's text, inside its margins.
    pub text: Rect,
    /// The status line, the last row.
    pub status: Rect,
}

impl App {
    /// The outline pane's width, when shown.
    pub fn outline_width(&self) -> u16 {
        if !self.outline_visible {
            return 0;
        }
        super::outline_width::columns(self.outline_share, self.size.0)
    }

    /// The screen cut into panes at the terminal's size.
    pub fn panes(&self) -> Panes {
        let (width, height) = self.size;
        let main = Rect::new(0, 0, width, height.saturating_sub(1));
        let status = Rect::new(0, main.height, width, height.min(1));
        let outline_width = self.outline_width();
        let (outline, separator, reader) = if outline_width > 0 {
            let left = Rect {
                width: outline_width,
                ..main
            };
            let separator = Rect {
                x: outline_width,
                width: 1,
                ..main
            };
            let reader = Rect {
                x: outline_width + 1,
                width: width.saturating_sub(outline_width + 1),
                ..main
            };
            (Some(left), Some(separator), reader)
        } else {
            (None, None, main)
        };
        let margin = READER_MARGIN.min(reader.width / 4);
        let text = Rect {
            x: reader.x + margin,
            width: reader.width.saturating_sub(2 * margin),
            ..reader
        };
        Panes {
            outline,
            separator,
            reader,
            text,
            status,
        }
    }

    /// The width and height of the reader's text (at least one of each).
    pub fn reader_size(&self) -> (u16, u16) {
        let text = self.panes().text;
        (text.width.max(1), text.height.max(1))
    }

    /// The rows the outline pane has for its entries (its title takes the first).
    pub fn outline_rows(&self) -> u16 {
        self.reader_size().1.saturating_sub(1).max(1)
    }
}
