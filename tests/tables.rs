//! Tables as a reader sees them: a table of member states with Chinese names aligned by
//! display width at 80 and 120 columns (Markdown and web page alike), empty cells kept, rows
//! one after another; a table too wide shows a marker and opens full-screen, panned column by
//! column; a row copied and exported as a Markdown table row under its header.

mod common;

use brief::app::layout::LineRole;
use brief::app::{App, Effect};
use brief::keymap::Key;
use brief::keymap::chord::NamedKey;
use brief::vocabulary::Mode;
use unicode_width::UnicodeWidthStr;

const MEMBERS: [(&str, &str, &str, &str); 6] = [
    ("Kazakhstan", "哈萨克斯坦", "2001", "Astana"),
    ("Kyrgyzstan", "吉尔吉斯斯坦", "2001", "Bishkek"),
    ("India", "印度", "", "New Delhi"),
    ("Iran", "伊朗", "2023", ""),
    ("Pakistan", "巴基斯坦", "2017", "Islamabad"),
    (
        "Belarus",
        "白俄罗斯",
        "2024",
        "Minsk, the capital and largest city of the Republic of Belarus",
    ),
];

fn members_markdown() -> String {
    let mut md = String::from(
        "# 成员国 Member states\n\n| Country | 国名 | Joined | Capital |\n|---|---|---|---|\n",
    );
    for (en, zh, year, capital) in MEMBERS {
        md.push_str(&format!("| {en} | {zh} | {year} | {capital} |\n"));
    }
    md.push_str("\nText after the table.\n");
    md
}

fn members_page() -> String {
    let mut rows =
        String::from("<tr><th>Country</th><th>国名</th><th>Joined</th><th>Capital</th></tr>");
    for (en, zh, year, capital) in MEMBERS {
        rows.push_str(&format!(
            "<tr><td>{en}</td><td>{zh}</td><td>{year}</td><td>{capital}</td></tr>"
        ));
    }
    format!(
        "<html><head><title>Member states</title></head><body><article><h1>成员国 Member states</h1>\
         <p>The organisation has these members, listed with the year they joined.</p>\
         <table>{rows}</table><p>Text after the table.</p></article></body></html>"
    )
}

fn app_with(dir: &std::path::Path, name: &str, text: &str, size: (u16, u16)) -> App {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let mut app = common::app_on(&[path]);
    app.resize(size.0, size.1);
    app
}

/// The drawn text of each table line of the reader's layout.
fn table_lines(app: &App) -> Vec<(LineRole, String)> {
    let doc = app.document();
    app.layout
        .lines
        .iter()
        .filter(|l| matches!(l.role(), LineRole::Table | LineRole::TableRule))
        .map(|line| {
            let block = &doc.blocks[line.block().0];
            let text: String = app
                .layout
                .pieces(line, block)
                .iter()
                .map(|p| &*p.text)
                .collect();
            (line.role(), text)
        })
        .collect()
}

/// The display columns where a line has `│` or `┼`.
fn bars(line: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = 0;
    for c in line.chars() {
        if c == '│' || c == '┼' {
            out.push(at);
        }
        at += c.to_string().width();
    }
    out
}

fn check_aligned(app: &App, width: u16) {
    let lines = table_lines(app);
    assert!(lines.len() >= MEMBERS.len() + 2, "{lines:?}");
    let reader = usize::from(app.reader_size().0);
    let first = bars(&lines[0].1);
    assert_eq!(first.len(), 3, "{}: {}", width, lines[0].1);
    for (_, line) in &lines {
        assert_eq!(bars(line), first, "at {width} columns: {line}");
        assert!(line.width() <= reader, "at {width} columns: {line}");
    }
    assert_eq!(lines[1].0, LineRole::TableRule);
    // Empty cells are kept: India has no year, Iran no capital.
    let india = lines.iter().find(|(_, l)| l.starts_with("India")).unwrap();
    assert_eq!(india.1.split('│').nth(2).unwrap().trim(), "");
    let iran = lines.iter().find(|(_, l)| l.starts_with("Iran")).unwrap();
    assert_eq!(iran.1.split('│').nth(1).unwrap().trim(), "伊朗");
    // Rows follow one another: no blank line between them.
    let doc = app.document();
    let rows: Vec<usize> = (0..doc.blocks.len())
        .filter(|&b| matches!(doc.blocks[b].kind, brief::doc::BlockKind::TableRow { .. }))
        .collect();
    for pair in rows.windows(2) {
        let start = app.layout.block_start(brief::doc::BlockId(pair[1]));
        assert_ne!(app.layout.lines[start - 1].role(), LineRole::Gap);
    }
}

