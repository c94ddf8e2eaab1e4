//! How well `brief diff` tells what changed: precision and recall of the changes of
//! substance it reports, on edition pairs with known answers.
//!
//! - Editions made by one kind of edit each (a sentence reworded, a paragraph inserted,
//!   deleted or moved, lines re-wrapped, punctuation to the other width, words italicised,
//!   a paragraph split, a mixed reissue), from the bundled briefing and the project's own
//!   English, Russian and Chinese statements; laws and numbered statements renumbered after
//!   an insertion or a deletion, cross-references following.
//! - With `BRIEF_EVAL_CORPUS=DIR` (`scripts/eval_diff.sh` sets it to the shared corpus), the
//!   same edits of every Markdown briefing there, and its published edition pairs
//!   (`editions/`) against the counts in `tests/fixtures/diffing/corpus/`.
//!
//! A change of form reported as one of substance is what must never happen; a change of
//! substance missed is as bad.

#[path = "diffing/edits.rs"]
mod edits;
#[path = "anchoring/numbers.rs"]
mod numbers;
#[path = "anchoring/reword.rs"]
#[allow(dead_code)]
mod reword;

use std::path::Path;

use brief::compare::wording::{compact, marked};
use brief::compare::{Change, ChangeKind, Comparison, compare};
use brief::doc::open::{OpenOptions, bundled, open_paths};
use edits::{Known, Pair};
use reword::Lang;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// The counts of one pair: changes of substance found, of them right, known, of them found.
#[derive(Default, Clone, Copy)]
struct Score {
    found: usize,
    right: usize,
    known: usize,
    recalled: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.found += o.found;
        self.right += o.right;
        self.known += o.known;
        self.recalled += o.recalled;
    }
    fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.right as f64 / self.found as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.known == 0 {
            1.0
        } else {
            self.recalled as f64 / self.known as f64
        }
    }
}

/// Whether a change found is the known one: of its kind, on its block.
fn is(change: &Change, known: &Known) -> bool {
    let side = if known.kind == "deleted" {
        &change.old
    } else {
        &change.new
    };
    change.kind.name() == known.kind
        && side
            .as_ref()
            .is_some_and(|s| s.blocks.contains(&known.block))
}

/// Scores a pair's comparison against what is known of it.
fn score(c: &Comparison, known: &[Known]) -> Score {
    let found: Vec<&Change> = c
        .changes
        .iter()
        .filter(|ch| ch.kind.is_substance())
        .collect();
    Score {
        found: found.len(),
        right: found
            .iter()
            .filter(|ch| known.iter().any(|k| is(ch, k)))
            .count(),
        known: known.len(),
        recalled: known
            .iter()
            .filter(|k| found.iter().any(|ch| is(ch, k)))
            .count(),
    }
}

/// The project's own briefings: the bundled newspaper page, and statements in three languages.
fn own_briefings() -> Vec<(String, brief::doc::Document, Lang)> {
    let mut out = vec![(
        "bundled".to_string(),
        bundled(OpenOptions::default()),
        Lang::Zh,
    )];
    for (name, lang) in [
        ("en_statement", Lang::En),
        ("ru_statement", Lang::Ru),
        ("zh_statement", Lang::Zh),
    ] {
        let path = Path::new(FIXTURES).join(format!("anchoring/{name}.old.md"));
        let doc = open_paths(&[path], OpenOptions::default())
            .documents
            .remove(0);
        out.push((name.to_string(), doc, lang));
    }
    out
}

/// Every generated pair: the edits of each briefing, and the renumbered laws.
fn generated(briefings: &[(String, brief::doc::Document, Lang)], seed: u64) -> Vec<Pair> {
    let mut pairs = Vec::new();
    for (k, (name, doc, lang)) in briefings.iter().enumerate() {
        pairs.extend(edits::editions(name, doc, *lang, seed + k as u64));
    }
    pairs.extend(edits::renumbered("law (zh)", Lang::Zh, seed));
    pairs.extend(edits::renumbered("statement (en)", Lang::En, seed));
    pairs
}

