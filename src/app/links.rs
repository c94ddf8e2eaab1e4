//! Following what a paragraph holds (`Enter`): a table full-screen, a footnote's definition,
//! a link; and the Links view (`L`): every link and footnote reference of the document,
//! `Enter` following one (a footnote, a heading, another open document, a briefing file
//! beside this one) or copying its URL through the terminal.

use std::path::{Path, PathBuf};

use super::outline_pane::{OutlinePane, OutlineView};
use super::{App, Effect};
use crate::doc::{BlockId, BlockKind, Document, LinkSpan};
use crate::index::outline::{Outline, OutlineEntry};

/// Where a link leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Destination {
    /// A block of the same document: a footnote's definition, a heading.
    Here(BlockId),
    /// Another open document.
    Document(usize),
    /// A briefing file that is not open.
    File(PathBuf),
    /// Anywhere else: its URL is copied.
    Url(String),
    /// A footnote whose definition is not in the document.
    Missing(String),
    /// A file beside the document that is not there.
    NoFile(String),
}

/// Files a link may open in brief.
const BRIEFING_FILES: [&str; 6] = ["md", "markdown", "txt", "html", "htm", "xhtml"];

/// Where `link` in `doc` leads, given the paths of the open documents (`None` for one
/// without a file).
pub fn destination(link: &LinkSpan, doc: &Document, open: &[Option<PathBuf>]) -> Destination {
    let target = &*link.target;
    if let Some(label) = link.footnote() {
        return match footnote_definition(doc, label) {
            Some(block) => Destination::Here(block),
            None => Destination::Missing(label.to_string()),
        };
    }
    if let Some(anchor) = target.strip_prefix('#') {
        return match heading_by_anchor(doc, anchor) {
            Some(block) => Destination::Here(block),
            None => Destination::Url(target.to_string()),
        };
    }
    let scheme = target
        .split_once(':')
        .is_some_and(|(s, _)| s.len() > 1 && s.chars().all(|c| c.is_ascii_alphanumeric()));
    if scheme && !target.starts_with("file://") {
        return Destination::Url(target.to_string());
    }
    let path = target.trim_start_matches("file://");
    let path = path.split(['#', '?']).next().unwrap_or(path);
    let Some(base) = doc.path.as_deref().and_then(Path::parent) else {
        return Destination::Url(target.to_string());
    };
    let file = base.join(percent_decoded(path));
    let Ok(real) = file.canonicalize() else {
        let briefing = Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| BRIEFING_FILES.contains(&e.to_ascii_lowercase().as_str()));
        return match briefing && !path.starts_with('/') {
            true => Destination::NoFile(path.to_string()),
            false => Destination::Url(target.to_string()),
        };
    };
    let same =
        |p: &Option<PathBuf>| p.as_ref().and_then(|p| p.canonicalize().ok()) == Some(real.clone());
    if let Some(i) = open.iter().position(same) {
        return Destination::Document(i);
    }
    let briefing = real
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| BRIEFING_FILES.contains(&e.to_ascii_lowercase().as_str()));
    match briefing && real.is_file() {
        true => Destination::File(real),
        false => Destination::Url(target.to_string()),
    }
}

/// The `#anchor` a link to a file ends with.
fn fragment(target: &str) -> Option<&str> {
    target
        .split_once('#')
        .map(|(_, a)| a)
        .filter(|a| !a.is_empty())
}

