//! What a briefing is: an immutable list of blocks of styled text, each with its source line.

mod block;
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
pub mod plain;
pub mod repair;
pub mod sentences;
pub mod sniff;
pub mod table;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

pub use block::{Block, BlockKind, BlockWriter, Draft, LinkSpan, Span, SpanStyle};

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
        }
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
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            repair: true,
            as_told: false,
            whole_page: false,
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
        let mut whole_page = false;
        let (mut blocks, front) = match format {
            Format::Markdown => markdown::parse(text),
            Format::Plain => (plain::parse(text), markdown::FrontMatter::default()),
            Format::Html => {
                let page = html::parse(text, options.whole_page);
                whole_page = page.whole_page;
                let front = markdown::FrontMatter {
                    title: page.title,
                    date: page.date,
                };
                (page.blocks, front)
            }
        };
        // Text saved with a `.md` name but written as plain text has no Markdown headings;
        // when its own layout shows several sections, read it as plain text.
        let mut format = format;
        if format == Format::Markdown
            && !options.as_told
            && !blocks.iter().any(|b| b.heading_level().is_some())
        {
            let plain = plain::parse(text);
            if plain.iter().filter(|b| b.heading_level().is_some()).count() >= 3 {
                blocks = plain;
                format = Format::Plain;
            }
        }
        // A web page marks its paragraphs: a byline over the first paragraph is not one
        // split by a page break.
        if options.repair && format != Format::Html {
            blocks = repair::repair(blocks);
        }
        // A library keeps the list for as long as it is open.
        blocks.shrink_to_fit();
        Document {
            name: name.into(),
            path,
            encoding,
            format,
            whole_page,
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
            .map(|(_, _, b)| b.text().to_string())
            .unwrap_or_else(|| self.name.clone())
    }
}
