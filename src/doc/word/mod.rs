//! Word documents (`.docx`), read from their zip and XML parts with `zip` and `quick-xml`:
//! paragraphs in document order with their runs' bold and italic; headings from heading
//! styles (by name in any language, or by outline level), or, in a document that has none,
//! from the numbering and bold lines plain text is read by; lists with their numbers;
//! tables; footnotes and endnotes at the end of their section; links. Headers, footers,
//! comments, field codes, the typed table of contents and deleted text are never text.

mod body;
mod parts;
mod styles;

use self::body::{NoteLabels, Paragraph, Piece};
use self::parts::Relationships;
use self::styles::{Numbering, Styles};
use super::archive::Archive;
use super::binary::Refusal;
use super::table::CELL_SEPARATOR;
use super::unstyled::{self, Look};
use super::{Block, BlockKind, BlockWriter, Draft, Read, SpanStyle};

/// Whether a zip archive holds a Word document.
pub fn is_word(archive: &Archive<'_>) -> bool {
    archive.has("word/document.xml")
}

/// Reads a Word document.
pub fn read(bytes: &[u8]) -> Result<Read, Refusal> {
    let mut archive = Archive::open(bytes)?;
    let package = match archive.text("_rels/.rels")? {
        Some(xml) => Relationships::parse(&xml, "").map_err(Refusal::Damaged)?,
        None => Relationships::default(),
    };
    let main = package
        .of_type("officeDocument")
        .unwrap_or("word/document.xml")
        .to_string();
    let document = archive.text(&main)?.ok_or(Refusal::NotThisFormat)?;
    let (folder, file) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let rels_path = format!("{folder}/_rels/{file}.rels");
    let rels = match archive.text(rels_path.trim_start_matches('/'))? {
        Some(xml) => Relationships::parse(&xml, &main).map_err(Refusal::Damaged)?,
        None => Relationships::default(),
    };
    let mut part = |kind: &str| -> Result<Option<String>, Refusal> {
        match rels.of_type(kind) {
            Some(path) => Ok(archive.text(path)?),
            None => Ok(None),
        }
    };
    let styles = match part("styles")? {
        Some(xml) => Styles::parse(&xml).map_err(Refusal::Damaged)?,
        None => Styles::default(),
    };
    let mut numbering = match part("numbering")? {
        Some(xml) => Numbering::parse(&xml).map_err(Refusal::Damaged)?,
        None => Numbering::default(),
    };
    let footnotes = part("footnotes")?;
    let endnotes = part("endnotes")?;
    let links = rels.links();
    let mut labels = NoteLabels::default();
    let body = body::read(&document, &styles, &links, &mut labels).map_err(Refusal::Damaged)?;
    let mut notes = std::collections::HashMap::new();
    for xml in [footnotes, endnotes].into_iter().flatten() {
        let walked = body::read(&xml, &styles, &links, &mut labels).map_err(Refusal::Damaged)?;
        notes.extend(walked.notes);
    }
    let core = package
        .of_type("core-properties")
        .unwrap_or("docProps/core.xml")
        .to_string();
    let props = match archive.text(&core)? {
        // Properties are a courtesy: damaged ones are no reason to refuse the text.
        Some(xml) => parts::properties(&xml).unwrap_or_default(),
        None => parts::Properties::default(),
    };
    let blocks = blocks(body.pieces, &styles, &mut numbering, &labels, &notes);
    Ok(Read {
        // The title the document gives itself, whatever its headings (the first of which
        // may be a section's).
        title: props.title,
        date: props.date,
        blocks,
        ..Read::default()
    })
}

/// How a paragraph reads once its numbering is counted.
struct Numbered {
    paragraph: Paragraph,
    marker: Option<String>,
    depth: u8,
}

