//! The redline: the new edition's text with deletions struck through and insertions
//! underlined (or marked `[-…-]{+…+}` where styles cannot show), unchanged stretches folded
//! to a line, each section heading with its count of changes. A `Document`, so the reader,
//! its outline and its search read it as any other.

use crate::doc::{BlockKind, BlockWriter, Document, Draft, SpanStyle};
use std::collections::{HashMap, HashSet};

use super::changes::{Change, ChangeKind, Comparison, Row};
use super::wording::Kind;

/// Fewer unchanged paragraphs in a row than this are shown, not folded.
const FOLDED_FROM: usize = 3;

/// How the redline is shown.
#[derive(Clone, Debug, Default)]
pub struct Shape {
    /// Formatting-only changes shown too.
    pub strict: bool,
    /// Changes written with `[-…-]{+…+}` marks, where colour is not allowed.
    pub marks: bool,
    /// The folds opened, by the row where each starts.
    pub unfolded: HashSet<usize>,
    /// The new edition's paragraphs that carry the reader's bookmarks and notes, with what
    /// the redline says of them ("your note: …"): shown, never folded away.
    pub noted: HashMap<usize, String>,
}

/// A redline built: its document, where each change shown starts, and where each fold is.
pub struct Built {
    /// The redline as a document.
    pub document: Document,
    /// For each change shown, its index among the comparison's changes and its first block.
    pub changes: Vec<(usize, usize)>,
    /// Each fold: the row it starts at (its name for [`Shape::unfolded`]) and its block.
    pub folds: Vec<(usize, usize)>,
}

/// The blocks being written, with what each is.
struct Writing {
    drafts: Vec<Draft>,
    /// For each heading written, its draft and its count of changes.
    headings: Vec<(usize, usize)>,
    changes: Vec<(usize, usize)>,
    folds: Vec<(usize, usize)>,
    marks: bool,
}

impl Writing {
    fn push(&mut self, draft: Draft) -> usize {
        if matches!(draft.kind, BlockKind::Heading(_)) {
            self.headings.push((self.drafts.len(), 0));
        }
        self.drafts.push(draft);
        self.drafts.len() - 1
    }

    /// A line of its own, dim: a fold, where a passage moved from or to.
    fn marker(&mut self, text: &str, line: usize) -> usize {
        let mut d = Draft::new(BlockKind::Marker, line);
        d.push_text(text, SpanStyle::default());
        self.push(d)
    }

    /// Text in the redline's style for its kind.
    fn text(&self, draft: &mut Draft, kind: Kind, text: &str) {
        let style = SpanStyle {
            deleted: kind == Kind::Deleted,
            inserted: kind == Kind::Inserted,
            ..SpanStyle::default()
        };
        match (kind, self.marks) {
            (Kind::Deleted, true) => draft.push_text(&format!("[-{text}-]"), style),
            (Kind::Inserted, true) => draft.push_text(&format!("{{+{text}+}}"), style),
            _ => draft.push_text(text, style),
        }
    }

    /// A change counts under the heading last written.
    fn counted(&mut self, index: usize, block: usize) {
        self.changes.push((index, block));
        if let Some(last) = self.headings.last_mut() {
            last.1 += 1;
        }
    }
}

/// Builds the redline of two editions compared.
pub fn build(old: &Document, new: &Document, c: &Comparison, name: &str, shape: &Shape) -> Built {
    let mut w = Writing {
        drafts: Vec::new(),
        headings: Vec::new(),
        changes: Vec::new(),
        folds: Vec::new(),
        marks: shape.marks,
    };
    // Unchanged paragraphs waiting to be shown or folded: (row, block of the new edition).
    let mut same: Vec<(usize, usize)> = Vec::new();
    let hidden = |ch: &Change| ch.kind == ChangeKind::Formatting && !shape.strict;
    for (r, row) in c.rows.iter().enumerate() {
        match *row {
            Row::Same { new: b, .. } => same.push((r, b)),
            Row::Change(i) if hidden(&c.changes[i]) => {
                if let Some(side) = &c.changes[i].new {
                    same.extend(side.blocks.clone().map(|b| (r, b)));
                }
            }
            Row::Change(i) => {
                flush(&mut w, new, &mut same, shape);
                change(&mut w, old, new, &c.changes[i], i, shape);
            }
            Row::MovedAway(i) => {
                flush(&mut w, new, &mut same, shape);
                let ch = &c.changes[i];
                let (from, to) = (ch.old.as_ref(), ch.new.as_ref());
                let text = format!(
                    "↧ a paragraph moved from here to {}",
                    to.map_or(String::new(), super::changes::Side::place)
                );
                w.marker(&text, from.map_or(0, |s| s.line));
            }
        }
    }
    flush(&mut w, new, &mut same, shape);
    for &(at, count) in &w.headings {
        if count > 0 {
            let plural = if count == 1 { "" } else { "s" };
            w.drafts[at].push_text(&format!("  · {count} change{plural}"), SpanStyle::default());
        }
    }
    let mut writer = BlockWriter::default();
    for d in w.drafts {
        writer.file(d);
    }
    Built {
        document: Document::of_blocks(name, writer.finish()),
        changes: w.changes,
        folds: w.folds,
    }
}

