//! Bookmarks, notes and the briefing note, driven through the app with keys and carried out
//! on a real store in a temporary data directory; two processes writing at once; writers
//! killed mid-save.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use brief::app::{App, Effect};
use brief::doc::BlockId;
use brief::doc::open::{OpenOptions, bundled};
use brief::effects::Notes;
use brief::export::{self, Input, Source};
use brief::index::gazetteer::Gazetteer;
use brief::keymap::chord::NamedKey;
use brief::keymap::{Key, Keymap};
use brief::store::anchor::Anchor;
use brief::store::{Note, Store};
use brief::vocabulary::Mode;

fn seed_app() -> App {
    App::new(
        brief::effects::start(vec![bundled(OpenOptions::default())]),
        Keymap::preset("default").unwrap(),
        (100, 30),
    )
}

/// Presses keys and carries out what they ask of the store, as the runtime does.
/// The reader on one file, at 100x30.
fn app_on_file(path: &Path) -> App {
    let docs = brief::doc::open::open_paths(&[path.to_path_buf()], OpenOptions::default());
    App::new(
        brief::effects::start(docs.documents),
        Keymap::preset("default").unwrap(),
        (100, 30),
    )
}

fn press(app: &mut App, notes: &Notes, keys: &[Key]) -> Vec<u8> {
    let mut terminal = Vec::new();
    for &key in keys {
        let mut effects = app.press(key);
        while !effects.is_empty() {
            let mut next = Vec::new();
            for effect in notes.run(app, effects, &mut terminal) {
                match effect {
                    Effect::Quit => panic!("nothing here quits"),
                    // Answered as the jump worker would.
                    Effect::FindMatches { generation, query } => {
                        let index = app.jump_index.clone().unwrap();
                        let query = brief::index::jump::Query::parse(&query);
                        let found = index.search(&query, None, &|| false).unwrap();
                        next.extend(app.receive(brief::app::Message::Matches(generation, found)));
                    }
                    _ => {}
                }
            }
            effects = next;
        }
    }
    terminal
}

fn typed(text: &str) -> Vec<Key> {
    text.chars()
        .map(|c| match c {
            '\n' => Key::named(NamedKey::Enter),
            c => Key::char(c),
        })
        .collect()
}

/// The first block whose text holds `needle`.
fn block_with(app: &App, needle: &str) -> BlockId {
    BlockId(
        app.docs[0]
            .blocks
            .iter()
            .position(|b| b.text().contains(needle))
            .unwrap(),
    )
}

/// Puts a block at the top of the reader through the palette-free way a user would: `}`
/// until it is there.
fn go_to(app: &mut App, block: BlockId) {
    for _ in 0..500 {
        if app.current_block() == block {
            return;
        }
        app.press(Key::char('}'));
    }
    panic!("never reached block {block:?}");
}

#[test]
fn bookmarks_are_toggled_named_listed_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let notes = Notes::with(Store::open(dir.path()).unwrap());
    let mut app = seed_app();
    let railway = block_with(&app, "中吉乌铁路建设");
    go_to(&mut app, railway);
    press(&mut app, &notes, &[Key::char('m')]);
    assert_eq!(
        app.annotations.mark(0, railway),
        Some(brief::app::annotations::Mark::Bookmark)
    );
    press(&mut app, &notes, &[Key::char('m')]);
    assert_eq!(app.annotations.mark(0, railway), None, "m again removes it");

    let mut keys = vec![Key::char('M')];
    keys.extend(typed("railway"));
    keys.push(Key::named(NamedKey::Enter));
    press(&mut app, &notes, &keys);
    assert_eq!(
        app.annotations.bookmarks[0].item.name.as_deref(),
        Some("railway")
    );
    let said = app.message.as_ref().map(|m| m.text.as_str());
    assert_eq!(
        said,
        Some("Bookmarked as “railway”"),
        "a named bookmark says so"
    );

    // `'` lists them; d deletes, u brings it back.
    press(&mut app, &notes, &[Key::char('\'')]);
    assert_eq!(app.mode(), Mode::Outline);
    let (tree, _) = app.shown();
    assert!(
        tree.entries[0].title.starts_with("railway — "),
        "{}",
        tree.entries[0].title
    );
    press(&mut app, &notes, &[Key::char('d')]);
    assert!(app.annotations.bookmarks.is_empty());
    press(&mut app, &notes, &[Key::char('u')]);
    assert_eq!(app.annotations.bookmarks.len(), 1, "undo restores it");
    // Enter jumps to it.
    press(&mut app, &notes, &[Key::named(NamedKey::Enter)]);
    assert_eq!(app.current_block(), railway);
}

