//! The jump palette: a query line, ranked matches from the jump worker, the selection, and
//! where Enter takes the reader.

use std::sync::Arc;

use super::focus::Focus;
use super::{App, Effect, Highlight};
use crate::index::jump::{Found, JumpIndex, Match, Query, Shown};
use crate::vocabulary::{Action, Mode};

/// Set in a match's candidate number when it is one of the user's bookmarks or notes (which
/// the app searches itself) rather than a candidate of the jump index.
const MARKED: u32 = 1 << 31;

/// The palette's state while it is open.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Palette {
    /// What the user typed.
    pub input: String,
    /// The latest request; answers to older ones are dropped.
    pub generation: u64,
    /// The results of the latest answered request.
    pub found: Found,
    /// Which request `found` answers.
    pub answered: u64,
    /// Whether the latest request is still being worked on (no answer yet, or only the
    /// quick first one).
    pub searching: bool,
    /// The selected result.
    pub selected: usize,
    /// The first result shown.
    pub offset: usize,
}

impl App {
    /// Opens the palette with an empty query (which lists the headings).
    pub(super) fn open_palette(&mut self) -> Vec<Effect> {
        self.focus = Focus::Palette;
        let generation = self.palette.generation + 1;
        self.palette = Palette {
            generation,
            ..Palette::default()
        };
        self.request_matches()
    }

    /// The jump index arrived from the background.
    pub(super) fn attach_jump_index(&mut self, index: Arc<JumpIndex>) -> Vec<Effect> {
        self.take_people(&index.people);
        self.take_cited(&index.cited);
        self.jump_index = Some(index);
        // A view that was waiting for them shows them now.
        match self.view {
            super::OutlineView::People => self.rebuild_people(),
            super::OutlineView::Documents => self.rebuild_documents(),
            _ => {}
        }
        if self.mode() == Mode::Palette {
            self.request_matches()
        } else {
            Vec::new()
        }
    }

    /// Results for a request; dropped when a newer request was made since. The complete
    /// answer that follows a quick first one keeps the selection where the user put it.
    /// Says whether they were taken.
    pub(super) fn receive_matches(&mut self, generation: u64, found: Found) -> bool {
        if generation != self.palette.generation {
            return false;
        }
        let refines = self.palette.answered == generation;
        self.palette.searching = !found.complete;
        self.palette.found = self.with_marks(found);
        self.palette.answered = generation;
        if refines {
            let last = self.palette.found.matches.len().saturating_sub(1);
            self.palette.selected = self.palette.selected.min(last);
            self.palette.offset = self.palette.offset.min(self.palette.selected);
        } else {
            self.palette.selected = 0;
            self.palette.offset = 0;
        }
        true
    }

    pub(super) fn palette_input(&mut self, edit: impl FnOnce(&mut String)) -> Vec<Effect> {
        let before = self.palette.input.clone();
        edit(&mut self.palette.input);
        if self.palette.input == before {
            return Vec::new();
        }
        self.palette.generation += 1;
        self.request_matches()
    }

    fn request_matches(&mut self) -> Vec<Effect> {
        if self.jump_index.is_none() {
            return Vec::new();
        }
        self.palette.searching = true;
        vec![Effect::FindMatches {
            generation: self.palette.generation,
            query: self.palette.input.clone(),
        }]
    }

    /// Adds the bookmarks and notes matching the palette's query to the worker's answer,
    /// ranked among its matches. They are few, so they are searched here.
    fn with_marks(&self, mut found: Found) -> Found {
        let query = Query::parse(&self.palette.input);
        let Some(marks) = self.marks_index.search(&query, None, &|| false) else {
            return found;
        };
        if marks.matches.is_empty() {
            return found;
        }
        found
            .matches
            .extend(marks.matches.into_iter().map(|m| Match {
                candidate: m.candidate | MARKED,
                ..m
            }));
        // Stable: the worker's order stands among equal scores.
        found.matches.sort_by_key(|m| std::cmp::Reverse(m.score));
        found
    }

    /// A result as it is shown, from the jump index or the user's bookmarks and notes.
    pub fn palette_shown(&self, m: &Match) -> Option<Shown<'_>> {
        if m.candidate & MARKED != 0 {
            let inner = Match {
                candidate: m.candidate & !MARKED,
                ..m.clone()
            };
            let shown = self.marks_index.shown(&inner);
            return Some(shown);
        }
        Some(self.jump_index.as_ref()?.shown(m))
    }

    /// Moves the selection by `delta` results.
    pub(super) fn palette_move(&mut self, delta: isize) {
        let count = self.palette.found.matches.len();
        if count == 0 {
            return;
        }
        let to = self
            .palette
            .selected
            .saturating_add_signed(delta)
            .min(count - 1);
        self.palette.selected = to;
    }

    /// Jumps to the selected result, recording the jump.
    pub(super) fn palette_go(&mut self) {
        let Some(c) = self
            .palette
            .found
            .matches
            .get(self.palette.selected)
            .and_then(|m| self.palette_shown(m))
        else {
            self.focus = Focus::Reader;
            return;
        };
        let (doc, block, range) = (c.doc, c.block, c.range.clone());
        self.record_jump();
        self.highlight = Some(Highlight { doc, block, range });
        self.focus = Focus::Reader;
        self.show_block(doc, Some(block));
    }
}

impl App {
    pub(super) fn palette_action(&mut self, action: Action) -> Vec<Effect> {
        let page = isize::try_from(self.size.1 / 2).unwrap_or(10);
        match action {
            Action::Close => self.focus = Focus::Reader,
            Action::Go => self.palette_go(),
            Action::Down => self.palette_move(1),
            Action::Up => self.palette_move(-1),
            Action::PageDown | Action::HalfPageDown => self.palette_move(page),
            Action::PageUp | Action::HalfPageUp => self.palette_move(-page),
            Action::Top => self.palette_move(isize::MIN / 2),
            Action::Bottom => self.palette_move(isize::MAX / 2),
            _ => {}
        }
        Vec::new()
    }
}
