//! The reader's lines: a document wrapped at the reader pane's width, each line knowing the
//! block it shows. Rebuilt when the width or the document changes.

use std::borrow::Cow;
use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use super::table::{Piece, TableShape};
use super::wrap::wrap;
use crate::doc::on_every_core::in_parts;
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
    /// A line of a table row: its cells side by side.
    Table,
    /// The rule under a table's header.
    TableRule,
}

/// One screen line of the reader: which part of which block it shows. The text itself stays
/// in the document, and a line costs 12 bytes however long the document is (a 100 MB
/// briefing has some 1.7 million): block and start in 32 bits, length in 16 (a longer line
/// is cut, see [`MAX_LINE_BYTES`]), role and whether it is the block's first in one byte.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    block: u32,
    start: u32,
    len: u16,
    /// [`LineRole`] as [`role_code`] gives it, and [`FIRST`] when the line is its block's
    /// first.
    role: u8,
}

const _: () = assert!(std::mem::size_of::<Line>() == 12);

/// The most bytes a line holds: only a run of zero-width characters reaches it.
pub const MAX_LINE_BYTES: usize = u16::MAX as usize;

/// The bit of [`Line::role`] that says the line is its block's first.
const FIRST: u8 = 0x80;

/// A role in seven bits.
fn role_code(role: LineRole) -> u8 {
    match role {
        LineRole::Body => 0,
        LineRole::Marker => 1,
        LineRole::Rule => 2,
        LineRole::Gap => 3,
        LineRole::Table => 4,
        LineRole::TableRule => 5,
        LineRole::Heading(level) => 6 + level.min(FIRST - 7),
    }
}

impl Line {
    /// The line showing bytes `range` of a block's text; `first` if it is the block's first.
    /// At most [`MAX_LINE_BYTES`] of the range are kept.
    pub fn new(block: BlockId, role: LineRole, first: bool, range: Range<usize>) -> Line {
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Line {
            block: small(block.0),
            start: small(range.start),
            len: range.len().min(MAX_LINE_BYTES) as u16,
            role: role_code(role) | if first { FIRST } else { 0 },
        }
    }

    /// The block this line shows.
    pub fn block(&self) -> BlockId {
        BlockId(self.block as usize)
    }

    /// How it is drawn.
    pub fn role(&self) -> LineRole {
        match self.role & !FIRST {
            0 => LineRole::Body,
            1 => LineRole::Marker,
            2 => LineRole::Rule,
            3 => LineRole::Gap,
            4 => LineRole::Table,
            5 => LineRole::TableRule,
            code => LineRole::Heading(code - 6),
        }
    }

    /// Whether it is its block's first line.
    fn first(&self) -> bool {
        self.role & FIRST != 0
    }

    /// The byte offset in the block's text where the line starts.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// The byte offset in the block's text where the line ends.
    pub fn end(&self) -> usize {
        self.start as usize + usize::from(self.len)
    }

    /// Text before the content: list marker, quote bar, or indentation.
    pub fn prefix(&self, block: &Block) -> String {
        match self.role() {
            LineRole::Gap | LineRole::Rule | LineRole::Table | LineRole::TableRule => String::new(),
            _ => prefix(block, self.first()),
        }
    }

    /// The content as styled pieces, one after another in the block's text (tabs shown as
    /// single spaces).
    pub fn pieces<'a>(&self, block: &'a Block, width: u16) -> Vec<(Cow<'a, str>, SpanStyle)> {
        if self.role() == LineRole::Rule {
            let rule = "─".repeat(usize::from(width).clamp(4, 60));
            return vec![(Cow::Owned(rule), SpanStyle::default())];
        }
        let mut pieces = Vec::new();
        let mut at = 0;
        for span in block.spans() {
            let (start, end) = (at, at + span.text.len());
            at = end;
            let (s, e) = (start.max(self.start()), end.min(self.end()));
            if s < e {
                let text = &span.text[s - start..e - start];
                let text = if text.contains('\t') {
                    Cow::Owned(text.replace('\t', " "))
                } else {
                    Cow::Borrowed(text)
                };
                pieces.push((text, span.style));
            }
        }
        pieces
    }
}

/// The text before a block's lines: a list item's marker on its first line and the
/// indentation under it, a quote's bar, a code block's indentation.
fn prefix(block: &Block, first: bool) -> String {
    match &block.kind {
        BlockKind::ListItem { marker, depth } => {
            let indent = "  ".repeat(usize::from(*depth).min(8));
            let marked = if marker.is_empty() {
                format!("{indent}  ")
            } else {
                format!("{indent}{marker} ")
            };
            if first {
                marked
            } else {
                " ".repeat(marked.width())
            }
        }
        BlockKind::Quote => "│ ".to_string(),
        BlockKind::Code => "  ".to_string(),
        _ => String::new(),
    }
}

/// A document is laid out on several cores when each gets at least this many blocks.
const BLOCKS_PER_THREAD: usize = 4096;

