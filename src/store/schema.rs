//! The notes database's schema, one step per version: `PRAGMA user_version` says how many
//! steps have run. A step is never changed once released; a change is a new step.
//!
//! 1. bookmarks, notes and drafts, each anchored by fingerprint, position and quote;
//! 2. the last session, for `brief --recent`;
//! 3. the evidence that finds a passage in a new edition (the whole paragraph of a narrowed
//!    quote, its section, its neighbours, whether it is a heading, which of several identical passages it was), the documents notes were made on (with a
//!    signature of their content, to know them under another name), and the answers given
//!    about which document a file is;
//! 4. the outline pane as the last session left it (shown or hidden, its share of the
//!    width), which the next start takes.

/// The schema, one step per version: `PRAGMA user_version` says how many have run.
pub(super) const MIGRATIONS: &[&str] = &[
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
    "
    ALTER TABLE bookmarks ADD COLUMN paragraph TEXT NOT NULL DEFAULT '';
    ALTER TABLE bookmarks ADD COLUMN section TEXT NOT NULL DEFAULT '';
    ALTER TABLE bookmarks ADD COLUMN preceding TEXT NOT NULL DEFAULT '';
    ALTER TABLE bookmarks ADD COLUMN following TEXT NOT NULL DEFAULT '';
    ALTER TABLE bookmarks ADD COLUMN heading INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE bookmarks ADD COLUMN copy INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE bookmarks ADD COLUMN copies INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE notes ADD COLUMN paragraph TEXT NOT NULL DEFAULT '';
    ALTER TABLE notes ADD COLUMN section TEXT NOT NULL DEFAULT '';
    ALTER TABLE notes ADD COLUMN preceding TEXT NOT NULL DEFAULT '';
    ALTER TABLE notes ADD COLUMN following TEXT NOT NULL DEFAULT '';
    ALTER TABLE notes ADD COLUMN heading INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE notes ADD COLUMN copy INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE notes ADD COLUMN copies INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE drafts ADD COLUMN paragraph TEXT NOT NULL DEFAULT '';
    ALTER TABLE drafts ADD COLUMN section TEXT NOT NULL DEFAULT '';
    ALTER TABLE drafts ADD COLUMN preceding TEXT NOT NULL DEFAULT '';
    ALTER TABLE drafts ADD COLUMN following TEXT NOT NULL DEFAULT '';
    ALTER TABLE drafts ADD COLUMN heading INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE drafts ADD COLUMN copy INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE drafts ADD COLUMN copies INTEGER NOT NULL DEFAULT 1;
    CREATE TABLE documents (
        key TEXT PRIMARY KEY,
        path TEXT,
        title TEXT NOT NULL,
        signature BLOB NOT NULL,
        seen TEXT NOT NULL
    );
    CREATE TABLE aliases (
        path TEXT NOT NULL,
        key TEXT NOT NULL,
        attached INTEGER NOT NULL, -- 1: it is the document, 0: it is not, 2: ask again
        decided TEXT NOT NULL,
        PRIMARY KEY (path, key)
    );
",
    "
    CREATE TABLE last_outline (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        shown INTEGER NOT NULL,
        share INTEGER,
        saved TEXT NOT NULL
    );
",
];
