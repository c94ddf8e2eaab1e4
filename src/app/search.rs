//! `/` search in the current document: incremental, every match highlighted, `n`/`N` with a
//! count, Esc back to where the search started.

use std::ops::Range;

use super::jumps::Position;
use super::{App, Mode};
use crate::doc::BlockId;
use crate::index::text_search;

/// A search in the current document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextSearch {
    /// What the user typed.
    pub query: String,
    /// The document searched.
    pub doc: usize,
    /// Every match, in order.
    pub matches: Vec<(BlockId, Range<usize>)>,
    /// The match the reader is on.
    pub current: Option<usize>,
    /// Where the reader was when the search began (document, top line).
    origin: (usize, usize),
}

impl App {
    /// Starts a search at the bottom line.
    pub(super) fn open_search(&mut self) {
        self.mode = Mode::Search;
        self.search = Some(TextSearch {
            doc: self.doc,
            origin: (self.doc, self.top),
            ..TextSearch::default()
        });
    }

    /// Edits the query and moves to the first match from where the search began.
    pub(super) fn search_input(&mut self, edit: impl FnOnce(&mut String)) {
        let Some(search) = self.search.as_mut() else {
            return;
        };
        edit(&mut search.query);
        let doc = &self.docs[search.doc];
        search.matches = doc
            .blocks
            .iter()
            .enumerate()
            .flat_map(|(i, b)| {
                text_search::find(b.text(), &search.query)
                    .into_iter()
                    .map(move |r| (BlockId(i), r))
            })
            .collect();
        let origin_line = search.origin.1;
        let first = search
            .matches
            .iter()
            .position(|(b, _)| self.layout.block_start(*b) >= origin_line)
            .or((!search.matches.is_empty()).then_some(0));
        search.current = first;
        match first {
            Some(i) => {
                let block = search.matches[i].0;
                self.jump_to(self.layout.block_start(block));
            }
            None => self.top = origin_line.min(self.layout.lines.len().saturating_sub(1)),
        }
    }

    /// Enter: keep the matches and the position, and remember where the search began.
    pub(super) fn confirm_search(&mut self) {
        self.mode = Mode::Reader;
        let Some(search) = &self.search else { return };
        if search.matches.is_empty() {
            self.search = None;
            return;
        }
        let origin = Position {
            doc: search.origin.0,
            block: self.layout.block_at(search.origin.1),
        };
        self.jumps.record(origin);
    }

    /// Esc: back to where the search began, matches cleared.
    pub(super) fn cancel_search(&mut self) {
        self.mode = Mode::Reader;
        if let Some(search) = self.search.take() {
            self.top = search.origin.1;
            self.follow_position();
        }
    }

    /// `n` / `N`: the next or previous match, wrapping around, with its number shown.
    pub(super) fn next_search_match(&mut self, forward: bool) -> bool {
        let Some(search) = self.search.as_mut() else {
            return false;
        };
        if search.matches.is_empty() || search.doc != self.doc {
            return false;
        }
        let count = search.matches.len();
        let next = match search.current {
            Some(i) if forward => (i + 1) % count,
            Some(i) => (i + count - 1) % count,
            None => 0,
        };
        search.current = Some(next);
        let block = search.matches[next].0;
        let query = search.query.clone();
        self.record_jump();
        self.jump_to(self.layout.block_start(block));
        self.notify(format!("/{query}  {}/{count}", next + 1), false);
        true
    }

    /// The search matches in a block of the reader's document: (range, is the current one).
    pub fn search_marks(&self, block: BlockId) -> Vec<(Range<usize>, bool)> {
        let Some(search) = &self.search else {
            return Vec::new();
        };
        if search.doc != self.doc {
            return Vec::new();
        }
        // Matches are in document order: only the block's own run is looked at.
        let first = search.matches.partition_point(|(b, _)| *b < block);
        search.matches[first..]
            .iter()
            .take_while(|(b, _)| *b == block)
            .enumerate()
            .map(|(i, (_, r))| (r.clone(), Some(first + i) == search.current))
            .collect()
    }
}
