//! How well the jump palette and `brief find` answer the lookups a staffer types in a
//! meeting: precision@1 (the first result is the passage meant), recall@10 (it is among the
//! first ten) and the junk rate (queries whose words are in no briefing that still find
//! something). Queries are Chinese, pinyin in full and as initials, English, Russian and
//! mixed, several with spaces and fzf's operators; the briefings they search are written for
//! the test (`tests/fixtures/lookups/`).
//!
//! The same queries file format serves the shared corpus of real briefings: with
//! `BRIEF_CORPUS` set to its folder, `cargo test --release --test lookups -- --ignored
//! --nocapture` reports the figures on `corpus_queries.tsv` (`scripts/eval_lookups.sh`).

use std::path::{Path, PathBuf};

use brief::doc::Document;
use brief::doc::open::{OpenOptions, open_paths};
use brief::index::countries::Countries;
use brief::index::gazetteer::Gazetteer;
use brief::index::jump::{JumpIndex, Query};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lookups");

/// The first result must be the passage meant this often.
const PRECISION_AT_1: f64 = 0.9;

/// One query and what it should find (`None`: nothing).
struct Lookup {
    group: String,
    query: String,
    wanted: Option<String>,
}

/// The queries of a file: `query<TAB>piece of the passage meant` (or `-`), grouped under
/// `%%` comment lines.
fn lookups(file: &Path) -> Vec<Lookup> {
    let text = std::fs::read_to_string(file).expect("queries file");
    let mut group = String::new();
    let mut out = Vec::new();
    for line in text.lines() {
        if let Some(comment) = line.strip_prefix("%%") {
            group = comment.trim().to_string();
            continue;
        }
        let Some((query, wanted)) = line.split_once('\t') else {
            continue;
        };
        out.push(Lookup {
            group: group.clone(),
            query: query.to_string(),
            wanted: (wanted != "-").then(|| wanted.to_string()),
        });
    }
    out
}

/// The figures of one evaluation.
#[derive(Debug, Default)]
struct Figures {
    asked: usize,
    first: usize,
    in_ten: usize,
    junk: usize,
    junk_found: usize,
    misses: Vec<String>,
}

impl Figures {
    fn precision_at_1(&self) -> f64 {
        self.first as f64 / self.asked.max(1) as f64
    }
    fn recall_at_10(&self) -> f64 {
        self.in_ten as f64 / self.asked.max(1) as f64
    }
    fn junk_rate(&self) -> f64 {
        self.junk_found as f64 / self.junk.max(1) as f64
    }
}

/// Runs every lookup over the documents as the palette does, printing the figures.
fn evaluate(docs: &[Document], lookups: &[Lookup]) -> Figures {
    let gazetteer = Gazetteer::bundled();
    let countries = Countries::build(docs, gazetteer);
    let index = JumpIndex::build(docs, &countries, gazetteer);
    let mut figures = Figures::default();
    for lookup in lookups {
        let found = index
            .search(&Query::parse(&lookup.query), None, &|| false)
            .expect("not cancelled")
            .matches;
        let texts: Vec<&str> = found.iter().take(10).map(|m| index.shown(m).text).collect();
        match &lookup.wanted {
            None => {
                figures.junk += 1;
                if !texts.is_empty() {
                    figures.junk_found += 1;
                    figures
                        .misses
                        .push(format!("junk `{}` found {:?}", lookup.query, texts[0]));
                }
            }
            Some(wanted) => {
                figures.asked += 1;
                let at = texts.iter().position(|t| t.contains(wanted.as_str()));
                figures.first += usize::from(at == Some(0));
                figures.in_ten += usize::from(at.is_some());
                if at != Some(0) {
                    figures.misses.push(format!(
                        "[{}] `{}` wanted {wanted:?} at {at:?}, first {:?}",
                        lookup.group,
                        lookup.query,
                        texts.first()
                    ));
                }
            }
        }
    }
    println!(
        "{} lookups, {} junk: precision@1 {:.3}, recall@10 {:.3}, junk rate {:.3}",
        figures.asked,
        figures.junk,
        figures.precision_at_1(),
        figures.recall_at_10(),
        figures.junk_rate()
    );
    for miss in &figures.misses {
        println!("  {miss}");
    }
    figures
}

fn open(folder: &Path) -> Vec<Document> {
    let opened = open_paths(&[folder.to_path_buf()], OpenOptions::default());
    assert!(opened.errors.is_empty(), "{:?}", opened.errors);
    opened.documents
}

#[test]
fn lookups_find_the_passage_meant_and_junk_finds_nothing() {
    let docs = open(Path::new(FIXTURES));
    assert_eq!(docs.len(), 3, "the Chinese, English and Russian briefings");
    let figures = evaluate(&docs, &lookups(&Path::new(FIXTURES).join("queries.tsv")));
    assert!(figures.asked >= 40 && figures.junk >= 15);
    assert!(
        figures.precision_at_1() >= PRECISION_AT_1,
        "precision@1 {:.3}: {:#?}",
        figures.precision_at_1(),
        figures.misses
    );
    assert_eq!(figures.junk_found, 0, "{:#?}", figures.misses);
}

#[test]
#[ignore = "needs the shared corpus: BRIEF_CORPUS=folder"]
fn lookups_on_the_shared_corpus() {
    let Some(folder) = std::env::var_os("BRIEF_CORPUS").map(PathBuf::from) else {
        panic!("set BRIEF_CORPUS to the folder of the shared corpus");
    };
    let opened = open_paths(&[folder], OpenOptions::default());
    let mut docs = opened.documents;
    docs.push(brief::doc::open::bundled(OpenOptions::default()));
    let figures = evaluate(
        &docs,
        &lookups(&Path::new(FIXTURES).join("corpus_queries.tsv")),
    );
    assert_eq!(figures.junk_found, 0);
}
