//! Placing anchors in a document: the evidence weighed the way a careful reader would, for
//! precision first. A note is put on a paragraph only when the evidence is convincing, and
//! otherwise left detached: a note on the wrong paragraph is worse than a note on none.
//!
//! In order:
//! 1. **The same text** (its fingerprint) anywhere: the passage is unchanged, perhaps moved.
//! 2. **The same text but for its number** (`4.` → `5.`, `第十五条` → `第十四条`): renumbered,
//!    so changed.
//! 3. **An amended wording**: each paragraph's likeness to the old wording (terms weighted by
//!    rarity: [`super::evidence`]), backed by where it stands: between the old neighbours,
//!    found unchanged (its slot), and under the same section heading. A close rival elsewhere
//!    that the context does not rule out, too little text to judge by, or neighbours that
//!    now stand side by side (the paragraph was deleted) make it detached.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, LazyLock};

use regex::Regex;
use sha2::{Digest, Sha256};

use super::evidence::{Likeness, Rarity, Terms};
use super::{Anchor, Placement, anchorable, normal_chars, one_line};
use crate::doc::{Block, BlockId, Document};

/// A likeness at least this high is convincing by itself (with no close rival).
const ALIKE: f64 = 0.6;
/// A likeness at least this high is convincing in the paragraph's own slot.
const ALIKE_IN_SLOT: f64 = 0.3;
/// How far a rival's likeness must stay below the best one's.
const MARGIN: f64 = 0.15;
/// A paragraph whose neighbours now stand side by side was deleted, unless one this alike
/// is found elsewhere (moved and barely touched).
const ALIKE_AFTER_DELETION: f64 = 0.8;
/// Fewer terms than this are too little to judge a reworded paragraph by.
const FEW_TERMS: usize = 4;
/// A slot wider than this many paragraphs says little about which one is the passage.
const WIDE_SLOT: usize = 6;
/// A narrowed quote at least this long (characters, folded) is found by its own text.
const LONG_QUOTE: usize = 12;

/// A document prepared for placing anchors in it.
pub struct Placer {
    blocks: Arc<Vec<Block>>,
    /// The blocks that can be passages (anchorable, with text), in order.
    passages: Vec<usize>,
    /// Each block's place among the passages.
    rank: HashMap<usize, usize>,
    /// Passages by fingerprint.
    by_fingerprint: HashMap<u64, Vec<usize>>,
    /// Passages by their text without a leading number.
    by_unnumbered: HashMap<u64, Vec<usize>>,
    /// Each passage's section heading (as [`unnumbered`] keys it; 0 before the first).
    sections: Vec<u64>,
    /// Each passage's terms, and their rarity: worked out when first needed.
    terms: OnceCell<(Vec<Terms>, Rarity)>,
    /// Anchors placed already (a store write places every note again).
    placed: RefCell<HashMap<u64, Placement>>,
}

impl std::fmt::Debug for Placer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Placer")
            .field("passages", &self.passages.len())
            .finish()
    }
}

impl Placer {
    /// Prepares a document.
    pub fn new(doc: &Document) -> Placer {
        let blocks = Arc::clone(&doc.blocks);
        let mut passages = Vec::new();
        let mut rank = HashMap::new();
        let mut by_fingerprint: HashMap<u64, Vec<usize>> = HashMap::new();
        let mut by_unnumbered: HashMap<u64, Vec<usize>> = HashMap::new();
        let mut sections = Vec::new();
        let mut section = 0;
        for (i, b) in blocks.iter().enumerate() {
            let carries = anchorable(&b.kind) && !b.text().trim().is_empty();
            if carries {
                rank.insert(i, passages.len());
                passages.push(i);
                by_fingerprint
                    .entry(fingerprint_key(b.text()))
                    .or_default()
                    .push(i);
                if let Some(key) = unnumbered(b.text()) {
                    by_unnumbered.entry(key).or_default().push(i);
                }
                sections.push(section);
            }
            if b.heading_level().is_some() {
                section = unnumbered(&one_line(b.text())).unwrap_or(0);
            }
        }
        Placer {
            blocks,
            passages,
            rank,
            by_fingerprint,
            by_unnumbered,
            sections,
            terms: OnceCell::new(),
            placed: RefCell::new(HashMap::new()),
        }
    }

    /// Whether this placer was made for this document edition.
    pub fn is_for(&self, doc: &Document) -> bool {
        Arc::ptr_eq(&self.blocks, &doc.blocks)
    }

    /// Where an anchor belongs in the document, and how sure that is.
    pub fn place(&self, anchor: &Anchor) -> Placement {
        let key = anchor_key(anchor);
        if let Some(known) = self.placed.borrow().get(&key) {
            return *known;
        }
        let placement = self.decide(anchor);
        self.placed.borrow_mut().insert(key, placement);
        placement
    }

