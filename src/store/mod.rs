//! What the user adds: bookmarks, notes and note drafts, in SQLite (WAL mode) in the data
//! directory. Every change is its own transaction, so two `brief` processes on one briefing
//! (two SSH sessions) never lose each other's work; a database from a newer `brief` is refused,
//! never rewritten.

pub mod anchor;
pub mod recovery;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::doc::Document;
use anchor::Anchor;

/// The database's file name in the data directory.
pub const DATABASE: &str = "brief.db";

/// The environment variable that moves the data directory.
pub const DATA_DIR_VARIABLE: &str = "BRIEF_DATA_DIR";

/// The schema, one step per version: `PRAGMA user_version` says how many have run.
const MIGRATIONS: &[&str] = &[
    "
    CREATE TABLE bookmarks (
        id INTEGER PRIMARY KEY,
        document TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        position INTEGER NOT NULL,
        quote TEXT NOT NULL,
        name TEXT,
        created TEXT NOT NULL
    );
    CREATE INDEX bookmarks_by_document ON bookmarks(document);
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        document TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        position INTEGER NOT NULL,
        quote TEXT NOT NULL,
        sentences TEXT,
        body TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE INDEX notes_by_document ON notes(document);
    CREATE TABLE drafts (
        id INTEGER PRIMARY KEY,
        document TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        position INTEGER NOT NULL,
        quote TEXT NOT NULL,
        sentences TEXT,
        note INTEGER,
        body TEXT NOT NULL,
        saved TEXT NOT NULL
    );
",
    "
    CREATE TABLE last_session (
        place INTEGER PRIMARY KEY,
        document TEXT NOT NULL,
        path TEXT,
        current INTEGER NOT NULL,
        fingerprint TEXT,
        position INTEGER,
        quote TEXT,
        saved TEXT NOT NULL
    );
",
];

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

/// A marked paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bookmark {
    /// Its row.
    pub id: i64,
    /// The document it belongs to ([`document_key`]).
    pub document: String,
    /// Where it is.
    #[serde(skip)]
    pub anchor: Anchor,
    /// A name the user gave it.
    pub name: Option<String>,
    /// When it was made (RFC 3339).
    pub created: String,
}

/// A note on a paragraph, or on some of its sentences.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Note {
    /// Its row (0 before it is first saved).
    pub id: i64,
    /// The document it belongs to ([`document_key`]).
    pub document: String,
    /// Where it is; its quote is what the note is about.
    #[serde(skip)]
    pub anchor: Anchor,
    /// The sentences of the paragraph quoted (first, last; counted from 0), when narrowed.
    pub sentences: Option<(usize, usize)>,
    /// What the user wrote.
    pub body: String,
    /// When it was first saved (RFC 3339).
    pub created: String,
    /// When it was last saved.
    pub updated: String,
}

/// A document of the last session, for `brief --recent`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recent {
    /// Its key ([`document_key`]).
    pub document: String,
    /// Where it was read from (`None` for the bundled briefing).
    pub path: Option<String>,
    /// Whether it was the one in the reader.
    pub current: bool,
    /// The paragraph at the top of the reader, for the current one.
    pub at: Option<Anchor>,
}

/// A note being written, saved as the user types so that nothing is lost.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// Its row (0 before it is first saved).
    pub id: i64,
    /// The note as it stands; its `id` is the note being edited, or 0 for a new one.
    pub note: Note,
    /// When it was saved.
    pub saved: String,
}

