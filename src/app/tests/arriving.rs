//! Documents arriving while the reader is open (a library's, read in the background): the
//! outline keeps what the user did in it, and the progress counts them all.

use super::*;

/// A second document arriving, as a library's do, the last of them.
fn arrive(app: &mut App, name: &str, text: &str) {
    arrive_of(app, name, text, (1, 1));
}

/// A document arriving, file `done` of `total` read.
fn arrive_of(app: &mut App, name: &str, text: &str, (done, total): (usize, usize)) {
    let doc = doc(name, text);
    let countries = crate::index::countries::Countries::of_document(
        &doc,
        crate::index::gazetteer::Gazetteer::bundled(),
    );
    app.receive(Message::DocumentsRead {
        arrivals: vec![super::super::message::Arrival {
            doc,
            key: name.to_string(),
            countries,
        }],
        done,
        total,
    });
}

const FIRST: &str = "# One\n\n## A\n\ntext\n\n### A1\n\ntext\n\n## B\n\ntext\n";
const SECOND: &str = "# Two\n\n## C\n\ntext\n\n### C1\n\ntext\n";

#[test]
fn documents_arriving_keep_the_selection_and_folds_made_in_the_outline() {
    let mut app = app_on(doc("one.md", FIRST));
    app.update(Action::FocusOutline);
    app.update(Action::Down);
    app.update(Action::Fold);
    app.update(Action::Down);
    let title = |app: &App| app.outline.entries[app.pane.selected].title.clone();
    assert_eq!(title(&app), "B");
    arrive(&mut app, "two.md", SECOND);
    assert_eq!(
        app.outline.entries[0].title, "one.md",
        "a node for each document now"
    );
    assert_eq!(title(&app), "B", "the selection stays on its entry");
    let a = app
        .outline
        .entries
        .iter()
        .position(|e| e.title == "A")
        .unwrap();
    assert!(app.pane.is_folded(a), "A stays folded");
    assert!(
        !app.pane.is_folded(app.outline.entries.len() - 2),
        "C arrived unfolded"
    );
}

#[test]
fn after_fold_all_documents_that_arrive_come_folded() {
    let mut app = app_on(doc("one.md", FIRST));
    app.update(Action::FocusOutline);
    app.update(Action::FoldAll);
    arrive(&mut app, "two.md", SECOND);
    let visible: Vec<String> = app
        .pane
        .visible(&app.outline)
        .iter()
        .map(|&i| app.outline.entries[i].title.clone())
        .collect();
    assert_eq!(visible, ["one.md", "two.md"]);
    assert_eq!(
        app.outline.entries[app.pane.selected].title, "one.md",
        "the selection on the fold that holds it"
    );
}

#[test]
fn the_progress_of_a_library_counts_the_document_shown_first() {
    let mut app = app_on(doc("one.md", FIRST));
    app.receive(Message::Reading(vec!["two.md".into(), "three.md".into()]));
    assert_eq!(app.loading, Some((1, 3)));
    arrive_of(&mut app, "two.md", SECOND, (1, 2));
    assert_eq!(app.loading, Some((2, 3)));
    arrive_of(&mut app, "three.md", SECOND, (2, 2));
    assert_eq!(app.loading, None);
    assert_eq!(app.docs.len(), 3);
}
