//! Jump candidates and fuzzy matching: every heading and paragraph (with its sentences) of
//! the open documents and every place they name, matched with the skim algorithm on the
//! text, and for Chinese also on its pinyin and pinyin initials, so `zjw` finds 中吉乌.
//!
//! The candidates are built in `candidates` and a query is read in `query` (fzf's language:
//! terms that all match, `'exact`, `^start`, `end$`, `!not`, `a | b`). Each term is looked for
//! as a `run`, else `spread` out where that is plausible as typing; `terms` puts a query's
//! terms together on one candidate, and a search passes over them all in `scan`.

mod candidates;
mod query;
mod run;
mod scan;
mod spread;
mod terms;
#[cfg(test)]
mod tests;

use std::ops::Range;
use std::sync::Arc;

use super::countries::Countries;
use super::documents::Cited;
use super::gazetteer::Gazetteer;
use super::people::People;
use crate::doc::{BlockId, Document};
pub use candidates::CandidateKind;
use candidates::{
    Candidate, passage_candidates, place_candidates, place_text, text_candidates,
    title_and_people_candidates,
};
pub use query::{Anchor, Query, Term};
use run::matcher;
use terms::{Look, Matching};

/// How many of the best matches get their highlight positions computed.
pub const SHOWN: usize = 200;

/// A candidate that matches a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// Index into the index's candidates.
    pub candidate: u32,
    /// The sentence of a paragraph that matched best, if one did.
    pub sentence: Option<u32>,
    /// Higher is better.
    pub score: i64,
    /// Whether the query appears unbroken (in the text or its pinyin initials).
    pub run: bool,
    /// Character positions of the shown text to highlight (filled for the best matches only).
    pub chars: Vec<usize>,
}

/// A match as it is shown: what it is, where it is, its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown<'a> {
    /// Heading, paragraph, sentence or place.
    pub kind: CandidateKind,
    /// The document.
    pub doc: usize,
    /// The block to jump to.
    pub block: BlockId,
    /// The byte range of the block's text to highlight after the jump.
    pub range: Range<usize>,
    /// The section it is in.
    pub section: Option<BlockId>,
    /// The text shown.
    pub text: &'a str,
}

/// The outcome of a search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// The matches to show, best first.
    pub matches: Vec<Match>,
    /// Every matching candidate, for narrowing the next search.
    pub all: Vec<u32>,
    /// Whether every candidate was looked at; the quick first answer holds only the
    /// candidates where the query appears unbroken.
    pub complete: bool,
}

/// Every candidate of the open documents.
#[derive(Debug, Default)]
pub struct JumpIndex {
    candidates: Vec<Candidate>,
    /// The people the documents name, found for the candidates and kept for the People
    /// view (empty in an index of places or passages only).
    pub people: Arc<People>,
    /// The documents they cite, found for the candidates and kept for the Documents view
    /// (empty in an index of places or passages only).
    pub cited: Arc<Vec<Cited>>,
}

impl JumpIndex {
    /// Builds the candidates of the documents and of the places they name.
    pub fn build(docs: &[Document], countries: &Countries, gazetteer: &Gazetteer) -> JumpIndex {
        JumpIndex::with_places(docs, JumpIndex::of_places(docs, countries, gazetteer))
    }

    /// A candidate for every place the documents name, jumping to its first mention:
    /// countries, then regions, then organisations, each most mentioned first.
    pub fn of_places(docs: &[Document], countries: &Countries, gazetteer: &Gazetteer) -> JumpIndex {
        JumpIndex {
            candidates: place_candidates(docs, countries, gazetteer),
            ..Default::default()
        }
    }

    /// The headings and paragraphs of the documents, followed by `places` (from
    /// [`JumpIndex::of_places`]), the documents they cite and the people they name.
    pub fn with_places(docs: &[Document], places: JumpIndex) -> JumpIndex {
        let mut more = places.candidates;
        let (named, people, cited) = title_and_people_candidates(docs);
        more.extend(named);
        JumpIndex {
            candidates: text_candidates(docs, more),
            people: Arc::new(people),
            cited: Arc::new(cited),
        }
    }

    /// Headings and paragraphs of the documents, built on every core.
    pub fn of_text(docs: &[Document]) -> JumpIndex {
        JumpIndex {
            candidates: text_candidates(docs, Vec::new()),
            ..Default::default()
        }
    }

