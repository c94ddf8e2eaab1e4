//! An HTML tree to blocks: headings `h1`–`h6`, paragraphs, list items, quotes, preformatted
//! text and table rows, with bold, italic, code, links and struck text as styles. Scripts,
//! styles, forms, frames and comments are never text. The tree is walked with a stack of its
//! own, so no nesting is too deep.

use dom_query::NodeRef;

use super::InlineStyle;
use crate::doc::{Block, BlockKind, BlockWriter, Draft, SpanStyle};

/// Elements whose content is never shown.
const HIDDEN: [&str; 16] = [
    "script", "style", "noscript", "template", "head", "iframe", "object", "embed", "svg",
    "canvas", "form", "input", "button", "select", "textarea", "math",
];

/// Elements that start and end a block of their own.
const BLOCKS: [&str; 22] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "address",
    "center",
    "details",
    "summary",
    "caption",
    "dl",
    "dt",
    "dd",
    "body",
    "html",
    "fieldset",
];

/// A step of the walk: into a node, or out of an element.
enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave(Tag),
}

/// What leaving an element undoes.
#[derive(Clone, Copy)]
enum Tag {
    Block,
    Heading,
    List,
    Item,
    Quote,
    Pre,
    Row,
    Cell,
    HeaderCell,
    Inline(InlineStyle),
    Nothing,
}

/// Walks `root` and returns its blocks; `line_of` gives the source line of a text.
pub fn blocks(root: &NodeRef<'_>, size: usize) -> Vec<Block> {
    let mut w = Walker {
        out: BlockWriter::for_text(size),
        ..Walker::default()
    };
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave(tag) => w.leave(tag),
            Step::Enter(node) => {
                if node.is_text() {
                    w.text(&node.text());
                    continue;
                }
                if !(node.is_element() || node.is_document() || node.is_fragment()) {
                    continue;
                }
                let name = node
                    .node_name()
                    .map(|n| n.to_ascii_lowercase())
                    .unwrap_or_default();
                if HIDDEN.contains(&name.as_str()) {
                    continue;
                }
                let tag = w.enter(&name, &node);
                stack.push(Step::Leave(tag));
                let children: Vec<NodeRef<'_>> = node.children_it(true).collect();
                stack.extend(children.into_iter().map(Step::Enter));
            }
        }
    }
    w.flush();
    w.out.finish()
}

#[derive(Default)]
struct Walker {
    out: BlockWriter,
    current: Option<Draft>,
    /// Open lists: the next number of an ordered one, `None` for bullets.
    lists: Vec<Option<u64>>,
    quotes: usize,
    pre: usize,
    bold: usize,
    italic: usize,
    code: usize,
    link: usize,
    strike: usize,
    /// Cells so far in the table row being written.
    cells: usize,
    /// Table cells open (a table inside a cell is one of its own).
    in_cell: usize,
    /// Blocks filed so far, standing in for a source line.
    filed: usize,
    /// Links open: the block being written when each opened (by blocks filed before it),
    /// where its text starts in it, and its target.
    links: Vec<(usize, usize, String)>,
}

