//! A user's keymap file: any text is either read or refused with errors that point into it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Err(errors) = brief::keymap::parse("fuzz.toml", text) {
        assert!(!errors.is_empty());
        let lines = text.lines().count().max(1);
        for e in errors {
            assert!(
                e.line >= 1 && e.line <= lines + 1,
                "line {} of {lines}",
                e.line
            );
        }
    }
});