#[test]
fn a_table_of_member_states_is_aligned_at_80_and_120_columns() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("members.md", members_markdown()),
        ("members.html", members_page()),
    ] {
        for size in [(80, 24), (120, 40)] {
            let app = app_with(dir.path(), name, &text, size);
            check_aligned(&app, size.0);
            // On screen, each row on its line (a wide character's second cell is drawn as
            // a space by the test backend).
            let screen = common::draw(&app).replace(' ', "");
            assert!(
                screen.contains("│Kyrgyzstan│吉尔吉斯斯坦│2001│Bishkek"),
                "{name} at {size:?}:\n{screen}"
            );
        }
    }
}

#[test]
fn a_long_cell_wraps_inside_its_column() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_with(dir.path(), "members.md", &members_markdown(), (80, 24));
    let lines = table_lines(&app);
    let belarus = lines
        .iter()
        .position(|(_, l)| l.starts_with("Belarus"))
        .unwrap();
    // The capital's text goes on over the next lines, in its own column.
    let next = &lines[belarus + 1].1;
    assert!(next.starts_with(' '), "{next}");
    assert!(
        next.trim_end().ends_with(|c: char| c.is_alphabetic()),
        "{next}"
    );
}

fn wide_table(columns: usize, rows: usize) -> String {
    let head: Vec<String> = (0..columns).map(|c| format!("Indicator {c}")).collect();
    let mut md = format!(
        "# Wide\n\n| {} |\n|{}\n",
        head.join(" | "),
        "---|".repeat(columns)
    );
    for r in 0..rows {
        let cells: Vec<String> = (0..columns).map(|c| format!("r{r}c{c}")).collect();
        md.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    md
}

#[test]
fn a_table_too_wide_shows_a_marker_and_opens_full_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), "wide.md", &wide_table(200, 30), (100, 30));
    let lines = table_lines(&app);
    assert!(lines.iter().all(|(_, l)| l.ends_with('▸')), "{lines:?}");
    // Enter on a row: the table full-screen.
    while !matches!(app.layout.lines[app.top].role(), LineRole::Table) {
        app.press(Key::char('j'));
    }
    for _ in 0..3 {
        app.press(Key::char('j'));
    }
    let row = app.current_block();
    app.press(Key::named(NamedKey::Enter));
    assert_eq!(app.mode(), Mode::Table);
    let screen = common::draw(&app);
    let row_text = app.document().blocks[row.0].text().to_string();
    let first_cell = row_text.split(" │ ").next().unwrap().to_string();
    assert!(
        screen.lines().nth(2).unwrap().contains(&first_cell),
        "{screen}"
    );
    assert!(screen.contains("Table: columns 1–"), "{screen}");
    // Panned: the first column stays, each `l` brings in the next one.
    app.press(Key::char('l'));
    let screen = common::draw(&app);
    assert!(screen.contains("Indicator 0"), "{screen}");
    assert!(!screen.contains("Indicator 1 "), "{screen}");
    assert!(screen.contains("Indicator 2 "), "{screen}");
    assert!(screen.contains("columns 1, 3–"), "{screen}");
    for _ in 0..4 {
        app.press(Key::char('l'));
    }
    let screen = common::draw(&app);
    assert!(screen.contains("Indicator 6 "), "{screen}");
    assert!(!screen.contains("Indicator 5 "), "{screen}");
    assert!(screen.contains("columns 1, 7–"), "{screen}");
    // `y` copies the top row under its header.
    let effects = app.press(Key::char('y'));
    let Some(Effect::Copy { text, .. }) = effects.first() else {
        panic!("{effects:?}");
    };
    assert!(text.starts_with("| Indicator 0 | Indicator 1 |"), "{text}");
    assert!(text.contains(&format!("| {first_cell} |")), "{text}");
    // Panning stops once the last column is on screen, the screen still full.
    for _ in 0..300 {
        app.press(Key::char('l'));
    }
    let screen = common::draw(&app);
    assert!(screen.contains("Indicator 199"), "{screen}");
    assert!(screen.contains("Indicator 195"), "{screen}");
    for _ in 0..300 {
        app.press(Key::char('h'));
    }
    // Scrolled to the last row, and back.
    app.press(Key::char('G'));
    assert!(common::draw(&app).contains("r29c6"));
    app.press(Key::named(NamedKey::Esc));
    assert_eq!(app.mode(), Mode::Reader);
    assert_eq!(app.current_block(), row);
}

