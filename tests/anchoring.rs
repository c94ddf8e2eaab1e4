//! How well notes find their passages in a new edition: precision and recall of placing
//! anchors, on edition pairs with known answers.
//!
//! - Editions made by one kind of edit each (inserted paragraphs, reflowed lines, moves,
//!   renumbering, rewording light to heavy, splits, merges, deletions, deletions of a
//!   paragraph with a near twin, a mixed reissue, notes on one sentence), from the bundled
//!   briefing and the project's own English, Russian and Chinese statements.
//! - Pairs edited by hand (`tests/fixtures/anchoring/*.old.md`, `*.new.md`), with where
//!   each passage went in a truth file beside them.
//! - With `BRIEF_EVAL_CORPUS=DIR` (`scripts/eval_anchoring.sh` sets it to the shared corpus),
//!   the same edits of every briefing there and its published edition pairs
//!   (`editions/`, truth in `tests/fixtures/anchoring/corpus/`).
//!
//! A wrong placement (on another passage, on any passage when it is gone) is what must never
//! happen; a note left detached though its passage is there is a miss.

#[path = "anchoring/cases.rs"]
mod cases;
#[path = "anchoring/edits.rs"]
mod edits;
#[path = "anchoring/numbers.rs"]
mod numbers;
#[path = "anchoring/reword.rs"]
mod reword;
#[path = "anchoring/sentence_edits.rs"]
mod sentence_edits;
#[path = "anchoring/truth.rs"]
mod truth;

use std::path::{Path, PathBuf};

use brief::doc::Document;
use brief::doc::open::{OpenOptions, bundled, open_paths};
use cases::{Pair, Report};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/anchoring");

fn open(path: &Path) -> Document {
    let mut opened = open_paths(&[path.to_path_buf()], OpenOptions::default());
    assert!(opened.errors.is_empty(), "{:?}", opened.errors);
    opened.documents.remove(0)
}

/// A pair edited by hand: `NAME.old.*`, `NAME.new.*` and `NAME.truth.toml` in `dir`.
fn hand_pair(dir: &Path, truth_dir: &Path, name: &str, category: &'static str) -> Pair {
    let find = |edition: &str| -> PathBuf {
        std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&format!("{name}.{edition}.")))
            })
            .unwrap_or_else(|| panic!("no {name}.{edition}.* in {}", dir.display()))
    };
    let truth = std::fs::read_to_string(truth_dir.join(format!("{name}.truth.toml"))).unwrap();
    truth::pair(
        name,
        category,
        open(&find("old")),
        open(&find("new")),
        &truth,
    )
}

/// The project's own pairs: generated editions of its documents, and its hand-edited ones.
fn own_pairs() -> Vec<Pair> {
    let dir = Path::new(FIXTURES);
    let mut pairs = Vec::new();
    let bundled = bundled(OpenOptions::default());
    pairs.extend(edits::editions("bundled briefing", &bundled, 1 + seed()));
    for (k, name) in ["en_statement", "ru_statement", "zh_statement"]
        .into_iter()
        .enumerate()
    {
        let old = open(&dir.join(format!("{name}.old.md")));
        pairs.extend(edits::editions(name, &old, 10 + k as u64 + seed()));
        pairs.push(hand_pair(dir, dir, name, "edited by hand"));
    }
    pairs
}

/// Added to every seed of the generated editions (`BRIEF_EVAL_SEED`), to try other edits
/// than the ones the figures in `docs/anchoring.md` come from.
fn seed() -> u64 {
    std::env::var("BRIEF_EVAL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

fn report(pairs: &[Pair]) -> Report {
    let mut report = Report::default();
    for pair in pairs {
        report.add(pair);
    }
    println!("{}", report.table());
    let reworded = report.reworded();
    println!(
        "reworded and still there: {} of {} found as changed ({:.1}%)",
        reworded.right,
        reworded.present,
        100.0 * reworded.recall()
    );
    if std::env::var_os("BRIEF_EVAL_MISSES").is_some() {
        for m in &report.misses {
            println!(
                "MISSED [{}] {}: “{}” expected {:?}",
                m.category, m.pair, m.quote, m.expected
            );
        }
    }
    for m in &report.mistakes {
        println!(
            "WRONG [{}] {}: “{}” expected {:?}, placed {:?}",
            m.category, m.pair, m.quote, m.expected, m.got
        );
    }
    report
}

/// The targets: no note on a wrong passage, and at least 95% of reworded passages found.
fn check(report: &Report) {
    assert_eq!(report.total().wrong, 0, "notes placed on the wrong passage");
    assert!(
        report.reworded().recall() >= 0.95,
        "reworded passages found: {:.1}%",
        100.0 * report.reworded().recall()
    );
}

#[test]
fn notes_find_their_passages_in_new_editions_and_never_a_wrong_one() {
    let report = report(&own_pairs());
    assert!(report.total().cases > 500, "a meaningful number of cases");
    check(&report);
}

#[test]
fn on_the_shared_corpus() {
    let Some(corpus) = std::env::var_os("BRIEF_EVAL_CORPUS") else {
        return;
    };
    let corpus = PathBuf::from(corpus);
    let mut pairs = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    for (k, path) in files.iter().enumerate() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        pairs.extend(edits::editions(&name, &open(path), 100 + k as u64 + seed()));
    }
    let editions = corpus.join("editions");
    let truths = Path::new(FIXTURES).join("corpus");
    for name in [
        "zh_foreign_trade_law",
        "en_wh_biden_xi_readout_lima",
        "zh_civil_procedure_law_formatting_only",
    ] {
        pairs.push(hand_pair(&editions, &truths, name, "published editions"));
    }
    check(&report(&pairs));
}