#[test]
fn a_note_quotes_the_sentences_chosen_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = seed_app();
    let paragraph = block_with(&app, "中吉政治互信持续巩固");
    go_to(&mut app, paragraph);
    {
        let notes = Notes::with(Store::open(dir.path()).unwrap());
        press(&mut app, &notes, &[Key::char('a')]);
        assert_eq!(app.mode(), Mode::Editor);
        let editor = app.editor().unwrap();
        assert!(editor.sentences.len() >= 3, "{:?}", editor.sentences);
        assert!(editor.whole() && editor.choosing);
        // Down: start at the second sentence; Left: end one before the last.
        press(
            &mut app,
            &notes,
            &[Key::named(NamedKey::Down), Key::named(NamedKey::Left)],
        );
        let editor = app.editor().unwrap();
        let last = editor.sentences.len() - 1;
        assert_eq!(editor.range, (1, last - 1));
        let quote = editor.quote();
        // Chinese sentences are quoted as the paragraph has them, with no space between.
        assert!(!quote.contains("。 "), "{quote}");
        let text = app.docs[0].blocks[paragraph.0].text();
        assert!(
            brief::store::anchor::one_line(text).contains(&quote),
            "{quote}"
        );
        // q and Tab are text here, not commands.
        press(&mut app, &notes, &typed("Ask the quota.\nSecond line"));
        assert_eq!(app.mode(), Mode::Editor);
        let (draft, revision) = app.draft_due().unwrap();
        assert_eq!(draft.note.body, "Ask the quota.\nSecond line");
        app.receive(brief::app::Message::DraftKept {
            id: draft.id,
            revision,
        });
        assert!(app.draft_due().is_none(), "nothing new to save");
        press(&mut app, &notes, &[Key::named(NamedKey::Esc)]);
        assert_eq!(app.mode(), Mode::Reader);
        let note = &app.annotations.notes[0].item;
        assert_eq!(note.body, "Ask the quota.\nSecond line");
        assert_eq!(note.anchor.quote, quote);
        assert_eq!(note.sentences, Some((1, last - 1)));
        assert_eq!(
            app.annotations.mark(0, paragraph),
            Some(brief::app::annotations::Mark::Note)
        );
    }
    // A new start finds it.
    let mut again = seed_app();
    Notes::with(Store::open(dir.path()).unwrap()).load(&mut again);
    assert_eq!(again.annotations.notes.len(), 1);
    assert_eq!(again.annotations.notes[0].block(), Some(paragraph));
}

