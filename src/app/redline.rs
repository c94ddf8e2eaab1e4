//! The redline in the reader: two editions compared, shown as one document; `.`/`,` (or
//! the keymap's keys) go from change to change, `s` shows formatting-only changes too, and
//! `Enter` opens the fold on screen. A document read before that comes back changed says
//! so, and `D` shows its redline against the edition last read.

use crate::compare::changes::SHARE_LITTLE;
use crate::compare::redline::{Shape, build};
use crate::compare::{Comparison, Summary, compare};
use crate::doc::{BlockId, Document};
use crate::vocabulary::{Action, Mode};

use super::App;

/// What the status line says of a document that changed since it was last read.
pub const CHANGED_SINCE: &str = "changed since you last read it";

/// What the status line says of a file that holds another document than the one last read
/// from it.
pub const NOT_THE_ONE_READ: &str = "not the briefing last read from this file";

/// Lines shown above a change the redline opens at.
const CONTEXT_ABOVE: usize = 2;

/// Two editions compared, and how their redline is shown.
#[derive(Clone, Debug)]
pub struct Redline {
    /// The old edition.
    pub old: Document,
    /// The new edition.
    pub new: Document,
    /// What changed.
    pub comparison: Comparison,
    /// The redline's name: "OLD → NEW".
    pub name: String,
    /// Formatting-only changes shown, marks instead of styles, folds opened.
    pub shape: Shape,
    /// For each change shown, its index among the changes and its block in the redline.
    changes: Vec<(usize, usize)>,
    /// Each fold: the row it starts at and its block.
    folds: Vec<(usize, usize)>,
    /// The open document the redline is shown as.
    pub doc: usize,
    /// The document whose changes it shows, when opened from it, and the paragraph the
    /// reader was on there (`D` goes back).
    pub from: Option<(usize, BlockId)>,
}

/// Two editions to compare once the reader is up, and how their redline is to be shown.
#[derive(Clone, Debug)]
pub struct ToCompare {
    /// The old edition.
    pub old: Document,
    /// The new edition.
    pub new: Document,
    /// The redline's name.
    pub name: String,
    /// Formatting-only changes shown from the start (`--strict`).
    pub strict: bool,
}

impl ToCompare {
    /// Compares the editions: the redline, and what to tell first.
    pub fn compared(self) -> (Redline, Vec<String>) {
        let comparison = compare(&self.old, &self.new);
        let cautions = comparison.cautions(&self.old, &self.new);
        let mut redline = Redline::new(self.old, self.new, comparison, self.name);
        redline.shape.strict = self.strict;
        (redline, cautions)
    }
}

/// The edition of an open document last read, when the document has changed since.
#[derive(Clone, Debug)]
pub struct LastRead {
    /// The edition last read.
    pub old: crate::doc::Document,
    /// What changed since.
    pub summary: Summary,
    /// The share of paragraphs it has in common with the document open.
    pub common: f64,
    /// Whether its redline was shown (until then, it stays the edition last read).
    pub shown: bool,
}

impl Redline {
    /// Two editions compared, not yet shown.
    pub fn new(old: Document, new: Document, comparison: Comparison, name: String) -> Redline {
        Redline {
            old,
            new,
            comparison,
            name,
            shape: Shape::default(),
            changes: Vec::new(),
            folds: Vec::new(),
            doc: 0,
            from: None,
        }
    }

    /// The redline as a document, with where its changes and folds are.
    fn document(&mut self) -> Document {
        let built = build(
            &self.old,
            &self.new,
            &self.comparison,
            &self.name,
            &self.shape,
        );
        self.changes = built.changes;
        self.folds = built.folds;
        built.document
    }

    /// The summary line: what changed, and whether formatting-only changes are shown.
    pub fn summary(&self) -> String {
        self.comparison.summary().line(self.shape.strict)
    }
}

impl App {
    /// Shows a redline in the reader, in place of the first document open, with what to
    /// tell first.
    pub fn open_redline(&mut self, mut redline: Redline, cautions: &[String]) {
        redline.shape.marks = !self.color;
        redline.shape.noted = self.noted(0);
        let doc = redline.document();
        let summary = redline.summary();
        self.redline = Some(redline);
        self.replace_document(0, doc);
        self.top = 0;
        self.first_change_in_view();
        match cautions.first() {
            Some(first) => self.notify(format!("{first}; {summary}"), true),
            None => self.notify(summary, false),
        }
    }