/// Scores every pair, prints a line for each and the totals by edit; returns the total
/// score and the pairs that went wrong.
fn evaluate(pairs: &[Pair]) -> (Score, Vec<String>) {
    let mut total = Score::default();
    let mut wrong = Vec::new();
    let mut by_edit: Vec<(&str, Score)> = Vec::new();
    for p in pairs {
        let c = compare(&p.old, &p.new);
        let s = score(&c, &p.known);
        let summary = c.summary();
        total.add(s);
        match by_edit.iter_mut().find(|(e, _)| *e == p.edit) {
            Some((_, e)) => e.add(s),
            None => by_edit.push((p.edit, s)),
        }
        let numbers_right =
            summary.renumbered == p.renumbered && summary.references == p.references;
        if std::env::var_os("BRIEF_EVAL_MISSES").is_some() {
            for ch in c.changes.iter().filter(|ch| ch.kind.is_substance()) {
                if !p.known.iter().any(|k| is(ch, k)) {
                    let shown = marked(&compact(&ch.pieces, 30));
                    println!(
                        "  wrong {} / {}: {} {shown}",
                        p.name,
                        p.edit,
                        ch.kind.name()
                    );
                }
            }
        }
        if s.right < s.found || s.recalled < s.known || !numbers_right {
            wrong.push(format!(
                "{} / {}: found {:?}, known {:?}; renumbered {} (known {}), references {} (known {})",
                p.name,
                p.edit,
                c.changes
                    .iter()
                    .filter(|ch| ch.kind.is_substance())
                    .map(|ch| (ch.kind.name(), ch.new.as_ref().or(ch.old.as_ref()).map(|s| s.blocks.clone())))
                    .collect::<Vec<_>>(),
                p.known,
                summary.renumbered,
                p.renumbered,
                summary.references,
                p.references,
            ));
        }
    }
    println!(
        "{:<26} {:>5} {:>5} {:>9} {:>7}",
        "edit", "known", "found", "precision", "recall"
    );
    for (edit, s) in &by_edit {
        println!(
            "{edit:<26} {:>5} {:>5} {:>9.3} {:>7.3}",
            s.known,
            s.found,
            s.precision(),
            s.recall()
        );
    }
    println!(
        "{:<26} {:>5} {:>5} {:>9.3} {:>7.3}",
        "all",
        total.known,
        total.found,
        total.precision(),
        total.recall()
    );
    (total, wrong)
}

#[test]
fn changes_of_substance_are_found_and_nothing_else() {
    let pairs = generated(&own_briefings(), 7);
    assert!(pairs.len() >= 30, "{} pairs", pairs.len());
    let (total, wrong) = evaluate(&pairs);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(total.recall(), 1.0);
    assert!(total.precision() >= 0.95);
}

#[test]
fn formatting_alone_is_never_a_change_of_substance() {
    for p in generated(&own_briefings(), 11)
        .iter()
        .filter(|p| p.known.is_empty())
    {
        let c = compare(&p.old, &p.new);
        let substance: Vec<&Change> = c.changes.iter().filter(|c| c.kind.is_substance()).collect();
        assert!(
            substance.is_empty(),
            "{} / {}: {substance:#?}",
            p.name,
            p.edit
        );
        if p.edit != "re-wrap" {
            assert!(
                c.changes.iter().any(|c| c.kind == ChangeKind::Formatting),
                "{} / {}: the change of form is counted",
                p.name,
                p.edit
            );
        }
    }
}

/// The shared corpus, when named: the same edits of its Markdown briefings, and its real
/// edition pairs against their known counts.
#[test]
fn corpus_pairs_when_named() {
    let Some(dir) = std::env::var_os("BRIEF_EVAL_CORPUS") else {
        return;
    };
    let dir = Path::new(&dir);
    let mut briefings = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md" || e == "txt") {
            let mut opened = open_paths(std::slice::from_ref(&path), OpenOptions::default());
            if let Some(doc) = opened.documents.pop() {
                let lang = Lang::of(&doc);
                briefings.push((
                    path.file_name().unwrap().to_string_lossy().to_string(),
                    doc,
                    lang,
                ));
            }
        }
    }
    briefings.sort_by(|a, b| a.0.cmp(&b.0));
    let (total, wrong) = evaluate(&generated(&briefings, 3));
    for w in &wrong {
        println!("MISS {w}");
    }
    let truth_dir = Path::new(FIXTURES).join("diffing/corpus");
    let mut real_wrong = Vec::new();
    for entry in std::fs::read_dir(&truth_dir)
        .unwrap()
        .filter_map(Result::ok)
    {
        let truth_path = entry.path();
        let name = truth_path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".truth.toml", "");
        let edition = |which: &str| dir.join("editions").join(format!("{name}.{which}.md"));
        let open = |p| open_paths(&[p], OpenOptions::default()).documents.remove(0);
        let c = compare(&open(edition("old")), &open(edition("new")));
        let s = c.summary();
        let truth: toml_edit::DocumentMut = std::fs::read_to_string(&truth_path)
            .unwrap()
            .parse()
            .unwrap();
        let want = |k: &str| truth.get(k).and_then(|v| v.as_integer()).unwrap_or(0) as usize;
        let got = [
            ("amended", s.amended),
            ("inserted", s.inserted),
            ("deleted", s.deleted),
            ("moved", s.moved),
            ("renumbered", s.renumbered),
            ("references", s.references),
        ];
        println!("{name}: {}", s.line(false));
        for (k, n) in got {
            if want(k) != n {
                real_wrong.push(format!("{name}: {k} {n}, known {}", want(k)));
            }
        }
    }
    assert!(real_wrong.is_empty(), "{}", real_wrong.join("\n"));
    assert!(wrong.is_empty(), "{} pairs went wrong", wrong.len());
    assert_eq!(total.recall(), 1.0);
}
