//! Bookmarks, notes and note drafts: each row names its document (by key) and carries the
//! anchor that finds its passage, in the same seven columns.

use rusqlite::types::ToSql;
use rusqlite::{OptionalExtension, Row, params_from_iter};
use serde::Serialize;

use super::anchor::Anchor;
use super::{Store, StoreError, now};

/// A marked paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bookmark {
    /// Its row.
    pub id: i64,
    /// The document it belongs to (its key: [`super::documents`]).
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
    /// The document it belongs to (its key: [`super::documents`]).
    pub document: String,
    /// Where it is; its quote is what the note is about, as it read when written.
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

/// The anchor's columns, in the order [`anchor_at`] reads them and [`Columns`] writes them.
const ANCHOR: &str =
    "fingerprint, position, quote, paragraph, section, preceding, following, heading, copy, copies";

/// How many columns [`ANCHOR`] names.
const ANCHOR_COLUMNS: usize = 10;

/// `?1, ?2, ...`: the placeholders of a row of `n` values.
fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An anchor's numbers as SQLite stores them.
struct Numbers {
    position: i64,
    copy: i64,
    copies: i64,
}

impl Numbers {
    fn of(a: &Anchor) -> Numbers {
        let n = |x: usize| i64::try_from(x).unwrap_or(i64::MAX);
        Numbers {
            position: n(a.position),
            copy: n(a.copy),
            copies: n(a.copies),
        }
    }
}

/// The values of a row: those before the anchor, the anchor's, those after.
fn row<'a>(
    before: &[&'a dyn ToSql],
    a: &'a Anchor,
    n: &'a Numbers,
    after: &[&'a dyn ToSql],
) -> Vec<&'a dyn ToSql> {
    let mut values: Vec<&dyn ToSql> = before.to_vec();
    values.extend([
        &a.fingerprint as &dyn ToSql,
        &n.position,
        &a.quote,
        &a.paragraph,
        &a.section,
        &a.before,
        &a.after,
        &a.heading,
        &n.copy,
        &n.copies,
    ]);
    values.extend_from_slice(after);
    values
}

