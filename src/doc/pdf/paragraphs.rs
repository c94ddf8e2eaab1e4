//! A PDF's lines as paragraphs and headings. A paragraph ends where the space between
//! lines opens up, the size changes, a line stops short of its column's edge, or the next
//! line starts with a number of its own (`第十五条`, `Article 4`, `一、`); its lines are
//! rejoined without a space between two CJK characters, and with a hyphen at a line's end
//! joined. Headings come from the PDF's outline (bookmarks) when it has one, else from
//! larger type, else from numbered and bold lines, as in plain text.

use crate::doc::contents::{is_leader_line, key};
use crate::doc::heading_lines::{is_short_title, looks_like_title, numbered_heading_level};
use crate::doc::markdown::is_cjk;
use crate::doc::unstyled::{self, Look};
use crate::doc::{Block, BlockKind, BlockWriter, Draft, SpanStyle};

use super::lines::Line;

/// An entry of the PDF's outline: its depth (0 at the top), title and page (0-based).
#[derive(Clone, Debug, PartialEq)]
pub struct Bookmark {
    /// How deep it is in the outline.
    pub depth: usize,
    /// Its title.
    pub title: String,
    /// The page it points to, when known.
    pub page: Option<usize>,
}

/// A paragraph being gathered: its lines, and the heading level it is at.
struct Gathered<'a> {
    lines: Vec<&'a Line>,
    heading: Option<u8>,
}

/// A line an outline entry names: the entry, and the heading level it gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Named {
    entry: usize,
    level: u8,
}

/// The size most of the text is set in.
fn body_size(lines: &[Line]) -> f32 {
    super::lines::commonest_size(lines.iter().map(|l| (l.size, l.text.as_str())), 0.3)
}

/// Where a line starts something new: an article or a numbered item.
fn starts_numbered(text: &str) -> bool {
    let t = text.trim_start();
    if numbered_heading_level(t).is_some() {
        return true;
    }
    // A bullet starts an item of a list.
    if let Some(rest) = t.strip_prefix(['•', '·', '▪', '◦', '●', '■', '–'])
        && rest.starts_with([' ', '\u{3000}'])
    {
        return true;
    }
    if let Some(rest) = t.strip_prefix('第') {
        let rest = rest.trim_start_matches(|c: char| {
            "一二三四五六七八九十百千零〇".contains(c) || c.is_ascii_digit()
        });
        if rest.starts_with('条') {
            return true;
        }
    }
    let mut words = t.split_whitespace();
    matches!(
        (words.next(), words.next()),
        (Some("Article" | "Section" | "Статья" | "§"), Some(n)) if n.starts_with(|c: char| c.is_ascii_digit())
    )
}

/// Whether a line ends a sentence.
fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['”', '"', '’', ')', '）', '」'])
        .ends_with(['。', '.', '！', '!', '？', '?', '；', ';', '：'])
}

/// Appends a line to a paragraph's text.
fn join(text: &mut String, line: &str) {
    let line = line.trim();
    let Some(last) = text.chars().last() else {
        text.push_str(line);
        return;
    };
    let first = line.chars().next().unwrap_or(' ');
    if last == '-' && first.is_lowercase() {
        let before = text[..text.len() - 1].chars().last();
        // `recom-` `mendation` is one word; `FAA-` `approved` keeps its hyphen.
        if before.is_some_and(char::is_lowercase) {
            text.pop();
            text.push_str(line);
            return;
        }
    }
    // Chinese text sets no space between a CJK character (or its punctuation) and what
    // follows or precedes it on the next line, digits and Latin included (`决定》、1999年`).
    let tight = is_cjk(last) || is_cjk(first) || "-–—/".contains(last);
    if !tight {
        text.push(' ');
    }
    text.push_str(line);
}

