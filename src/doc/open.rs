//! Paths to documents: the bundled briefing, single files, and folders walked recursively.
//! A file that cannot be opened becomes an error next to the documents that could.

use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

use super::binary;
use super::load::{self, LoadError};
use super::{Document, Format, ParseOptions};

/// The bundled briefing's file name (in `seeds/`).
pub const BUNDLED_NAME: &str = "sco-heads-of-government-communique-2025.md";

/// The bundled briefing's text, embedded so the installed binary works from any directory.
pub const BUNDLED_TEXT: &str =
    include_str!("../../seeds/sco-heads-of-government-communique-2025.md");

/// File endings a folder is searched for.
const BRIEFING_EXTENSIONS: [&str; 11] = [
    "md", "markdown", "txt", "text", "mdown", "html", "htm", "xhtml", "docx", "pdf", "epub",
];

/// How files are read and parsed.
#[derive(Clone, Copy, Debug, Default)]
pub struct OpenOptions {
    /// An encoding forced with `--encoding`, instead of detection.
    pub encoding: Option<&'static Encoding>,
    /// A format forced with `--format`, instead of the file name's or the content's.
    pub format: Option<Format>,
    /// Parsing options (page repair).
    pub parse: ParseOptions,
}

/// What opening some paths gave: the documents, and one error for each file that failed.
#[derive(Debug, Default)]
pub struct Opened {
    /// Documents in the order named (folders sorted by path).
    pub documents: Vec<Document>,
    /// What could not be opened, each naming its file.
    pub errors: Vec<LoadError>,
}

/// The bundled briefing, parsed.
pub fn bundled(options: OpenOptions) -> Document {
    Document::parse(
        BUNDLED_NAME,
        None,
        "UTF-8",
        &load::sanitize(BUNDLED_TEXT),
        Format::Markdown,
        options.parse,
    )
}

/// Opens files and folders. With no paths, opens the bundled briefing.
pub fn open_paths(paths: &[PathBuf], options: OpenOptions) -> Opened {
    let mut opened = Opened::default();
    if paths.is_empty() {
        opened.documents.push(bundled(options));
        return opened;
    }
    let listing = list(paths);
    opened.errors = listing.errors;
    for (path, name) in listing.files {
        match open_file(&path, name, options) {
            Ok(doc) => opened.documents.push(doc),
            Err(e) => opened.errors.push(e),
        }
    }
    opened
}

/// The briefings a list of files and folders names, in order (each folder's files sorted),
/// with the name each is shown under.
#[derive(Debug, Default)]
pub struct Listing {
    /// Each file and its name.
    pub files: Vec<(PathBuf, String)>,
    /// Folders that could not be walked or hold no briefings.
    pub errors: Vec<LoadError>,
}

/// Lists the briefings of files and folders without reading them.
pub fn list(paths: &[PathBuf]) -> Listing {
    let mut listing = Listing::default();
    for path in paths {
        if path.is_dir() {
            list_folder(path, &mut listing);
        } else {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            listing.files.push((path.clone(), name));
        }
    }
    listing
}

/// Opens one file as a briefing, shown under `name`.
pub fn open_file(path: &Path, name: String, options: OpenOptions) -> Result<Document, LoadError> {
    let bytes = load::read_at_most(path, load::MAX_FILE_BYTES)?;
    crate::trace::phase("read");
    if let Some(format) = binary::format_of(&bytes, path)? {
        let read = binary::read(format, bytes, options.parse.first_pages)
            .map_err(|why| binary::refusal(path, format, why))?;
        return Ok(Document::from_read(
            load::sanitize(&name),
            Some(path.to_path_buf()),
            "UTF-8",
            format,
            read,
            options.parse,
        ));
    }
    let doc = load::bytes_with_text(bytes, path, options.encoding, |text, encoding| {
        Document::parse(
            load::sanitize(&name),
            Some(path.to_path_buf()),
            encoding,
            text,
            Format::of_file(options.format, path, text),
            ParseOptions {
                as_told: options.format.is_some(),
                ..options.parse
            },
        )
    })?;
    // An empty text file is an empty briefing; a web page with nothing to read is a page
    // that was not saved whole.
    if doc.format == Format::Html && doc.blocks.is_empty() {
        return Err(LoadError::EmptyPage(path.to_path_buf()));
    }
    Ok(doc)
}

fn list_folder(dir: &Path, listing: &mut Listing) {
    let before = listing.files.len();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) if e.loop_ancestor().is_some() => continue,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                let source = e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("cannot be walked"));
                listing.errors.push(LoadError::Unreadable { path, source });
                continue;
            }
        };
        if !entry.file_type().is_file() || !is_briefing_name(entry.path()) {
            continue;
        }
        let name = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .display()
            .to_string();
        listing.files.push((entry.path().to_path_buf(), name));
    }
    if listing.files.len() == before {
        listing
            .errors
            .push(LoadError::NoBriefings(dir.to_path_buf()));
    }
}

fn is_briefing_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| BRIEFING_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_briefing_has_its_nine_headings() {
        let doc = bundled(OpenOptions::default());
        let titles: Vec<String> = doc
            .headings()
            .map(|(_, _, b)| b.text().to_string())
            .collect();
        assert_eq!(titles.len(), 9, "{titles:?}");
        assert_eq!(
            titles[0],
            "上海合作组织成员国政府首脑(总理)理事会第二十四次会议联合公报"
        );
        assert_eq!(titles[8], "“世界市长对话·南京”活动开幕");
    }

    #[test]
    fn bundled_briefing_is_repaired_unless_raw() {
        let repaired = bundled(OpenOptions::default());
        let texts: Vec<String> = repaired
            .blocks
            .iter()
            .map(|b| b.text().to_string())
            .collect();
        assert!(
            texts
                .iter()
                .any(|t| t.ends_with("电子商务专门工作组开展工作。"))
        );
        assert!(texts.iter().any(|t| t.contains("活动期间,与会嘉宾")));
        assert!(
            repaired
                .blocks
                .iter()
                .any(|b| b.kind == super::super::BlockKind::Marker)
        );
        let raw = bundled(OpenOptions {
            parse: ParseOptions {
                repair: false,
                ..Default::default()
            },
            ..Default::default()
        });
        assert!(raw.blocks.iter().any(|b| b.text() == "展工作。"));
    }

    #[test]
    fn folder_opens_sorted_and_reports_bad_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("b.md"), "# B\n").unwrap();
        std::fs::write(dir.path().join("sub/a.txt"), "A\n").unwrap();
        std::fs::write(dir.path().join("a.md"), "# A\n").unwrap();
        std::fs::write(dir.path().join("c.txt"), [0u8, 1, 2, 3]).unwrap();
        std::fs::write(dir.path().join("image.png"), [0u8, 1]).unwrap();
        let opened = open_paths(&[dir.path().to_path_buf()], OpenOptions::default());
        let names: Vec<&str> = opened.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, vec!["a.md", "b.md", "sub/a.txt"]);
        assert_eq!(opened.errors.len(), 1);
        assert!(opened.errors[0].to_string().contains("c.txt"));
    }

    #[test]
    fn empty_folder_and_missing_path_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.md");
        let opened = open_paths(&[dir.path().to_path_buf(), missing], OpenOptions::default());
        assert!(opened.documents.is_empty());
        assert!(matches!(opened.errors[0], LoadError::NoBriefings(_)));
        assert!(matches!(opened.errors[1], LoadError::Missing(_)));
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_does_not_hang() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "# A\n").unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        let opened = open_paths(&[dir.path().to_path_buf()], OpenOptions::default());
        assert_eq!(opened.documents.len(), 1);
    }
}
