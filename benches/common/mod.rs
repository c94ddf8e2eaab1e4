//! What the benchmarks share: a large briefing built in memory from the bundled one.
// Each benchmark is its own crate and uses only some of these.
#![allow(dead_code)]

use brief::doc::open::BUNDLED_TEXT;
use brief::doc::{Document, Format, ParseOptions};

/// The bundled briefing repeated to about `bytes`, each copy's headings numbered so that
/// headings differ across the corpus.
pub fn large_briefing(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + BUNDLED_TEXT.len());
    let mut copy = 0;
    while text.len() < bytes {
        copy += 1;
        for line in BUNDLED_TEXT.lines() {
            text.push_str(line);
            if line.starts_with('#') {
                text.push_str(&format!(" ({copy})"));
            }
            text.push('\n');
        }
    }
    text
}

/// [`large_briefing`] parsed as one Markdown document.
pub fn large_document(bytes: usize) -> Document {
    Document::parse(
        "large.md",
        None,
        "UTF-8",
        &large_briefing(bytes),
        Format::Markdown,
        ParseOptions::default(),
    )
}
