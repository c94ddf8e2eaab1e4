//! An amended wording: each paragraph of the new edition compared with the old one (terms
//! weighted by rarity: [`super::evidence`]), backed by where it stands (its slot, its
//! section, its place). A close rival, too little text, neighbours now side by side, or
//! evidence that disagrees leave the note detached.

use super::Anchor;
use super::context::Context;
use super::evidence::{Likeness, Rarity, Terms};
use super::numbering::without_number;
use super::placer::Placer;

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
/// A paragraph with at least this many terms is told from a list item repeated elsewhere.
const DISTINCTIVE_TERMS: usize = 20;
/// Fewer terms than this are too little to judge a reworded paragraph by.
const FEW_TERMS: usize = 4;

impl Placer {
    /// The paragraph (its rank) an amended wording most convincingly is, if any.
    pub(super) fn reworded(&self, anchor: &Anchor, context: &Context) -> Option<usize> {
        let old = Terms::of(without_number(anchor.annotated_paragraph()));
        if old.as_slice().len() < FEW_TERMS {
            // Too little text to compare: only its slot, holding one paragraph, can say.
            let only = context.slot_passages()?;
            return (only.len() == 1).then_some(only[0]);
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
        convincing.then_some(best)
    }

    /// Whether a passage (by rank) may be an amended wording of the anchor's: of its kind
    /// (heading or paragraph), and not one of its old neighbours found unchanged.
    pub(super) fn eligible(&self, r: usize, context: &Context) -> bool {
        self.around().headings[r] == context.heading
            && !context.is_neighbour(self, r)
            && !self.is_copy(r, context)
    }

    /// Whether passage `r` has the old paragraph's very text, or that text under another
    /// number: a copy that was not told to be it (another article's item of the same words),
    /// so neither it nor a rival of an amended wording.
    pub(super) fn is_copy(&self, r: usize, context: &Context) -> bool {
        let block = self.passages[r];
        let holds = |map: &std::collections::HashMap<u64, Vec<usize>>, key: Option<u64>| {
            key.and_then(|k| map.get(&k))
                .is_some_and(|found| found.contains(&block))
        };
        holds(&self.by_fingerprint, context.fingerprint)
            || holds(&self.around().by_unnumbered, context.unnumbered)
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

    /// Whether the old paragraph says enough to be known anywhere by its text alone.
    pub(super) fn distinctive(&self, anchor: &Anchor) -> bool {
        Terms::of(without_number(anchor.annotated_paragraph()))
            .as_slice()
            .len()
            >= DISTINCTIVE_TERMS
    }

    /// Whether the old paragraph's slot (both neighbours found) holds a paragraph like it:
    /// it was amended in its place.
    pub(super) fn slot_holds_a_likeness(&self, anchor: &Anchor, context: &Context) -> bool {
        let Some(slot) = context.slot_passages() else {
            return false;
        };
        let old = Terms::of(without_number(anchor.annotated_paragraph()));
        let (terms, rarity) = self.terms();
        slot.iter()
            .any(|&r| Likeness::of(&old, &terms[r], rarity).score() >= ALIKE_IN_SLOT)
    }
}
