//! A Word document → blocks: never a panic. The input is read as a whole `.docx` when its
//! first byte is 0, else it is the document part of a `.docx` written around it (so the
//! fuzzer reaches the XML reader without having to find the zip format first).
#![no_main]

use std::io::Write;

use brief::doc::binary;
use brief::doc::{Document, Format, ParseOptions};
use brief::index::outline::Outline;
use libfuzzer_sys::fuzz_target;

fn docx(document: &[u8]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(document).unwrap();
    zip.start_file("word/styles.xml", options).unwrap();
    zip.write_all(br#"<w:styles xmlns:w="w"><w:style w:styleId="H"><w:name w:val="heading 1"/></w:style></w:styles>"#).unwrap();
    zip.finish().unwrap();
    out.into_inner()
}

fuzz_target!(|bytes: &[u8]| {
    let Some((&mode, rest)) = bytes.split_first() else {
        return;
    };
    let input = if mode == 0 { rest.to_vec() } else { docx(rest) };
    if let Ok(read) = binary::read(Format::Word, input, None) {
        let doc = Document::from_read("f.docx", None, "UTF-8", Format::Word, read, ParseOptions::default());
        let _ = Outline::build(&[doc]);
    }
});