    /// Candidates for passages the user marked: (kind, document, block, text shown and
    /// matched). Each jumps to its block, in the section that holds it.
    pub fn of_passages(
        docs: &[Document],
        passages: impl IntoIterator<Item = (CandidateKind, usize, BlockId, String)>,
    ) -> JumpIndex {
        JumpIndex {
            candidates: passage_candidates(docs, passages),
            ..Default::default()
        }
    }

    /// Whether any place of the gazetteer could match `query`: when none can, the places
    /// need not be looked for at all.
    pub fn places_could_match(gazetteer: &Gazetteer, query: &Query) -> bool {
        if query.kind == Some(CandidateKind::Place) {
            return true;
        }
        if query.kind.is_some() || query.lists() {
            return false;
        }
        let matcher = matcher();
        let matching = Matching::new(query, &matcher);
        gazetteer.places.iter().any(|p| {
            Candidate::of_text(CandidateKind::Place, &place_text(p))
                .matches(0, &matching, Look::All, false)
                .is_some()
        })
    }

    /// Adds a candidate for every place the documents name, jumping to its first mention,
    /// every document they cite and every person they name.
    pub fn add_places(&mut self, docs: &[Document], countries: &Countries, gazetteer: &Gazetteer) {
        let mut places = place_candidates(docs, countries, gazetteer);
        let (named, people, cited) = title_and_people_candidates(docs);
        places.extend(named);
        self.people = Arc::new(people);
        self.cited = Arc::new(cited);
        self.candidates.reserve_exact(places.len());
        self.candidates.extend(places);
    }

    /// How many candidates there are.
    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    /// A match as it is shown (its sentence, for a paragraph whose sentence matched).
    pub fn shown(&self, m: &Match) -> Shown<'_> {
        self.candidates[m.candidate as usize].shown(m.sentence)
    }

    /// The candidates matching `query`, best first. `within` limits the search to earlier
    /// matches (the query grew by a letter); `cancelled` is asked now and then, and a `None`
    /// result means the search was abandoned for a newer one.
    pub fn search(
        &self,
        query: &Query,
        within: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Found> {
        let runs = self.search_runs(query, within, cancelled)?;
        if runs.complete {
            return Some(runs);
        }
        self.search_rest(query, within, &runs, cancelled)
    }

    /// The first, quick answer: the candidates that hold every term as one unbroken run (a
    /// substring of the text or of its pinyin initials, or characters it spells syllable by
    /// syllable). These outrank every spread-out match, so the top of the list is usually
    /// right before [`JumpIndex::search_rest`] completes it.
    /// A query of no terms (headings, or everything of a kind) or of exact terms only is
    /// answered completely.
    pub fn search_runs(
        &self,
        query: &Query,
        within: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Found> {
        let matcher = matcher();
        let matching = Matching::new(query, &matcher);
        let matches = self.scan(within, cancelled, |id, c| {
            if query.kind.is_some_and(|k| k != c.kind) {
                return None;
            }
            if query.lists() {
                let listed = query.kind.is_some() || c.kind == CandidateKind::Heading;
                return (listed && !matching.excludes(c)).then_some(Match {
                    candidate: id,
                    sentence: None,
                    score: 0,
                    run: false,
                    chars: Vec::new(),
                });
            }
            c.matches(id, &matching, Look::Runs, false)
        })?;
        Some(self.finish(matches, query, &matcher, query.lists() || query.exact()))
    }

    /// Completes the quick answer `runs` of [`JumpIndex::search_runs`] with every plausible
    /// spread-out match.
    pub fn search_rest(
        &self,
        query: &Query,
        within: Option<&[u32]>,
        runs: &Found,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Found> {
        let matcher = matcher();
        let matching = Matching::new(query, &matcher);
        let mut found_already = vec![false; self.candidates.len()];
        for &id in &runs.all {
            found_already[id as usize] = true;
        }
        let mut matches = self.scan(within, cancelled, |id, c| {
            if found_already[id as usize] || query.kind.is_some_and(|k| k != c.kind) {
                return None;
            }
            c.matches(id, &matching, Look::Rest, false)
        })?;
        matches.extend(runs.matches.iter().cloned());
        Some(self.finish(matches, query, &matcher, true))
    }
}
