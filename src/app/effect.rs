//! `Effect`: what the app asks the outside to do — write to the store, copy through the
//! terminal, ask the jump worker, open a file, quit. The app never does these itself; their
//! results come back as [`super::Message`]s.

/// Something `update` asks the runtime to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Leave brief, restoring the terminal.
    Quit,
    /// Stop brief until the shell continues it, the terminal given back meanwhile.
    Suspend,
    /// Lay open document `doc` out at `width` in the background (a long one, when the
    /// reader's width changed); the layout comes back as [`super::Message::LaidOut`].
    LayOut {
        /// The document.
        doc: usize,
        /// The reader's width.
        width: u16,
    },
    /// Ask the jump worker for the matches of a palette query.
    FindMatches {
        /// Answers carry this back, so stale ones can be dropped.
        generation: u64,
        /// The query as typed.
        query: String,
    },
    /// Store a new bookmark.
    AddBookmark {
        /// The document's store key.
        document: String,
        /// The paragraph.
        anchor: crate::store::anchor::Anchor,
        /// The name the user gave it.
        name: Option<String>,
    },
    /// Delete a bookmark.
    RemoveBookmark(crate::store::Bookmark),
    /// Put a deleted bookmark back.
    RestoreBookmark(crate::store::Bookmark),
    /// Save a note (new or edited), then drop its draft.
    SaveNote {
        /// The note.
        note: crate::store::Note,
        /// Its draft's row (0: none).
        draft: i64,
        /// What the status line says once it is saved.
        said: String,
        /// An edited note's text when the editor opened it: if the store holds another text
        /// by now (another `brief` saved it meanwhile), both are kept.
        was: Option<String>,
    },
    /// Delete a note.
    DeleteNote(crate::store::Note),
    /// Drop a draft.
    DiscardDraft(i64),
    /// Keep the answer about a document that may be a new edition: its notes are those of
    /// the stored document `key`, or it is a document of its own, or ask again later.
    Attach {
        /// The open document.
        doc: usize,
        /// The stored document it may be.
        key: String,
        /// The answer.
        answer: crate::store::documents::Answer,
    },
    /// Read the bookmarks and notes again (another brief may have changed them).
    RefreshAnnotations,
    /// Put text on the clipboard through the terminal (OSC 52).
    Copy {
        /// The text.
        text: String,
        /// What it is, for the status line.
        what: String,
    },
    /// Follow a link to a briefing file: show it if it is open, else read and show it (at
    /// the heading its `#anchor` names); the outside looks at the file system.
    Follow(crate::doc::link_target::FileLink),
    /// Write the briefing note to a file.
    Export {
        /// The path as typed (`~/` is the home directory).
        path: String,
        /// Whether to write over a file already there (else the user is asked first).
        overwrite: bool,
    },
}
