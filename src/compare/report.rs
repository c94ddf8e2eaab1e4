//! A comparison printed for a meeting: as text for the terminal, as Markdown a colleague
//! reads on GitHub or in a mail, or as one JSON object for scripts.

use std::io::{self, Write};

use serde::Serialize;

use crate::doc::on_every_core::in_parts;

use super::changes::{Change, ChangeKind, Comparison};
use super::wording::{Kind, Piece, compact, marked};

/// How many characters of unchanged text are kept on each side of a change in text and
/// Markdown output.
const CONTEXT: usize = 40;

/// The two editions' names as the output heads them.
pub struct Names<'a> {
    /// The old edition's name.
    pub old: &'a str,
    /// The new edition's name.
    pub new: &'a str,
}

/// Where a side of a change starts, for the heading of a change: `line 33 → line 32`.
fn lines(change: &Change) -> String {
    match (&change.old, &change.new) {
        (Some(o), Some(n)) => format!("line {} → {}", o.line, n.line),
        (Some(o), None) => format!("old line {}", o.line),
        (None, Some(n)) => format!("line {}", n.line),
        (None, None) => String::new(),
    }
}

/// The change's heading line: what happened, where, and what else to know.
fn title(change: &Change) -> String {
    let mut out = format!("{} ({})", change.described(), lines(change));
    if let Some((was, now)) = &change.renumbered {
        out.push_str(&format!(", {was} → {now}"));
    }
    if let Some(note) = &change.note {
        out.push_str(&format!(", {note}"));
    }
    out
}

/// What a report lists: a change, or a run of paragraphs renumbered and nothing else,
/// listed as one entry.
enum Entry<'a> {
    One(&'a Change),
    Renumbered(Vec<&'a Change>),
}

/// The changes shown, with each run of plain renumberings in one section made one entry.
fn entries(c: &Comparison, strict: bool) -> Vec<Entry<'_>> {
    let mut out: Vec<Entry> = Vec::new();
    for (_, change) in c.shown(strict) {
        if change.kind == ChangeKind::Renumbered {
            if let Some(Entry::Renumbered(run)) = out.last_mut()
                && run[0].section() == change.section()
            {
                run.push(change);
                continue;
            }
            out.push(Entry::Renumbered(vec![change]));
        } else {
            out.push(Entry::One(change));
        }
    }
    out
}

impl<'a> Entry<'a> {
    /// The section the entry is under.
    fn section(&self) -> &'a str {
        match self {
            Entry::One(c) => c.section(),
            Entry::Renumbered(run) => run[0].section(),
        }
    }
}

/// A run of renumberings as one line: "3 renumbered: 第十条 → 第九条, …".
fn renumbered_line(run: &[&Change]) -> String {
    let pairs: Vec<String> = run
        .iter()
        .filter_map(|c| c.renumbered.as_ref())
        .map(|(was, now)| format!("{was} → {now}"))
        .collect();
    let what = if run.len() == 1 {
        "paragraph"
    } else {
        "paragraphs"
    };
    format!("{} {what} renumbered: {}", run.len(), pairs.join(", "))
}

/// The comparison as text: the summary, then each change under its section with
/// `[-deleted-]{+inserted+}` marks.
pub fn text(c: &Comparison, names: &Names, strict: bool, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{} → {}: {}",
        names.old,
        names.new,
        c.summary().line(strict)
    )?;
    let mut section: Option<&str> = None;
    for entry in entries(c, strict) {
        if section != Some(entry.section()) {
            section = Some(entry.section());
            writeln!(out)?;
            writeln!(out, "§ {}", or_top(entry.section()))?;
        }
        let change = match entry {
            Entry::One(change) => change,
            Entry::Renumbered(run) => {
                writeln!(out, "  {}", renumbered_line(&run))?;
                continue;
            }
        };
        writeln!(out, "  {}", title(change))?;
        for line in marked(&compact(&change.pieces, CONTEXT)).lines() {
            writeln!(out, "    {line}")?;
        }
    }
    Ok(())
}

/// The section's name, or "(before the first heading)".
fn or_top(section: &str) -> &str {
    if section.is_empty() {
        "(before the first heading)"
    } else {
        section
    }
}

/// Markdown's marks taken literally.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '~' | '<' | '>' | '[' | ']' | '`' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A difference in Markdown: deletions `~~struck~~`, insertions `<ins>underlined</ins>`
/// (both render on GitHub, and read in plain text).
fn markdown_pieces(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for p in pieces {
        let text = escaped(&p.text).replace('\n', " ");
        let (lead, trail) = (
            &text[..text.len() - text.trim_start().len()],
            &text[text.trim_end().len()..],
        );
        let core = text.trim();
        if core.is_empty() {
            out.push_str(&text);
            continue;
        }
        match p.kind {
            Kind::Same => out.push_str(&text),
            Kind::Deleted => out.push_str(&format!("{lead}~~{core}~~{trail}")),
            Kind::Inserted => out.push_str(&format!("{lead}<ins>{core}</ins>{trail}")),
        }
    }
    out
}

