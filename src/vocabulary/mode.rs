//! `Mode`: where keys go. The app derives it from what has the focus; keymap files name a
//! table of keys after each one (`[reader]`, `[palette]`, ...).

use strum::{EnumIter, IntoStaticStr};

/// Which pane or overlay keys go to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, EnumIter, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Mode {
    /// Reading the document.
    Reader,
    /// Moving in the outline pane.
    Outline,
    /// The help overlay.
    Help,
    /// The jump palette (keys it does not bind are typed into the query).
    Palette,
    /// The `/` search line (keys it does not bind are typed into it).
    Search,
    /// The note editor (keys it does not bind are typed into the note).
    Editor,
    /// A question in the status line (a bookmark's name, the export path).
    Prompt,
    /// A table shown full-screen.
    Table,
}

impl Mode {
    /// The table name in keymap files (`reader`).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Whether keys no table binds are typed into a line (the palette's query, the search
    /// line); a question takes text only when it asks for some.
    pub fn types_into_a_line(self) -> bool {
        matches!(self, Mode::Palette | Mode::Search | Mode::Prompt)
    }
}
