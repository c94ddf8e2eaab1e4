//! Paragraphs of two editions put side by side: those the same in substance (numbers set
//! aside) first, as a diff of their keys; then, in each stretch that differs, the likeliest
//! pairs (one to one, or one split in two, two merged into one); the rest deleted or
//! inserted, until moves are found among them.

use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use super::substance::{likeness, pairs};
use super::units::Unit;

/// How alike two paragraphs must be to be one paragraph reworded.
const REWORDED: f64 = 0.5;
/// How alike a paragraph and the two it became must be to be one split.
const SPLIT: f64 = 0.8;
/// How alike a deleted and an inserted paragraph must be to be one moved and reworded.
const MOVED: f64 = 0.85;
/// A stretch with more pairs than this is paired along its diagonal only.
const PAIRED_IN_FULL: usize = 10_000;

/// How a stretch of paragraphs of the two editions corresponds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Paragraphs of the old edition and the new that are one: the same in substance
    /// (numbers aside), reworded, split or merged.
    Pair {
        /// The old edition's units (one, or two merged).
        old: Range<usize>,
        /// The new edition's units (one, or two split).
        new: Range<usize>,
    },
    /// A unit of the old edition with none in the new.
    Deleted(usize),
    /// A unit of the new edition with none in the old.
    Inserted(usize),
}

/// The steps that take the old edition's units to the new's, in order.
pub fn align(old: &[Unit], new: &[Unit], deadline: Instant) -> Vec<Step> {
    let a: Vec<u64> = old.iter().map(|u| u.key).collect();
    let b: Vec<u64> = new.iter().map(|u| u.key).collect();
    let ops = capture_diff_slices_deadline(Algorithm::Patience, &a, &b, Some(deadline));
    let mut steps = Vec::with_capacity(old.len().max(new.len()));
    for op in ops {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => steps.extend((0..len).map(|k| Step::Pair {
                old: old_index + k..old_index + k + 1,
                new: new_index + k..new_index + k + 1,
            })),
            DiffOp::Delete {
                old_index, old_len, ..
            } => steps.extend((old_index..old_index + old_len).map(Step::Deleted)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => steps.extend((new_index..new_index + new_len).map(Step::Inserted)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => steps.extend(pair_stretch(
                old,
                new,
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            )),
        }
    }
    steps
}

/// What pairing a unit with one or two of the other side is worth.
#[derive(Clone, Copy, PartialEq)]
enum Move {
    Start,
    SkipOld,
    SkipNew,
    One,
    Split,
    Merge,
}

/// The likeliest pairs in a stretch that differs, in order, by dynamic programming over
/// the stretch (the sum of likeness over pairs made as large as it can be); the rest
/// deleted and inserted.
fn pair_stretch(old: &[Unit], new: &[Unit], a: Range<usize>, b: Range<usize>) -> Vec<Step> {
    let (n, m) = (a.len(), b.len());
    if n * m > PAIRED_IN_FULL {
        return pair_along_diagonal(old, new, a, b);
    }
    let like = |i: usize, j: usize| likeness(old[a.start + i].pairs(), new[b.start + j].pairs());
    // Each two neighbours joined, once: what a paragraph split in two or two merged became.
    let joined = |units: &[Unit], r: &Range<usize>| -> Vec<Vec<u64>> {
        (r.start..r.end)
            .map(|k| match k.checked_sub(1).filter(|&p| p >= r.start) {
                Some(p) => pairs(&format!("{}{}", units[p].substance, units[k].substance)),
                None => Vec::new(),
            })
            .collect()
    };
    let (old_joined, new_joined) = (joined(old, &a), joined(new, &b));
    let width = m + 1;
    let mut score = vec![0.0f64; (n + 1) * width];
    let mut came = vec![Move::Start; (n + 1) * width];
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = (f64::MIN, Move::Start);
            let mut offer = |s: f64, mv: Move| {
                if s > best.0 {
                    best = (s, mv);
                }
            };
            if i > 0 {
                offer(score[(i - 1) * width + j], Move::SkipOld);
            }
            if j > 0 {
                offer(score[i * width + j - 1], Move::SkipNew);
            }
            if i > 0 && j > 0 {
                let s = like(i - 1, j - 1);
                if s >= REWORDED {
                    offer(score[(i - 1) * width + j - 1] + s, Move::One);
                }
            }
            if i > 0 && j > 1 {
                let o = &old[a.start + i - 1];
                let s = likeness(o.pairs(), &new_joined[j - 1]);
                if s >= SPLIT {
                    offer(score[(i - 1) * width + j - 2] + 2.0 * s, Move::Split);
                }
            }
            if i > 1 && j > 0 {
                let s = likeness(&old_joined[i - 1], new[b.start + j - 1].pairs());
                if s >= SPLIT {
                    offer(score[(i - 2) * width + j - 1] + 2.0 * s, Move::Merge);
                }
            }
            score[i * width + j] = best.0;
            came[i * width + j] = best.1;
        }
    }
    let (mut i, mut j) = (n, m);
    let mut steps = Vec::new();
    while i > 0 || j > 0 {
        let (oi, nj) = (a.start + i, b.start + j);
        match came[i * width + j] {
            Move::SkipOld => {
                steps.push(Step::Deleted(oi - 1));
                i -= 1;
            }
            Move::SkipNew => {
                steps.push(Step::Inserted(nj - 1));
                j -= 1;
            }
            Move::One => {
                steps.push(Step::Pair {
                    old: oi - 1..oi,
                    new: nj - 1..nj,
                });
                i -= 1;
                j -= 1;
            }
            Move::Split => {
                steps.push(Step::Pair {
                    old: oi - 1..oi,
                    new: nj - 2..nj,
                });
                i -= 1;
                j -= 2;
            }
            Move::Merge => {
                steps.push(Step::Pair {
                    old: oi - 2..oi,
                    new: nj - 1..nj,
                });
                i -= 2;
                j -= 1;
            }
            Move::Start => break,
        }
    }
    steps.reverse();
    steps
}

