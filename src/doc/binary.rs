//! Briefings that arrive as files of their own kind, read from their bytes: Word documents,
//! PDFs and EPUB books. Which kind a file is comes from its content (a PDF renamed `.txt`
//! is still a PDF); a file named for one of them that is something else is refused with
//! what it is.

use std::path::Path;

use super::archive::{Archive, ArchiveError, MAX_UNPACKED, is_zip};
use super::load::LoadError;
use super::{Format, Read, word};

/// The format of a file's bytes when they are a Word document, a PDF or a book; `None`
/// for text. A file that is none of them but is named as one, or is a kind brief does not
/// read (another zip, an old `.doc`), is an error naming it.
pub fn format_of(bytes: &[u8], path: &Path) -> Result<Option<Format>, LoadError> {
    let head = &bytes[..bytes.len().min(1024)];
    if memchr::memmem::find(head, b"%PDF-").is_some() {
        return Ok(Some(Format::Pdf));
    }
    let named = Format::for_path(path).filter(|f| f.is_packaged());
    if is_zip(bytes) {
        return match Archive::open(bytes) {
            Ok(archive) if word::is_word(&archive) => Ok(Some(Format::Word)),
            Ok(archive) if is_book(&archive) => Ok(Some(Format::Epub)),
            Ok(_) => Err(LoadError::OtherArchive(path.to_path_buf())),
            // A damaged archive named as a document is that document, damaged.
            Err(e) => match named {
                Some(format) => Err(refusal(path, format, e.into())),
                None => Err(LoadError::OtherArchive(path.to_path_buf())),
            },
        };
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(LoadError::OldOffice(path.to_path_buf()));
    }
    match named {
        Some(_) if bytes.is_empty() => Err(LoadError::EmptyFile(path.to_path_buf())),
        Some(format) => Err(LoadError::Misnamed {
            path: path.to_path_buf(),
            format: format.name(),
        }),
        None => Ok(None),
    }
}

/// Whether a zip archive is an EPUB book.
fn is_book(archive: &Archive<'_>) -> bool {
    archive.has("META-INF/container.xml")
}

/// Why a document in one of these formats could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Its archive or its structure is damaged.
    Damaged(String),
    /// It unpacks to more than brief unpacks.
    TooLarge,
    /// It is protected by a password.
    Encrypted,
    /// Its text layer is not text (a PDF whose characters have no known meaning).
    Garbled,
    /// An archive that is not a document of this kind.
    NotThisFormat,
}

impl From<ArchiveError> for Refusal {
    fn from(e: ArchiveError) -> Self {
        match e {
            ArchiveError::Damaged(why) => Refusal::Damaged(why),
            ArchiveError::TooLarge => Refusal::TooLarge,
            ArchiveError::Encrypted => Refusal::Encrypted,
        }
    }
}

/// The error that names a file and says why it was refused.
pub fn refusal(path: &Path, format: Format, why: Refusal) -> LoadError {
    let path = path.to_path_buf();
    let format = format.name();
    match why {
        Refusal::Damaged(reason) => LoadError::Damaged {
            path,
            format,
            reason,
        },
        Refusal::TooLarge => LoadError::Unpacks {
            path,
            limit: MAX_UNPACKED,
        },
        Refusal::Encrypted => LoadError::Encrypted { path, format },
        Refusal::Garbled => LoadError::Garbled(path),
        Refusal::NotThisFormat => LoadError::Misnamed { path, format },
    }
}

/// Reads a document of a packaged format from its bytes (of a PDF, only its first pages when
/// `first_pages` says so).
pub fn read(format: Format, bytes: Vec<u8>, first_pages: Option<usize>) -> Result<Read, Refusal> {
    match format {
        Format::Word => word::read(&bytes),
        Format::Epub => super::epub::read(&bytes),
        Format::Pdf => super::pdf::read(bytes, first_pages),
        _ => Err(Refusal::NotThisFormat),
    }
}
