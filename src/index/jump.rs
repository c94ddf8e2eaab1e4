//! Jump candidates and fuzzy matching: every heading, paragraph and sentence of the open
//! documents and every place they name, matched with the skim algorithm on the text, and for
//! Chinese also on its pinyin and pinyin initials, so `zjw` finds 中吉乌.

use std::collections::HashSet;
use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::countries::Countries;
use super::gazetteer::Gazetteer;
use super::pinyin_key::{PinyinKey, fold};
use crate::doc::{BlockId, BlockKind, Document};

/// Score added when the query appears as one unbroken run (a substring, or whole syllables).
const EXACT_BONUS: i64 = 1000;
/// Score added to headings, so a heading beats a body match of the same score.
const HEADING_BONUS: i64 = 20;
/// How many of the best matches get their highlight positions computed.
pub const SHOWN: usize = 200;

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
}

impl CandidateKind {
    /// The mark shown before a result.
    pub fn symbol(self) -> &'static str {
        match self {
            CandidateKind::Heading => "#",
            CandidateKind::Paragraph => "¶",
            CandidateKind::Sentence => "·",
            CandidateKind::Place => "@",
        }
    }
}

/// Something the palette can jump to.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// What it is.
    pub kind: CandidateKind,
    /// The document.
    pub doc: usize,
    /// The block to jump to.
    pub block: BlockId,
    /// The byte range of the block's text it covers (the mention, for a place).
    pub range: Range<usize>,
    /// The section it is in (a heading block).
    pub section: Option<BlockId>,
    /// What the palette shows.
    pub text: String,
    folded: String,
    pinyin: Option<PinyinKey>,
}

/// A candidate that matches a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// Index into the index's candidates.
    pub candidate: u32,
    /// Higher is better.
    pub score: i64,
    /// Character positions of `text` to highlight (filled for the best matches only).
    pub chars: Vec<usize>,
}

/// The outcome of a search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// The matches to show, best first, a paragraph and its own sentence not both.
    pub matches: Vec<Match>,
    /// Every matching candidate, for narrowing the next search.
    pub all: Vec<u32>,
}

/// What a query asks for: an optional kind (`#` headings, `@` places) and the folded text.
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
    /// The candidates in document order (places last).
    pub candidates: Vec<Candidate>,
}

