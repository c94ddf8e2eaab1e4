//! An EPUB book → blocks: never a panic. The input is read as a whole book when its first
//! byte is 0, else it is the package file (OPF) of a book written around it, with one
//! chapter.
#![no_main]

use std::io::Write;

use brief::doc::binary;
use brief::doc::{Document, Format, ParseOptions};
use brief::index::outline::Outline;
use libfuzzer_sys::fuzz_target;

fn book(opf: &[u8]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in [
        ("META-INF/container.xml", &br#"<container><rootfiles><rootfile full-path="OPS/b.opf"/></rootfiles></container>"#[..]),
        ("OPS/b.opf", opf),
        ("OPS/c.xhtml", &b"<html><body><h1>One</h1><p>Text.</p></body></html>"[..]),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

fuzz_target!(|bytes: &[u8]| {
    let Some((&mode, rest)) = bytes.split_first() else {
        return;
    };
    let input = if mode == 0 { rest.to_vec() } else { book(rest) };
    if let Ok(read) = binary::read(Format::Epub, input, None) {
        let doc = Document::from_read("f.epub", None, "UTF-8", Format::Epub, read, ParseOptions::default());
        let _ = Outline::build(&[doc]);
    }
});