impl Store {
    /// Adds a bookmark; returns its id.
    pub fn add_bookmark(
        &self,
        document: &str,
        anchor: &Anchor,
        name: Option<&str>,
    ) -> Result<i64, StoreError> {
        let n = Numbers::of(anchor);
        let created = now();
        let values = row(&[&document], anchor, &n, &[&name, &created]);
        self.conn.execute(
            &format!(
                "INSERT INTO bookmarks (document, {ANCHOR}, name, created) VALUES ({})",
                placeholders(values.len())
            ),
            params_from_iter(values),
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Puts a deleted bookmark back as it was.
    pub fn restore_bookmark(&self, b: &Bookmark) -> Result<(), StoreError> {
        let n = Numbers::of(&b.anchor);
        let values = row(&[&b.id, &b.document], &b.anchor, &n, &[&b.name, &b.created]);
        self.conn.execute(
            &format!(
                "INSERT OR REPLACE INTO bookmarks (id, document, {ANCHOR}, name, created) VALUES ({})",
                placeholders(values.len())
            ),
            params_from_iter(values),
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
            &format!(
                "SELECT id, document, {ANCHOR}, name, created
                 FROM bookmarks WHERE document = ?1 ORDER BY id"
            ),
            documents,
            |r| {
                Ok(Bookmark {
                    id: r.get(0)?,
                    document: r.get(1)?,
                    anchor: anchor_at(r, 2)?,
                    name: r.get(2 + ANCHOR_COLUMNS)?,
                    created: r.get(3 + ANCHOR_COLUMNS)?,
                })
            },
        )
    }

    /// The rows a query gives for each of these documents, in turn.
    pub(super) fn rows_of<T>(
        &self,
        sql: &str,
        documents: &[String],
        row: impl Fn(&Row<'_>) -> rusqlite::Result<T>,
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
        let id = (note.id != 0).then_some(note.id);
        let created = if note.created.is_empty() {
            now.clone()
        } else {
            note.created.clone()
        };
        let n = Numbers::of(&note.anchor);
        let values = row(
            &[&id, &note.document],
            &note.anchor,
            &n,
            &[&sentences, &note.body, &created, &now],
        );
        self.conn.execute(
            &format!(
                "INSERT OR REPLACE INTO notes (id, document, {ANCHOR}, sentences, body, created, updated)
                 VALUES ({})",
                placeholders(values.len())
            ),
            params_from_iter(values),
        )?;
        Ok(id.unwrap_or_else(|| self.conn.last_insert_rowid()))
    }

    /// A note's text as stored now, if it is still there.
    pub fn note_body(&self, id: i64) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT body FROM notes WHERE id = ?1", [id], |r| r.get(0))
            .optional()?)
    }

    /// Deletes a note.
    pub fn delete_note(&self, id: i64) -> Result<(), StoreError> {
        self.conn.execute("DELETE FROM notes WHERE id = ?1", [id])?;
        Ok(())
    }

    /// The notes of these documents.
    pub fn notes(&self, documents: &[String]) -> Result<Vec<Note>, StoreError> {
        self.rows_of(
            &format!(
                "SELECT id, document, {ANCHOR}, sentences, body, created, updated
                 FROM notes WHERE document = ?1 ORDER BY id"
            ),
            documents,
            |r| {
                Ok(Note {
                    id: r.get(0)?,
                    document: r.get(1)?,
                    anchor: anchor_at(r, 2)?,
                    sentences: range_at(r, 2 + ANCHOR_COLUMNS)?,
                    body: r.get(3 + ANCHOR_COLUMNS)?,
                    created: r.get(4 + ANCHOR_COLUMNS)?,
                    updated: r.get(5 + ANCHOR_COLUMNS)?,
                })
            },
        )
    }

    /// Saves a draft (a new one when its id is 0); returns its id.
    pub fn save_draft(&self, draft: &Draft) -> Result<i64, StoreError> {
        let note = &draft.note;
        let sentences = note.sentences.map(|(a, b)| format!("{a}-{b}"));
        let note_id = (note.id != 0).then_some(note.id);
        let id = (draft.id != 0).then_some(draft.id);
        let saved = now();
        let n = Numbers::of(&note.anchor);
        let values = row(
            &[&id, &note.document],
            &note.anchor,
            &n,
            &[&sentences, &note_id, &note.body, &saved],
        );
        self.conn.execute(
            &format!(
                "INSERT OR REPLACE INTO drafts (id, document, {ANCHOR}, sentences, note, body, saved)
                 VALUES ({})",
                placeholders(values.len())
            ),
            params_from_iter(values),
        )?;
        Ok(id.unwrap_or_else(|| self.conn.last_insert_rowid()))
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
            &format!(
                "SELECT id, document, {ANCHOR}, sentences, note, body, saved
                 FROM drafts WHERE document = ?1"
            ),
            documents,
            |r| {
                Ok(Draft {
                    id: r.get(0)?,
                    note: Note {
                        id: r.get::<_, Option<i64>>(3 + ANCHOR_COLUMNS)?.unwrap_or(0),
                        document: r.get(1)?,
                        anchor: anchor_at(r, 2)?,
                        sentences: range_at(r, 2 + ANCHOR_COLUMNS)?,
                        body: r.get(4 + ANCHOR_COLUMNS)?,
                        ..Note::default()
                    },
                    saved: r.get(5 + ANCHOR_COLUMNS)?,
                })
            },
        )?;
        Ok(drafts
            .into_iter()
            .max_by(|a, b| (&a.saved, a.id).cmp(&(&b.saved, b.id))))
    }
}

/// The anchor stored in the columns from `first` on (see [`ANCHOR`]).
fn anchor_at(r: &Row<'_>, first: usize) -> rusqlite::Result<Anchor> {
    let count = |i: usize| -> rusqlite::Result<usize> { Ok(r.get::<_, i64>(i)?.max(0) as usize) };
    Ok(Anchor {
        fingerprint: r.get(first)?,
        position: r.get::<_, i64>(first + 1)?.max(0) as usize,
        quote: r.get(first + 2)?,
        paragraph: r.get(first + 3)?,
        section: r.get(first + 4)?,
        before: r.get(first + 5)?,
        after: r.get(first + 6)?,
        heading: r.get(first + 7)?,
        copy: count(first + 8)?,
        copies: count(first + 9)?.max(1),
    })
}

/// The sentences a note quotes, stored as `"2-4"`.
fn range_at(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<(usize, usize)>> {
    Ok(r.get::<_, Option<String>>(i)?.and_then(|s| parse_range(&s)))
}

/// `"2-4"` → (2, 4).
fn parse_range(text: &str) -> Option<(usize, usize)> {
    let (a, b) = text.split_once('-')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}
