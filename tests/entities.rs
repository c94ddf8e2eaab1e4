//! How well `brief` finds the countries a briefing names: precision and recall of country
//! mentions, per language, on passages annotated by hand (`tests/fixtures/entities/`), each
//! with the traps real text sets: a name inside a longer word (发展中国家, 内蒙古), a place
//! inside the title of a document (the Paris Agreement, 《开罗宣言》), a compound demonym
//! (Latin American), a city followed by its own country, Russian names in every case.
//!
//! Each language has two sets: `countries.*.txt`, written with the finder and held to the
//! targets (a language below them fails), and `held_out.*.txt`, written after the finder
//! was last changed and never used to change it, whose figures are printed to show how the
//! finder does on text it was not tuned on. `scripts/eval_entities.sh` prints both.

use std::collections::BTreeMap;
use std::ops::Range;

use brief::doc::{Document, Format, ParseOptions};
use brief::index::countries::Countries;
use brief::index::gazetteer::{Gazetteer, PlaceKind};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/entities");

/// Country mentions must be right this often, and found this often, in every language.
const PRECISION: f64 = 0.98;
const RECALL: f64 = 0.95;

/// One annotated mention: which paragraph, where in its text, which countries.
#[derive(Debug, Clone)]
struct Gold {
    paragraph: usize,
    range: Range<usize>,
    codes: Vec<String>,
}

/// A passage with its annotations taken out.
struct Passage {
    /// The passage as a Markdown document.
    text: String,
    /// Each paragraph's text as a reader shows it (a heading without its `#`).
    paragraphs: Vec<String>,
    gold: Vec<Gold>,
}

/// Reads `[[form|CODE,CODE]]` annotations out of a file of passages.
fn passages(file: &str) -> Vec<Passage> {
    let raw = std::fs::read_to_string(format!("{FIXTURES}/{file}")).expect("fixture");
    let body: String = raw
        .lines()
        .filter(|l| !l.starts_with("%%"))
        .map(|l| format!("{l}\n"))
        .collect();
    body.split("\n===\n")
        .map(|passage| {
            let mut text = String::new();
            let mut paragraphs = Vec::new();
            let mut gold = Vec::new();
            for paragraph in passage
                .split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                let mut plain = String::new();
                let mut rest = paragraph.trim_start_matches('#').trim_start();
                while let Some(open) = rest.find("[[") {
                    plain.push_str(&rest[..open]);
                    let close = rest[open..].find("]]").expect("closed annotation") + open;
                    let (form, codes) = rest[open + 2..close].split_once('|').expect("form|CODES");
                    let start = plain.len();
                    plain.push_str(form);
                    gold.push(Gold {
                        paragraph: paragraphs.len(),
                        range: start..plain.len(),
                        codes: codes.split(',').map(str::to_string).collect(),
                    });
                    rest = &rest[close + 2..];
                }
                plain.push_str(rest);
                let heading = paragraph.len() - paragraph.trim_start_matches('#').len();
                text.push_str(&"#".repeat(heading));
                if heading > 0 {
                    text.push(' ');
                }
                text.push_str(&plain);
                text.push_str("\n\n");
                paragraphs.push(plain);
            }
            Passage {
                text,
                paragraphs,
                gold,
            }
        })
        .filter(|p| !p.paragraphs.is_empty())
        .collect()
}

/// Counts of one language: mentions found, of them right, annotated, of them found.
#[derive(Default)]
struct Score {
    found: usize,
    right: usize,
    known: usize,
    recalled: usize,
    wrong: Vec<String>,
    missed: Vec<String>,
}

fn score(file: &str) -> Score {
    let g = Gazetteer::bundled();
    let mut s = Score::default();
    for passage in passages(file) {
        let doc = Document::parse(
            "eval.md",
            None,
            "UTF-8",
            &passage.text,
            Format::Markdown,
            ParseOptions::default(),
        );
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text()).collect();
        assert_eq!(
            texts, passage.paragraphs,
            "{file}: the passage reads back as its paragraphs"
        );
        let countries = Countries::build(std::slice::from_ref(&doc), g);
        // Every (paragraph, country) annotated, each to be found once.
        let mut open: BTreeMap<(usize, String), Vec<Range<usize>>> = BTreeMap::new();
        for gold in &passage.gold {
            for code in &gold.codes {
                s.known += 1;
                open.entry((gold.paragraph, code.clone()))
                    .or_default()
                    .push(gold.range.clone());
            }
        }
        for m in &countries.mentions {
            let place = &g.places[m.place()];
            if place.kind != PlaceKind::Country {
                continue;
            }
            s.found += 1;
            let paragraph = m.block().0;
            let range = m.range();
            let spans = open.entry((paragraph, place.code.clone())).or_default();
            match spans
                .iter()
                .position(|r| r.start < range.end && range.start < r.end)
            {
                Some(i) => {
                    spans.remove(i);
                    s.right += 1;
                    s.recalled += 1;
                }
                None => s.wrong.push(format!(
                    "{} in «{}»",
                    place.code,
                    around(&passage.paragraphs[paragraph], range)
                )),
            }
        }
        for ((paragraph, code), spans) in open {
            for range in spans {
                s.missed.push(format!(
                    "{code} in «{}»",
                    around(&passage.paragraphs[paragraph], range)
                ));
            }
        }
    }
    s
}

/// The mention with a few characters either side.
fn around(text: &str, range: Range<usize>) -> String {
    let before: String = text[..range.start]
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[range.end..].chars().take(12).collect();
    format!("{before}[{}]{after}", &text[range])
}

impl Score {
    fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.right as f64 / self.found as f64
        }
    }
    fn recall(&self) -> f64 {
        self.recalled as f64 / self.known.max(1) as f64
    }
    fn print(&self, set: &str) {
        println!(
            "{set:<26} {:>6} {:>6} {:>10} {:>10.3} {:>7.3}",
            self.found,
            self.right,
            self.known,
            self.precision(),
            self.recall()
        );
        for w in &self.wrong {
            println!("    wrong:  {w}");
        }
        for m in &self.missed {
            println!("    missed: {m}");
        }
    }
}

#[test]
fn country_mentions_are_precise_and_complete_in_every_language() {
    let mut failed = Vec::new();
    println!("country mentions           found  right  annotated  precision  recall");
    for (language, code) in [("Chinese", "zh"), ("English", "en"), ("Russian", "ru")] {
        let s = score(&format!("countries.{code}.txt"));
        s.print(language);
        score(&format!("held_out.{code}.txt")).print(&format!("{language}, held out"));
        if s.precision() < PRECISION || s.recall() < RECALL {
            failed.push(language);
        }
    }
    assert!(failed.is_empty(), "below the targets: {failed:?}");
}
