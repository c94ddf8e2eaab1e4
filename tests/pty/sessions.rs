//! What outlives a key: keymaps, notes in progress, reloads, sessions, libraries, a panic.

use super::*;

#[test]
fn a_bad_user_keymap_is_reported_and_the_preset_still_works() {
    let config = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(config.path().join("brief")).unwrap();
    std::fs::write(
        config.path().join("brief/keymap.toml"),
        "[reader]\nj = \"fly\"\n",
    )
    .unwrap();
    let home = config.path().to_str().unwrap();
    let mut s = Session::start(&[], (120, 30), &[("XDG_CONFIG_HOME", home)]);
    s.wait_for("the keymap error", |s| {
        s.status().contains("keymap not used") && s.status().contains("2:5")
    });
    s.send("G");
    s.wait_for("G still works", |s| s.status().contains("100%"));
    s.send("q");
    s.wait_exit();
    s.assert_terminal_restored();
    assert!(Path::new(home).join("brief/keymap.toml").exists());
}

#[test]
fn a_note_in_progress_survives_sighup_and_is_offered_again() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let mut s = Session::start(&[], (100, 30), &[("BRIEF_DATA_DIR", dir)]);
    s.wait_for("the first screen", |s| s.screen().contains(TITLE));
    s.send("a");
    s.wait_for("the editor", |s| s.screen().contains("New note"));
    s.send("Meeting point: railway financing");
    s.wait_for("the note typed", |s| {
        s.screen().contains("Meeting point: railway financing")
    });
    // The SSH connection drops.
    s.signal("HUP");
    s.wait_exit();
    s.assert_terminal_restored();

    let mut again = Session::start(&[], (100, 30), &[("BRIEF_DATA_DIR", dir)]);
    again.wait_for("the draft offered", |s| {
        s.status().contains("An unsaved note was kept")
    });
    again.send("\r");
    again.wait_for("the draft back in the editor", |s| {
        s.screen().contains("New note") && s.screen().contains("Meeting point: railway financing")
    });
    again.send("\x13"); // Ctrl-s saves
    again.wait_for("the note saved", |s| s.status().contains("Note saved"));
    again.send("q");
    again.wait_exit();
    again.assert_terminal_restored();

    // A third start finds the note, and no draft to offer.
    let mut third = Session::start(&[], (100, 30), &[("BRIEF_DATA_DIR", dir)]);
    third.wait_for("the first screen", |s| s.screen().contains(TITLE));
    third.send("'");
    third.send("\t");
    third.wait_for("the Notes view", |s| {
        s.screen().contains("Meeting point: railway")
    });
    assert!(!third.status().contains("unsaved note"));
    third.send("q");
    third.wait_exit();
}

#[test]
fn an_edited_briefing_reloads_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brief.md");
    let text = brief::doc::open::BUNDLED_TEXT;
    std::fs::write(&file, text).unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], (100, 30), &[]);
    s.wait_for("the title", |s| s.screen().contains(TITLE));
    // Down to the railway sentence's paragraph.
    s.send("f");
    s.send("zjwtl");
    s.wait_for("the palette's answer", |s| {
        s.screen().contains("中吉乌铁路")
    });
    s.send("\r");
    s.wait_for("the jump", |s| {
        s.reader_top().contains("中吉乌") || s.reader_top().contains("扎帕罗夫")
    });
    let top = s.reader_top();
    // An updated edition: a correction inserted at the top, saved as editors do.
    let edition = text.replacen("\n\n", "\n\n更正：本版新增一段。\n\n", 1);
    let tmp = dir.path().join(".brief.md.tmp");
    std::fs::write(&tmp, edition).unwrap();
    std::fs::rename(&tmp, &file).unwrap();
    s.wait_for("the reload", |s| {
        s.status()
            .contains("changed since you last read it (1 new)")
    });
    assert_eq!(s.reader_top(), top, "the reader stays on the same passage");
    // Reading the new edition is not a change: the reader does not reload it again (and
    // again), and goes back to sleep.
    #[cfg(target_os = "linux")]
    {
        while let Ok(bytes) = s.output.recv_timeout(Duration::from_millis(800)) {
            s.parser.process(&bytes);
        }
        let pid = s.child.process_id().unwrap();
        let before = cpu_ticks(pid);
        std::thread::sleep(Duration::from_secs(3));
        let used = cpu_ticks(pid) - before;
        assert!(used <= 1, "{used} ticks of CPU in 3 s after a reload");
    }
    std::fs::remove_file(&file).unwrap();
    s.wait_for("the file marked gone", |s| {
        s.status().contains("removed from disk")
    });
    s.send("q");
    s.wait_exit();
    s.assert_terminal_restored();
}

#[test]
fn recent_reopens_the_last_documents_where_the_reader_was() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data = data.to_str().unwrap();
    let file = dir.path().join("brief.md");
    std::fs::write(&file, brief::doc::open::BUNDLED_TEXT).unwrap();
    let mut s = Session::start(
        &[file.to_str().unwrap()],
        (100, 30),
        &[("BRIEF_DATA_DIR", data)],
    );
    s.wait_for("the title", |s| s.screen().contains(TITLE));
    s.send("f");
    s.send("jierjisi");
    // The whole answer, not "0 found…" while the worker is still searching.
    s.wait_for("the palette's answer", |s| {
        let screen = s.screen();
        screen.contains(" found") && !screen.contains("found…") && !screen.contains(" 0 found")
    });
    s.send("\r");
    s.wait_for("the jump", |s| !s.reader_top().contains(TITLE));
    let top = s.reader_top();
    s.send("q");
    s.wait_exit();

    let mut again = Session::start(&["--recent"], (100, 30), &[("BRIEF_DATA_DIR", data)]);
    again.wait_for("the same document at the same place", |s| {
        s.reader_top() == top && s.status().contains("brief.md")
    });
    again.send("q");
    again.wait_exit();
}

