//! A note on some sentences of a paragraph follows those sentences: still there, amended in
//! place, or moved word for word into a neighbour (or the paragraph split around them);
//! else it is detached, never shown on other sentences as if they were its wording.

use super::context::Context;
use super::numbering::without_number;
use super::placer::{Placer, fingerprint_key};
use super::{Anchor, normal_chars};

/// The sentences quoted must be at least this like themselves in the paragraph found, else
/// they are gone from it.
const QUOTE_ALIKE: f64 = 0.7;
/// A narrowed quote at least this long (characters, folded) is found by its own text.
const LONG_QUOTE: usize = 12;

impl Placer {
    /// Where (the rank of the passage) the sentences a narrowed anchor quotes are, given the
    /// paragraph (its rank) an amended wording was found to be, if any.
    pub(super) fn follow_sentences(
        &self,
        anchor: &Anchor,
        context: &Context,
        chosen: Option<usize>,
    ) -> Option<usize> {
        let quote_holder = self.quote_holder(anchor, context);
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
            (Some(c), Some(h)) if c == h => Some(c),
            (Some(c), None) if quote_holder.is_none() => Some(c),
            (None, Some(h)) => Some(h),
            _ => None,
        }
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
}

/// Whether a paragraph holds a quote word for word (spacing, case and full-width forms
/// aside).
pub(super) fn holds(text: &str, quote: &str) -> bool {
    let quote: String = normal_chars(quote).collect();
    !quote.is_empty() && normal_chars(text).collect::<String>().contains(&quote)
}
