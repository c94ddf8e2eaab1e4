//! Jump candidates and fuzzy matching: every heading and paragraph (with its sentences) of
//! the open documents and every place they name, matched with the skim algorithm on the
//! text, and for Chinese also on its pinyin and pinyin initials, so `zjw` finds 中吉乌.

use std::ops::Range;
use std::sync::Arc;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem::Finder;

use super::countries::{Countries, CountryOrder};
use super::gazetteer::{Gazetteer, PlaceKind};
use super::pinyin_key::{fold, fold_char};
use super::pinyin_match;
use crate::doc::on_every_core::in_parts;
use crate::doc::sentences::sentences;
use crate::doc::{Block, BlockId, BlockKind, Document};

/// Score added when the query appears as one unbroken run (a substring of the text or of its
/// initials, or characters it spells): more than any scattered match can score, so every run
/// ranks above every scattered match and the quick first answer is the top of the complete one.
const EXACT_BONUS: i64 = 1_000_000;
/// Score added to headings, so a heading beats a body match of the same score.
const HEADING_BONUS: i64 = 20;
/// How many of the best matches get their highlight positions computed.
pub const SHOWN: usize = 200;
/// Past this many cells (choice × query) the matcher uses its linear algorithm: only for
/// pathological texts (a single line of megabytes).
const MATCH_CELLS: usize = 1 << 20;

/// How many blocks' candidates are built at once (on every core) before they join the list.
const CANDIDATES_AT_ONCE: usize = 32 * 1024;

/// What a candidate is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CandidateKind {
    /// A section heading.
    Heading,
    /// A whole paragraph (or list item, quote...).
    Paragraph,
    /// One sentence of a paragraph that has several.
    Sentence,
    /// A country, region or organisation (jumps to its first mention).
    Place,
    /// A bookmarked paragraph.
    Bookmark,
    /// A note, with the passage it is on.
    Note,
}

impl CandidateKind {
    /// The mark shown before a result.
    pub fn symbol(self) -> &'static str {
        match self {
            CandidateKind::Heading => "#",
            CandidateKind::Paragraph => "¶",
            CandidateKind::Sentence => "·",
            CandidateKind::Place => "@",
            CandidateKind::Bookmark => "'",
            CandidateKind::Note => "!",
        }
    }
}

/// Something the palette can jump to: a heading, a paragraph (whose sentences are matched
/// too), or a place. A large library holds hundreds of thousands, so positions are kept in
/// 32 bits and a paragraph's sentences are found only when it matches.
#[derive(Debug)]
pub struct Candidate {
    kind: CandidateKind,
    doc: u32,
    block: u32,
    /// The byte range of the block's text it covers (the first mention, for a place).
    range: (u32, u32),
    /// The heading of the section it is in, or `NO_SECTION`.
    section: u32,
    text: Text,
    /// The text case- and width-folded, when that differs from the text.
    folded: Option<Box<str>>,
    /// For text with Chinese: one pinyin initial (or folded character) per character, so
    /// Latin letters can find it.
    initials: Option<Box<str>>,
}

/// A candidate's section when it is before the first heading.
const NO_SECTION: u32 = u32::MAX;

/// A position as a candidate keeps it (saturating: no block reaches 4 GiB).
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Where a candidate's text is kept.
#[derive(Debug)]
enum Text {
    /// Its own copy: a place's names, a marked passage, a block of several lines.
    Own(Box<str>),
    /// Its block's text, shared with the document rather than copied.
    Block(Arc<Vec<Block>>),
}

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

/// What a query asks for: an optional kind (`#` headings, `@` places, `'` bookmarks, `!`
/// notes) and the folded text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// Only candidates of this kind.
    pub kind: Option<CandidateKind>,
    /// The text to match, case- and width-folded.
    pub text: String,
}

