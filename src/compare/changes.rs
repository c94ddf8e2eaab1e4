//! What a comparison finds: the changes between two editions, how many of each kind, and
//! the order the new edition's paragraphs and the changes come in (for the redline).

use std::ops::Range;

use super::wording::Piece;

/// What happened to a passage between two editions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// Its wording changed.
    Amended,
    /// It is new.
    Inserted,
    /// It was taken out.
    Deleted,
    /// It stands somewhere else (perhaps reworded too).
    Moved,
    /// Only its number changed, because one before it was inserted or deleted.
    Renumbered,
    /// Only the numbers it cites changed, following the renumbering.
    References,
    /// Only how it is set changed: spacing, re-wrapping, punctuation width, quotes, list
    /// markers, emphasis, a split or a merge with the same words.
    Formatting,
}

impl ChangeKind {
    /// The kind's name as the JSON output and the summary write it.
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Amended => "amended",
            ChangeKind::Inserted => "inserted",
            ChangeKind::Deleted => "deleted",
            ChangeKind::Moved => "moved",
            ChangeKind::Renumbered => "renumbered",
            ChangeKind::References => "references",
            ChangeKind::Formatting => "formatting_only",
        }
    }

    /// Whether the change is one of substance: what the text says changed. A renumbering
    /// and the cross-references that follow it are consequences, not changes of substance.
    pub fn is_substance(self) -> bool {
        matches!(
            self,
            ChangeKind::Amended | ChangeKind::Inserted | ChangeKind::Deleted | ChangeKind::Moved
        )
    }
}

/// One edition's side of a change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Side {
    /// The blocks of the edition's document it covers.
    pub blocks: Range<usize>,
    /// The line of the file where it starts.
    pub line: usize,
    /// Its text (the blocks' texts, one a line).
    pub text: String,
    /// The headings it stands under, `›` between them.
    pub section: String,
}

impl Side {
    /// Where the passage stands, as a reader says it: its section and line, else its line.
    pub fn place(&self) -> String {
        if self.section.is_empty() {
            format!("line {}", self.line)
        } else {
            format!("“{}” (line {})", self.section, self.line)
        }
    }
}

/// A change between two editions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// What happened.
    pub kind: ChangeKind,
    /// The passage in the old edition (none when inserted).
    pub old: Option<Side>,
    /// The passage in the new edition (none when deleted).
    pub new: Option<Side>,
    /// The difference, word by word: for an insertion or deletion, its whole text.
    pub pieces: Vec<Piece>,
    /// The paragraph's own number, old and new, when it was renumbered.
    pub renumbered: Option<(String, String)>,
    /// What else a reader should know: "split in two", "number changed", "too long to
    /// compare word by word".
    pub note: Option<String>,
}

impl Change {
    /// The section the change is listed under: the new edition's, or the old's when the
    /// passage is gone.
    pub fn section(&self) -> &str {
        self.new
            .as_ref()
            .or(self.old.as_ref())
            .map_or("", |s| s.section.as_str())
    }

    /// The change's name as a reader says it: "article deleted", "paragraph amended".
    pub fn described(&self) -> String {
        let what = match self.old.as_ref().or(self.new.as_ref()) {
            Some(side) if side.blocks.len() > 1 && self.kind != ChangeKind::Formatting => {
                format!("{} paragraphs", side.blocks.len())
            }
            _ => "paragraph".to_string(),
        };
        let article = self.old.as_ref().or(self.new.as_ref()).is_some_and(|s| {
            super::numbering::leading(&s.text)
                .is_some_and(|(n, _)| n.style == "条" || n.style == "article")
        });
        let what = if article { "article".to_string() } else { what };
        match self.kind {
            ChangeKind::Formatting => "formatting only".to_string(),
            ChangeKind::References => "cross-references renumbered".to_string(),
            kind => format!("{what} {}", kind.name()),
        }
    }
}

/// How many changes of each kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Passages reworded.
    pub amended: usize,
    /// Passages new in the new edition.
    pub inserted: usize,
    /// Passages taken out.
    pub deleted: usize,
    /// Passages moved.
    pub moved: usize,
    /// Paragraphs whose own number changed, following an insertion or deletion.
    pub renumbered: usize,
    /// Paragraphs whose cross-references were rewritten to follow the renumbering.
    pub references: usize,
    /// Changes of form only.
    pub formatting_only: usize,
}