/// A document laid out at one width.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The width it was laid out at.
    pub width: u16,
    /// Every screen line, in order.
    pub lines: Vec<Line>,
    /// The index of the first line of each block.
    pub block_starts: Vec<usize>,
    /// The document's tables, in order, with their column widths at this width.
    pub tables: Vec<TableShape>,
}

impl Layout {
    /// Lays out a document at `width` cells; a long document on every core.
    pub fn new(doc: &Document, width: u16) -> Layout {
        let tables = Layout::tables_of(&doc.blocks, width);
        let parts = in_parts(&doc.blocks, BLOCKS_PER_THREAD, |first, part| {
            Layout::of_blocks(part, first, width, &tables)
        });
        let mut layout = Layout {
            width,
            lines: Vec::with_capacity(parts.iter().map(|p| p.lines.len()).sum()),
            block_starts: Vec::with_capacity(doc.blocks.len()),
            tables,
        };
        for part in parts {
            let offset = layout.lines.len();
            layout
                .block_starts
                .extend(part.block_starts.iter().map(|s| s + offset));
            layout.lines.extend(part.lines);
        }
        layout
    }

    /// The shapes of a document's tables at `width` cells.
    fn tables_of(blocks: &[Block], width: u16) -> Vec<TableShape> {
        crate::doc::table::tables(blocks)
            .into_iter()
            .map(|rows| TableShape::new(blocks, rows, usize::from(width).max(4)))
            .collect()
    }

    /// The table a block is a row of.
    pub fn table_of(&self, block: BlockId) -> Option<&TableShape> {
        table_in(&self.tables, block.0)
    }

    /// The lines of `blocks`, the first of which is block number `first` of its document.
    fn of_blocks(blocks: &[Block], first: usize, width: u16, tables: &[TableShape]) -> Layout {
        let mut layout = Layout {
            width,
            ..Layout::default()
        };
        for (n, block) in blocks.iter().enumerate() {
            let i = first + n;
            let id = BlockId(i);
            let table = table_in(tables, i);
            // The rows of a table follow one another without a blank line.
            if i > 0 && table.is_none_or(|t| t.rows.start == i) {
                layout.lines.push(Line::new(id, LineRole::Gap, false, 0..0));
            }
            layout.block_starts.push(layout.lines.len());
            match table {
                Some(table) => layout.push_row(id, block, table),
                None => layout.push_block(id, block),
            }
        }
        layout
    }

    /// A table row's lines (the line's start is which of the row's lines it is), and the
    /// rule under the table's header.
    fn push_row(&mut self, id: BlockId, block: &Block, table: &TableShape) {
        for k in 0..table.height(block) {
            self.lines
                .push(Line::new(id, LineRole::Table, k == 0, k..k));
        }
        if table.header_rows > 0 && id.0 + 1 == table.rows.start + table.header_rows {
            self.lines
                .push(Line::new(id, LineRole::TableRule, false, 0..0));
        }
    }

    /// What a line shows, as styled pieces with where each lies in its block's text.
    pub fn pieces<'a>(&self, line: &Line, block: &'a Block) -> Vec<Piece<'a>> {
        match (line.role(), self.table_of(line.block())) {
            (LineRole::Table, Some(table)) => table.line(block, line.start()),
            (LineRole::TableRule, Some(table)) => vec![Piece {
                text: Cow::Owned(table.rule()),
                style: SpanStyle::default(),
                at: None,
            }],
            _ => {
                let mut at = line.start();
                line.pieces(block, self.width)
                    .into_iter()
                    .map(|(text, style)| {
                        let piece = Piece {
                            at: Some(at),
                            text,
                            style,
                        };
                        at += piece.text.len();
                        piece
                    })
                    .collect()
            }
        }
    }

    /// The first line of a block.
    pub fn block_start(&self, block: BlockId) -> usize {
        self.block_starts.get(block.0).copied().unwrap_or(0)
    }

    /// The block shown on a line (the next block, for a gap line).
    pub fn block_at(&self, line: usize) -> BlockId {
        match self.lines.get(line) {
            Some(l) => l.block(),
            None => BlockId(self.block_starts.len().saturating_sub(1)),
        }
    }

    fn push_block(&mut self, id: BlockId, block: &Block) {
        let width = usize::from(self.width).max(4);
        let role = match &block.kind {
            BlockKind::Heading(level) => LineRole::Heading(*level),
            BlockKind::Marker => LineRole::Marker,
            BlockKind::Rule => LineRole::Rule,
            _ => LineRole::Body,
        };
        if role == LineRole::Rule {
            self.lines.push(Line::new(id, role, true, 0..0));
            return;
        }
        let content_width = width.saturating_sub(prefix(block, true).width()).max(2);
        let text = flatten(block);
        let mut first = true;
        for mut range in wrap(&text, content_width) {
            // Only zero-width characters make a line this long: it goes on over more lines.
            while range.len() > MAX_LINE_BYTES {
                let mut cut = range.start + MAX_LINE_BYTES;
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                self.lines
                    .push(Line::new(id, role, first, range.start..cut));
                first = false;
                range.start = cut;
            }
            self.lines.push(Line::new(id, role, first, range));
            first = false;
        }
    }
}

