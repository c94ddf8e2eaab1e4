//! The main language of a document, guessed from its letters.

use crate::doc::Document;
use crate::index::gazetteer::is_cyrillic;

/// The main language of a document, for choosing which name to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    /// Mostly CJK characters.
    Chinese,
    /// Mostly Cyrillic.
    Russian,
    /// Anything else.
    English,
}

impl Language {
    /// Guesses from the first blocks' letters.
    pub fn of(doc: &Document) -> Language {
        let (mut cjk, mut cyrillic, mut other) = (0usize, 0usize, 0usize);
        for c in doc.blocks.iter().take(40).flat_map(|b| b.text().chars()) {
            if crate::doc::markdown::is_cjk(c) {
                cjk += 1;
            } else if is_cyrillic(c) {
                cyrillic += 1;
            } else if c.is_alphabetic() {
                other += 1;
            }
        }
        if cjk >= cyrillic && cjk * 2 >= other && cjk > 0 {
            Language::Chinese
        } else if cyrillic >= other && cyrillic > 0 {
            Language::Russian
        } else {
            Language::English
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Format, ParseOptions};

    #[test]
    fn language_of_documents() {
        let zh = Document::parse(
            "z",
            None,
            "UTF-8",
            "上海合作组织成员国",
            Format::Plain,
            ParseOptions::default(),
        );
        let ru = Document::parse(
            "r",
            None,
            "UTF-8",
            "Россия и Китай",
            Format::Plain,
            ParseOptions::default(),
        );
        let en = Document::parse(
            "e",
            None,
            "UTF-8",
            "Russia and China",
            Format::Plain,
            ParseOptions::default(),
        );
        assert_eq!(Language::of(&zh), Language::Chinese);
        assert_eq!(Language::of(&ru), Language::Russian);
        assert_eq!(Language::of(&en), Language::English);
    }
}
