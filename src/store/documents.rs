//! Which stored document an opened file is. Notes belong to a document, not to a path: a
//! briefing renamed, moved to another folder, or reissued under a new name as a new edition
//! finds its notes. A document is known by a key (the path it was first annotated under)
//! and, once it has bookmarks or notes, by a signature of its content and its title; a file
//! is matched to it by its path first, then by content. A certain match is taken; a plausible
//! one is put to the user once, and the answer kept.

use rusqlite::{OptionalExtension, params};

use super::anchor::normal_text;
pub use super::signature::Signature;
use super::{Store, StoreError, now};
use crate::doc::Document;

/// At least this alike (the share of paragraphs two documents have in common), a file is
/// the document: renamed or moved, or an edition with a few paragraphs amended.
const CERTAIN: f64 = 0.8;
/// At least this alike with the same title, a file is the document too.
const CERTAIN_WITH_TITLE: f64 = 0.5;
/// At least this alike under another title, a file is the document: retitled, with hardly
/// a paragraph amended (a new title and a few amended paragraphs are asked about).
const CERTAIN_RETITLED: f64 = 0.9;
/// At least this alike, a file may be a new edition: ask.
const PLAUSIBLE: f64 = 0.3;
/// At least this alike with the same title, a file may be a new edition too (a title alone,
/// with no paragraph in common, says nothing: briefings share titles).
const PLAUSIBLE_WITH_TITLE: f64 = 0.1;

/// The title a document is matched by: its front matter's, else its first heading's, folded
/// (never its file name, which is what changes).
pub fn title_of(doc: &Document) -> String {
    let title = doc.front_title.clone().or_else(|| {
        doc.headings()
            .map(|(_, _, b)| b.text().to_string())
            .find(|t| !t.trim().is_empty())
    });
    title.map(|t| normal_text(&t)).unwrap_or_default()
}

/// A document with notes that a file might be.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Its key.
    pub key: String,
    /// The file it was last read from.
    pub path: Option<String>,
    /// Its notes and bookmarks.
    pub count: Tally,
    /// The share of paragraphs in common with the file.
    pub likeness: f64,
}

/// A document's notes and bookmarks, counted apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// How many notes.
    pub notes: usize,
    /// How many bookmarks.
    pub bookmarks: usize,
}

impl Tally {
    /// Notes and bookmarks together.
    pub fn total(&self) -> usize {
        self.notes + self.bookmarks
    }
}

impl std::fmt::Display for Tally {
    /// "2 notes and 1 bookmark", "1 note", "3 bookmarks".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
        match (self.notes, self.bookmarks) {
            (n, 0) => f.write_str(&plural(n, "note")),
            (0, b) => f.write_str(&plural(b, "bookmark")),
            (n, b) => write!(f, "{} and {}", plural(n, "note"), plural(b, "bookmark")),
        }
    }
}

impl Candidate {
    /// The name of the file it was last read from (its key when unknown).
    pub fn file_name(&self) -> String {
        let path = self.path.as_deref().unwrap_or(&self.key);
        std::path::Path::new(path)
            .file_name()
            .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
    }
}

/// What an opened file is, as far as its notes are concerned.
#[derive(Clone, Debug, PartialEq)]
pub enum Identity {
    /// A document of its own, under its path's key (known, or new).
    Own,
    /// Known under this key: its path was matched to it before.
    Known(String),
    /// Found by its content, for certain: renamed or moved, or a new edition.
    Found(Candidate),
    /// Perhaps this document (a new edition under a new name?): the user is asked.
    Ask(Candidate),
}

/// The user's answer to whether a file is a new edition of a document with notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// It is: it takes the document's notes.
    Yes,
    /// It is a document of its own: not asked again.
    No,
    /// Not now: asked again next time it is opened.
    Later,
}

impl Answer {
    /// How the answer is stored.
    fn code(self) -> i64 {
        match self {
            Answer::No => 0,
            Answer::Yes => 1,
            Answer::Later => 2,
        }
    }
}

/// A document that has bookmarks or notes, for `brief notes` over everything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotated {
    /// Its key.
    pub key: String,
    /// The file it was last read from (`None` for the bundled briefing, or when unknown).
    pub path: Option<String>,
    /// When a bookmark or note of it last changed.
    pub latest: String,
}