/// The table whose rows include block `i`.
fn table_in(tables: &[TableShape], i: usize) -> Option<&TableShape> {
    let after = tables.partition_point(|t| t.rows.start <= i);
    after
        .checked_sub(1)
        .map(|t| &tables[t])
        .filter(|t| t.rows.contains(&i))
}

/// A block's text as one string, tabs as single spaces (so byte offsets stay those of the
/// block's text); borrowed when the block is one span without tabs, as most are.
fn flatten(block: &Block) -> Cow<'_, str> {
    match block.text() {
        text if text.contains('\t') => Cow::Owned(text.replace('\t', " ")),
        text => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Format, ParseOptions};

    fn layout(md: &str, width: u16) -> (Document, Layout) {
        let doc = Document::parse(
            "t.md",
            None,
            "UTF-8",
            md,
            Format::Markdown,
            ParseOptions::default(),
        );
        let layout = Layout::new(&doc, width);
        (doc, layout)
    }

    fn text((doc, layout): &(Document, Layout), line: &Line) -> String {
        let block = &doc.blocks[line.block().0];
        let body: String = line
            .pieces(block, layout.width)
            .iter()
            .map(|(t, _)| &**t)
            .collect();
        format!("{}{}", line.prefix(block), body)
    }

    #[test]
    fn a_line_keeps_its_role_and_whether_it_comes_first() {
        let roles = [
            LineRole::Body,
            LineRole::Marker,
            LineRole::Rule,
            LineRole::Gap,
            LineRole::Heading(1),
            LineRole::Heading(6),
        ];
        for role in roles {
            for first in [false, true] {
                let line = Line::new(BlockId(7), role, first, 3..90);
                assert_eq!((line.role(), line.first()), (role, first));
                assert_eq!(
                    (line.block(), line.start(), line.end()),
                    (BlockId(7), 3, 90)
                );
            }
        }
    }

    #[test]
    fn a_run_of_zero_width_characters_goes_on_over_more_lines() {
        let long = format!("e{}", "\u{301}".repeat(70_000));
        let (doc, l) = layout(&format!("# T\n\n{long} end\n"), 40);
        let block = BlockId(1);
        let lines: Vec<&Line> = l.lines.iter().filter(|x| x.block() == block).collect();
        let text = doc.blocks[1].text();
        // Every byte, in order, on lines no longer than a line can be.
        assert_eq!(lines[0].start(), 0);
        assert_eq!(lines.last().unwrap().end(), text.len());
        for pair in lines.windows(2) {
            assert_eq!(pair[0].end(), pair[1].start());
        }
        assert!(lines.iter().all(|x| x.end() - x.start() <= MAX_LINE_BYTES));
        assert!(lines.len() >= 3);
        assert_eq!(lines.iter().filter(|x| x.first()).count(), 1);
    }

    #[test]
    fn blocks_are_separated_by_gap_lines_and_indexed() {
        let (_, l) = layout("# Title\n\nSome text here.\n", 40);
        assert_eq!(l.lines.len(), 3);
        assert_eq!(l.lines[1].role(), LineRole::Gap);
        assert_eq!(l.block_start(BlockId(1)), 2);
        assert_eq!(l.block_at(1), BlockId(1));
    }

    #[test]
    fn a_long_document_is_laid_out_as_one_core_would() {
        let text = "# Heading\n\n- a list item long enough to wrap\n\nSome text.\n\n".repeat(3000);
        let (doc, layout) = layout(&text, 24);
        assert!(doc.blocks.len() > 2 * BLOCKS_PER_THREAD);
        assert_eq!(layout, Layout::of_blocks(&doc.blocks, 0, 24, &[]));
    }

    #[test]
    fn no_line_is_wider_than_the_pane() {
        let seed = crate::doc::open::BUNDLED_TEXT;
        for width in [20u16, 37, 58, 80, 119] {
            let l = layout(seed, width);
            for line in &l.1.lines {
                assert!(
                    text(&l, line).width() <= usize::from(width),
                    "width {width}: {}",
                    text(&l, line)
                );
            }
        }
    }

    #[test]
    fn list_items_hang_under_their_marker() {
        let l = layout("1.  first item that is long enough to wrap around\n", 20);
        assert!(text(&l, &l.1.lines[0]).starts_with("1. first"));
        assert!(text(&l, &l.1.lines[1]).starts_with("   "));
    }

    #[test]
    fn styles_survive_wrapping() {
        let (doc, l) = layout(
            "**本报比什凯克11月19日电** (记者李强)吉尔吉斯斯坦总统扎帕罗夫19日在比什凯克会见王毅。\n",
            20,
        );
        let pieces = |line: &Line| line.pieces(&doc.blocks[line.block().0], l.width);
        assert!(pieces(&l.lines[0])[0].1.bold);
        assert!(!pieces(l.lines.last().unwrap()).iter().any(|(_, s)| s.bold));
    }
}