/// Shows or folds the unchanged paragraphs waiting: headings always shown, each stretch
/// of body paragraphs between them folded to a line when long enough and not opened.
fn flush(w: &mut Writing, new: &Document, same: &mut Vec<(usize, usize)>, shape: &Shape) {
    let mut stretch: Vec<(usize, usize)> = Vec::new();
    let taken = std::mem::take(same);
    for (r, b) in taken {
        if new.blocks[b].heading_level().is_some() || shape.noted.contains_key(&b) {
            // Headings, and what the reader marked, are never folded away.
            fold(w, new, &mut stretch, shape);
            noted(w, new, b, shape);
            w.push(copied(new, b));
        } else {
            stretch.push((r, b));
        }
    }
    fold(w, new, &mut stretch, shape);
}

/// A stretch of unchanged body paragraphs: folded, or shown as they are.
fn fold(w: &mut Writing, new: &Document, stretch: &mut Vec<(usize, usize)>, shape: &Shape) {
    let taken = std::mem::take(stretch);
    let Some(&(first_row, first_block)) = taken.first() else {
        return;
    };
    if taken.len() < FOLDED_FROM || shape.unfolded.contains(&first_row) {
        for (_, b) in taken {
            w.push(copied(new, b));
        }
        return;
    }
    let text = format!(
        "… {} unchanged paragraphs … (Enter shows them)",
        taken.len()
    );
    let at = w.marker(&text, new.blocks[first_block].line);
    w.folds.push((first_row, at));
}

/// Where the reader marked a paragraph of the new edition: a line before it.
fn noted(w: &mut Writing, new: &Document, b: usize, shape: &Shape) {
    if let Some(label) = shape.noted.get(&b) {
        w.marker(&format!("✎ {label}"), new.blocks[b].line);
    }
}

/// A block of the new edition as it is.
fn copied(doc: &Document, b: usize) -> Draft {
    let block = &doc.blocks[b];
    let mut d = Draft::new(block.kind.clone(), block.line);
    for span in block.spans() {
        d.push_text(span.text, span.style);
    }
    d
}

/// A change written: its passages with the deleted and inserted words styled.
fn change(
    w: &mut Writing,
    old: &Document,
    new: &Document,
    ch: &Change,
    index: usize,
    shape: &Shape,
) {
    let first = w.drafts.len();
    match ch.kind {
        ChangeKind::Deleted | ChangeKind::Inserted => {
            let (doc, side, kind) = if ch.kind == ChangeKind::Deleted {
                (old, ch.old.as_ref(), Kind::Deleted)
            } else {
                (new, ch.new.as_ref(), Kind::Inserted)
            };
            for b in side.map(|s| s.blocks.clone()).unwrap_or_default() {
                let block = &doc.blocks[b];
                if block.text().trim().is_empty() {
                    continue;
                }
                if ch.kind == ChangeKind::Inserted {
                    noted(w, new, b, shape);
                }
                let mut d = Draft::new(block.kind.clone(), block.line);
                w.text(&mut d, kind, block.text());
                w.push(d);
            }
        }
        _ => {
            if let Some(side) = &ch.new {
                for b in side.blocks.clone() {
                    noted(w, new, b, shape);
                }
            }
            if ch.kind == ChangeKind::Moved
                && let Some(from) = &ch.old
            {
                w.marker(&format!("↳ moved here from {}", from.place()), from.line);
            }
            let side = ch.new.as_ref().or(ch.old.as_ref());
            let (kind, line) = match side {
                Some(s) if s.blocks.len() == 1 => (new.blocks[s.blocks.start].kind.clone(), s.line),
                Some(s) => (BlockKind::Paragraph, s.line),
                None => (BlockKind::Paragraph, 0),
            };
            let mut d = Draft::new(kind, line);
            for p in &ch.pieces {
                w.text(&mut d, p.kind, &p.text);
            }
            w.push(d);
        }
    }
    if w.drafts.len() > first {
        w.counted(index, first);
    }
}
