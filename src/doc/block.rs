//! A document's blocks, and how they are written. The texts of blocks written one after
//! another share a buffer of about a megabyte, so a 100 MB briefing is a hundred strings, not
//! half a million: a block is its kind, where its text lies in the buffer, and the runs of
//! style over that text.

use std::sync::Arc;

/// Inline styles a span of text can carry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SpanStyle {
    /// Strong emphasis (`**bold**`), also bold datelines.
    pub bold: bool,
    /// Emphasis (`*italic*`).
    pub italic: bool,
    /// Inline code.
    pub code: bool,
    /// The text of a link.
    pub link: bool,
    /// Struck-through text.
    pub strike: bool,
    /// Words an edition took out (a redline's deletion).
    pub deleted: bool,
    /// Words an edition put in (a redline's insertion).
    pub inserted: bool,
}

/// A run of a block's text in one style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span<'a> {
    /// The text, already free of terminal control characters.
    pub text: &'a str,
    /// How the text is styled.
    pub style: SpanStyle,
}

/// What kind of block a piece of the document is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading with the document's own level (1 = `#`).
    Heading(u8),
    /// Body text.
    Paragraph,
    /// An item of a list, with its marker (`•`, `1.`) and nesting depth (0 = top).
    ListItem {
        /// The marker shown before the first line.
        marker: Box<str>,
        /// How deeply the list is nested.
        depth: u8,
    },
    /// Quoted text.
    Quote,
    /// Preformatted text, shown without wrapping its lines together.
    Code,
    /// A horizontal rule.
    Rule,
    /// A page-layout marker such as `(下转第七版)`: shown dim, not body text.
    Marker,
    /// A row of a table, its cells between `│`; the header row is shown bold. Never
    /// rejoined with the next row by page-layout repair.
    TableRow {
        /// Whether it is the table's header row.
        header: bool,
    },
}

/// A link in a block's text: where its text lies (bytes from the block's start) and where
/// it points (a URL, a path, `#anchor`, or `^label` for a footnote reference).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkSpan {
    /// Where the link's text starts.
    pub start: u32,
    /// Where it ends.
    pub end: u32,
    /// What it points to.
    pub target: Box<str>,
}

impl LinkSpan {
    /// The footnote label a footnote reference points to.
    pub fn footnote(&self) -> Option<&str> {
        self.target.strip_prefix('^')
    }
}

/// Where a style ends in a block's text (bytes from the block's start), and the style of
/// the text up to there from the end of the run before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    end: u32,
    style: SpanStyle,
}

/// One block of a document: a heading, a paragraph, a list item...
#[derive(Clone)]
pub struct Block {
    /// What kind of block this is.
    pub kind: BlockKind,
    /// The buffer holding its text (shared with the blocks written next to it).
    buffer: Arc<String>,
    start: u32,
    len: u32,
    /// The runs of style over its text; none when it is plain throughout.
    runs: Box<[Run]>,
    /// The links in its text, in order.
    links: Box<[LinkSpan]>,
    /// The 1-based line in the source file where the block starts.
    pub line: usize,
}

impl Block {
    /// A block of plain text.
    pub fn new(kind: BlockKind, text: impl Into<String>, line: usize) -> Block {
        let mut draft = Draft::new(kind, line);
        draft.push_text(&text.into(), SpanStyle::default());
        Block::from_draft(draft)
    }

    /// A block with a buffer of its own.
    pub fn from_draft(draft: Draft) -> Block {
        let mut writer = BlockWriter::default();
        writer.file(draft);
        writer.finish().pop().expect("one block was filed")
    }

    /// The block's text without styles.
    pub fn text(&self) -> &str {
        &self.buffer[self.start as usize..(self.start + self.len) as usize]
    }

    /// The length of the block's text in bytes.
    pub fn text_len(&self) -> usize {
        self.len as usize
    }

    /// The block's text as runs of one style, in order; none when the text is empty.
    pub fn spans(&self) -> impl Iterator<Item = Span<'_>> + '_ {
        spans(self.text(), &self.runs)
    }

    /// The links in its text, in order.
    pub fn links(&self) -> &[LinkSpan] {
        &self.links
    }

    /// The heading level, when this block is a heading.
    pub fn heading_level(&self) -> Option<u8> {
        match self.kind {
            BlockKind::Heading(level) => Some(level),
            _ => None,
        }
    }
}

impl PartialEq for Block {
    fn eq(&self, other: &Block) -> bool {
        self.kind == other.kind
            && self.line == other.line
            && self.text() == other.text()
            && self.spans().eq(other.spans())
            && self.links == other.links
    }
}

impl Eq for Block {}

impl std::fmt::Debug for Block {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Block")
            .field("kind", &self.kind)
            .field("spans", &self.spans().collect::<Vec<_>>())
            .field("line", &self.line)
            .finish()
    }
}

/// The runs of `text` in one style each. No runs: the text is plain throughout.
fn spans<'a>(text: &'a str, runs: &'a [Run]) -> impl Iterator<Item = Span<'a>> + 'a {
    let plain = (runs.is_empty() && !text.is_empty()).then_some(Span {
        text,
        style: SpanStyle::default(),
    });
    plain
        .into_iter()
        .chain(runs.iter().scan(0, move |start, run| {
            let span = Span {
                text: &text[*start as usize..run.end as usize],
                style: run.style,
            };
            *start = run.end;
            Some(span)
        }))
}

