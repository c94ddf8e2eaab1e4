//! How well a candidate matches a query: first as one unbroken run (in the folded text, its
//! pinyin initials, or characters the query spells syllable by syllable), else as letters
//! scattered through it, scored with the skim algorithm.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem::Finder;

use super::Match;
use super::candidates::{Candidate, CandidateKind};
use crate::index::pinyin_match;

/// Score added when the query appears as one unbroken run (a substring of the text or of its
/// initials, or characters it spells): more than any scattered match can score, so every run
/// ranks above every scattered match and the quick first answer is the top of the complete one.
pub(super) const EXACT_BONUS: i64 = 1_000_000;
/// Score added to headings, so a heading beats a body match of the same score.
const HEADING_BONUS: i64 = 20;
/// Past this many cells (choice × query) the matcher uses its linear algorithm: only for
/// pathological texts (a single line of megabytes).
const MATCH_CELLS: usize = 1 << 20;

/// The matcher every search uses.
pub(super) fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default()
        .ignore_case()
        .element_limit(MATCH_CELLS)
}

/// What the quick first answer looks for, prepared once per query.
pub(super) struct Quick {
    query: String,
    finder: Finder<'static>,
    /// The skim score of the query as an unbroken run after each kind of character (the
    /// only thing that changes between its occurrences): the start of the text, a hard
    /// separator, a soft one, a digit, anything else.
    run_scores: [Option<i64>; 5],
    best_run: Option<i64>,
    spelled: Spelled,
}

impl Quick {
    /// The quick look for `query`.
    pub(super) fn new(query: &str, matcher: &SkimMatcherV2) -> Quick {
        // A character of each kind that is not in the query, so the score is the run's own.
        let before = |kind: &[char]| kind.iter().copied().find(|c| !query.contains(*c));
        let run_scores = [
            matcher.fuzzy_match(query, query),
            before(&[' ', '/', '|'])
                .and_then(|c| matcher.fuzzy_match(&format!("{c}{query}"), query)),
            before(&[',', '.', ':'])
                .and_then(|c| matcher.fuzzy_match(&format!("{c}{query}"), query)),
            before(&['0', '1', '2'])
                .and_then(|c| matcher.fuzzy_match(&format!("{c}{query}"), query)),
            before(&['丨', 'x', 'q'])
                .and_then(|c| matcher.fuzzy_match(&format!("{c}{query}"), query)),
        ];
        Quick {
            query: query.to_string(),
            finder: Finder::new(query.as_bytes()).into_owned(),
            best_run: run_scores.iter().flatten().max().copied(),
            run_scores,
            spelled: Spelled::new(query),
        }
    }

    /// The score of an occurrence of the query after `before` (`None` at the start).
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

/// The pinyin readings of a query, best first, each with a searcher for its initials: a
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

