//! `Section`: a table of a keymap file. Each mode has one (`[reader]`, `[palette]`, ...),
//! `[line]` holds the keys that edit a line being typed, and `[global]` the keys that work
//! everywhere unless the mode binds them.

use strum::IntoEnumIterator;

use crate::vocabulary::Mode;

/// A table of a keymap file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// Keys that work everywhere unless the current mode binds them.
    Global,
    /// The keys of one mode.
    Mode(Mode),
    /// Keys that edit a line being typed (the palette's query, the search line, an answer),
    /// looked up after the mode's own table.
    Line,
}

impl Section {
    /// The table name in keymap files.
    pub fn name(self) -> &'static str {
        match self {
            Section::Global => "global",
            Section::Line => "line",
            Section::Mode(mode) => mode.name(),
        }
    }

    /// Every table, in the order keymap files list them.
    pub fn all() -> impl Iterator<Item = Section> {
        [Section::Global]
            .into_iter()
            .chain(Mode::iter().map(Section::Mode))
            .chain([Section::Line])
    }

    /// The table named `name` in a keymap file.
    pub fn from_name(name: &str) -> Option<Section> {
        Section::all().find(|s| s.name() == name)
    }
}

impl From<Mode> for Section {
    fn from(mode: Mode) -> Section {
        Section::Mode(mode)
    }
}