#[test]
fn a_quote_joins_its_sentences_as_their_language_writes_them() {
    // Line breaks and a stray space between sentences, as pages and hard-wrapped text have.
    let text = "# Quotes\n\n\
        暗示可能武力介入台湾问题。\\\n这一鲁莽的谬论极为罕见！ 是绝对不可以被原谅的。\n\n\
        日本首相公然宣称。\\\n这一说法严重违背国际法！ 将严重损害地区稳定。\n\n\
        The ministers met in Moscow.\\\nThey spoke of trade.  They agreed on a date.\n\n\
        Officials met in Astana.\\\nThey spoke of energy.  They agreed on a plan.\n\n\
        双方同意合作。\\\nThe leaders met. 吉方愿意合作。 They agreed.\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quotes.md");
    std::fs::write(&path, text).unwrap();
    let mut app = app_on_file(&path);
    let notes = Notes::with(Store::open(&dir.path().join("data")).unwrap());
    let mut quote = |needle: &str, keys: &[Key]| {
        let block = block_with(&app, needle);
        go_to(&mut app, block);
        press(&mut app, &notes, &[Key::char('a')]);
        press(&mut app, &notes, keys);
        let quote = app.editor().unwrap().quote();
        press(&mut app, &notes, &typed("noted"));
        press(&mut app, &notes, &[Key::named(NamedKey::Esc)]);
        let saved = app
            .annotations
            .notes
            .iter()
            .find(|n| n.block() == Some(block))
            .unwrap();
        assert_eq!(saved.item.anchor.quote, quote, "stored as shown");
        quote
    };
    let (down, left) = (Key::named(NamedKey::Down), Key::named(NamedKey::Left));
    assert_eq!(
        quote("暗示可能", &[left]),
        "暗示可能武力介入台湾问题。这一鲁莽的谬论极为罕见！"
    );
    assert_eq!(
        quote("日本首相", &[down]),
        "这一说法严重违背国际法！将严重损害地区稳定。"
    );
    assert_eq!(
        quote("The ministers", &[left]),
        "The ministers met in Moscow. They spoke of trade."
    );
    assert_eq!(
        quote("Officials", &[down]),
        "They spoke of energy. They agreed on a plan."
    );
    assert_eq!(
        quote("双方同意", &[left]),
        "双方同意合作。The leaders met. 吉方愿意合作。"
    );
}

#[test]
fn an_empty_note_is_not_saved_and_a_draft_is_offered_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let notes = Notes::with(Store::open(dir.path()).unwrap());
    let mut app = seed_app();
    press(
        &mut app,
        &notes,
        &[Key::char('a'), Key::named(NamedKey::Esc)],
    );
    assert!(app.annotations.notes.is_empty());

    // Typing, a draft saved, then the process ends without saving the note.
    press(&mut app, &notes, &[Key::char('a')]);
    press(&mut app, &notes, &typed("half a thought"));
    notes.save_draft(&mut app);
    drop(app);

    let mut app = seed_app();
    let notes = Notes::with(Store::open(dir.path()).unwrap());
    let draft = notes.leftover_draft(&app).expect("the draft is kept");
    app.receive(brief::app::Message::LeftoverDraft(Box::new(draft)));
    assert_eq!(app.mode(), Mode::Prompt);
    press(&mut app, &notes, &[Key::named(NamedKey::Enter)]);
    assert_eq!(app.mode(), Mode::Editor);
    press(&mut app, &notes, &typed(", finished"));
    press(&mut app, &notes, &[Key::named(NamedKey::Esc)]);
    assert_eq!(
        app.annotations.notes[0].item.body,
        "half a thought, finished"
    );
    assert!(
        notes.leftover_draft(&app).is_none(),
        "the draft goes once its note is saved"
    );
}

#[test]
fn a_draft_whose_paragraph_is_gone_is_saved_detached_with_its_quote() {
    let dir = tempfile::tempdir().unwrap();
    let original = brief::doc::open::BUNDLED_TEXT;
    let path = dir.path().join("brief.md");
    std::fs::write(&path, original).unwrap();
    let mut app = app_on_file(&path);
    let notes = Notes::with(Store::open(&dir.path().join("data")).unwrap());
    let gone = block_with(&app, "李鸿忠表示");
    let paragraph = app.docs[0].blocks[gone.0].text().to_string();
    go_to(&mut app, gone);
    press(&mut app, &notes, &[Key::char('a')]);
    press(&mut app, &notes, &typed("ask about this"));
    notes.save_draft(&mut app);
    drop(app);

    // The paragraph is gone from the new edition before the draft is restored.
    std::fs::write(&path, original.replace(&paragraph, "")).unwrap();
    let mut app = app_on_file(&path);
    let notes = Notes::with(Store::open(&dir.path().join("data")).unwrap());
    notes.load(&mut app);
    let draft = notes.leftover_draft(&app).expect("the draft is kept");
    app.receive(brief::app::Message::LeftoverDraft(Box::new(draft)));
    press(&mut app, &notes, &[Key::named(NamedKey::Enter)]);
    assert_eq!(app.mode(), Mode::Editor);
    press(&mut app, &notes, &typed(" first"));
    press(&mut app, &notes, &[Key::named(NamedKey::Esc)]);
    let note = app
        .annotations
        .notes
        .iter()
        .find(|n| n.item.body == "ask about this first")
        .expect("the note is saved");
    assert_eq!(note.block(), None, "not attached to whatever is there now");
    assert!(
        note.item.anchor.quote.contains("李鸿忠表示"),
        "it keeps the quote it was written on: {}",
        note.item.anchor.quote
    );
}

