//! What a briefing is: an immutable list of blocks of styled text, each with its source line.

pub mod archive;
pub mod binary;
mod block;
pub mod contents;
pub mod epub;
pub mod first_part;
pub mod front_matter;
pub mod grid_table;
pub mod heading_lines;
pub mod html;
pub mod library;
pub mod link_target;
pub mod load;
pub mod markdown;
pub mod markdown_parts;
pub mod on_every_core;
pub mod open;
pub mod pdf;
pub mod plain;
pub mod reference_matter;
pub mod repair;
pub mod sentences;
pub mod sniff;
pub mod table;
pub mod unstyled;
pub mod word;
pub mod xml;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

pub use block::{Block, BlockKind, BlockWriter, Draft, LinkSpan, Span, SpanStyle};

/// What reading a source in a format of its own (a web page, a Word document, a PDF, a
/// book) gives a document.
#[derive(Debug, Default)]
pub struct Read {
    /// Its blocks in reading order.
    pub blocks: Vec<Block>,
    /// Its title, when the source names one apart from its text.
    pub title: Option<String>,
    /// Its date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// A web page read whole: no article was found in it, or none was looked for.
    pub whole_page: bool,
    /// Pages of a long PDF not read yet (only its first pages were asked for).
    pub unread_pages: usize,
    /// What of the source could not be read, when the rest could (`1 chapter missing`).
    pub damage: Option<String>,
}

/// The position of a block inside its document; indexes refer to text by this, never by copying it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct BlockId(pub usize);

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

/// The kinds of source a briefing comes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// CommonMark with the usual extensions (`.md`, `.markdown`, or Markdown by content).
    Markdown,
    /// Plain text, headings found by numbering and layout.
    Plain,
    /// A web page (`.html`, `.htm`, `.xhtml`, or HTML by content).
    Html,
    /// A Word document (`.docx`).
    Word,
    /// A PDF with a text layer.
    Pdf,
    /// An EPUB book.
    Epub,
}

impl Format {
    /// The format a file name says: Markdown for `.md`/`.markdown`; none for other names
    /// (`.txt`, no extension), whose content decides.
    pub fn for_path(path: &Path) -> Option<Format> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("md" | "markdown" | "mdown" | "mkd") => Some(Format::Markdown),
            Some("html" | "htm" | "xhtml") => Some(Format::Html),
            Some("docx") => Some(Format::Word),
            Some("pdf") => Some(Format::Pdf),
            Some("epub") => Some(Format::Epub),
            _ => None,
        }
    }

    /// The format of a file: forced (`--format`), else what its name says, else what its
    /// content shows.
    pub fn of_file(forced: Option<Format>, path: &Path, text: &str) -> Format {
        forced
            .or_else(|| Format::for_path(path))
            .unwrap_or_else(|| {
                if html::looks_like_html(text) {
                    Format::Html
                } else if sniff::is_markdown(text) {
                    Format::Markdown
                } else if html::looks_like_html_fragment(text) {
                    Format::Html
                } else {
                    Format::Plain
                }
            })
    }

    /// Its name, as the status line and `--format` say it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Plain => "plain text",
            Format::Html => "web page",
            Format::Word => "Word",
            Format::Pdf => "PDF",
            Format::Epub => "EPUB",
        }
    }

    /// Whether the format is read from a file's bytes, not from its text.
    pub fn is_packaged(self) -> bool {
        matches!(self, Format::Word | Format::Pdf | Format::Epub)
    }
}