    /// An open document differs from the edition last read of it, with which it has a
    /// share `common` of paragraphs in common: says so (or, sharing little, that it is not
    /// that document), and keeps the edition for `D`.
    pub(super) fn changed_since_read(
        &mut self,
        doc: usize,
        old: crate::doc::Document,
        summary: Summary,
        common: f64,
    ) {
        let Some(name) = self.docs.get(doc).map(|d| d.name.clone()) else {
            return;
        };
        self.last_read.insert(
            doc,
            LastRead {
                old,
                summary,
                common,
                shown: false,
            },
        );
        let key = self.keymap.hint_key(Mode::Reader, Action::ShowChanges);
        let said = if common < SHARE_LITTLE {
            // Another briefing saved under the same name: not an edition of the one read.
            let show = key
                .map(|k| format!("; {k} compares the two"))
                .unwrap_or_default();
            format!(
                "{name}: {NOT_THE_ONE_READ} ({:.0}% of paragraphs in common){show}",
                common * 100.0
            )
        } else {
            let show = key
                .map(|k| format!("; {k} shows what changed"))
                .unwrap_or_default();
            format!("{name}: {CHANGED_SINCE} ({}){show}", summary.short())
        };
        self.notify(said, false);
    }

    /// `D`: the redline of this document against the edition last read of it; from the
    /// redline, back to the document.
    fn show_changes(&mut self) {
        if let Some(r) = &self.redline
            && r.doc == self.doc
        {
            match r.from {
                Some((from, at)) => self.show_block(from, Some(at)),
                None => self.notify("This is the redline already", false),
            }
            return;
        }
        let Some(last) = self.last_read.get_mut(&self.doc) else {
            self.notify(
                "Nothing changed in substance since you last read this (or it was not read before)",
                false,
            );
            return;
        };
        last.shown = true;
        let current = self.docs[self.doc].clone();
        let comparison = compare(&last.old, &current);
        let cautions = comparison.cautions(&last.old, &current);
        let name = match last.common < SHARE_LITTLE {
            true => format!("{}: against the briefing last read from it", current.name),
            false => format!("{}: changes since you last read it", current.name),
        };
        let mut redline = Redline::new(last.old.clone(), current, comparison, name);
        redline.shape.marks = !self.color;
        redline.shape.noted = self.noted(self.doc);
        redline.from = Some((self.doc, self.current_block()));
        let document = redline.document();
        let summary = redline.summary();
        // One redline at a time: a new one takes the place of the last.
        let at = match self.redline.take() {
            Some(old) if old.from.is_some() => {
                redline.doc = old.doc;
                self.redline = Some(redline);
                self.replace_document(old.doc, document);
                old.doc
            }
            _ => {
                let at = self.docs.len();
                redline.doc = at;
                self.redline = Some(redline);
                self.add_documents(
                    vec![super::message::Arrival {
                        key: format!("redline:{}", document.name),
                        countries: Default::default(),
                        doc: document,
                    }],
                    0,
                    0,
                );
                at
            }
        };
        self.show_block(at, None);
        self.first_change_in_view();
        match cautions.first() {
            Some(first) => self.notify(format!("{first}; {summary}"), true),
            None => self.notify(summary, false),
        }
    }

    /// Brings the redline's first change into view, a little below the top, when its
    /// first screen does not show it.
    fn first_change_in_view(&mut self) {
        let Some(&(_, block)) = self.redline.as_ref().and_then(|r| r.changes.first()) else {
            return;
        };
        let line = self.layout.block_start(BlockId(block));
        let height = usize::from(self.reader_size().1);
        if line + CONTEXT_ABOVE >= self.top + height {
            self.jump_to(line.saturating_sub(CONTEXT_ABOVE));
        }
    }

