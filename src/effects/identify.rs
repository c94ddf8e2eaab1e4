//! Which stored document each newly opened file is, as the reader asks the store (see
//! [`crate::store::documents`]): files with notes of their own first, then the others by
//! their path's answers and their content. A certain match is taken and kept; a plausible
//! one is asked about.

use crate::app::{App, Message};
use crate::store::documents::{Answer, Identity, OpenKeys};
use crate::store::{self, Store};

/// More files than this opened at once are matched to documents with notes by title before
/// their content is compared (comparing every file of a large library would hold up the
/// reader).
const COMPARED_AT_ONCE: usize = 50;

/// Finds which stored document each newly opened file is: files whose own path has notes
/// first, then the others by their path's answers and their content. A certain match is
/// taken and kept; a plausible one is asked about. Returns what the app is told, and the
/// documents' keys as they are once it is told.
pub(super) fn identify(
    store: &Store,
    app: &App,
) -> Result<(Vec<Message>, Vec<String>), store::StoreError> {
    let mut keys = app.doc_keys.clone();
    let mut told = Vec::new();
    let new: Vec<usize> = (0..app.docs.len())
        .filter(|&i| !app.identified[i])
        .collect();
    if new.is_empty() {
        return Ok((told, keys));
    }
    // Files with notes of their own are their own documents, first (unless a question
    // about them was put off).
    let mut settled = vec![false; app.docs.len()];
    for &i in &new {
        let own = &app.doc_paths[i];
        if app.docs[i].path.is_none() || (store.count(own)? > 0 && !store.put_off(own)?) {
            settled[i] = true;
            told.push(Message::Identified {
                doc: i,
                key: keys[i].clone(),
            });
        }
    }
    let by_title_only = new.len() > COMPARED_AT_ONCE;
    let mut open = OpenKeys::new(&keys);
    let coming: std::collections::HashSet<String> = app.coming.iter().cloned().collect();
    for i in new {
        if settled[i] {
            continue;
        }
        // Another open file is its own document, and so is one still being read.
        let own = app.doc_paths[i].clone();
        let mine = keys[i].clone();
        let taken = |k: &str| open.other_than(&mine, k) || (k != own && coming.contains(k));
        let identity = store.identify(&own, &app.docs[i], &taken, by_title_only)?;
        let was = keys[i].clone();
        let mut ask = None;
        match identity {
            Identity::Own => {}
            Identity::Known(key) => keys[i] = key,
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
                told.push(Message::said(said, false));
                keys[i] = candidate.key;
            }
            Identity::Ask(candidate) => ask = Some(Message::MaybeEdition(i, candidate)),
        }
        told.push(Message::Identified {
            doc: i,
            key: keys[i].clone(),
        });
        told.extend(ask);
        open.rename(&was, &keys[i]);
    }
    Ok((told, keys))
}
