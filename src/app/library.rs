//! The Library view: every open document with its date, title and size, how often it names the
//! filtered countries, and the user's bookmarks and notes on it; sorted by date, title or size
//! (`o`), narrowed to those whose date, title or file name holds the words typed after `/`.
//! Enter opens the document in the reader.

use std::sync::OnceLock;

use regex::Regex;

use super::App;
use crate::doc::{Block, Document};
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

/// The date of a document, as `YYYY-MM-DD`: its front matter's `date:`, else a date in its
/// file name (`2025-11-19`, `20251119`), else the first full date of its opening passages
/// (`2025年11月19日`; `19 November 2025`, `November 19, 2025` or `19 ноября 2025` at the start
/// of a paragraph, as a dateline). A Word document's, PDF's or book's own date (when the
/// file was made, which is not when the text was written) comes last.
pub fn date_of(doc: &Document) -> Option<String> {
    let made = doc.format.is_packaged();
    if let Some(date) = doc.front_date.as_ref().filter(|_| !made) {
        return Some(date.clone());
    }
    static NAME: OnceLock<Option<Regex>> = OnceLock::new();
    let name = NAME
        .get_or_init(|| {
            Regex::new(r"(20\d\d|19\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])").ok()
        })
        .as_ref()?;
    if let Some(c) = name.captures(&doc.name) {
        return Some(format!("{}-{}-{}", &c[1], &c[2], &c[3]));
    }
    doc.blocks
        .iter()
        .take(60)
        .find_map(|b| date_in_text(b.text()))
        .or_else(|| doc.front_date.clone())
}

/// English and Russian month names (Russian in the genitive of a date), January first.
const MONTHS: [(&str, &str); 12] = [
    ("january", "января"),
    ("february", "февраля"),
    ("march", "марта"),
    ("april", "апреля"),
    ("may", "мая"),
    ("june", "июня"),
    ("july", "июля"),
    ("august", "августа"),
    ("september", "сентября"),
    ("october", "октября"),
    ("november", "ноября"),
    ("december", "декабря"),
];

/// Whether what stands around a date makes it a dateline: before it nothing, or a place and
/// a comma (`HIROSHIMA, `, `Москва, `); after it, not the rest of a range (`– 2006`).
fn is_dateline(before: &str, after: &str) -> bool {
    let before = before.trim();
    let opens = before.is_empty()
        || (before.len() <= 40 && before.ends_with(',') && before.split_whitespace().count() <= 3);
    let range = after
        .trim_start()
        .strip_prefix(['–', '-', '—'])
        .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    opens && !range
}