#[test]
fn without_a_store_a_note_goes_to_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    // A data directory that is a file: the store cannot open.
    let blocked = dir.path().join("data");
    std::fs::write(&blocked, "").unwrap();
    let (notes, problem) = Notes::open(Some(&blocked));
    assert!(problem.unwrap().contains("Read-only"));
    let mut app = seed_app();
    press(&mut app, &notes, &[Key::char('a')]);
    press(&mut app, &notes, &typed("do not lose me"));
    press(&mut app, &notes, &[Key::named(NamedKey::Esc)]);
    let message = app.message.clone().unwrap();
    assert!(message.is_error);
    let path = message.text.rsplit("kept in ").next().unwrap();
    assert!(
        std::fs::read_to_string(path)
            .unwrap()
            .contains("do not lose me"),
        "{}",
        message.text
    );
}

#[test]
fn copy_sends_the_paragraph_and_its_source_through_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let notes = Notes::with(Store::open(dir.path()).unwrap());
    let mut app = seed_app();
    let railway = block_with(&app, "中吉乌铁路建设");
    go_to(&mut app, railway);
    let sent = String::from_utf8(press(&mut app, &notes, &[Key::char('y')])).unwrap();
    let encoded = sent
        .strip_prefix("\x1b]52;c;")
        .and_then(|s| s.strip_suffix('\x07'))
        .unwrap();
    use base64::Engine;
    let text = String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .unwrap(),
    )
    .unwrap();
    assert!(text.contains("推进中吉乌铁路建设"), "{text}");
    assert!(
        text.contains(
            "— sco-heads-of-government-communique-2025.md › 吉尔吉斯斯坦总统扎帕罗夫会见王毅"
        ),
        "{text}"
    );
    assert!(app.message.unwrap().text.starts_with("Copied"));
}

/// The bundled briefing with two bookmarks (one named) and two notes (one narrowed).
fn annotated(dir: &Path) -> App {
    let store = Store::open(dir).unwrap();
    let mut app = seed_app();
    let key = app.doc_keys[0].clone();
    let doc = &app.docs[0];
    let railway = block_with(&app, "推进中吉乌铁路建设");
    let strategic = block_with(&app, "双方强调建立两国外长战略对话机制");
    let dialogue = block_with(&app, "中吉政治互信持续巩固");
    store
        .add_bookmark(&key, &Anchor::of(doc, railway, None), Some("railway"))
        .unwrap();
    store
        .add_bookmark(&key, &Anchor::of(doc, dialogue, None), None)
        .unwrap();
    store
        .save_note(&Note {
            document: key.clone(),
            anchor: Anchor::of(doc, railway, None),
            body: "Ask about the **timetable**.\nAnd the financing.".into(),
            ..Note::default()
        })
        .unwrap();
    let text = brief::store::anchor::one_line(doc.blocks[strategic.0].text());
    let second = brief::doc::sentences::sentences(&text)[1].clone();
    let quote = &text[second];
    store
        .save_note(&Note {
            document: key.clone(),
            anchor: Anchor::of(doc, strategic, Some(quote)),
            sentences: Some((1, 1)),
            body: "Multilateral angle.".into(),
            ..Note::default()
        })
        .unwrap();
    Notes::with(store).load(&mut app);
    app
}

fn briefing_note(app: &App) -> String {
    export::briefing_note(&Input {
        docs: &app.docs,
        sources: &[Source {
            path: "seeds/sco-heads-of-government-communique-2025.md".into(),
            fingerprint: "sha256:0000000000000000".into(),
        }],
        outline: &app.outline,
        annotations: &app.annotations,
        countries: &app.countries,
        gazetteer: Gazetteer::bundled(),
        exported: "2025-11-21 09:00 +08:00",
    })
}

