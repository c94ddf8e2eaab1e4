//! What the user adds: bookmarks, notes and note drafts, in SQLite (WAL mode) in the data
//! directory, with what finds them again: their anchors ([`anchor`]) and the documents they
//! were made on ([`documents`]). Every change is its own transaction, so two `brief`
//! processes on one briefing (two SSH sessions) never lose each other's work; a database from
//! a newer `brief` is refused, never rewritten.

pub mod anchor;
pub mod documents;
pub mod editions;
mod marks;
pub mod recovery;
mod schema;
mod session;
pub mod signature;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

use crate::doc::Document;
pub use marks::{Bookmark, Draft, Note};
use schema::MIGRATIONS;
pub use session::{OutlineLayout, Recent};

/// The database's file name in the data directory.
pub const DATABASE: &str = "brief.db";

/// Permissions of what brief writes for its user (the database, drafts, recovered notes,
/// exported briefing notes, crash reports): readable and writable by the owner only.
pub const PRIVATE_FILE: u32 = 0o600;

/// How the bundled briefing's key begins (the key of a file is its path).
pub const BUNDLED: &str = "bundled:";

/// The environment variable that moves the data directory.
pub const DATA_DIR_VARIABLE: &str = "BRIEF_DATA_DIR";

/// Why the store cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be opened or created.
    #[error("cannot open {path}: {source}")]
    Open {
        /// The database file.
        path: PathBuf,
        /// What went wrong.
        source: rusqlite::Error,
    },
    /// The data directory could not be created.
    #[error("cannot create {path}: {source}")]
    Directory {
        /// The directory.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The database was written by a newer brief.
    #[error(
        "{path} was written by a newer brief (schema {found}, this one knows {known}); update brief to use it"
    )]
    Newer {
        /// The database file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The newest this brief knows.
        known: i64,
    },
    /// A read or write failed.
    #[error("notes database: {0}")]
    Sql(#[from] rusqlite::Error),
}

/// The key a document's bookmarks and notes are stored under: its full path, or the
/// bundled briefing's name.
pub fn document_key(doc: &Document) -> String {
    match &doc.path {
        Some(path) => path_key(path),
        None => format!("{BUNDLED}{}", doc.name),
    }
}

/// The key of the document a file holds, before it is read: its full path.
pub fn path_key(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// The data directory: `--data-dir`, else `BRIEF_DATA_DIR`, else the platform's
/// (`~/.local/share/brief` on Linux).
pub fn data_dir(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = flag {
        return Some(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_VARIABLE).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "brief").map(|d| d.data_dir().to_path_buf())
}

/// Creates a directory (and its parents) readable by its owner only.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// The current time as stored: RFC 3339, whole seconds, UTC.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The open notes database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (or creates) the database in `dir`, bringing its schema up to date.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        create_private_dir(dir).map_err(|source| StoreError::Directory {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = dir.join(DATABASE);
        create_private_file(&path);
        let opened = |source| StoreError::Open {
            path: path.clone(),
            source,
        };
        let conn = Connection::open(&path).map_err(opened)?;
        conn.busy_timeout(Duration::from_secs(10)).map_err(opened)?;
        // Look at the version before anything is written: a newer database is left as it is.
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(opened)?;
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::Newer {
                path,
                found: version,
                known,
            });
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(opened)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(opened)?;
        let mut store = Store { conn, path };
        // Up to date (the common case): no write lock is taken.
        if version < known {
            store.migrate()?;
        }
        Ok(store)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let known = MIGRATIONS.len() as i64;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > known {
            return Err(StoreError::Newer {
                path: self.path.clone(),
                found: version,
                known,
            });
        }
        for (n, step) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(step)?;
            tx.pragma_update(None, "user_version", n as i64 + 1)?;
        }
        tx.commit()?;
        Ok(())
    }
}

/// Creates an empty file readable by its owner only, unless it exists.
fn create_private_file(path: &Path) {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, PRIVATE_FILE);
    // When this fails the file exists already, or SQLite will report why it cannot open it.
    let _ = options.open(path);
}

#[cfg(test)]
mod tests;
