//! The country finder on any text: hits are inside the text, on character boundaries, and
//! every mention it keeps lies inside its block.
#![no_main]

use brief::doc::{Document, Format, ParseOptions};
use brief::index::countries::Countries;
use brief::index::gazetteer::Gazetteer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let g = Gazetteer::bundled();
    for hit in g.find(text) {
        assert!(
            text.get(hit.range.clone()).is_some(),
            "hit off a character boundary"
        );
    }
    let doc = Document::parse(
        "fuzz",
        None,
        "UTF-8",
        text,
        Format::Plain,
        ParseOptions::default(),
    );
    let countries = Countries::of_document(&doc, g);
    for m in &countries.mentions {
        let block = &doc.blocks[m.block().0];
        assert!(
            block.text().get(m.range()).is_some(),
            "mention outside its block"
        );
    }
});
