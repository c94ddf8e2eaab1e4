//! Styles on the wire: the shortest SGR sequence from one style to the next.

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// A cell's style as the terminal keeps it: foreground, background, attributes.
pub type Look = (Color, Color, Modifier);

/// The terminal's style before anything is set.
pub const PLAIN: Look = (Color::Reset, Color::Reset, Modifier::empty());

/// The SGR sequence that changes the terminal's style from `from` to `to`; empty when they
/// are the same.
pub fn restyle(from: Look, to: Look) -> String {
    if from == to {
        return String::new();
    }
    let (mut fg, mut bg, mut modifier) = from;
    let mut codes = Vec::with_capacity(3);
    if !(modifier - to.2).is_empty() {
        // Turning attributes off one by one differs between terminals: reset them all,
        // then set what stays (colours included).
        codes.push("0".to_string());
        (fg, bg, modifier) = PLAIN;
    }
    codes.extend(attributes(to.2 - modifier));
    if to.0 != fg {
        codes.push(sgr(to.0, false));
    }
    if to.1 != bg {
        codes.push(sgr(to.1, true));
    }
    if codes == ["0"] {
        codes.clear();
    }
    format!("\x1b[{}m", codes.join(";"))
}

/// Whether a cell shows nothing: a space on the background in use, with no attributes.
pub fn is_blank(cell: &Cell, bg: Color) -> bool {
    cell.symbol() == " " && cell.bg == bg && cell.modifier.is_empty()
}

/// The shortest SGR parameter for a colour: the 16 ANSI colours by their own codes.
fn sgr(color: Color, background: bool) -> String {
    let base = if background { 40 } else { 30 };
    let code = match color {
        Color::Reset => return (base + 9).to_string(),
        Color::Black => base,
        Color::Red => base + 1,
        Color::Green => base + 2,
        Color::Yellow => base + 3,
        Color::Blue => base + 4,
        Color::Magenta => base + 5,
        Color::Cyan => base + 6,
        Color::Gray => base + 7,
        Color::DarkGray => base + 60,
        Color::LightRed => base + 61,
        Color::LightGreen => base + 62,
        Color::LightYellow => base + 63,
        Color::LightBlue => base + 64,
        Color::LightMagenta => base + 65,
        Color::LightCyan => base + 66,
        Color::White => base + 67,
        Color::Indexed(n) => return format!("{};5;{n}", base + 8),
        Color::Rgb(r, g, b) => return format!("{};2;{r};{g};{b}", base + 8),
    };
    code.to_string()
}

/// The SGR codes that turn these modifiers on.
fn attributes(modifier: Modifier) -> Vec<String> {
    [
        Modifier::BOLD,
        Modifier::DIM,
        Modifier::ITALIC,
        Modifier::UNDERLINED,
        Modifier::SLOW_BLINK,
        Modifier::RAPID_BLINK,
        Modifier::REVERSED,
        Modifier::HIDDEN,
        Modifier::CROSSED_OUT,
    ]
    .into_iter()
    .zip(1..)
    .filter(|(m, _)| modifier.contains(*m))
    .map(|(_, code)| code.to_string())
    .collect()
}
