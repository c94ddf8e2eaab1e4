//! Two editions of a document compared: the paragraphs aligned, each pair and each
//! paragraph left over told as a change of one kind, and the redline's rows in order.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::doc::Document;
use crate::doc::on_every_core::{both, in_parts};

use super::align::{Step, align, moves};
use super::changes::{Change, ChangeKind, Comparison, Row, Side};
use super::passage::{pieces, whole};
use super::renumbering::{Renumbering, reference_pieces};
use super::substance::substance;
use super::units::{Unit, set_alike, units};
use super::wording;

/// How long the paragraph diff may search before it settles for a longer answer.
const SEARCH: Duration = Duration::from_secs(1);

/// Below this many paragraphs, pairs are told on one core.
const PAIRS_PER_THREAD: usize = 2_000;

/// Below this many blocks in the two editions, their paragraphs are read on one core.
const BLOCKS_FOR_TWO_CORES: usize = 2_000;

/// Compares two editions of a document.
pub fn compare(old: &Document, new: &Document) -> Comparison {
    // The two editions' paragraphs, one on each core.
    let worth_it = old.blocks.len() + new.blocks.len() >= BLOCKS_FOR_TWO_CORES;
    let (a, b) = both(worth_it, || units(old), || units(new));
    let steps = align(&a, &b, Instant::now() + SEARCH);
    let moved = moves(&a, &b, &steps);
    let renumbering = Renumbering::of(&steps, &a, &b);
    let telling = || Telling {
        old,
        new,
        a: &a,
        b: &b,
        changes: Vec::new(),
        too_long: 0,
    };
    // The pairs are told on every core: each is told on its own.
    let parts = in_parts(&steps, PAIRS_PER_THREAD, |at, part| {
        let mut t = telling();
        let told: Vec<Option<Option<Change>>> = part
            .iter()
            .enumerate()
            .map(|(n, step)| match step {
                Step::Pair { old, new, .. } => Some(t.pair(
                    old.clone(),
                    new.clone(),
                    renumbering.explained[at + n],
                    &renumbering,
                )),
                _ => None,
            })
            .collect();
        (told, t.too_long)
    });
    let mut telling = telling();
    let mut told: Vec<Option<Option<Change>>> = Vec::with_capacity(steps.len());
    for (part, too_long) in parts {
        told.extend(part);
        telling.too_long += too_long;
    }
    let moved_from: HashMap<usize, usize> = moved.iter().map(|&(i, j)| (i, j)).collect();
    let moved_to: HashMap<usize, usize> = moved.iter().map(|&(i, j)| (j, i)).collect();
    let mut move_change: HashMap<(usize, usize), usize> = HashMap::new();
    let mut rows = Vec::with_capacity(steps.len());
    let mut common = 0usize;
    let mut k = 0;
    while k < steps.len() {
        match &steps[k] {
            Step::Pair {
                old: ra, new: rb, ..
            } => {
                // A paragraph reworded is still one the editions share.
                common += ra.len().max(rb.len());
                match told[k].take().flatten() {
                    None => rows.push(Row::Same {
                        old: a[ra.start].block,
                        new: b[rb.start].block,
                    }),
                    Some(c) => rows.push(Row::Change(telling.push(c))),
                }
                k += 1;
            }
            Step::Deleted(i) if moved_from.contains_key(i) => {
                let pair = (*i, moved_from[i]);
                let c = *move_change
                    .entry(pair)
                    .or_insert_with(|| telling.moved(pair));
                rows.push(Row::MovedAway(c));
                k += 1;
            }
            Step::Inserted(j) if moved_to.contains_key(j) => {
                let pair = (moved_to[j], *j);
                let c = *move_change
                    .entry(pair)
                    .or_insert_with(|| telling.moved(pair));
                common += 1;
                rows.push(Row::Change(c));
                k += 1;
            }
            Step::Deleted(_) | Step::Inserted(_) => {
                let deleted = matches!(steps[k], Step::Deleted(_));
                let mut group = vec![unit_of(&steps[k])];
                k += 1;
                while let Some(next) = steps.get(k) {
                    let same_side = matches!(next, Step::Deleted(_)) == deleted
                        && !matches!(next, Step::Pair { .. });
                    let u = unit_of(next);
                    let units = if deleted { &a } else { &b };
                    let moved_unit = if deleted {
                        moved_from.contains_key(&u)
                    } else {
                        moved_to.contains_key(&u)
                    };
                    if !same_side
                        || moved_unit
                        || u != group[group.len() - 1] + 1
                        || units[u].number.is_some()
                        || is_heading(if deleted { old } else { new }, &units[u])
                    {
                        break;
                    }
                    group.push(u);
                    k += 1;
                }
                let c = telling.left_over(deleted, &group);
                rows.push(Row::Change(telling.push(c)));
            }
        }
    }
    let Telling {
        mut changes,
        too_long,
        ..
    } = telling;
    // Changes in the order a reader meets them: where their new wording stands.
    let mut order: Vec<usize> = Vec::with_capacity(changes.len());
    for row in &rows {
        if let Row::Change(c) = row {
            order.push(*c);
        }
    }
    // Without moves they are in that order already.
    if order.iter().enumerate().any(|(to, &from)| to != from) {
        let mut renamed = vec![0; changes.len()];
        for (to, &from) in order.iter().enumerate() {
            renamed[from] = to;
        }
        for row in &mut rows {
            if let Row::Change(c) | Row::MovedAway(c) = row {
                *c = renamed[*c];
            }
        }
        let mut taken: Vec<Option<Change>> = changes.drain(..).map(Some).collect();
        changes = order.iter().filter_map(|&c| taken[c].take()).collect();
    }
    let most = a.len().max(b.len());
    Comparison {
        identical: changes.is_empty() && a.len() == b.len(),
        changes,
        rows,
        common: if most == 0 {
            1.0
        } else {
            common as f64 / most as f64
        },
        too_long,
    }
}

