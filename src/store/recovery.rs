//! The last resort when the database cannot take a note: the note is appended to a Markdown
//! file next to the database (or in the temporary directory when that is not writable), and
//! its path is shown, so nothing the user typed is dropped.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Note;

/// The recovery file's name.
pub const RECOVERY_FILE: &str = "recovered-notes.md";

/// Appends a note to the recovery file; returns where it was written.
pub fn save(dir: Option<&Path>, note: &Note) -> std::io::Result<PathBuf> {
    let entry = format!(
        "## {} ({})\n\n> {}\n\n{}\n\n",
        note.document,
        super::now(),
        note.anchor.quote,
        note.body
    );
    let mut last_error = None;
    let fallback = std::env::temp_dir().join(format!("brief-{RECOVERY_FILE}"));
    for path in dir
        .map(|d| d.join(RECOVERY_FILE))
        .into_iter()
        .chain([fallback])
    {
        if let Some(parent) = path.parent() {
            let _ = super::create_private_dir(parent);
        }
        let mut options = std::fs::OpenOptions::new();
        options.append(true).create(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, super::PRIVATE_FILE);
        match options
            .open(&path)
            .and_then(|mut f| f.write_all(entry.as_bytes()).and_then(|()| f.sync_all()))
        {
            Ok(()) => return Ok(path),
            Err(e) => last_error = Some(e),
        }
    }
    Err(last_error.unwrap_or_else(|| std::io::Error::other("no place to write")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_lands_in_the_file_or_in_the_temporary_directory() {
        let dir = tempfile::tempdir().unwrap();
        let note = Note {
            document: "a.md".into(),
            body: "keep this".into(),
            ..Note::default()
        };
        let path = save(Some(dir.path()), &note).unwrap();
        assert_eq!(path, dir.path().join(RECOVERY_FILE));
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("keep this")
        );
        // A data directory that is a file cannot hold it: the note goes elsewhere.
        let blocked = dir.path().join("blocked");
        std::fs::write(&blocked, "").unwrap();
        let path = save(Some(&blocked), &note).unwrap();
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("keep this")
        );
    }
}
