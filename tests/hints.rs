//! Hints drawn from the keymap in use: the note editor's, the palette's, the status line's
//! and the help's, under each shipped keymap and a user's own.

use brief::app::App;
use brief::doc::open::{OpenOptions, bundled};
use brief::keymap::{Key, Keymap};
use brief::ui;
use brief::ui::palette::QUERY_SYNTAX;
use brief::vocabulary::Action;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app_with(keymap: Keymap, size: (u16, u16)) -> App {
    App::new(
        brief::effects::start(vec![bundled(OpenOptions::default())]),
        keymap,
        size,
    )
}

/// The screen's rows as text (a wide character once).
fn screen(app: &App) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| ui::draw(app, f)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..app.size.1)
        .map(|y| {
            (0..app.size.0)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

fn writing_a_note(keymap: Keymap) -> App {
    let mut app = app_with(keymap, (100, 30));
    app.update(Action::NextParagraph);
    app.update(Action::Annotate);
    app.press(Key::char('x'));
    app
}

#[test]
fn the_editor_names_the_keys_that_save_in_the_keymap_in_use() {
    let emacs = screen(&writing_a_note(Keymap::preset("emacs").unwrap())).join("\n");
    assert!(emacs.contains("Esc/C-c C-c saves"), "{emacs}");
    assert!(
        !emacs.contains("C-s"),
        "Ctrl-s does not save in emacs: {emacs}"
    );
    let default = screen(&writing_a_note(Keymap::preset("default").unwrap())).join("\n");
    assert!(
        default.contains("Esc/C-s saves · C-u undo · C-r redo"),
        "{default}"
    );
}

#[test]
fn a_users_own_keys_show_in_the_editor_and_the_palette() {
    let mut keymap = Keymap::preset("default").unwrap();
    let mine = brief::keymap::parse(
        "mine",
        "[editor]\nEsc = \"none\"\nCtrl-s = \"none\"\nF2 = \"save_note\"\nCtrl-u = \"save_note\"\n\
         [palette]\nEsc = \"none\"\nCtrl-g = \"close\"\n",
    )
    .unwrap()
    .keymap;
    keymap.overlay(&mine);
    let editor = screen(&writing_a_note(keymap.clone())).join("\n");
    assert!(editor.contains("F2/C-u saves"), "{editor}");
    assert!(
        !editor.contains("C-u undo"),
        "Ctrl-u saves now, so it undoes nothing: {editor}"
    );
    let mut app = app_with(keymap, (100, 30));
    app.update(Action::OpenJump);
    let palette = screen(&app).join("\n");
    assert!(palette.contains("C-g back"), "{palette}");
    assert!(!palette.contains("Esc back"), "{palette}");
}

#[test]
fn the_palette_shows_the_query_syntax_and_its_keys() {
    let mut app = app_with(Keymap::preset("emacs").unwrap(), (120, 40));
    app.update(Action::OpenJump);
    let rows = screen(&app);
    let text = rows.join("\n").replace("中 吉 乌", "中吉乌");
    assert!(text.contains(QUERY_SYNTAX), "{text}");
    assert!(text.contains("↑↓ Enter jump · Esc back"), "{text}");
    assert!(text.contains("# headings @ countries + people"), "{text}");
    // Narrow: the keys and the syntax stay, the kinds give way.
    let mut app = app_with(Keymap::preset("default").unwrap(), (80, 12));
    app.update(Action::OpenJump);
    let text = screen(&app).join("\n");
    assert!(text.contains("Enter jump · Esc back"), "{text}");
    assert!(!text.contains("# headings"), "{text}");
}

#[test]
fn the_help_describes_enter_in_the_palette_as_the_palettes() {
    let mut app = app_with(Keymap::preset("default").unwrap(), (100, 400));
    app.update(Action::Help);
    let text = screen(&app).join("\n");
    assert!(
        text.contains("Jump the reader to the selected passage"),
        "{text}"
    );
    assert_eq!(
        text.matches("Jump the reader to the selected entry")
            .count(),
        1,
        "the outline's Enter only: {text}"
    );
    assert!(text.contains("Widen the outline pane"), "{text}");
}

#[test]
fn the_status_line_and_the_outline_name_their_keys_from_the_keymap() {
    let mut keymap = Keymap::preset("default").unwrap();
    let mine = brief::keymap::parse(
        "mine",
        "[global]\n\"?\" = \"none\"\nTab = \"none\"\nF9 = \"focus_outline\"\n",
    )
    .unwrap()
    .keymap;
    keymap.overlay(&mine);
    let app = app_with(keymap, (100, 30));
    let rows = screen(&app);
    assert!(rows[29].contains("F1 help"), "{}", rows[29]);
    assert!(rows[0].contains("(F9)"), "{}", rows[0]);
    let app = app_with(Keymap::preset("default").unwrap(), (100, 30));
    let rows = screen(&app);
    assert!(rows[29].contains("? help"), "{}", rows[29]);
    assert!(rows[0].contains("(Tab)"), "{}", rows[0]);
    // A question names the keys of the keymap in use.
    let mut keymap = Keymap::preset("emacs").unwrap();
    let mine = brief::keymap::parse("mine", "[prompt]\nEsc = \"none\"\n")
        .unwrap()
        .keymap;
    keymap.overlay(&mine);
    let mut app = app_with(keymap, (100, 30));
    let mut draft = brief::store::Draft::default();
    draft.note.body = "Raise the quota.".into();
    app.receive(brief::app::Message::LeftoverDraft(Box::new(draft)));
    let status = &screen(&app)[29];
    assert!(
        status.contains("Enter: restore it · C-g: later"),
        "{status}"
    );
}