    /// The paragraphs of an open document the reader marked, with what the redline says of
    /// them: "your note: …", "your bookmark".
    fn noted(&self, doc: usize) -> std::collections::HashMap<usize, String> {
        let mut out = std::collections::HashMap::new();
        for b in self.annotations.bookmarks.iter().filter(|b| b.doc == doc) {
            if let Some(block) = b.block() {
                let label = match &b.item.name {
                    Some(name) => format!("your bookmark “{name}”"),
                    None => "your bookmark".to_string(),
                };
                out.insert(block.0, label);
            }
        }
        for n in self.annotations.notes.iter().filter(|n| n.doc == doc) {
            if let Some(block) = n.block() {
                let first: String = n
                    .item
                    .body
                    .lines()
                    .next()
                    .unwrap_or("")
                    .chars()
                    .take(60)
                    .collect();
                out.insert(block.0, format!("your note: {first}"));
            }
        }
        out
    }

    /// Builds the redline again (formatting shown or hidden, a fold opened), keeping the
    /// place.
    fn redraw_redline(&mut self) {
        let Some(mut redline) = self.redline.take() else {
            return;
        };
        let doc = redline.document();
        let at = redline.doc;
        self.redline = Some(redline);
        self.replace_document(at, doc);
    }

    /// A redline's own actions; false when the action is not one (or no redline is open).
    pub(super) fn redline_action(&mut self, action: Action) -> bool {
        if action == Action::ShowChanges {
            self.show_changes();
            return true;
        }
        if self.redline.as_ref().is_some_and(|r| r.doc != self.doc) {
            if matches!(
                action,
                Action::NextChange | Action::PrevChange | Action::ToggleStrict
            ) {
                let show = self
                    .keymap
                    .hint_key(Mode::Reader, Action::ShowChanges)
                    .map(|k| format!(": {k} shows what changed since you last read this"))
                    .unwrap_or_default();
                self.notify(format!("Not a redline{show}"), false);
                return true;
            }
            return false;
        }
        let screen = self.top..self.top + usize::from(self.reader_size().1);
        let folds_on_screen: Vec<usize> = self
            .redline
            .as_ref()
            .map(|r| {
                r.folds
                    .iter()
                    .filter(|&&(_, b)| screen.contains(&self.layout.block_start(BlockId(b))))
                    .map(|&(row, _)| row)
                    .collect()
            })
            .unwrap_or_default();
        let Some(redline) = self.redline.as_mut() else {
            if matches!(
                action,
                Action::NextChange | Action::PrevChange | Action::ToggleStrict
            ) {
                self.notify(
                    "Not a redline: brief diff OLD NEW shows what changed",
                    false,
                );
                return true;
            }
            return false;
        };
        match action {
            Action::ToggleStrict => {
                redline.shape.strict = !redline.shape.strict;
                self.redraw_redline();
                let summary = self
                    .redline
                    .as_ref()
                    .map(Redline::summary)
                    .unwrap_or_default();
                self.notify(summary, false);
            }
            Action::NextChange | Action::PrevChange => {
                self.go_to_change(action == Action::NextChange)
            }
            Action::Follow => {
                let Some(&row) = folds_on_screen.first() else {
                    return false;
                };
                redline.shape.unfolded.insert(row);
                self.redraw_redline();
                self.notify("Unchanged paragraphs shown", false);
            }
            _ => return false,
        }
        true
    }

    /// Goes to the next (or previous) change from the top of the reader, and says what it is.
    fn go_to_change(&mut self, forward: bool) {
        let Some(redline) = self.redline.as_ref() else {
            return;
        };
        let starts: Vec<(usize, usize, usize)> = redline
            .changes
            .iter()
            .enumerate()
            .map(|(n, &(i, b))| (n, i, self.layout.block_start(BlockId(b))))
            .collect();
        let found = if forward {
            starts.iter().find(|&&(_, _, l)| l > self.top)
        } else {
            starts.iter().rev().find(|&&(_, _, l)| l < self.top)
        };
        let total = starts.len();
        match found {
            Some(&(n, i, line)) => {
                let change = &redline.comparison.changes[i];
                let mut said = format!("Change {} of {total}: {}", n + 1, change.described());
                if let Some(note) = &change.note {
                    said.push_str(&format!(" ({note})"));
                }
                self.jump_to(line);
                self.notify(said, false);
            }
            None if total == 0 => {
                let strict = self
                    .keymap
                    .hint_key(Mode::Reader, Action::ToggleStrict)
                    .map(|k| format!(" ({k} shows formatting changes)"))
                    .unwrap_or_default();
                self.notify(format!("No changes shown{strict}"), false)
            }
            None if forward => self.notify("No change after this one", false),
            None => self.notify("No change before this one", false),
        }
    }
}