impl JumpIndex {
    /// Builds the candidates, with pinyin for every text that has Chinese.
    pub fn build(docs: &[Document], countries: &Countries, gazetteer: &Gazetteer) -> JumpIndex {
        let mut candidates = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            let mut section = None;
            for (i, block) in doc.blocks.iter().enumerate() {
                let id = BlockId(i);
                let text = block.text();
                if text.trim().is_empty()
                    || matches!(block.kind, BlockKind::Rule | BlockKind::Marker)
                {
                    continue;
                }
                let mut push = |kind, range: Range<usize>, section| {
                    candidates.push(Candidate::new(kind, d, id, section, &text, range));
                };
                if block.heading_level().is_some() {
                    section = Some(id);
                    push(CandidateKind::Heading, 0..text.len(), section);
                    continue;
                }
                let sentences = sentences(&text);
                push(CandidateKind::Paragraph, 0..text.len(), section);
                if sentences.len() > 1 {
                    for s in sentences {
                        push(CandidateKind::Sentence, s, section);
                    }
                }
            }
        }
        for kind in [
            super::gazetteer::PlaceKind::Country,
            super::gazetteer::PlaceKind::Region,
            super::gazetteer::PlaceKind::Organisation,
        ] {
            for row in countries.table(
                docs,
                gazetteer,
                kind,
                super::countries::CountryOrder::Mentions,
            ) {
                let Some(first) = countries.of(row.place).next() else {
                    continue;
                };
                let place = &gazetteer.places[row.place];
                let text = format!("{} {} {} {}", place.zh, place.en, place.ru, place.code);
                let mut c = Candidate::new(
                    CandidateKind::Place,
                    first.doc,
                    first.block,
                    first.section,
                    &text,
                    0..text.len(),
                );
                c.range = first.range.clone();
                candidates.push(c);
            }
        }
        JumpIndex { candidates }
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
        let matcher = SkimMatcherV2::default().ignore_case();
        let ids: Vec<u32> = match within {
            Some(ids) => ids.to_vec(),
            None => (0..u32::try_from(self.candidates.len()).unwrap_or(u32::MAX)).collect(),
        };
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8);
        let chunk = ids.len().div_ceil(threads).max(1);
        let mut matches: Vec<Match> = Vec::new();
        let mut abandoned = false;
        std::thread::scope(|scope| {
            let workers: Vec<_> = ids
                .chunks(chunk)
                .map(|part| {
                    let matcher = &matcher;
                    scope.spawn(move || {
                        let mut found = Vec::new();
                        for (n, &id) in part.iter().enumerate() {
                            if n % 2048 == 0 && cancelled() {
                                return None;
                            }
                            let c = &self.candidates[id as usize];
                            if query.kind.is_some_and(|k| k != c.kind) {
                                continue;
                            }
                            if query.text.is_empty() {
                                if query.kind.is_some() || c.kind == CandidateKind::Heading {
                                    found.push(Match {
                                        candidate: id,
                                        score: 0,
                                        chars: Vec::new(),
                                    });
                                }
                                continue;
                            }
                            if let Some((score, _)) = c.score(matcher, &query.text, false) {
                                found.push(Match {
                                    candidate: id,
                                    score,
                                    chars: Vec::new(),
                                });
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
        if abandoned {
            return None;
        }
        // Best score first; on a tie a heading, then a sentence (more precise than its
        // paragraph), then earlier in the documents.
        let rank = |m: &Match| match self.candidates[m.candidate as usize].kind {
            CandidateKind::Heading => 0,
            CandidateKind::Sentence => 1,
            CandidateKind::Paragraph => 2,
            CandidateKind::Place => 3,
        };
        matches.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(rank(a).cmp(&rank(b)))
                .then(a.candidate.cmp(&b.candidate))
        });
        let all: Vec<u32> = matches.iter().map(|m| m.candidate).collect();
        let mut shown: HashSet<(usize, BlockId, bool)> = HashSet::new();
        let mut kept = Vec::with_capacity(matches.len());
        for mut m in matches {
            let c = &self.candidates[m.candidate as usize];
            // A paragraph and its own sentence would say the same thing twice.
            let is_sentence = c.kind == CandidateKind::Sentence;
            match c.kind {
                CandidateKind::Paragraph if shown.contains(&(c.doc, c.block, true)) => continue,
                CandidateKind::Sentence if shown.contains(&(c.doc, c.block, false)) => continue,
                CandidateKind::Paragraph | CandidateKind::Sentence => {
                    shown.insert((c.doc, c.block, is_sentence));
                }
                _ => {}
            }
            if kept.len() < SHOWN && !query.text.is_empty() {
                m.chars = c
                    .score(&matcher, &query.text, true)
                    .map(|(_, chars)| chars)
                    .unwrap_or_default();
            }
            kept.push(m);
        }
        Some(Found { matches: kept, all })
    }
}

impl Candidate {
    fn new(
        kind: CandidateKind,
        doc: usize,
        block: BlockId,
        section: Option<BlockId>,
        text: &str,
        range: Range<usize>,
    ) -> Candidate {
        let shown = text[range.clone()].replace('\n', " ");
        Candidate {
            kind,
            doc,
            block,
            range,
            section,
            folded: fold(&shown),
            pinyin: PinyinKey::new(&shown),
            text: shown,
        }
    }

    /// The score of `query` (already folded) against this candidate, with the character
    /// positions of `text` it matched when `positions` is set.
    fn score(
        &self,
        matcher: &SkimMatcherV2,
        query: &str,
        positions: bool,
    ) -> Option<(i64, Vec<usize>)> {
        let run = |choice: &str| -> Option<(i64, Vec<usize>)> {
            if positions {
                matcher.fuzzy_indices(choice, query)
            } else {
                matcher.fuzzy_match(choice, query).map(|s| (s, Vec::new()))
            }
        };
        let bonus = if self.kind == CandidateKind::Heading {
            HEADING_BONUS
        } else {
            0
        };
        let mut best: Option<(i64, Vec<usize>)> = run(&self.folded).map(|(s, chars)| {
            let exact = if self.folded.contains(query) {
                EXACT_BONUS
            } else {
                0
            };
            (s + exact, chars)
        });
        if let Some(key) = &self.pinyin
            && query.is_ascii()
        {
            if let Some((s, chars)) = run(&key.initials) {
                let exact = if key.initials.contains(query) {
                    EXACT_BONUS
                } else {
                    0
                };
                if best.as_ref().is_none_or(|b| s + exact > b.0) {
                    best = Some((s + exact, chars));
                }
            }
            if let Some((s, chars)) = run(&key.full) {
                let exact = key.full.match_indices(query).any(|(at, _)| {
                    let start = key.full[..at].chars().count();
                    let end = start + query.chars().count() - 1;
                    key.starts_syllable(start) && key.ends_syllable(end)
                });
                let s = s + if exact { EXACT_BONUS } else { 0 };
                if best.as_ref().is_none_or(|b| s > b.0) {
                    best = Some((s, key.chars_of_full(&chars)));
                }
            }
        }
        best.map(|(s, chars)| (s + bonus, chars))
    }
}

/// Byte ranges of the sentences of a text: each ends after `。！？；!?` or `. `.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end_here = "。！？；!?".contains(c)
            || (c == '.' && chars.peek().is_none_or(|(_, n)| n.is_whitespace()));
        if end_here {
            // Closing quotes and brackets belong to the sentence they close.
            let mut end = i + c.len_utf8();
            while let Some(&(j, n)) = chars.peek() {
                if "”’」』)）\"".contains(n) {
                    end = j + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if !text[start..end].trim().is_empty() {
                out.push(start..end);
            }
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(start..text.len());
    }
    out.into_iter()
        .map(|r| {
            let s = &text[r.clone()];
            let lead = s.len() - s.trim_start().len();
            r.start + lead..r.end
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::open::{OpenOptions, bundled};

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
        let chars: Vec<char> = index.candidates[m.candidate as usize]
            .text
            .chars()
            .collect();
        m.chars.iter().map(|&i| chars[i]).collect()
    }

    #[test]
    fn initials_find_the_railway() {
        let (_, index) = seed_index();
        let results = search(&index, "zjwtl");
        let best = &results[0];
        let c = &index.candidates[best.candidate as usize];
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
            .find(|m| {
                index.candidates[m.candidate as usize]
                    .text
                    .contains("推进中吉乌铁路建设")
            })
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
            index.candidates[m.candidate as usize]
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
            index.candidates[results[0].candidate as usize].text,
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
        assert_eq!(
            index.candidates[results[0].candidate as usize].kind,
            CandidateKind::Heading
        );
        let headings = search(&index, "#");
        assert_eq!(headings.len(), 9);
        assert!(
            headings.windows(2).all(|w| w[0].candidate < w[1].candidate),
            "document order"
        );
        let places = search(&index, "@jierjisi");
        assert_eq!(
            index.candidates[places[0].candidate as usize].kind,
            CandidateKind::Place
        );
        assert!(
            index.candidates[places[0].candidate as usize]
                .text
                .contains("Kyrgyzstan")
        );
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
    fn cancelled_search_gives_nothing() {
        let (_, index) = seed_index();
        assert!(index.search(&Query::parse("zjw"), None, &|| true).is_none());
    }

    #[test]
    fn sentences_split_at_final_punctuation() {
        let text = "双方同意。“好邻居、无价宝。”吉方愿意 The leaders met. They agreed";
        let parts: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            parts,
            vec![
                "双方同意。",
                "“好邻居、无价宝。”",
                "吉方愿意 The leaders met.",
                "They agreed"
            ]
        );
    }
}
