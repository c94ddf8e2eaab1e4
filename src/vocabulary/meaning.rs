//! What an action means where its key is pressed. An action's doc comment says what it does
//! in general (the help's `[global]` and `[line]` rows use it); where an action does
//! something more particular in one mode (`go` jumps to a passage in the palette, answers in
//! a question, follows a link in the Links view), that mode says so here, so the help never
//! describes a key by what it does somewhere else.

use super::{Action, Mode};

impl Action {
    /// What the action does when its key is pressed in `mode`, for the help overlay.
    pub fn description_in(self, mode: Mode) -> &'static str {
        use Action as A;
        use Mode as M;
        match (mode, self) {
            (M::Reader, A::Down) => "Move down a line",
            (M::Reader, A::Up) => "Move up a line",
            (M::Reader, A::Copy) => "Copy this paragraph with where it is from, by the terminal",

            (M::Outline, A::Go) => "Jump the reader to the selected entry (Links: follow the link)",
            (M::Outline, A::Close) => "Back to the reader",
            (M::Outline, A::Down) => "Select the next entry",
            (M::Outline, A::Up) => "Select the previous entry",
            (M::Outline, A::PageDown | A::HalfPageDown) => "Select the entry a page down",
            (M::Outline, A::PageUp | A::HalfPageUp) => "Select the entry a page up",
            (M::Outline, A::Top) => "Select the first entry",
            (M::Outline, A::Bottom) => "Select the last entry",
            (M::Outline, A::Copy) => "Copy the selected passage and its note (Links: its address)",

            (M::Palette, A::Go) => "Jump the reader to the selected passage",
            (M::Palette, A::Close) => "Close the palette; the reader stays where it was",
            (M::Palette, A::Down) => "Select the next result",
            (M::Palette, A::Up) => "Select the previous result",
            (M::Palette, A::PageDown | A::HalfPageDown) => "Select the result a page down",
            (M::Palette, A::PageUp | A::HalfPageUp) => "Select the result a page up",
            (M::Palette, A::Top) => "Select the first result",
            (M::Palette, A::Bottom) => "Select the last result",

            (M::Search, A::Go) => "Keep the matches and stay at this one",
            (M::Search, A::Close) => "Close the search line and go back to where it started",

            (M::Prompt, A::Go) => "Answer the question with what is typed or offered",
            (M::Prompt, A::Close) => "Leave the question unanswered for now",

            (M::Table, A::Close) => "Close the table and go back to the reader",
            (M::Table, A::Down) => "Move down a row (a tall row line by line)",
            (M::Table, A::Up) => "Move up a row (a tall row line by line)",
            (M::Table, A::PageDown | A::HalfPageDown) => "Move down a page of rows",
            (M::Table, A::PageUp | A::HalfPageUp) => "Move up a page of rows",
            (M::Table, A::Top) => "Go to the first row",
            (M::Table, A::Bottom) => "Go to the last row",
            (M::Table, A::Copy) => "Copy the top row as Markdown under its header",

            (M::Help, A::Close | A::Help) => "Close the help",
            (M::Help, A::Down) => "Scroll the help down a line",
            (M::Help, A::Up) => "Scroll the help up a line",
            (M::Help, A::PageDown | A::HalfPageDown) => "Scroll the help down a page",
            (M::Help, A::PageUp | A::HalfPageUp) => "Scroll the help up a page",
            (M::Help, A::Top) => "Scroll the help to its beginning",
            (M::Help, A::Bottom) => "Scroll the help to its end",

            _ => self.description(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words that name what only some modes have, and the modes whose keys may say them.
    const PLACES: &[(&str, &[Mode])] = &[
        ("entry", &[Mode::Outline]),
        ("entries", &[Mode::Outline]),
        ("result", &[Mode::Palette]),
        ("results", &[Mode::Palette]),
        ("palette", &[Mode::Palette]),
        ("question", &[Mode::Prompt]),
        ("row", &[Mode::Table]),
        ("rows", &[Mode::Table]),
        ("column", &[Mode::Table]),
        ("search line", &[Mode::Search]),
        ("the help", &[Mode::Help]),
        ("the editor", &[Mode::Editor]),
        ("outline", &[Mode::Reader, Mode::Outline]),
        ("link", &[Mode::Reader, Mode::Outline]),
    ];

    /// The places a description names that a key in `mode` cannot be about.
    fn misplaced(description: &str, mode: Mode) -> Vec<&'static str> {
        let words: Vec<String> = description
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let text = format!(" {} ", words.join(" "));
        PLACES
            .iter()
            .filter(|(place, _)| text.contains(&format!(" {place} ")))
            .filter(|(_, modes)| !modes.contains(&mode))
            .map(|(place, _)| *place)
            .collect()
    }

    #[test]
    fn the_pairs_that_were_wrong_say_what_the_key_does_there() {
        // `Enter` in the palette, search and questions was described as the outline's.
        for mode in [Mode::Palette, Mode::Search, Mode::Prompt] {
            let said = Action::Go.description_in(mode);
            assert!(
                misplaced(said, mode).is_empty(),
                "{mode:?}: {said} names {:?}",
                misplaced(said, mode)
            );
            assert_ne!(said, Action::Go.description_in(Mode::Outline));
        }
        assert!(Action::Go.description_in(Mode::Palette).contains("passage"));
        assert!(Action::Go.description_in(Mode::Prompt).contains("Answer"));
        // The check itself catches a description written for the outline.
        assert_eq!(
            misplaced(
                "Jump the reader to the selected outline entry",
                Mode::Palette
            ),
            vec!["entry", "outline"]
        );
    }

    #[test]
    fn every_key_of_the_shipped_keymaps_is_described_for_its_mode() {
        use crate::keymap::{Keymap, PRESETS, Section};
        for (name, _) in PRESETS {
            let keymap = Keymap::preset(name).expect("a preset parses");
            for (section, table) in &keymap.bindings {
                let Section::Mode(mode) = *section else {
                    continue;
                };
                for (chord, action) in table {
                    let said = action.description_in(mode);
                    assert!(
                        misplaced(said, mode).is_empty(),
                        "{name} [{}] {chord} = {}: “{said}” names {:?}",
                        mode.name(),
                        action.name(),
                        misplaced(said, mode)
                    );
                }
            }
        }
    }
}
