//! A web page → blocks, its article looked for and not, then the outline and the reader's
//! layout: never a panic, and the outline follows the document's order.
#![no_main]

use brief::app::layout::Layout;
use brief::doc::{Document, Format, ParseOptions};
use brief::index::outline::Outline;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for whole_page in [false, true] {
        let options = ParseOptions { whole_page, ..Default::default() };
        let doc = Document::parse("fuzz.html", None, "UTF-8", text, Format::Html, options);
        let docs = [doc];
        let outline = Outline::build(&docs);
        let order: Vec<_> = outline.entries.iter().filter_map(|e| e.block).collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "outline out of order");
        let layout = Layout::new(&docs[0], 40);
        assert!(layout.lines.iter().all(|l| l.start() <= l.end()));
    }
});
