//! The Markdown briefing note: a title, the source documents with a fingerprint of their
//! content, the export time, then, in document order, each section with bookmarks or notes:
//! its breadcrumb, each passage quoted, the note under it, the countries it mentions, the
//! people it names and the documents it cites; detached notes; an index by country, one of
//! the people and one of the documents cited. What a passage names is found in `named`.
//! Text taken from a document is escaped so that the note renders exactly as the original
//! reads.

use std::collections::BTreeMap;
use std::fmt::Write;

use sha2::{Digest, Sha256};

use crate::app::annotations::Annotations;
use crate::compare::wording;
use crate::doc::{BlockId, Document};
use crate::index::countries::Countries;
use crate::index::gazetteer::Gazetteer;
use crate::index::outline::Outline;
use crate::index::people::People;
use crate::store::anchor::{Anchor, Placement, one_line};
use named::{countries_of, documents_of, people_of};

mod named;

/// A source document as the note names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Its path (or the bundled briefing's name).
    pub path: String,
    /// `sha256:` and the start of the digest of its content.
    pub fingerprint: String,
}

impl Source {
    /// Names a document; `bytes` is its content as read (its text when not from a file).
    pub fn of(doc: &Document, bytes: &[u8]) -> Source {
        let digest = Sha256::digest(bytes);
        let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        Source {
            path: doc
                .path
                .as_ref()
                .map_or_else(|| doc.name.clone(), |p| p.display().to_string()),
            fingerprint: format!("sha256:{hex}"),
        }
    }
}

/// What a passage of the note holds.
struct Passage {
    doc: usize,
    block: Option<BlockId>,
    /// The passage as it reads now (as it read, when detached).
    quote: String,
    /// As it read when it was marked, when it was amended since.
    was: Option<String>,
    /// The section a detached passage was in.
    was_under: Option<String>,
    names: Vec<String>,
    notes: Vec<String>,
}

/// Everything the note is made from.
pub struct Input<'a> {
    /// The open documents.
    pub docs: &'a [Document],
    /// Their sources, one per document.
    pub sources: &'a [Source],
    /// Their section outline.
    pub outline: &'a Outline,
    /// Their bookmarks and notes.
    pub annotations: &'a Annotations,
    /// The places they mention.
    pub countries: &'a Countries,
    /// The places' names.
    pub gazetteer: &'a Gazetteer,
    /// When the note is written, as it should read.
    pub exported: &'a str,
}

/// Writes the briefing note.
pub fn briefing_note(input: &Input<'_>) -> String {
    let docs = input.docs;
    let mut out = String::new();
    // The documents the note is about: those with bookmarks or notes (all, when none has).
    let a = input.annotations;
    let mut about: Vec<usize> = (0..docs.len())
        .filter(|&d| a.bookmarks.iter().any(|b| b.doc == d) || a.notes.iter().any(|n| n.doc == d))
        .collect();
    if about.is_empty() {
        about = (0..docs.len()).collect();
    }
    let title = match about.as_slice() {
        [one] => {
            let one = &docs[*one];
            one.front_title
                .clone()
                .or_else(|| {
                    // An empty heading (`#` alone) names nothing.
                    one.headings()
                        .map(|(_, _, b)| one_line(b.text()))
                        .find(|t| !t.trim().is_empty())
                })
                .unwrap_or_else(|| one.name.clone())
        }
        _ => format!("{} documents", about.len()),
    };
    let _ = writeln!(out, "# Briefing note: {}\n", escape(&title));
    let _ = writeln!(out, "Sources:\n");
    let listed = about.iter().filter_map(|&d| input.sources.get(d));
    for s in listed {
        // A path reads best as code; one with a backtick is escaped instead.
        let path = if s.path.contains('`') {
            escape(&s.path)
        } else {
            format!("`{}`", s.path)
        };
        let _ = writeln!(out, "- {path} ({})", s.fingerprint);
    }
    let _ = writeln!(out, "\nExported {}.\n", input.exported);

    let passages = passages(input);
    if passages.is_empty() {
        let _ = writeln!(out, "No bookmarks or notes yet.");
        return out;
    }
    // Country (its English name, for the order) → its name and the sections that mention it.
    let mut index: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    // Document cited → the sections that cite it.
    let mut cited: BTreeMap<String, Vec<String>> = BTreeMap::new();
    // Person → the sections that name them.
    let people = People::build(docs);
    let mut named: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut last_heading: Option<String> = None;
    for p in passages.iter().filter(|p| p.block.is_some()) {
        let crumb = breadcrumb(input, p.doc, p.block);
        if last_heading.as_ref() != Some(&crumb) {
            let _ = writeln!(out, "## {}\n", escape(&crumb));
            last_heading = Some(crumb.clone());
        }
        write_passage(&mut out, input, &people, p);
        for person in people_of(input, &people, p) {
            let sections = named.entry(person).or_default();
            if !sections.contains(&crumb) {
                sections.push(crumb.clone());
            }
        }
        for (english, name) in countries_of(input, p) {
            let (_, sections) = index.entry(english).or_insert_with(|| (name, Vec::new()));
            if !sections.contains(&crumb) {
                sections.push(crumb.clone());
            }
        }
        for title in documents_of(input, p) {
            let sections = cited.entry(title).or_default();
            if !sections.contains(&crumb) {
                sections.push(crumb.clone());
            }
        }
    }
    let detached: Vec<&Passage> = passages.iter().filter(|p| p.block.is_none()).collect();
    if !detached.is_empty() {
        let _ = writeln!(
            out,
            "## Detached notes\n\nTheir paragraphs are no longer in the documents.\n"
        );
        for p in detached {
            write_passage(&mut out, input, &people, p);
        }
    }
    if !index.is_empty() {
        let _ = writeln!(out, "## Index by country\n");
        for (name, sections) in index.values() {
            let list: Vec<String> = sections.iter().map(|s| escape(s)).collect();
            let _ = writeln!(out, "- **{}**: {}", escape(name), list.join("; "));
        }
    }
    if !named.is_empty() {
        let _ = writeln!(out, "\n## Index of people\n");
        for (person, sections) in &named {
            let list: Vec<String> = sections.iter().map(|s| escape(s)).collect();
            let _ = writeln!(out, "- **{}**: {}", escape(person), list.join("; "));
        }
    }
    if !cited.is_empty() {
        let _ = writeln!(out, "\n## Index of documents cited\n");
        for (title, sections) in &cited {
            let list: Vec<String> = sections.iter().map(|s| escape(s)).collect();
            let _ = writeln!(out, "- **{}**: {}", escape(title), list.join("; "));
        }
    }
    out
}

