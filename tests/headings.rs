//! How well headings are found in plain text: on annotated texts the project writes (a
//! newspaper page of several articles, a government work report, an English press
//! conference), with the traps real text sets (captions, datelines, salutations, short
//! sentences, numbered clauses and list items), the precision and recall of headings, and
//! how many found headings stand at the depth they should in the outline. Run with
//! `--nocapture` for the table (`docs/headings.md` has the figures).
//!
//! In the fixtures a heading line starts with `@N ` (its depth in the outline, 1 = top);
//! the text read is the fixture without those marks.

use brief::doc::{BlockKind, Document, Format, ParseOptions};
use brief::index::outline::Outline;

/// The annotated texts.
const FIXTURES: [(&str, &str); 3] = [
    (
        "zh_newspaper",
        include_str!("fixtures/headings/zh_newspaper.txt"),
    ),
    (
        "zh_policy_report",
        include_str!("fixtures/headings/zh_policy_report.txt"),
    ),
    (
        "en_article",
        include_str!("fixtures/headings/en_article.txt"),
    ),
];

/// Texts written after the rules, never used to tune them: a joint statement with numbered
/// paragraphs and items, an English encyclopaedia article dumped as text (bare section titles,
/// wiki debris, a numbered reference list), and a Russian news report (a photo credit, a
/// closing line).
const HELD_OUT: [(&str, &str); 3] = [
    (
        "zh_joint_statement",
        include_str!("fixtures/headings/held_out/zh_joint_statement.txt"),
    ),
    (
        "en_wiki_dump",
        include_str!("fixtures/headings/held_out/en_wiki_dump.txt"),
    ),
    (
        "ru_news",
        include_str!("fixtures/headings/held_out/ru_news.txt"),
    ),
];

/// What a text's headings are, and what was found.
#[derive(Default)]
struct Score {
    truth: usize,
    found: usize,
    right: usize,
    right_depth: usize,
}

fn score(annotated: &str) -> (Score, Vec<String>) {
    let mut text = String::new();
    let mut truth: Vec<(usize, usize)> = Vec::new();
    for (n, line) in annotated.lines().enumerate() {
        match line.strip_prefix('@').and_then(|l| l.split_once(' ')) {
            Some((depth, rest)) if depth.parse::<usize>().is_ok() => {
                truth.push((n + 1, depth.parse().unwrap()));
                text.push_str(rest);
            }
            _ => text.push_str(line),
        }
        text.push('\n');
    }
    let doc = Document::parse(
        "t.txt",
        None,
        "UTF-8",
        &text,
        Format::Plain,
        ParseOptions::default(),
    );
    let docs = [doc];
    let outline = Outline::build(&docs);
    let mut s = Score {
        truth: truth.len(),
        ..Score::default()
    };
    let mut wrong = Vec::new();
    for e in outline.entries.iter().filter(|e| e.block.is_some()) {
        let block = &docs[0].blocks[e.block.unwrap().0];
        if !matches!(block.kind, BlockKind::Heading(_)) {
            continue;
        }
        s.found += 1;
        match truth.iter().find(|(line, _)| *line == block.line) {
            Some((_, depth)) => {
                s.right += 1;
                if e.depth + 1 == *depth {
                    s.right_depth += 1;
                } else {
                    wrong.push(format!(
                        "depth {} not {depth}: {}",
                        e.depth + 1,
                        block.text()
                    ));
                }
            }
            None => wrong.push(format!("not a heading: {}", block.text())),
        }
    }
    for (line, _) in &truth {
        if !docs[0]
            .blocks
            .iter()
            .any(|b| b.line == *line && matches!(b.kind, BlockKind::Heading(_)))
        {
            wrong.push(format!("missed: line {line}"));
        }
    }
    (s, wrong)
}

#[test]
fn headings_in_plain_text_are_found_with_precision() {
    let (precision, recall) = evaluate(&FIXTURES);
    assert!(precision >= 0.95, "heading precision {precision:.3}");
    assert!(recall >= 0.9, "heading recall {recall:.3}");
}

#[test]
fn headings_in_texts_held_out_are_found_with_precision() {
    let (precision, recall) = evaluate(&HELD_OUT);
    assert!(
        precision >= 0.95,
        "held-out heading precision {precision:.3}"
    );
    assert!(recall >= 0.9, "held-out heading recall {recall:.3}");
}

/// Prints the table for a set of annotated texts; returns precision and recall over all.
fn evaluate(texts: &[(&str, &str)]) -> (f64, f64) {
    let mut all = Score::default();
    println!("| text | headings | found | right | precision | recall | at their depth |");
    println!("|---|---|---|---|---|---|---|");
    for &(name, annotated) in texts {
        let (s, wrong) = score(annotated);
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        println!(
            "| {name} | {} | {} | {} | {:.1}% | {:.1}% | {:.1}% |",
            s.truth,
            s.found,
            s.right,
            pct(s.right, s.found),
            pct(s.right, s.truth),
            pct(s.right_depth, s.right)
        );
        if std::env::var_os("BRIEF_EVAL_MISSES").is_some() {
            for w in wrong {
                println!("    {name}: {w}");
            }
        }
        all.truth += s.truth;
        all.found += s.found;
        all.right += s.right;
        all.right_depth += s.right_depth;
    }
    let precision = all.right as f64 / all.found.max(1) as f64;
    let recall = all.right as f64 / all.truth.max(1) as f64;
    let depth = all.right_depth as f64 / all.right.max(1) as f64;
    println!(
        "| **all** | {} | {} | {} | {:.1}% | {:.1}% | {:.1}% |",
        all.truth,
        all.found,
        all.right,
        100.0 * precision,
        100.0 * recall,
        100.0 * depth
    );
    (precision, recall)
}

/// The English plain-text article of the shared corpus (named `.md`, read as plain text):
/// its section titles annotated by line (`tests/fixtures/headings/corpus/`), the text itself
/// read from the corpus when it is beside the project (it is not copied into it).
#[test]
fn headings_of_the_corpus_english_article() {
    const NAME: &str = "en_wikipedia_foreign_relations_of_china.md";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(NAME);
    let Ok(opened) = std::fs::read(&path) else {
        println!("{} not found: skipped", path.display());
        return;
    };
    let annotated =
        include_str!("fixtures/headings/corpus/en_wikipedia_foreign_relations_of_china.headings");
    let truth: Vec<usize> = annotated
        .lines()
        .filter_map(|l| l.split_whitespace().next()?.parse().ok())
        .collect();
    let text = String::from_utf8_lossy(&opened);
    let doc = Document::parse(
        NAME,
        None,
        "UTF-8",
        &text,
        Format::Markdown,
        ParseOptions::default(),
    );
    let found: Vec<usize> = doc
        .blocks
        .iter()
        .filter(|b| b.heading_level().is_some())
        .map(|b| b.line)
        .collect();
    let right = found.iter().filter(|l| truth.contains(l)).count();
    let precision = right as f64 / found.len().max(1) as f64;
    let recall = right as f64 / truth.len().max(1) as f64;
    println!(
        "| {NAME} | {} | {} | {right} | {:.1}% | {:.1}% |",
        truth.len(),
        found.len(),
        100.0 * precision,
        100.0 * recall
    );
    assert_eq!(doc.format, Format::Plain, "read as plain text, as it is");
    assert!(precision >= 0.95 && recall >= 0.9);
}
