//! Where a bookmark or note belongs, by content rather than by position. An anchor keeps the
//! evidence a careful reader would use to find a passage again in a new edition: the
//! paragraph's fingerprint, the words quoted (and the whole paragraph when only some of its
//! sentences were), the heading of its section, the fingerprints of its neighbours and its
//! position. Placing an anchor in a document ([`placer`]) weighs that evidence and says how
//! sure it is: the same passage, a changed one, or none (detached: never a guess).

mod context;
mod evidence;
mod numbering;
pub mod placer;
mod quoted;
mod rewording;

use sha2::{Digest, Sha256};

use crate::doc::{BlockId, BlockKind, Document};
use crate::index::pinyin_key::fold_char;
pub(crate) use numbering::unnumbered;
pub use placer::{Placer, Placers};

/// What ties a bookmark or note to a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    /// The fingerprint of the paragraph's normalised text.
    pub fingerprint: String,
    /// The paragraph's block index when the anchor was made.
    pub position: usize,
    /// The text quoted: the whole paragraph, or the sentences a note narrowed it to.
    pub quote: String,
    /// The whole paragraph on one line when the quote is only some of its sentences (else
    /// empty: the quote is the paragraph).
    pub paragraph: String,
    /// The heading of the section the paragraph was in (empty before the first heading).
    pub section: String,
    /// The fingerprint of the paragraph before it, without its leading number (so a
    /// renumbered neighbour is still known; empty at the start).
    pub before: String,
    /// The same of the paragraph after it (empty at the end).
    pub after: String,
    /// Whether it is a heading (a heading is only ever matched to a heading, a paragraph to
    /// a paragraph, when their texts differ).
    pub heading: bool,
    /// Which of the passages with this very text it was (from 0), when the document has
    /// several (a repeated line, boilerplate).
    pub copy: usize,
    /// How many passages had this very text (1 when it was the only one).
    pub copies: usize,
}

impl Default for Anchor {
    /// An anchor on nothing yet: no text, one copy of it.
    fn default() -> Anchor {
        Anchor {
            fingerprint: String::new(),
            position: 0,
            quote: String::new(),
            paragraph: String::new(),
            section: String::new(),
            before: String::new(),
            after: String::new(),
            heading: false,
            copy: 0,
            copies: 1,
        }
    }
}

/// Where an anchor lands in a document, and how sure that is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// The passage is there, unchanged (perhaps moved).
    Same(BlockId),
    /// The passage was amended: this paragraph is the amended one.
    Changed(BlockId),
    /// No paragraph is a convincing match: the note is kept, attached to nothing.
    Detached,
}

impl Placement {
    /// The block, unless detached.
    pub fn block(self) -> Option<BlockId> {
        match self {
            Placement::Same(b) | Placement::Changed(b) => Some(b),
            Placement::Detached => None,
        }
    }

    /// Whether the passage under the note is no longer what was annotated.
    pub fn is_changed(self) -> bool {
        matches!(self, Placement::Changed(_))
    }

    /// How `brief notes --json` names it: `same`, `changed` or `detached`.
    pub fn label(self) -> &'static str {
        match self {
            Placement::Same(_) => "same",
            Placement::Changed(_) => "changed",
            Placement::Detached => "detached",
        }
    }
}

impl Anchor {
    /// The anchor of a block of a document, quoting `quote` (its whole text when `None`),
    /// with the evidence that finds it again: its section and its neighbours.
    pub fn of(doc: &Document, block: BlockId, quote: Option<&str>) -> Anchor {
        let Some(b) = doc.block(block) else {
            return Anchor {
                position: block.0,
                quote: quote.unwrap_or_default().to_string(),
                ..Anchor::default()
            };
        };
        let text = b.text();
        let whole = one_line(text);
        let quote = quote.map(str::to_string).filter(|q| *q != whole);
        let fingerprint = fingerprint(text);
        // Passages of the same text, as fingerprints see it (those of about its length
        // only are worked out).
        let twins: Vec<usize> = (0..doc.blocks.len())
            .filter(|&i| {
                let other = doc.blocks[i].text();
                carries_text(doc, i)
                    && other.len().abs_diff(text.len()) <= text.len() / 5 + 2
                    && (i == block.0 || self::fingerprint(other) == fingerprint)
            })
            .collect();
        Anchor {
            fingerprint,
            position: block.0,
            paragraph: if quote.is_some() {
                whole.clone()
            } else {
                String::new()
            },
            quote: quote.unwrap_or(whole),
            section: section_of(doc, block),
            before: neighbour(doc, (0..block.0).rev()),
            after: neighbour(doc, block.0 + 1..doc.blocks.len()),
            heading: b.heading_level().is_some(),
            copy: twins.iter().position(|&i| i == block.0).unwrap_or(0),
            copies: twins.len().max(1),
        }
    }

    /// Finds the anchor's paragraph in a document (for one anchor; a [`Placer`] places many
    /// in one document without preparing it again each time).
    pub fn place(&self, doc: &Document) -> Placement {
        Placer::new(doc).place(self)
    }

    /// The whole paragraph as it was annotated.
    pub fn annotated_paragraph(&self) -> &str {
        if self.paragraph.is_empty() {
            &self.quote
        } else {
            &self.paragraph
        }
    }