fn write_passage(out: &mut String, input: &Input<'_>, people: &People, p: &Passage) {
    if let Some(section) = &p.was_under {
        let name = &input.docs[p.doc].name;
        let crumb = if input.docs.len() == 1 {
            section.clone()
        } else {
            format!("{name} › {section}")
        };
        let _ = writeln!(out, "*Was under {}:*\n", escape(&crumb));
    }
    // A table row is quoted as a table, under its header; any other passage as a quote.
    let row = match (p.block, &p.was) {
        (Some(block), None) => {
            crate::doc::table::row_as_markdown(&input.docs[p.doc].blocks, block.0)
        }
        _ => None,
    };
    match row {
        Some(table) => {
            let _ = writeln!(out, "{table}\n");
        }
        None => {
            let _ = writeln!(out, "> {}\n", escape(&p.quote));
        }
    }
    if let Some(was) = &p.was {
        let since = if p.notes.is_empty() {
            "it was bookmarked"
        } else {
            "this note"
        };
        let pieces = wording::diff(was, &p.quote);
        if wording::kept(&pieces) >= 0.5 {
            let changes = amended(&pieces);
            let _ = writeln!(
                out,
                "*Passage amended since {since}* (\\[-deleted-\\]{{+inserted+}}): {changes}\n"
            );
        } else {
            let _ = writeln!(out, "*Passage amended since {since}. It read:*\n");
            let _ = writeln!(out, "> {}\n", escape(was));
        }
    }
    for name in &p.names {
        let _ = writeln!(out, "Bookmark: *{}*\n", escape(name));
    }
    if p.names.is_empty() && p.notes.is_empty() {
        let _ = writeln!(out, "*Bookmarked.*\n");
    }
    for note in &p.notes {
        // The note is the user's own Markdown: kept as written, its lines too.
        let _ = writeln!(out, "{}\n", with_line_breaks(note.trim_end()));
    }
    let countries = countries_of(input, p);
    if !countries.is_empty() {
        let names: Vec<String> = countries.iter().map(|(_, c)| escape(c)).collect();
        let _ = writeln!(out, "Countries: {}\n", names.join(", "));
    }
    let named = people_of(input, people, p);
    if !named.is_empty() {
        let names: Vec<String> = named.iter().map(|n| escape(n)).collect();
        let _ = writeln!(out, "People: {}\n", names.join(", "));
    }
    let documents = documents_of(input, p);
    if !documents.is_empty() {
        let titles: Vec<String> = documents.iter().map(|t| escape(t)).collect();
        let _ = writeln!(out, "Documents cited: {}\n", titles.join(", "));
    }
}

