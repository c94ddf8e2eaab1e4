//! Boxes over Chinese text: every box drawn over the reader (the help, the palette, the note
//! editor, the table view) at several terminal sizes, over text whose wide characters fall on
//! odd and on even columns, drawn through brief's own backend into a `vt100` screen. Every
//! cell of a box's border shows on that screen, and the rows read as the frame drawn.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use brief::app::App;
use brief::app::layout::LineRole;
use brief::doc::{Document, Format, ParseOptions};
use brief::keymap::chord::NamedKey;
use brief::keymap::{Key, Keymap};
use brief::ui;
use brief::vocabulary::Mode;
use brief::wire::Wire;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use unicode_width::UnicodeWidthStr;

/// The sizes a reader at a meeting has, and their neighbours one column and one row off.
const SIZES: [(u16, u16); 6] = [(60, 20), (61, 21), (80, 24), (81, 25), (100, 30), (101, 30)];

/// A briefing in Chinese: headings, paragraphs of which every other one starts one column
/// later (a Latin letter first), and a table, so that wide characters sit on odd and even
/// columns under every edge.
fn briefing() -> Document {
    let sentence = "上海合作组织成员国政府首脑理事会第二十四次会议在莫斯科举行。";
    let mut text = String::from("# 上海合作组织联合公报\n\n");
    for i in 0..12 {
        let lead = if i % 2 == 0 { "" } else { "a" };
        text.push_str(&format!("## {lead}第{i}节 各方\n\n"));
        let repeat = 1 + i % 4;
        text.push_str(&format!("{lead}{}\n\n", sentence.repeat(repeat)));
        text.push_str(&format!("{lead}x{}\n\n", sentence.repeat(5 - repeat)));
    }
    text.push_str("| 国名 | 首都 | 加入 |\n|---|---|---|\n");
    for (name, capital) in [("哈萨克斯坦", "阿斯塔纳"), ("吉尔吉斯斯坦", "比什凯克")]
    {
        text.push_str(&format!("| {name} | {capital}合作组织成员国 | 2001年 |\n"));
    }
    // Text after it, so that the table can reach the top of the reader.
    for _ in 0..30 {
        text.push_str(&format!("\n{}\n", sentence.repeat(3)));
    }
    Document::parse(
        "公报.md",
        None,
        "UTF-8",
        &text,
        Format::Markdown,
        ParseOptions::default(),
    )
}

/// A writer whose bytes the test reads afterwards.
#[derive(Clone, Default)]
struct Sent(Rc<RefCell<Vec<u8>>>);

impl Write for Sent {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The reader, drawn through brief's backend into a terminal the test can read.
struct Screen {
    terminal: Terminal<Wire<Sent>>,
    sent: Sent,
    parser: vt100::Parser,
}

impl Screen {
    fn new((width, height): (u16, u16)) -> Screen {
        let sent = Sent::default();
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        };
        Screen {
            terminal: Terminal::with_options(Wire::new(sent.clone()), options).unwrap(),
            sent,
            parser: vt100::Parser::new(height, width, 0),
        }
    }

    /// Draws a frame of `app` as the event loop does, and returns its cells.
    fn draw(&mut self, app: &App) -> Buffer {
        brief::wire::present(&mut self.terminal, |f| ui::draw(app, f)).unwrap();
        let buffer = self.terminal.backend().screen().unwrap().clone();
        self.parser
            .process(&std::mem::take(&mut *self.sent.0.borrow_mut()));
        buffer
    }

    /// What the terminal shows in cell (`x`, `y`): a space for an empty cell, and for the
    /// right half of a wide character a mark that no frame draws.
    fn cell(&self, x: u16, y: u16) -> String {
        let cell = self.parser.screen().cell(y, x).unwrap();
        if cell.is_wide_continuation() {
            return "<right half of a wide character>".to_string();
        }
        match cell.contents() {
            empty if empty.is_empty() => " ".to_string(),
            shown => shown,
        }
    }
}

/// A row of a buffer as a terminal shows it: wide characters once.
fn row_of(buffer: &Buffer, y: u16) -> String {
    let mut out = String::new();
    let mut skip = 0;
    for x in 0..buffer.area.width {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let symbol = buffer[(x, y)].symbol();
        skip = symbol.width().saturating_sub(1);
        out.push_str(symbol);
    }
    out.trim_end().to_string()
}

/// The outermost box of a frame: the first top-left corner and the corners that close it.
fn box_of(buffer: &Buffer) -> Option<Rect> {
    let area = buffer.area;
    let at = |x, y| buffer[(x, y)].symbol();
    for y in 0..area.height {
        for x in 0..area.width {
            if at(x, y) != "┌" {
                continue;
            }
            let right = (x + 1..area.width).find(|&r| at(r, y) == "┐")?;
            let bottom = (y + 1..area.height).find(|&b| at(x, b) == "└")?;
            assert_eq!(at(right, bottom), "┘", "the box's corners at {x},{y}");
            return Some(Rect::new(x, y, right - x + 1, bottom - y + 1));
        }
    }
    None
}

