//! The outline's width on screen: the Library view drawn in a wide terminal uses the room
//! it has, and `>` gives it more.

use brief::app::{App, Message};
use brief::doc::{Document, Format, ParseOptions};
use brief::keymap::{Key, Keymap};
use brief::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

/// The screen's rows as text (a wide character once), and the column of the separator
/// between the outline and the reader.
fn screen(app: &App) -> (Vec<String>, u16) {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| ui::draw(app, f)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let rows = (0..app.size.1)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < app.size.0 {
                let symbol = buffer[(x, y)].symbol();
                row.push_str(symbol);
                x += u16::try_from(symbol.width().max(1)).unwrap();
            }
            row
        })
        .collect();
    let separator = (0..app.size.0)
        .find(|&x| buffer[(x, 1)].symbol() == "│")
        .unwrap();
    (rows, separator)
}

/// A library of briefings with long Chinese and English titles, in its view.
fn library(size: (u16, u16)) -> App {
    let titles = [
        "上海合作组织成员国政府首脑（总理）理事会第二十四次会议联合公报",
        "Joint statement of the heads of government on trade",
        "关于进一步深化中国同中亚国家全面战略伙伴关系的联合声明全文",
    ];
    let docs: Vec<Document> = titles
        .iter()
        .enumerate()
        .map(|(i, title)| {
            Document::parse(
                format!("brief-{i}.md"),
                None,
                "UTF-8",
                &format!("# {title}\n\n正文。\n"),
                Format::Markdown,
                ParseOptions::default(),
            )
        })
        .collect();
    let mut app = App::new(
        brief::effects::start(docs),
        Keymap::preset("default").unwrap(),
        size,
    );
    app.receive(Message::ShowLibrary);
    app
}

#[test]
fn the_library_uses_the_width_of_a_wide_terminal() {
    let app = library((250, 30));
    let (rows, separator) = screen(&app);
    assert_eq!(separator, 83, "a third of 250 columns, not 40");
    let shown = rows.join("\n");
    // The whole titles are drawn (a Chinese character takes two cells, drawn once).
    for title in [
        "Joint statement of the heads of government on trade",
        "上海合作组织成员国政府首脑（总理）理事会第二十四次会议联合公报",
    ] {
        assert!(shown.contains(title), "{title} cut:\n{shown}");
    }
}

#[test]
fn wider_outlines_show_what_a_narrow_one_cuts() {
    let mut app = library((120, 30));
    let (rows, separator) = screen(&app);
    assert_eq!(separator, 40);
    let english = "Joint statement of the heads of government on trade";
    assert!(!rows.join("\n").contains(english));
    for _ in 0..6 {
        app.press(Key::char('>'));
    }
    let (rows, separator) = screen(&app);
    assert_eq!(separator, 40 + 6 * 6);
    assert!(rows.join("\n").contains(english), "{}", rows.join("\n"));
}