/// The passages in document order: a bookmark and the notes on one paragraph make one
/// passage, unless a note quotes only some of its sentences.
fn passages(input: &Input<'_>) -> Vec<Passage> {
    let mut out: Vec<Passage> = Vec::new();
    // What a bookmark or note quotes now, and what it quoted when made if that changed.
    let quoted = |doc: usize, placement: Placement, anchor: &Anchor| match placement {
        Placement::Same(_) if anchor.is_narrowed() => (anchor.quote.clone(), None),
        Placement::Same(block) => (anchor.wording_in(&input.docs[doc], block), None),
        Placement::Changed(block) => (
            anchor.wording_in(&input.docs[doc], block),
            Some(anchor.quote.clone()),
        ),
        Placement::Detached => (anchor.quote.clone(), None),
    };
    let was_under = |placement: Placement, anchor: &Anchor| {
        (placement == Placement::Detached && !anchor.section.is_empty())
            .then(|| anchor.section.clone())
    };
    for b in &input.annotations.bookmarks {
        let (quote, was) = quoted(b.doc, b.placement, &b.item.anchor);
        out.push(Passage {
            doc: b.doc,
            block: b.block(),
            quote,
            was,
            was_under: was_under(b.placement, &b.item.anchor),
            names: b.item.name.clone().into_iter().collect(),
            notes: Vec::new(),
        });
    }
    for n in &input.annotations.notes {
        let (quote, was) = quoted(n.doc, n.placement, &n.item.anchor);
        match out.iter_mut().find(|p| {
            p.block.is_some() && p.doc == n.doc && p.block == n.block() && p.quote == quote
        }) {
            Some(p) => {
                p.notes.push(n.item.body.clone());
                p.was = p.was.take().or(was);
            }
            None => out.push(Passage {
                doc: n.doc,
                block: n.block(),
                quote,
                was,
                was_under: was_under(n.placement, &n.item.anchor),
                names: Vec::new(),
                notes: vec![n.item.body.clone()],
            }),
        }
    }
    out.sort_by_key(|p| (p.block.is_none(), p.doc, p.block.map_or(0, |b| b.0)));
    out
}

/// `document › section` of a paragraph (the section alone for a single document).
fn breadcrumb(input: &Input<'_>, doc: usize, block: Option<BlockId>) -> String {
    let section = block
        .and_then(|b| input.outline.entry_at(doc, b))
        .map(|e| input.outline.entries[e].title.clone());
    let name = &input.docs[doc].name;
    match (section, input.docs.len()) {
        (Some(s), 1) => s,
        (Some(s), _) => format!("{name} › {s}"),
        (None, _) => name.clone(),
    }
}

/// A difference of wordings as the note shows it: `[-deleted-]{+inserted+}`, escaped so
/// that it renders as written (Markdown's own strikethrough does not open next to
/// punctuation, so it would leave stray `~~` in many amendments).
fn amended(pieces: &[wording::Piece]) -> String {
    escape(&wording::marked(pieces))
}

/// A note's text with each line break kept as written: a line followed by another line of
/// the same paragraph ends in a hard break (two spaces), except inside a fenced code block.
fn with_line_breaks(note: &str) -> String {
    let lines: Vec<&str> = note.lines().collect();
    let mut out = String::with_capacity(note.len() + lines.len() * 2);
    let mut fenced = false;
    for (i, line) in lines.iter().enumerate() {
        let fence = line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~");
        if fence {
            fenced = !fenced;
        }
        out.push_str(line);
        let next = lines.get(i + 1);
        let joined = next.is_some_and(|n| !n.trim().is_empty()) && !line.trim().is_empty();
        if joined && !fenced && !fence && !line.ends_with("  ") {
            out.push_str("  ");
        }
        if next.is_some() {
            out.push('\n');
        }
    }
    out
}

/// Backslash-escapes what Markdown would read as markup in one line of a document's text:
/// inline markers anywhere (`\\ ` * _ [ ] < > & ~ | # ^ $`: `^` for footnotes and
/// superscripts, `$` for the maths many readers render), and a list or quote marker at the
/// start, so the note renders exactly as the original reads.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in text.chars().enumerate() {
        let at_start = i == 0 && matches!(c, '-' | '+' | '=');
        let list_number = digits > 0 && i == digits && matches!(c, '.' | ')');
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|' | '#' | '^' | '$'
        ) || at_start
            || list_number
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_text_reads_as_written() {
        for text in [
            "*Not emphasis* [not a link](x) # 1. <b>&amp; `code` \\ _x_ ~~no~~ a|b",
            "- not a list",
            "+ not a list either",
            "12. not numbered",
            "3) nor this",
            "> not a quote",
            "# not a heading",
            "=== not a heading underline",
            "双方（中吉乌）同意, 2025.",
            "see [^1] and x^2^ or H~2~O",
            "between $5 billion and $7 billion",
        ] {
            let parsed: String = pulldown_cmark::Parser::new_ext(
                &format!("> {}", escape(text)),
                pulldown_cmark::Options::all() - pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION,
            )
            .filter_map(|e| match e {
                pulldown_cmark::Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
            assert_eq!(parsed, text);
        }
        assert_eq!(
            escape("双方（中吉乌）同意, 2025."),
            "双方（中吉乌）同意, 2025.",
            "plain text stays plain"
        );
    }
}
