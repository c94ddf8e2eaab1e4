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
use super::evidence::{Likeness, Rarity, Terms};
use super::numbering::{unnumbered, without_number};
use super::{Anchor, Placement, anchorable, digest, normal_chars, one_line};
use crate::doc::{Block, BlockId, Document};

/// A likeness at least this high is convincing near where the paragraph was (with no close
/// rival); far from it, under another heading, likeness alone is never enough (a quotation
/// of the paragraph elsewhere is as alike as the paragraph amended).
const ALIKE: f64 = 0.8;
/// A likeness at least this high is convincing under the paragraph's own section heading.
const ALIKE_IN_SECTION: f64 = 0.7;
/// A likeness at least this high is convincing as the one paragraph of its slot, between
/// its two old neighbours.
const ALIKE_IN_SLOT: f64 = 0.3;
/// A likeness at least this high is convincing beside one old neighbour (the other is not
/// found), or in a slot that now holds several paragraphs.
const ALIKE_BESIDE_ONE: f64 = 0.5;
/// How far a rival's likeness must stay below the best one's.
const MARGIN: f64 = 0.15;
/// Closer than this, two likenesses are a tie, which the context does not break.
const TIE: f64 = 0.05;
/// Fewer terms than this are too little to judge a reworded paragraph by.
const FEW_TERMS: usize = 4;
/// The sentences quoted must be at least this like themselves in the paragraph found, else
/// they are gone from it.
const QUOTE_ALIKE: f64 = 0.7;
/// A narrowed quote at least this long (characters, folded) is found by its own text.
const LONG_QUOTE: usize = 12;