impl Walker {
    fn enter(&mut self, name: &str, node: &NodeRef<'_>) -> Tag {
        let blockish = BLOCKS.contains(&name)
            || matches!(
                name,
                "ul" | "ol"
                    | "li"
                    | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "pre"
                    | "blockquote"
                    | "hr"
            );
        if self.in_cell > 0 && (blockish || name == "br") {
            // Inside a cell, paragraphs and breaks are spaces: a row stays one line.
            if self
                .current
                .as_ref()
                .is_some_and(|d| !d.text().ends_with([' ', '│']))
            {
                self.push(" ", self.style());
            }
            return Tag::Nothing;
        }
        if let Some(inline) = InlineStyle::of(name) {
            if inline == InlineStyle::Link {
                let Some(target) = node.attr("href") else {
                    return Tag::Nothing;
                };
                let start = self.current.as_ref().map_or(0, |d| d.text().len());
                self.links
                    .push((self.filed, start, target.trim().to_string()));
            }
            *self.count(inline) += 1;
            return Tag::Inline(inline);
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name.as_bytes()[1] - b'0';
                self.open(BlockKind::Heading(level));
                Tag::Heading
            }
            "ul" | "ol" | "menu" => {
                self.flush();
                let start = node
                    .attr("start")
                    .and_then(|s| s.trim().parse::<u64>().ok())
                    .unwrap_or(1);
                self.lists.push((name == "ol").then_some(start));
                Tag::List
            }
            "li" => {
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}.");
                        *n += 1;
                        m
                    }
                    _ => ["•", "◦", "▪"][self.lists.len().saturating_sub(1) % 3].to_string(),
                };
                let depth = self.lists.len().saturating_sub(1).min(usize::from(u8::MAX)) as u8;
                self.open(BlockKind::ListItem {
                    marker: marker.into(),
                    depth,
                });
                Tag::Item
            }
            "blockquote" => {
                self.flush();
                self.quotes += 1;
                Tag::Quote
            }
            "pre" => {
                self.open(BlockKind::Code);
                self.pre += 1;
                Tag::Pre
            }
            "tr" => {
                // A row of header cells only is the table's header.
                let cells: Vec<String> = node
                    .element_children()
                    .iter()
                    .filter_map(|c| c.node_name().map(|n| n.to_ascii_lowercase()))
                    .collect();
                let header = !cells.is_empty() && cells.iter().all(|c| c == "th");
                self.open(BlockKind::TableRow { header });
                self.cells = 0;
                Tag::Row
            }
            "td" | "th" => {
                if self.cells > 0 {
                    self.push(" │ ", SpanStyle::default());
                }
                self.cells += 1;
                self.in_cell += 1;
                if name == "th" {
                    self.bold += 1;
                    Tag::HeaderCell
                } else {
                    Tag::Cell
                }
            }
            "br" => {
                self.push("\n", self.style());
                Tag::Nothing
            }
            "hr" => {
                self.flush();
                self.file(Draft::new(BlockKind::Rule, self.filed + 1));
                Tag::Nothing
            }
            "p" if self.in_fresh_item() => Tag::Nothing,
            _ if BLOCKS.contains(&name) || name == "table" || name == "tbody" => {
                self.flush();
                Tag::Block
            }
            _ => Tag::Nothing,
        }
    }

    fn leave(&mut self, tag: Tag) {
        match tag {
            Tag::Block | Tag::Heading | Tag::Item | Tag::Row => self.flush(),
            Tag::List => {
                self.flush();
                self.lists.pop();
            }
            Tag::Quote => {
                self.flush();
                self.quotes = self.quotes.saturating_sub(1);
            }
            Tag::Pre => {
                self.flush();
                self.pre = self.pre.saturating_sub(1);
            }
            Tag::Cell => self.in_cell = self.in_cell.saturating_sub(1),
            Tag::HeaderCell => {
                self.in_cell = self.in_cell.saturating_sub(1);
                self.bold = self.bold.saturating_sub(1);
            }
            Tag::Inline(inline) => {
                let count = self.count(inline);
                *count = count.saturating_sub(1);
                if inline == InlineStyle::Link {
                    if let Some((filed, start, target)) = self.links.pop() {
                        // A link whose text runs over blocks is left out rather than misplaced;
                        // one that runs scripts or goes nowhere is only text.
                        let useful = !target.is_empty()
                            && target != "#"
                            && !target.to_ascii_lowercase().starts_with("javascript:");
                        if let (true, true, Some(draft)) =
                            (filed == self.filed, useful, self.current.as_mut())
                        {
                            draft.add_link(start, &target);
                        }
                    }
                }
            }
            Tag::Nothing => {}
        }
    }

    /// How many elements of an inline style are open.
    fn count(&mut self, inline: InlineStyle) -> &mut usize {
        match inline {
            InlineStyle::Bold => &mut self.bold,
            InlineStyle::Italic => &mut self.italic,
            InlineStyle::Code => &mut self.code,
            InlineStyle::Link => &mut self.link,
            InlineStyle::Strike => &mut self.strike,
        }
    }

    /// A list item just opened, with nothing in it yet: its first paragraph is its text.
    fn in_fresh_item(&self) -> bool {
        self.current
            .as_ref()
            .is_some_and(|d| matches!(d.kind, BlockKind::ListItem { .. }) && d.text().is_empty())
    }

    fn style(&self) -> SpanStyle {
        SpanStyle {
            bold: self.bold > 0,
            italic: self.italic > 0,
            code: self.code > 0,
            link: self.link > 0,
            strike: self.strike > 0,
            ..SpanStyle::default()
        }
    }

    /// Text as a browser shows it: outside `<pre>`, runs of white space (no-break spaces
    /// too) are one space, and a line break between two Chinese characters is nothing.
    fn text(&mut self, text: &str) {
        let style = self.style();
        if self.pre > 0 {
            self.push(text, style);
            return;
        }
        let mut out = String::with_capacity(text.len());
        let mut gap: Option<bool> = None; // Some(had a line break)
        for c in text.chars() {
            if c.is_ascii_whitespace() || c == '\u{a0}' {
                let newline = c == '\n';
                gap = Some(gap.unwrap_or(false) || newline);
                continue;
            }
            if let Some(newline) = gap.take() {
                let before = out.chars().next_back().or_else(|| self.last_char());
                let joins_cjk = newline && before.is_some_and(unspaced) && unspaced(c);
                if !joins_cjk {
                    out.push(' ');
                }
            }
            out.push(c);
        }
        if gap.is_some() {
            out.push(' ');
        }
        // A block does not start with a space, nor a line with two.
        let starts_block = self
            .current
            .as_ref()
            .is_none_or(|d| d.text().is_empty() || d.text().ends_with([' ', '\n']));
        let out = if starts_block { out.trim_start() } else { &out };
        if !out.is_empty() {
            self.push(out, style);
        }
    }

    fn last_char(&self) -> Option<char> {
        self.current
            .as_ref()
            .and_then(|d| d.text().chars().next_back())
    }

    fn push(&mut self, text: &str, style: SpanStyle) {
        if self.current.is_none() {
            let kind = self.body_kind();
            self.current = Some(Draft::new(kind, self.filed + 1));
        }
        if let Some(draft) = self.current.as_mut() {
            draft.push_text(text, style);
        }
    }

    fn body_kind(&self) -> BlockKind {
        if self.pre > 0 {
            BlockKind::Code
        } else if self.quotes > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        }
    }

    fn open(&mut self, kind: BlockKind) {
        self.flush();
        self.current = Some(Draft::new(kind, self.filed + 1));
    }

    /// Files the block being written, unless it holds no text.
    fn flush(&mut self) {
        let Some(mut draft) = self.current.take() else {
            return;
        };
        if draft.kind != BlockKind::Code {
            draft.trim_end();
        }
        if draft.text().trim().is_empty() {
            return;
        }
        self.file(draft);
    }

    fn file(&mut self, draft: Draft) {
        self.filed += 1;
        self.out.file(draft);
    }
}

/// Chinese and Japanese characters, written without spaces between words, so a line break
/// between two of them is no space. (Not Hangul, which spaces its words, unlike
/// [`crate::doc::markdown::is_cjk`].)
fn unspaced(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}