/// A block being written, with a text of its own, until a [`BlockWriter`] files it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// What kind of block this is.
    pub kind: BlockKind,
    /// Its text so far.
    text: String,
    runs: Vec<Run>,
    links: Vec<LinkSpan>,
    /// The 1-based line in the source file where the block starts.
    pub line: usize,
}

impl Draft {
    /// An empty block.
    pub fn new(kind: BlockKind, line: usize) -> Draft {
        Draft {
            kind,
            text: String::new(),
            // Most blocks are one run: room for exactly one.
            runs: Vec::with_capacity(1),
            links: Vec::new(),
            line,
        }
    }

    /// A block written again, to be added to.
    pub fn of(block: &Block) -> Draft {
        let mut draft = Draft::new(block.kind.clone(), block.line);
        draft.append(block);
        draft
    }

    /// Appends a block's text, with its styles and links.
    pub fn append(&mut self, block: &Block) {
        self.append_runs(block.spans(), &block.links);
    }

    /// Appends another draft's text, with its styles and links.
    pub fn append_draft(&mut self, other: &Draft) {
        self.append_runs(other.spans(), &other.links);
    }

    fn append_runs<'a>(&mut self, spans: impl Iterator<Item = Span<'a>>, links: &[LinkSpan]) {
        let shift = self.text.len() as u32;
        for span in spans {
            self.push_text(span.text, span.style);
        }
        self.links.extend(links.iter().map(|l| LinkSpan {
            start: l.start + shift,
            end: l.end + shift,
            target: l.target.clone(),
        }));
    }

    /// Marks the text from byte `start` to the end as a link to `target`, spaces before it
    /// left out (nothing when that text is empty).
    pub fn add_link(&mut self, start: usize, target: &str) {
        let end = self.text.len();
        let start = start.min(end);
        let start = end - self.text[start..].trim_start().len();
        if start < end {
            self.links.push(LinkSpan {
                start: start as u32,
                end: end as u32,
                target: target.into(),
            });
        }
    }

    /// Its text so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Its text as runs of one style.
    pub fn spans(&self) -> impl Iterator<Item = Span<'_>> + '_ {
        spans(&self.text, &self.runs)
    }

    /// Appends text in a style, merging it into the last run when the style is the same.
    pub fn push_text(&mut self, text: &str, style: SpanStyle) {
        if text.is_empty() {
            return;
        }
        self.text.push_str(text);
        let end = self.text.len() as u32;
        match self.runs.last_mut() {
            Some(last) if last.style == style => last.end = end,
            _ => self.runs.push(Run { end, style }),
        }
    }

    /// Drops the spaces the first run starts with.
    pub fn trim_first_run_start(&mut self) {
        let first_end = self.runs.first().map_or(0, |r| r.end as usize);
        let spaces =
            self.text[..first_end].len() - self.text[..first_end].trim_start_matches(' ').len();
        self.text.drain(..spaces);
        for run in &mut self.runs {
            run.end -= spaces as u32;
        }
        self.runs.retain(|r| r.end > 0);
        let cut = spaces as u32;
        for link in &mut self.links {
            link.start = link.start.saturating_sub(cut);
            link.end = link.end.saturating_sub(cut);
        }
        self.links.retain(|l| l.end > l.start);
    }

    /// Drops the indent the text starts with (spaces, ideographic spaces, tabs), whatever
    /// runs it spans.
    pub fn trim_indent(&mut self) {
        let cut = self.text.len()
            - self
                .text
                .trim_start_matches([' ', '\u{3000}', '\u{a0}', '\t'])
                .len();
        if cut == 0 {
            return;
        }
        self.text.drain(..cut);
        let cut = cut as u32;
        for run in &mut self.runs {
            run.end = run.end.saturating_sub(cut);
        }
        self.runs.retain(|r| r.end > 0);
        for link in &mut self.links {
            link.start = link.start.saturating_sub(cut);
            link.end = link.end.saturating_sub(cut);
        }
        self.links.retain(|l| l.end > l.start);
    }

    /// Drops the line breaks the text ends with.
    pub fn trim_end_newlines(&mut self) {
        self.trim_end_matching(&['\n']);
    }

    /// Drops the spaces and line breaks the text ends with.
    pub fn trim_end(&mut self) {
        self.trim_end_matching(&[' ', '\n']);
    }

    fn trim_end_matching(&mut self, chars: &[char]) {
        let len = self.text.trim_end_matches(chars).len();
        self.text.truncate(len);
        for run in &mut self.runs {
            run.end = run.end.min(len as u32);
        }
        let mut start = 0;
        self.runs.retain(|r| {
            let keep = r.end > start;
            start = r.end;
            keep
        });
        for link in &mut self.links {
            link.end = link.end.min(len as u32);
        }
        self.links.retain(|l| l.end > l.start);
    }
}

