//! Links and footnotes as a reader follows them: the Links view lists a document's links and
//! footnote references, `Enter` copies a URL or goes where the link leads (a footnote's
//! definition, another open document, a briefing file beside this one), `Ctrl-o` comes back.

mod common;

use brief::app::outline_pane::OutlineView;
use brief::app::{App, Effect};
use brief::doc::open::OpenOptions;
use brief::keymap::Key;
use brief::keymap::chord::NamedKey;
use brief::vocabulary::Mode;

const STATEMENT: &str = "# Joint statement\n\n\
The parties welcomed the [Astana Declaration](https://www.example.org/astana) \
and the summit in Tianjin.[^1]\n\n\
Paragraph two, with no link at all.\n\n\
See the [annex](annex.md) and the [press release](release.md).\n\n\
## Notes\n\n\
[^1]: Held on 31 August 2025.\n";

/// The Links view's entries as it lists them.
fn link_titles(app: &App) -> Vec<&str> {
    app.links_view
        .tree
        .entries
        .iter()
        .map(|e| e.title.as_str())
        .collect()
}

fn enter() -> Key {
    Key::named(NamedKey::Enter)
}

/// Presses a key and follows the links to files it asks to, as the event loop does.
fn press_following(app: &mut App, key: Key) -> Vec<Effect> {
    let mut rest = Vec::new();
    for effect in app.press(key) {
        match effect {
            Effect::Follow(link) => {
                for message in brief::effects::follow(app, &link, OpenOptions::default()) {
                    rest.extend(app.receive(message));
                }
            }
            other => rest.push(other),
        }
    }
    rest
}

fn to_block(app: &mut App, needle: &str) {
    let block = common::block_with(app, needle);
    while app.current_block() != block {
        app.press(Key::char('}'));
    }
}

fn setup() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    // Long enough to scroll.
    let filler = "A paragraph of the statement that says nothing of note.\n\n".repeat(40);
    let text = STATEMENT.replace("## Notes", &format!("{filler}## Notes"));
    std::fs::write(dir.path().join("statement.md"), text).unwrap();
    std::fs::write(dir.path().join("annex.md"), "# Annex\n\nThe annex.\n").unwrap();
    std::fs::write(
        dir.path().join("release.md"),
        "# Press release\n\nReleased.\n",
    )
    .unwrap();
    let app = common::app_on(&[dir.path().join("statement.md"), dir.path().join("annex.md")]);
    (dir, app)
}

#[test]
fn the_links_view_lists_links_and_footnotes_and_enter_copies_a_url() {
    let (_dir, mut app) = setup();
    app.press(Key::char('L'));
    assert_eq!((app.mode(), app.view), (Mode::Outline, OutlineView::Links));
    let titles = link_titles(&app);
    assert_eq!(
        titles,
        [
            "Astana Declaration → https://www.example.org/astana",
            "[1] footnote",
            "annex → annex.md",
            "press release → release.md",
        ]
    );
    let effects = app.press(enter());
    assert_eq!(
        effects,
        [Effect::Copy {
            text: "https://www.example.org/astana".into(),
            what: "https://www.example.org/astana".into(),
        }]
    );
    // The screen lists them.
    let screen = common::draw(&app);
    assert!(screen.contains("Links"), "{screen}");
}

#[test]
fn enter_on_a_footnote_reference_goes_to_its_definition_and_ctrl_o_comes_back() {
    let (_dir, mut app) = setup();
    to_block(&mut app, "Astana");
    app.press(Key::char('L'));
    app.press(Key::char('j'));
    app.press(enter());
    assert_eq!(app.mode(), Mode::Reader);
    let definition = common::block_with(&app, "Held on 31 August");
    assert_eq!(app.current_block(), definition);
    app.press(Key::ctrl('o'));
    assert_eq!(app.current_block(), common::block_with(&app, "Astana"));
}