/// The key a document's bookmarks and notes are stored under: its full path, or the
/// bundled briefing's name.
pub fn document_key(doc: &Document) -> String {
    match &doc.path {
        Some(path) => std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.clone())
            .display()
            .to_string(),
        None => format!("bundled:{}", doc.name),
    }
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
        store.migrate()?;
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

    /// Adds a bookmark; returns its id.
    pub fn add_bookmark(
        &self,
        document: &str,
        anchor: &Anchor,
        name: Option<&str>,
    ) -> Result<i64, StoreError> {
        self.conn.execute(
            "INSERT INTO bookmarks (document, fingerprint, position, quote, name, created)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                document,
                anchor.fingerprint,
                anchor.position as i64,
                anchor.quote,
                name,
                now()
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Puts a deleted bookmark back as it was.
    pub fn restore_bookmark(&self, b: &Bookmark) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT OR REPLACE INTO bookmarks (id, document, fingerprint, position, quote, name, created)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                b.id,
                b.document,
                b.anchor.fingerprint,
                b.anchor.position as i64,
                b.anchor.quote,
                b.name,
                b.created
            ],
        )?;
        Ok(())
    }

    /// Deletes a bookmark.
    pub fn remove_bookmark(&self, id: i64) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM bookmarks WHERE id = ?1", [id])?;
        Ok(())
    }

    /// The bookmarks of these documents.
    pub fn bookmarks(&self, documents: &[String]) -> Result<Vec<Bookmark>, StoreError> {
        self.rows_of(
            "SELECT id, document, fingerprint, position, quote, name, created
             FROM bookmarks WHERE document = ?1 ORDER BY id",
            documents,
            |r| {
                Ok(Bookmark {
                    id: r.get(0)?,
                    document: r.get(1)?,
                    anchor: anchor_at(r, 2)?,
                    name: r.get(5)?,
                    created: r.get(6)?,
                })
            },
        )
    }

    /// The rows a query gives for each of these documents, in turn.
    fn rows_of<T>(
        &self,
        sql: &str,
        documents: &[String],
        row: impl Fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let mut out = Vec::new();
        let mut query = self.conn.prepare_cached(sql)?;
        for document in documents {
            for item in query.query_map([document], &row)? {
                out.push(item?);
            }
        }
        Ok(out)
    }

    /// Saves a note: a new one (id 0) is added, an existing one updated. Returns its id.
    pub fn save_note(&self, note: &Note) -> Result<i64, StoreError> {
        let now = now();
        let sentences = note.sentences.map(|(a, b)| format!("{a}-{b}"));
        if note.id == 0 {
            self.conn.execute(
                "INSERT INTO notes (document, fingerprint, position, quote, sentences, body, created, updated)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                params![
                    note.document,
                    note.anchor.fingerprint,
                    note.anchor.position as i64,
                    note.anchor.quote,
                    sentences,
                    note.body,
                    now
                ],
            )?;
            return Ok(self.conn.last_insert_rowid());
        }
        let created = if note.created.is_empty() {
            now.clone()
        } else {
            note.created.clone()
        };
        self.conn.execute(
            "INSERT OR REPLACE INTO notes (id, document, fingerprint, position, quote, sentences, body, created, updated)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                note.id,
                note.document,
                note.anchor.fingerprint,
                note.anchor.position as i64,
                note.anchor.quote,
                sentences,
                note.body,
                created,
                now
            ],
        )?;
        Ok(note.id)
    }

    /// Deletes a note.
    pub fn delete_note(&self, id: i64) -> Result<(), StoreError> {
        self.conn.execute("DELETE FROM notes WHERE id = ?1", [id])?;
        Ok(())
    }

    /// The notes of these documents.
    pub fn notes(&self, documents: &[String]) -> Result<Vec<Note>, StoreError> {
        self.rows_of(
            "SELECT id, document, fingerprint, position, quote, sentences, body, created, updated
             FROM notes WHERE document = ?1 ORDER BY id",
            documents,
            |r| {
                Ok(Note {
                    id: r.get(0)?,
                    document: r.get(1)?,
                    anchor: anchor_at(r, 2)?,
                    sentences: r.get::<_, Option<String>>(5)?.and_then(|s| parse_range(&s)),
                    body: r.get(6)?,
                    created: r.get(7)?,
                    updated: r.get(8)?,
                })
            },
        )
    }

    /// Moves a bookmark's anchor (its paragraph changed and was found again).
    pub fn move_bookmark(&self, id: i64, anchor: &Anchor) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE bookmarks SET fingerprint = ?2, position = ?3 WHERE id = ?1",
            params![id, anchor.fingerprint, anchor.position as i64],
        )?;
        Ok(())
    }

    /// Moves a note's anchor (its paragraph changed and was found again).
    pub fn move_note(&self, id: i64, anchor: &Anchor) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE notes SET fingerprint = ?2, position = ?3 WHERE id = ?1",
            params![id, anchor.fingerprint, anchor.position as i64],
        )?;
        Ok(())
    }

    /// Saves a draft (a new one when its id is 0); returns its id.
    pub fn save_draft(&self, draft: &Draft) -> Result<i64, StoreError> {
        let n = &draft.note;
        let sentences = n.sentences.map(|(a, b)| format!("{a}-{b}"));
        let note = (n.id != 0).then_some(n.id);
        let id = (draft.id != 0).then_some(draft.id);
        self.conn.execute(
            "INSERT OR REPLACE INTO drafts (id, document, fingerprint, position, quote, sentences, note, body, saved)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                id,
                n.document,
                n.anchor.fingerprint,
                n.anchor.position as i64,
                n.anchor.quote,
                sentences,
                note,
                n.body,
                now()
            ],
        )?;
        Ok(draft.id.max(self.conn.last_insert_rowid()))
    }

    /// Deletes a draft (its note was saved, or the user let it go).
    pub fn discard_draft(&self, id: i64) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM drafts WHERE id = ?1", [id])?;
        Ok(())
    }

    /// The newest draft left over for one of these documents.
    pub fn latest_draft(&self, documents: &[String]) -> Result<Option<Draft>, StoreError> {
        let drafts = self.rows_of(
            "SELECT id, document, fingerprint, position, quote, sentences, note, body, saved
             FROM drafts WHERE document = ?1",
            documents,
            |r| {
                Ok(Draft {
                    id: r.get(0)?,
                    note: Note {
                        id: r.get::<_, Option<i64>>(6)?.unwrap_or(0),
                        document: r.get(1)?,
                        anchor: anchor_at(r, 2)?,
                        sentences: r.get::<_, Option<String>>(5)?.and_then(|s| parse_range(&s)),
                        body: r.get(7)?,
                        ..Note::default()
                    },
                    saved: r.get(8)?,
                })
            },
        )?;
        Ok(drafts
            .into_iter()
            .max_by(|a, b| (&a.saved, a.id).cmp(&(&b.saved, b.id))))
    }
}

