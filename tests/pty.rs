//! End-to-end: the real binary in a pseudo-terminal, its screen read with a terminal emulator.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::terminal::Session;
use portable_pty::PtySize;
const TITLE: &str = "上海合作组织成员国政府首脑(总理)理事会";

#[test]
fn reading_the_bundled_briefing() {
    let mut s = Session::start(&[], (100, 30), &[]);
    s.wait_for("the title and the status line", |s| {
        s.screen().contains(TITLE) && s.status().contains("? help")
    });
    assert!(
        s.status()
            .contains("sco-heads-of-government-communique-2025.md"),
        "{}",
        s.status()
    );

    // Scroll one line: the title leaves the top of the reader.
    s.send("j");
    s.wait_for("j to scroll", |s| !s.reader_top().contains(TITLE));

    // Into the outline, down to the second heading, Enter: the reader is there.
    s.send("\t");
    s.send("j");
    s.send("\r");
    s.wait_for("outline Enter to jump", |s| {
        s.reader_top().contains("国际论坛")
    });
    s.wait_for("the breadcrumb", |s| s.status().contains("› 国际论坛"));

    // Help from the keymap, closed again.
    s.send("?");
    s.wait_for("help", |s| s.screen().contains("Show or hide this help"));
    s.send("q");
    s.wait_for("help closed", |s| {
        !s.screen().contains("Show or hide this help")
    });

    s.send("q");
    s.wait_exit();
    s.assert_terminal_restored();
}

#[test]
fn line_scrolls_show_the_next_lines_and_leave_the_screen_whole() {
    let mut s = Session::start(&[], (100, 30), &[]);
    s.wait_for("the title", |s| s.screen().contains(TITLE));
    let second_row = s.row(1).split('│').nth(1).unwrap_or("").trim().to_string();
    s.send("j");
    s.wait_for("the text one line up", |s| {
        s.reader_top().trim() == second_row
    });
    s.send("jjjjjk");
    s.send("q");
    s.wait_exit();
    s.assert_terminal_restored();
}

#[test]
fn resizing_redraws_at_the_new_size() {
    let mut s = Session::start(&[], (100, 30), &[]);
    // The whole first frame (it may arrive in more than one read) before the resize: what
    // comes after it is drawn for the new size.
    s.wait_for("the title and the status line", |s| {
        s.screen().contains(TITLE) && s.status().contains("help")
    });
    s.settle();
    let size = PtySize {
        rows: 20,
        cols: 70,
        pixel_width: 0,
        pixel_height: 0,
    };
    s.master.resize(size).unwrap();
    // A terminal of the new size that saw nothing before: what brief sends after a resize
    // must draw the whole screen by itself. (The vt100 crate keeps halves of wide
    // characters when it is itself resized.)
    s.parser = vt100::Parser::new(20, 70, 0);
    s.wait_for("the status line on the new last row", |s| {
        s.status().contains("help")
    });
    s.settle();
    // Cell for cell what brief shows when started at that size.
    let mut fresh = Session::start(&[], (70, 20), &[]);
    fresh.wait_for("the status line", |s| s.status().contains("help"));
    // Started this narrow, the outline is hidden; it was shown before the resize.
    fresh.send("t");
    fresh.wait_for("the outline", |s| s.screen().contains("Sections"));
    fresh.settle();
    let rows =
        |s: &Session| -> Vec<String> { (0..20).map(|y| s.row(y).trim_end().to_string()).collect() };
    assert_eq!(rows(&s), rows(&fresh));
    s.send("q");
    s.wait_exit();
    s.assert_terminal_restored();
}

#[test]
fn keys_that_arrive_together_are_drawn_together() {
    let start = |s: &mut Session| {
        s.wait_for("the title and the status line", |s| {
            s.screen().contains(TITLE) && s.status().contains("help")
        });
        s.settle();
    };
    let mut s = Session::start(&[], (100, 30), &[]);
    start(&mut s);
    let before = s.raw.len();
    s.send("j");
    s.settle();
    let one = s.raw.len() - before;
    let before = s.raw.len();
    s.send(&"j".repeat(20));
    s.settle();
    let twenty = s.raw.len() - before;
    // Drawn one by one, twenty scrolls with the outline shown cost twenty times one; drawn
    // together, about three (the first key may be drawn on its own).
    assert!(
        twenty < 10 * one,
        "{twenty} bytes for twenty keys at once, {one} for one"
    );
    // The screen is the one 21 keys pressed one by one show.
    let mut apart = Session::start(&[], (100, 30), &[]);
    start(&mut apart);
    for _ in 0..21 {
        apart.send("j");
        apart.settle();
    }
    let rows =
        |s: &Session| -> Vec<String> { (0..30).map(|y| s.row(y).trim_end().to_string()).collect() };
    assert_eq!(rows(&s), rows(&apart));
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in ["TERM", "HUP"] {
        let mut s = Session::start(&[], (80, 24), &[]);
        s.wait_for("the title", |s| s.screen().contains("上海合作组织"));
        s.signal(signal);
        s.wait_exit();
        s.assert_terminal_restored();
    }
}

