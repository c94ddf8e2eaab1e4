//! `Focus`: what has the keys — the reader, the outline pane, or the one overlay open over
//! them, which owns its state. The mode keys are looked up in is derived from it, so there
//! is no mode to keep in step with the overlays.

use super::App;
use super::editor::Editor;
use super::prompt::Prompt;
use super::table_view::TableView;
use crate::vocabulary::Mode;

/// What has the keys, holding the state of an overlay while it is open.
#[derive(Clone, Debug, Default)]
pub enum Focus {
    /// The reader.
    #[default]
    Reader,
    /// The outline pane.
    Outline,
    /// The jump palette (its query and results are kept in [`App::palette`]).
    Palette,
    /// The `/` search line being typed (the search itself is [`App::search`], which stays on
    /// after the line is closed).
    Search,
    /// The note editor.
    Editor(Box<Editor>),
    /// A question in the status line.
    Prompt(Prompt),
    /// A table shown full-screen.
    Table(TableView),
}

impl Focus {
    /// The keymap mode of what has the keys.
    pub fn mode(&self) -> Mode {
        match self {
            Focus::Reader => Mode::Reader,
            Focus::Outline => Mode::Outline,
            Focus::Palette => Mode::Palette,
            Focus::Search => Mode::Search,
            Focus::Editor(_) => Mode::Editor,
            Focus::Prompt(_) => Mode::Prompt,
            Focus::Table(_) => Mode::Table,
        }
    }
}

impl App {
    /// Where keys go: the help when it is open, else what has the focus.
    pub fn mode(&self) -> Mode {
        if self.help.is_some() {
            Mode::Help
        } else {
            self.focus.mode()
        }
    }

    /// The note being written, also while the help is open over it.
    pub fn editor(&self) -> Option<&Editor> {
        match &self.focus {
            Focus::Editor(editor) => Some(editor),
            _ => None,
        }
    }

    pub(super) fn editor_mut(&mut self) -> Option<&mut Editor> {
        match &mut self.focus {
            Focus::Editor(editor) => Some(editor),
            _ => None,
        }
    }

    /// The question asked in the status line.
    pub fn prompt(&self) -> Option<&Prompt> {
        match &self.focus {
            Focus::Prompt(prompt) => Some(prompt),
            _ => None,
        }
    }

    pub(super) fn prompt_mut(&mut self) -> Option<&mut Prompt> {
        match &mut self.focus {
            Focus::Prompt(prompt) => Some(prompt),
            _ => None,
        }
    }

    /// The table shown full-screen.
    pub fn table(&self) -> Option<&TableView> {
        match &self.focus {
            Focus::Table(view) => Some(view),
            _ => None,
        }
    }

    /// Closes the note editor, handing back its state; the reader gets the keys.
    pub(super) fn take_editor(&mut self) -> Option<Editor> {
        self.close(|focus| match focus {
            Focus::Editor(editor) => Ok(*editor),
            other => Err(other),
        })
    }

    /// Closes the question, handing it back; the reader gets the keys.
    pub(super) fn take_prompt(&mut self) -> Option<Prompt> {
        self.close(|focus| match focus {
            Focus::Prompt(prompt) => Ok(prompt),
            other => Err(other),
        })
    }

    /// Closes the full-screen table, handing back its state; the reader gets the keys.
    pub(super) fn take_table(&mut self) -> Option<TableView> {
        self.close(|focus| match focus {
            Focus::Table(view) => Ok(view),
            other => Err(other),
        })
    }

    /// Closes the overlay `open` finds in the focus (the reader gets the keys) and hands
    /// back its state; anything else keeps the focus.
    fn close<T>(&mut self, open: impl FnOnce(Focus) -> Result<T, Focus>) -> Option<T> {
        match open(std::mem::take(&mut self.focus)) {
            Ok(state) => Some(state),
            Err(other) => {
                self.focus = other;
                None
            }
        }
    }

    /// How far the help is scrolled (0 when it is closed).
    pub fn help_scroll(&self) -> usize {
        self.help.unwrap_or(0)
    }
}
