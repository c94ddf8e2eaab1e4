//! End-to-end: the real binary in a pseudo-terminal, its screen read with a terminal emulator.

mod common;

#[path = "pty/finding.rs"]
mod finding;
#[path = "pty/sessions.rs"]
mod sessions;

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
    fresh.settle();
    // Narrowed, the outline is hidden, as it is for a narrow start.
    assert!(!s.screen().contains("Sections"), "{}", s.screen());
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
fn ctrl_z_gives_the_terminal_back_and_takes_it_again() {
    let mut s = Session::start(&[], (100, 30), &[]);
    s.wait_for("the title", |s| s.screen().contains(TITLE));
    s.send("jjj");
    s.settle();
    let reading = s.reader_top();
    let before = s.raw.len();
    // Here no shell can stop brief (its group has none): it is continued at once.
    s.send("\x1a");
    s.wait_for("the terminal given back and taken again", |s| {
        let after = String::from_utf8_lossy(&s.raw[before..]).into_owned();
        after
            .find("\x1b[?1049l")
            .is_some_and(|left| after[left..].contains("\x1b[?1049h"))
    });
    s.wait_for("the reader drawn again where it was", |s| {
        s.parser.screen().alternate_screen() && s.reader_top() == reading
    });
    assert!(!s.status().contains("does nothing"), "{}", s.status());
    s.send("q");
    s.wait_exit();
    s.assert_terminal_restored();
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