/// The comparison as Markdown: a heading, the summary, each change under its section's
/// breadcrumb with the old and new wording marked up.
pub fn markdown(
    c: &Comparison,
    names: &Names,
    strict: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "# What changed: `{}` → `{}`\n",
        names.old.replace('`', "'"),
        names.new.replace('`', "'")
    )?;
    writeln!(out, "{}", c.summary().line(strict))?;
    writeln!(
        out,
        "\nDeleted words are ~~struck through~~, inserted words <ins>underlined</ins>."
    )?;
    let mut section: Option<&str> = None;
    for entry in entries(c, strict) {
        if section != Some(entry.section()) {
            section = Some(entry.section());
            writeln!(out, "\n## {}", escaped(or_top(entry.section())))?;
        }
        let change = match entry {
            Entry::One(change) => change,
            Entry::Renumbered(run) => {
                writeln!(out, "\n{}", escaped(&renumbered_line(&run)))?;
                continue;
            }
        };
        let mut heading = title(change);
        if let Some(first) = heading.get(..1) {
            heading = first.to_uppercase() + &heading[1..];
        }
        writeln!(out, "\n**{}**\n", escaped(&heading))?;
        writeln!(
            out,
            "> {}",
            markdown_pieces(&compact(&change.pieces, CONTEXT))
        )?;
    }
    Ok(())
}

/// One side of a change in JSON.
#[derive(Serialize)]
struct JsonSide<'a> {
    line: usize,
    text: &'a str,
    section: &'a str,
}

/// A run of a change's wording in JSON.
#[derive(Serialize)]
struct JsonSpan<'a> {
    kind: &'static str,
    text: &'a str,
}

/// A paragraph's own number, before and after, in JSON.
#[derive(Serialize)]
struct JsonNumber<'a> {
    old: &'a str,
    new: &'a str,
}

/// A change in JSON.
#[derive(Serialize)]
struct JsonChange<'a> {
    kind: &'static str,
    section: &'a str,
    old: Option<JsonSide<'a>>,
    new: Option<JsonSide<'a>>,
    spans: Vec<JsonSpan<'a>>,
    renumbered: Option<JsonNumber<'a>>,
    note: Option<&'a str>,
}

/// How many changes of each kind, in JSON.
#[derive(Serialize)]
struct JsonSummary {
    amended: usize,
    inserted: usize,
    deleted: usize,
    moved: usize,
    renumbered: usize,
    references: usize,
    formatting_only: usize,
}

/// The comparison in JSON.
#[derive(Serialize)]
struct JsonComparison<'a> {
    old: &'a str,
    new: &'a str,
    same_in_substance: bool,
    identical: bool,
    common: f64,
    too_long_for_words: usize,
    summary: JsonSummary,
}

/// One side of a change as JSON has it.
fn side(s: &Option<super::changes::Side>) -> Option<JsonSide<'_>> {
    s.as_ref().map(|s| JsonSide {
        line: s.line,
        text: &s.text,
        section: &s.section,
    })
}

/// Writes the comparison as one JSON object (see the README for its fields), on one line.
pub fn json(c: &Comparison, names: &Names, strict: bool, out: &mut dyn Write) -> io::Result<()> {
    let s = c.summary();
    let changes = c
        .shown(strict)
        .map(|(_, ch)| JsonChange {
            kind: ch.kind.name(),
            section: ch.section(),
            old: side(&ch.old),
            new: side(&ch.new),
            spans: ch
                .pieces
                .iter()
                .map(|p| JsonSpan {
                    kind: match p.kind {
                        Kind::Same => "same",
                        Kind::Deleted => "deleted",
                        Kind::Inserted => "inserted",
                    },
                    text: &p.text,
                })
                .collect(),
            renumbered: ch
                .renumbered
                .as_ref()
                .map(|(o, n)| JsonNumber { old: o, new: n }),
            note: ch.note.as_deref(),
        })
        .collect::<Vec<_>>();
    let head = JsonComparison {
        old: names.old,
        new: names.new,
        same_in_substance: s.substance() == 0,
        identical: c.identical,
        common: (c.common * 1000.0).round() / 1000.0,
        too_long_for_words: c.too_long,
        summary: JsonSummary {
            amended: s.amended,
            inserted: s.inserted,
            deleted: s.deleted,
            moved: s.moved,
            renumbered: s.renumbered,
            references: s.references,
            formatting_only: s.formatting_only,
        },
    };
    // The object's fields, then its changes, written on every core when there are many.
    let mut head = serde_json::to_vec(&head)?;
    head.pop(); // its closing `}`
    out.write_all(&head)?;
    out.write_all(b",\"changes\":[")?;
    // A window at a time, so the buffers are reused rather than the whole text held twice.
    // The changes carry most of the text, three times over (old, new, and the spans):
    // sonic-rs escapes a string several bytes at a time, and writing them takes a third less
    // time than with serde_json, the same bytes.
    for (w, window) in changes.chunks(CHANGES_PER_THREAD * 2).enumerate() {
        let parts = in_parts(window, CHANGES_PER_THREAD, |at, part| {
            let mut written = Vec::with_capacity(part.len() * 512);
            for (n, change) in part.iter().enumerate() {
                if w + at + n > 0 {
                    written.push(b',');
                }
                sonic_rs::to_writer(&mut written, change).map_err(std::io::Error::other)?;
            }
            Ok::<_, std::io::Error>(written)
        });
        for part in parts {
            out.write_all(&part?)?;
        }
    }
    out.write_all(b"]}\n")
}

/// Below this many changes, JSON is written on one core.
const CHANGES_PER_THREAD: usize = 1_000;
