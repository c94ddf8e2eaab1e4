//! Drafts: the note being written is kept every few seconds while it changes, and when brief
//! is stopped; one left over from an earlier run is offered again.

use super::Notes;
use crate::app::{App, Message};
use crate::store::Draft;

impl Notes {
    /// The newest draft left over from an earlier run, if any.
    pub fn leftover_draft(&self, app: &App) -> Option<Draft> {
        self.store.as_ref()?.latest_draft(&app.doc_keys).ok()?
    }

    /// Saves the draft of the note being written, if it changed. Without a database the
    /// draft waits for the note to be saved (or for [`Notes::save_before_exit`]).
    pub fn save_draft(&self, app: &mut App) {
        let told = self.keep_draft(app, false);
        self.deliver(app, told, &mut std::io::sink());
    }

    /// brief is ending (a signal, or the terminal went away): keeps the note being written,
    /// as a draft, or in the recovery file when there is no database.
    pub fn save_before_exit(&self, app: &mut App) {
        let told = self.keep_draft(app, true);
        self.deliver(app, told, &mut std::io::sink());
    }

    /// Keeps the note being written as a draft when it changed since the last one; without
    /// a database, only when brief is `ending` (in the recovery file).
    pub(super) fn keep_draft(&self, app: &App, ending: bool) -> Vec<Message> {
        let Some((draft, revision)) = app.draft_due() else {
            return Vec::new();
        };
        let kept = |id| Message::DraftKept { id, revision };
        match &self.store {
            Some(store) => match store.save_draft(&draft) {
                Ok(id) => vec![kept(id)],
                Err(e) => vec![kept(draft.id), self.recover(&draft.note, &e.to_string())],
            },
            None if ending => vec![
                kept(draft.id),
                self.recover(&draft.note, "the notes database is not open"),
            ],
            None => Vec::new(),
        }
    }
}
