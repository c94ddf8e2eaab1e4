//! An edition as the comparison sees it: its paragraphs (headings, list items, rows...),
//! each with its substance, its own number, the headings it stands under, and the keys it
//! is aligned by.

use crate::doc::{Block, BlockKind, Document};

use super::numbering::{self, Number};
use super::substance::{hashed, pairs, substance};

/// One paragraph of an edition.
#[derive(Clone, Debug)]
pub struct Unit {
    /// Its block in the document.
    pub block: usize,
    /// Its substance (see [`substance`]).
    pub substance: String,
    /// Where its substance without its own number begins.
    body_at: usize,
    /// Its own number, from its text or its list marker.
    pub number: Option<Number>,
    /// What it is aligned by: its body, or all of it when the body is too short to tell
    /// paragraphs apart.
    pub key: u64,
    /// Its character pairs, for likeness: worked out when first asked for (most
    /// paragraphs are matched by their key alone).
    pairs: std::sync::OnceLock<Vec<u64>>,
    /// The headings it stands under.
    pub section: std::sync::Arc<str>,
}

impl Unit {
    /// Its character pairs, for likeness.
    pub fn pairs(&self) -> &[u64] {
        self.pairs.get_or_init(|| pairs(&self.substance))
    }

    /// Its substance without its own number.
    pub fn body(&self) -> &str {
        &self.substance[self.body_at..]
    }

    /// Whether the body is long enough to say two paragraphs are one.
    pub fn telling(&self) -> bool {
        self.body().chars().nth(3).is_some()
    }
}

/// The paragraphs of a document worth comparing: every block with text, rules left out.
pub fn units(doc: &Document) -> Vec<Unit> {
    let mut out = Vec::with_capacity(doc.blocks.len());
    let mut headings: Vec<(u8, String)> = Vec::new();
    let mut under: std::sync::Arc<str> = "".into();
    for (i, block) in doc.blocks.iter().enumerate() {
        let text = block.text();
        // A heading stands in its own section.
        if let Some(level) = block.heading_level() {
            headings.retain(|(l, _)| *l < level);
            headings.push((level, text.trim().to_string()));
            under = headings
                .iter()
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join(" › ")
                .into();
        }
        let section = under.clone();
        // A bullet typed into the text (`• `) is a list marker, as `- ` in Markdown is.
        let text = bulleted(text);
        let leading = numbering::leading(text);
        // A numbered paragraph's substance is its number's and its body's.
        let (whole, numbered_body) = match &leading {
            Some((_, at)) => {
                let (label, body) = (substance(&text[..*at]), substance(&text[*at..]));
                let spaced = |c: Option<char>| {
                    c.is_some_and(|c| c.is_alphanumeric() && !super::wording::is_cjk(c))
                };
                let joiner = if spaced(label.chars().last()) && spaced(body.chars().next()) {
                    " "
                } else {
                    ""
                };
                let mut whole = label;
                whole.push_str(joiner);
                whole.push_str(&body);
                (whole, Some(body.len()))
            }
            None => (substance(text), None),
        };
        if whole.is_empty() {
            continue;
        }
        let (number, body_at) = match (&block.kind, leading) {
            (_, Some((n, _))) => (Some(n), whole.len() - numbered_body.unwrap_or(0)),
            (BlockKind::ListItem { marker, .. }, None) => (numbering::of_marker(marker), 0),
            _ => (None, 0),
        };
        let body = &whole[body_at..];
        let telling = body.chars().nth(3).is_some();
        let key = hashed(if telling { body } else { &whole });
        out.push(Unit {
            block: i,
            key,
            pairs: std::sync::OnceLock::new(),
            substance: whole,
            body_at,
            number,
            section,
        });
    }
    out
}

/// The text after a bullet typed into it (`• `, `· `, `▪ `), or all of it.
fn bulleted(text: &str) -> &str {
    let trimmed = text.trim_start();
    let mut chars = trimmed.chars();
    match (chars.next(), chars.next()) {
        (Some('•' | '·' | '▪' | '◦' | '‣' | '●' | '○' | '■' | '□' | '▶' | '►'), Some(c))
            if c.is_whitespace() =>
        {
            chars.as_str().trim_start()
        }
        _ => text,
    }
}

/// Whether two blocks are set alike: the same kind, list marker and styles.
pub fn set_alike(a: &Block, b: &Block) -> bool {
    a.kind == b.kind && a.text() == b.text() && a.spans().eq(b.spans())
}