impl Summary {
    /// The changes of substance: amended, inserted, deleted and moved passages.
    pub fn substance(&self) -> usize {
        self.amended + self.inserted + self.deleted + self.moved
    }

    /// The changes of substance in a few words: "3 amended, 1 new".
    pub fn short(&self) -> String {
        [
            (self.amended, "amended"),
            (self.inserted, "new"),
            (self.deleted, "deleted"),
            (self.moved, "moved"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect::<Vec<_>>()
        .join(", ")
    }

    /// The summary as a line: "3 amended, 1 deleted, 61 renumbered, 2 moved; 9
    /// formatting changes hidden".
    pub fn line(&self, strict: bool) -> String {
        let mut parts: Vec<String> = [
            (self.amended, "amended"),
            (self.inserted, "inserted"),
            (self.deleted, "deleted"),
            (self.moved, "moved"),
            (self.renumbered, "renumbered"),
            (self.references, "citing renumbered articles"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        if parts.is_empty() {
            parts.push("no change of substance".to_string());
        }
        let mut line = parts.join(", ");
        if self.formatting_only > 0 {
            let plural = if self.formatting_only == 1 { "" } else { "s" };
            let shown = if strict { "shown" } else { "hidden" };
            line.push_str(&format!(
                "; {} formatting change{plural} {shown}",
                self.formatting_only
            ));
        }
        line
    }
}

/// Where a paragraph of the redline comes from, in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A paragraph in both editions, unchanged: its block in each.
    Same {
        /// The block in the old edition.
        old: usize,
        /// The block in the new edition.
        new: usize,
    },
    /// A change, where its new wording stands (or its old one, when deleted).
    Change(usize),
    /// Where a moved passage stood before.
    MovedAway(usize),
}

/// Under this share of paragraphs in common, two editions share little: they may not be
/// editions of one document at all.
pub const SHARE_LITTLE: f64 = 0.3;

/// Two editions compared.
#[derive(Clone, Debug, Default)]
pub struct Comparison {
    /// The changes, in the new edition's order.
    pub changes: Vec<Change>,
    /// The redline's paragraphs in reading order.
    pub rows: Vec<Row>,
    /// The share of paragraphs the editions have in common, 0 to 1.
    pub common: f64,
    /// How many paragraphs were too long to compare word by word.
    pub too_long: usize,
    /// Whether the two editions are the same text, form and all.
    pub identical: bool,
}

impl Comparison {
    /// How many changes of each kind.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for c in &self.changes {
            match c.kind {
                ChangeKind::Amended => s.amended += 1,
                ChangeKind::Inserted => s.inserted += 1,
                ChangeKind::Deleted => s.deleted += 1,
                ChangeKind::Moved => s.moved += 1,
                ChangeKind::Renumbered => {}
                ChangeKind::References => s.references += 1,
                ChangeKind::Formatting => s.formatting_only += 1,
            }
            if c.renumbered.is_some() {
                s.renumbered += 1;
            }
        }
        s
    }

    /// What a reader should be told before the changes: an edition is empty, the two are
    /// the same, share little, or had passages too long to compare word by word.
    pub fn cautions(&self, old: &crate::doc::Document, new: &crate::doc::Document) -> Vec<String> {
        let mut said = Vec::new();
        let empty = |d: &crate::doc::Document| d.blocks.iter().all(|b| b.text().trim().is_empty());
        for doc in [old, new] {
            if empty(doc) && !(empty(old) && empty(new)) {
                said.push(format!(
                    "{} is empty: everything in the other edition counts as changed",
                    doc.name
                ));
            }
        }
        if self.identical {
            said.push("the two editions are the same".to_string());
        } else if self.common < SHARE_LITTLE && said.is_empty() {
            said.push(format!(
                "the editions share little: {:.0}% of paragraphs in common, perhaps not editions of one document",
                self.common * 100.0
            ));
        }
        if self.too_long > 0 {
            let (n, was) = (
                self.too_long,
                if self.too_long == 1 { " was" } else { "s were" },
            );
            said.push(format!(
                "{n} passage{was} too long to compare word by word: shown deleted and inserted whole"
            ));
        }
        said
    }

    /// The changes a reader is shown: all of them under `strict`, else those of substance
    /// and their consequences (formatting-only changes hidden).
    pub fn shown(&self, strict: bool) -> impl Iterator<Item = (usize, &Change)> {
        self.changes
            .iter()
            .enumerate()
            .filter(move |(_, c)| strict || c.kind != ChangeKind::Formatting)
    }
}
