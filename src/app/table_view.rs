//! The table view: one table full-screen, its header kept at the top, panned column by column
//! (`h`/`l`) and scrolled row by row; for tables too wide for the reader.

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use super::focus::Focus;
use super::table::{GUTTER, MORE, TableShape, leading, measure};
use super::{App, Effect};
use crate::doc::{Block, BlockKind};
use crate::vocabulary::Action;

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
    /// How many columns after the first are panned out of view (the first always shows: it
    /// names the row).
    pub left: usize,
    /// The first body row shown (0: the row after the header).
    pub top: usize,
    /// How many lines of that row are scrolled past (a row taller than the screen).
    pub skip: usize,
}

impl TableView {
    /// How many body rows the table has.
    pub fn body_rows(&self) -> usize {
        self.rows.len() - self.header_rows
    }

    /// The columns shown in `width` cells (the marker's room kept) and their widths: the
    /// first column, then those after the ones panned past, as many as fit; the last one
    /// shown takes the room left when no other fits beside it.
    pub fn shown(&self, width: usize) -> (Vec<usize>, Vec<usize>) {
        let columns: Vec<usize> = (0..self.natural.len().min(1))
            .chain((1 + self.left).min(self.natural.len())..self.natural.len())
            .collect();
        let natural: Vec<usize> = columns.iter().map(|&c| self.natural[c]).collect();
        let room = width.saturating_sub(MORE.width());
        let mut widths = leading(&natural, room, MAX_COLUMN);
        let used: usize = widths.iter().sum::<usize>() + GUTTER * widths.len().saturating_sub(1);
        if let Some(last) = widths.len().checked_sub(1) {
            let more = natural[last].saturating_sub(widths[last]);
            widths[last] += more.min(room.saturating_sub(used));
        }
        let mut columns = columns;
        columns.truncate(widths.len());
        (columns, widths)
    }

    /// The furthest the view pans: the last column shown beside the first.
    pub fn max_left(&self) -> usize {
        self.natural.len().saturating_sub(2)
    }

    /// The top body row's height in lines, and the lines a screen of `size` has for body
    /// rows.
    fn row_room(&self, blocks: &[Block], size: (u16, u16)) -> (usize, usize) {
        let width = usize::from(size.0.saturating_sub(2));
        let (shown, widths) = self.shown(width);
        let shape = TableShape::panned(self.rows.clone(), shown, widths, self.natural.len());
        let header: usize = (self.rows.start..self.rows.start + self.header_rows)
            .map(|r| shape.height(&blocks[r]))
            .sum::<usize>()
            + usize::from(self.header_rows > 0);
        let row = self.rows.start + self.header_rows + self.top;
        let height = blocks.get(row).map_or(1, |b| shape.height(b));
        let room = usize::from(size.1.saturating_sub(1))
            .saturating_sub(header)
            .max(1);
        (height, room)
    }

    /// Moves the view for a key, on a screen of `size`; says what else the key asks for.
    pub fn update(&mut self, action: Action, blocks: &[Block], size: (u16, u16)) -> TableReply {
        let page = usize::from(size.1.saturating_sub(4)).max(1);
        let last_row = self.body_rows().saturating_sub(1);
        match action {
            Action::Close => return TableReply::Close,
            Action::Copy => return TableReply::CopyRow,
            Action::PanLeft => self.left = self.left.saturating_sub(1),
            Action::PanRight => {
                // Not past the point where the last column is on screen.
                let width = usize::from(size.0.saturating_sub(2));
                let last_shown = self.shown(width).0.last().copied().unwrap_or(0);
                if last_shown + 1 < self.natural.len() {
                    self.left = (self.left + 1).min(self.max_left());
                }
            }
            Action::Down => {
                // Through a row taller than the screen line by line, then to the next row.
                let (height, room) = self.row_room(blocks, size);
                if height > room + self.skip {
                    self.skip += 1;
                } else if self.top < last_row {
                    self.top += 1;
                    self.skip = 0;
                }
            }
            Action::Up if self.skip > 0 => self.skip -= 1,
            Action::Up => self.top = self.top.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => {
                self.top = (self.top + page).min(last_row);
                self.skip = 0;
            }
            Action::PageUp | Action::HalfPageUp => {
                self.top = self.top.saturating_sub(page);
                self.skip = 0;
            }
            Action::Top => (self.top, self.skip) = (0, 0),
            Action::Bottom => (self.top, self.skip) = (last_row, 0),
            _ => {}
        }
        TableReply::Stay
    }
}

/// What a key in the table view asks for beyond moving it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableReply {
    /// Nothing: the view moved, or the key means nothing here.
    Stay,
    /// Close the view.
    Close,
    /// Copy the top row.
    CopyRow,
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
        self.focus = Focus::Table(TableView {
            doc: self.doc,
            top: (row - rows.start).saturating_sub(header_rows),
            rows,
            header_rows,
            natural,
            left: 0,
            skip: 0,
        });
        true
    }

    /// Keys in the table view: the view moves itself; closing it and copying a row are the
    /// app's.
    pub(super) fn table_action(&mut self, action: Action) -> Vec<Effect> {
        let size = self.size;
        let Focus::Table(view) = &mut self.focus else {
            return Vec::new();
        };
        match view.update(action, &self.docs[view.doc].blocks, size) {
            TableReply::Stay => Vec::new(),
            TableReply::Close => {
                self.take_table();
                Vec::new()
            }
            TableReply::CopyRow => {
                let view = view.clone();
                self.copy_table_row(&view)
            }
        }
    }

    /// `y` in the table view: the top row, as a Markdown table row under its header.
    fn copy_table_row(&self, view: &TableView) -> Vec<Effect> {
        let row = view.rows.start + view.header_rows + view.top;
        let blocks = &self.docs[view.doc].blocks;
        let Some(text) = crate::doc::table::row_as_markdown(blocks, row) else {
            return Vec::new();
        };
        let cite = self.citation(view.doc, Some(crate::doc::BlockId(row)));
        let first = blocks[row]
            .text()
            .split(crate::doc::table::CELL_SEPARATOR)
            .next();
        vec![Effect::Copy {
            what: format!("the row “{}”", first.unwrap_or("").trim()),
            text: format!("{text}\n— {cite}"),
        }]
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
            skip: 0,
        }
    }

    #[test]
    fn columns_from_the_first_shown_fill_the_width() {
        let v = view(vec![10, 20, 30, 100], 0);
        assert_eq!(v.shown(82), (vec![0, 1, 2], vec![10, 20, 30]));
        // Panned past two: the first column kept, then the fourth, given the room left.
        let panned = view(vec![10, 20, 30, 100], 2);
        assert_eq!(panned.max_left(), 2);
        assert_eq!(panned.shown(82), (vec![0, 3], vec![10, 67]));
        // A column wider than the screen still shows, cut to it.
        assert_eq!(view(vec![300], 0).shown(22), (vec![0], vec![20]));
        assert_eq!(v.body_rows(), 2);
    }
}
