//! Bytes in any encoding → a document: never a panic, and no control character survives
//! to reach the terminal.
#![no_main]

use brief::doc::load::decode_owned;
use brief::doc::{Document, Format, ParseOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Some(decoded) = decode_owned(bytes.to_vec(), None) else {
        return;
    };
    assert!(
        !decoded
            .text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "a control character survived decoding"
    );
    let doc = Document::parse(
        "fuzz.md",
        None,
        decoded.encoding,
        &decoded.text,
        Format::Markdown,
        ParseOptions::default(),
    );
    for block in doc.blocks.iter() {
        assert!(
            !block
                .text()
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
        );
    }
});
