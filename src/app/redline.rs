//! The redline in the reader: two editions compared, shown as one document; `.`/`,` (or
//! the keymap's keys) go from change to change, `s` shows formatting-only changes too, and
//! `Enter` opens the fold on screen.

use crate::compare::Comparison;
use crate::compare::redline::{Shape, build};
use crate::doc::{BlockId, Document};
use crate::vocabulary::Action;

use super::App;

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
    /// Shows a redline in the reader, in place of the documents open.
    pub fn open_redline(&mut self, mut redline: Redline, marks: bool) {
        redline.shape.marks = marks;
        let doc = redline.document();
        let summary = redline.summary();
        self.redline = Some(redline);
        self.replace_document(0, doc);
        self.top = 0;
        self.notify(summary, false);
    }

    /// Builds the redline again (formatting shown or hidden, a fold opened), keeping the
    /// place.
    fn redraw_redline(&mut self) {
        let Some(mut redline) = self.redline.take() else {
            return;
        };
        let doc = redline.document();
        self.redline = Some(redline);
        self.replace_document(0, doc);
    }

    /// A redline's own actions; false when the action is not one (or no redline is open).
    pub(super) fn redline_action(&mut self, action: Action) -> bool {
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
            Action::NextChange | Action::PrevChange => self.to_change(action == Action::NextChange),
            Action::Follow => {
                let Some(&row) = folds_on_screen.first() else {
                    return false;
                };
                redline.shape.unfolded.insert(row);
                self.redraw_redline();
            }
            _ => return false,
        }
        true
    }

    /// Goes to the next (or previous) change from the top of the reader, and says what it is.
    fn to_change(&mut self, forward: bool) {
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
            None if total == 0 => self.notify("No changes shown", false),
            None if forward => self.notify("No change after this one", false),
            None => self.notify("No change before this one", false),
        }
    }
}
