//! EPUB books: the package (`META-INF/container.xml`, then the OPF) gives the chapters in
//! spine order, each a top-level section titled by the book's own navigation (EPUB 3 `nav`,
//! else the EPUB 2 NCX); a chapter's XHTML is read as a web page's body, its headings one
//! level down. A chapter without heading tags has its numbered lines for headings. The
//! language a book declares is not used (it is often wrong): the text says which it is.

mod package;

use super::archive::Archive;
use super::unstyled::{self, Look, tidy_title};
use super::{Block, BlockKind, Draft, Read, binary::Refusal, html};

/// Whether a chapter title is only a placeholder a tool wrote (`Section 1`, `Chapter 3`).
fn is_placeholder(title: &str) -> bool {
    let words: Vec<&str> = title.split_whitespace().collect();
    matches!(words.as_slice(), [word, n]
        if ["section", "chapter", "part", "untitled"].contains(&word.to_lowercase().as_str())
            && n.chars().all(|c| c.is_ascii_digit()))
        || title.trim().is_empty()
}

/// Reads a book.
pub fn read(bytes: &[u8]) -> Result<Read, Refusal> {
    let mut archive = Archive::open(bytes)?;
    let book = package::read(&mut archive)?;
    let mut blocks: Vec<Block> = Vec::new();
    let mut missing = 0usize;
    for chapter in &book.spine {
        let Some(xhtml) = archive.text(chapter)? else {
            missing += 1;
            // A chapter the book lists but does not hold: said where it belongs.
            blocks.push(Block::new(
                BlockKind::Marker,
                format!("[missing from the book: {chapter}]"),
                blocks.last().map_or(1, |b| b.line),
            ));
            continue;
        };
        let mut inside = html::body_blocks(&xhtml);
        drop_blank(&mut inside);
        if inside.is_empty() {
            continue;
        }
        let named = book
            .titles
            .get(chapter)
            .map(|t| tidy_title(t))
            .filter(|t| !is_placeholder(t));
        let title = match named {
            Some(t) => t,
            // A placeholder's chapter is named by its first line when that is a title.
            None => {
                let first = inside[0].text().trim();
                if super::heading_lines::is_long_title(first) && first.chars().count() <= 60 {
                    let t = tidy_title(first);
                    inside.remove(0);
                    t
                } else {
                    book.titles
                        .get(chapter)
                        .cloned()
                        .unwrap_or_else(|| chapter.clone())
                }
            }
        };
        // The chapter's own first line repeats its title.
        if inside
            .first()
            .is_some_and(|b| tidy_title(b.text()) == title)
        {
            inside.remove(0);
        }
        let line = blocks.len() + 1;
        blocks.push(Block::new(BlockKind::Heading(1), title, line));
        let has_headings = inside.iter().any(|b| b.heading_level().is_some());
        let mut under = 1u8;
        for block in inside {
            let mut draft = Draft::of(&block);
            draft.line = blocks.len() + 1;
            match block.heading_level() {
                Some(level) => {
                    draft.kind = BlockKind::Heading((level + 1).min(6));
                    blocks.push(retitled(&draft));
                    continue;
                }
                None if !has_headings && block.kind == BlockKind::Paragraph => {
                    let look = Look {
                        bold: block
                            .spans()
                            .all(|s| s.style.bold || s.text.trim().is_empty()),
                        ..Look::default()
                    };
                    if let Some(level) = unstyled::level(block.text(), look, under) {
                        if unstyled::is_numbered(block.text()) {
                            under = level;
                        }
                        draft.kind = BlockKind::Heading(level.max(2));
                        blocks.push(retitled(&draft));
                        continue;
                    }
                }
                None => {}
            }
            draft.trim_indent();
            blocks.push(Block::from_draft(draft));
        }
    }
    // Numbered items of a list (`（一）…；`) are not headings, whichever chapter they are in.
    super::plain::demote_items_of_lists(&mut blocks);
    Ok(Read {
        damage: (missing > 0).then(|| match missing {
            1 => "1 chapter missing from the book".to_string(),
            n => format!("{n} chapters missing from the book"),
        }),
        blocks,
        title: book.title,
        date: book.date,
        ..Read::default()
    })
}

/// A heading with its title tidied.
fn retitled(draft: &Draft) -> Block {
    Block::new(draft.kind.clone(), tidy_title(draft.text()), draft.line)
}

/// Drops blocks with nothing to read (a paragraph of one space between paragraphs).
fn drop_blank(blocks: &mut Vec<Block>) {
    blocks.retain(|b| {
        b.kind == BlockKind::Rule
            || !b
                .text()
                .trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
                .is_empty()
    });
}

#[cfg(test)]
mod tests;
