//! The candidates the palette jumps to: every heading and paragraph of the open documents,
//! the places they name and the passages the user marked, each kept compactly with its text
//! folded (and, for Chinese, its pinyin initials) ready for matching.

use std::ops::Range;
use std::sync::Arc;

use super::Shown;
use crate::doc::on_every_core::in_parts;
use crate::doc::sentences::sentences;
use crate::doc::{Block, BlockId, BlockKind, Document};
use crate::index::countries::{Countries, CountryOrder};
use crate::index::gazetteer::{Gazetteer, Place, PlaceKind};
use crate::index::pinyin_key::{fold, fold_char};
use crate::index::pinyin_match;

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
    /// A document cited (jumps to its first citation).
    Document,
    /// A person named with an office (jumps to their first mention).
    Person,
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
            CandidateKind::Document => "\"",
            CandidateKind::Person => "+",
            CandidateKind::Bookmark => "'",
            CandidateKind::Note => "!",
        }
    }
}

/// Something the palette can jump to: a heading, a paragraph (whose sentences are matched
/// too), or a place. A large library holds hundreds of thousands, so positions are kept in
/// 32 bits and a paragraph's sentences are found only when it matches.
#[derive(Debug)]
pub(super) struct Candidate {
    /// Heading, paragraph, place, bookmark or note.
    pub(super) kind: CandidateKind,
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
    pub(super) initials: Option<Box<str>>,
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

/// A candidate's own copy of a text, on one line.
fn own(text: &str) -> Text {
    Text::Own(text.replace('\n', " ").into())
}

/// The candidates of the documents' headings and paragraphs, then `more`. The list is
/// allocated once, at its final size: it is the largest thing a library keeps besides its
/// text.
pub(super) fn text_candidates(docs: &[Document], more: Vec<Candidate>) -> Vec<Candidate> {
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
    candidates
}

/// The candidates of passages the user marked: (kind, document, block, text shown and
/// matched). Each jumps to its block, in the section that holds it.
pub(super) fn passage_candidates(
    docs: &[Document],
    passages: impl IntoIterator<Item = (CandidateKind, usize, BlockId, String)>,
) -> Vec<Candidate> {
    passages
        .into_iter()
        .map(|(kind, doc, block, text)| {
            let range = 0..docs[doc].blocks[block.0].text_len();
            Candidate::new(
                kind,
                doc,
                block,
                docs[doc].section_of(block),
                own(&text),
                range,
            )
        })
        .collect()
}

/// The candidates of [`JumpIndex::of_places`](super::JumpIndex::of_places).
pub(super) fn place_candidates(
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

/// A candidate for every document the documents cite, jumping to its first citation, and for
/// every person they name, jumping to their first mention, with the people and the documents
/// cited themselves. Built on the worker's thread: both read every paragraph.
pub(super) fn title_and_people_candidates(
    docs: &[Document],
) -> (
    Vec<Candidate>,
    crate::index::people::People,
    Vec<crate::index::documents::Cited>,
) {
    let people = crate::index::people::People::build(docs);
    let cited = crate::index::documents::cited(docs);
    let titles = cited.iter().map(|c| {
        let first = &c.citations[0];
        (
            CandidateKind::Document,
            first.doc,
            first.block,
            first.range.clone(),
            c.title.clone(),
        )
    });
    // A tie goes to the earlier candidate: the people named with an office come before the
    // reporters of bylines (李强 the Premier before 李强 the reporter).
    let (officials, reporters): (Vec<_>, Vec<_>) = people.persons.iter().partition(|p| !p.reporter);
    let persons = officials.into_iter().chain(reporters).map(|p| {
        let first = &p.mentions[0];
        (
            CandidateKind::Person,
            first.doc,
            first.block,
            first.range.clone(),
            p.label(),
        )
    });
    let out = titles
        .chain(persons)
        .map(|(kind, doc, block, range, text)| {
            let section = docs[doc].section_of(block);
            Candidate::new(kind, doc, block, section, own(&text), range)
        })
        .collect();
    (out, people, cited)
}

/// What a place candidate shows and is matched on: its names and code.
pub(super) fn place_text(place: &Place) -> String {
    format!("{} {} {} {}", place.zh, place.en, place.ru, place.code)
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

    /// A candidate of `text` alone, belonging to no document: for asking whether a query
    /// could match a text at all.
    pub(super) fn of_text(kind: CandidateKind, text: &str) -> Candidate {
        Candidate::new(kind, 0, BlockId(0), None, own(text), 0..0)
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
    pub(super) fn sentences(&self) -> Vec<Range<usize>> {
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
    pub(super) fn folded(&self) -> &str {
        self.folded.as_deref().unwrap_or(self.text())
    }

    /// The candidate as it is shown: the whole of it, or its `sentence` when one matched.
    pub(super) fn shown(&self, sentence: Option<u32>) -> Shown<'_> {
        let range = self.range.0 as usize..self.range.1 as usize;
        let sentence = sentence.and_then(|s| self.sentences().into_iter().nth(s as usize));
        match sentence {
            Some(chars) => {
                let bytes = char_range_to_bytes(self.text(), chars);
                Shown {
                    kind: CandidateKind::Sentence,
                    doc: self.doc as usize,
                    block: self.block(),
                    range: range.start + bytes.start..range.start + bytes.end,
                    section: self.section(),
                    text: &self.text()[bytes],
                }
            }
            None => Shown {
                kind: self.kind,
                doc: self.doc as usize,
                block: self.block(),
                range,
                section: self.section(),
                text: self.text(),
            },
        }
    }
}

/// The byte range of `text` that its characters `chars` take.
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
}