    fn decide(&self, anchor: &Anchor) -> Placement {
        let context = Context::of(self, anchor);
        let same = u64::from_str_radix(&anchor.fingerprint, 16)
            .ok()
            .and_then(|fp| self.by_fingerprint.get(&fp));
        if let Some(block) = same.and_then(|found| context.pick(self, found)) {
            return Placement::Same(BlockId(block));
        }
        let renumbered =
            unnumbered(anchor.annotated_paragraph()).and_then(|key| self.by_unnumbered.get(&key));
        if let Some(block) = renumbered.and_then(|found| context.pick(self, found)) {
            return self.amended(anchor, block);
        }
        match self.reworded(anchor, &context) {
            Some(block) => self.amended(anchor, block),
            None => Placement::Detached,
        }
    }

    /// The passage an amended paragraph landed on: the same, for a narrowed quote whose
    /// sentences are still there word for word; else changed.
    fn amended(&self, anchor: &Anchor, block: usize) -> Placement {
        if anchor.is_narrowed() && holds(self.blocks[block].text(), &anchor.quote) {
            Placement::Same(BlockId(block))
        } else {
            Placement::Changed(BlockId(block))
        }
    }

    /// The paragraph an amended wording most convincingly is, if any.
    fn reworded(&self, anchor: &Anchor, context: &Context) -> Option<usize> {
        let old = Terms::of(anchor.annotated_paragraph());
        let quote_holder = self.quote_holder(anchor);
        if old.as_slice().len() < FEW_TERMS {
            // Too little text to compare: only its slot, or its quote found whole, can say.
            return quote_holder.filter(|&r| context.in_slot(r)).or_else(|| {
                let only = context.slot_passages()?;
                (only.len() == 1).then_some(only[0])
            });
        }
        let (terms, rarity) = self.terms();
        let scores: Vec<f64> = terms
            .iter()
            .map(|t| Likeness::of(&old, t, rarity).score())
            .collect();
        let best = (0..scores.len()).max_by(|&a, &b| {
            scores[a]
                .total_cmp(&scores[b])
                .then_with(|| context.distance(b).cmp(&context.distance(a)))
        })?;
        let score = scores[best];
        // The best rival not next to it (the other half of a split paragraph is no rival).
        let rival = (0..scores.len())
            .filter(|&r| r.abs_diff(best) > 1)
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]));
        let rival_score = rival.map_or(0.0, |r| scores[r]);
        let favoured =
            rival.is_none_or(|r| context.support_in(self, best) > context.support_in(self, r));
        let clear = score - rival_score >= MARGIN || favoured;
        let convincing = if context.deleted() {
            // Its neighbours stand side by side: only a near copy elsewhere is it, moved.
            score >= ALIKE_AFTER_DELETION && score - rival_score >= 2.0 * MARGIN
        } else {
            clear && (score >= ALIKE || (score >= ALIKE_IN_SLOT && context.in_slot(best)))
        };
        let chosen = convincing.then_some(best);
        // A narrowed quote found word for word next to the choice (the paragraph was split
        // around it) goes where its sentences are.
        match (chosen, quote_holder) {
            (Some(c), Some(h)) if c.abs_diff(h) <= 1 => Some(self.passages[h]),
            (None, Some(h)) if context.in_slot(h) => Some(self.passages[h]),
            (c, _) => c.map(|r| self.passages[r]),
        }
    }

    /// The one passage holding a narrowed quote word for word, when the quote is long enough
    /// to say so (its rank among the passages).
    fn quote_holder(&self, anchor: &Anchor) -> Option<usize> {
        if !anchor.is_narrowed() || normal_chars(&anchor.quote).count() < LONG_QUOTE {
            return None;
        }
        let mut holders = self
            .passages
            .iter()
            .enumerate()
            .filter(|(_, b)| holds(self.blocks[**b].text(), &anchor.quote))
            .map(|(r, _)| r);
        let first = holders.next()?;
        holders.next().is_none().then_some(first)
    }

    fn terms(&self) -> &(Vec<Terms>, Rarity) {
        self.terms.get_or_init(|| {
            let terms: Vec<Terms> = self
                .passages
                .iter()
                .map(|&b| Terms::of(self.blocks[b].text()))
                .collect();
            let rarity = Rarity::of(terms.iter());
            (terms, rarity)
        })
    }
}

/// The placers of the documents open, kept while each edition is: placing every note again
/// after each change to the store costs nothing new.
#[derive(Debug, Default)]
pub struct Placers(Vec<std::rc::Rc<Placer>>);

impl Placers {
    /// The placer of a document edition, prepared once.
    pub fn of(&mut self, doc: &Document) -> std::rc::Rc<Placer> {
        if let Some(p) = self.0.iter().find(|p| p.is_for(doc)) {
            return std::rc::Rc::clone(p);
        }
        let placer = std::rc::Rc::new(Placer::new(doc));
        self.0.push(std::rc::Rc::clone(&placer));
        placer
    }

    /// Forgets the placers of editions no longer open.
    pub fn keep_only(&mut self, docs: &[Document]) {
        self.0.retain(|p| docs.iter().any(|d| p.is_for(d)));
    }
}

/// Where an anchor's paragraph stood, as found in the new edition: its old neighbours (by
/// their unchanged text), its section and its position.
struct Context {
    /// The rank of the old paragraph before it, found unchanged.
    before: Option<usize>,
    /// The rank of the old paragraph after it, found unchanged.
    after: Option<usize>,
    /// Its section heading (0: none).
    section: u64,
    /// Its old position, as a rank in the new edition (roughly).
    position: usize,
}