/// The first full date written in a text as a dateline, as `YYYY-MM-DD`.
fn date_in_text(text: &str) -> Option<String> {
    static DATES: OnceLock<Option<Regex>> = OnceLock::new();
    let dates = DATES
        .get_or_init(|| {
            let names: Vec<&str> = MONTHS.iter().flat_map(|(en, ru)| [*en, *ru]).collect();
            let month = format!("({})", names.join("|"));
            Regex::new(&format!(
                r"(?i)(?:(?P<y1>\d{{4}})年(?P<m1>\d{{1,2}})月(?P<d1>\d{{1,2}})日|\b(?P<d2>\d{{1,2}})\s+(?P<m2>{month})\s+(?P<y2>\d{{4}})|\b(?P<m3>{month})\s+(?P<d3>\d{{1,2}}),\s*(?P<y3>\d{{4}}))"
            ))
            .ok()
        })
        .as_ref()?;
    dates.captures_iter(text).find_map(|c| {
        // An English or Russian date names the document's day when it opens a paragraph
        // (a dateline: "HIROSHIMA, 20 May 2023 —"); inside a sentence, it is history.
        let whole = c.get(0)?;
        if c.name("y1").is_none() && !is_dateline(&text[..whole.start()], &text[whole.end()..]) {
            return None;
        }
        let year = c.name("y1").or(c.name("y2")).or(c.name("y3"))?.as_str();
        let day: u32 = c
            .name("d1")
            .or(c.name("d2"))
            .or(c.name("d3"))?
            .as_str()
            .parse()
            .ok()?;
        let month = c.name("m1").or(c.name("m2")).or(c.name("m3"))?.as_str();
        let month: u32 = month.parse().ok().or_else(|| {
            let month = month.to_lowercase();
            let n = MONTHS
                .iter()
                .position(|(en, ru)| *en == month || *ru == month)?;
            u32::try_from(n + 1).ok()
        })?;
        ((1..=12).contains(&month) && (1..=31).contains(&day))
            .then(|| format!("{year}-{month:02}-{day:02}"))
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
                bytes: d.blocks.iter().map(Block::text_len).sum(),
            })
            .collect();
        match self.library_order {
            LibraryOrder::Date => rows.sort_by(|a, b| b.date.cmp(&a.date).then(a.doc.cmp(&b.doc))),
            LibraryOrder::Title => rows.sort_by(|a, b| a.title.cmp(&b.title)),
            LibraryOrder::Size => rows.sort_by_key(|r| std::cmp::Reverse(r.bytes)),
        }
        // Two documents of one title (two editions, one statement saved twice) are told
        // apart by their file names.
        let mut titled: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for row in &rows {
            *titled.entry(row.title.as_str()).or_default() += 1;
        }
        let shared: std::collections::HashSet<String> = titled
            .into_iter()
            .filter(|&(_, n)| n > 1)
            .map(|(t, _)| t.to_string())
            .collect();
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
            let mentions = if !self.filter_is_on() {
                String::new()
            } else {
                let n = filtered.iter().filter(|(d, _)| *d == row.doc).count();
                format!(" @{n}")
            };
            // Documents of one title are told apart by their file names, in its place.
            let title = if shared.contains(&row.title) {
                self.file_name_among(row.doc, &row.title)
            } else {
                row.title.clone()
            };
            let mut entry = OutlineEntry::titled(row.doc, None, title);
            entry.lead = format!(
                "{} {} ",
                row.date.as_deref().unwrap_or("----------"),
                size(row.bytes),
            );
            entry.tail = format!("{mentions}{}{}", marks(bookmarks, "*"), marks(notes, "+"));
            entry.line = 1;
            tree.push(None, entry);
        }
        self.library_view.tree = tree;
        let last = self.library_view.tree.entries.len().saturating_sub(1);
        self.library_view.pane.selected = self.library_view.pane.selected.min(last);
    }
}

impl App {
    /// What tells a document apart from the others of its title: its file name, or its
    /// name in the folder read when another of that title has the same file name.
    fn file_name_among(&self, doc: usize, title: &str) -> String {
        let file_name = |d: &Document| {
            d.path
                .as_ref()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| d.name.clone())
        };
        let mine = file_name(&self.docs[doc]);
        let clash = self
            .docs
            .iter()
            .enumerate()
            .any(|(i, d)| i != doc && file_name(d) == mine && d.title() == title);
        if clash {
            self.docs[doc].name.clone()
        } else {
            mine
        }
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
    fn a_files_own_date_comes_after_the_texts() {
        let word = |text: &str| {
            let mut d = doc("report.docx", text);
            d.format = crate::doc::Format::Word;
            d.front_date = Some("2025-01-22".into());
            d
        };
        assert_eq!(
            date_of(&word("2025年1月14日在北京市人民代表大会上\n")).as_deref(),
            Some("2025-01-14")
        );
        assert_eq!(
            date_of(&word("各位代表：\n")).as_deref(),
            Some("2025-01-22")
        );
    }

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

    #[test]
    fn dates_come_from_front_matter_and_english_and_russian_datelines() {
        let front = "---\ndate: '2023-05-20'\ntitle: G7\n---\n\nMet on 1 June 2023.\n";
        assert_eq!(
            date_of(&doc("g7-2021-01-01.md", front)).as_deref(),
            Some("2023-05-20"),
            "front matter comes before the name"
        );
        for (text, date) in [
            ("HIROSHIMA, 20 May 2023 — The leaders met.", "2023-05-20"),
            ("Washington, November 9, 2024. Statement.", "2024-11-09"),
            ("Москва, 19 ноября 2025 года. Заявление.", "2025-11-19"),
            (
                "40 May 2023 is no day.\n\n3 MARCH 2022 — a statement.",
                "2022-03-03",
            ),
        ] {
            let d = doc("page.md", &format!("# A\n\n{text}\n"));
            assert_eq!(date_of(&d).as_deref(), Some(date), "{text}");
        }
        let history =
            "# A\n\nThe organisation grew out of the Shanghai Five, which met on 26 April 1996.\n";
        assert_eq!(date_of(&doc("page.md", history)), None, "not a dateline");
        let table = "# A\n\n15 June 2004 – 2006 | Vyacheslav Kasymov\n";
        assert_eq!(date_of(&doc("page.md", table)), None, "a range of years");
    }
}
