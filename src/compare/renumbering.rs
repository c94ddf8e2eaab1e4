//! Renumbering: which paragraphs' numbers changed only because one before them was inserted
//! or deleted, and which cross-references were rewritten to follow.

use std::collections::HashMap;

use super::align::Step;
use super::numbering::{cited, without_number};
use super::substance::substance;
use super::units::Unit;
use super::wording::{Kind, Piece, push_piece};

/// How the old edition's numbers became the new's: `(style, old) → new`.
#[derive(Clone, Debug, Default)]
pub struct Renumbering {
    map: HashMap<(String, u32), u32>,
    /// The steps (indexes) whose number change the insertions and deletions before them
    /// explain.
    pub explained: Vec<bool>,
}

impl Renumbering {
    /// Works out, for each pair of numbered paragraphs of one style in order, whether its
    /// change of number is the sum of the same-style paragraphs inserted and deleted since
    /// the last pair (a list that starts again counts from nought).
    pub fn of(steps: &[Step], old: &[Unit], new: &[Unit]) -> Renumbering {
        #[derive(Default)]
        struct Style {
            last_old: Option<u32>,
            shift: i64,
            inserted: i64,
            deleted: i64,
        }
        let mut styles: HashMap<String, Style> = HashMap::new();
        let mut out = Renumbering {
            map: HashMap::new(),
            explained: vec![false; steps.len()],
        };
        for (k, step) in steps.iter().enumerate() {
            match step {
                Step::Deleted(i) => {
                    if let Some(n) = &old[*i].number {
                        styles.entry(n.style.clone()).or_default().deleted += 1;
                    }
                }
                Step::Inserted(j) => {
                    if let Some(n) = &new[*j].number {
                        styles.entry(n.style.clone()).or_default().inserted += 1;
                    }
                }
                Step::Pair { old: a, new: b, .. } => {
                    let (Some(o), Some(n)) = (&old[a.start].number, &new[b.start].number) else {
                        continue;
                    };
                    if o.style != n.style {
                        continue;
                    }
                    let style = styles.entry(o.style.clone()).or_default();
                    let base = match style.last_old {
                        Some(last) if o.value > last => style.shift,
                        _ => 0,
                    };
                    let expected = base + style.inserted - style.deleted;
                    let shift = n.value as i64 - o.value as i64;
                    let fits = shift == expected;
                    out.explained[k] = fits && shift != 0;
                    if fits {
                        out.map.insert((o.style.clone(), o.value), n.value);
                    }
                    style.shift = expected;
                    style.last_old = Some(o.value);
                    style.inserted = 0;
                    style.deleted = 0;
                }
            }
        }
        out
    }

    /// Whether the new wording differs from the old only in the numbers it cites, and
    /// every one of them follows the renumbering.
    pub fn references_follow(&self, old: &str, new: &str) -> bool {
        // The paragraph's own number is not a reference.
        let (old, new) = (without_number(old), without_number(new));
        let (a, b) = (cited(old), cited(new));
        if a.is_empty() || a.len() != b.len() {
            return false;
        }
        let blanked = |text: &str, at: &[(String, u32, std::ops::Range<usize>)]| {
            let mut out = String::new();
            let mut from = 0;
            for (_, _, r) in at {
                out.push_str(&text[from..r.start]);
                out.push('#');
                from = r.end;
            }
            out.push_str(&text[from..]);
            substance(&out)
        };
        if blanked(old, &a) != blanked(new, &b) {
            return false;
        }
        let mut changed = false;
        for ((style, was, _), (style_now, now, _)) in a.iter().zip(&b) {
            let leading = if style == "article" { "article" } else { style };
            if style != style_now {
                return false;
            }
            let mapped = self.map.get(&(leading.to_string(), *was));
            if was == now {
                if mapped.is_some_and(|m| m != was) {
                    return false;
                }
            } else if mapped != Some(now) {
                return false;
            } else {
                changed = true;
            }
        }
        changed
    }
}

/// The difference between two wordings that differ only in the numbers they cite (see
/// [`Renumbering::references_follow`]): each changed number deleted and inserted whole,
/// the rest as the new wording has it.
pub fn reference_pieces(old: &str, new: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut push = |kind: Kind, text: &str| push_piece(&mut out, kind, text);
    let mut from = 0;
    for ((_, was, a), (_, now, b)) in cited(old).into_iter().zip(cited(new)) {
        push(Kind::Same, &new[from..b.start]);
        if was == now {
            push(Kind::Same, &new[b.clone()]);
        } else {
            push(Kind::Deleted, &old[a]);
            push(Kind::Inserted, &new[b.clone()]);
        }
        from = b.end;
    }
    push(Kind::Same, &new[from..]);
    out
}