#[test]
fn a_briefing_opened_again_alone_opens_where_it_was_left() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data = data.to_str().unwrap();
    let file = dir.path().join("brief.md");
    let other = dir.path().join("other.md");
    std::fs::write(&file, brief::doc::open::BUNDLED_TEXT).unwrap();
    std::fs::write(&other, brief::doc::open::BUNDLED_TEXT).unwrap();
    let env = [("BRIEF_DATA_DIR", data)];
    let mut s = Session::start(&[file.to_str().unwrap()], (100, 30), &env);
    s.wait_for("the title", |s| s.screen().contains(TITLE));
    s.send("  ");
    s.wait_for("two pages down", |s| !s.reader_top().contains(TITLE));
    s.settle();
    let top = s.reader_top();
    s.send("q");
    s.wait_exit();

    let mut again = Session::start(&[file.to_str().unwrap()], (100, 30), &env);
    again.wait_for("the same place, and why", |s| {
        s.reader_top() == top && s.status().contains("Back where you left it")
    });
    again.send("q");
    again.wait_exit();

    // Another file, even of the same text, opens at its top.
    let mut elsewhere = Session::start(&[other.to_str().unwrap()], (100, 30), &env);
    elsewhere.wait_for("the title", |s| s.reader_top().contains(TITLE));
    elsewhere.settle();
    assert!(elsewhere.reader_top().contains(TITLE));
    elsewhere.send("q");
    elsewhere.wait_exit();
}

#[test]
fn recent_with_no_session_yet_says_so_and_leaves_the_terminal_alone() {
    let mut s = Session::start(&["--recent"], (100, 30), &[]);
    s.wait_exit();
    assert!(!s.child.wait().unwrap().success());
    // The message first (`tests/cli.rs` checks it is all), and not one escape sequence: no
    // alternate screen, no cursor hidden.
    let raw = String::from_utf8_lossy(&s.raw);
    assert_eq!(
        raw.lines().next().unwrap_or_default().trim_end(),
        "brief: no recent session yet: open a briefing first (brief FILE)"
    );
    assert!(!raw.contains('\x1b'), "{raw:?}");
}

#[test]
fn a_missing_file_among_several_is_named_in_the_status_line() {
    let dir = tempfile::tempdir().unwrap();
    let here = dir.path().join("here.md");
    std::fs::write(&here, "# Here\n\nThe text that opens.\n").unwrap();
    let gone = dir.path().join("missing.md");
    let (here, gone) = (here.to_str().unwrap(), gone.to_str().unwrap());
    for args in [[here, gone], [gone, here]] {
        let mut s = Session::start(&args, (100, 30), &[]);
        s.wait_for("the missing file named", |s| {
            s.status().contains("missing.md") && s.screen().contains("The text that opens")
        });
        s.send("q");
        s.wait_exit();
    }
}

#[test]
fn a_library_opens_at_once_and_fills_in_behind() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        std::fs::write(
            dir.path().join(format!("{i:02}.md")),
            format!("# Briefing number {i}\n\nThe delegation of unit{i:02}x arrives on Monday.\n"),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("bad.md"), [0u8, 1, 2, 3]).unwrap();
    let mut s = Session::start(&[dir.path().to_str().unwrap()], (100, 30), &[]);
    s.wait_for("the first briefing", |s| {
        s.screen().contains("Briefing number 0")
    });
    s.wait_for("the rest read, the bad file named", |s| {
        s.status().contains("bad.md")
    });
    // The palette finds a passage of the last document.
    s.send("f");
    s.send("unit39x");
    s.wait_for("the match", |s| s.screen().contains("unit39x arrives"));
    s.send("\r");
    s.wait_for("the jump", |s| s.status().contains("39.md"));
    s.send("q");
    s.wait_exit();
}

#[test]
fn a_panic_restores_the_terminal_keeps_the_note_and_writes_a_report_without_text() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let env = [("BRIEF_DATA_DIR", dir), (brief::crash::CRASH_TEST, "1")];
    let mut s = Session::start(&[], (100, 30), &env);
    s.wait_for("the first screen", |s| s.screen().contains(TITLE));
    s.send("a");
    s.wait_for("the editor", |s| s.screen().contains("New note"));
    s.send("Confidential: fallback position on tariffs");
    s.wait_for("the note typed", |s| {
        s.screen().contains("fallback position on tariffs")
    });
    s.send("\x1b[24~"); // F12, which panics under the crash test
    s.wait_exit();
    s.assert_terminal_restored();
    let said = String::from_utf8_lossy(&s.raw).into_owned();
    assert!(
        said.contains("A crash report (no document or note text) is in"),
        "{said}"
    );

    let recovered = std::fs::read_to_string(data.path().join("recovered-notes.md")).unwrap();
    assert!(
        recovered.contains("Confidential: fallback position on tariffs"),
        "{recovered}"
    );
    let reports: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("crash-")
        })
        .collect();
    assert_eq!(reports.len(), 1, "{reports:?}");
    assert!(said.contains(&*reports[0].file_name().unwrap().to_string_lossy()));
    let report = std::fs::read_to_string(&reports[0]).unwrap();
    assert!(report.contains(env!("CARGO_PKG_VERSION")) && report.contains("at: src/"));
    for secret in ["Confidential", "tariffs", "上海合作组织", "crash test: F12"] {
        assert!(
            !report.contains(secret),
            "{secret} in the report:\n{report}"
        );
    }
}
