//! Scrolling done by the terminal itself: a frame whose text moved may begin with the
//! terminal scrolling a region of rows, when drawing on the scrolled rows costs fewer bytes
//! than drawing over them.

use std::io::Write;
use std::ops::Range;

use ratatui::buffer::{Buffer, Cell};
use unicode_width::UnicodeWidthStr;

use super::Wire;

impl<W: Write> Wire<W> {
    /// Says that in the next frame the rows `rows` show the text moved up by `lines` (down
    /// when negative): the frame then begins with the terminal scrolling those rows itself,
    /// when drawing on the scrolled rows costs fewer bytes than drawing over them. Rows that
    /// move with the text but do not belong to it (an outline beside it) are drawn again.
    pub fn offer_scroll(&mut self, rows: Range<u16>, lines: i32) {
        self.offered = Some((rows, lines));
    }
}

/// Draws a frame's changes on `screen`, as ratatui has the frame: cells a wide character
/// covers are reset, as ratatui resets them.
pub(super) fn draw_on(screen: &mut Buffer, cells: &[(u16, u16, &Cell)]) {
    for &(x, y, cell) in cells {
        if !screen.area.contains(ratatui::layout::Position { x, y }) {
            continue;
        }
        screen[(x, y)] = cell.clone();
        let width = cell.symbol().width() as u16;
        let right = screen.area.right();
        for covered in x + 1..(x + width).min(right) {
            screen[(covered, y)].reset();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Line;
    use ratatui::widgets::Paragraph;

    use crate::wire::scroll_buffer;
    use crate::wire::test_terminal::{row_of, terminal};

    /// A small pseudo-random sequence (the same on every run).
    struct Dice(u64);

    impl Dice {
        fn roll(&mut self, sides: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % sides
        }
    }

    /// The colour vt100 reports for one brief sends.
    fn seen(color: Color) -> vt100::Color {
        match color {
            Color::Reset => vt100::Color::Default,
            Color::Green => vt100::Color::Idx(2),
            Color::Cyan => vt100::Color::Idx(6),
            Color::DarkGray => vt100::Color::Idx(8),
            other => panic!("colour {other:?} is not used here"),
        }
    }

    #[test]
    fn scrolled_and_styled_frames_land_cell_for_cell() {
        let (width, height) = (30u16, 8u16);
        let area = ratatui::layout::Rect::new(0, 0, width, height);
        let (mut terminal, sent) = terminal(width, height);
        let mut parser = vt100::Parser::new(height, width, 0);
        let words = [
            "上合组织",
            "SCO",
            "“一个地球”",
            "—",
            " ",
            "  ",
            "a",
            "峰会",
            "Kyrgyzstan",
            "’s",
            "😀",
            "x y",
            "gap            here",
            "。",
            "",
        ];
        let styles = [
            ratatui::style::Style::new(),
            ratatui::style::Style::new()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            ratatui::style::Style::new().fg(Color::Green),
            ratatui::style::Style::new().add_modifier(Modifier::REVERSED),
            ratatui::style::Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::DIM | Modifier::ITALIC),
        ];
        let mut dice = Dice(7);
        let mut scrolls = 0;
        let mut shown: Option<Buffer> = None;
        for round in 0..300 {
            // Between frames the rows above the last may move, as the reader's text does;
            // the backend is told, and may have the terminal scroll them.
            let mut moved = shown.clone();
            if let (Some(before), 1..) = (&mut moved, dice.roll(3)) {
                let lines = dice.roll(13) as i32 - 6;
                let rows = 0..height - 1;
                scroll_buffer(before, rows.clone(), lines);
                terminal.backend_mut().offer_scroll(rows, lines);
            }
            // Most rows stay as they were, moved or not; some change.
            let lines: Vec<Line> = (0..height)
                .map(|y| match (&moved, dice.roll(4)) {
                    (Some(before), 0 | 1) => Line::from(row_of(before, y)),
                    _ => Line::from(
                        (0..dice.roll(8))
                            .map(|_| {
                                let word = words[dice.roll(words.len() as u64) as usize];
                                let style = styles[dice.roll(styles.len() as u64) as usize];
                                ratatui::text::Span::styled(word, style)
                            })
                            .collect::<Vec<_>>(),
                    ),
                })
                .collect();
            // Sent whole, as the reader sends its frames; at times told which rows were
            // drawn, the others being the last frame's, scrolled.
            let paragraph = Paragraph::new(lines);
            if let (Some(before), 0) = (&moved, dice.roll(2)) {
                let mut frame = Buffer::empty(area);
                ratatui::widgets::Widget::render(paragraph.clone(), area, &mut frame);
                let row =
                    |b: &Buffer, y: u16| (0..width).map(|x| b[(x, y)].clone()).collect::<Vec<_>>();
                let drawn = (0..height).filter(|&y| row(before, y) != row(&frame, y));
                terminal.backend_mut().drawn_only = Some(drawn.collect());
            }
            crate::wire::present(&mut terminal, |f| f.render_widget(paragraph, area)).unwrap();
            let buffer = terminal.backend().screen().unwrap().clone();
            let bytes = std::mem::take(&mut *sent.0.borrow_mut());
            let text = String::from_utf8_lossy(&bytes);
            scrolls += usize::from(scrolls_itself(&text));
            parser.process(&bytes);
            let screen = parser.screen();
            for y in 0..height {
                assert_eq!(
                    screen.contents_between(y, 0, y, width).trim_end(),
                    row_of(&buffer, y),
                    "round {round}, row {y}"
                );
                for x in 0..width {
                    let (want, got) = (&buffer[(x, y)], screen.cell(y, x).unwrap());
                    let shows_on_a_space = Modifier::REVERSED | Modifier::UNDERLINED;
                    if want.symbol() == " " && !want.modifier.intersects(shows_on_a_space) {
                        // A blank cell: only what shows on it matters, not its foreground.
                        let place = format!("round {round}, ({x}, {y})");
                        assert!(matches!(got.contents().as_str(), "" | " "), "{place}");
                        assert!(!got.inverse() && !got.underline(), "{place}");
                        assert_eq!(seen(want.bg), got.bgcolor(), "{place}");
                        continue;
                    }
                    let place = format!("round {round}, ({x}, {y}) {:?}", want.symbol());
                    assert_eq!(seen(want.fg), got.fgcolor(), "{place}");
                    assert_eq!(seen(want.bg), got.bgcolor(), "{place}");
                    assert_eq!(
                        want.modifier.contains(Modifier::BOLD),
                        got.bold(),
                        "{place}"
                    );
                    assert_eq!(
                        want.modifier.contains(Modifier::ITALIC),
                        got.italic(),
                        "{place}"
                    );
                    assert_eq!(
                        want.modifier.contains(Modifier::REVERSED),
                        got.inverse(),
                        "{place}"
                    );
                }
            }
            shown = Some(buffer);
        }
        // The terminal did scroll, often: the cheaper way when most rows moved.
        assert!(scrolls > 30, "{scrolls} scrolls");
    }

    /// Whether bytes scroll the terminal by a count of lines.
    fn scrolls_itself(bytes: &str) -> bool {
        bytes.split("\x1b[").skip(1).any(|seq| {
            let digits = seq.bytes().take_while(u8::is_ascii_digit).count();
            matches!(seq.as_bytes().get(digits), Some(b'S' | b'T'))
        })
    }

    #[test]
    fn a_single_row_is_never_given_a_scroll_region() {
        let (mut terminal, sent) = terminal(14, 2);
        let area = ratatui::layout::Rect::new(0, 0, 14, 2);
        let mut parser = vt100::Parser::new(2, 14, 0);
        crate::wire::present(&mut terminal, |f| {
            f.render_widget(Paragraph::new("😀x yx y"), area)
        })
        .unwrap();
        terminal.backend_mut().offer_scroll(0..1, -1);
        crate::wire::present(&mut terminal, |f| f.render_widget(Paragraph::new(""), area)).unwrap();
        parser.process(&sent.0.borrow());
        assert_eq!(parser.screen().contents().trim(), "");
    }
}
