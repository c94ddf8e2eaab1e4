//! Which stored document each newly opened file is, as the reader asks the store (see
//! [`crate::store::documents`]): files with notes of their own first, then the others by
//! their path's answers and their content. A certain match is taken and kept; a plausible
//! one is asked about.

use crate::app::App;
use crate::store::documents::{Answer, Identity};
use crate::store::{self, Store};

/// More files than this opened at once are matched to documents with notes by title before
/// their content is compared (comparing every file of a large library would hold up the
/// reader).
const COMPARED_AT_ONCE: usize = 50;

/// Finds which stored document each newly opened file is: files whose own path has notes
/// first, then the others by their path's answers and their content. A certain match is
/// taken and kept; a plausible one is asked about.
pub(super) fn identify(store: &Store, app: &mut App) -> Result<(), store::StoreError> {
    let new: Vec<usize> = (0..app.docs.len())
        .filter(|&i| !app.identified[i])
        .collect();
    if new.is_empty() {
        return Ok(());
    }
    // Files with notes of their own are their own documents, first (unless a question
    // about them was put off).
    for &i in &new {
        let own = &app.doc_paths[i];
        if app.docs[i].path.is_none() || (store.count(own)? > 0 && !store.put_off(own)?) {
            app.identified[i] = true;
        }
    }
    let by_title_only = new.len() > COMPARED_AT_ONCE;
    for i in new {
        if app.identified[i] {
            continue;
        }
        app.identified[i] = true;
        // Another open file is its own document, and so is one still being read.
        let taken: Vec<String> = (0..app.docs.len())
            .filter(|&j| j != i)
            .map(|j| app.doc_keys[j].clone())
            .chain(
                app.coming
                    .iter()
                    .filter(|k| **k != app.doc_paths[i])
                    .cloned(),
            )
            .collect();
        let own = app.doc_paths[i].clone();
        match store.identify(&own, &app.docs[i], &taken, by_title_only)? {
            Identity::Own => {}
            Identity::Known(key) => app.doc_keys[i] = key,
            Identity::Found(candidate) => {
                store.decide(&own, &candidate.key, Answer::Yes)?;
                let from = candidate.file_name();
                let name = &app.docs[i].name;
                let said = if from == *name {
                    let was = candidate.path.as_deref().unwrap_or(&candidate.key);
                    format!("{name} was read from {was} before: its notes follow it here")
                } else {
                    format!("{name} is {from} under a new name or edition: its notes follow")
                };
                app.notify(said, false);
                app.doc_keys[i] = candidate.key;
            }
            Identity::Ask(candidate) => app.ask_to_attach(i, candidate),
        }
    }
    Ok(())
}