/// Whether a wide character in `before` starts left of column `x` and reaches it.
fn cut_at(before: &Buffer, x: u16, y: u16) -> bool {
    (x.saturating_sub(3)..x).any(|from| from + before[(from, y)].symbol().width() as u16 > x)
}

/// How often the edges of the boxes drawn cut a wide character of the screen under them.
#[derive(Default)]
struct Cuts {
    left: usize,
    right: usize,
}

/// Checks a frame with a box drawn over `before`: every cell of its border shows on the
/// terminal as drawn, and every row reads as the frame.
fn check_box(screen: &Screen, before: &Buffer, after: &Buffer, what: &str, cuts: &mut Cuts) {
    let size = (after.area.width, after.area.height);
    let Some(b) = box_of(after) else {
        panic!("{what} at {size:?}: no box drawn");
    };
    for y in b.top()..b.bottom() {
        cuts.left += usize::from(cut_at(before, b.left(), y));
        cuts.right += usize::from(cut_at(before, b.right(), y));
    }
    let mut border: Vec<(u16, u16)> = Vec::new();
    for x in b.left()..b.right() {
        border.push((x, b.top()));
        border.push((x, b.bottom() - 1));
    }
    for y in b.top()..b.bottom() {
        border.push((b.left(), y));
        border.push((b.right() - 1, y));
    }
    for (x, y) in border {
        let want = after[(x, y)].symbol();
        let edge = x == b.left() || x + 1 == b.right();
        if edge {
            let side = ["│", "┌", "┐", "└", "┘"];
            assert!(
                side.contains(&want),
                "{what} at {size:?}: ({x}, {y}) is {want:?}"
            );
        }
        assert_eq!(
            screen.cell(x, y),
            want,
            "{what} at {size:?}: border cell ({x}, {y}); the row shows {:?}",
            screen.parser.screen().contents_between(y, 0, y, size.0)
        );
    }
    check_rows(screen, after, what);
}

/// Every row on the terminal reads as the frame drawn.
fn check_rows(screen: &Screen, after: &Buffer, what: &str) {
    let size = (after.area.width, after.area.height);
    for y in 0..size.1 {
        assert_eq!(
            screen
                .parser
                .screen()
                .contents_between(y, 0, y, size.0)
                .trim_end(),
            row_of(after, y),
            "{what} at {size:?}: row {y}"
        );
    }
}

/// A reader on the briefing at `size`, its text moved down `lines` lines.
fn reader(size: (u16, u16), lines: usize) -> App {
    let mut app = App::new(
        brief::effects::start(vec![briefing()]),
        Keymap::preset("default").unwrap(),
        size,
    );
    for _ in 0..lines {
        app.press(Key::char('j'));
    }
    app
}

#[test]
fn every_box_keeps_its_border_over_wide_characters() {
    let mut cuts = Cuts::default();
    for size in SIZES {
        // The text one line further down moves wide characters from one column to the next
        // under the boxes' edges.
        for lines in [0, 1, 3] {
            for (key, mode) in [('?', Mode::Help), ('f', Mode::Palette), ('a', Mode::Editor)] {
                let what = format!("{mode:?} with the text {lines} lines down");
                let mut app = reader(size, lines);
                let mut screen = Screen::new(size);
                let before = screen.draw(&app);
                app.press(Key::char(key));
                assert_eq!(app.mode(), mode, "{what}");
                let after = screen.draw(&app);
                check_box(&screen, &before, &after, &what, &mut cuts);
                // Closed again, the screen is the reader's as it was.
                app.press(Key::named(NamedKey::Esc));
                assert_eq!(app.mode(), Mode::Reader, "{what}");
                let closed = screen.draw(&app);
                check_rows(&screen, &closed, &what);
            }
        }
    }
    // The test saw what it is about: wide characters cut by both edges.
    assert!(cuts.left > 20, "left edges cut {} characters", cuts.left);
    assert!(cuts.right > 20, "right edges cut {} characters", cuts.right);
}

#[test]
fn the_table_view_over_wide_characters_shows_as_drawn() {
    for size in SIZES {
        let mut app = reader(size, 0);
        for _ in 0..500 {
            if matches!(app.layout.lines[app.top].role(), LineRole::Table) {
                break;
            }
            app.press(Key::char('j'));
        }
        assert!(
            matches!(app.layout.lines[app.top].role(), LineRole::Table),
            "at {size:?}: no table in {} lines",
            app.layout.lines.len()
        );
        app.press(Key::char('j'));
        let mut screen = Screen::new(size);
        screen.draw(&app);
        app.press(Key::named(NamedKey::Enter));
        assert_eq!(app.mode(), Mode::Table, "at {size:?}");
        let table = screen.draw(&app);
        check_rows(&screen, &table, "the table view");
        let shown = screen.parser.screen().contents();
        assert!(shown.contains("吉尔吉斯斯坦"), "at {size:?}: {shown}");
    }
}