/// The keys of the open documents, counted: whether a key is another document's is one
/// lookup however many are open.
#[derive(Clone, Debug, Default)]
pub struct OpenKeys {
    counts: std::collections::HashMap<String, usize>,
}

impl OpenKeys {
    /// The keys of the documents open.
    pub fn new<'a>(keys: impl IntoIterator<Item = &'a String>) -> OpenKeys {
        let mut open = OpenKeys::default();
        for key in keys {
            open.add(key);
        }
        open
    }

    /// A document is open under `key`.
    pub fn add(&mut self, key: &str) {
        *self.counts.entry(key.to_string()).or_default() += 1;
    }

    /// A document open under `old` is now known as `new`.
    pub fn rename(&mut self, old: &str, new: &str) {
        if let Some(n) = self.counts.get_mut(old) {
            *n -= 1;
            if *n == 0 {
                self.counts.remove(old);
            }
        }
        self.add(new);
    }

    /// Whether a document other than the one open under `mine` is open under `key`.
    pub fn other_than(&self, mine: &str, key: &str) -> bool {
        let n = self.counts.get(key).copied().unwrap_or(0);
        n > usize::from(key == mine)
    }
}

impl Store {
    /// Finds which document a file is. `own` is the key of its path; `taken` says whether a
    /// key is another open document's (two files open at once are two documents). With
    /// `by_title_only`, only documents of the same title are compared (for many files at
    /// once, where comparing every file's content would take long).
    pub fn identify(
        &self,
        own: &str,
        doc: &Document,
        taken: &dyn Fn(&str) -> bool,
        by_title_only: bool,
    ) -> Result<Identity, StoreError> {
        let attached: Option<String> = self
            .conn
            .query_row(
                "SELECT key FROM aliases WHERE path = ?1 AND attached = 1 ORDER BY decided DESC",
                [own],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(key) = attached.filter(|k| !taken(k)) {
            return Ok(Identity::Known(key));
        }
        // A question put off is asked again, even if notes were written on the file since.
        let later: Option<(String, Option<String>)> = self
            .conn
            .query_row(
                "SELECT a.key, d.path FROM aliases AS a LEFT JOIN documents AS d ON d.key = a.key
                 WHERE a.path = ?1 AND a.attached = 2 ORDER BY a.decided DESC",
                [own],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((key, path)) = later.filter(|(k, _)| !taken(k)) {
            let count = self.tally(&key)?;
            if count.total() > 0 {
                let likeness = 0.0;
                return Ok(Identity::Ask(Candidate {
                    key,
                    path,
                    count,
                    likeness,
                }));
            }
        }
        if self.count(own)? > 0 {
            return Ok(Identity::Own);
        }
        let mut declined = Vec::new();
        let mut query = self
            .conn
            .prepare_cached("SELECT key FROM aliases WHERE path = ?1 AND attached = 0")?;
        for key in query.query_map([own], |r| r.get::<_, String>(0))? {
            declined.push(key?);
        }
        let mut known: Vec<(String, Option<String>, String, Signature)> = Vec::new();
        let mut query = self
            .conn
            .prepare_cached("SELECT key, path, title, signature FROM documents")?;
        for row in query.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
                Signature::from_bytes(&r.get::<_, Vec<u8>>(3)?),
            ))
        })? {
            let row = row?;
            if row.0 != own && !taken(&row.0) && !declined.contains(&row.0) {
                known.push(row);
            }
        }
        let title = title_of(doc);
        if by_title_only {
            known.retain(|(_, _, t, _)| !title.is_empty() && *t == title);
        }
        if known.is_empty() {
            return Ok(Identity::Own);
        }
        let signature = Signature::of(doc);
        let mut best: Option<(bool, f64, Candidate)> = None;
        for (key, path, known_title, known_signature) in known {
            let count = self.tally(&key)?;
            if count.total() == 0 {
                continue;
            }
            let likeness = signature.likeness(&known_signature);
            let same_title = !title.is_empty() && title == known_title;
            let retitled = !title.is_empty() && !known_title.is_empty() && !same_title;
            let certain = if retitled {
                likeness >= CERTAIN_RETITLED
            } else {
                likeness >= CERTAIN || (same_title && likeness >= CERTAIN_WITH_TITLE)
            };
            let plausible =
                likeness >= PLAUSIBLE || (same_title && likeness >= PLAUSIBLE_WITH_TITLE);
            if !certain && !plausible {
                continue;
            }
            let better = best
                .as_ref()
                .is_none_or(|(c, l, _)| (certain, likeness) > (*c, *l));
            if better {
                let candidate = Candidate {
                    key,
                    path,
                    count,
                    likeness,
                };
                best = Some((certain, likeness, candidate));
            }
        }
        Ok(match best {
            Some((true, _, c)) => Identity::Found(c),
            Some((false, _, c)) => Identity::Ask(c),
            None => Identity::Own,
        })
    }

    /// Whether a question about the file at `path` was put off (asked again when opened).
    pub fn put_off(&self, path: &str) -> Result<bool, StoreError> {
        let n: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM aliases WHERE path = ?1 AND attached = 2",
            [path],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    }

    /// How many bookmarks and notes a document has.
    pub fn count(&self, key: &str) -> Result<usize, StoreError> {
        Ok(self.tally(key)?.total())
    }

    /// A document's notes and bookmarks, counted apart.
    pub fn tally(&self, key: &str) -> Result<Tally, StoreError> {
        let (notes, bookmarks): (i64, i64) = self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM notes WHERE document = ?1),
                    (SELECT COUNT(*) FROM bookmarks WHERE document = ?1)",
            [key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(Tally {
            notes: notes.max(0) as usize,
            bookmarks: bookmarks.max(0) as usize,
        })
    }

    /// Remembers a document with notes as it was last read: its path, title and signature.
    pub fn remember_document(
        &self,
        key: &str,
        path: Option<&str>,
        doc: &Document,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT OR REPLACE INTO documents (key, path, title, signature, seen)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                key,
                path,
                title_of(doc),
                Signature::of(doc).to_bytes(),
                now()
            ],
        )?;
        Ok(())
    }

    /// Keeps the answer about the file at `path`: whether it is document `key`. Yes, and
    /// whatever was written under the path meanwhile joins the document.
    pub fn decide(&self, path: &str, key: &str, answer: Answer) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "INSERT OR REPLACE INTO aliases (path, key, attached, decided) VALUES (?1, ?2, ?3, ?4)",
            params![path, key, answer.code(), now()],
        )?;
        if answer == Answer::Yes && path != key {
            for table in ["bookmarks", "notes", "drafts"] {
                tx.execute(
                    &format!("UPDATE {table} SET document = ?2 WHERE document = ?1"),
                    params![path, key],
                )?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Every document with bookmarks or notes, the one changed most recently first.
    pub fn annotated_documents(&self) -> Result<Vec<Annotated>, StoreError> {
        let mut query = self.conn.prepare(
            "SELECT m.document, d.path, MAX(m.at) AS latest
             FROM (SELECT document, updated AS at FROM notes
                   UNION ALL SELECT document, created AS at FROM bookmarks) AS m
             LEFT JOIN documents AS d ON d.key = m.document
             GROUP BY m.document ORDER BY latest DESC, m.document",
        )?;
        let rows = query.query_map([], |r| {
            let key: String = r.get(0)?;
            let path: Option<String> = r.get(1)?;
            // Documents annotated before they were remembered are known by their path.
            let path = path.or_else(|| (!key.starts_with(super::BUNDLED)).then(|| key.clone()));
            Ok(Annotated {
                key,
                path,
                latest: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        crate::doc::markdown("d.md", text)
    }

    #[test]
    fn titles_come_from_the_text_never_the_file_name() {
        assert_eq!(title_of(&doc("# Ｇ7 Communiqué\n\ntext\n")), "g7communiqué");
        assert_eq!(title_of(&doc("just text\n")), "");
    }

    #[test]
    fn a_tally_says_what_it_counts() {
        let tally = |notes, bookmarks| Tally { notes, bookmarks }.to_string();
        assert_eq!(tally(1, 0), "1 note");
        assert_eq!(tally(0, 3), "3 bookmarks");
        assert_eq!(tally(2, 1), "2 notes and 1 bookmark");
    }
}