#[test]
fn the_briefing_note_of_the_bundled_briefing() {
    let dir = tempfile::tempdir().unwrap();
    let app = annotated(dir.path());
    insta::assert_snapshot!(briefing_note(&app));
}

#[test]
fn the_briefing_note_quotes_exactly_what_the_documents_say() {
    let dir = tempfile::tempdir().unwrap();
    let app = annotated(dir.path());
    let note = briefing_note(&app);
    // Every blockquote, read back as Markdown, is a passage of the briefing word for word.
    let mut quotes = Vec::new();
    let mut depth = 0;
    let mut current = String::new();
    for event in pulldown_cmark::Parser::new_ext(&note, pulldown_cmark::Options::all()) {
        use pulldown_cmark::{Event, Tag, TagEnd};
        match event {
            Event::Start(Tag::BlockQuote(_)) => depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => {
                depth -= 1;
                quotes.push(std::mem::take(&mut current));
            }
            Event::Text(t) if depth > 0 => current.push_str(&t),
            Event::SoftBreak if depth > 0 => current.push(' '),
            _ => {}
        }
    }
    assert_eq!(quotes.len(), 3, "{note}");
    let text: Vec<String> = app.docs[0]
        .blocks
        .iter()
        .map(|b| brief::store::anchor::one_line(b.text()))
        .collect();
    for q in &quotes {
        assert!(
            text.iter().any(|t| t == q || t.contains(q.as_str())),
            "not in the briefing: {q}"
        );
    }
    // The user's own Markdown is kept as Markdown.
    assert!(note.contains("Ask about the **timetable**."));
}

