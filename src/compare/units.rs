//! An edition as the comparison sees it: its paragraphs (headings, list items, rows...),
//! each with its substance, its own number, the headings it stands under, and the keys it
//! is aligned by.

use std::hash::{DefaultHasher, Hash, Hasher};

use crate::doc::{Block, BlockKind, Document};

use super::numbering::{self, Number};
use super::substance::{pairs, substance};

/// One paragraph of an edition.
#[derive(Clone, Debug)]
pub struct Unit {
    /// Its block in the document.
    pub block: usize,
    /// Its substance (see [`substance`]).
    pub substance: String,
    /// Its substance without its own number.
    pub body: String,
    /// Its own number, from its text or its list marker.
    pub number: Option<Number>,
    /// What it is aligned by: its body, or all of it when the body is too short to tell
    /// paragraphs apart.
    pub key: u64,
    /// Its character pairs, for likeness.
    pub pairs: Vec<u64>,
    /// The headings it stands under.
    pub section: String,
}

impl Unit {
    /// Whether the body is long enough to say two paragraphs are one.
    pub fn telling(&self) -> bool {
        self.body.chars().count() >= 4
    }
}

/// A hash of a text.
fn hashed(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// The paragraphs of a document worth comparing: every block with text, rules left out.
pub fn units(doc: &Document) -> Vec<Unit> {
    let mut out = Vec::with_capacity(doc.blocks.len());
    let mut headings: Vec<(u8, String)> = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        let text = block.text();
        let section = headings
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join(" › ");
        if let Some(level) = block.heading_level() {
            headings.retain(|(l, _)| *l < level);
            headings.push((level, short(text)));
        }
        let whole = substance(text);
        if whole.is_empty() {
            continue;
        }
        let (number, body) = match (&block.kind, numbering::leading(text)) {
            (_, Some((n, at))) => (Some(n), substance(&text[at..])),
            (BlockKind::ListItem { marker, .. }, None) => {
                (numbering::of_marker(marker), whole.clone())
            }
            _ => (None, whole.clone()),
        };
        let telling = body.chars().count() >= 4;
        out.push(Unit {
            block: i,
            key: hashed(if telling { &body } else { &whole }),
            pairs: pairs(&whole),
            substance: whole,
            body,
            number,
            section,
        });
    }
    out
}

/// A heading as a breadcrumb shows it: its first 40 characters.
fn short(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// Whether two blocks are set alike: the same kind, list marker and styles.
pub fn set_alike(a: &Block, b: &Block) -> bool {
    a.kind == b.kind && a.text() == b.text() && a.spans().eq(b.spans())
}
