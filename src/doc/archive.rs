//! The zip archives Word documents and EPUB books are made of, read with a bound: a part
//! that unpacks past [`MAX_UNPACKED`], or parts that do so together, are refused (a zip
//! bomb), whatever sizes the archive claims for them.

use std::io::{Cursor, Read};

/// The most a document's parts may unpack to, together.
pub const MAX_UNPACKED: u64 = 256 * 1_000_000;

/// Why an archive could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveError {
    /// Not a zip archive, or a damaged one.
    Damaged(String),
    /// Its parts unpack to more than [`MAX_UNPACKED`].
    TooLarge,
    /// A part is encrypted.
    Encrypted,
}

/// An open zip archive and how much of it has been unpacked so far.
pub struct Archive<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    unpacked: u64,
    limit: u64,
}

impl<'a> Archive<'a> {
    /// Opens the archive in `bytes`.
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, ArchiveError> {
        Archive::with_limit(bytes, MAX_UNPACKED)
    }

    /// Opens the archive in `bytes`, to unpack at most `limit` bytes of it.
    pub fn with_limit(bytes: &'a [u8], limit: u64) -> Result<Archive<'a>, ArchiveError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| ArchiveError::Damaged(e.to_string()))?;
        Ok(Archive {
            zip,
            unpacked: 0,
            limit,
        })
    }

    /// Whether the archive has a part of this name.
    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The names of its parts, in the archive's order.
    pub fn names(&self) -> Vec<String> {
        self.zip.file_names().map(str::to_string).collect()
    }

    /// The bytes of a part; `None` when there is no such part.
    pub fn bytes(&mut self, name: &str) -> Result<Option<Vec<u8>>, ArchiveError> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let mut file = match self.zip.by_index(index) {
            Ok(file) => file,
            Err(zip::result::ZipError::UnsupportedArchive(why))
                if why == zip::result::ZipError::PASSWORD_REQUIRED =>
            {
                return Err(ArchiveError::Encrypted);
            }
            Err(e) => return Err(ArchiveError::Damaged(format!("{name}: {e}"))),
        };
        let room = self.limit.saturating_sub(self.unpacked);
        if file.size() > room {
            return Err(ArchiveError::TooLarge);
        }
        let mut out = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0).min(1 << 24));
        // The size an archive states may be a lie: the reading itself stops past the room.
        (&mut file)
            .take(room + 1)
            .read_to_end(&mut out)
            .map_err(|e| ArchiveError::Damaged(format!("{name}: {e}")))?;
        if out.len() as u64 > room {
            return Err(ArchiveError::TooLarge);
        }
        self.unpacked += out.len() as u64;
        Ok(Some(out))
    }

    /// The text of a part (UTF-8, or UTF-16 with a byte-order mark); `None` when there is
    /// no such part.
    pub fn text(&mut self, name: &str) -> Result<Option<String>, ArchiveError> {
        let Some(bytes) = self.bytes(name)? else {
            return Ok(None);
        };
        let (text, _, _) = encoding_rs::UTF_8.decode(&bytes);
        Ok(Some(text.into_owned()))
    }
}

/// Whether bytes are a zip archive.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// A path inside an archive, `target` taken relative to the folder of the part `from`
/// (`word/document.xml` + `media/a.png` = `word/media/a.png`; `../x` goes up).
pub fn resolve(from: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_string();
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in parts {
            w.start_file(*name, options).unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn reads_a_part_and_misses_another() {
        let bytes = zip_of(&[("a/b.xml", b"<x/>")]);
        let mut archive = Archive::open(&bytes).unwrap();
        assert_eq!(archive.text("a/b.xml").unwrap().as_deref(), Some("<x/>"));
        assert_eq!(archive.text("a/c.xml").unwrap(), None);
    }

    #[test]
    fn refuses_what_unpacks_past_the_bound() {
        // 3 MB of zeros packs to a few kilobytes; two parts that fit alone do not together.
        let zeros = vec![0u8; 3_000_000];
        let bytes = zip_of(&[("word/document.xml", &zeros), ("b", &zeros[..600_000])]);
        assert!(bytes.len() < 20_000);
        let mut archive = Archive::with_limit(&bytes, 1_000_000).unwrap();
        assert_eq!(
            archive.bytes("word/document.xml"),
            Err(ArchiveError::TooLarge)
        );
        let mut archive = Archive::with_limit(&bytes, 1_000_000).unwrap();
        assert!(archive.bytes("b").unwrap().is_some());
        assert_eq!(archive.bytes("b"), Err(ArchiveError::TooLarge));
    }

    #[test]
    fn damaged_archives_are_refused() {
        let mut bytes = zip_of(&[("a.xml", b"<x/>")]);
        bytes.truncate(bytes.len() / 2);
        assert!(matches!(
            Archive::open(&bytes),
            Err(ArchiveError::Damaged(_))
        ));
        assert!(matches!(
            Archive::open(b"not a zip"),
            Err(ArchiveError::Damaged(_))
        ));
    }

    #[test]
    fn relative_targets_resolve_from_the_part() {
        assert_eq!(
            resolve("word/document.xml", "media/a.png"),
            "word/media/a.png"
        );
        assert_eq!(resolve("OEBPS/content.opf", "../x/y.xhtml"), "x/y.xhtml");
        assert_eq!(
            resolve("word/document.xml", "/word/styles.xml"),
            "word/styles.xml"
        );
    }
}
