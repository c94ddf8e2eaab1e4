//! Questions asked in the status line: a bookmark's name, where to write the export, and
//! whether to restore a note draft left over from an earlier run.

use super::{App, Effect, Mode};
use crate::doc::BlockId;
use crate::store::Draft;
use crate::store::anchor::Anchor;
use crate::store::document_key;

/// What the answer is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// The name of a new bookmark on this paragraph.
    BookmarkName {
        /// The document.
        doc: usize,
        /// The paragraph.
        block: BlockId,
    },
    /// The file the briefing note is written to.
    ExportPath,
    /// Enter restores this draft; Esc keeps it for later.
    RestoreDraft(Draft),
    /// Words the Library view's documents must hold (applied as they are typed).
    LibraryFilter,
}

/// A question and the answer typed so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    /// What it is for.
    pub purpose: Purpose,
    /// The question.
    pub label: String,
    /// The answer typed so far.
    pub input: String,
}

impl Prompt {
    /// Whether the answer is typed (the draft question only takes Enter or Esc).
    pub fn takes_text(&self) -> bool {
        !matches!(self.purpose, Purpose::RestoreDraft(_))
    }
}

impl App {
    /// Asks a question in the status line.
    pub(super) fn ask(&mut self, purpose: Purpose, label: impl Into<String>, input: String) {
        self.prompt = Some(Prompt {
            purpose,
            label: label.into(),
            input,
        });
        self.mode = Mode::Prompt;
    }

    /// Offers a draft left over from an earlier run.
    pub fn offer_draft(&mut self, draft: Draft) {
        let start: String = draft.note.body.chars().take(30).collect();
        self.ask(
            Purpose::RestoreDraft(draft),
            format!("An unsaved note was kept (“{start}…”). Enter: restore it · Esc: later"),
            String::new(),
        );
    }

    /// Enter on the prompt.
    pub(super) fn answer_prompt(&mut self) -> Vec<Effect> {
        let Some(prompt) = self.prompt.take() else {
            return Vec::new();
        };
        self.mode = Mode::Reader;
        let answer = prompt.input.trim().to_string();
        match prompt.purpose {
            Purpose::BookmarkName { doc, block } => {
                let d = &self.docs[doc];
                vec![Effect::AddBookmark {
                    document: document_key(d),
                    anchor: Anchor::of(d, block, None),
                    name: (!answer.is_empty()).then_some(answer),
                }]
            }
            Purpose::ExportPath => {
                if answer.is_empty() {
                    self.notify("Export cancelled: no file given", false);
                    return Vec::new();
                }
                vec![Effect::Export { path: answer }]
            }
            Purpose::RestoreDraft(draft) => {
                self.restore_draft(draft);
                Vec::new()
            }
            Purpose::LibraryFilter => {
                self.mode = super::Mode::Outline;
                Vec::new()
            }
        }
    }

    /// Esc on the prompt.
    pub(super) fn cancel_prompt(&mut self) {
        self.mode = Mode::Reader;
        match self.prompt.take().map(|p| p.purpose) {
            Some(Purpose::RestoreDraft(_)) => {
                self.notify("The draft is kept; it is offered again next time", false)
            }
            Some(Purpose::LibraryFilter) => {
                self.library_filter.clear();
                self.rebuild_library();
                self.mode = Mode::Outline;
            }
            _ => {}
        }
    }
}
