//! One term of a query found as one unbroken run in a candidate: a substring of its folded
//! text or, for Latin letters, of its pinyin initials (`zjw` in 中吉乌), or characters the term
//! spells syllable by syllable (`tielu`, `zhongjw`). A run outranks every spread-out match.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem::Finder;

use super::candidates::Candidate;
use super::query::{Anchor, Term};
use crate::index::pinyin_match;

/// Score added when a term appears as one unbroken run: more than any spread-out match can
/// score, so every run ranks above every spread-out match and the quick first answer is the
/// top of the complete one.
pub(super) const EXACT_BONUS: i64 = 1_000_000;
/// Past this many cells (choice × query) the matcher uses its linear algorithm: only for
/// pathological texts (a single line of megabytes).
const MATCH_CELLS: usize = 1 << 20;

/// The matcher every search uses.
pub(super) fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default()
        .ignore_case()
        .element_limit(MATCH_CELLS)
}

/// Where and how well a term matched a candidate, in characters of its whole text.
#[derive(Clone, Debug)]
pub(super) struct Hit {
    /// Higher is better.
    pub(super) score: i64,
    /// Whether it is one unbroken run.
    pub(super) run: bool,
    /// The first character matched.
    pub(super) first: usize,
    /// Just past the last character matched.
    pub(super) end: usize,
    /// The characters matched (when positions were asked for).
    pub(super) chars: Vec<usize>,
}

impl Hit {
    /// The better of two hits.
    pub(super) fn best(a: Option<Hit>, b: Option<Hit>) -> Option<Hit> {
        match (a, b) {
            (Some(a), Some(b)) => Some(if b.score > a.score { b } else { a }),
            (a, b) => a.or(b),
        }
    }
}

/// A term made ready to look for, once per query.
pub(super) struct Prepared {
    /// The term.
    pub(super) term: Term,
    finder: Finder<'static>,
    /// The skim score of the term as an unbroken run after each kind of character (the
    /// only thing that changes between its occurrences): the start of the text, a hard
    /// separator, a soft one, a digit, anything else.
    run_scores: [Option<i64>; 5],
    best_run: Option<i64>,
    spelled: Spelled,
}

impl Prepared {
    /// `term`, ready to look for.
    pub(super) fn new(term: &Term, matcher: &SkimMatcherV2) -> Prepared {
        let query = term.text.as_str();
        // A character of each kind that is not in the term, so the score is the run's own.
        let before = |kind: &[char]| kind.iter().copied().find(|c| !query.contains(*c));
        let after = |c: char| matcher.fuzzy_match(&format!("{c}{query}"), query);
        let run_scores = [
            matcher.fuzzy_match(query, query),
            before(&[' ', '/', '|']).and_then(after),
            before(&[',', '.', ':']).and_then(after),
            before(&['0', '1', '2']).and_then(after),
            before(&['丨', 'x', 'q']).and_then(after),
        ];
        Prepared {
            term: term.clone(),
            finder: Finder::new(query.as_bytes()).into_owned(),
            best_run: run_scores.iter().flatten().max().copied(),
            run_scores,
            spelled: Spelled::new(query),
        }
    }

    /// The score of an occurrence of the term after `before` (`None` at the start).
    fn run_score(&self, before: Option<char>) -> Option<i64> {
        let kind = match before {
            None => 0,
            Some(' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}') => 1,
            Some('!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~') => 2,
            Some('0'..='9') => 3,
            Some(_) => 4,
        };
        self.run_scores[kind]
    }
}

/// The pinyin readings of a term, best first, each with a searcher for its initials: a
/// text's initials are searched and only the places found are spelled out.
struct Spelled {
    readings: Vec<(Finder<'static>, pinyin_match::Reading, i64)>,
    /// All the readings' initials at once: most texts hold none, and one pass says so.
    any: Option<aho_corasick::AhoCorasick>,
}

impl Spelled {
    fn new(query: &str) -> Spelled {
        let mut readings: Vec<_> = pinyin_match::readings(query)
            .into_iter()
            .map(|r| {
                let best = r.score(query, r.len());
                (Finder::new(r.initials.as_bytes()).into_owned(), r, best)
            })
            .collect();
        readings.sort_by_key(|(_, _, best)| std::cmp::Reverse(*best));
        let any = (!readings.is_empty())
            .then(|| aho_corasick::AhoCorasick::new(readings.iter().map(|(f, _, _)| f.needle())))
            .and_then(Result::ok);
        Spelled { readings, any }
    }

