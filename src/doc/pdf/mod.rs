//! PDFs with a text layer, read with `pdf_oxide` (pure Rust; see `docs/formats.md` for what
//! it was chosen over): each page's runs of text with where they stand, their size and
//! weight, laid out here ([`lines`], [`paragraphs`]) in reading order. A PDF with no text
//! layer (scanned pages) opens as a document that says so; one whose text layer is not
//! text is refused, as is one locked with a password. The crate runs contained: a panic in
//! it on a damaged file is an error for that file.

pub mod lines;
pub mod paragraphs;

use pdf_oxide::PdfDocument;
use pdf_oxide::layout::FontWeight;
use pdf_oxide::object::Object;
use pdf_oxide::outline::{Destination, OutlineItem};

use self::lines::{Page, Run};
use self::paragraphs::Bookmark;
use super::binary::Refusal;
use super::{Block, BlockKind, Read};

/// What a scanned PDF says in place of its text.
pub const NO_TEXT_LAYER: &str = "Scanned pages, no text layer: run OCR first, e.g. `ocrmypdf IN.pdf OUT.pdf`, and open OUT.pdf.";

/// Reads a PDF; `first_pages`, when given, reads only that many pages of it (the rest is
/// said to be unread).
pub fn read(bytes: Vec<u8>, first_pages: Option<usize>) -> Result<Read, Refusal> {
    crate::crash::contained(|| read_uncontained(bytes, first_pages))
        .unwrap_or_else(|| Err(Refusal::Damaged("the PDF reader failed on it".into())))
}

fn read_uncontained(bytes: Vec<u8>, first_pages: Option<usize>) -> Result<Read, Refusal> {
    let doc =
        PdfDocument::from_bytes(bytes).map_err(|e| Refusal::Damaged(first_line(&e.to_string())))?;
    if doc.is_encrypted() && !doc.authenticate(b"").unwrap_or(false) {
        return Err(Refusal::Encrypted);
    }
    let count = doc
        .page_count()
        .map_err(|e| Refusal::Damaged(first_line(&e.to_string())))?;
    let reading = first_pages.map_or(count, |n| n.clamp(1, count.max(1)));
    let unread_pages = count.saturating_sub(reading);
    let mut pages = Vec::with_capacity(reading);
    let mut failed = 0usize;
    for n in 0..reading {
        let (width, height) = doc
            .get_page_media_box(n)
            .map(|(x0, y0, x1, y1)| ((x1 - x0).abs(), (y1 - y0).abs()))
            .unwrap_or((612.0, 792.0));
        let runs = match doc.extract_spans(n) {
            Ok(spans) => spans
                .into_iter()
                .map(|s| Run {
                    x: s.bbox.x,
                    y: s.bbox.y,
                    width: s.bbox.width,
                    size: s.font_size,
                    bold: s.font_weight as u16 >= FontWeight::SemiBold as u16,
                    text: s.text,
                })
                .collect(),
            Err(_) => {
                failed += 1;
                Vec::new()
            }
        };
        pages.push(Page {
            width,
            height,
            runs,
        });
    }
    if reading > 0 && failed == reading {
        return Err(Refusal::Damaged("no page could be read".into()));
    }
    let text_chars: usize = pages
        .iter()
        .flat_map(|p| &p.runs)
        .map(|r| r.text.chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    let title = info(&doc, "Title").filter(|t| !t.trim().is_empty());
    let date = info(&doc, "CreationDate").and_then(|d| pdf_date(&d));
    if text_chars == 0 {
        return Ok(Read {
            blocks: vec![Block::new(BlockKind::Paragraph, NO_TEXT_LAYER, 1)],
            title: title.or_else(|| Some("Scanned PDF".into())),
            date,
            ..Read::default()
        });
    }
    if is_garbled(&pages) {
        return Err(Refusal::Garbled);
    }
    let outline = match doc.get_outline() {
        Ok(Some(items)) => {
            let mut out = Vec::new();
            flatten(&items, 0, &mut out);
            out
        }
        _ => Vec::new(),
    };
    let (lines, heads) = lines::layout(&pages);
    let mut blocks = paragraphs::blocks(&lines, &outline);
    super::contents::drop_typed_contents(&mut blocks);
    // The title the PDF gives itself stands when the text has no headings, or has it as one
    // (a publisher's line above it is not the title).
    let key = |t: &str| {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let title = title.filter(|t| {
        let headings: Vec<&Block> = blocks
            .iter()
            .filter(|b| b.heading_level().is_some())
            .collect();
        // So does one its running head repeats.
        headings.is_empty()
            || headings.iter().any(|b| key(b.text()) == key(t))
            || heads.iter().any(|h| key(h) == key(t))
    });
    Ok(Read {
        damage: (failed > 0).then(|| format!("{failed} of {reading} pages unreadable")),
        blocks,
        title,
        date,
        unread_pages,
        ..Read::default()
    })
}

fn first_line(text: &str) -> String {
    text.lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(120)
        .collect()
}

/// Whether a text layer is mostly characters with no known meaning: private-use code
/// points, replacement characters and controls, which a font without a map to Unicode
/// gives.
fn is_garbled(pages: &[Page]) -> bool {
    let (mut bad, mut all) = (0usize, 0usize);
    for c in pages
        .iter()
        .flat_map(|p| &p.runs)
        .flat_map(|r| r.text.chars())
        .filter(|c| !c.is_whitespace())
    {
        all += 1;
        if ('\u{e000}'..='\u{f8ff}').contains(&c) || c == '\u{fffd}' || c.is_control() {
            bad += 1;
        }
    }
    all > 0 && bad * 10 >= all * 3
}

/// The outline's entries, depth first.
fn flatten(items: &[OutlineItem], depth: usize, out: &mut Vec<Bookmark>) {
    for item in items.iter().take(10_000) {
        out.push(Bookmark {
            depth,
            title: item.title.trim().to_string(),
            page: match &item.dest {
                Some(Destination::PageIndex(i)) => Some(*i),
                _ => None,
            },
        });
        if depth < 16 {
            flatten(&item.children, depth + 1, out);
        }
    }
}

/// A text entry of the document's information dictionary.
fn info(doc: &PdfDocument, key: &str) -> Option<String> {
    let info = doc.trailer().as_dict()?.get("Info")?.clone();
    let info = doc.resolve_object(&info).ok()?;
    let value = info.as_dict()?.get(key)?.clone();
    match doc.resolve_object(&value).ok()? {
        Object::String(bytes) => Some(pdf_oxide::optional_content::decode_pdf_text_string(&bytes)),
        _ => None,
    }
}

/// The day of a PDF date (`D:20210813173932+08'00'` is `2021-08-13`).
fn pdf_date(text: &str) -> Option<String> {
    let digits: String = text
        .trim_start_matches("D:")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (digits.len() >= 8).then(|| format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8]))
}

#[cfg(test)]
mod tests;