/// The document's blocks, with headings decided and notes placed.
fn blocks(
    pieces: Vec<Piece>,
    styles: &Styles,
    numbering: &mut Numbering,
    labels: &NoteLabels,
    notes: &std::collections::HashMap<(bool, String), Vec<Draft>>,
) -> Vec<Block> {
    let styled_level = |p: &Paragraph| {
        p.outline
            .and_then(|o| (o < 9).then_some(o + 1))
            .or_else(|| p.style.as_deref().and_then(|s| styles.heading_level(s)))
    };
    let by_styles = pieces.iter().any(|piece| match piece {
        Piece::Paragraph(p) => styled_level(p).is_some() && !p.draft.text().trim().is_empty(),
        Piece::Row { .. } => false,
    });
    let mut out = BlockWriter::default();
    let mut waiting: Vec<(bool, String)> = Vec::new();
    let mut first = true;
    // The level of the last numbered heading, under which a bold line stands.
    let mut numbered_level = 1u8;
    for (n, piece) in pieces.into_iter().enumerate() {
        let line = n + 1;
        let numbered = match piece {
            Piece::Row { cells, header } => {
                let mut row = Draft::new(BlockKind::TableRow { header }, line);
                for (i, cell) in cells.iter().enumerate() {
                    if i > 0 {
                        row.push_text(CELL_SEPARATOR, SpanStyle::default());
                    }
                    for span in cell.spans() {
                        row.push_text(&span.text.replace('\n', " "), span.style);
                    }
                }
                out.file(row);
                first = false;
                continue;
            }
            Piece::Paragraph(p) => {
                let list = p
                    .numbering
                    .clone()
                    .or_else(|| p.style.as_deref().and_then(|s| styles.numbering(s)));
                let marker = list
                    .as_ref()
                    .filter(|(id, _)| id != "0")
                    .and_then(|(id, level)| numbering.next_marker(id, *level));
                Numbered {
                    depth: list.map_or(0, |l| l.1),
                    paragraph: p,
                    marker,
                }
            }
        };
        let Numbered {
            paragraph: mut p,
            marker,
            depth,
        } = numbered;
        if p.draft.text().trim().is_empty() {
            continue;
        }
        let level = if by_styles {
            styled_level(&p)
        } else {
            let text = match &marker {
                Some(m) if m != "•" => format!("{m}{}", p.draft.text()),
                _ => p.draft.text().to_string(),
            };
            let look = Look {
                bold: p
                    .draft
                    .spans()
                    .all(|s| s.style.bold || s.text.trim().is_empty()),
                centered: p.centered,
                first,
            };
            let level = unstyled::level(&text, look, numbered_level);
            if let Some(l) = level.filter(|_| unstyled::is_numbered(&text)) {
                numbered_level = l;
            }
            level
        };
        first = false;
        p.draft.line = line;
        match (level, marker) {
            (Some(level), marker) => {
                place_notes(&mut out, &mut waiting, labels, notes);
                let mut heading = Draft::new(BlockKind::Heading(level), line);
                if let Some(m) = marker.filter(|m| m != "•") {
                    let gap = if m.ends_with(['、', '）', '．']) {
                        ""
                    } else {
                        " "
                    };
                    heading.push_text(&format!("{m}{gap}"), SpanStyle::default());
                }
                // A heading is shown in its own style: its runs' bold is not emphasis.
                for span in p.draft.spans() {
                    let style = SpanStyle {
                        bold: false,
                        ..span.style
                    };
                    heading.push_text(span.text, style);
                }
                out.file(heading);
            }
            (None, Some(marker)) => {
                let mut item = Draft::new(
                    BlockKind::ListItem {
                        marker: marker.into(),
                        depth,
                    },
                    line,
                );
                item.append_draft(&p.draft);
                out.file(item);
            }
            (None, None) => out.file(p.draft),
        }
        waiting.extend(p.notes);
    }
    place_notes(&mut out, &mut waiting, labels, notes);
    let mut blocks = out.finish();
    if !by_styles {
        super::plain::demote_items_of_lists(&mut blocks);
    }
    super::contents::drop_typed_contents(&mut blocks);
    blocks
}

/// Files the notes referred to since the last heading, each under its label.
fn place_notes(
    out: &mut BlockWriter,
    waiting: &mut Vec<(bool, String)>,
    labels: &NoteLabels,
    notes: &std::collections::HashMap<(bool, String), Vec<Draft>>,
) {
    for key in waiting.drain(..) {
        let (Some(label), Some(paragraphs)) = (labels.labels.get(&key), notes.get(&key)) else {
            continue;
        };
        let line = paragraphs.first().map_or(0, |d| d.line);
        let mut item = Draft::new(
            BlockKind::ListItem {
                marker: format!("[{label}]").into(),
                depth: 0,
            },
            line,
        );
        for (i, para) in paragraphs.iter().enumerate() {
            if i > 0 {
                item.push_text(" ", SpanStyle::default());
            }
            item.append_draft(para);
        }
        out.file(item);
    }
}

#[cfg(test)]
mod tests;