    /// The best run of the candidate's characters that spells one of the readings: its
    /// score, first character and length. Readings are tried best first and a reading's
    /// earliest run is taken, so the search stops as soon as no later one can score more.
    fn best_in(&self, c: &Candidate, query: &str) -> Option<(i64, usize, usize)> {
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
    /// The best place where the query appears unbroken in the folded text or, for a Latin
    /// query, in the pinyin initials (each occurrence is scored on itself and the character
    /// before it, which decides the skim bonus of its first character), or else the best run
    /// of characters it spells syllable by syllable; placed in its sentence.
    pub(super) fn quick_match(&self, id: u32, quick: &Quick, positions: bool) -> Option<Match> {
        let query = quick.query.as_str();
        let initials = self.initials.as_deref().filter(|_| spells_pinyin(query));
        let length = query.chars().count();
        // (score, first character) of the best occurrence.
        let mut best: Option<(i64, usize)> = None;
        'texts: for hay in std::iter::once(self.folded()).chain(initials) {
            let (mut chars_before, mut counted_to) = (0, 0);
            for at in quick.finder.find_iter(hay.as_bytes()) {
                chars_before += hay[counted_to..at].chars().count();
                counted_to = at;
                let Some(score) = quick.run_score(hay[..at].chars().next_back()) else {
                    continue;
                };
                if best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, chars_before));
                }
                if Some(score) == quick.best_run {
                    break 'texts;
                }
            }
        }
        let (score, run) = match best {
            Some((score, first)) => (score, first..first + length),
            None => {
                let (score, first, length) = quick.spelled.best_in(self, query)?;
                (score, first..first + length)
            }
        };
        let sentences = self.sentences();
        let sentence = sentences
            .iter()
            .position(|s| s.start <= run.start && run.end <= s.end);
        let offset = sentence.map_or(0, |n| sentences[n].start);
        let bonus = if self.kind == CandidateKind::Heading {
            HEADING_BONUS
        } else {
            0
        };
        Some(Match {
            candidate: id,
            sentence: sentence.and_then(|n| u32::try_from(n).ok()),
            score: score + EXACT_BONUS + bonus,
            run: true,
            chars: if positions {
                (run.start - offset..run.end - offset).collect()
            } else {
                Vec::new()
            },
        })
    }

    /// The best match of `query` in this candidate: for a paragraph, in its best sentence
    /// when one matches on its own.
    pub(super) fn best_match(
        &self,
        id: u32,
        matcher: &SkimMatcherV2,
        query: &str,
        positions: bool,
    ) -> Option<Match> {
        let initials = self.initials.as_deref().filter(|_| spells_pinyin(query));
        let whole = || {
            let (score, chars) = score(
                self.folded(),
                initials,
                self.kind,
                matcher,
                query,
                positions,
            )?;
            Some(Match {
                candidate: id,
                sentence: None,
                score,
                run: false,
                chars,
            })
        };
        if self.kind != CandidateKind::Paragraph {
            return whole();
        }
        // A paragraph: a quick look whether the letters are there at all, then the best
        // sentence, and the whole paragraph only when no single sentence matches.
        let present = is_subsequence(self.folded(), query)
            || initials.is_some_and(|i| {
                is_subsequence(i, query) || pinyin_match::could_spell(self.folded(), query)
            });
        if !present {
            return None;
        }
        let sentences = self.sentences();
        if sentences.is_empty() {
            return whole();
        }
        let folded_chars: Vec<usize> = self.folded().char_indices().map(|(i, _)| i).collect();
        let byte = |c: usize| folded_chars.get(c).copied().unwrap_or(self.folded().len());
        let mut best: Option<Match> = None;
        for (n, range) in sentences.iter().enumerate() {
            let part = &self.folded()[byte(range.start)..byte(range.end)];
            // Initials are ASCII, one byte per character: character ranges are byte ranges.
            let part_initials = initials.and_then(|i| i.get(range.clone()));
            if let Some((s, chars)) = score(
                part,
                part_initials,
                CandidateKind::Sentence,
                matcher,
                query,
                positions,
            ) && best.as_ref().is_none_or(|b| s > b.score)
            {
                best = Some(Match {
                    candidate: id,
                    sentence: u32::try_from(n).ok(),
                    score: s,
                    run: false,
                    chars,
                });
            }
        }
        best.or_else(whole)
    }
}

/// Whether a query could be pinyin: Latin letters (with digits or spaces perhaps). A query
/// without letters is matched on the text alone.
fn spells_pinyin(query: &str) -> bool {
    query.is_ascii() && query.bytes().any(|b| b.is_ascii_lowercase())
}

/// Whether every character of `needle` appears in `hay`, in order. Each character is looked
/// for with the standard library's vectorised search, so a text without the query's first
/// character is passed over at memory speed.
fn is_subsequence(hay: &str, needle: &str) -> bool {
    let mut rest = hay;
    for c in needle.chars() {
        match rest.find(c) {
            Some(at) => rest = &rest[at + c.len_utf8()..],
            None => return false,
        }
    }
    true
}

/// The score of `query` (already folded) against a folded text, and, when its pinyin
/// `initials` are given, against them and the syllables they begin, with the character
/// positions it matched when `positions` is set.
pub(super) fn score(
    folded: &str,
    initials: Option<&str>,
    kind: CandidateKind,
    matcher: &SkimMatcherV2,
    query: &str,
    positions: bool,
) -> Option<(i64, Vec<usize>)> {
    let run = |choice: &str| -> Option<(i64, Vec<usize>)> {
        // The matcher copies the text into characters before it looks: first a cheap check.
        if !is_subsequence(choice, query) {
            return None;
        }
        if positions {
            matcher.fuzzy_indices(choice, query)
        } else {
            matcher.fuzzy_match(choice, query).map(|s| (s, Vec::new()))
        }
    };
    let bonus = if kind == CandidateKind::Heading {
        HEADING_BONUS
    } else {
        0
    };
    // No unbroken run gets here (the quick answer has those), so no exact bonus either.
    let mut best: Option<(i64, Vec<usize>)> = run(folded);
    if let Some(initials) = initials {
        if let Some((s, chars)) = run(initials)
            && best.as_ref().is_none_or(|b| s > b.0)
        {
            best = Some((s, chars));
        }
        let spelled =
            pinyin_match::could_spell(folded, query).then(|| pinyin_match::spell(folded, query));
        if let Some((s, _, chars)) = spelled.flatten()
            && best.as_ref().is_none_or(|b| s > b.0)
        {
            best = Some((s, chars));
        }
    }
    best.map(|(s, chars)| (s + bonus, chars))
}
