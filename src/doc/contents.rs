//! A typed table of contents: lines that repeat the document's headings, as links to them
//! or with dot leaders and page numbers (`第一章 总则……1`, `Introduction ....... 3`). The
//! outline is the table of contents, so these are left out of the text; a single line
//! that names a heading (a cross-reference) stays.

use super::{Block, BlockKind};

/// A heading's text as a contents line or an outline entry writes it: letters and digits
/// only, in lower case.
pub(crate) fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The title a contents line names, without its leader and page number; `None` when it
/// has no leader (dots, `…`, `·`, or a tab run) before a number at its end.
fn without_leader(text: &str) -> Option<&str> {
    let t = text.trim_end();
    let body = t.trim_end_matches(|c: char| c.is_ascii_digit() || "ivxlcIVXLC".contains(c));
    if body.len() == t.len() {
        return None;
    }
    let leader = ['.', '…', '·', '．', '。', ' ', '\u{3000}', '-', '_', '⋯'];
    let title = body.trim_end_matches(leader);
    let leader = &body[title.len()..];
    // One dot will do where the line names a heading (`秩序罪.20`): the caller checks that.
    (leader.contains(['.', '…', '⋯', '·', '．'])
        || leader.chars().filter(|c| *c != ' ').count() >= 3)
        .then_some(title)
}

/// Whether a line is a table of contents' entry by its look: a title, a leader and a
/// page number (`第一章 总则……1`).
pub fn is_leader_line(text: &str) -> bool {
    without_leader(text).is_some_and(|t| !t.trim().is_empty())
}

/// A contents page's own heading (`目录`, `Contents`, `Оглавление`).
fn is_contents_title(text: &str) -> bool {
    matches!(
        key(text).as_str(),
        "目录" | "目錄" | "contents" | "tableofcontents" | "оглавление" | "содержание"
    )
}

/// Whether a block is all one link to a place in the document.
fn is_internal_link(block: &Block) -> bool {
    let links = block.links();
    links.len() == 1
        && links[0].target.starts_with('#')
        && block.text()[..links[0].start as usize].trim().is_empty()
        && block.text()[links[0].end as usize..].trim().is_empty()
}

/// Drops the lines of a typed table of contents: at least two blocks (not headings) that
/// each name a heading of the document, as a link to it or over a dot leader and a page
/// number.
pub fn drop_typed_contents(blocks: &mut Vec<Block>) {
    let headings: std::collections::HashSet<String> = blocks
        .iter()
        .filter(|b| b.heading_level().is_some())
        .map(|b| key(b.text()))
        .filter(|k| !k.is_empty())
        .collect();
    let is_contents_line = |b: &Block| {
        if b.heading_level().is_some() || matches!(b.kind, BlockKind::TableRow { .. }) {
            return false;
        }
        let named = if is_internal_link(b) {
            Some(b.text())
        } else {
            without_leader(b.text())
        };
        named.is_some_and(|t| headings.contains(&key(t)))
    };
    let lines = blocks
        .iter()
        .filter(|b| is_contents_line(b))
        .take(2)
        .count();
    if lines >= 2 {
        blocks.retain(|b| !is_contents_line(b));
        // The contents page's heading, with nothing left under it, goes too.
        let empty: Vec<usize> = (0..blocks.len())
            .filter(|&i| {
                blocks[i].heading_level().is_some()
                    && is_contents_title(blocks[i].text())
                    && blocks
                        .get(i + 1)
                        .is_none_or(|b| b.heading_level().is_some())
            })
            .collect();
        for i in empty.into_iter().rev() {
            blocks.remove(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Draft, SpanStyle};

    fn linked(text: &str, target: &str) -> Block {
        let mut d = Draft::new(BlockKind::Paragraph, 1);
        d.push_text(text, SpanStyle::default());
        d.add_link(0, target);
        Block::from_draft(d)
    }

    #[test]
    fn leader_lines_and_links_naming_headings_go() {
        let mut blocks = vec![
            Block::new(BlockKind::Heading(1), "目录", 1),
            Block::new(BlockKind::Paragraph, "第一章　总则……………………1", 1),
            Block::new(BlockKind::Paragraph, "Scope.3", 1),
            linked("Scope", "#scope"),
            Block::new(BlockKind::Heading(2), "第一章 总则", 3),
            Block::new(BlockKind::Paragraph, "See Scope.", 4),
            Block::new(BlockKind::Heading(2), "Scope", 5),
            linked("Scope", "https://example.org/scope"),
        ];
        drop_typed_contents(&mut blocks);
        let texts: Vec<&str> = blocks.iter().map(Block::text).collect();
        assert_eq!(
            texts,
            ["第一章 总则", "See Scope.", "Scope", "Scope"],
            "an outside link and a sentence naming a heading stay"
        );
    }

    #[test]
    fn one_cross_reference_is_not_a_table_of_contents() {
        let mut blocks = vec![
            linked("Scope", "#scope"),
            Block::new(BlockKind::Heading(2), "Scope", 2),
            Block::new(BlockKind::Paragraph, "Prices rose 12.5 ... 17", 3),
            Block::new(BlockKind::Heading(1), "目录", 4),
        ];
        drop_typed_contents(&mut blocks);
        assert_eq!(blocks.len(), 4);
    }
}
