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
use std::sync::Arc;

use super::context::Context;
use super::evidence::{Rarity, Terms};
use super::numbering::{unnumbered, without_number};
use super::quoted::holds;
use super::{Anchor, Placement, anchorable, digest, one_line};
use crate::doc::{Block, BlockId, Document};

/// A document prepared for placing anchors in it. Only what the same text needs is worked
/// out at once (most notes are on unchanged passages); the rest when a note needs it.
pub struct Placer {
    pub(super) blocks: Arc<Vec<Block>>,
    /// The blocks that can be passages (anchorable, with text), in order.
    pub(super) passages: Vec<usize>,
    /// Each block's place among the passages (`usize::MAX` for a block that is none).
    ranks: Vec<usize>,
    /// Passages by fingerprint.
    pub(super) by_fingerprint: HashMap<u64, Vec<usize>>,
    /// The passages' surroundings: worked out when first needed.
    surroundings: OnceCell<Surroundings>,
    /// Each passage's terms, and their rarity: worked out when first needed.
    pub(super) terms: OnceCell<(Vec<Terms>, Rarity)>,
    /// Anchors placed already (a store write places every note again).
    placed: RefCell<HashMap<u64, Placement>>,
}

/// What is known of each passage besides its text: its section, its kind, and the keys its
/// neighbours' anchors know it by.
pub(super) struct Surroundings {
    /// Passages by their text without a leading number.
    pub(super) by_unnumbered: HashMap<u64, Vec<usize>>,
    /// Each passage's section heading (as `unnumbered` keys it; 0 before the first).
    pub(super) sections: Vec<u64>,
    /// Each passage's fingerprint without its leading number, as anchors know their
    /// neighbours.
    pub(super) neighbour_keys: Vec<u64>,
    /// Passages by that fingerprint.
    pub(super) by_neighbour_key: HashMap<u64, Vec<usize>>,
    /// Whether each passage is a heading.
    pub(super) headings: Vec<bool>,
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
        let mut ranks = vec![usize::MAX; blocks.len()];
        let mut by_fingerprint: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, b) in blocks.iter().enumerate() {
            if anchorable(&b.kind) && !b.text().trim().is_empty() {
                ranks[i] = passages.len();
                passages.push(i);
                by_fingerprint
                    .entry(fingerprint_key(b.text()))
                    .or_default()
                    .push(i);
            }
        }
        Placer {
            blocks,
            passages,
            ranks,
            by_fingerprint,
            surroundings: OnceCell::new(),
            terms: OnceCell::new(),
            placed: RefCell::new(HashMap::new()),
        }
    }

    /// A block's place among the passages, when it is one.
    pub(super) fn rank(&self, block: usize) -> Option<usize> {
        self.ranks.get(block).copied().filter(|&r| r != usize::MAX)
    }

    /// The key an anchor knows passage `r` by as its neighbour.
    fn neighbour_key(&self, r: usize) -> Option<u64> {
        match self.surroundings.get() {
            Some(around) => around.neighbour_keys.get(r).copied(),
            None => {
                let text = self.blocks[*self.passages.get(r)?].text();
                Some(fingerprint_key(without_number(text)))
            }
        }
    }

    /// Whether passage `r` has one of the anchor's old neighbours right beside it.
    fn has_a_neighbour(&self, anchor: &Anchor, r: usize) -> bool {
        let key = |hex: &str| u64::from_str_radix(hex, 16).ok();
        let before = r.checked_sub(1).and_then(|p| self.neighbour_key(p));
        let after = self.neighbour_key(r + 1);
        (before.is_some() && before == key(&anchor.before))
            || (after.is_some() && after == key(&anchor.after))
    }

    /// The passages' surroundings.
    pub(super) fn around(&self) -> &Surroundings {
        self.surroundings.get_or_init(|| {
            let mut around = Surroundings {
                by_unnumbered: HashMap::new(),
                sections: Vec::with_capacity(self.passages.len()),
                neighbour_keys: Vec::with_capacity(self.passages.len()),
                by_neighbour_key: HashMap::new(),
                headings: Vec::with_capacity(self.passages.len()),
            };
            let mut section = 0;
            let mut next = 0;
            for (i, b) in self.blocks.iter().enumerate() {
                if self.passages.get(next) == Some(&i) {
                    next += 1;
                    let neighbour_key = fingerprint_key(without_number(b.text()));
                    around
                        .by_neighbour_key
                        .entry(neighbour_key)
                        .or_default()
                        .push(i);
                    around.neighbour_keys.push(neighbour_key);
                    around.headings.push(b.heading_level().is_some());
                    if let Some(key) = unnumbered(b.text()) {
                        around.by_unnumbered.entry(key).or_default().push(i);
                    }
                    around.sections.push(section);
                }
                if b.heading_level().is_some() {
                    section = unnumbered(&one_line(b.text())).unwrap_or(0);
                }
            }
            around
        })
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
        let same = u64::from_str_radix(&anchor.fingerprint, 16)
            .ok()
            .and_then(|fp| self.by_fingerprint.get(&fp));
        // The one passage of that text, as it was the one: nothing else to weigh.
        if let Some([only]) = same.map(Vec::as_slice)
            && anchor.copies <= 1
        {
            return Placement::Same(BlockId(*only));
        }
        if let Some(found) = same {
            // The same text, but which copy of it, when the document repeats it?
            // The same number of copies: the same one of them, unless it stands apart from
            // both its old neighbours (it is a copy that moved).
            if found.len() == anchor.copies.max(1)
                && let Some(&block) = found.get(anchor.copy)
                && (found.len() == 1
                    || self
                        .rank(block)
                        .is_some_and(|r| self.has_a_neighbour(anchor, r)))
            {
                return Placement::Same(BlockId(block));
            }
            // A copy added or gone, or moved: the one copy with one of its old neighbours
            // beside it is it. None, or several: the copies found are not told apart, and the
            // passage may be another one, amended (below, the copies left out).
            let beside: Vec<usize> = found
                .iter()
                .copied()
                .filter(|&b| {
                    self.rank(b)
                        .is_some_and(|r| self.has_a_neighbour(anchor, r))
                })
                .collect();
            if let [only] = beside.as_slice() {
                return Placement::Same(BlockId(*only));
            }
        }
        let context = Context::of(self, anchor);
        // Renumbered: the same text under another number, of its kind, and not a copy of the
        // old text already ruled out. Where the paragraph stood (an old neighbour beside it,
        // its slot, or near under its heading when nothing says it was amended or deleted in
        // its slot), that is it. Elsewhere, only a text long enough to be told from a list
        // item repeated under another article's number, and again with nothing in its slot
        // to say otherwise.
        let renumbered: Vec<usize> = unnumbered(anchor.annotated_paragraph())
            .and_then(|key| self.around().by_unnumbered.get(&key))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&b| {
                self.rank(b).is_some_and(|r| {
                    self.around().headings[r] == context.heading && !context.is_neighbour(self, r)
                })
            })
            .filter(|b| {
                // Not the old text itself: that was weighed above.
                context
                    .fingerprint
                    .and_then(|fp| self.by_fingerprint.get(&fp))
                    .is_none_or(|copies| !copies.contains(b))
            })
            .collect();
        // Its slot holding a paragraph like it, or its neighbours now side by side, say it
        // was amended or deleted where it stood.
        let in_place = self.slot_holds_a_likeness(anchor, &context) || context.deleted();
        let backed: Vec<usize> = renumbered
            .iter()
            .copied()
            .filter(|&b| {
                self.rank(b).is_some_and(|r| {
                    self.has_a_neighbour(anchor, r)
                        || context.in_slot(r)
                        || (!in_place && context.near(self, r) && context.in_section(self, r))
                })
            })
            .collect();
        if let Some(block) = context.pick(self, &backed) {
            return self.amended(anchor, block);
        }
        if let [only] = renumbered.as_slice()
            && self.distinctive(anchor)
            && !in_place
        {
            return self.amended(anchor, *only);
        }
        let chosen = self.reworded(anchor, &context);
        let found = if anchor.is_narrowed() {
            self.follow_sentences(anchor, &context, chosen)
        } else {
            chosen
        };
        match found {
            Some(r) => self.amended(anchor, self.passages[r]),
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

/// A fingerprint as a number (the stored fingerprint is its hex).
pub(super) fn fingerprint_key(text: &str) -> u64 {
    u64::from_be_bytes(digest(text))
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