    /// What the quoted passage reads now in a block it was placed on: the whole paragraph,
    /// or for a narrowed quote the run of its sentences most like the quote (joined as the
    /// language writes them, as a quote is).
    pub fn wording_in(&self, doc: &Document, block: BlockId) -> String {
        let Some(b) = doc.block(block) else {
            return String::new();
        };
        let whole = one_line(b.text());
        if !self.is_narrowed() {
            return whole;
        }
        // Joined as a quote of them is (see `Editor::quote`).
        let (whole, ranges) = crate::doc::sentences::joined(&whole);
        let sentences: Vec<&str> = ranges.iter().map(|r| &whole[r.clone()]).collect();
        match self.best_run(&sentences) {
            Some(((first, last), _)) => whole[ranges[first].start..ranges[last].end]
                .trim()
                .to_string(),
            None => whole,
        }
    }

    /// The run of sentences (first, last) most like a narrowed quote.
    pub fn sentences_in(&self, sentences: &[String]) -> Option<(usize, usize)> {
        let sentences: Vec<&str> = sentences.iter().map(String::as_str).collect();
        self.best_run(&sentences).map(|(run, _)| run)
    }

    /// How like the quote the run of a paragraph's sentences most like it is (0 to 1): low
    /// when the sentences quoted are no longer in it.
    pub fn quote_likeness_in(&self, text: &str) -> f64 {
        let whole = one_line(text);
        let sentences: Vec<&str> = crate::doc::sentences::sentences(&whole)
            .into_iter()
            .map(|r| &whole[r])
            .collect();
        self.best_run(&sentences).map_or(0.0, |(_, alike)| alike)
    }

    /// The run of sentences most like the quote, and how alike (the share of terms in
    /// common, Dice).
    fn best_run(&self, sentences: &[&str]) -> Option<((usize, usize), f64)> {
        let quote = evidence::Terms::of(&self.quote);
        let mut best: Option<((usize, usize), f64)> = None;
        for first in 0..sentences.len() {
            for last in first..sentences.len().min(first + 8) {
                let terms = evidence::Terms::of(&sentences[first..=last].concat());
                let total = quote.as_slice().len() + terms.as_slice().len();
                let alike = (2 * quote.shared(&terms)) as f64 / total.max(1) as f64;
                if best.is_none_or(|(_, score)| alike > score) {
                    best = Some(((first, last), alike));
                }
            }
        }
        best
    }

    /// Whether the quote is only some of the paragraph's sentences.
    pub fn is_narrowed(&self) -> bool {
        !self.paragraph.is_empty()
    }
}

/// Whether a block of this kind can carry a bookmark or note.
pub fn anchorable(kind: &BlockKind) -> bool {
    !matches!(kind, BlockKind::Rule | BlockKind::Marker)
}

/// Whether block `i` is one a passage can be: anchorable, with some text.
fn carries_text(doc: &Document, i: usize) -> bool {
    doc.blocks
        .get(i)
        .is_some_and(|b| anchorable(&b.kind) && !b.text().trim().is_empty())
}

/// The fingerprint, without its leading number, of the first block of `ids` that carries
/// text (empty when none does).
fn neighbour(doc: &Document, mut ids: impl Iterator<Item = usize>) -> String {
    ids.find(|&i| carries_text(doc, i))
        .map(|i| fingerprint(numbering::without_number(doc.blocks[i].text())))
        .unwrap_or_default()
}

/// The heading of the section a block is in: the nearest heading above it, on one line.
fn section_of(doc: &Document, block: BlockId) -> String {
    doc.blocks[..block.0.min(doc.blocks.len())]
        .iter()
        .rev()
        .find(|b| b.heading_level().is_some())
        .map(|b| one_line(b.text()))
        .unwrap_or_default()
}

/// The fingerprint of a text: a hash of its letters, folded, with whitespace left out, so
/// re-wrapping or re-spacing a paragraph does not change it.
pub fn fingerprint(text: &str) -> String {
    digest(text).iter().map(|b| format!("{b:02x}")).collect()
}

/// The start of the SHA-256 of a text's characters as [`normal_chars`] gives them: what a
/// fingerprint writes in hex. The characters are hashed as they come, never collected.
pub(crate) fn digest(text: &str) -> [u8; 8] {
    let mut hasher = Sha256::new();
    let mut buf = [0u8; 256];
    let mut len = 0;
    for c in normal_chars(text) {
        if len + 4 > buf.len() {
            hasher.update(&buf[..len]);
            len = 0;
        }
        len += c.encode_utf8(&mut buf[len..]).len();
    }
    hasher.update(&buf[..len]);
    let mut out = [0u8; 8];
    out.copy_from_slice(&hasher.finalize()[..8]);
    out
}

/// A block's text on one line, as it is quoted.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A text as fingerprints see it (see [`normal_chars`]), for comparing titles.
pub fn normal_text(text: &str) -> String {
    normal_chars(text).collect()
}

/// A text's characters as fingerprints see them: case-folded, every full-width form
/// (letters, digits and punctuation) made ASCII, whitespace left out. Stored fingerprints
/// depend on it, so it never changes.
fn normal_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .map(|c| match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
            _ => c,
        })
        .map(fold_char)
        .filter(|c| !c.is_whitespace())
}

#[cfg(test)]
mod tests;