impl Query {
    /// Reads the prefix and folds the rest.
    pub fn parse(input: &str) -> Query {
        let (kind, rest) = match input.chars().next() {
            Some('#') => (Some(CandidateKind::Heading), &input[1..]),
            Some('@') => (Some(CandidateKind::Place), &input[1..]),
            Some('\'') => (Some(CandidateKind::Bookmark), &input[1..]),
            Some('!') => (Some(CandidateKind::Note), &input[1..]),
            _ => (None, input),
        };
        Query {
            kind,
            text: fold(rest.trim()),
        }
    }

    /// Whether this query only adds to `earlier`, so its matches are among earlier's.
    pub fn narrows(&self, earlier: &Query) -> bool {
        // An empty query lists headings only, so it cannot be narrowed.
        !earlier.text.is_empty()
            && self.kind == earlier.kind
            && self.text.starts_with(&earlier.text)
    }
}

/// Every candidate of the open documents.
#[derive(Debug, Default)]
pub struct JumpIndex {
    candidates: Vec<Candidate>,
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
        }
    }

    /// The headings and paragraphs of the documents, followed by `places` (from
    /// [`JumpIndex::of_places`]).
    pub fn with_places(docs: &[Document], places: JumpIndex) -> JumpIndex {
        JumpIndex::of_text_and(docs, places.candidates)
    }

    /// Headings and paragraphs of the documents, built on every core.
    pub fn of_text(docs: &[Document]) -> JumpIndex {
        JumpIndex::of_text_and(docs, Vec::new())
    }

    /// Headings and paragraphs of the documents, then `more`. The list is allocated once, at
    /// its final size: it is the largest thing a library keeps besides its text.
    fn of_text_and(docs: &[Document], more: Vec<Candidate>) -> JumpIndex {
        // (document, block, section) of every block worth jumping to, in 32 bits.
        let mut blocks: Vec<(u32, u32, u32)> =
            Vec::with_capacity(docs.iter().map(|d| d.blocks.len()).sum());
        for (d, doc) in docs.iter().enumerate() {
            let mut section = NO_SECTION;
            for (i, block) in doc.blocks.iter().enumerate() {
                if block.heading_level().is_some() {
                    section = small(i);
                }
                if !matches!(block.kind, BlockKind::Rule | BlockKind::Marker) {
                    blocks.push((small(d), small(i), section));
                }
            }
        }
        // A slice at a time, on every core, so that no more than a slice's candidates wait
        // to be moved into the list.
        let mut candidates = Vec::with_capacity(blocks.len() + more.len());
        for slice in blocks.chunks(CANDIDATES_AT_ONCE) {
            let parts = in_parts(slice, 1, |_, part| {
                let mut out = Vec::with_capacity(part.len());
                for &(d, i, section) in part {
                    let (d, id) = (d as usize, BlockId(i as usize));
                    let section = (section != NO_SECTION).then_some(BlockId(section as usize));
                    let blocks = &docs[d].blocks;
                    let block = &blocks[id.0];
                    let kind = if block.heading_level().is_some() {
                        CandidateKind::Heading
                    } else {
                        CandidateKind::Paragraph
                    };
                    let text = match block.text() {
                        text if text.contains('\n') => own(text),
                        _ => Text::Block(Arc::clone(blocks)),
                    };
                    let c = Candidate::new(kind, d, id, section, text, 0..block.text_len());
                    if !c.text().trim().is_empty() {
                        out.push(c);
                    }
                }
                out
            });
            for part in parts {
                candidates.extend(part);
            }
        }
        drop(blocks);
        candidates.extend(more);
        JumpIndex { candidates }
    }

    /// Candidates for passages the user marked: (kind, document, block, text shown and
    /// matched). Each jumps to its block, in the section that holds it.
    pub fn of_passages(
        docs: &[Document],
        passages: impl IntoIterator<Item = (CandidateKind, usize, BlockId, String)>,
    ) -> JumpIndex {
        let candidates = passages
            .into_iter()
            .map(|(kind, doc, block, text)| {
                let section = docs[doc].blocks[..=block.0]
                    .iter()
                    .rposition(|b| b.heading_level().is_some())
                    .map(BlockId);
                let range = 0..docs[doc].blocks[block.0].text_len();
                Candidate::new(kind, doc, block, section, own(&text), range)
            })
            .collect();
        JumpIndex { candidates }
    }

    /// Whether any place of the gazetteer could match `query`: when none can, the places
    /// need not be looked for at all.
    pub fn places_could_match(gazetteer: &Gazetteer, query: &Query) -> bool {
        if query.kind == Some(CandidateKind::Place) {
            return true;
        }
        if query.kind.is_some() || query.text.is_empty() {
            return false;
        }
        let matcher = SkimMatcherV2::default().ignore_case();
        gazetteer.places.iter().any(|p| {
            let text = fold(&place_text(p));
            let initials = query.text.is_ascii().then(|| pinyin_match::initials(&text));
            score(
                &text,
                initials.as_deref(),
                CandidateKind::Place,
                &matcher,
                &query.text,
                false,
            )
            .is_some()
        })
    }

    /// Adds a candidate for every place the documents name, jumping to its first mention.
    pub fn add_places(&mut self, docs: &[Document], countries: &Countries, gazetteer: &Gazetteer) {
        let places = place_candidates(docs, countries, gazetteer);
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
        let c = &self.candidates[m.candidate as usize];
        let range = c.range.0 as usize..c.range.1 as usize;
        let sentence = m
            .sentence
            .and_then(|s| c.sentences().into_iter().nth(s as usize));
        match sentence {
            Some(chars) => {
                let bytes = char_range_to_bytes(c.text(), chars);
                Shown {
                    kind: CandidateKind::Sentence,
                    doc: c.doc as usize,
                    block: c.block(),
                    range: range.start + bytes.start..range.start + bytes.end,
                    section: c.section(),
                    text: &c.text()[bytes],
                }
            }
            None => Shown {
                kind: c.kind,
                doc: c.doc as usize,
                block: c.block(),
                range,
                section: c.section(),
                text: c.text(),
            },
        }
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

    /// The first, quick answer: the candidates that hold the query as one unbroken run (a
    /// substring of the text or of its pinyin initials, or characters it spells syllable by
    /// syllable). These outrank every scattered match, so the top of the list is usually
    /// right before [`JumpIndex::search_rest`] completes it.
    /// An empty query (headings, or everything of a kind) is answered completely.
    pub fn search_runs(
        &self,
        query: &Query,
        within: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Found> {
        let matcher = matcher();
        let quick = Quick::new(&query.text, &matcher);
        let matches = self.scan(within, cancelled, |id, c| {
            if query.kind.is_some_and(|k| k != c.kind) {
                return None;
            }
            if query.text.is_empty() {
                return (query.kind.is_some() || c.kind == CandidateKind::Heading).then_some(
                    Match {
                        candidate: id,
                        sentence: None,
                        score: 0,
                        run: false,
                        chars: Vec::new(),
                    },
                );
            }
            c.quick_match(id, &quick, false)
        })?;
        Some(self.finish(matches, query, &matcher, query.text.is_empty()))
    }

    /// Completes the quick answer `runs` of [`JumpIndex::search_runs`] with every scattered
    /// and spelled-out match.
    pub fn search_rest(
        &self,
        query: &Query,
        within: Option<&[u32]>,
        runs: &Found,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Found> {
        let matcher = matcher();
        let mut found_already = vec![false; self.candidates.len()];
        for &id in &runs.all {
            found_already[id as usize] = true;
        }
        let mut matches = self.scan(within, cancelled, |id, c| {
            if found_already[id as usize] || query.kind.is_some_and(|k| k != c.kind) {
                return None;
            }
            c.best_match(id, &matcher, &query.text, false)
        })?;
        matches.extend(runs.matches.iter().cloned());
        Some(self.finish(matches, query, &matcher, true))
    }

    /// Runs `check` over the candidates (those of `within`, or all), on every core.
    fn scan(
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
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8);
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
    fn finish(
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
            CandidateKind::Place => 3,
        };
        matches.sort_by_cached_key(|m| (std::cmp::Reverse(m.score), rank(m), m.candidate));
        let all: Vec<u32> = matches.iter().map(|m| m.candidate).collect();
        if !query.text.is_empty() {
            let quick = Quick::new(&query.text, matcher);
            for m in matches.iter_mut().take(SHOWN) {
                let c = &self.candidates[m.candidate as usize];
                let with_positions = if m.run {
                    c.quick_match(m.candidate, &quick, true)
                } else {
                    c.best_match(m.candidate, matcher, &query.text, true)
                };
                if let Some(with_positions) = with_positions {
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

/// What the quick first answer looks for, prepared once per query.
struct Quick {
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
    fn new(query: &str, matcher: &SkimMatcherV2) -> Quick {
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

/// The candidates of [`JumpIndex::of_places`].
fn place_candidates(
    docs: &[Document],
    countries: &Countries,
    gazetteer: &Gazetteer,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for kind in [
        PlaceKind::Country,
        PlaceKind::Region,
        PlaceKind::Organisation,
    ] {
        for row in countries.table(docs, gazetteer, kind, CountryOrder::Mentions) {
            let Some(first) = countries.of(row.place).next() else {
                continue;
            };
            let place = &gazetteer.places[row.place];
            out.push(Candidate::new(
                CandidateKind::Place,
                first.doc(),
                first.block(),
                first.section(),
                own(&place_text(place)),
                first.range(),
            ));
        }
    }
    out
}

/// The matcher every search uses.
fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default()
        .ignore_case()
        .element_limit(MATCH_CELLS)
}

/// A candidate's own copy of a text, on one line.
fn own(text: &str) -> Text {
    Text::Own(text.replace('\n', " ").into())
}

impl Candidate {
    /// A candidate for `range` of a block's text (the whole block, or a place's first
    /// mention), matched on `text`.
    fn new(
        kind: CandidateKind,
        doc: usize,
        block: BlockId,
        section: Option<BlockId>,
        text: Text,
        range: Range<usize>,
    ) -> Candidate {
        let mut c = Candidate {
            kind,
            doc: small(doc),
            block: small(block.0),
            range: (small(range.start), small(range.end)),
            section: section.map_or(NO_SECTION, |s| small(s.0)),
            text,
            folded: None,
            initials: None,
        };
        let shown = c.text();
        let folded = shown
            .chars()
            .any(|ch| fold_char(ch) != ch)
            .then(|| fold(shown).into_boxed_str());
        let initials = shown
            .chars()
            .any(crate::doc::markdown::is_cjk)
            .then(|| pinyin_match::initials(shown).into_boxed_str());
        c.folded = folded;
        c.initials = initials;
        c
    }

    /// The block it jumps to.
    fn block(&self) -> BlockId {
        BlockId(self.block as usize)
    }

    /// The section it is in.
    fn section(&self) -> Option<BlockId> {
        (self.section != NO_SECTION).then_some(BlockId(self.section as usize))
    }

    /// Character ranges of the sentences of a paragraph that has several (none otherwise).
    /// Worked out when asked: only matching paragraphs need them.
    fn sentences(&self) -> Vec<Range<usize>> {
        if self.kind != CandidateKind::Paragraph {
            return Vec::new();
        }
        let shown = self.text();
        let byte_ranges = sentences(shown);
        if byte_ranges.len() < 2 {
            return Vec::new();
        }
        // Byte offsets to character indices, in one pass.
        let mut out = Vec::with_capacity(byte_ranges.len());
        let mut chars = shown.char_indices().map(|(i, _)| i).enumerate().peekable();
        let mut counted = 0;
        let mut char_at = |byte: usize| {
            while let Some(&(n, at)) = chars.peek() {
                if at >= byte {
                    return n;
                }
                counted = n + 1;
                chars.next();
            }
            counted
        };
        for r in byte_ranges {
            let start = char_at(r.start);
            out.push(start..char_at(r.end));
        }
        out
    }

    /// The text shown and matched.
    fn text(&self) -> &str {
        match &self.text {
            Text::Own(own) => own,
            Text::Block(blocks) => blocks[self.block as usize].text(),
        }
    }

    /// The text as matched: folded.
    fn folded(&self) -> &str {
        self.folded.as_deref().unwrap_or(self.text())
    }

    /// The best place where the query appears unbroken in the folded text or, for a Latin
    /// query, in the pinyin initials (each occurrence is scored on itself and the character
    /// before it, which decides the skim bonus of its first character), or else the best run
    /// of characters it spells syllable by syllable; placed in its sentence.
    fn quick_match(&self, id: u32, quick: &Quick, positions: bool) -> Option<Match> {
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
    fn best_match(
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

/// What a place candidate shows and is matched on: its names and code.
fn place_text(place: &super::gazetteer::Place) -> String {
    format!("{} {} {} {}", place.zh, place.en, place.ru, place.code)
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
fn score(
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

fn char_range_to_bytes(text: &str, chars: Range<usize>) -> Range<usize> {
    let mut indices = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let start = indices.nth(chars.start).unwrap_or(text.len());
    let end = if chars.end > chars.start {
        indices
            .nth(chars.end - chars.start - 1)
            .unwrap_or(text.len())
    } else {
        start
    };
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::open::{OpenOptions, bundled};

    #[test]
    fn a_paragraphs_sentences_are_character_ranges() {
        let text = "甲方同意。Second one! 第三句";
        let c = Candidate::new(
            CandidateKind::Paragraph,
            0,
            BlockId(0),
            None,
            own(text),
            0..text.len(),
        );
        let chars: Vec<char> = text.chars().collect();
        let parts: Vec<String> = c
            .sentences()
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect();
        assert_eq!(
            parts,
            ["甲方同意。", "Second one!", "第三句"].map(|p| p.to_string())
        );
        let one = Candidate::new(
            CandidateKind::Paragraph,
            0,
            BlockId(0),
            None,
            own("一句。"),
            0..9,
        );
        assert!(one.sentences().is_empty());
    }

    fn seed_index() -> (Vec<Document>, JumpIndex) {
        let docs = vec![bundled(OpenOptions::default())];
        let g = Gazetteer::bundled();
        let countries = Countries::build(&docs, g);
        let index = JumpIndex::build(&docs, &countries, g);
        (docs, index)
    }

    fn search(index: &JumpIndex, query: &str) -> Vec<Match> {
        index
            .search(&Query::parse(query), None, &|| false)
            .unwrap()
            .matches
    }

    fn highlighted(index: &JumpIndex, m: &Match) -> String {
        let chars: Vec<char> = index.shown(m).text.chars().collect();
        m.chars.iter().map(|&i| chars[i]).collect()
    }

    #[test]
    fn initials_find_the_railway() {
        let (_, index) = seed_index();
        let results = search(&index, "zjwtl");
        let best = &results[0];
        let c = index.shown(best);
        assert!(c.text.contains("中吉乌铁路"), "{}", c.text);
        assert_eq!(
            c.kind,
            CandidateKind::Sentence,
            "the sentence, not its whole paragraph"
        );
        assert_eq!(highlighted(&index, best), "中吉乌铁路");
        // 中吉外长 has the same initials; the railway sentence is found with 中吉乌 marked.
        let zjw = search(&index, "zjw");
        let railway = zjw
            .iter()
            .find(|m| index.shown(m).text.contains("推进中吉乌铁路建设"))
            .unwrap();
        assert_eq!(highlighted(&index, railway), "中吉乌");
    }

    #[test]
    fn full_pinyin_and_initials_find_the_sco() {
        let (_, index) = seed_index();
        // 上合 (the SCO's short name) is "shanghe" syllable for syllable, as a pinyin input
        // method reads it, so it ranks first; 上海合作组织 is found too.
        let results = search(&index, "shanghe");
        assert_eq!(highlighted(&index, &results[0]), "上合");
        assert!(results.iter().any(|m| {
            index
                .shown(m)
                .text
                .starts_with("上海合作组织成员国政府首脑")
        }));
        let results = search(&index, "shhz");
        assert!(
            highlighted(&index, &results[0]).starts_with("上海合作"),
            "{}",
            highlighted(&index, &results[0])
        );
        let results = search(&index, "jierjisi");
        assert_eq!(highlighted(&index, &results[0]), "吉尔吉斯");
    }

    #[test]
    fn chinese_and_full_width_queries() {
        let (_, index) = seed_index();
        let results = search(&index, "中吉外长");
        assert_eq!(
            index.shown(&results[0]).text,
            "中吉外长首次战略对话成功举行"
        );
        let wide = search(&index, "２０２５年９月");
        assert!(!wide.is_empty());
        assert!(highlighted(&index, &wide[0]).contains("2025"));
    }

    #[test]
    fn headings_beat_body_text_and_prefixes_narrow() {
        let (_, index) = seed_index();
        let results = search(&index, "国际论坛");
        assert_eq!(index.shown(&results[0]).kind, CandidateKind::Heading);
        let headings = search(&index, "#");
        assert_eq!(headings.len(), 9);
        assert!(
            headings.windows(2).all(|w| w[0].candidate < w[1].candidate),
            "document order"
        );
        let places = search(&index, "@jierjisi");
        assert_eq!(index.shown(&places[0]).kind, CandidateKind::Place);
        assert!(index.shown(&places[0]).text.contains("Kyrgyzstan"));
    }

    #[test]
    fn exact_run_beats_scattered_letters() {
        let (_, index) = seed_index();
        let results = search(&index, "tiel");
        let best = &results[0];
        assert!(
            highlighted(&index, best) == "铁路",
            "{}",
            highlighted(&index, best)
        );
    }

    #[test]
    fn narrowing_searches_only_earlier_matches() {
        let (_, index) = seed_index();
        let wide = index.search(&Query::parse("zj"), None, &|| false).unwrap();
        let narrow = index
            .search(&Query::parse("zjw"), Some(&wide.all), &|| false)
            .unwrap()
            .matches;
        let fresh = search(&index, "zjw");
        assert_eq!(
            narrow.iter().map(|m| m.candidate).collect::<Vec<_>>(),
            fresh.iter().map(|m| m.candidate).collect::<Vec<_>>()
        );
        assert!(Query::parse("zjw").narrows(&Query::parse("zj")));
        assert!(!Query::parse("#zjw").narrows(&Query::parse("zj")));
        assert!(
            !Query::parse("z").narrows(&Query::parse("")),
            "the empty query lists headings only"
        );
    }

    #[test]
    fn the_first_answer_is_the_top_of_the_complete_one() {
        let (_, index) = seed_index();
        for q in ["zjwtl", "双方", "2025", "shanghe", "jierjisi"] {
            let query = Query::parse(q);
            let runs = index.search_runs(&query, None, &|| false).unwrap();
            let full = index.search(&query, None, &|| false).unwrap();
            assert!(!runs.complete && full.complete, "{q}");
            assert!(!runs.matches.is_empty(), "{q}");
            assert!(runs.matches.iter().all(|m| m.score >= EXACT_BONUS), "{q}");
            assert!(full.matches.len() >= runs.matches.len(), "{q}");
            assert_eq!(
                runs.matches[..],
                full.matches[..runs.matches.len()],
                "{q}: the unbroken runs head the complete list"
            );
        }
        let headings = index.search_runs(&Query::parse("#"), None, &|| false);
        assert!(
            headings.unwrap().complete,
            "an empty query is answered at once"
        );
    }

    #[test]
    fn cancelled_search_gives_nothing() {
        let (_, index) = seed_index();
        assert!(index.search(&Query::parse("zjw"), None, &|| true).is_none());
    }
}
