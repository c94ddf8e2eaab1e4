//! What a briefing is: an immutable list of blocks of styled text, each with its source line.

pub mod library;
pub mod load;
pub mod markdown;
pub mod markdown_parts;
pub mod on_every_core;
pub mod open;
pub mod plain;
pub mod repair;

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

/// The position of a block inside its document; indexes refer to text by this, never by copying it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct BlockId(pub usize);

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
}

/// A run of text with one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// The text, already free of terminal control characters.
    pub text: String,
    /// How the text is styled.
    pub style: SpanStyle,
}

impl Span {
    /// A span of unstyled text.
    pub fn plain(text: impl Into<String>) -> Self {
        Span {
            text: text.into(),
            style: SpanStyle::default(),
        }
    }
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
        marker: String,
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
}

/// One block of a document: a heading, a paragraph, a list item...
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// What kind of block this is.
    pub kind: BlockKind,
    /// Its text as styled spans.
    pub spans: Vec<Span>,
    /// The 1-based line in the source file where the block starts.
    pub line: usize,
}

impl Block {
    /// A block of one unstyled span.
    pub fn new(kind: BlockKind, text: impl Into<String>, line: usize) -> Self {
        Block {
            kind,
            spans: vec![Span::plain(text)],
            line,
        }
    }

    /// The block's text without styles.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    /// The length of the block's text in bytes.
    pub fn text_len(&self) -> usize {
        self.spans.iter().map(|s| s.text.len()).sum()
    }

    /// The block's text without styles, borrowed when it is a single span (as most are).
    pub fn joined_text(&self) -> Cow<'_, str> {
        match self.spans.as_slice() {
            [one] => Cow::Borrowed(&one.text),
            _ => Cow::Owned(self.text()),
        }
    }

    /// Appends text in a style, merging it into the last span when the style is the same.
    pub fn push_text(&mut self, text: &str, style: SpanStyle) {
        if text.is_empty() {
            return;
        }
        match self.spans.last_mut() {
            Some(last) if last.style == style => last.text.push_str(text),
            _ => self.spans.push(Span {
                text: text.to_string(),
                style,
            }),
        }
    }

    /// The heading level, when this block is a heading.
    pub fn heading_level(&self) -> Option<u8> {
        match self.kind {
            BlockKind::Heading(level) => Some(level),
            _ => None,
        }
    }
}

/// A Markdown document from text, for tests.
#[cfg(test)]
pub(crate) fn markdown(name: &str, text: &str) -> Document {
    Document::parse(
        name,
        None,
        "UTF-8",
        text,
        Format::Markdown,
        ParseOptions::default(),
    )
}

/// The two kinds of source a briefing comes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// CommonMark with the usual extensions (`.md`, `.markdown`).
    Markdown,
    /// Plain text, headings found by numbering and layout.
    Plain,
}

impl Format {
    /// The format a file name implies: Markdown for `.md`/`.markdown`, plain text otherwise.
    pub fn for_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            _ => Format::Plain,
        }
    }
}

/// How a document is built from its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseOptions {
    /// Rejoin paragraphs split by page or column breaks (off with `--raw`).
    pub repair: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions { repair: true }
    }
}

/// A loaded briefing. It never changes after it is built; a reload builds a new one.
#[derive(Clone, Debug)]
pub struct Document {
    /// The name shown to the user (file name, or the bundled briefing's name).
    pub name: String,
    /// Where it was read from; `None` for the bundled briefing.
    pub path: Option<PathBuf>,
    /// The encoding it was decoded from (`UTF-8`, `GBK`, ...).
    pub encoding: &'static str,
    /// The title from front matter, when the source has one.
    pub front_title: Option<String>,
    /// The date its front matter gives (`YYYY-MM-DD`), if it has one.
    pub front_date: Option<String>,
    /// The blocks in reading order, shared with the indexes that quote them (a document
    /// never changes once read; a new edition is a new document).
    pub blocks: Arc<Vec<Block>>,
}

impl Document {
    /// Builds a document from decoded text.
    pub fn parse(
        name: impl Into<String>,
        path: Option<PathBuf>,
        encoding: &'static str,
        text: &str,
        format: Format,
        options: ParseOptions,
    ) -> Document {
        let (mut blocks, front) = match format {
            Format::Markdown => markdown::parse(text),
            Format::Plain => (plain::parse(text), markdown::FrontMatter::default()),
        };
        // Text saved with a `.md` name but written as plain text has no Markdown headings;
        // when its own layout shows several sections, read it as plain text.
        if format == Format::Markdown && !blocks.iter().any(|b| b.heading_level().is_some()) {
            let plain = plain::parse(text);
            if plain.iter().filter(|b| b.heading_level().is_some()).count() >= 3 {
                blocks = plain;
            }
        }
        if options.repair {
            blocks = repair::repair(blocks);
        }
        // Text grew by appending; a library keeps it for as long as it is open.
        blocks.shrink_to_fit();
        for block in &mut blocks {
            block.spans.shrink_to_fit();
            for span in &mut block.spans {
                span.text.shrink_to_fit();
            }
        }
        Document {
            name: name.into(),
            path,
            encoding,
            front_title: front.title,
            front_date: front.date,
            blocks: Arc::new(blocks),
        }
    }

    /// The block with this id.
    pub fn block(&self, id: BlockId) -> Option<&Block> {
        self.blocks.get(id.0)
    }

    /// Every heading with its id and level, in document order.
    pub fn headings(&self) -> impl Iterator<Item = (BlockId, u8, &Block)> {
        self.blocks
            .iter()
            .enumerate()
            .filter_map(|(i, b)| b.heading_level().map(|level| (BlockId(i), level, b)))
    }

    /// The title a user knows it by: front matter title, else its first heading, else its name.
    pub fn title(&self) -> String {
        if let Some(t) = &self.front_title {
            return t.clone();
        }
        self.headings()
            .next()
            .map(|(_, _, b)| b.text())
            .unwrap_or_else(|| self.name.clone())
    }
}
