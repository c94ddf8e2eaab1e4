//! The section outline: every heading of every open document as one tree, flattened in
//! document order, each entry knowing its depth and parent.

use serde::Serialize;

use std::ops::Range;

use super::countries::snippet;
use super::unfolding::Later;
use crate::doc::{BlockId, Document};

/// One line of the outline: a document or a heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineEntry {
    /// Which open document it belongs to.
    pub doc: usize,
    /// The heading block; `None` for a document's own node (its start).
    pub block: Option<BlockId>,
    /// Nesting depth in the tree (0 = top).
    pub depth: usize,
    /// The heading level in the source (0 for a document node).
    pub level: u8,
    /// What the outline shows.
    pub title: String,
    /// The 1-based source line.
    pub line: usize,
    /// The entry this one is nested under.
    pub parent: Option<usize>,
    /// Whether any entry is nested under this one.
    pub has_children: bool,
    /// A part of the title to highlight (the mention in a snippet).
    pub mark: Option<std::ops::Range<usize>>,
    /// The part of the block the entry points at (a mention), highlighted after a jump.
    pub span: Option<std::ops::Range<usize>>,
    /// The country, region or organisation the entry is about.
    pub place: Option<usize>,
    /// The person the entry is about (an index into the people of the open documents).
    pub person: Option<usize>,
    /// The document cited the entry is about (an index into the documents cited); it stays
    /// when the entry's citations are made.
    pub cited: Option<usize>,
    /// Shown after the title and kept in view when the title is cut (in the Library: the
    /// passages and marks).
    pub tail: String,
    /// Shown before the title and never cut (in the Library: the date and size).
    pub lead: String,
    /// Rows it gets when first unfolded, not made before (a long view's mentions).
    pub later: Option<Later>,
}

impl OutlineEntry {
    /// An entry with a title and nothing else yet (no depth, line, mark or place).
    pub fn titled(doc: usize, block: Option<BlockId>, title: String) -> OutlineEntry {
        OutlineEntry {
            doc,
            block,
            depth: 0,
            level: 0,
            title,
            line: 0,
            parent: None,
            has_children: false,
            mark: None,
            span: None,
            place: None,
            person: None,
            cited: None,
            tail: String::new(),
            lead: String::new(),
            later: None,
        }
    }
}

impl OutlineEntry {
    /// The sentence around `range` of a block, the range marked, shortened to a line (the
    /// pane crops it to its width); named after its document when several are open.
    pub fn sentence(docs: &[Document], doc: usize, block: BlockId, range: Range<usize>) -> Self {
        let d = &docs[doc];
        let b = &d.blocks[block.0];
        let (mut snip, mark) = snippet(b.text(), range.clone(), SENTENCE_CHARS);
        let shift = if docs.len() > 1 {
            snip = format!("{} › {snip}", d.name);
            d.name.len() + " › ".len()
        } else {
            0
        };
        OutlineEntry {
            line: b.line,
            span: Some(range),
            mark: Some(mark.start + shift..mark.end + shift),
            ..OutlineEntry::titled(doc, Some(block), snip.replace('\n', " "))
        }
    }
}

/// The longest sentence an entry keeps, in characters.
const SENTENCE_CHARS: usize = 160;

/// The section tree of the open documents, in document order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outline {
    /// The entries, parents before their children. Changed other than through this type's
    /// methods in what decides which rows show (depth, children), the change is
    /// [`Outline::changed`].
    pub entries: Vec<OutlineEntry>,
    stamp: Stamp,
}

/// Which outline, as it is now: new for every outline made and at every change, so that
/// what is worked out from an outline can be kept while it stays. Not part of what an
/// outline is: two outlines of the same entries are equal whatever their stamps.
#[derive(Clone, Debug)]
struct Stamp(u64);

impl Stamp {
    fn fresh() -> Stamp {
        Stamp(fresh_stamp())
    }
}

/// A number never given before: what an outline, or a pane's folding of it, is known by
/// while it stays as it is.
pub fn fresh_stamp() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// How wide the counts a view's rows begin with are set, right-aligned: as the widest, and
/// three at least, so that what follows them lines up.
pub fn count_width(counts: impl Iterator<Item = usize>) -> usize {
    counts
        .map(|n| n.to_string().len())
        .max()
        .unwrap_or(0)
        .max(3)
}

impl Default for Stamp {
    fn default() -> Stamp {
        Stamp::fresh()
    }
}

impl PartialEq for Stamp {
    fn eq(&self, _: &Stamp) -> bool {
        true
    }
}

impl Eq for Stamp {}

/// A heading with the headings nested under it, for printing as a tree or JSON.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct OutlineNode {
    /// The heading text.
    pub title: String,
    /// The heading level in the source (`#` = 1).
    pub level: u8,
    /// The 1-based source line.
    pub line: usize,
    /// Headings nested under this one.
    pub children: Vec<OutlineNode>,
}

impl Outline {
    /// Which outline this is, as it is now: the same number while it does not change.
    pub fn stamp(&self) -> u64 {
        self.stamp.0
    }

    /// Says that the entries were changed directly.
    pub fn changed(&mut self) {
        self.stamp = Stamp::fresh();
    }

    /// Adds an entry under `parent` and returns its index.
    pub fn push(&mut self, parent: Option<usize>, mut entry: OutlineEntry) -> usize {
        self.changed();
        entry.parent = parent;
        entry.depth = parent.map_or(0, |p| self.entries[p].depth + 1);
        if let Some(p) = parent {
            self.entries[p].has_children = true;
        }
        self.entries.push(entry);
        self.entries.len() - 1
    }

