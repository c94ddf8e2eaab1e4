//! The backend: whatever frames are drawn, however the text moves between them and whichever
//! way the backend takes (drawing over the rows, or having the terminal scroll them), the
//! terminal ends up showing exactly the last frame, cell for cell, text and style; and a box
//! drawn over the text (as the help, the palette and the note editor are), its edges cutting
//! wide characters anywhere, shows every cell of its border.
#![no_main]

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use brief::wire::{Wire, scroll_buffer};
use libfuzzer_sys::fuzz_target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::{Terminal, TerminalOptions, Viewport};
use unicode_width::UnicodeWidthStr;

/// What a briefing puts on screen: Chinese, Latin, ambiguous-width symbols, emoji, gaps.
const WORDS: [&str; 16] = [
    "上合组织",
    "SCO",
    "“一个地球”",
    "—",
    " ",
    "          ",
    "a",
    "峰会",
    "Kyrgyzstan",
    "’s",
    "😀",
    "x y",
    "。",
    "…",
    "·",
    "Россия",
];

/// The styles brief draws with (as the vt100 crate reports their colours).
const STYLES: [(Color, Modifier); 5] = [
    (Color::Reset, Modifier::empty()),
    (Color::Cyan, Modifier::BOLD),
    (Color::Green, Modifier::empty()),
    (Color::Reset, Modifier::REVERSED),
    (Color::DarkGray, Modifier::ITALIC),
];

/// A writer whose bytes the target reads afterwards.
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

fn seen(color: Color) -> vt100::Color {
    match color {
        Color::Reset => vt100::Color::Default,
        Color::Green => vt100::Color::Idx(2),
        Color::Cyan => vt100::Color::Idx(6),
        Color::DarkGray => vt100::Color::Idx(8),
        other => panic!("colour {other:?} is not used here"),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut bytes = data.iter().copied();
    let mut next = move |sides: u8| bytes.next().map(|b| b % sides);
    let (Some(w), Some(h)) = (next(40), next(10)) else {
        return;
    };
    let (width, height) = (u16::from(w) + 4, u16::from(h) + 2);
    let area = Rect::new(0, 0, width, height);
    let sent = Sent::default();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(area),
    };
    let mut terminal = Terminal::with_options(Wire::new(sent.clone()), options).unwrap();
    let mut parser = vt100::Parser::new(height, width, 0);
    let mut shown: Option<Buffer> = None;
    while let Some(how) = next(4) {
        // The rows above the last may move, as the reader's text does.
        let mut moved = shown.clone();
        if let (Some(before), 1..) = (&mut moved, how) {
            let lines = i32::from(next(2 * h + 3).unwrap_or(0)) - i32::from(h) - 1;
            let rows = 0..height - 1;
            scroll_buffer(before, rows.clone(), lines);
            terminal.backend_mut().offer_scroll(rows, lines);
        }
        if let Some(before) = &shown {
            terminal.backend_mut().know_screen(before);
        }
        let mut lines = Vec::new();
        for y in 0..height {
            let line = match (&moved, next(3)) {
                (Some(before), Some(0 | 1)) => Line::from(row_of(before, y)),
                _ => {
                    let count = next(6).unwrap_or(0);
                    let spans: Vec<Span> = (0..count)
                        .map(|_| {
                            let word = WORDS[usize::from(next(16).unwrap_or(0))];
                            let (fg, modifier) = STYLES[usize::from(next(5).unwrap_or(0))];
                            Span::styled(word, Style::new().fg(fg).add_modifier(modifier))
                        })
                        .collect();
                    Line::from(spans)
                }
            };
            lines.push(line);
        }
        // A box over the text, at any column: its edges may cut a wide character in half.
        let popup = match next(2) {
            Some(1) => {
                let x = u16::from(next(w + 2).unwrap_or(0));
                let y = u16::from(next(h + 1).unwrap_or(0));
                let bw = 3 + u16::from(next(w + 2).unwrap_or(0));
                let bh = 3 + u16::from(next(h + 1).unwrap_or(0));
                Some(Rect::new(x, y, bw, bh).intersection(area))
            }
            _ => None,
        }
        .filter(|b| b.width >= 3 && b.height >= 3);
        let frame = terminal
            .draw(|f| {
                f.render_widget(Paragraph::new(lines), area);
                if let Some(b) = popup {
                    brief::ui::popup::clear(f, b);
                    f.render_widget(Block::bordered(), b);
                }
            })
            .unwrap();
        let buffer = frame.buffer.clone();
        parser.process(&std::mem::take(&mut *sent.0.borrow_mut()));
        let screen = parser.screen();
        for y in 0..height {
            assert_eq!(
                screen.contents_between(y, 0, y, width).trim_end(),
                row_of(&buffer, y),
                "row {y}"
            );
            for x in 0..width {
                let (want, got) = (&buffer[(x, y)], screen.cell(y, x).unwrap());
                let shows_on_a_space = Modifier::REVERSED | Modifier::UNDERLINED;
                if want.symbol() == " " && !want.modifier.intersects(shows_on_a_space) {
                    assert!(!got.inverse(), "({x}, {y}) reversed");
                    assert_eq!(seen(want.bg), got.bgcolor(), "({x}, {y})");
                    continue;
                }
                if got.is_wide_continuation() {
                    continue;
                }
                assert_eq!(seen(want.fg), got.fgcolor(), "({x}, {y})");
                assert_eq!(seen(want.bg), got.bgcolor(), "({x}, {y})");
                assert_eq!(want.modifier.contains(Modifier::BOLD), got.bold());
                assert_eq!(want.modifier.contains(Modifier::ITALIC), got.italic());
                assert_eq!(want.modifier.contains(Modifier::REVERSED), got.inverse());
            }
        }
        if let Some(b) = popup {
            let mut border: Vec<(u16, u16)> = Vec::new();
            for x in b.left()..b.right() {
                border.extend([(x, b.top()), (x, b.bottom() - 1)]);
            }
            for y in b.top()..b.bottom() {
                border.extend([(b.left(), y), (b.right() - 1, y)]);
            }
            for (x, y) in border {
                let got = screen.cell(y, x).unwrap().contents();
                assert_eq!(got, buffer[(x, y)].symbol(), "border ({x}, {y}) of {b:?}");
            }
        }
        shown = Some(buffer);
    }
});
