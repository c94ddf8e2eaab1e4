//! Styles for every part of the screen. Colours come from the 16-colour ANSI palette, so they
//! work in any terminal; with `NO_COLOR` only bold, dim, italic, underline and reverse are used.

use ratatui::style::{Color, Modifier, Style};

use crate::app::layout::LineRole;
use crate::doc::SpanStyle;

/// The styles in use, with or without colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours may be used.
    pub color: bool,
}

impl Theme {
    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// A reader line's base style.
    pub fn line(self, role: LineRole) -> Style {
        match role {
            LineRole::Heading(1) => self
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            LineRole::Heading(2) => self.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            LineRole::Heading(_) => self.fg(Color::Green).add_modifier(Modifier::BOLD),
            LineRole::Marker => self
                .fg(Color::DarkGray)
                .add_modifier(Modifier::DIM | Modifier::ITALIC),
            LineRole::Rule => self.fg(Color::DarkGray).add_modifier(Modifier::DIM),
            LineRole::TableRule => self.fg(Color::DarkGray),
            LineRole::Body | LineRole::Gap | LineRole::Table => Style::new(),
        }
    }

    /// An inline style on top of the line's style.
    pub fn span(self, style: SpanStyle) -> Style {
        let mut s = Style::new();
        if style.bold {
            s = s.add_modifier(Modifier::BOLD);
        }
        if style.italic {
            s = s.add_modifier(Modifier::ITALIC);
        }
        if style.strike {
            s = s.add_modifier(Modifier::CROSSED_OUT);
        }
        if style.deleted {
            s = s
                .patch(self.fg(Color::Red))
                .add_modifier(Modifier::CROSSED_OUT);
        }
        if style.inserted {
            s = s
                .patch(self.fg(Color::Green))
                .add_modifier(Modifier::UNDERLINED);
        }
        if style.link {
            s = s
                .patch(self.fg(Color::Blue))
                .add_modifier(Modifier::UNDERLINED);
        }
        if style.code {
            s = s.patch(if self.color {
                self.fg(Color::Magenta)
            } else {
                Style::new().add_modifier(Modifier::DIM)
            });
        }
        s
    }

    /// List markers, quote bars and other decoration.
    pub fn decoration(self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// The selected row of a focused list.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The outline entry the reader is in.
    pub fn here(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// A mention of a place, in a snippet or where a jump landed in the reader.
    pub fn mention(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
        }
    }

    /// Other matches of a search, besides the current one.
    pub fn other_match(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Cyan)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    /// Pane titles.
    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The status line.
    pub fn status(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A message about a problem.
    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// The line between the panes.
    pub fn separator(self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// Words a new wording deleted (with `NO_COLOR`, struck through and marked `[-…-]`).
    pub fn deleted(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::CROSSED_OUT)
    }

    /// Words a new wording inserted (with `NO_COLOR`, underlined and marked `{+…+}`).
    pub fn inserted(self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::UNDERLINED)
    }

    /// The margin mark of a bookmarked or annotated paragraph.
    pub fn margin_mark(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
}