/// A stretch too long to pair in full: each old unit paired with a like new one near its
/// place in proportion, in order.
fn pair_along_diagonal(old: &[Unit], new: &[Unit], a: Range<usize>, b: Range<usize>) -> Vec<Step> {
    const NEAR: usize = 8;
    let mut steps = Vec::new();
    let mut next_new = b.start;
    for i in a.clone() {
        let at = b.start + (i - a.start) * b.len() / a.len().max(1);
        let from = next_new.max(at.saturating_sub(NEAR));
        let to = (at + NEAR).min(b.end);
        let best = (from..to)
            .map(|j| (j, likeness(old[i].pairs(), new[j].pairs())))
            .filter(|&(_, s)| s >= REWORDED)
            .max_by(|x, y| x.1.total_cmp(&y.1));
        match best {
            Some((j, _)) => {
                steps.extend((next_new..j).map(Step::Inserted));
                steps.push(Step::Pair {
                    old: i..i + 1,
                    new: j..j + 1,
                });
                next_new = j + 1;
            }
            None => steps.push(Step::Deleted(i)),
        }
    }
    steps.extend((next_new..b.end).map(Step::Inserted));
    steps
}

/// Deleted and inserted units that are one paragraph moved: the same body first, then,
/// among long paragraphs, a close likeness. Pairs of (old unit, new unit).
pub fn moves(old: &[Unit], new: &[Unit], steps: &[Step]) -> Vec<(usize, usize)> {
    const LONG: usize = 20;
    const COMPARED: usize = 250_000;
    let deleted: Vec<usize> = steps
        .iter()
        .filter_map(|s| match s {
            Step::Deleted(i) if old[*i].telling() => Some(*i),
            _ => None,
        })
        .collect();
    let mut inserted: Vec<Option<usize>> = steps
        .iter()
        .filter_map(|s| match s {
            Step::Inserted(j) if new[*j].telling() => Some(Some(*j)),
            _ => None,
        })
        .collect();
    let mut found = Vec::new();
    let mut left = Vec::new();
    for &i in &deleted {
        let same = inserted
            .iter_mut()
            .find(|j| j.is_some_and(|j| new[j].key == old[i].key));
        match same {
            Some(slot) => found.push((i, slot.take().unwrap_or_default())),
            None => left.push(i),
        }
    }
    if left.len() * inserted.len() <= COMPARED {
        for i in left {
            if old[i].substance.chars().count() < LONG {
                continue;
            }
            let best = inserted
                .iter()
                .enumerate()
                .filter_map(|(k, j)| j.map(|j| (k, j)))
                .filter(|&(_, j)| new[j].substance.chars().count() >= LONG)
                .map(|(k, j)| (k, j, likeness(old[i].pairs(), new[j].pairs())))
                .filter(|&(_, _, s)| s >= MOVED)
                .max_by(|x, y| x.2.total_cmp(&y.2));
            if let Some((k, j, _)) = best {
                inserted[k] = None;
                found.push((i, j));
            }
        }
    }
    found
}