impl Context {
    fn of(placer: &Placer, anchor: &Anchor) -> Context {
        let position = placer
            .passages
            .partition_point(|&b| b < anchor.position)
            .min(placer.passages.len().saturating_sub(1));
        let find = |fp: &str| -> Option<usize> {
            let fp = u64::from_str_radix(fp, 16).ok()?;
            let found = placer.by_fingerprint.get(&fp)?;
            found
                .iter()
                .filter_map(|b| placer.rank.get(b).copied())
                .min_by_key(|r| r.abs_diff(position))
        };
        let (before, after) = (find(&anchor.before), find(&anchor.after));
        // Neighbours found in the wrong order say nothing about a slot.
        let (before, after) = match (before, after) {
            (Some(b), Some(a)) if b >= a => (None, None),
            pair => pair,
        };
        Context {
            before,
            after,
            section: unnumbered(&anchor.section).unwrap_or(0),
            position,
        }
    }

    /// Whether both neighbours are found, side by side: what stood between them is gone.
    fn deleted(&self) -> bool {
        matches!((self.before, self.after), (Some(b), Some(a)) if a == b + 1)
    }

    /// The passages of its slot, when both neighbours were found close together.
    fn slot_passages(&self) -> Option<Vec<usize>> {
        let (b, a) = (self.before?, self.after?);
        (a > b + 1 && a - b - 1 <= WIDE_SLOT).then(|| (b + 1..a).collect())
    }

    /// Whether a passage (by rank) stands where the old paragraph stood: between its old
    /// neighbours, or right after (before) the one found.
    fn in_slot(&self, r: usize) -> bool {
        match (self.before, self.after) {
            (Some(b), Some(a)) => b < r && r < a && a - b - 1 <= WIDE_SLOT,
            (Some(b), None) => r > b && r - b <= 2,
            (None, Some(a)) => r < a && a - r <= 2,
            (None, None) => false,
        }
    }

    /// How far a passage is from where the old paragraph was.
    fn distance(&self, r: usize) -> usize {
        r.abs_diff(self.position)
    }

    /// Among passages with the same text, the one the context backs most, then the nearest
    /// to where it was.
    fn pick(&self, placer: &Placer, found: &[usize]) -> Option<usize> {
        found
            .iter()
            .filter_map(|b| placer.rank.get(b).map(|r| (*b, *r)))
            .max_by(|&(_, x), &(_, y)| {
                self.support_in(placer, x)
                    .cmp(&self.support_in(placer, y))
                    .then_with(|| self.distance(y).cmp(&self.distance(x)))
            })
            .map(|(b, _)| b)
    }

    /// How much the context backs a passage: its slot counts most, its section next.
    fn support_in(&self, placer: &Placer, r: usize) -> u8 {
        2 * u8::from(self.in_slot(r))
            + u8::from(self.section != 0 && placer.sections.get(r) == Some(&self.section))
    }
}

/// Whether a paragraph holds a quote word for word (spacing, case and full-width forms
/// aside).
fn holds(text: &str, quote: &str) -> bool {
    let quote: String = normal_chars(quote).collect();
    !quote.is_empty() && normal_chars(text).collect::<String>().contains(&quote)
}

/// A fingerprint as a number (the stored fingerprint is its hex).
fn fingerprint_key(text: &str) -> u64 {
    let normal: String = normal_chars(text).collect();
    let digest = Sha256::digest(normal.as_bytes());
    u64::from_be_bytes(digest[..8].try_into().unwrap_or_default())
}

/// A leading number or label: `4.`, `1.2)`, `(3)`, `一、`, `第十五条`, `Article 7`.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:第[0-9零〇一二三四五六七八九十百千]+[条章节款项编部]|(?:article|section|paragraph|статья|пункт|раздел)[0-9ivxlc]+[.:]?|[(（][0-9一二三四五六七八九十]+[)）]|[0-9]+(?:\.[0-9]+)*[.)、:]|[一二三四五六七八九十]+[、.])",
    )
    .expect("a valid pattern")
});

/// A key for a text without its leading number: two paragraphs that differ only in their
/// numbering have the same key. None when too little text is left to tell paragraphs apart.
pub(crate) fn unnumbered(text: &str) -> Option<u64> {
    let normal: String = normal_chars(text).collect();
    let rest = LABEL
        .find(&normal)
        .map_or(normal.as_str(), |m| &normal[m.end()..]);
    if rest.chars().count() < 4 {
        return None;
    }
    let mut h = DefaultHasher::new();
    rest.hash(&mut h);
    Some(h.finish())
}

/// A key for an anchor, to remember where it was placed.
fn anchor_key(anchor: &Anchor) -> u64 {
    let mut h = DefaultHasher::new();
    (
        &anchor.fingerprint,
        anchor.position,
        &anchor.quote,
        &anchor.paragraph,
        &anchor.section,
        &anchor.before,
        &anchor.after,
    )
        .hash(&mut h);
    h.finish()
}
