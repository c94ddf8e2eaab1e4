//! Markdown to blocks: pulldown-cmark events become headings, paragraphs, list items and quotes
//! with inline styles, each remembering its source line.

use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};

mod bold_headings;

pub use super::front_matter::FrontMatter;
use super::html::InlineStyle;
use super::markdown_parts::{self, PART_BYTES};
use super::on_every_core::in_parts;
use super::{Block, BlockKind, BlockWriter, Draft, SpanStyle};
pub(super) use bold_headings::promote_bold_lines;

/// Parses Markdown into blocks, and returns what its front matter says. A long text is cut
/// into parts (see [`markdown_parts`]) parsed on every core.
pub fn parse(text: &str) -> (Vec<Block>, FrontMatter) {
    parse_in_parts(text, PART_BYTES)
}

/// [`parse`], with parts of at least `min_bytes`.
fn parse_in_parts(text: &str, min_bytes: usize) -> (Vec<Block>, FrontMatter) {
    let parts = markdown_parts::parts(text, min_bytes);
    let ends: Vec<usize> = parts.iter().skip(1).map(|p| p.start).collect();
    let parsed = in_parts(&parts, 1, |first, mine| {
        mine.iter()
            .enumerate()
            .map(|(n, part)| {
                let end = ends.get(first + n).copied().unwrap_or(text.len());
                parse_part(&text[part.start..end], part.line)
            })
            .collect::<Vec<_>>()
    });
    let total = parsed.iter().flatten().map(|(b, _)| b.len()).sum();
    let mut parsed = parsed.into_iter().flatten();
    let (first_blocks, front) = parsed.next().unwrap_or_default();
    let mut blocks = Vec::with_capacity(total);
    blocks.extend(first_blocks);
    for (more, _) in parsed {
        blocks.extend(more);
    }
    promote_bold_lines(&mut blocks);
    (blocks, front)
}

/// Parses one part of a text, whose first line is line `first_line` of the whole.
fn parse_part(text: &str, first_line: usize) -> (Vec<Block>, FrontMatter) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let lines = LineIndex::new(text);
    let mut b = Builder {
        out: BlockWriter::for_text(text.len()),
        ..Builder::default()
    };
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let line = lines.line_of(range.start) + first_line - 1;
        b.event(event, line);
    }
    b.flush();
    let front = b.front.take().unwrap_or_default();
    (b.out.finish(), front)
}

/// Maps byte offsets to 1-based line numbers.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}

