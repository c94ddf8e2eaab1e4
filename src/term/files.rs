//! Files read while the reader runs: new editions of open briefings, briefings removed from
//! disk, and a briefing a link leads to. Each is read here, at the edge, and told to the app
//! as a message.

use std::path::{Path, PathBuf};

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

/// Opens a briefing file a link leads to: the message that shows it (at the heading its
/// `#anchor` names), or says why it cannot be read.
pub(super) fn linked(path: &Path, anchor: Option<String>, options: OpenOptions) -> Option<Message> {
    let mut opened = open_paths(&[path.to_path_buf()], options);
    match (opened.documents.pop(), opened.errors.first()) {
        (Some(doc), _) => Some(Message::LinkedOpened(
            Box::new(super::sources::arrival(doc)),
            anchor,
        )),
        (None, Some(e)) => Some(Message::said(format!("Link not opened: {e}"), true)),
        (None, None) => None,
    }
}
