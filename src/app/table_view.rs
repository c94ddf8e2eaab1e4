//! The table view: one table full-screen, its header kept at the top, panned column by column
//! (`h`/`l`) and scrolled row by row; for tables too wide for the reader.

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use super::table::{MORE, leading, measure};
use super::{App, Mode};
use crate::app::action::Action;
use crate::doc::BlockKind;

/// The widest a column is drawn in the table view: longer cells wrap.
pub const MAX_COLUMN: usize = 48;

/// A table shown full-screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableView {
    /// The document.
    pub doc: usize,
    /// The table's rows, as block indexes.
    pub rows: Range<usize>,
    /// How many of its first rows are headers (kept at the top).
    pub header_rows: usize,
    /// Each column's natural width.
    pub natural: Vec<usize>,
    /// The first column shown.
    pub left: usize,
    /// The first body row shown (0: the row after the header).
    pub top: usize,
}

impl TableView {
    /// How many body rows the table has.
    pub fn body_rows(&self) -> usize {
        self.rows.len() - self.header_rows
    }

    /// The columns shown in `width` cells (the marker's room kept) and their widths: the first column always (it
    /// names the row), then those from the first panned to, as many as fit.
    pub fn shown(&self, width: usize) -> (Vec<usize>, Vec<usize>) {
        let mut columns: Vec<usize> = Vec::new();
        let mut natural: Vec<usize> = Vec::new();
        if self.left > 0 {
            columns.push(0);
            natural.push(self.natural[0]);
        }
        for c in self.left.min(self.natural.len())..self.natural.len() {
            columns.push(c);
            natural.push(self.natural[c]);
        }
        let widths = leading(&natural, width.saturating_sub(MORE.width()), MAX_COLUMN);
        columns.truncate(widths.len());
        (columns, widths)
    }
}

impl App {
    /// `Enter` on a table row: the table full-screen, the row at the top.
    pub(super) fn open_table(&mut self, row: usize) -> bool {
        let Some(shape) = self.layout.table_of(crate::doc::BlockId(row)) else {
            return false;
        };
        let blocks = &self.docs[self.doc].blocks;
        let rows = shape.rows.clone();
        let header_rows = blocks[rows.clone()]
            .iter()
            .take_while(|b| matches!(b.kind, BlockKind::TableRow { header: true }))
            .count();
        let (natural, _) = measure(&blocks[rows.clone()]);
        self.table = Some(TableView {
            doc: self.doc,
            top: (row - rows.start).saturating_sub(header_rows),
            rows,
            header_rows,
            natural,
            left: 0,
        });
        self.mode = Mode::Table;
        true
    }

    /// Keys in the table view.
    pub(super) fn table_action(&mut self, action: Action) {
        let page = usize::from(self.size.1.saturating_sub(4)).max(1);
        let Some(view) = self.table.as_mut() else {
            self.mode = Mode::Reader;
            return;
        };
        let last_row = view.body_rows().saturating_sub(1);
        let last_column = view.natural.len().saturating_sub(1);
        match action {
            Action::Close => {
                self.table = None;
                self.mode = Mode::Reader;
            }
            Action::PanLeft => view.left = view.left.saturating_sub(1),
            Action::PanRight => view.left = (view.left + 1).min(last_column),
            Action::Down => view.top = (view.top + 1).min(last_row),
            Action::Up => view.top = view.top.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => view.top = (view.top + page).min(last_row),
            Action::PageUp | Action::HalfPageUp => view.top = view.top.saturating_sub(page),
            Action::Top => view.top = 0,
            Action::Bottom => view.top = last_row,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(natural: Vec<usize>, left: usize) -> TableView {
        TableView {
            doc: 0,
            rows: 0..3,
            header_rows: 1,
            natural,
            left,
            top: 0,
        }
    }

    #[test]
    fn columns_from_the_first_shown_fill_the_width() {
        let v = view(vec![10, 20, 30, 100], 0);
        assert_eq!(v.shown(82), (vec![0, 1, 2], vec![10, 20, 30]));
        // Panned: the first column kept, then those from the one panned to.
        let panned = view(vec![10, 20, 30, 100], 3);
        assert_eq!(panned.shown(82), (vec![0, 3], vec![10, MAX_COLUMN]));
        // A column wider than the screen still shows, cut to it.
        assert_eq!(view(vec![300], 0).shown(22), (vec![0], vec![20]));
        assert_eq!(v.body_rows(), 2);
    }
}
