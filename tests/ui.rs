//! Snapshot tests of the screen, rendered with ratatui's TestBackend.

use brief::app::App;
use brief::doc::open::{OpenOptions, bundled};
use brief::doc::{Document, Format, ParseOptions};
use brief::keymap::Keymap;
use brief::ui;
use brief::vocabulary::Action;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn render(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| ui::draw(app, f)).unwrap();
    terminal
}

fn seed(size: (u16, u16)) -> App {
    App::new(
        brief::effects::start(vec![bundled(OpenOptions::default())]),
        Keymap::preset("default").unwrap(),
        size,
    )
}

#[test]
fn seed_first_screen_80x24() {
    insta::assert_snapshot!(render(&seed((80, 24))).backend());
}

#[test]
fn seed_first_screen_120x40() {
    insta::assert_snapshot!(render(&seed((120, 40))).backend());
}

#[test]
fn narrow_terminal_hides_the_outline_79x24() {
    insta::assert_snapshot!(render(&seed((79, 24))).backend());
}

#[test]
fn outline_focused_after_a_jump_80x24() {
    let mut app = seed((80, 24));
    apply(
        &mut app,
        &[
            Action::FocusOutline,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Go,
            Action::FocusOutline,
        ],
    );
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn help_overlay_80x24() {
    let mut app = seed((80, 24));
    app.update(Action::Help);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn help_overlay_vim_120x40() {
    let mut app = App::new(
        brief::effects::start(vec![bundled(OpenOptions::default())]),
        Keymap::preset("vim").unwrap(),
        (120, 40),
    );
    app.update(Action::Help);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn markdown_styles_and_lists_120x40() {
    let text = "# Joint statement\n\n**Dateline** text with *emphasis*, `code` and a [link](http://example.com).\n\n1.  First point that is long enough to wrap around the reader pane at this width, and then some more words.\n2.  Second point.\n\n> A quoted passage.\n\n(下转第七版)\n\n## Next section\n\nBody.\n";
    let doc = Document::parse(
        "styles.md",
        None,
        "UTF-8",
        text,
        Format::Markdown,
        ParseOptions::default(),
    );
    let app = App::new(
        brief::effects::start(vec![doc]),
        Keymap::preset("default").unwrap(),
        (120, 40),
    );
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn gbk_document_shows_its_encoding_in_the_status_line() {
    let doc = Document::parse(
        "page.txt",
        None,
        "GBK",
        "标题\n\n正文。\n",
        Format::Plain,
        ParseOptions::default(),
    );
    let app = App::new(
        brief::effects::start(vec![doc]),
        Keymap::preset("default").unwrap(),
        (80, 24),
    );
    let terminal = render(&app);
    let status: String = (0..80)
        .map(|x| terminal.backend().buffer()[(x, 23)].symbol().to_string())
        .collect();
    assert!(status.contains("page.txt [GBK]"), "{status}");
}

#[test]
fn control_characters_are_drawn_as_placeholders() {
    let raw = "Title\n\nred \u{1b}[31mtext\u{7} and \u{9b}2J end\n";
    let text = brief::doc::load::sanitize(raw);
    let doc = Document::parse(
        "ctl.txt",
        None,
        "UTF-8",
        &text,
        Format::Plain,
        ParseOptions::default(),
    );
    let app = App::new(
        brief::effects::start(vec![doc]),
        Keymap::preset("default").unwrap(),
        (80, 24),
    );
    let terminal = render(&app);
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol().to_string())
        .collect();
    assert!(screen.contains("␛[31mtext␇"), "{screen}");
    assert!(!screen.chars().any(|c| c.is_control()));
}

#[test]
fn every_character_of_the_visible_lines_is_drawn() {
    for size in [(100, 30), (80, 24), (79, 24), (120, 40), (60, 20)] {
        let app = seed(size);
        let terminal = render(&app);
        let buffer = terminal.backend().buffer();
        let reader_x = size.0 - app.reader_size().0 - 1;
        for (row, line) in app
            .layout
            .lines
            .iter()
            .skip(app.top)
            .take(usize::from(size.1) - 1)
            .enumerate()
        {
            let drawn: String = (reader_x..size.0)
                .map(|x| buffer[(x, row as u16)].symbol().to_string())
                .collect::<String>()
                .replace(' ', "");
            let expected: String = line
                .pieces(&app.document().blocks[line.block().0], app.layout.width)
                .iter()
                .map(|(t, _)| &**t)
                .collect::<String>()
                .replace(' ', "");
            assert!(
                drawn.contains(&expected),
                "{size:?} row {row}: drew {drawn:?}, expected {expected:?}"
            );
        }
    }
}

fn countries(size: (u16, u16)) -> App {
    let mut app = seed(size);
    apply(&mut app, &[Action::FocusOutline, Action::NextOutlineView]);
    app
}

fn apply(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(*action);
    }
}

/// In the Countries view: down to Kyrgyzstan, unfold it, down to its first sentence.
const TO_KYRGYZSTAN_FIRST_SENTENCE: [Action; 5] = [
    Action::Down,
    Action::Down,
    Action::Unfold,
    Action::Down,
    Action::Down,
];

#[test]
fn countries_view_80x24() {
    insta::assert_snapshot!(render(&countries((80, 24))).backend());
}

#[test]
fn countries_view_kyrgyzstan_unfolded_80x24() {
    let mut app = countries((80, 24));
    apply(&mut app, &TO_KYRGYZSTAN_FIRST_SENTENCE);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn jump_to_a_mention_highlights_it_80x24() {
    let mut app = countries((80, 24));
    apply(&mut app, &TO_KYRGYZSTAN_FIRST_SENTENCE);
    app.update(Action::Go);
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let reader_x = 80 - app.reader_size().0 - 1;
    let highlighted: String = (0..23)
        .flat_map(|y| (reader_x..80).map(move |x| (x, y)))
        .map(|(x, y)| &buffer[(x, y)])
        .filter(|c| c.bg == ratatui::style::Color::Yellow)
        .map(|c| c.symbol().to_string())
        .collect();
    assert_eq!(highlighted.replace(' ', ""), "吉尔吉斯共和国");
    insta::assert_snapshot!(terminal.backend());
}

/// The palette open over the bundled briefing with `query` typed and its matches in.
fn palette_showing(size: (u16, u16), query: &str) -> App {
    let mut app = seed(size);
    let index = brief::index::jump::JumpIndex::build(
        &app.docs,
        &app.countries,
        brief::index::gazetteer::Gazetteer::bundled(),
    );
    app.receive(brief::app::Message::JumpIndexReady(std::sync::Arc::new(
        index,
    )));
    app.update(Action::OpenJump);
    for c in query.chars() {
        app.press(brief::keymap::Key::char(c));
    }
    let index = app.jump_index.clone().unwrap();
    let found = index
        .search(&brief::index::jump::Query::parse(query), None, &|| false)
        .unwrap();
    app.receive(brief::app::Message::Matches(app.palette.generation, found));
    app
}

#[test]
fn jump_palette_with_a_pinyin_query_80x24() {
    let app = palette_showing((80, 24), "zjwtl");
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn palette_keeps_a_persons_name_in_view_when_the_office_matched() {
    let app = palette_showing((80, 24), "+guowuyuanzongli");
    let screen = render(&app).backend().to_string();
    assert!(
        screen.contains("+ 李强 — 中华人民共和国国务院总理 (CN)"),
        "{screen}"
    );
}

#[test]
fn countries_header_shows_the_filter() {
    let mut app = seed((100, 30));
    app.update(Action::FocusOutline);
    app.update(Action::NextOutlineView);
    let kg = brief::index::gazetteer::Gazetteer::bundled()
        .by_code("KG")
        .unwrap();
    app.filter.push(kg);
    let screen = render(&app).backend().to_string();
    let header = screen.lines().next().unwrap_or_default();
    assert!(
        header.contains("Countries") && header.contains("· Kyrgyz"),
        "{header}"
    );
}

#[test]
fn search_line_shows_the_count_80x24() {
    let mut app = seed((80, 24));
    app.update(Action::Search);
    for c in "双方".chars() {
        app.press(brief::keymap::Key::char(c));
    }
    let terminal = render(&app);
    let status: String = (0..80)
        .map(|x| terminal.backend().buffer()[(x, 23)].symbol().to_string())
        .collect();
    assert!(status.replace(' ', "").starts_with("/双方"), "{status}");
    assert!(status.trim_end().ends_with("1/32"), "{status}");
}

#[test]
fn tiny_terminals_draw_every_mode_without_panicking() {
    for size in [(1, 1), (2, 2), (10, 3), (20, 5), (33, 8), (45, 12)] {
        let mut app = seed(size);
        let index = brief::index::jump::JumpIndex::build(
            &app.docs,
            &app.countries,
            brief::index::gazetteer::Gazetteer::bundled(),
        );
        app.receive(brief::app::Message::JumpIndexReady(std::sync::Arc::new(
            index,
        )));
        render(&app);
        for actions in [
            vec![Action::Help],
            vec![Action::FocusOutline],
            vec![
                Action::FocusOutline,
                Action::NextOutlineView,
                Action::UnfoldAll,
            ],
            vec![Action::OpenJump],
            vec![Action::Search],
            vec![Action::ToggleOutline, Action::Bottom],
        ] {
            let mut app = app.clone();
            apply(&mut app, &actions);
            let found = app
                .jump_index
                .clone()
                .unwrap()
                .search(&brief::index::jump::Query::parse("zjw"), None, &|| false)
                .unwrap();
            app.receive(brief::app::Message::Matches(app.palette.generation, found));
            render(&app);
        }
    }
}

/// The seed with two bookmarks and a note, read from a store in `dir`, at 80x24.
fn annotated(dir: &std::path::Path) -> App {
    use brief::store::anchor::Anchor;
    use brief::store::{Note, Store};
    let mut app = seed((80, 24));
    let store = Store::open(dir).unwrap();
    let key = app.doc_keys[0].clone();
    let block = |needle: &str| {
        brief::doc::BlockId(
            app.docs[0]
                .blocks
                .iter()
                .position(|b| b.text().contains(needle))
                .unwrap(),
        )
    };
    let railway = block("推进中吉乌铁路建设");
    let first = block("白俄罗斯共和国总理图尔钦");
    store
        .add_bookmark(
            &key,
            &Anchor::of(&app.docs[0], railway, None),
            Some("railway"),
        )
        .unwrap();
    store
        .add_bookmark(&key, &Anchor::of(&app.docs[0], first, None), None)
        .unwrap();
    store
        .save_note(&Note {
            document: key,
            anchor: Anchor::of(&app.docs[0], first, None),
            body: "Who else attended?\nCheck the list.".into(),
            ..Note::default()
        })
        .unwrap();
    brief::effects::Notes::with(store).load(&mut app);
    app
}

#[test]
fn bookmarks_view_and_margin_marks_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = annotated(dir.path());
    apply(&mut app, &[Action::NextParagraph, Action::Bookmarks]);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn notes_view_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = annotated(dir.path());
    apply(
        &mut app,
        &[
            Action::FocusOutline,
            // Sections → Countries → People → Documents → Bookmarks → Notes.
            Action::NextOutlineView,
            Action::NextOutlineView,
            Action::NextOutlineView,
            Action::NextOutlineView,
            Action::NextOutlineView,
        ],
    );
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn note_editor_choosing_sentences_80x24() {
    use brief::keymap::Key;
    use brief::keymap::chord::NamedKey;
    let dir = tempfile::tempdir().unwrap();
    let mut app = annotated(dir.path());
    let paragraph = app.docs[0]
        .blocks
        .iter()
        .position(|b| b.text().contains("中吉政治互信持续巩固"))
        .unwrap();
    while app.current_block().0 != paragraph {
        app.update(Action::NextParagraph);
    }
    app.update(Action::Annotate);
    app.press(Key::named(NamedKey::Down));
    insta::assert_snapshot!("editor_choosing_80x24", render(&app).backend());
    for c in "Raise the quota.".chars() {
        app.press(Key::char(c));
    }
    insta::assert_snapshot!("editor_writing_80x24", render(&app).backend());
}

#[test]
fn the_selected_outline_entry_and_the_current_section_are_always_on_screen() {
    let text: String = (1..=40)
        .map(|i| format!("## Heading number {i}\n\nText of section {i}.\n\n"))
        .collect();
    let doc = Document::parse(
        "forty.md",
        None,
        "UTF-8",
        &text,
        Format::Markdown,
        ParseOptions::default(),
    );
    let mut app = App::new(
        brief::effects::start(vec![doc]),
        Keymap::preset("default").unwrap(),
        (100, 30),
    );
    let shown = |app: &App| format!("{:?}", render(app).backend());
    // G selects the last heading: it is drawn.
    apply(&mut app, &[Action::FocusOutline, Action::Bottom]);
    eprintln!("{}", shown(&app));
    assert!(
        shown(&app).contains("  Heading number 40 "),
        "{}",
        shown(&app)
    );
    // Jumping there leaves the reader in that section, and the outline shows it.
    apply(&mut app, &[Action::Go]);
    assert!(shown(&app).contains("Heading number 40"));
    // Back at the top, so is the first.
    apply(&mut app, &[Action::Top]);
    assert!(
        shown(&app).contains("  Heading number 1 "),
        "{}",
        shown(&app)
    );
}