#[test]
fn a_document_with_markup_characters_exports_as_it_reads() {
    let dir = tempfile::tempdir().unwrap();
    let text = "# Brief\n\nThe *draft* uses [brackets], 1\\. numbers & <tags> in `code`.\n";
    let doc = brief::doc::Document::parse(
        "m.md",
        None,
        "UTF-8",
        text,
        brief::doc::Format::Markdown,
        brief::doc::ParseOptions::default(),
    );
    let shown = brief::store::anchor::one_line(doc.blocks[1].text());
    let mut app = App::new(
        brief::effects::start(vec![doc]),
        Keymap::preset("default").unwrap(),
        (100, 30),
    );
    let store = Store::open(dir.path()).unwrap();
    store
        .add_bookmark(
            &app.doc_keys[0],
            &Anchor::of(&app.docs[0], BlockId(1), None),
            None,
        )
        .unwrap();
    Notes::with(store).load(&mut app);
    let note = briefing_note(&app);
    let quoted: String = pulldown_cmark::Parser::new(&note)
        .skip_while(|e| {
            !matches!(
                e,
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::BlockQuote(_))
            )
        })
        .take_while(|e| {
            !matches!(
                e,
                pulldown_cmark::Event::End(pulldown_cmark::TagEnd::BlockQuote(_))
            )
        })
        .filter_map(|e| match e {
            pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => Some(t.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(quoted, shown);
}

#[test]
fn notes_reattach_after_the_briefing_is_reissued() {
    let dir = tempfile::tempdir().unwrap();
    let original = brief::doc::open::BUNDLED_TEXT;
    let path = dir.path().join("brief.md");
    std::fs::write(&path, original).unwrap();
    let mut app = app_on_file(&path);
    let store = Store::open(&dir.path().join("data")).unwrap();
    let railway = block_with(&app, "推进中吉乌铁路建设");
    let gone = block_with(&app, "李鸿忠表示");
    let key = app.doc_keys[0].clone();
    for block in [railway, gone] {
        store
            .save_note(&Note {
                document: key.clone(),
                anchor: Anchor::of(&app.docs[0], block, None),
                body: format!("note on {}", block.0),
                ..Note::default()
            })
            .unwrap();
    }
    // Reissued: a paragraph inserted at the top, a word changed in the railway paragraph,
    // the other paragraph removed.
    let lihongzhong = app.docs[0].blocks[gone.0].text();
    let reissued = original
        .replacen("\n\n", "\n\n更正：本版有一处修改。\n\n", 1)
        .replace("推进中吉乌铁路建设", "加快推进中吉乌铁路建设")
        .replace(lihongzhong, "");
    std::fs::write(&path, reissued).unwrap();
    app = app_on_file(&path);
    let notes = Notes::with(store);
    notes.load(&mut app);
    let placed = &app.annotations.notes;
    assert_eq!(placed.len(), 2, "no note is dropped");
    let moved = placed
        .iter()
        .find(|n| n.item.body == format!("note on {}", railway.0))
        .unwrap();
    let block = moved.block().expect("re-attached");
    assert!(
        app.docs[0].blocks[block.0]
            .text()
            .contains("加快推进中吉乌铁路建设")
    );
    let detached = placed
        .iter()
        .find(|n| n.item.body == format!("note on {}", gone.0))
        .unwrap();
    assert_eq!(
        detached.block(),
        None,
        "its paragraph is gone: detached, kept"
    );
    let (tree, _) = app.annotations.note_tree(&app.docs);
    assert!(tree.entries.iter().any(|e| e.title.starts_with("Detached")));
    assert!(briefing_note(&app).contains("## Detached notes"));
}

/// The child side of the process tests: saves `BRIEF_TEST_NOTES` notes into
/// `BRIEF_TEST_STORE`, printing each id once its transaction has returned.
#[test]
fn child_writer() {
    let (Some(dir), Some(count)) = (
        std::env::var_os("BRIEF_TEST_STORE"),
        std::env::var("BRIEF_TEST_NOTES").ok(),
    ) else {
        return;
    };
    let tag = std::env::var("BRIEF_TEST_TAG").unwrap_or_default();
    let store = Store::open(Path::new(&dir)).unwrap();
    for n in 0..count.parse::<usize>().unwrap() {
        let id = store
            .save_note(&Note {
                document: "shared.md".into(),
                anchor: Anchor {
                    fingerprint: format!("{tag}{n}"),
                    position: n,
                    quote: "段落".into(),
                    ..Anchor::default()
                },
                body: format!("{tag} note {n}"),
                ..Note::default()
            })
            .unwrap();
        println!("saved {id}");
    }
}

/// The id in a child writer's `saved N` line.
fn saved_id(line: &str) -> Option<i64> {
    line.split("saved ").nth(1)?.trim().parse().ok()
}

fn writer(dir: &Path, notes: usize, tag: &str) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["child_writer", "--exact", "--nocapture", "--test-threads=1"])
        .env("BRIEF_TEST_STORE", dir)
        .env("BRIEF_TEST_NOTES", notes.to_string())
        .env("BRIEF_TEST_TAG", tag)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn two_processes_writing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    Store::open(dir.path()).unwrap();
    let a = writer(dir.path(), 150, "a");
    let b = writer(dir.path(), 150, "b");
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
    }
    let notes = Store::open(dir.path())
        .unwrap()
        .notes(&["shared.md".into()])
        .unwrap();
    assert_eq!(
        notes.iter().filter(|n| n.body.starts_with("a ")).count(),
        150
    );
    assert_eq!(
        notes.iter().filter(|n| n.body.starts_with("b ")).count(),
        150
    );
}