impl Store {
    /// Remembers the documents open now and where the reader is, in place of the last
    /// session.
    pub fn save_session(&mut self, documents: &[Recent]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM last_session", [])?;
        for (place, d) in documents.iter().enumerate() {
            tx.execute(
                "INSERT INTO last_session (place, document, path, current, fingerprint, position, quote, saved)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    place as i64,
                    d.document,
                    d.path,
                    d.current,
                    d.at.as_ref().map(|a| a.fingerprint.clone()),
                    d.at.as_ref().map(|a| a.position as i64),
                    d.at.as_ref().map(|a| a.quote.clone()),
                    now()
                ],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The documents of the last session, in the order they were open.
    pub fn last_session(&self) -> Result<Vec<Recent>, StoreError> {
        let mut query = self.conn.prepare(
            "SELECT document, path, current, fingerprint, position, quote
             FROM last_session ORDER BY place",
        )?;
        let rows = query.query_map([], |r| {
            let fingerprint: Option<String> = r.get(3)?;
            Ok(Recent {
                document: r.get(0)?,
                path: r.get(1)?,
                current: r.get(2)?,
                at: match fingerprint {
                    Some(fingerprint) => Some(Anchor {
                        fingerprint,
                        position: r.get::<_, Option<i64>>(4)?.unwrap_or(0).max(0) as usize,
                        quote: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                    }),
                    None => None,
                },
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}

/// The anchor stored in three columns from `first` on: fingerprint, position, quote.
fn anchor_at(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Anchor> {
    Ok(Anchor {
        fingerprint: r.get(first)?,
        position: r.get::<_, i64>(first + 1)?.max(0) as usize,
        quote: r.get(first + 2)?,
    })
}

/// `"2-4"` → (2, 4).
fn parse_range(text: &str) -> Option<(usize, usize)> {
    let (a, b) = text.split_once('-')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// Creates an empty file readable by its owner only, unless it exists.
fn create_private_file(path: &Path) {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    // When this fails the file exists already, or SQLite will report why it cannot open it.
    let _ = options.open(path);
}

#[cfg(test)]
mod tests;
