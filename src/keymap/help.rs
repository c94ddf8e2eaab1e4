//! The help overlay's content, generated from the active keymap and the actions' doc comments,
//! so it always tells the truth about the keys in use.

use super::{Keymap, Section};
use crate::vocabulary::{Action, Mode};

/// One row of the help: a heading for a mode, or the keys of one action with what it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HelpRow {
    /// The start of a mode's group.
    Heading(&'static str),
    /// Keys (`j, Down`) and what they do.
    Binding {
        /// The chords, comma-separated.
        keys: String,
        /// The action's description.
        description: &'static str,
    },
}

/// Rows grouped by mode: every action bound in a table, with all its chords.
pub fn rows(keymap: &Keymap) -> Vec<HelpRow> {
    let mut rows = Vec::new();
    for (section, title) in [
        (Section::Global, "Everywhere"),
        (Mode::Reader.into(), "Reader"),
        (Mode::Outline.into(), "Outline"),
        (Mode::Palette.into(), "Jump palette (other keys type)"),
        (Mode::Search.into(), "Search line (other keys type)"),
        (Section::Line, "Typing a line (palette, search, questions)"),
        (
            Mode::Editor.into(),
            "Note editor (other keys type; ↑↓←→ choose sentences first)",
        ),
        (Mode::Prompt.into(), "Questions in the status line"),
        (Mode::Table.into(), "Table, full-screen"),
        (Mode::Help.into(), "Help"),
    ] {
        let Some(table) = keymap.bindings.get(&section) else {
            continue;
        };
        let mut actions: Vec<Action> = Vec::new();
        for action in table.values() {
            if *action != Action::None && !actions.contains(action) {
                actions.push(*action);
            }
        }
        actions.sort_by_key(|a| *a as usize);
        if actions.is_empty() {
            continue;
        }
        rows.push(HelpRow::Heading(title));
        for action in actions {
            let keys: Vec<String> = keymap
                .chords_for(section, action)
                .iter()
                .map(|c| c.to_string())
                .collect();
            let description = match section {
                Section::Mode(mode) => action.description_in(mode),
                Section::Global | Section::Line => action.description(),
            };
            rows.push(HelpRow::Binding {
                keys: keys.join(", "),
                description,
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_follows_the_keymap() {
        let vim = Keymap::preset("vim").unwrap();
        let rows = rows(&vim);
        assert!(rows.contains(&HelpRow::Heading("Reader")));
        assert!(
            rows.iter()
                .any(|r| matches!(r, HelpRow::Binding { keys, description }
            if keys == "g g" && *description == Action::Top.description()))
        );
        let emacs = rows_of("emacs");
        assert!(
            emacs.iter().any(
                |r| matches!(r, HelpRow::Binding { keys, .. } if keys.contains("Ctrl-x Ctrl-c"))
            )
        );
    }

    #[test]
    fn enter_is_described_for_the_mode_it_is_pressed_in() {
        let rows = rows_of("default");
        let described = |heading: &'static str| {
            let at = rows
                .iter()
                .position(|r| *r == HelpRow::Heading(heading))
                .unwrap();
            rows[at + 1..]
                .iter()
                .take_while(|r| matches!(r, HelpRow::Binding { .. }))
                .find_map(|r| match r {
                    HelpRow::Binding { keys, description } if keys == "Enter" => Some(*description),
                    _ => None,
                })
                .unwrap()
        };
        assert_eq!(
            described("Jump palette (other keys type)"),
            "Jump the reader to the selected passage"
        );
        assert!(described("Questions in the status line").starts_with("Answer"));
        assert!(described("Outline").contains("selected entry"));
        assert!(!described("Search line (other keys type)").contains("entry"));
    }

    fn rows_of(name: &str) -> Vec<HelpRow> {
        rows(&Keymap::preset(name).unwrap())
    }
}
