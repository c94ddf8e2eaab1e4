//! Open briefings changed on disk: each new edition is read here, at the edge, and told to
//! the app as a message, as is a briefing removed from disk.

use std::path::PathBuf;

use crate::app::{App, Message};
use crate::doc::open::{OpenOptions, open_paths};
use crate::reload;

/// Reads changed briefings again, or finds them gone: what the app is told.
pub(super) fn changes(app: &App, paths: &[PathBuf], options: OpenOptions) -> Vec<Message> {
    let mut told = Vec::new();
    for path in paths {
        let Some(i) = app.docs.iter().position(|d| {
            d.path
                .as_ref()
                .is_some_and(|p| reload::canonical(p) == *path)
        }) else {
            continue;
        };
        if !path.exists() {
            told.push(Message::Gone(i));
            continue;
        }
        let mut opened = open_paths(std::slice::from_ref(path), options);
        match (opened.documents.pop(), opened.errors.first()) {
            (Some(mut doc), _) => {
                // Keep the name it was opened under.
                doc.name = app.docs[i].name.clone();
                doc.path = app.docs[i].path.clone();
                told.push(Message::Reloaded(i, Box::new(doc)));
            }
            (None, Some(e)) => told.push(Message::said(format!("Not reloaded: {e}"), true)),
            (None, None) => {}
        }
    }
    told
}