/// `%20` and the like in a relative path, decoded.
fn percent_decoded(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The block defining footnote `label`: the item its label marks.
pub fn footnote_definition(doc: &Document, label: &str) -> Option<BlockId> {
    let marker = format!("[{label}]");
    doc.blocks
        .iter()
        .position(|b| matches!(&b.kind, BlockKind::ListItem { marker: m, .. } if **m == *marker))
        .map(BlockId)
}

/// The heading an in-page link (`#the-agenda`) names: the one whose text, written as an
/// anchor (lower case, words joined by `-`), is it.
fn heading_by_anchor(doc: &Document, anchor: &str) -> Option<BlockId> {
    let anchor = percent_decoded(anchor).to_lowercase();
    doc.headings()
        .find(|(_, _, b)| slug(b.text()) == anchor)
        .map(|(id, _, _)| id)
}

/// A heading's text as an anchor: lower case, punctuation dropped, spaces as `-`.
fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' | '-' => Some('-'),
            c if c.is_alphanumeric() || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The Links view of a document: one entry per link, its text and where it leads, and the
/// link of each entry.
pub fn links_tree(d: usize, doc: &Document) -> (Outline, Vec<(BlockId, usize)>) {
    let mut tree = Outline::default();
    let mut of_entry = Vec::new();
    for (b, block) in doc.blocks.iter().enumerate() {
        for (n, link) in block.links().iter().enumerate() {
            let text = &block.text()[link.start as usize..link.end as usize];
            let title = match link.footnote() {
                Some(label) => format!("[{label}] footnote"),
                None => format!("{} → {}", text.replace('\n', " "), link.target),
            };
            tree.push(
                None,
                OutlineEntry {
                    doc: d,
                    block: Some(BlockId(b)),
                    depth: 0,
                    level: 0,
                    title,
                    line: block.line,
                    parent: None,
                    has_children: false,
                    mark: None,
                    span: Some(link.start as usize..link.end as usize),
                    place: None,
                },
            );
            of_entry.push((BlockId(b), n));
        }
    }
    (tree, of_entry)
}

impl App {
    /// `Enter` in the reader: the table this row is in, full-screen; the one footnote or link
    /// of this paragraph followed, or the Links view when it has several; else down a line.
    pub(super) fn follow(&mut self) -> Vec<Effect> {
        let block = self.current_block();
        if self.open_table(block.0) {
            return Vec::new();
        }
        let count = self.document().block(block).map_or(0, |b| b.links().len());
        match count {
            0 => self.scroll_by(1),
            1 => return self.follow_link(block, 0),
            _ => self.open_links(),
        }
        Vec::new()
    }

    /// `L`: the Links view, at the first link from the top of the reader on.
    pub(super) fn open_links(&mut self) {
        let here = self.current_block();
        let (tree, of_entry) = links_tree(self.doc, self.document());
        if tree.entries.is_empty() {
            self.notify("This document has no links or footnotes", false);
            return;
        }
        let at = of_entry.iter().position(|(b, _)| *b >= here).unwrap_or(0);
        (self.links_view.tree, self.links_view.targets) = (tree, of_entry);
        self.links_view.pane = OutlinePane::default();
        self.enter_outline();
        self.view = OutlineView::Links;
        let rows = usize::from(self.outline_rows());
        self.links_view.pane.select(&self.links_view.tree, at);
        self.links_view
            .pane
            .keep_selection_visible(&self.links_view.tree, rows);
    }

    /// `Enter` in the Links view.
    pub(super) fn follow_selected_link(&mut self) -> Vec<Effect> {
        let Some(&(block, n)) = self.links_view.targets.get(self.links_view.pane.selected) else {
            return Vec::new();
        };
        self.follow_link(block, n)
    }

    /// `y` in the Links view: the link's target as written.
    pub(super) fn copy_selected_link(&mut self) -> Vec<Effect> {
        let Some(&(block, n)) = self.links_view.targets.get(self.links_view.pane.selected) else {
            return Vec::new();
        };
        let Some(link) = self.document().block(block).and_then(|b| b.links().get(n)) else {
            return Vec::new();
        };
        let target = link.target.to_string();
        vec![Effect::Copy {
            what: target.clone(),
            text: target,
        }]
    }

    /// Follows link `n` of a block of the document in the reader.
    fn follow_link(&mut self, block: BlockId, n: usize) -> Vec<Effect> {
        let Some(link) = self.document().block(block).and_then(|b| b.links().get(n)) else {
            return Vec::new();
        };
        let link = link.clone();
        let link = &link;
        let open: Vec<Option<PathBuf>> = self.docs.iter().map(|d| d.path.clone()).collect();
        match destination(link, self.document(), &open) {
            Destination::Here(to) => {
                self.record_jump();
                self.leave_links();
                self.show_block(self.doc, Some(to));
            }
            Destination::Document(d) => {
                self.record_jump();
                self.leave_links();
                let at = fragment(&link.target).and_then(|a| heading_by_anchor(&self.docs[d], a));
                self.show_block(d, at);
            }
            Destination::File(path) => {
                self.record_jump();
                self.leave_links();
                let anchor = fragment(&link.target).map(str::to_string);
                return vec![Effect::Open(path, anchor)];
            }
            Destination::Url(url) => {
                return vec![Effect::Copy {
                    what: url.clone(),
                    text: url,
                }];
            }
            Destination::Missing(label) => {
                self.notify(format!("Footnote [{label}] has no definition here"), false)
            }
            Destination::NoFile(path) => {
                self.notify(format!("{path}: no such file beside this document"), true)
            }
        }
        Vec::new()
    }

    /// Leaves the Links view for the reader, if it is shown.
    fn leave_links(&mut self) {
        if self.view == OutlineView::Links {
            self.view = OutlineView::Sections;
            if self.mode() == crate::vocabulary::Mode::Outline {
                self.leave_outline();
            }
        }
    }

    /// A document opened by following a link to it, now read: shown at the heading the
    /// link names, if any.
    pub(super) fn show_opened(&mut self, doc: usize, anchor: Option<&str>) {
        if doc < self.docs.len() {
            let at = anchor.and_then(|a| heading_by_anchor(&self.docs[doc], a));
            self.show_block(doc, at);
        }
    }

    /// The Links view's selected link, as written.
    pub fn selected_link(&self) -> Option<&str> {
        let &(block, n) = self.links_view.targets.get(self.links_view.pane.selected)?;
        let link = self.document().block(block)?.links().get(n)?;
        Some(&link.target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::markdown;

    #[test]
    fn footnotes_headings_and_urls_lead_where_they_say() {
        let doc = markdown(
            "t.md",
            "# The Agenda\n\nSee [the site](https://example.org/a) and the note[^1], \
             [above](#the-agenda), [gone](#nowhere), [^2].\n\n[^1]: The definition.\n",
        );
        let links = doc.blocks[1].links();
        let to: Vec<Destination> = links.iter().map(|l| destination(l, &doc, &[])).collect();
        assert_eq!(
            to,
            [
                Destination::Url("https://example.org/a".into()),
                Destination::Here(BlockId(2)),
                Destination::Here(BlockId(0)),
                Destination::Url("#nowhere".into()),
            ]
        );
        let text = doc.blocks[1].text();
        let shown: Vec<&str> = links
            .iter()
            .map(|l| &text[l.start as usize..l.end as usize])
            .collect();
        // A reference to a footnote never defined stays text, as CommonMark reads it.
        assert_eq!(shown, ["the site", "[1]", "above", "gone"]);
        assert!(text.ends_with("[^2]."));
    }

    #[test]
    fn a_relative_path_leads_to_an_open_document_or_a_file_beside() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("other.md"), "# Other\n").unwrap();
        std::fs::write(dir.path().join("third edition.md"), "# Third\n").unwrap();
        std::fs::write(dir.path().join("data.csv"), "a,b\n").unwrap();
        let mut doc = markdown(
            "t.md",
            "[o](other.md) [t](third%20edition.md#x) [c](data.csv) [m](missing.md)\n",
        );
        doc.path = Some(dir.path().join("t.md"));
        let open = vec![doc.path.clone(), Some(dir.path().join("other.md"))];
        let to: Vec<Destination> = doc.blocks[0]
            .links()
            .iter()
            .map(|l| destination(l, &doc, &open))
            .collect();
        let third = dir.path().join("third edition.md").canonicalize().unwrap();
        assert_eq!(
            to,
            [
                Destination::Document(1),
                Destination::File(third),
                Destination::Url("data.csv".into()),
                Destination::NoFile("missing.md".into()),
            ]
        );
    }
}