#[test]
fn control_characters_in_a_document_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    let hostile = "Hostile\n\nclip \u{1b}]52;c;SGVsbG8=\u{7} red \u{1b}[31mRED\u{1b}[0m title \u{1b}]0;pwned\u{7} \
                   csi \u{9b}2J back\u{8}space cr\rhere dcs \u{1b}P1$qm\u{1b}\\ end\n\n\
                   Pay \u{202e}0001\u{202c} now, to\u{200b}day.\n";
    std::fs::write(&path, hostile).unwrap();
    let mut s = Session::start(&[path.to_str().unwrap()], (100, 30), &[]);
    // Both paragraphs: the frame may arrive in more than one read.
    s.wait_for("the document, control characters shown as symbols", |s| {
        s.screen().contains("␛]52;c;SGVsbG8=␇")
            && s.screen().contains("Pay <RLO>0001<PDF> now, to<ZWSP>day.")
    });
    s.send("q");
    s.wait_exit();
    let raw = String::from_utf8_lossy(&s.raw).into_owned();
    for forbidden in [
        "\u{1b}]52",
        "\u{1b}]0;pwned",
        "\u{7}",
        "\u{1b}[31mRED",
        "\u{1b}P1",
        "\u{8}",
        "\u{9b}",
        "\u{202e}",
        "\u{200b}",
    ] {
        assert!(
            !raw.contains(forbidden),
            "{forbidden:?} reached the terminal"
        );
    }
    assert!(
        !s.raw.windows(2).any(|w| w == [0xc2, 0x9b]),
        "a C1 CSI reached the terminal"
    );
    s.assert_terminal_restored();
}

#[test]
fn no_color_uses_no_colours() {
    let mut s = Session::start(&[], (100, 30), &[("NO_COLOR", "1")]);
    s.wait_for("the title", |s| s.screen().contains(TITLE));
    s.send("q");
    s.wait_exit();
    let raw = String::from_utf8_lossy(&s.raw).into_owned();
    assert!(!sends_colour(&raw), "colours sent despite NO_COLOR");
    let mut coloured = Session::start(&[], (100, 30), &[]);
    coloured.wait_for("the title", |s| s.screen().contains(TITLE));
    coloured.send("q");
    coloured.wait_exit();
    let raw = String::from_utf8_lossy(&coloured.raw).into_owned();
    assert!(
        sends_colour(&raw),
        "the coloured run shows colours, so the check above can fail"
    );
}

/// Whether any SGR sequence sets a foreground or background colour (other than the default).
fn sends_colour(raw: &str) -> bool {
    raw.split("\x1b[").skip(1).any(|seq| {
        let Some(end) = seq.find(|c: char| c.is_ascii_alphabetic()) else {
            return false;
        };
        if !seq[end..].starts_with('m') {
            return false;
        }
        let params: Vec<u16> = seq[..end]
            .split(';')
            .filter_map(|p| p.parse().ok())
            .collect();
        // 38;5;n and 48;5;n carry a colour number that is not itself an SGR code.
        params.first().is_some_and(|&p| p == 38 || p == 48)
            || params
                .iter()
                .any(|&p| matches!(p, 30..=37 | 40..=47 | 90..=97 | 100..=107))
    })
}

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
fn countries_view_jumps_to_a_highlighted_mention() {
    let mut s = Session::start(&[], (100, 30), &[]);
    s.wait_for("the title", |s| s.screen().contains(TITLE));
    // Tab twice: the Countries view, which fills in once the places are found (after the
    // first frame); down to Kyrgyzstan, unfold, down to its first sentence.
    s.send("\t\t");
    s.wait_for("the places found", |s| {
        s.screen().contains("KG 吉尔吉斯斯坦")
    });
    s.send("jjljj");
    s.wait_for("Kyrgyzstan unfolded", |s| {
        s.screen().contains("63 KG 吉尔吉斯斯坦")
    });
    s.send("\r");
    // The mention is highlighted in the reader (right of the outline pane).
    let highlighted = |s: &Session| {
        let screen = s.parser.screen();
        let (rows, cols) = screen.size();
        let mut marked = String::new();
        for row in 0..rows - 1 {
            for col in 34..cols {
                if let Some(cell) = screen
                    .cell(row, col)
                    .filter(|c| c.bgcolor() == vt100::Color::Idx(3))
                {
                    marked.push_str(&cell.contents());
                }
            }
        }
        marked
    };
    s.wait_for("the mention highlighted in the reader", |s| {
        highlighted(s) == "吉尔吉斯共和国"
    });
    assert!(
        s.screen().contains("白俄罗斯共和国总理图尔钦"),
        "the paragraph is on screen"
    );
    s.send("q");
    s.wait_exit();
    s.assert_terminal_restored();
}

