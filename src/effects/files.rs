//! What effects write outside the store: text to the clipboard through the terminal (OSC
//! 52, which works over SSH), and the briefing note to a file readable by its owner only.

use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;

use crate::app::App;
use crate::doc::Document;
use crate::export::{self, Source};
use crate::index::gazetteer::Gazetteer;

/// Puts text on the clipboard of the terminal (and of the terminal on the far side of SSH).
pub(super) fn copy(terminal: &mut impl Write, text: &str) {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let _ = write!(terminal, "\x1b]52;c;{encoded}\x07");
    let _ = terminal.flush();
}

/// The sources of the documents: path and a fingerprint of the content as read.
pub fn sources(docs: &[Document]) -> Vec<Source> {
    docs.iter()
        .map(|d| {
            let bytes = d
                .path
                .as_ref()
                .and_then(|p| std::fs::read(p).ok())
                .unwrap_or_else(|| crate::doc::open::BUNDLED_TEXT.as_bytes().to_vec());
            Source::of(d, &bytes)
        })
        .collect()
}

/// Writes the app's briefing note to `path` (`~/` is the home directory), with the
/// permissions `--export-mode` gives (by default readable by its owner only).
pub(super) fn export_to(app: &App, path: &str) -> std::io::Result<PathBuf> {
    let path = expand_home(path);
    let sources = sources(&app.docs);
    let text = export::briefing_note(&export::Input {
        docs: &app.docs,
        sources: &sources,
        outline: &app.outline,
        annotations: &app.annotations,
        countries: &app.countries,
        gazetteer: Gazetteer::bundled(),
        exported: &exported_now(),
    });
    write_private(&path, &text, app.export_mode)?;
    Ok(path)
}

/// The export time as the note shows it.
pub fn exported_now() -> String {
    chrono::Local::now()
        .format("%Y-%m-%d %H:%M %:z")
        .to_string()
}

/// `~/x` → the home directory's `x`.
pub fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}

/// Writes a file with permissions `mode` (see [`crate::store::PRIVATE_FILE`]), creating its folder. A file
/// that was there keeps none of its old permissions.
pub fn write_private(path: &Path, text: &str, mode: u32) -> std::io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    let mut file = options.open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The mode above counts only for a new file, and the umask may narrow it further.
        file.set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}