/// How a document is built from its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseOptions {
    /// Rejoin paragraphs split by page or column breaks (off with `--raw`).
    pub repair: bool,
    /// The format was named by the user (`--format`): read as it, never taken for another.
    pub as_told: bool,
    /// Read a web page's whole body, without looking for its article (`--whole-page`).
    pub whole_page: bool,
    /// Read only this many pages of a PDF, to show them at once; the rest is read after.
    pub first_pages: Option<usize>,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            repair: true,
            as_told: false,
            whole_page: false,
            first_pages: None,
        }
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
    /// The format it was read as.
    pub format: Format,
    /// A web page read whole: no article was found in it, or none was looked for.
    pub whole_page: bool,
    /// The title from front matter, when the source has one.
    pub front_title: Option<String>,
    /// The date its front matter gives (`YYYY-MM-DD`), if it has one.
    pub front_date: Option<String>,
    /// Pages of a long PDF not read yet: it shows its first pages while the rest is read.
    pub unread_pages: usize,
    /// Bytes of a long text not read yet: it shows its first part while the whole is read.
    pub unread_bytes: u64,
    /// What of the source could not be read, when the rest could (`2 pages unreadable`).
    pub damage: Option<String>,
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
        let mut read = match format {
            Format::Markdown => {
                let (blocks, front) = markdown::parse(text);
                Read {
                    blocks,
                    title: front.title,
                    date: front.date,
                    ..Read::default()
                }
            }
            Format::Html => html::parse(text, options.whole_page),
            // Formats read from bytes, not text ([`Document::from_read`]), are plain text
            // when their text is all there is.
            Format::Plain | Format::Word | Format::Pdf | Format::Epub => Read {
                blocks: plain::parse(text),
                ..Read::default()
            },
        };
        crate::trace::phase("parse");
        // Text saved with a `.md` name but written as plain text has no Markdown headings;
        // when its own layout shows several sections, read it as plain text.
        let mut format = format;
        if format == Format::Markdown
            && !options.as_told
            && !read.blocks.iter().any(|b| b.heading_level().is_some())
        {
            let plain = plain::parse(text);
            if plain.iter().filter(|b| b.heading_level().is_some()).count() >= 3 {
                read.blocks = plain;
                format = Format::Plain;
            }
        }
        let doc = Document::from_read(name, path, encoding, format, read, options);
        crate::trace::phase("repair and finish");
        doc
    }

    /// Builds a document from what reading its source gave. Text laid out in pages (plain
    /// text, Markdown, a PDF) has its paragraphs split by page breaks rejoined; a web page,
    /// a Word document and a book mark their paragraphs themselves.
    pub fn from_read(
        name: impl Into<String>,
        path: Option<PathBuf>,
        encoding: &'static str,
        format: Format,
        read: Read,
        options: ParseOptions,
    ) -> Document {
        let mut blocks = read.blocks;
        if options.repair && matches!(format, Format::Markdown | Format::Plain | Format::Pdf) {
            blocks = repair::repair(blocks);
        }
        // A library keeps the list for as long as it is open.
        blocks.shrink_to_fit();
        Document {
            name: name.into(),
            path,
            encoding,
            format,
            whole_page: read.whole_page,
            front_title: read.title,
            front_date: read.date,
            unread_pages: read.unread_pages,
            unread_bytes: 0,
            damage: read.damage,
            blocks: Arc::new(blocks),
        }
    }

    /// A document made of blocks as they are, read from no file (a redline, an edition
    /// kept, a test's edition).
    pub fn of_blocks(name: impl Into<String>, blocks: Vec<Block>) -> Document {
        Document {
            name: name.into(),
            path: None,
            encoding: "UTF-8",
            format: Format::Markdown,
            whole_page: false,
            front_title: None,
            front_date: None,
            unread_pages: 0,
            unread_bytes: 0,
            damage: None,
            blocks: Arc::new(blocks),
        }
    }

    /// Whether only the first pages or the first part were read, and the whole is to
    /// follow.
    pub fn is_partial(&self) -> bool {
        self.unread_pages > 0 || self.is_first_part()
    }

    /// Whether this is the first part of a long text, whose whole is being read: its blocks
    /// are the whole's first, but where a passage stands in the whole is not known yet.
    pub fn is_first_part(&self) -> bool {
        self.unread_bytes > 0
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

    /// The heading of the section each block is in, by block (`None` before the first).
    pub fn sections(&self) -> Vec<Option<BlockId>> {
        let mut heading = None;
        self.blocks
            .iter()
            .enumerate()
            .map(|(i, b)| {
                if b.heading_level().is_some() {
                    heading = Some(BlockId(i));
                }
                heading
            })
            .collect()
    }

    /// The heading of the section that holds `block`, if any.
    pub fn section_of(&self, block: BlockId) -> Option<BlockId> {
        self.blocks[..(block.0 + 1).min(self.blocks.len())]
            .iter()
            .rposition(|b| b.heading_level().is_some())
            .map(BlockId)
    }

    /// The title a user knows it by: the one its source gives (front matter's `title:`, a
    /// web page's, a Word document's or a book's own), else the top-level heading that
    /// opens it (or its only top-level heading), else its file name. Never a section's
    /// heading: an article whose first heading is `## History` is known by its file name.
    pub fn title(&self) -> String {
        let one_line = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        self.front_title
            .as_deref()
            .map(one_line)
            .filter(|t| !t.is_empty())
            .or_else(|| self.title_heading().map(|b| one_line(b.text())))
            .unwrap_or_else(|| self.name.clone())
    }

    /// The heading that is the document's title: a top-level heading before any text, or
    /// the one top-level heading it has.
    fn title_heading(&self) -> Option<&Block> {
        let has_text = |b: &&Block| !b.text().trim().is_empty();
        let first = self.blocks.iter().find(has_text)?;
        if first.heading_level() == Some(1) {
            return Some(first);
        }
        let mut top = self
            .blocks
            .iter()
            .filter(|b| b.heading_level() == Some(1))
            .filter(has_text);
        let only = top.next()?;
        top.next().is_none().then_some(only)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_comes_from_the_document_never_from_a_sections_heading() {
        let title = |name: &str, text: &str| markdown(name, text).title();
        // Front matter's title first, whatever the headings.
        let front = "---\ntitle: G7 Leaders' Communiqué\n---\n\n# Preamble\n\nText.\n";
        assert_eq!(title("g7.md", front), "G7 Leaders' Communiqué");
        // The top-level heading that opens it.
        assert_eq!(
            title("a.md", "# Joint Statement\n\n## Origins\n\nText.\n"),
            "Joint Statement"
        );
        // Its one top-level heading, after a dateline.
        assert_eq!(
            title(
                "b.md",
                "Beijing, 1 May.\n\n# 联合声明\n\n## 一、总则\n\nText.\n"
            ),
            "联合声明"
        );
        // Sections only: the file name.
        assert_eq!(
            title(
                "sco.md",
                "The organisation.\n\n## Origins\n\nText.\n\n## History\n"
            ),
            "sco.md"
        );
        assert_eq!(
            title("c.md", "Intro.\n\n# One\n\nx\n\n# Two\n\ny\n"),
            "c.md"
        );
    }
}
