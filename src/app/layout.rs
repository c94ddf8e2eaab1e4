//! The reader's lines: a document wrapped at the reader pane's width, each line knowing the
//! block it shows. Rebuilt when the width or the document changes.

use unicode_width::UnicodeWidthStr;

use super::wrap::wrap;
use crate::doc::{Block, BlockId, BlockKind, Document, SpanStyle};

/// How a screen line of the reader is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineRole {
    /// A line of body text (paragraph, list item, quote, code).
    Body,
    /// A line of a heading, with its level.
    Heading(u8),
    /// A page-layout marker, drawn dim.
    Marker,
    /// A horizontal rule.
    Rule,
    /// The blank line between blocks.
    Gap,
}

/// One screen line of the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The block this line shows.
    pub block: BlockId,
    /// How it is drawn.
    pub role: LineRole,
    /// Text before the content: list marker, quote bar, or indentation.
    pub prefix: String,
    /// The content as styled pieces, one after another in the block's text.
    pub pieces: Vec<(String, SpanStyle)>,
    /// The byte offset in the block's text where the first piece starts.
    pub start: usize,
}

/// A document laid out at one width.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The width it was laid out at.
    pub width: u16,
    /// Every screen line, in order.
    pub lines: Vec<Line>,
    /// The index of the first line of each block.
    pub block_starts: Vec<usize>,
}

impl Layout {
    /// Lays out a document at `width` cells.
    pub fn new(doc: &Document, width: u16) -> Layout {
        let mut layout = Layout {
            width,
            ..Layout::default()
        };
        for (i, block) in doc.blocks.iter().enumerate() {
            let id = BlockId(i);
            if i > 0 {
                layout.lines.push(Line {
                    block: id,
                    role: LineRole::Gap,
                    prefix: String::new(),
                    pieces: Vec::new(),
                    start: 0,
                });
            }
            layout.block_starts.push(layout.lines.len());
            layout.push_block(id, block);
        }
        layout
    }

    /// The first line of a block.
    pub fn block_start(&self, block: BlockId) -> usize {
        self.block_starts.get(block.0).copied().unwrap_or(0)
    }

    /// The block shown on a line (the next block, for a gap line).
    pub fn block_at(&self, line: usize) -> BlockId {
        match self.lines.get(line) {
            Some(l) => l.block,
            None => BlockId(self.block_starts.len().saturating_sub(1)),
        }
    }

    fn push_block(&mut self, id: BlockId, block: &Block) {
        let width = usize::from(self.width).max(4);
        let (role, first_prefix, rest_prefix) = match &block.kind {
            BlockKind::Heading(level) => (LineRole::Heading(*level), String::new(), String::new()),
            BlockKind::Paragraph => (LineRole::Body, String::new(), String::new()),
            BlockKind::ListItem { marker, depth } => {
                let indent = "  ".repeat(usize::from(*depth).min(8));
                let first = if marker.is_empty() {
                    format!("{indent}  ")
                } else {
                    format!("{indent}{marker} ")
                };
                let rest = " ".repeat(first.width());
                (LineRole::Body, first, rest)
            }
            BlockKind::Quote => (LineRole::Body, "│ ".to_string(), "│ ".to_string()),
            BlockKind::Code => (LineRole::Body, "  ".to_string(), "  ".to_string()),
            BlockKind::Marker => (LineRole::Marker, String::new(), String::new()),
            BlockKind::Rule => {
                self.lines.push(Line {
                    block: id,
                    role: LineRole::Rule,
                    prefix: String::new(),
                    pieces: vec![("─".repeat(width.min(60)), SpanStyle::default())],
                    start: 0,
                });
                return;
            }
        };
        let (text, styles) = flatten(block);
        let content_width = width.saturating_sub(first_prefix.width()).max(2);
        for (n, range) in wrap(&text, content_width).into_iter().enumerate() {
            let mut pieces: Vec<(String, SpanStyle)> = Vec::new();
            for (start, end, style) in &styles {
                let s = (*start).max(range.start);
                let e = (*end).min(range.end);
                if s < e {
                    pieces.push((text[s..e].to_string(), *style));
                }
            }
            self.lines.push(Line {
                block: id,
                role,
                prefix: if n == 0 {
                    first_prefix.clone()
                } else {
                    rest_prefix.clone()
                },
                pieces,
                start: range.start,
            });
        }
    }
}

/// A block's text as one string with the byte range of each style. Tabs become single spaces,
/// so byte offsets stay those of the block's text.
fn flatten(block: &Block) -> (String, Vec<(usize, usize, SpanStyle)>) {
    let mut text = String::new();
    let mut styles = Vec::new();
    for span in &block.spans {
        let start = text.len();
        text.push_str(&span.text.replace('\t', " "));
        styles.push((start, text.len(), span.style));
    }
    (text, styles)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Format, ParseOptions};

    fn layout(md: &str, width: u16) -> Layout {
        let doc = Document::parse(
            "t.md",
            None,
            "UTF-8",
            md,
            Format::Markdown,
            ParseOptions::default(),
        );
        Layout::new(&doc, width)
    }

    fn text(line: &Line) -> String {
        let body: String = line.pieces.iter().map(|(t, _)| t.as_str()).collect();
        format!("{}{}", line.prefix, body)
    }

    #[test]
    fn blocks_are_separated_by_gap_lines_and_indexed() {
        let l = layout("# Title\n\nSome text here.\n", 40);
        assert_eq!(l.lines.len(), 3);
        assert_eq!(l.lines[1].role, LineRole::Gap);
        assert_eq!(l.block_start(BlockId(1)), 2);
        assert_eq!(l.block_at(1), BlockId(1));
    }

    #[test]
    fn no_line_is_wider_than_the_pane() {
        let seed = crate::doc::open::BUNDLED_TEXT;
        for width in [20u16, 37, 58, 80, 119] {
            let l = layout(seed, width);
            for line in &l.lines {
                assert!(
                    text(line).width() <= usize::from(width),
                    "width {width}: {}",
                    text(line)
                );
            }
        }
    }

    #[test]
    fn list_items_hang_under_their_marker() {
        let l = layout("1.  first item that is long enough to wrap around\n", 20);
        assert!(text(&l.lines[0]).starts_with("1. first"));
        assert!(text(&l.lines[1]).starts_with("   "));
    }

    #[test]
    fn styles_survive_wrapping() {
        let l = layout(
            "**本报比什凯克11月19日电** (记者李强)吉尔吉斯斯坦总统扎帕罗夫19日在比什凯克会见王毅。\n",
            20,
        );
        assert!(l.lines[0].pieces[0].1.bold);
        assert!(!l.lines.last().unwrap().pieces.iter().any(|(_, s)| s.bold));
    }
}