#[cfg(unix)]
#[test]
fn writers_killed_mid_save_leave_every_saved_note_and_a_sound_database() {
    let dir = tempfile::tempdir().unwrap();
    Store::open(dir.path()).unwrap();
    let mut saved: Vec<i64> = Vec::new();
    // Kill after a different number of saves each round, so the kill lands at many moments.
    for round in 0..12 {
        let mut child = writer(dir.path(), 100_000, &format!("r{round}"));
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let wait_for = 5 + round * 7;
        let mut seen = 0;
        while seen < wait_for {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(id) = saved_id(&line) {
                        saved.push(id);
                        seen += 1;
                    }
                }
                _ => break,
            }
        }
        // SIGKILL: no chance to clean up.
        child.kill().unwrap();
        saved.extend(lines.map_while(Result::ok).filter_map(|l| saved_id(&l)));
        child.wait().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    let ids: std::collections::HashSet<i64> = store
        .notes(&["shared.md".into()])
        .unwrap()
        .into_iter()
        .map(|n| n.id)
        .collect();
    assert!(saved.len() > 100);
    for id in &saved {
        assert!(ids.contains(id), "note {id} was saved and is gone");
    }
    let conn = rusqlite::Connection::open(dir.path().join(brief::store::DATABASE)).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn the_jump_palette_finds_bookmarks_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let notes = Notes::with(Store::open(dir.path()).unwrap());
    let mut app = seed_app();
    let index =
        brief::index::jump::JumpIndex::build(&app.docs, &app.countries, Gazetteer::bundled());
    app.receive(brief::app::Message::JumpIndexReady(std::sync::Arc::new(
        index,
    )));
    let railway = block_with(&app, "推进中吉乌铁路建设");
    let other = block_with(&app, "中吉政治互信持续巩固");
    go_to(&mut app, railway);
    let mut keys = vec![Key::char('M')];
    keys.extend(typed("railway"));
    keys.push(Key::named(NamedKey::Enter));
    press(&mut app, &notes, &keys);
    go_to(&mut app, other);
    press(&mut app, &notes, &[Key::char('a')]);
    press(&mut app, &notes, &typed("Raise the visa quota"));
    press(
        &mut app,
        &notes,
        &[Key::named(NamedKey::Esc), Key::char('g')],
    );

    // ' alone narrows to bookmarks; Enter jumps to the bookmarked paragraph.
    let mut keys = vec![Key::char('f')];
    keys.extend(typed("' rail"));
    press(&mut app, &notes, &keys);
    let first = app.palette_shown(&app.palette.found.matches[0]).unwrap();
    assert_eq!(first.kind, brief::index::jump::CandidateKind::Bookmark);
    assert_eq!(app.palette.found.matches.len(), 1);
    press(&mut app, &notes, &[Key::named(NamedKey::Enter)]);
    assert_eq!(app.current_block(), railway);

    // ! alone narrows to notes, and a plain query finds notes among everything else.
    for query in ["! visa", "visa quota"] {
        let mut keys = vec![Key::char('f')];
        keys.extend(typed(query));
        press(&mut app, &notes, &keys);
        let first = app.palette_shown(&app.palette.found.matches[0]).unwrap();
        assert_eq!(
            first.kind,
            brief::index::jump::CandidateKind::Note,
            "{query}"
        );
        assert!(
            first.text.starts_with("Raise the visa quota — "),
            "{}",
            first.text
        );
        press(&mut app, &notes, &[Key::named(NamedKey::Enter)]);
        assert_eq!(app.current_block(), other, "{query}");
    }
}

#[test]
fn the_briefing_note_indexes_the_documents_its_passages_cite() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut app = seed_app();
    let key = app.doc_keys[0].clone();
    let charter = block_with(&app, "《上合组织宪章》");
    store
        .add_bookmark(&key, &Anchor::of(&app.docs[0], charter, None), None)
        .unwrap();
    Notes::with(store).load(&mut app);
    let note = briefing_note(&app);
    let index = note
        .split("## Index of documents cited")
        .nth(1)
        .unwrap_or_else(|| panic!("no index of documents: {note}"));
    assert!(index.contains("**《上合组织宪章》**"), "{index}");
    assert!(
        note.contains("Documents cited: 《联合国宪章》, 《上合组织宪章》"),
        "{note}"
    );
}

#[test]
fn the_briefing_note_names_the_people_of_its_passages() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut app = seed_app();
    let key = app.doc_keys[0].clone();
    let talks = block_with(&app, "王毅19日在比什凯克同");
    store
        .add_bookmark(&key, &Anchor::of(&app.docs[0], talks, None), None)
        .unwrap();
    Notes::with(store).load(&mut app);
    let note = briefing_note(&app);
    assert!(
        note.contains("People: 王毅 — 中共中央政治局委员、外交部长 (CN), 库鲁巴耶夫"),
        "{note}"
    );
    let index = note
        .split("## Index of people")
        .nth(1)
        .unwrap_or_else(|| panic!("no index of people: {note}"));
    assert!(
        index.contains("**库鲁巴耶夫 — 吉尔吉斯共和国外交部长 (KG)**"),
        "{index}"
    );
}