#[test]
fn enter_in_the_reader_follows_the_one_link_or_lists_several() {
    let (_dir, mut app) = setup();
    // A paragraph with a link and a footnote: the Links view, at its first link.
    to_block(&mut app, "Astana");
    app.press(enter());
    assert_eq!(app.view, OutlineView::Links);
    assert_eq!(app.links_view.pane.selected, 0);
    app.press(Key::named(NamedKey::Esc));
    // A paragraph without links: down a line, as before.
    to_block(&mut app, "Paragraph two");
    let top = app.top;
    app.press(enter());
    assert_eq!((app.mode(), app.top), (Mode::Reader, top + 1));
}

#[test]
fn a_link_to_an_open_document_goes_there_and_to_a_file_beside_opens_it() {
    let (dir, mut app) = setup();
    app.press(Key::char('L'));
    app.press(Key::char('j'));
    app.press(Key::char('j'));
    press_following(&mut app, enter());
    assert_eq!(app.doc, 1, "annex.md is open: the reader shows it");
    app.press(Key::ctrl('o'));
    assert_eq!(app.doc, 0);
    app.press(Key::char('L'));
    app.press(Key::char('G'));
    assert!(press_following(&mut app, enter()).is_empty());
    let release = dir.path().join("release.md").canonicalize().unwrap();
    let shown = app
        .document()
        .path
        .as_ref()
        .map(|p| p.canonicalize().unwrap());
    assert_eq!(
        (app.doc, shown),
        (2, Some(release)),
        "release.md is read and shown"
    );
    app.press(Key::ctrl('o'));
    assert_eq!(app.doc, 0, "and Ctrl-o comes back");
}

#[test]
fn a_web_page_keeps_its_links_and_a_document_without_any_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<html><body><article><h1>Briefing</h1>\
        <p>Read the <a href=\"https://example.org/full\">full text</a> and the \
        <a href=\"javascript:void(0)\">menu</a> of the ministry, which publishes it.</p>\
        <p>Another paragraph of the article, long enough to be one.</p></article></body></html>";
    std::fs::write(dir.path().join("page.html"), page).unwrap();
    std::fs::write(dir.path().join("plain.md"), "# Plain\n\nNo links.\n").unwrap();
    let mut app = common::app_on(&[dir.path().join("page.html")]);
    app.press(Key::char('L'));
    let titles = link_titles(&app);
    assert_eq!(titles, ["full text → https://example.org/full"]);
    let mut app = common::app_on(&[dir.path().join("plain.md")]);
    app.press(Key::char('L'));
    assert_eq!(app.mode(), Mode::Reader);
    let said = app.message.as_ref().map(|m| m.text.as_str());
    assert_eq!(said, Some("This document has no links or footnotes"));
}

#[test]
fn an_html_link_in_markdown_a_missing_file_and_a_heading_in_another_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "# A\n\nSee <a href=\"https://example.org/inline\">an inline anchor</a>.\n\n\
         [gone](nothere.md) and [part](b.md#second-part).\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        "# B\n\nText.\n\n## Second part\n\nMore.\n",
    )
    .unwrap();
    let mut app = common::app_on(&[dir.path().join("a.md"), dir.path().join("b.md")]);
    app.press(Key::char('L'));
    let titles = link_titles(&app);
    assert_eq!(
        titles,
        [
            "an inline anchor → https://example.org/inline",
            "gone → nothere.md",
            "part → b.md#second-part",
        ]
    );
    // The whole address is on the status line.
    assert!(common::draw(&app).contains("→ https://example.org/inline"));
    app.press(Key::char('j'));
    assert!(press_following(&mut app, enter()).is_empty());
    let said = app.message.as_ref().map(|m| m.text.as_str());
    assert_eq!(said, Some("nothere.md: no such file beside this document"));
    app.press(Key::char('j'));
    press_following(&mut app, enter());
    assert_eq!(app.doc, 1);
    let second = app.docs[1]
        .blocks
        .iter()
        .position(|b| b.text() == "Second part")
        .unwrap();
    assert_eq!(app.current_block().0, second);
}
