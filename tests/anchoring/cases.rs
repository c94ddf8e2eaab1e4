//! Edition pairs with where each annotated passage truly went, and the tally of how the
//! placer did: right, missed (detached though present), rightly detached, and wrong.

use std::collections::BTreeMap;

use brief::doc::{BlockId, Document};
use brief::store::anchor::{Anchor, Placement, Placer};

/// Where an old passage truly is in the new edition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expect {
    /// In one of these blocks (two, for a paragraph split in half).
    At(Vec<BlockId>),
    /// Nowhere: deleted.
    Gone,
}

/// An annotated passage of the old edition and where it truly went.
#[derive(Clone, Debug)]
pub struct Case {
    pub block: BlockId,
    pub expect: Expect,
}

/// Two editions of a document and the passages annotated in the old one.
pub struct Pair {
    pub name: String,
    pub category: &'static str,
    pub old: Document,
    pub new: Document,
    pub cases: Vec<Case>,
    /// Notes on one sentence (the last) of each passage, rather than the whole paragraph.
    pub narrowed: bool,
}

/// How the placer did on a set of cases.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub cases: usize,
    /// Cases whose passage is still there.
    pub present: usize,
    /// Placed on the right passage, and said to be the same or changed rightly.
    pub right: usize,
    /// Detached though the passage is there.
    pub missed: usize,
    /// Detached, and the passage is gone.
    pub detached: usize,
    /// Placed on a wrong passage, or on any when it is gone, or called the same when it
    /// changed.
    pub wrong: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.cases += other.cases;
        self.present += other.present;
        self.right += other.right;
        self.missed += other.missed;
        self.detached += other.detached;
        self.wrong += other.wrong;
    }

    /// Of the notes placed on a passage, the share on the right one.
    pub fn precision(&self) -> f64 {
        let placed = self.right + self.wrong;
        if placed == 0 {
            1.0
        } else {
            self.right as f64 / placed as f64
        }
    }

    /// Of the passages still there, the share whose notes found them.
    pub fn recall(&self) -> f64 {
        if self.present == 0 {
            1.0
        } else {
            self.right as f64 / self.present as f64
        }
    }
}

/// A wrong placement, for the report.
#[derive(Debug)]
pub struct Mistake {
    pub pair: String,
    pub category: &'static str,
    pub quote: String,
    pub expected: Expect,
    pub got: Placement,
}

/// The anchor of a case: the whole paragraph, or its last sentence.
fn anchor_of(pair: &Pair, block: BlockId) -> Anchor {
    if pair.narrowed {
        let text = brief::store::anchor::one_line(pair.old.blocks[block.0].text());
        let sentences = brief::doc::sentences::sentences(&text);
        if let Some(last) = sentences.last()
            && sentences.len() > 1
        {
            return Anchor::of(&pair.old, block, Some(text[last.clone()].trim()));
        }
    }
    Anchor::of(&pair.old, block, None)
}

/// Places every case of a pair and tallies the outcome; wrong placements and misses are
/// listed.
pub fn judge(pair: &Pair, mistakes: &mut Vec<Mistake>, misses: &mut Vec<Mistake>) -> Tally {
    let placer = Placer::new(&pair.new);
    let mut tally = Tally::default();
    for case in &pair.cases {
        let anchor = anchor_of(pair, case.block);
        let got = placer.place(&anchor);
        let mistake = |got| Mistake {
            pair: pair.name.clone(),
            category: pair.category,
            quote: anchor.quote.chars().take(70).collect(),
            expected: case.expect.clone(),
            got,
        };
        tally.cases += 1;
        tally.present += usize::from(case.expect != Expect::Gone);
        let ok = match (&case.expect, got) {
            (Expect::Gone, Placement::Detached) => {
                tally.detached += 1;
                continue;
            }
            (Expect::At(_), Placement::Detached) => {
                tally.missed += 1;
                misses.push(mistake(got));
                continue;
            }
            (Expect::Gone, _) => false,
            (Expect::At(blocks), placed) => {
                let block = placed.block().expect("placed");
                // The same only when the text quoted is still there word for word.
                let now = anchor.wording_in(&pair.new, block);
                let unchanged = brief::store::anchor::fingerprint(&now)
                    == brief::store::anchor::fingerprint(&anchor.quote);
                blocks.contains(&block)
                    && (matches!(placed, Placement::Same(_)) == unchanged || anchor.is_narrowed())
            }
        };
        if ok {
            tally.right += 1;
        } else {
            tally.wrong += 1;
            mistakes.push(mistake(got));
        }
    }
    tally
}

/// Tallies by category, and over all.
#[derive(Default)]
pub struct Report {
    pub by_category: BTreeMap<&'static str, Tally>,
    pub mistakes: Vec<Mistake>,
    pub misses: Vec<Mistake>,
}

impl Report {
    pub fn add(&mut self, pair: &Pair) {
        let t = judge(pair, &mut self.mistakes, &mut self.misses);
        self.by_category.entry(pair.category).or_default().add(t);
    }

    pub fn total(&self) -> Tally {
        let mut all = Tally::default();
        for t in self.by_category.values() {
            all.add(*t);
        }
        all
    }

    /// The tally of the categories whose passages were reworded and are still there.
    pub fn reworded(&self) -> Tally {
        let mut all = Tally::default();
        for (c, t) in &self.by_category {
            if c.starts_with("reword") || *c == "human rewording" {
                all.add(*t);
            }
        }
        all
    }

    /// The table, as `docs/anchoring.md` shows it.
    pub fn table(&self) -> String {
        let mut out = String::from(
            "| edit | cases | right | missed (detached) | rightly detached | wrong | precision | recall |\n|---|---|---|---|---|---|---|---|\n",
        );
        let row = |name: &str, t: &Tally| {
            format!(
                "| {name} | {} | {} | {} | {} | {} | {:.1}% | {:.1}% |\n",
                t.cases,
                t.right,
                t.missed,
                t.detached,
                t.wrong,
                100.0 * t.precision(),
                100.0 * t.recall()
            )
        };
        for (c, t) in &self.by_category {
            out.push_str(&row(c, t));
        }
        out.push_str(&row("**all**", &self.total()));
        out
    }
}
