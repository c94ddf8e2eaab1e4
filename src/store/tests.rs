use super::anchor::Anchor;
use super::*;

fn anchor(quote: &str) -> Anchor {
    Anchor {
        fingerprint: anchor::fingerprint(quote),
        position: 3,
        quote: quote.to_string(),
        section: "第一节".into(),
        before: "00ff".into(),
        ..Anchor::default()
    }
}

#[test]
fn bookmarks_and_notes_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let doc = "/briefings/a.md".to_string();
    let id = store
        .add_bookmark(&doc, &anchor("双方同意。"), Some("railway"))
        .unwrap();
    store.add_bookmark(&doc, &anchor("其他。"), None).unwrap();
    store
        .add_bookmark("/other.md", &anchor("不相干。"), None)
        .unwrap();
    let marks = store.bookmarks(std::slice::from_ref(&doc)).unwrap();
    assert_eq!(marks.len(), 2);
    assert_eq!(marks[0].id, id);
    assert_eq!(marks[0].name.as_deref(), Some("railway"));
    assert_eq!(marks[0].anchor, anchor("双方同意。"));

    store.remove_bookmark(id).unwrap();
    assert_eq!(
        store.bookmarks(std::slice::from_ref(&doc)).unwrap().len(),
        1
    );
    store.restore_bookmark(&marks[0]).unwrap();
    assert_eq!(
        store.bookmarks(std::slice::from_ref(&doc)).unwrap(),
        marks,
        "undo puts it back as it was"
    );

    let mut note = Note {
        document: doc.clone(),
        anchor: anchor("双方同意推进中吉乌铁路建设。"),
        sentences: Some((1, 2)),
        body: "Ask about the timetable.\nAnd the financing.".into(),
        ..Note::default()
    };
    note.id = store.save_note(&note).unwrap();
    let saved = &store.notes(std::slice::from_ref(&doc)).unwrap()[0];
    assert_eq!(saved.body, note.body);
    assert_eq!(saved.sentences, Some((1, 2)));
    assert!(!saved.created.is_empty());
    let mut edited = saved.clone();
    edited.body = "Only the timetable.".into();
    store.save_note(&edited).unwrap();
    let notes = store.notes(std::slice::from_ref(&doc)).unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].body, "Only the timetable.");
    assert_eq!(
        notes[0].created, saved.created,
        "editing keeps the creation time"
    );
    store.delete_note(note.id).unwrap();
    assert!(store.notes(&[doc]).unwrap().is_empty());
}

#[test]
fn drafts_are_kept_until_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let doc = "bundled:a.md".to_string();
    let mut draft = Draft {
        note: Note {
            document: doc.clone(),
            anchor: anchor("段落。"),
            body: "half a thou".into(),
            ..Note::default()
        },
        ..Draft::default()
    };
    draft.id = store.save_draft(&draft).unwrap();
    draft.note.body = "half a thought".into();
    assert_eq!(
        store.save_draft(&draft).unwrap(),
        draft.id,
        "saved in place"
    );
    let found = store
        .latest_draft(std::slice::from_ref(&doc))
        .unwrap()
        .unwrap();
    assert_eq!(found.note.body, "half a thought");
    assert_eq!(found.id, draft.id);
    assert!(store.latest_draft(&["other".into()]).unwrap().is_none());
    store.discard_draft(draft.id).unwrap();
    assert!(store.latest_draft(&[doc]).unwrap().is_none());
}

#[test]
fn reopening_keeps_everything_and_the_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store.add_bookmark("d", &anchor("x"), None).unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.bookmarks(&["d".into()]).unwrap().len(), 1);
    let version: i64 = store
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, MIGRATIONS.len() as i64);
    let mode: String = store
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_database_from_a_newer_brief_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::Newer { found: 99, .. }), "{err}");
    assert!(err.to_string().contains("newer brief"), "{err}");
    assert!(std::fs::read(&path).unwrap() == before, "not rewritten");
}

#[test]
fn a_corrupt_database_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(DATABASE),
        b"this is not a database at all, sorry",
    )
    .unwrap();
    let err = Store::open(dir.path()).unwrap_err();
    assert!(err.to_string().contains(DATABASE), "{err}");
}

#[cfg(unix)]
#[test]
fn the_data_directory_and_database_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("nested/brief");
    let store = Store::open(&data).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join(DATABASE)), 0o600);
    // A draft and a note: the write-ahead log and its index are as private as the database.
    store
        .save_draft(&Draft {
            note: Note {
                body: "sensitive".into(),
                ..Note::default()
            },
            ..Draft::default()
        })
        .unwrap();
    store.save_note(&Note::default()).unwrap();
    let files: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(files.len() >= 2, "{files:?}");
    for file in files {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
}

#[test]
fn the_data_directory_flag_wins_over_the_environment() {
    let flag = Path::new("/tmp/flag");
    assert_eq!(data_dir(Some(flag)).unwrap(), flag);
}

#[test]
fn the_last_session_replaces_the_one_before() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    assert!(store.last_session().unwrap().is_empty());
    // Where the reader was needs only the paragraph's text and position.
    let at = |quote: &str| Anchor {
        fingerprint: anchor::fingerprint(quote),
        position: 3,
        quote: quote.to_string(),
        ..Anchor::default()
    };
    let first = vec![Recent {
        document: "/a.md".into(),
        path: Some("/a.md".into()),
        current: true,
        at: Some(at("段落。")),
    }];
    store.save_session(&first).unwrap();
    assert_eq!(store.last_session().unwrap(), first);
    let second = vec![
        Recent {
            document: "bundled:b.md".into(),
            path: None,
            current: false,
            at: None,
        },
        Recent {
            document: "/c.md".into(),
            path: Some("/c.md".into()),
            current: true,
            at: Some(at("另一段。")),
        },
    ];
    store.save_session(&second).unwrap();
    assert_eq!(store.last_session().unwrap(), second);
}

#[test]
fn the_outline_as_it_was_left_comes_back_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.last_outline().unwrap(), None, "nothing left yet");
    }
    let wide = OutlineLayout {
        shown: true,
        share: Some(450),
    };
    Store::open(dir.path()).unwrap().save_outline(wide).unwrap();
    assert_eq!(
        Store::open(dir.path()).unwrap().last_outline().unwrap(),
        Some(wide)
    );
    // The next one takes its place; a hidden outline keeps the width it had.
    let hidden = OutlineLayout {
        shown: false,
        share: Some(450),
    };
    let mut store = Store::open(dir.path()).unwrap();
    store.save_outline(hidden).unwrap();
    store
        .save_outline(OutlineLayout {
            shown: false,
            share: None,
        })
        .unwrap();
    assert_eq!(
        store.last_outline().unwrap(),
        Some(OutlineLayout {
            shown: false,
            share: None
        })
    );
}

#[test]
fn a_database_of_the_first_schema_is_brought_up_to_date_with_its_notes() {
    let dir = tempfile::tempdir().unwrap();
    {
        let conn = Connection::open(dir.path().join(DATABASE)).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.execute_batch("PRAGMA user_version = 1;").unwrap();
        conn.execute(
            "INSERT INTO bookmarks (document, fingerprint, position, quote, created)
             VALUES ('d', 'f', 1, 'q', 'then')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.bookmarks(&["d".into()]).unwrap().len(), 1);
    assert!(
        store.last_session().unwrap().is_empty(),
        "the new table is there"
    );
}
