//! The jump list: every jump (palette, outline, search, countries) records where the reader
//! was, and `Ctrl-o` / `Ctrl-i` walk back and forward through them, as in vim.

use super::App;
use crate::doc::BlockId;

/// A place in the documents the reader can return to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// The document.
    pub doc: usize,
    /// The block at the top of the reader.
    pub block: BlockId,
}

/// Positions before jumps, and where the user is among them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JumpList {
    positions: Vec<Position>,
    /// Index of the position being visited; `positions.len()` when not walking the list.
    cursor: usize,
}

/// The most positions kept.
const MAX: usize = 100;

impl JumpList {
    /// Records `from` before a jump; forward history is dropped.
    pub fn record(&mut self, from: Position) {
        self.positions.truncate(self.cursor);
        if self.positions.last() != Some(&from) {
            self.positions.push(from);
        }
        if self.positions.len() > MAX {
            self.positions.remove(0);
        }
        self.cursor = self.positions.len();
    }

    /// The position to go back to from `here`, if any.
    pub fn back(&mut self, here: Position) -> Option<Position> {
        if self.cursor == 0 {
            return None;
        }
        if self.cursor == self.positions.len() && self.positions.last() != Some(&here) {
            // Remember where the walk started, so forward can return to it.
            self.positions.push(here);
        }
        self.cursor -= 1;
        if self.positions[self.cursor] == here && self.cursor > 0 {
            self.cursor -= 1;
        }
        Some(self.positions[self.cursor])
    }

    /// The position to go forward to, if the user went back before.
    pub fn forward(&mut self) -> Option<Position> {
        if self.cursor + 1 >= self.positions.len() {
            return None;
        }
        self.cursor += 1;
        Some(self.positions[self.cursor])
    }
}

impl App {
    /// Records the reader's position before a jump.
    pub(super) fn record_jump(&mut self) {
        let here = self.position();
        self.jumps.record(here);
    }

    /// Where the reader is, for the jump list.
    pub(super) fn position(&self) -> Position {
        Position {
            doc: self.doc,
            block: self.current_block(),
        }
    }

    /// Goes back (or forward) through the jump list.
    pub(super) fn walk_jumps(&mut self, back: bool) {
        let target = if back {
            let here = self.position();
            self.jumps.back(here)
        } else {
            self.jumps.forward()
        };
        match target {
            Some(p) => self.show_block(p.doc, Some(p.block)),
            None => self.notify(
                if back {
                    "No earlier jump"
                } else {
                    "No later jump"
                },
                false,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(block: usize) -> Position {
        Position {
            doc: 0,
            block: BlockId(block),
        }
    }

    #[test]
    fn back_and_forward_like_vim() {
        let mut list = JumpList::default();
        list.record(at(1));
        list.record(at(5));
        // Now at 9 after two jumps.
        assert_eq!(list.back(at(9)), Some(at(5)));
        assert_eq!(list.back(at(5)), Some(at(1)));
        assert_eq!(list.back(at(1)), None);
        assert_eq!(list.forward(), Some(at(5)));
        assert_eq!(list.forward(), Some(at(9)));
        assert_eq!(list.forward(), None);
    }

    #[test]
    fn a_new_jump_drops_forward_history() {
        let mut list = JumpList::default();
        list.record(at(1));
        list.record(at(5));
        list.back(at(9));
        list.record(at(5));
        assert_eq!(list.forward(), None);
        assert_eq!(list.back(at(7)), Some(at(5)));
    }
}