/// Files drafts as blocks, writing their texts one after another into shared buffers.
#[derive(Default)]
pub struct BlockWriter {
    /// How long a buffer is made at first: the length of the text being parsed, up to
    /// [`BUFFER_BYTES`] (a short document does not get a megabyte to give back).
    first_size: usize,
    text: String,
    waiting: Vec<(Draft, u32)>,
    blocks: Vec<Block>,
}

/// A buffer is closed when it holds at least this many bytes.
const BUFFER_BYTES: usize = 1 << 20;

impl BlockWriter {
    /// A writer for the blocks of a text of `len` bytes.
    pub fn for_text(len: usize) -> BlockWriter {
        BlockWriter {
            first_size: len.min(BUFFER_BYTES),
            ..BlockWriter::default()
        }
    }

    /// Files a draft: the next block.
    pub fn file(&mut self, mut draft: Draft) {
        if !self.text.is_empty() && self.text.len() + draft.text.len() > BUFFER_BYTES {
            self.close_buffer();
        }
        if self.text.capacity() == 0 {
            let size = match self.blocks.is_empty() && self.first_size > 0 {
                true => self.first_size,
                false => BUFFER_BYTES,
            };
            self.text.reserve_exact(size.max(draft.text.len()));
        }
        let start = self.text.len() as u32;
        self.text.push_str(&draft.text);
        draft.text = String::new();
        self.waiting.push((draft, start));
    }

    /// The blocks filed, in order.
    pub fn finish(mut self) -> Vec<Block> {
        self.close_buffer();
        self.blocks
    }

    /// Hands the buffer written so far to its blocks.
    fn close_buffer(&mut self) {
        let mut text = std::mem::take(&mut self.text);
        text.shrink_to_fit();
        let buffer = Arc::new(text);
        self.blocks.reserve(self.waiting.len());
        for (draft, start) in self.waiting.drain(..) {
            let len = draft.runs.last().map_or(0, |r| r.end);
            let plain = draft.runs.iter().all(|r| r.style == SpanStyle::default());
            self.blocks.push(Block {
                kind: draft.kind,
                buffer: Arc::clone(&buffer),
                start,
                len,
                runs: if plain {
                    Box::new([])
                } else {
                    draft.runs.into_boxed_slice()
                },
                links: draft.links.into_boxed_slice(),
                line: draft.line,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styled(bold: bool) -> SpanStyle {
        SpanStyle {
            bold,
            ..SpanStyle::default()
        }
    }

    #[test]
    fn blocks_written_together_keep_their_own_text_and_styles() {
        let mut writer = BlockWriter::default();
        let mut a = Draft::new(BlockKind::Paragraph, 1);
        a.push_text("上合组织", styled(false));
        a.push_text("峰会", styled(true));
        a.push_text("在", styled(true));
        let mut b = Draft::new(BlockKind::Heading(2), 3);
        b.push_text("Summit", styled(false));
        writer.file(a);
        writer.file(Draft::new(BlockKind::Rule, 2));
        writer.file(b);
        let blocks = writer.finish();
        assert_eq!(blocks[0].text(), "上合组织峰会在");
        let spans: Vec<(&str, bool)> = blocks[0].spans().map(|s| (s.text, s.style.bold)).collect();
        assert_eq!(spans, [("上合组织", false), ("峰会在", true)]);
        assert_eq!(blocks[1].text(), "");
        assert_eq!(blocks[1].spans().count(), 0);
        assert_eq!(blocks[2].text(), "Summit");
        assert_eq!(blocks[2].spans().count(), 1);
        assert_eq!(blocks[2].line, 3);
        // One buffer for all three.
        assert!(Arc::ptr_eq(&blocks[0].buffer, &blocks[2].buffer));
    }

    #[test]
    fn a_full_buffer_is_closed_and_the_next_block_starts_another() {
        let mut writer = BlockWriter::default();
        let long = "x".repeat(BUFFER_BYTES - 10);
        writer.file(Draft::of(&Block::new(
            BlockKind::Paragraph,
            long.as_str(),
            1,
        )));
        writer.file(Draft::of(&Block::new(
            BlockKind::Paragraph,
            "twenty bytes of text",
            2,
        )));
        let blocks = writer.finish();
        assert_eq!(blocks[0].text(), long);
        assert_eq!(blocks[1].text(), "twenty bytes of text");
        assert!(!Arc::ptr_eq(&blocks[0].buffer, &blocks[1].buffer));
        assert_eq!(blocks[0].buffer.capacity(), blocks[0].buffer.len());
    }

    #[test]
    fn trimming_keeps_the_runs_on_their_text() {
        let mut d = Draft::new(BlockKind::Code, 1);
        d.push_text("  lead", styled(false));
        d.push_text("bold\n", styled(true));
        d.push_text("\n", styled(false));
        d.trim_first_run_start();
        d.trim_end_newlines();
        let spans: Vec<(&str, bool)> = d.spans().map(|s| (s.text, s.style.bold)).collect();
        assert_eq!(spans, [("lead", false), ("bold", true)]);
        let block = Block::from_draft(d.clone());
        assert_eq!(Draft::of(&block), d);
    }
}
