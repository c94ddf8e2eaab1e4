//! `/` search in the current document: incremental, every match highlighted, `n`/`N` with a
//! count, Esc back to where the search started.

use std::ops::Range;

use super::App;
use super::focus::Focus;
use super::jumps::Position;
use crate::doc::BlockId;
use crate::index::text_search;
use crate::vocabulary::{Action, Mode};

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
    /// Where the reader was when the search began: the document, the block at the top and
    /// how many lines into it (kept by block, so a resize meanwhile does not lose it).
    origin: (usize, BlockId, isize),
}

/// Every match of `query` in `doc`, in order.
pub(super) fn matches_in(doc: &crate::doc::Document, query: &str) -> Vec<(BlockId, Range<usize>)> {
    doc.blocks
        .iter()
        .enumerate()
        .flat_map(|(i, b)| {
            text_search::find(b.text(), query)
                .into_iter()
                .map(move |r| (BlockId(i), r))
        })
        .collect()
}

impl App {
    /// Starts a search at the bottom line.
    pub(super) fn open_search(&mut self) {
        self.focus = Focus::Search;
        let block = self.layout.block_at(self.top);
        // -1: the blank line above the block.
        let into = self.top as isize - self.layout.block_start(block) as isize;
        self.search = Some(TextSearch {
            doc: self.doc,
            origin: (self.doc, block, into),
            ..TextSearch::default()
        });
    }

    /// Edits the query and moves to the first match from where the search began.
    pub(super) fn search_input(&mut self, edit: impl FnOnce(&mut String)) {
        let Some(search) = self.search.as_mut() else {
            return;
        };
        edit(&mut search.query);
        search.matches = matches_in(&self.docs[search.doc], &search.query);
        let origin = search.origin;
        let first = search
            .matches
            .iter()
            .position(|(b, _)| *b >= origin.1)
            .or((!search.matches.is_empty()).then_some(0));
        search.current = first;
        match first {
            Some(i) => {
                let block = search.matches[i].0;
                self.jump_to(self.layout.block_start(block));
            }
            None => self.back_to(origin),
        }
    }

    /// Puts the reader back where a search began.
    fn back_to(&mut self, (_, block, into): (usize, BlockId, isize)) {
        self.jump_to(self.layout.block_start(block).saturating_add_signed(into));
    }

    /// Enter: keep the matches and the position, and remember where the search began.
    pub(super) fn confirm_search(&mut self) {
        self.focus = Focus::Reader;
        let Some(search) = &self.search else { return };
        if search.matches.is_empty() {
            self.search = None;
            return;
        }
        let origin = Position {
            doc: search.origin.0,
            block: search.origin.1,
        };
        let count = search.matches.len();
        self.jumps.record(origin);
        // `n` follows the search now: say so, or the filter's passages seem lost.
        if let Some(label) = self.filter_label() {
            let moving = self
                .match_keys()
                .unwrap_or_else(|| "Next match".to_string());
            let matches = if count == 1 { "match" } else { "matches" };
            let back = match self.keymap.hint_key(Mode::Reader, Action::Close) {
                Some(k) => format!("{k} clears it for the filter's ({label})"),
                None => format!("the filter ({label}) waits"),
            };
            self.notify(
                format!("{moving} move through the search's {count} {matches}; {back}"),
                false,
            );
        }
    }

    /// Esc in the reader: the search's matches cleared, so `n` follows the filter again.
    pub(super) fn clear_search(&mut self) {
        if self.search.take().is_none() {
            return;
        }
        let said = match self.filter_label() {
            Some(label) => format!("Search cleared · the filter's passages again ({label})"),
            None => "Search cleared".to_string(),
        };
        self.notify(said, false);
    }

    /// Esc: back to where the search began, matches cleared.
    pub(super) fn cancel_search(&mut self) {
        self.focus = Focus::Reader;
        if let Some(search) = self.search.take() {
            self.back_to(search.origin);
        }
    }

    /// `n` / `N`: the next or previous match from where the reader is (as in `less` and
    /// vim: after scrolling away, from the new place), wrapping around, with its number.
    pub(super) fn next_search_match(&mut self, forward: bool) -> bool {
        let Some(search) = self.search.as_ref() else {
            return false;
        };
        if search.matches.is_empty() || search.doc != self.doc {
            return false;
        }
        let count = search.matches.len();
        let line = |i: usize| self.layout.block_start(search.matches[i].0);
        let next = match search.current {
            // Still on the match last shown: the one after it, even in the same paragraph.
            Some(i) if line(i) == self.top && forward => (i + 1) % count,
            Some(i) if line(i) == self.top => (i + count - 1) % count,
            _ if forward => (0..count).find(|&i| line(i) > self.top).unwrap_or(0),
            _ => (0..count)
                .rev()
                .find(|&i| line(i) < self.top)
                .unwrap_or(count - 1),
        };
        let Some(search) = self.search.as_mut() else {
            return false;
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
