//! A whole query against one candidate: every group of terms must match (one of its terms),
//! no excluded term may, the candidate scores the sum of its terms, and a paragraph is shown
//! by the sentence that holds every term when one does.

use fuzzy_matcher::skim::SkimMatcherV2;

use super::Match;
use super::candidates::{Candidate, CandidateKind};
use super::query::Query;
use super::run::{Hit, Prepared};

/// Score added to headings, so a heading beats a body match of the same score.
const HEADING_BONUS: i64 = 20;

/// A query's terms, made ready to look for.
pub(super) struct Matching<'m> {
    all: Vec<Vec<Prepared>>,
    none: Vec<Prepared>,
    matcher: &'m SkimMatcherV2,
}

impl<'m> Matching<'m> {
    /// The terms of `query`.
    pub(super) fn new(query: &Query, matcher: &'m SkimMatcherV2) -> Matching<'m> {
        let prepare = |t| Prepared::new(t, matcher);
        Matching {
            all: query
                .all
                .iter()
                .map(|g| g.iter().map(prepare).collect())
                .collect(),
            none: query.none.iter().map(prepare).collect(),
            matcher,
        }
    }

    /// Whether a candidate holds an excluded term.
    pub(super) fn excludes(&self, c: &Candidate) -> bool {
        self.none.iter().any(|t| c.run_hit(t, false).is_some())
    }
}

impl Candidate {
    /// How the candidate matches: with `runs_only`, only when every term is one unbroken
    /// run (the quick first answer); with `positions`, the characters to highlight.
    pub(super) fn matches(
        &self,
        id: u32,
        m: &Matching,
        runs_only: bool,
        positions: bool,
    ) -> Option<Match> {
        let mut hits: Vec<Hit> = Vec::with_capacity(m.all.len());
        for group in &m.all {
            let mut best = None;
            for t in group {
                best = Hit::best(best, self.run_hit(t, positions));
            }
            if best.is_none() && !runs_only {
                for t in group {
                    best = Hit::best(best, self.spread_hit(t, m.matcher, positions));
                }
            }
            hits.push(best?);
        }
        if m.excludes(self) {
            return None;
        }
        let first = hits.iter().map(|h| h.first).min()?;
        let end = hits.iter().map(|h| h.end).max()?;
        let sentences = self.sentences();
        let sentence = sentences
            .iter()
            .position(|s| s.start <= first && end <= s.end);
        let offset = sentence.map_or(0, |n| sentences[n].start);
        let mut chars: Vec<usize> = hits
            .iter()
            .flat_map(|h| h.chars.iter().map(|c| c - offset))
            .collect();
        chars.sort_unstable();
        chars.dedup();
        let bonus = if self.kind == CandidateKind::Heading {
            HEADING_BONUS
        } else {
            0
        };
        Some(Match {
            candidate: id,
            sentence: sentence.and_then(|n| u32::try_from(n).ok()),
            score: hits.iter().map(|h| h.score).sum::<i64>() + bonus,
            run: hits.iter().all(|h| h.run),
            chars,
        })
    }
}