/// A document prepared for placing anchors in it. Only what the same text needs is worked
/// out at once (most notes are on unchanged passages); the rest when a note needs it.
pub struct Placer {
    pub(super) blocks: Arc<Vec<Block>>,
    /// The blocks that can be passages (anchorable, with text), in order.
    pub(super) passages: Vec<usize>,
    /// Each block's place among the passages (`usize::MAX` for a block that is none).
    ranks: Vec<usize>,
    /// Passages by fingerprint.
    by_fingerprint: HashMap<u64, Vec<usize>>,
    /// The passages' surroundings: worked out when first needed.
    surroundings: OnceCell<Surroundings>,
    /// Each passage's terms, and their rarity: worked out when first needed.
    terms: OnceCell<(Vec<Terms>, Rarity)>,
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
        // Renumbered: the same text under another number, of its kind, and not a copy of
        // the old text already ruled out.
        let renumbered: Vec<usize> = unnumbered(anchor.annotated_paragraph())
            .and_then(|key| self.around().by_unnumbered.get(&key))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&b| self.rank(b).is_some_and(|r| self.eligible(r, &context)))
            .collect();
        if let Some(block) = context.pick(self, &renumbered) {
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
        let old = Terms::of(without_number(anchor.annotated_paragraph()));
        let quote_holder = self.quote_holder(anchor, context);
        if old.as_slice().len() < FEW_TERMS {
            // Too little text to compare: only its slot, or its quote found whole, can say.
            return quote_holder.filter(|&r| context.in_slot(r)).or_else(|| {
                let only = context.slot_passages()?;
                (only.len() == 1).then_some(only[0])
            });
        }
        let (terms, rarity) = self.terms();
        let likeness: Vec<Likeness> = terms
            .iter()
            .map(|t| Likeness::of(&old, t, rarity))
            .collect();
        // Out of its slot, a paragraph that only holds the old one (or a piece of it) is no
        // evidence, since a short paragraph is held by many: there, only likeness counts.
        let scores: Vec<f64> = likeness
            .iter()
            .enumerate()
            .map(|(r, l)| {
                if context.in_slot(r) {
                    l.score()
                } else {
                    l.both
                }
            })
            .collect();
        let best = (0..scores.len())
            .filter(|&r| self.eligible(r, context))
            .max_by(|&a, &b| {
                scores[a]
                    .total_cmp(&scores[b])
                    .then_with(|| context.distance(b).cmp(&context.distance(a)))
            })?;
        let score = scores[best];
        // The best rival: a passage not next to it (the other half of a split paragraph is
        // no rival), or an old neighbour found unchanged, which is the paragraph's twin
        // rather than the paragraph.
        let rival = (0..scores.len())
            .filter(|&r| {
                r != best
                    && self.around().headings[r] == context.heading
                    && !self.is_copy(r, context)
            })
            .filter(|&r| context.is_neighbour(self, r) || r.abs_diff(best) > 1)
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]));
        let rival_score = rival.map_or(0.0, |r| scores[r]);
        let favoured =
            rival.is_none_or(|r| context.support_in(self, best) > context.support_in(self, r));
        // Context breaks a near tie, never a tie or a rival more alike than the best.
        let clear = score - rival_score >= MARGIN || (favoured && score - rival_score >= TIE);
        let alone_in_slot = context.slot_passages().is_some_and(|s| s == [best]);
        let needed = if alone_in_slot {
            ALIKE_IN_SLOT
        } else if context.in_slot(best) {
            ALIKE_BESIDE_ONE
        } else if context.in_section(self, best) && context.near(self, best) {
            ALIKE_IN_SECTION
        } else if context.near(self, best) {
            ALIKE
        } else {
            f64::INFINITY
        };
        // Where its slot (both neighbours found) holds a paragraph like it, a paragraph more
        // like it elsewhere is a quotation or a twin as likely as the paragraph moved: the
        // two kinds of evidence disagree.
        let torn = !context.in_slot(best)
            && context.before.is_some()
            && context.after.is_some()
            && (0..scores.len()).any(|r| {
                r != best
                    && context.in_slot(r)
                    && self.eligible(r, context)
                    && scores[r] >= ALIKE_IN_SLOT
            });
        // Its neighbours standing side by side say it was deleted: a paragraph like it
        // elsewhere is a quotation or a twin as likely as the paragraph moved.
        let convincing =
            !context.deleted() && !torn && !context.out_of_order(best) && clear && score >= needed;
        let chosen = convincing.then_some(best);
        if !anchor.is_narrowed() {
            return chosen.map(|r| self.passages[r]);
        }
        // A note on some sentences goes where those sentences are. Still much like themselves
        // in the paragraph found, they are there; found word for word in a paragraph that
        // is an old neighbour with them added (moved on or back), or next to the paragraph
        // found (split around them), they moved. Both at once, or neither, the note is
        // detached: never put on other sentences, nor on a quotation of them.
        let amended_in_place = chosen.filter(|&c| {
            anchor.quote_likeness_in(self.blocks[self.passages[c]].text()) >= QUOTE_ALIKE
        });
        let moved = quote_holder.filter(|&h| {
            self.is_neighbour_with(anchor, h)
                || chosen.is_some_and(|c| c.abs_diff(h) <= 1)
                || (context.in_slot(h) && context.before.is_some() && context.after.is_some())
        });
        match (amended_in_place, moved) {
            (Some(c), Some(h)) if c == h => Some(self.passages[c]),
            (Some(c), None) if quote_holder.is_none() => Some(self.passages[c]),
            (None, Some(h)) => Some(self.passages[h]),
            _ => None,
        }
    }

    /// Whether passage `r` is one of the old paragraph's neighbours with the quoted sentences
    /// added to it (they moved on into the next paragraph, or back into the one before).
    fn is_neighbour_with(&self, anchor: &Anchor, r: usize) -> bool {
        let text: String =
            normal_chars(without_number(self.blocks[self.passages[r]].text())).collect();
        let quote: String = normal_chars(&anchor.quote).collect();
        let Some(at) = text.find(&quote).filter(|_| !quote.is_empty()) else {
            return false;
        };
        let rest = format!("{}{}", &text[..at], &text[at + quote.len()..]);
        let key = format!("{:016x}", fingerprint_key(without_number(&rest)));
        (!anchor.before.is_empty() && key == anchor.before)
            || (!anchor.after.is_empty() && key == anchor.after)
    }

    /// Whether a passage (by rank) may be an amended wording of the anchor's: of its kind
    /// (heading or paragraph), and not one of its old neighbours found unchanged.
    fn eligible(&self, r: usize, context: &Context) -> bool {
        self.around().headings[r] == context.heading
            && !context.is_neighbour(self, r)
            && !self.is_copy(r, context)
    }

    /// Whether passage `r` has the old paragraph's very text: a copy that was not told to be
    /// it, so neither it nor a rival of an amended wording.
    fn is_copy(&self, r: usize, context: &Context) -> bool {
        context.fingerprint.is_some_and(|fp| {
            self.by_fingerprint
                .get(&fp)
                .is_some_and(|found| found.contains(&self.passages[r]))
        })
    }

    /// The one passage holding a narrowed quote word for word, when the quote is long enough
    /// to say so (its rank among the passages).
    fn quote_holder(&self, anchor: &Anchor, context: &Context) -> Option<usize> {
        if !anchor.is_narrowed() || normal_chars(&anchor.quote).count() < LONG_QUOTE {
            return None;
        }
        let mut holders = self
            .passages
            .iter()
            .enumerate()
            .filter(|(r, _)| self.eligible(*r, context))
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
                .map(|&b| Terms::of(without_number(self.blocks[b].text())))
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

/// Whether a paragraph holds a quote word for word (spacing, case and full-width forms
/// aside).
fn holds(text: &str, quote: &str) -> bool {
    let quote: String = normal_chars(quote).collect();
    !quote.is_empty() && normal_chars(text).collect::<String>().contains(&quote)
}

/// A fingerprint as a number (the stored fingerprint is its hex).
fn fingerprint_key(text: &str) -> u64 {
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
