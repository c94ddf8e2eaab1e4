//! A terminal that hangs up (a dropped connection, a closed window): brief ends, restores
//! what it can, and keeps the session and the editions read, whether or not a signal says so.

mod common;

use std::path::Path;

use common::terminal::Session;

const FIRST: &str =
    "# Memo\n\nThe ministers agreed to speed up the railway.\n\nThey met in Bishkek.\n";
const SECOND: &str =
    "# Memo\n\nThe ministers agreed to push the railway.\n\nThey met in Bishkek.\n";

fn start(file: &Path, data: &Path) -> Session {
    let env = [("BRIEF_DATA_DIR", data.to_str().unwrap())];
    let mut s = Session::start(&[file.to_str().unwrap()], (100, 30), &env);
    s.wait_for("the memo", |s| s.screen().contains("They met in Bishkek."));
    s
}

/// Reads the memo once, then opens its second edition, with the redline of what changed.
fn redline_of_a_second_edition(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let file = dir.join("memo.md");
    let data = dir.join("data");
    std::fs::write(&file, FIRST).unwrap();
    let mut s = start(&file, &data);
    s.send("q");
    s.wait_exit();
    std::fs::write(&file, SECOND).unwrap();
    (file, data)
}

fn open_redline(s: &mut Session) {
    s.wait_for("what changed", |s| {
        s.status().contains("changed since you last read it")
    });
    s.send("D");
    s.wait_for("the redline", |s| s.screen().contains("1 change"));
    s.settle();
}

/// Reopens the memo: the edition read before the hang-up is the one last read.
fn assert_kept(file: &Path, data: &Path) {
    let mut s = start(file, data);
    s.settle();
    assert!(
        !s.status().contains("changed since"),
        "the edition read was not kept: {}",
        s.status()
    );
    s.send("q");
    s.wait_exit();
    for entry in std::fs::read_dir(data).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("crash-")
        {
            panic!(
                "a crash report was written: {}",
                std::fs::read_to_string(&path).unwrap()
            );
        }
    }
}

#[test]
fn the_redline_open_when_the_terminal_hangs_up_keeps_the_edition_read() {
    let dir = tempfile::tempdir().unwrap();
    let (file, data) = redline_of_a_second_edition(dir.path());
    let mut s = start(&file, &data);
    open_redline(&mut s);
    s.hang_up();
    assert_kept(&file, &data);
}

#[test]
fn under_a_shell_that_keeps_sighup_brief_still_ends_when_its_terminal_hangs_up() {
    let dir = tempfile::tempdir().unwrap();
    let (file, data) = redline_of_a_second_edition(dir.path());
    // Started by a shell that keeps the terminal's SIGHUP to itself: brief is not the
    // session's leader and hears of the hang-up only from the terminal.
    let mut s = Session::start_program(
        "sh",
        &[
            "-c",
            "trap '' HUP; \"$0\" \"$@\"; status=$?; exit $status",
            env!("CARGO_BIN_EXE_brief"),
            file.to_str().unwrap(),
        ],
        (100, 30),
        &[("BRIEF_DATA_DIR", data.to_str().unwrap())],
    );
    s.wait_for("the memo", |s| s.screen().contains("They met in Bishkek."));
    open_redline(&mut s);
    s.hang_up();
    assert_kept(&file, &data);
}
