//! Finding a passage: the Countries view and the jump palette.

use super::*;

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
        s.screen().contains("62 KG 吉尔吉斯斯坦")
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
fn an_arrow_key_split_by_a_slow_link_is_still_an_arrow() {
    let mut s = Session::start(&[], (100, 30), &[]);
    s.wait_for("the title", |s| s.screen().contains(TITLE));
    s.send("f");
    s.wait_for("the palette with the headings", |s| {
        s.screen().contains("9 found")
    });
    let first = s.screen();
    // ↓ as ESC [ B, its Esc in one read and the rest in the next.
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(8));
    s.send("[B");
    s.wait_for("the selection one row down", |s| s.screen() != first);
    s.settle();
    assert!(
        s.screen().contains("9 found"),
        "the palette is open:\n{}",
        s.screen()
    );
    assert!(
        !s.row(0).contains("[B"),
        "nothing was typed:\n{}",
        s.screen()
    );
    // An Esc on its own still closes it.
    s.send("\x1b");
    s.wait_for("the palette closed", |s| !s.screen().contains("9 found"));
    s.send("q");
    s.wait_exit();
    s.assert_terminal_restored();
}