#[test]
fn a_row_is_copied_and_exported_as_a_markdown_row_under_its_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("members.md");
    std::fs::write(&path, members_markdown()).unwrap();
    let (mut app, notes) = common::reopen(&[path], &dir.path().join("data"));
    let block = common::note_on(&mut app, &notes, "Kyrgyzstan", "Joined at the founding.");
    assert_eq!(app.current_block(), block);
    let effects = app.press(Key::char('y'));
    let Some(Effect::Copy { text, .. }) = effects.first() else {
        panic!("{effects:?}");
    };
    assert!(
        text.starts_with(
            "| Country | 国名 | Joined | Capital |\n| --- | --- | --- | --- |\n| Kyrgyzstan | 吉尔吉斯斯坦 | 2001 | Bishkek |\n— "
        ),
        "{text}"
    );
    let note = common::export(&app);
    assert!(
        note.contains("| Country | 国名 | Joined | Capital |\n| --- | --- | --- | --- |\n| Kyrgyzstan | 吉尔吉斯斯坦 | 2001 | Bishkek |"),
        "{note}"
    );
}

#[test]
fn a_row_is_a_unit_for_search_and_countries() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), "members.md", &members_markdown(), (100, 30));
    let pakistan = common::block_with(&app, "Pakistan");
    assert!(!app.countries.in_block(0, pakistan).is_empty());
    app.press(Key::char('/'));
    for key in common::typed("Islamabad") {
        app.press(key);
    }
    app.press(Key::named(NamedKey::Enter));
    assert_eq!(app.current_block(), pakistan);
}

#[test]
fn a_grid_table_in_plain_text_is_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Comparison\n\n\
        +------------+------------------+\n\
        | Country    | 国名             |\n\
        +============+==================+\n\
        | Kazakhstan | 哈萨克斯坦       |\n\
        +------------+------------------+\n\
        | Kyrgyz     | 吉尔吉斯         |\n\
        | Republic   | 斯坦             |\n\
        +------------+------------------+\n\n\
        Text after the table, long enough to be a paragraph of its own in the text.\n";
    let app = app_with(dir.path(), "plain.txt", text, (100, 30));
    let lines = table_lines(&app);
    assert_eq!(lines[0].1, "Country         │ 国名");
    assert_eq!(lines[1].0, LineRole::TableRule);
    assert_eq!(lines[3].1, "Kyrgyz Republic │ 吉尔吉斯斯坦");
    assert!(!common::draw(&app).contains("+----"));
}

#[test]
fn a_row_taller_than_the_screen_is_read_line_by_line_in_the_table_view() {
    let dir = tempfile::tempdir().unwrap();
    let long: String = (0..400).map(|n| format!("word{n} ")).collect();
    let text = format!("# T\n\n| Key | Text |\n|---|---|\n| first | {long}end |\n| next | row |\n");
    let mut app = app_with(dir.path(), "tall.md", &text, (80, 24));
    let row = common::block_with(&app, "first");
    while app.current_block() != row {
        app.press(Key::char('j'));
    }
    app.press(Key::named(NamedKey::Enter));
    assert_eq!(app.mode(), Mode::Table);
    let mut seen_end = false;
    for _ in 0..200 {
        let screen = common::draw(&app);
        seen_end |= screen.contains("end");
        if screen.contains("next") {
            break;
        }
        app.press(Key::char('j'));
    }
    assert!(seen_end, "the end of the tall cell was never on screen");
    // Its column takes the room the first column leaves.
    let widths = app.table().unwrap().shown(78).1;
    assert_eq!(widths[0] + 3 + widths[1], 78 - 2);
}

#[test]
fn the_table_views_hint_names_the_keys_of_the_keymap_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wide.md");
    std::fs::write(&path, wide_table(20, 5)).unwrap();
    let opened = brief::doc::open::open_paths(&[path], Default::default());
    let mut app = App::new(
        brief::effects::start(opened.documents),
        brief::keymap::Keymap::preset("emacs").unwrap(),
        (160, 30),
    );
    // The document fits the screen: the reader is put on the table's first row.
    app.top = app
        .layout
        .lines
        .iter()
        .position(|l| l.role() == LineRole::Table)
        .unwrap();
    app.press(Key::named(NamedKey::Enter));
    assert_eq!(app.mode(), Mode::Table);
    let status = common::draw(&app).lines().last().unwrap().to_string();
    assert!(status.contains("←/→ columns"), "{status}");
    assert!(status.contains("M-w copies"), "{status}");
    assert!(status.contains("q back"), "{status}");
}
