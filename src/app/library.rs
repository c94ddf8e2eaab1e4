//! The Library view: every open document with its date, title and size, how often it names the
//! filtered countries, and the user's bookmarks and notes on it; sorted by date, title or size
//! (`o`), narrowed to those whose date, title or file name holds the words typed after `/`.
//! Enter opens the document in the reader.

use std::sync::OnceLock;

use regex::Regex;

use super::App;
use crate::doc::Document;
use crate::index::outline::{Outline, OutlineEntry};
use crate::index::pinyin_key::fold;

/// How the Library view is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LibraryOrder {
    /// Newest first (undated last).
    #[default]
    Date,
    /// By title.
    Title,
    /// Largest first.
    Size,
}

impl LibraryOrder {
    /// The next order, for `o`.
    pub fn next(self) -> LibraryOrder {
        match self {
            LibraryOrder::Date => LibraryOrder::Title,
            LibraryOrder::Title => LibraryOrder::Size,
            LibraryOrder::Size => LibraryOrder::Date,
        }
    }

    /// How the view's title says it.
    pub fn label(self) -> &'static str {
        match self {
            LibraryOrder::Date => "by date",
            LibraryOrder::Title => "by title",
            LibraryOrder::Size => "by size",
        }
    }
}

/// The date of a document: in its file name (`2025-11-19`, `20251119`), else the first full
/// date its text gives (`2025年11月19日`, `19 November 2025` is not read), as `YYYY-MM-DD`.
pub fn date_of(doc: &Document) -> Option<String> {
    static NAME: OnceLock<Option<Regex>> = OnceLock::new();
    static TEXT: OnceLock<Option<Regex>> = OnceLock::new();
    let name = NAME
        .get_or_init(|| {
            Regex::new(r"(20\d\d|19\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])").ok()
        })
        .as_ref()?;
    if let Some(c) = name.captures(&doc.name) {
        return Some(format!("{}-{}-{}", &c[1], &c[2], &c[3]));
    }
    let text = TEXT
        .get_or_init(|| Regex::new(r"(\d{4})年(\d{1,2})月(\d{1,2})日").ok())
        .as_ref()?;
    doc.blocks.iter().take(60).find_map(|b| {
        let t = b.text();
        let c = text.captures(&t)?;
        Some(format!("{}-{:0>2}-{:0>2}", &c[1], &c[2], &c[3]))
    })
}

impl App {
    /// Builds the Library view in its order.
    pub(super) fn rebuild_library(&mut self) {
        struct Row {
            doc: usize,
            date: Option<String>,
            title: String,
            bytes: usize,
        }
        let mut rows: Vec<Row> = self
            .docs
            .iter()
            .enumerate()
            .map(|(doc, d)| Row {
                doc,
                date: date_of(d),
                title: d.title(),
                bytes: d
                    .blocks
                    .iter()
                    .map(|b| b.spans.iter().map(|s| s.text.len()).sum::<usize>())
                    .sum(),
            })
            .collect();
        match self.library_order {
            LibraryOrder::Date => rows.sort_by(|a, b| b.date.cmp(&a.date).then(a.doc.cmp(&b.doc))),
            LibraryOrder::Title => rows.sort_by(|a, b| a.title.cmp(&b.title)),
            LibraryOrder::Size => rows.sort_by_key(|r| std::cmp::Reverse(r.bytes)),
        }
        let filtered = self.matching_blocks();
        let words: Vec<String> = fold(&self.library_filter)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let mut tree = Outline::default();
        for row in rows {
            let name = &self.docs[row.doc].name;
            let haystack = fold(&format!(
                "{} {} {name}",
                row.date.as_deref().unwrap_or(""),
                row.title
            ));
            if !words.iter().all(|w| haystack.contains(w.as_str())) {
                continue;
            }
            let marks = |count: usize, what: &str| match count {
                0 => String::new(),
                n => format!(" {n}{what}"),
            };
            let bookmarks = self
                .annotations
                .bookmarks
                .iter()
                .filter(|b| b.doc == row.doc)
                .count();
            let notes = self
                .annotations
                .notes
                .iter()
                .filter(|n| n.doc == row.doc)
                .count();
            let mentions = if self.filter.is_empty() {
                String::new()
            } else {
                let n = filtered.iter().filter(|(d, _)| *d == row.doc).count();
                format!(" @{n}")
            };
            let title = format!(
                "{} {} {}{}{}{}",
                row.date.as_deref().unwrap_or("----------"),
                size(row.bytes),
                row.title,
                mentions,
                marks(bookmarks, "*"),
                marks(notes, "+"),
            );
            let mut entry = OutlineEntry::titled(row.doc, None, title);
            entry.line = 1;
            tree.push(None, entry);
        }
        self.library_tree = tree;
        let last = self.library_tree.entries.len().saturating_sub(1);
        self.library_pane.selected = self.library_pane.selected.min(last);
    }
}

/// A size as the view shows it: `812K`, `4.2M`.
fn size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:>4.1}M", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{:>4}K", bytes.div_ceil(1024))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::doc::markdown as doc;

    #[test]
    fn dates_come_from_the_name_or_the_text() {
        assert_eq!(
            date_of(&doc("brief-2025-11-19.md", "# A\n")).as_deref(),
            Some("2025-11-19")
        );
        assert_eq!(
            date_of(&doc("20240305_note.md", "# A\n")).as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            date_of(&doc("page.md", "# A\n\n本报北京2025年9月1日电 正文。\n")).as_deref(),
            Some("2025-09-01")
        );
        assert_eq!(date_of(&doc("page.md", "# A\n\nNo date here.\n")), None);
    }
}
