//! The `Action` enum: everything a user can ask for. Keymap files name these in `snake_case`,
//! and the help overlay shows each one's doc comment.

use strum::{EnumIter, EnumMessage, EnumString, IntoStaticStr};

/// A user-visible behaviour. Keymaps bind chords to these; `App::update` carries them out.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumString, IntoStaticStr, EnumIter, EnumMessage,
)]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    /// Quit brief
    Quit,
    /// Suspend to the shell (fg brings brief back)
    Suspend,
    /// Show or hide this help
    Help,
    /// Close what is open and go back
    Close,
    /// Move down a line, or to the next entry
    Down,
    /// Move up a line, or to the previous entry
    Up,
    /// Move down one page
    PageDown,
    /// Move up one page
    PageUp,
    /// Move down half a page
    HalfPageDown,
    /// Move up half a page
    HalfPageUp,
    /// Go to the beginning
    Top,
    /// Go to the end
    Bottom,
    /// Go to the next section heading
    NextSection,
    /// Go to the previous section heading
    PrevSection,
    /// Go to the next paragraph
    NextParagraph,
    /// Go to the previous paragraph
    PrevParagraph,
    /// Show or hide the outline pane
    ToggleOutline,
    /// Move between the reader and the outline
    FocusOutline,
    /// Narrow the outline pane (the reader gets the room)
    NarrowOutline,
    /// Widen the outline pane (shown if hidden)
    WidenOutline,
    /// Next outline view; after the last, back to the reader
    NextOutlineView,
    /// Previous outline view; before the first, back to the reader
    PreviousOutlineView,
    /// Go where the selection leads, or confirm
    Go,
    /// Fold or unfold the selected outline entry
    ToggleFold,
    /// Fold the selected entry, or go to its parent
    Fold,
    /// Unfold the selected outline entry
    Unfold,
    /// Fold every outline entry
    FoldAll,
    /// Unfold every outline entry
    UnfoldAll,
    /// Sort the view another way (Countries, Library)
    CycleCountryOrder,
    /// Countries, People: filter passages by this place or person (again: off)
    FilterByCountry,
    /// Turn the country and people filter off
    ClearFilter,
    /// Next search match, or passage matching the filter
    NextMatch,
    /// Previous search match, or passage matching the filter
    PrevMatch,
    /// In a redline: go to the next change
    NextChange,
    /// In a redline: go to the previous change
    PrevChange,
    /// In a redline: show or hide formatting-only changes
    ToggleStrict,
    /// Show what changed since you last read this (again: go back)
    ShowChanges,
    /// Jump palette: find any passage by a few letters
    OpenJump,
    /// Search this document (Library: filter the list)
    Search,
    /// Go back to where the last jump started
    JumpBack,
    /// Go forward again after going back
    JumpForward,
    /// Bookmark this paragraph, or remove its bookmark
    ToggleBookmark,
    /// Bookmark this paragraph with a name
    NameBookmark,
    /// Show the bookmarks
    Bookmarks,
    /// Write a note on this paragraph (or edit its note)
    Annotate,
    /// Edit the selected note
    EditNote,
    /// Save the note and close the editor
    SaveNote,
    /// Copy what is chosen, with where it is from, by the terminal
    Copy,
    /// Export the bookmarks and notes as a Markdown briefing note
    Export,
    /// Delete the selected bookmark or note
    Delete,
    /// Bring back the last bookmark or note deleted
    Undo,
    /// Open this paragraph's table, footnote or link
    Follow,
    /// List this document's links and footnotes
    Links,
    /// Table: show the column to the left
    PanLeft,
    /// Table: show the column to the right
    PanRight,
    /// Typing: delete the character before the cursor
    DeleteBack,
    /// Typing: delete the word before the cursor
    DeleteWord,
    /// Typing: clear the line
    ClearLine,
    /// Bind a key to this to remove a preset's binding
    None,
}

impl Action {
    /// The name keymap files use (`page_down`).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// What the action does, for the help overlay.
    pub fn description(self) -> &'static str {
        self.get_documentation().unwrap_or("")
    }

    /// Every action name, for error messages.
    pub fn all_names() -> Vec<&'static str> {
        use strum::IntoEnumIterator;
        Action::iter().map(Action::name).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn names_round_trip_and_every_action_is_documented() {
        use strum::IntoEnumIterator;
        for action in Action::iter() {
            assert_eq!(Action::from_str(action.name()).unwrap(), action);
            assert!(
                !action.description().is_empty(),
                "{action:?} has no doc comment"
            );
        }
        assert_eq!(Action::PageDown.name(), "page_down");
        assert!(Action::from_str("PageDown").is_err());
    }
}