    /// Builds the outline. Several documents each get a top-level node; a single document shows
    /// its headings at the top, or one node for itself when it has none.
    pub fn build(docs: &[Document]) -> Outline {
        let mut entries: Vec<OutlineEntry> = Vec::new();
        let with_doc_nodes = docs.len() > 1;
        for (d, doc) in docs.iter().enumerate() {
            let has_headings = doc.headings().next().is_some();
            let mut base_parent = None;
            if with_doc_nodes || !has_headings {
                base_parent = Some(entries.len());
                entries.push(OutlineEntry {
                    line: 1,
                    ..OutlineEntry::titled(d, None, doc.name.clone())
                });
            }
            let base_depth = usize::from(base_parent.is_some());
            // Open headings: (level, entry index).
            let mut open: Vec<(u8, usize)> = Vec::new();
            for (id, level, block) in doc.headings() {
                while open.last().is_some_and(|&(l, _)| l >= level) {
                    open.pop();
                }
                let parent = open.last().map(|&(_, i)| i).or(base_parent);
                if let Some(p) = parent {
                    entries[p].has_children = true;
                }
                open.push((level, entries.len()));
                entries.push(OutlineEntry {
                    depth: base_depth + open.len() - 1,
                    level,
                    line: block.line,
                    parent,
                    ..OutlineEntry::titled(
                        d,
                        Some(id),
                        block.text().replace('\n', " ").trim().to_string(),
                    )
                });
            }
        }
        entries.shrink_to_fit();
        Outline {
            entries,
            stamp: Stamp::fresh(),
        }
    }

    /// The headings above a block, from the outermost to its own section: `第一章 › 第一节`
    /// (the document's title left out when it heads everything). None before any heading.
    pub fn breadcrumb(&self, doc: usize, block: BlockId) -> Option<String> {
        let mut chain = Vec::new();
        let mut at = self.entry_at(doc, block);
        while let Some(e) = at {
            chain.push(e);
            at = self.entries[e].parent;
        }
        // A title over the whole document (its one outermost heading) says nothing of where
        // the passage is.
        let roots = self
            .entries
            .iter()
            .filter(|e| e.doc == doc && e.parent.is_none())
            .count();
        if chain.len() > 1 && roots == 1 {
            chain.pop();
        }
        let titles: Vec<&str> = chain
            .iter()
            .rev()
            .map(|&e| self.entries[e].title.as_str())
            .filter(|t| !t.trim().is_empty())
            .collect();
        (!titles.is_empty()).then(|| titles.join(" › "))
    }

    /// The entry a reading position is in: the last entry at or before it ("you are here").
    /// The entries are in document order, so it is looked up, not walked to.
    pub fn entry_at(&self, doc: usize, block: BlockId) -> Option<usize> {
        let at_or_before = self
            .entries
            .partition_point(|e| (e.doc, e.block) <= (doc, Some(block)));
        let found = at_or_before
            .checked_sub(1)
            .filter(|&i| self.entries[i].doc == doc);
        debug_assert_eq!(found, self.walk_to(doc, block), "an outline out of order");
        found
    }

    /// The entry of a document's heading (`None`: the document's own node), if the outline
    /// has one.
    pub fn index_of(&self, doc: usize, block: Option<BlockId>) -> Option<usize> {
        let at = self
            .entries
            .partition_point(|e| (e.doc, e.block) < (doc, block));
        self.entries
            .get(at)
            .filter(|e| (e.doc, e.block) == (doc, block))
            .map(|_| at)
    }

    /// [`Outline::entry_at`], walking the entries from the first: what debug builds check
    /// it against.
    fn walk_to(&self, doc: usize, block: BlockId) -> Option<usize> {
        let mut found = None;
        for (i, e) in self.entries.iter().enumerate() {
            if e.doc != doc {
                if e.doc > doc {
                    break;
                }
                continue;
            }
            match e.block {
                Some(b) if b > block => break,
                _ => found = Some(i),
            }
        }
        found
    }

    /// The chain of headings from the top down to `entry`, for a breadcrumb.
    pub fn path_to(&self, entry: usize) -> Vec<&OutlineEntry> {
        let mut path = Vec::new();
        let mut at = Some(entry);
        while let Some(i) = at {
            let Some(e) = self.entries.get(i) else { break };
            path.push(e);
            at = e.parent;
        }
        path.reverse();
        path
    }

    /// Whether `entry` lies under `ancestor`.
    pub fn is_under(&self, entry: usize, ancestor: usize) -> bool {
        let mut at = self.entries.get(entry).and_then(|e| e.parent);
        while let Some(i) = at {
            if i == ancestor {
                return true;
            }
            at = self.entries[i].parent;
        }
        false
    }

    /// The headings of one document as a tree.
    pub fn tree(&self, doc: usize) -> Vec<OutlineNode> {
        let mut roots: Vec<OutlineNode> = Vec::new();
        let mut stack: Vec<(usize, OutlineNode)> = Vec::new();
        let fold = |stack: &mut Vec<(usize, OutlineNode)>, roots: &mut Vec<OutlineNode>| {
            if let Some((_, node)) = stack.pop() {
                match stack.last_mut() {
                    Some((_, parent)) => parent.children.push(node),
                    None => roots.push(node),
                }
            }
        };
        for e in self
            .entries
            .iter()
            .filter(|e| e.doc == doc && e.block.is_some())
        {
            while stack.last().is_some_and(|(d, _)| *d >= e.depth) {
                fold(&mut stack, &mut roots);
            }
            stack.push((
                e.depth,
                OutlineNode {
                    title: e.title.clone(),
                    level: e.level,
                    line: e.line,
                    children: Vec::new(),
                },
            ));
        }
        while !stack.is_empty() {
            fold(&mut stack, &mut roots);
        }
        roots
    }
}

#[cfg(test)]
mod tests;