#[derive(Default)]
struct Builder {
    out: BlockWriter,
    current: Option<Draft>,
    style: Vec<Tag<'static>>,
    lists: Vec<Option<u64>>,
    quote_depth: usize,
    pending_soft_break: bool,
    in_metadata: bool,
    metadata: String,
    /// What the front matter said, once it is read.
    front: Option<FrontMatter>,
    in_code: bool,
    in_html: bool,
    /// The HTML block being read, and the line it starts on.
    html_block: String,
    html_line: usize,
    /// Inline HTML styles open (`<b>`, `<i>`, `<a href>`, `<s>`), by kind.
    html_styles: Vec<InlineStyle>,
    cells_in_row: usize,
    /// Links open: where each one's text starts in the block, and its target.
    links: Vec<(usize, String)>,
    /// Links opened by an inline `<a href>`, the same way.
    html_links: Vec<(usize, String)>,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, line: usize) {
        match event {
            Event::Start(tag) => self.start(tag, line),
            Event::End(tag) => self.end(tag),
            Event::Text(t) if self.in_metadata => self.metadata.push_str(&t),
            Event::Text(t) => self.text(&t, line),
            Event::Code(t) => {
                let style = SpanStyle {
                    code: true,
                    ..self.span_style()
                };
                self.push(&t, style, line);
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t, line),
            Event::Html(t) | Event::InlineHtml(t) => self.html(&t, line),
            Event::FootnoteReference(label) => {
                let start = self.start_link(line);
                self.text(&format!("[{label}]"), line);
                if let Some(block) = self.current.as_mut() {
                    block.add_link(start, &format!("^{label}"));
                }
            }
            Event::SoftBreak => self.pending_soft_break = true,
            Event::HardBreak => self.text("\n", line),
            Event::Rule => {
                self.flush();
                self.out.file(Draft::new(BlockKind::Rule, line));
            }
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }, line),
        }
    }

    fn start(&mut self, tag: Tag<'_>, line: usize) {
        match tag {
            Tag::Heading { level, .. } => self.open(BlockKind::Heading(heading_level(level)), line),
            Tag::Paragraph => {
                let in_fresh_item = self.current.as_ref().is_some_and(|b| {
                    matches!(b.kind, BlockKind::ListItem { .. }) && b.text().is_empty()
                });
                if !in_fresh_item {
                    let kind = self.body_kind(String::new());
                    self.open(kind, line);
                }
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push(start);
            }
            Tag::Item => {
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}.");
                        *n += 1;
                        m
                    }
                    _ => ["•", "◦", "▪"][self.lists.len().saturating_sub(1) % 3].to_string(),
                };
                let kind = self.body_kind(marker);
                self.open(kind, line);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote_depth += 1;
            }
            Tag::CodeBlock(_) => {
                self.open(BlockKind::Code, line);
                self.in_code = true;
            }
            Tag::HtmlBlock => {
                self.flush();
                self.in_html = true;
                self.html_block.clear();
                self.html_line = line;
            }
            // Front matter opens a file; a `---` block further on is text between rules.
            Tag::MetadataBlock(MetadataBlockKind::YamlStyle | MetadataBlockKind::PlusesStyle) => {
                if line <= 1 {
                    self.in_metadata = true;
                } else {
                    self.open(BlockKind::Paragraph, line + 1);
                }
            }
            Tag::TableHead | Tag::TableRow => {
                let header = matches!(tag, Tag::TableHead);
                self.open(BlockKind::TableRow { header }, line);
                self.cells_in_row = 0;
            }
            Tag::TableCell => {
                if self.cells_in_row > 0 {
                    self.push(" │ ", SpanStyle::default(), line);
                }
                self.cells_in_row += 1;
            }
            Tag::Image { .. } => self.text("[image: ", line),
            Tag::Link { ref dest_url, .. } => {
                let start = self.start_link(line);
                self.links.push((start, dest_url.to_string()));
                self.style.push(tag.into_static());
            }
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough => self.style.push(tag.into_static()),
            Tag::FootnoteDefinition(label) => {
                // Its label stays before its text, as the reference in the text reads.
                let kind = BlockKind::ListItem {
                    marker: format!("[{label}]").into(),
                    depth: 0,
                };
                self.open(kind, line);
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_)
            | TagEnd::Paragraph
            | TagEnd::Item
            | TagEnd::TableHead
            | TagEnd::TableRow => self.flush(),
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::CodeBlock => {
                if let Some(b) = self.current.as_mut() {
                    b.trim_end_newlines();
                }
                self.in_code = false;
                self.flush();
            }
            TagEnd::HtmlBlock => {
                self.in_html = false;
                self.flush();
                // Read as HTML: its headings join the outline at their levels, its other
                // elements are what they mean; comments and unknown tags leave their text.
                let html = std::mem::take(&mut self.html_block);
                for block in super::html::fragment_blocks(&html) {
                    let mut draft = Draft::of(&block);
                    draft.line = self.html_line + block.line.saturating_sub(1);
                    self.out.file(draft);
                }
            }
            TagEnd::MetadataBlock(_) if self.in_metadata => {
                self.in_metadata = false;
                self.front = Some(FrontMatter::read(&self.metadata));
            }
            TagEnd::MetadataBlock(_) => {
                if let Some(b) = self.current.as_mut() {
                    b.trim_end_newlines();
                }
                self.flush();
            }
            TagEnd::Image => self.text("]", 0),
            TagEnd::Link => {
                self.style.pop();
                if let (Some((start, target)), Some(block)) =
                    (self.links.pop(), self.current.as_mut())
                {
                    block.add_link(start, &target);
                }
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => {
                self.style.pop();
            }
            _ => {}
        }
    }

    /// The kind of a body block here: a list item, a quote, or a paragraph.
    fn body_kind(&self, marker: String) -> BlockKind {
        if !self.lists.is_empty() {
            BlockKind::ListItem {
                marker: marker.into(),
                depth: (self.lists.len() - 1).min(u8::MAX as usize) as u8,
            }
        } else if self.quote_depth > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        }
    }

    fn open(&mut self, kind: BlockKind, line: usize) {
        self.flush();
        self.current = Some(Draft::new(kind, line));
    }

    fn flush(&mut self) {
        self.pending_soft_break = false;
        if let Some(mut block) = self.current.take() {
            block.trim_first_run_start();
            let keep = !block.text().is_empty()
                || matches!(
                    block.kind,
                    BlockKind::ListItem { .. } | BlockKind::Heading(_)
                );
            if keep {
                self.out.file(block);
            }
        }
    }

    fn span_style(&self) -> SpanStyle {
        let mut style = SpanStyle::default();
        for tag in &self.style {
            match tag {
                Tag::Strong => style.bold = true,
                Tag::Emphasis => style.italic = true,
                Tag::Strikethrough => style.strike = true,
                Tag::Link { .. } => style.link = true,
                _ => {}
            }
        }
        if matches!(
            self.current.as_ref().map(|d| &d.kind),
            Some(BlockKind::TableRow { header: true })
        ) {
            style.bold = true;
        }
        for html in &self.html_styles {
            html.apply(&mut style);
        }
        style
    }

    /// HTML in Markdown: a block is kept whole to be read as HTML when it ends; an inline
    /// tag opens or closes a style (`<b>`, `<i>`, `<a href>`, `<s>`), breaks a line
    /// (`<br>`), or is dropped with its text kept (`<sup>`, `<span>`).
    fn html(&mut self, html: &str, line: usize) {
        if self.in_html {
            self.html_block.push_str(html);
            return;
        }
        let tag = html.trim();
        if tag.starts_with("<!--") {
            return;
        }
        let closing = tag.starts_with("</");
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if name == "br" {
            self.text("\n", line);
        } else if let Some(style) = InlineStyle::of(&name) {
            if closing {
                if let Some(at) = self.html_styles.iter().rposition(|s| *s == style) {
                    self.html_styles.remove(at);
                }
                if style == InlineStyle::Link
                    && let Some((start, target)) = self.html_links.pop()
                    && !target.is_empty()
                    && let Some(block) = self.current.as_mut()
                {
                    block.add_link(start, &target);
                }
            } else if !tag.ends_with("/>") {
                self.html_styles.push(style);
                if style == InlineStyle::Link {
                    // The tag read by the HTML parser, for its `href`.
                    let page = dom_query::Document::fragment(tag.to_string());
                    let href = page.select("a").attr("href").map(|h| h.trim().to_string());
                    let start = self.start_link(line);
                    self.html_links.push((start, href.unwrap_or_default()));
                }
            }
        }
    }

    /// Where a link starting here begins in the block (opened now if none is).
    fn start_link(&mut self, line: usize) -> usize {
        if self.current.is_none() {
            let kind = self.body_kind(String::new());
            self.current = Some(Draft::new(kind, line));
        }
        self.current.as_ref().map_or(0, |b| b.text().len())
    }

    fn text(&mut self, text: &str, line: usize) {
        let style = self.span_style();
        self.push(text, style, line);
    }

    fn push(&mut self, text: &str, style: SpanStyle, line: usize) {
        if self.current.is_none() {
            let kind = if self.in_code {
                BlockKind::Code
            } else {
                self.body_kind(String::new())
            };
            self.current = Some(Draft::new(kind, line));
        }
        let Some(block) = self.current.as_mut() else {
            return;
        };
        if std::mem::take(&mut self.pending_soft_break) {
            let before = block.text().chars().last();
            let after = text.chars().next();
            if !(before.is_some_and(is_cjk) && after.is_some_and(is_cjk)) {
                block.push_text(" ", style);
            }
        }
        block.push_text(text, style);
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Whether a character is written without spaces between words (Chinese, Japanese, Korean,
/// and their full-width punctuation).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Whether a character is a Chinese character (not Chinese punctuation).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// The dots that join the parts of a transcribed name (菲德尔·卡斯特罗).
pub fn is_middle_dot(c: char) -> bool {
    matches!(c, '·' | '•' | '・' | '‧')
}

#[cfg(test)]
mod tests;
