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

/// Which matches to look for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Look {
    /// Only every term unbroken: the quick first answer.
    Runs,
    /// The candidates the quick answer did not find: a query of one word only spread out.
    Rest,
    /// Any match.
    All,
}

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
    /// How the candidate matches, as `look` says; with `positions`, the characters to
    /// highlight.
    pub(super) fn matches(
        &self,
        id: u32,
        m: &Matching,
        look: Look,
        positions: bool,
    ) -> Option<Match> {
        // A query of one word not found unbroken need not be looked for unbroken again.
        let runs = look != Look::Rest || m.all.len() > 1;
        // Nothing is allocated until every group has matched: most candidates match none.
        let (mut score, mut run) = (0, true);
        let (mut first, mut end) = (usize::MAX, 0);
        let mut chars: Vec<usize> = Vec::new();
        for group in &m.all {
            let hit = match group.as_slice() {
                // One word, the usual group: no hits compared.
                [t] => match runs.then(|| self.run_hit(t, positions)).flatten() {
                    Some(hit) => hit,
                    None if look != Look::Runs => self.spread_hit(t, m.matcher, positions)?,
                    None => return None,
                },
                _ => {
                    let mut best = None;
                    if runs {
                        for t in group {
                            best = Hit::best(best, self.run_hit(t, positions));
                        }
                    }
                    if best.is_none() && look != Look::Runs {
                        for t in group {
                            best = Hit::best(best, self.spread_hit(t, m.matcher, positions));
                        }
                    }
                    best?
                }
            };
            score += hit.score;
            run &= hit.run;
            first = first.min(hit.first);
            end = end.max(hit.end);
            if chars.is_empty() {
                chars = hit.chars;
            } else {
                chars.extend(hit.chars);
            }
        }
        if first > end || m.excludes(self) {
            return None;
        }
        let sentences = self.sentences();
        let sentence = sentences
            .iter()
            .position(|s| s.start <= first && end <= s.end);
        let offset = sentence.map_or(0, |n| sentences[n].start);
        for c in &mut chars {
            *c -= offset;
        }
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
            score: score + bonus,
            run,
            chars,
        })
    }
}