/// The document's blocks from its lines.
pub fn blocks(lines: &[Line], outline: &[Bookmark]) -> Vec<Block> {
    let body = body_size(lines);
    let headings = if outline.iter().any(|b| b.page.is_some()) {
        from_outline(lines, outline)
    } else {
        vec![None; lines.len()]
    };
    let by_outline = headings.iter().any(Option::is_some);
    // Sizes larger than the body's, largest first: the levels of headings by type.
    let mut sizes: Vec<f32> = lines
        .iter()
        .filter(|l| l.size >= body * 1.15 && l.text.chars().count() <= 80)
        .map(|l| (l.size * 2.0).round() / 2.0)
        .collect();
    sizes.sort_by(|a, b| b.total_cmp(a));
    sizes.dedup();
    sizes.truncate(3);
    let mut groups: Vec<Gathered<'_>> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if let Some(named) = headings[i] {
            let level = named.level;
            // A heading wrapped over two lines is one heading.
            if let Some(g) = groups
                .last_mut()
                .filter(|_| i > 0 && headings[i - 1] == Some(named))
            {
                g.lines.push(line);
            } else {
                groups.push(Gathered {
                    lines: vec![line],
                    heading: Some(level),
                });
            }
            continue;
        }
        let by_size = (!by_outline)
            .then(|| {
                let s = (line.size * 2.0).round() / 2.0;
                sizes
                    .iter()
                    .position(|x| (*x - s).abs() < 0.3)
                    .map(|p| p as u8 + 1)
            })
            .flatten();
        let continues = groups.last().is_some_and(|g| {
            let prev = *g.lines.last().expect("a group has a line");
            g.heading == by_size
                && (g.heading.is_none() || prev.page == line.page)
                && continues_paragraph(prev, line)
        });
        match groups.last_mut() {
            Some(g) if continues => g.lines.push(line),
            _ => groups.push(Gathered {
                lines: vec![line],
                heading: by_size,
            }),
        }
    }
    let mut out = BlockWriter::default();
    let mut under = 1u8;
    let mut first = true;
    for g in groups {
        let mut text = String::new();
        for l in &g.lines {
            join(&mut text, &l.text);
        }
        let line_no = g.lines[0].page + 1;
        let bold = g.lines.iter().all(|l| l.bold);
        let level = g.heading.or_else(|| {
            // Under headings in larger type, a short line in bold is one level down.
            if !by_outline && !sizes.is_empty() {
                let titled =
                    bold && g.lines.len() <= 2 && is_short_title(&text) && looks_like_title(&text);
                return titled.then_some(sizes.len() as u8 + 1);
            }
            // Without outline or larger type, a short line stands as plain text's would.
            (!by_outline && g.lines.len() <= 2)
                .then(|| {
                    let look = Look {
                        bold,
                        centered: false,
                        first,
                    };
                    let level = unstyled::level(&text, look, under);
                    if let Some(l) = level.filter(|_| unstyled::is_numbered(&text)) {
                        under = l;
                    }
                    level
                })
                .flatten()
        });
        first = false;
        let kind = level.map_or(BlockKind::Paragraph, BlockKind::Heading);
        let mut draft = Draft::new(kind, line_no);
        let style = SpanStyle {
            bold: bold && level.is_none(),
            ..SpanStyle::default()
        };
        draft.push_text(
            &if level.is_some() {
                unstyled::tidy_title(&text)
            } else {
                text
            },
            style,
        );
        out.file(draft);
    }
    out.finish()
}

/// Whether `next` goes on the paragraph `prev` ends so far.
fn continues_paragraph(prev: &Line, next: &Line) -> bool {
    if prev.page != next.page || prev.column != next.column {
        // Page-layout repair rejoins a paragraph a break split.
        return false;
    }
    let gap = prev.y - next.y;
    let size = prev.size.max(next.size);
    if gap <= 0.0 || gap > size * 1.9 || (prev.size - next.size).abs() > size * 0.1 {
        return false;
    }
    // An entry of a table of contents ends at its page number (and may wrap before it).
    if starts_numbered(&next.text) || is_leader_line(&prev.text) {
        return false;
    }
    // A line that stops short of its column's edge ends its paragraph, when it ends a
    // sentence (a short line in the middle of one is a title's or a list's).
    let (left, right) = prev.bounds;
    let short = prev.right < right - size * 2.0;
    let indented = next.left > left + size * 1.5 && prev.left <= left + size * 0.5;
    !(short && (ends_sentence(&prev.text) || prev.bold != next.bold)) && !indented
}

/// Which lines the outline's entries name, each with its level: an entry is looked for on
/// its page and the next, as one line or two.
fn from_outline(lines: &[Line], outline: &[Bookmark]) -> Vec<Option<Named>> {
    let mut found = vec![None; lines.len()];
    let mut from = 0usize;
    for (entry, mark) in outline.iter().enumerate() {
        let Some(page) = mark.page else { continue };
        let want = key(&mark.title);
        if want.is_empty() {
            continue;
        }
        let start = lines[from..]
            .iter()
            .position(|l| l.page >= page)
            .map_or(lines.len(), |p| from + p);
        let named = Named {
            entry,
            level: (mark.depth + 1).min(6) as u8,
        };
        let mut i = start;
        while i < lines.len() && lines[i].page <= page + 1 {
            let k = key(&lines[i].text);
            if k == want && found[i].is_none() {
                found[i] = Some(named);
                from = i + 1;
                break;
            }
            if let Some(next) = lines.get(i + 1)
                && !k.is_empty()
                && want.starts_with(&k)
                && format!("{k}{}", key(&next.text)) == want
            {
                found[i] = Some(named);
                found[i + 1] = Some(named);
                from = i + 2;
                break;
            }
            i += 1;
        }
    }
    found
}