    /// The best run of the candidate's characters that spells one of the readings and that
    /// `fits` (first character, length): its score, first character and length. Readings are
    /// tried best first and a reading's earliest run is taken, so the search stops as soon as
    /// no later one can score more.
    fn best_in(
        &self,
        c: &Candidate,
        query: &str,
        fits: impl Fn(usize, usize) -> bool,
    ) -> Option<(i64, usize, usize)> {
        let initials = c.initials.as_deref()?;
        if !self.any.as_ref()?.is_match(initials) {
            return None;
        }
        let mut best: Option<(i64, usize, usize)> = None;
        for (finder, reading, most) in &self.readings {
            if best.is_some_and(|(b, _, _)| b >= *most) {
                break;
            }
            let mut chars = c.folded().chars();
            let mut at = 0;
            for hit in finder.find_iter(initials.as_bytes()) {
                if hit > at {
                    chars.nth(hit - at - 1);
                    at = hit;
                }
                if !fits(hit, reading.len()) {
                    continue;
                }
                if let Some(full) = reading.fits(chars.clone()) {
                    let score = reading.score(query, full);
                    if best.is_none_or(|(b, _, _)| score > b) {
                        best = Some((score, hit, reading.len()));
                    }
                    break;
                }
            }
        }
        best
    }
}

impl Candidate {
    /// The best place where the term appears unbroken, where its anchor allows: in the
    /// folded text or, for Latin letters, in the pinyin initials (each occurrence is scored on
    /// itself and the character before it, which decides the skim bonus of its first
    /// character), or else the best run of characters it spells syllable by syllable.
    pub(super) fn run_hit(&self, t: &Prepared, positions: bool) -> Option<Hit> {
        let query = t.term.text.as_str();
        let anchor = t.term.anchor;
        let initials = self.initials.as_deref().filter(|_| spells_pinyin(query));
        let length = query.chars().count();
        // The characters before the text's trailing spaces, for a term that must end it.
        let ends_at = |hay: &str| hay.trim_end().chars().count();
        // (score, first character) of the best occurrence.
        let mut best: Option<(i64, usize)> = None;
        'texts: for hay in std::iter::once(self.folded()).chain(initials) {
            let lead = if anchor == Anchor::Start {
                hay.len() - hay.trim_start().len()
            } else {
                0
            };
            let end = (anchor == Anchor::End).then(|| ends_at(hay));
            let (mut chars_before, mut counted_to) = (0, 0);
            for at in t.finder.find_iter(hay.as_bytes()) {
                if anchor == Anchor::Start && at != lead {
                    break;
                }
                chars_before += hay[counted_to..at].chars().count();
                counted_to = at;
                if end.is_some_and(|e| chars_before + length != e) {
                    continue;
                }
                let Some(score) = t.run_score(hay[..at].chars().next_back()) else {
                    continue;
                };
                if best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, chars_before));
                }
                if Some(score) == t.best_run && anchor != Anchor::End {
                    break 'texts;
                }
            }
        }
        let (score, first, length) = match best {
            Some((score, first)) => (score, first, length),
            None if anchor == Anchor::Anywhere => t.spelled.best_in(self, query, |_, _| true)?,
            None => {
                let lead = self
                    .folded()
                    .chars()
                    .take_while(|c| c.is_whitespace())
                    .count();
                let end = ends_at(self.folded());
                t.spelled.best_in(self, query, |first, len| match anchor {
                    Anchor::Start => first == lead,
                    _ => end == first + len,
                })?
            }
        };
        Some(Hit {
            score: score + EXACT_BONUS,
            run: true,
            first,
            end: first + length,
            chars: if positions {
                (first..first + length).collect()
            } else {
                Vec::new()
            },
        })
    }
}

/// Whether a term could be pinyin: Latin letters (with digits perhaps). A term without
/// letters is matched on the text alone.
pub(super) fn spells_pinyin(query: &str) -> bool {
    query.is_ascii() && query.bytes().any(|b| b.is_ascii_lowercase())
}
