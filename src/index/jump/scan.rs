//! A search's pass over the candidates: split between the cores, given up as soon as a newer
//! search makes it useless, and what it found ranked, the best with their highlights.

use fuzzy_matcher::skim::SkimMatcherV2;

use super::candidates::{Candidate, CandidateKind};
use super::terms::{Look, Matching};
use super::{Found, JumpIndex, Match, Query, SHOWN};

impl JumpIndex {
    /// Runs `check` over the candidates (those of `within`, or all), on every core.
    pub(super) fn scan(
        &self,
        within: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
        check: impl Fn(u32, &Candidate) -> Option<Match> + Sync,
    ) -> Option<Vec<Match>> {
        // In document order, so the candidates are read front to back.
        let ids: Vec<u32> = match within {
            Some(ids) => {
                let mut ids = ids.to_vec();
                ids.sort_unstable();
                ids
            }
            None => (0..u32::try_from(self.candidates.len()).unwrap_or(u32::MAX)).collect(),
        };
        let threads = crate::doc::on_every_core::cores().min(8);
        let chunk = ids.len().div_ceil(threads).max(1);
        let check = &check;
        let mut matches: Vec<Match> = Vec::new();
        let mut abandoned = false;
        std::thread::scope(|scope| {
            let workers: Vec<_> = ids
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        let mut found = Vec::new();
                        for (n, &id) in part.iter().enumerate() {
                            if n % 1024 == 0 && cancelled() {
                                return None;
                            }
                            if let Some(m) = check(id, &self.candidates[id as usize]) {
                                found.push(m);
                            }
                        }
                        Some(found)
                    })
                })
                .collect();
            for w in workers {
                match w.join().ok().flatten() {
                    Some(found) => matches.extend(found),
                    None => abandoned = true,
                }
            }
        });
        (!abandoned).then_some(matches)
    }

    /// Ranks the matches and works out the highlight of the best of them.
    pub(super) fn finish(
        &self,
        mut matches: Vec<Match>,
        query: &Query,
        matcher: &SkimMatcherV2,
        complete: bool,
    ) -> Found {
        // Best score first; on a tie a heading, then a sentence (more precise than a whole
        // paragraph), then earlier in the documents.
        let rank = |m: &Match| match self.candidates[m.candidate as usize].kind {
            CandidateKind::Heading => 0,
            CandidateKind::Paragraph if m.sentence.is_some() => 1,
            CandidateKind::Sentence | CandidateKind::Paragraph => 2,
            CandidateKind::Bookmark | CandidateKind::Note => 1,
            CandidateKind::Place | CandidateKind::Document | CandidateKind::Person => 3,
        };
        matches.sort_by_cached_key(|m| (std::cmp::Reverse(m.score), rank(m), m.candidate));
        let all: Vec<u32> = matches.iter().map(|m| m.candidate).collect();
        if !query.lists() {
            let matching = Matching::new(query, matcher);
            for m in matches.iter_mut().take(SHOWN) {
                let c = &self.candidates[m.candidate as usize];
                let look = if m.run { Look::Runs } else { Look::All };
                if let Some(with_positions) = c.matches(m.candidate, &matching, look, true) {
                    *m = with_positions;
                }
            }
        }
        Found {
            matches,
            all,
            complete,
        }
    }
}
