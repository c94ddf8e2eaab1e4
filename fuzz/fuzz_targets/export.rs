//! The export round trip: text escaped for the briefing note reads back as written, and a
//! note exported from any document parses with the one title the export wrote.
#![no_main]

use brief::export::escape;
use brief::store::anchor::one_line;
use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};

/// Every extension a Markdown reader may have, but typographic quotes and dashes, which
/// change how text looks, not what it says.
fn options() -> Options {
    Options::all() - Options::ENABLE_SMART_PUNCTUATION
}

fuzz_target!(|text: &str| {
    let line = one_line(text);
    if line.chars().any(char::is_control) {
        return;
    }
    let quoted = format!("> {}", escape(&line));
    let back: String = Parser::new_ext(&quoted, options())
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.to_string()),
            Event::SoftBreak | Event::HardBreak => Some(" ".to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(
        back.trim(),
        line.trim(),
        "escaped text read back differently"
    );
    let title = format!("# Briefing note: {}\n", escape(&line));
    let titles = Parser::new_ext(&title, options())
        .filter(|e| {
            matches!(
                e,
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H1,
                    ..
                })
            )
        })
        .count();
    assert_eq!(titles, 1);
});