#[test]
fn jump_palette_finds_pinyin_and_ctrl_o_returns() {
    let mut s = Session::start(&[], (100, 30), &[]);
    s.wait_for("the title", |s| s.screen().contains(TITLE));
    s.send("f");
    s.wait_for("the palette with the headings", |s| {
        s.screen().contains("› ") && s.screen().contains("9 found")
    });
    s.send("zjwtl");
    // Under the query line and the two lines of the hint.
    s.wait_for("the railway sentence first", |s| {
        s.row(5).contains("中吉乌铁路")
    });
    s.send("\r");
    s.wait_for("the reader at the railway", |s| {
        s.reader_top().contains("扎帕罗夫请王毅转达")
    });
    assert!(
        s.screen().contains("中吉乌铁路") || s.screen().contains("中吉乌"),
        "the target paragraph is on screen"
    );
    s.send("\x0f"); // Ctrl-o
    s.wait_for("back at the title", |s| s.reader_top().contains(TITLE));
    s.send("q");
    s.wait_exit();
    s.assert_terminal_restored();
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
fn scrolling_with_the_terminal_shows_what_a_full_redraw_shows() {
    use brief::keymap::{Key, Keymap};
    let keys = "jjjjjjjjjjjjjjjjjjjjjjjjjjjjjj kkkkkjjj ttjjjkkjjjjj";
    let mut s = Session::start(&[], (100, 30), &[]);
    s.wait_for("the title", |s| s.screen().contains(TITLE));
    for c in keys.chars() {
        s.send(&c.to_string());
        s.pump(Duration::from_millis(15));
    }
    // The same keys on a headless app, drawn in full.
    let mut app = brief::app::App::new(
        brief::effects::start(vec![brief::doc::open::bundled(
            brief::doc::open::OpenOptions::default(),
        )]),
        Keymap::preset("default").unwrap(),
        (100, 30),
    );
    for c in keys.chars() {
        app.press(Key::char(c));
    }
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| brief::ui::draw(&app, f)).unwrap();
    let expected: Vec<String> = (0..30u16)
        .map(|y| {
            (0..100u16)
                .map(|x| terminal.backend().buffer()[(x, y)].symbol().to_string())
                .collect::<String>()
                .split_whitespace()
                .collect()
        })
        .collect();
    let matches = |s: &Session| {
        expected
            .iter()
            .enumerate()
            .all(|(y, want)| s.row(y as u16).split_whitespace().collect::<String>() == *want)
    };
    let start = Instant::now();
    while !matches(&s) && start.elapsed() < Duration::from_secs(5) {
        s.pump(Duration::from_millis(50));
    }
    assert!(
        String::from_utf8_lossy(&s.raw).contains("\x1b[1;29r"),
        "the terminal was asked to scroll"
    );
    for (y, want) in expected.iter().enumerate() {
        let got: String = s.row(y as u16).split_whitespace().collect();
        assert_eq!(&got, want, "row {y}:\n{}", s.screen());
    }
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

/// CPU time a process has used, in clock ticks (user + system).
#[cfg(target_os = "linux")]
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .unwrap()
        .1
        .split_whitespace()
        .collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn an_idle_reader_draws_nothing_and_uses_no_cpu() {
    let mut s = Session::start(&[], (100, 30), &[]);
    s.wait_for("the first screen", |s| s.screen().contains(TITLE));
    // Let start-up work (the jump candidates) finish and the first frames arrive.
    while let Ok(bytes) = s.output.recv_timeout(Duration::from_millis(1500)) {
        s.parser.process(&bytes);
    }
    let pid = s.child.process_id().unwrap();
    let before = cpu_ticks(pid);
    let quiet = s.output.recv_timeout(Duration::from_secs(3));
    assert!(
        quiet.is_err(),
        "wrote {:?} while idle",
        quiet.map(|b| String::from_utf8_lossy(&b).into_owned())
    );
    let used = cpu_ticks(pid) - before;
    assert!(used <= 1, "used {used} ticks of CPU in 3 s of idling");
    s.send("q");
    s.wait_exit();
}
