//! Documents read at the edge, with what the app needs of them that takes the file system or
//! the clock: what the app starts from, a document ready to join it, and the file a link
//! leads to, looked up and read.

use crate::app::{App, Arrival, Message, Start};
use crate::doc::Document;
use crate::doc::link_target::FileLink;
use crate::doc::open::{OpenOptions, open_paths};
use crate::index::countries::Countries;
use crate::index::gazetteer::Gazetteer;
use crate::store;

/// What the app starts from, read at the edge: each document's key in the store (its full
/// path, from the file system) and today's date (from the clock).
pub fn start(docs: Vec<Document>) -> Start {
    Start {
        keys: docs.iter().map(store::document_key).collect(),
        today: chrono::Local::now().format("%Y-%m-%d").to_string(),
        docs,
    }
}

/// What the app needs of a document that takes the file system or a long computation: its
/// store key and its places (found on the thread that read it).
pub fn prepare(doc: &Document) -> (String, Countries) {
    (
        store::document_key(doc),
        Countries::of_document(doc, Gazetteer::bundled()),
    )
}

/// A document read outside the app, ready to join it.
pub fn arrival(doc: Document) -> Arrival {
    let (key, countries) = prepare(&doc);
    Arrival {
        doc,
        key,
        countries,
    }
}

/// Follows a link to a briefing file: an open document is shown, a file beside is read and
/// shown; a file that is not there is said, and a path that is no readable file has its
/// address copied.
pub fn follow(app: &App, link: &FileLink, options: OpenOptions) -> Vec<Message> {
    let Ok(real) = link.path.canonicalize() else {
        return vec![if link.written.starts_with('/') {
            Message::LinkNotFollowed(link.target.clone())
        } else {
            Message::said(
                format!("{}: no such file beside this document", link.written),
                true,
            )
        }];
    };
    // An open document's key is the full path it was read from.
    let key = real.display().to_string();
    let open = (0..app.docs.len()).find(|&i| app.docs[i].path.is_some() && app.doc_paths[i] == key);
    if let Some(doc) = open {
        return vec![Message::LinkedShown(doc, link.anchor.clone())];
    }
    if !real.is_file() {
        return vec![Message::LinkNotFollowed(link.target.clone())];
    }
    let mut opened = open_paths(&[real], options);
    match (opened.documents.pop(), opened.errors.first()) {
        (Some(doc), _) => vec![Message::LinkedOpened(
            Box::new(arrival(doc)),
            link.anchor.clone(),
        )],
        (None, Some(e)) => vec![Message::said(format!("Link not opened: {e}"), true)],
        (None, None) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::link_target::{Destination, destination};
    use crate::keymap::Keymap;

    #[test]
    fn a_link_shows_an_open_document_reads_a_file_beside_and_says_when_none_is_there() {
        let dir = tempfile::tempdir().unwrap();
        let text = "[o](other.md) [t](third%20edition.md#x) [m](missing.md) [a](/nowhere/a.md)\n";
        std::fs::write(dir.path().join("t.md"), text).unwrap();
        std::fs::write(dir.path().join("other.md"), "# Other\n").unwrap();
        std::fs::write(dir.path().join("third edition.md"), "# Third\n").unwrap();
        let opened = open_paths(
            &[dir.path().join("t.md"), dir.path().join("other.md")],
            OpenOptions::default(),
        );
        let app = App::new(
            start(opened.documents),
            Keymap::preset("default").unwrap(),
            (80, 24),
        );
        let told: Vec<String> = app.docs[0].blocks[0]
            .links()
            .iter()
            .map(|l| match destination(l, &app.docs[0]) {
                Destination::File(link) => {
                    match follow(&app, &link, OpenOptions::default()).as_slice() {
                        [Message::LinkedShown(doc, None)] => format!("shown {doc}"),
                        [Message::LinkedOpened(arrival, anchor)] => {
                            format!("read {} at {anchor:?}", arrival.doc.name)
                        }
                        [Message::Said(notice)] => format!("said {}", notice.text),
                        [Message::LinkNotFollowed(target)] => format!("copied {target}"),
                        other => format!("{other:?}"),
                    }
                }
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            told,
            [
                "shown 1",
                "read third edition.md at Some(\"x\")",
                "said missing.md: no such file beside this document",
                "copied /nowhere/a.md",
            ]
        );
    }
}