/// The unit a deletion or insertion is of.
fn unit_of(step: &Step) -> usize {
    match step {
        Step::Deleted(i) | Step::Inserted(i) => *i,
        Step::Pair { old, .. } => old.start,
    }
}

/// Whether a unit is a heading.
fn is_heading(doc: &Document, unit: &Unit) -> bool {
    doc.blocks[unit.block].heading_level().is_some()
}

/// What the steps are told as: the changes so far and how many passages were too long.
struct Telling<'a> {
    old: &'a Document,
    new: &'a Document,
    a: &'a [Unit],
    b: &'a [Unit],
    changes: Vec<Change>,
    too_long: usize,
}

impl Telling<'_> {
    /// Files a change; its index.
    fn push(&mut self, change: Change) -> usize {
        self.changes.push(change);
        self.changes.len() - 1
    }

    /// One side of a change: the units' blocks and their text.
    fn side(doc: &Document, units: &[Unit]) -> Side {
        let first = &units[0];
        let last = &units[units.len() - 1];
        Side {
            blocks: first.block..last.block + 1,
            line: doc.blocks[first.block].line,
            text: match units {
                [one] => doc.blocks[one.block].text().to_string(),
                _ => units
                    .iter()
                    .map(|u| doc.blocks[u.block].text())
                    .collect::<Vec<_>>()
                    .join("\n"),
            },
            section: first.section.to_string(),
        }
    }

    /// The difference between two wordings, counting those too long to compare.
    fn pieces(&mut self, old: &str, new: &str) -> Vec<wording::Piece> {
        let (p, too_long) = pieces(old, new);
        self.too_long += usize::from(too_long);
        p
    }

    /// A pair of passages told: no change, or a change of one kind.
    fn pair(
        &mut self,
        ra: std::ops::Range<usize>,
        rb: std::ops::Range<usize>,
        explained: bool,
        renumbering: &Renumbering,
    ) -> Option<Change> {
        let (ua, ub) = (&self.a[ra.clone()], &self.b[rb.clone()]);
        let (na, nb) = (&ua[0].number, &ub[0].number);
        let number_changed = match (na, nb) {
            (Some(x), Some(y)) => x.style == y.style && x.value != y.value,
            _ => false,
        };
        let renumbered = (number_changed && explained).then(|| {
            let label = |n: &Option<super::numbering::Number>| {
                n.as_ref().map(|n| n.label.clone()).unwrap_or_default()
            };
            (label(na), label(nb))
        });
        let split = match (ua.len(), ub.len()) {
            (1, 2) => Some("split in two"),
            (2, 1) => Some("two merged into one"),
            _ => None,
        };
        // The words are compared even when the keys agree: a key is a hash.
        let same_words = match (ua, ub) {
            ([x], [y]) => x.body() == y.body(),
            _ => {
                let body = |u: &[Unit]| u.iter().map(Unit::body).collect::<String>();
                body(ua) == body(ub)
            }
        };
        let links = |doc: &Document, units: &[Unit]| -> Vec<String> {
            units
                .iter()
                .flat_map(|u| {
                    doc.blocks[u.block]
                        .links()
                        .iter()
                        .map(|l| l.target.to_string())
                })
                .collect()
        };
        // Most pairs are one paragraph set alike in both, its links the same: nothing to
        // tell, nothing to copy.
        let one_set_alike = match (ua, ub) {
            ([x], [y]) => set_alike(&self.old.blocks[x.block], &self.new.blocks[y.block]),
            _ => false,
        };
        if same_words
            && !number_changed
            && one_set_alike
            && links(self.old, ua) == links(self.new, ub)
        {
            return None;
        }
        let (old, new) = (Self::side(self.old, ua), Self::side(self.new, ub));
        let (kind, note) = if same_words && !number_changed && split.is_some() {
            // A paragraph split or two merged change what "the paragraph above" is.
            (
                ChangeKind::Amended,
                split.map(|s| format!("{s}, the same words")),
            )
        } else if same_words && !number_changed {
            let (old_links, new_links) = (links(self.old, ua), links(self.new, ub));
            if old_links != new_links {
                (ChangeKind::Amended, Some(link_note(&old_links, &new_links)))
            } else {
                (ChangeKind::Formatting, None)
            }
        } else if same_words && renumbered.is_some() {
            (ChangeKind::Renumbered, None)
        } else if !same_words && renumbering.references_follow(&old.text, &new.text) {
            (ChangeKind::References, None)
        } else if number_changed && renumbered.is_none() && same_words {
            (ChangeKind::Amended, Some("number changed".to_string()))
        } else {
            (ChangeKind::Amended, split.map(str::to_string))
        };
        let pieces = if kind == ChangeKind::Formatting {
            wording::diff(&old.text, &new.text)
        } else if kind == ChangeKind::Renumbered {
            renumbered_pieces(&old.text, &new.text)
        } else if kind == ChangeKind::References {
            reference_pieces(&old.text, &new.text)
        } else {
            let joiner = |s: &Side| s.text.replace('\n', " ");
            self.pieces(&joiner(&old), &joiner(&new))
        };
        Some(Change {
            kind,
            old: Some(old),
            new: Some(new),
            pieces,
            renumbered,
            note,
        })
    }

    /// A moved passage: its index among the changes.
    fn moved(&mut self, (i, j): (usize, usize)) -> usize {
        let (old, new) = (
            Self::side(self.old, &self.a[i..i + 1]),
            Self::side(self.new, &self.b[j..j + 1]),
        );
        let pieces = if substance(&old.text) == substance(&new.text) {
            vec![wording::Piece {
                kind: wording::Kind::Same,
                text: new.text.clone(),
            }]
        } else {
            self.pieces(&old.text, &new.text)
        };
        let change = Change {
            kind: ChangeKind::Moved,
            note: Some(format!("moved from {} to {}", old.place(), new.place())),
            old: Some(old),
            new: Some(new),
            pieces,
            renumbered: None,
        };
        self.push(change)
    }

    /// Passages of one edition with none in the other: deleted or inserted.
    fn left_over(&mut self, deleted: bool, group: &[usize]) -> Change {
        let units: Vec<Unit> = group
            .iter()
            .map(|&u| if deleted { &self.a[u] } else { &self.b[u] }.clone())
            .collect();
        let side = Self::side(if deleted { self.old } else { self.new }, &units);
        let (kind, pieces, old, new) = if deleted {
            (ChangeKind::Deleted, whole(&side.text, ""), Some(side), None)
        } else {
            (
                ChangeKind::Inserted,
                whole("", &side.text),
                None,
                Some(side),
            )
        };
        Change {
            kind,
            old,
            new,
            pieces,
            renumbered: None,
            note: None,
        }
    }
}

/// What a note says of links that point elsewhere now: "link changed: a.pdf → b.pdf".
fn link_note(old: &[String], new: &[String]) -> String {
    let changed: Vec<String> = old
        .iter()
        .zip(new)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| format!("{a} → {b}"))
        .collect();
    if changed.is_empty() || old.len() != new.len() {
        "links changed".to_string()
    } else {
        format!("link changed: {}", changed.join(", "))
    }
}

/// A paragraph renumbered and otherwise unchanged: its number compared, the rest as the
/// new edition has it.
fn renumbered_pieces(old: &str, new: &str) -> Vec<wording::Piece> {
    let rest = |t: &str| t.len() - super::numbering::without_number(t).len();
    let (a, b) = (rest(old), rest(new));
    let mut pieces = wording::diff(&old[..a], &new[..b]);
    if b < new.len() {
        pieces.push(wording::Piece {
            kind: wording::Kind::Same,
            text: new[b..].to_string(),
        });
    }
    pieces
}
