//! The `brief` binary as a user calls it: exit codes, stdout, stderr.

use std::path::Path;
use std::process::{Command, Output};

fn brief(args: &[&str]) -> Output {
    brief_in(args, None)
}

fn brief_in(args: &[&str], config_home: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brief"));
    cmd.args(args).env_remove("RUST_BACKTRACE");
    let fallback = tempfile::tempdir().unwrap();
    cmd.env("XDG_CONFIG_HOME", config_home.unwrap_or(fallback.path()));
    // Bookmarks and notes never go to the user's own data directory.
    cmd.env("BRIEF_DATA_DIR", fallback.path().join("data"));
    cmd.output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn outline_of_the_bundled_briefing_lists_its_nine_headings_in_order() {
    let out = brief(&["outline"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 9, "{text}");
    assert!(
        lines[0]
            .trim_start()
            .starts_with("3  上海合作组织成员国政府首脑(总理)理事会第二十四次会议联合公报")
    );
    assert!(
        lines[1].contains("109    国际论坛"),
        "indented under the title: {}",
        lines[1]
    );
    assert!(lines[2].contains("111      高市首相的涉台言论"));
    assert!(lines[8].contains("221    “世界市长对话·南京”活动开幕"));
}

#[test]
fn outline_json_is_a_tree() {
    let out = brief(&["outline", "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let root = &v[0]["headings"][0];
    assert_eq!(root["level"], 1);
    assert_eq!(root["line"], 3);
    assert_eq!(root["children"].as_array().unwrap().len(), 7);
    assert_eq!(root["children"][0]["children"][0]["level"], 3);
}

#[test]
fn odd_but_valid_files_open() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("empty.md"), "").unwrap();
    std::fs::write(
        d.join("crlf.txt"),
        "I. Overview\r\n\r\nThe leaders met.\r\n\r\nII. Trade\r\n\r\nText.\r\n",
    )
    .unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "# 联合声明\n\n正文。\n".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(d.join("utf16.md"), utf16).unwrap();
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice("# With BOM\n".as_bytes());
    std::fs::write(d.join("bom.md"), bom).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode("一、政治合作\n\n双方同意在上海合作组织框架内加强政治互信与安全合作。\n\n二、经济合作\n\n内容。\n");
    std::fs::write(d.join("gbk.txt"), gbk).unwrap();
    std::fs::write(
        d.join("long.txt"),
        format!("Title\n\n{}\n", "x".repeat(10_000)),
    )
    .unwrap();

    let out = brief(&["outline", "--json", d.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let by_name = |name: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|d| d["document"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(by_name("empty.md")["headings"].as_array().unwrap().len(), 0);
    let crlf = by_name("crlf.txt");
    assert_eq!(crlf["headings"][1]["title"], "II. Trade");
    assert_eq!(crlf["headings"][1]["line"], 5);
    assert_eq!(by_name("utf16.md")["headings"][0]["title"], "联合声明");
    assert_eq!(by_name("utf16.md")["encoding"], "UTF-16LE");
    assert_eq!(by_name("bom.md")["headings"][0]["title"], "With BOM");
    let gbk = by_name("gbk.txt");
    assert!(gbk["encoding"] == "GBK" || gbk["encoding"] == "GB18030");
    assert_eq!(gbk["headings"][0]["title"], "一、政治合作");
    assert_eq!(gbk["headings"][1]["title"], "二、经济合作");
    assert_eq!(by_name("long.txt")["headings"][0]["title"], "Title");
}

#[test]
fn bad_files_are_named_and_the_rest_still_open() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.md");
    let binary = dir.path().join("photo.txt");
    std::fs::write(&good, "# Good\n").unwrap();
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0, 0, 13]).unwrap();
    let missing = dir.path().join("missing.md");
    let out = brief(&[
        "outline",
        binary.to_str().unwrap(),
        good.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("Good"));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].contains("photo.txt") && lines[0].contains("binary"),
        "{err}"
    );
    assert!(
        lines[1].contains("missing.md") && lines[1].contains("no such file"),
        "{err}"
    );
}

#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.md");
    std::fs::write(&locked, "# Secret\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        // Running as root: permissions do not stop reads. A folder named as a file fails the
        // same way, so check that instead.
        let out = brief(&["outline", dir.path().join("sub/").to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        return;
    }
    let out = brief(&["outline", locked.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("locked.md: cannot be read"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn folder_without_briefings_and_nothing_to_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("image.png"), [1, 2, 3]).unwrap();
    let out = brief(&["outline", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("no briefings in this folder"), "{err}");
    assert!(err.contains("nothing to read"), "{err}");
    assert!(!err.contains("Stack backtrace"));
}

#[test]
fn forced_encoding_and_unknown_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("ru.txt");
    let (bytes, _, _) =
        encoding_rs::WINDOWS_1251.encode("Россия\n\nМосква и Пекин договорились.\n");
    std::fs::write(&f, bytes).unwrap();
    let out = brief(&["outline", "--encoding", "windows-1251", f.to_str().unwrap()]);
    assert!(stdout(&out).contains("Россия"), "{}", stdout(&out));
    let out = brief(&["outline", "--encoding", "klingon", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("unknown encoding 'klingon'"));
}

#[test]
fn piped_output_prints_text_repaired_unless_raw() {
    let out = brief(&[]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("电子商务专门工作组开展工作。"));
    assert!(text.contains("# 国际论坛"));
    let raw = stdout(&brief(&["--raw"]));
    assert!(raw.contains("\n展工作。\n"));
}

#[test]
fn usage_errors_exit_2_and_help_and_version_exit_0() {
    assert_eq!(brief(&["--no-such-flag"]).status.code(), Some(2));
    let help = brief(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("outline"));
    let version = brief(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert!(stdout(&version).starts_with("brief "));
}

#[test]
fn keymap_check_reports_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.toml");
    std::fs::write(&good, "[reader]\nx = \"quit\"\n").unwrap();
    let out = brief(&["keymap", "check", good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[reader]\nx = \"quit\"\ny = \"jump_around\"\n").unwrap();
    let out = brief(&["keymap", "check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "{}:3:5: unknown action 'jump_around'",
            bad.display()
        )),
        "{err}"
    );
    assert!(err.contains("valid actions: quit"), "{err}");
}

#[test]
fn keymap_check_defaults_to_the_users_file() {
    let config = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(config.path().join("brief")).unwrap();
    std::fs::write(
        config.path().join("brief/keymap.toml"),
        "[reader]\nCtrl-p = \"up\"\nC-p = \"down\"\n",
    )
    .unwrap();
    let out = brief_in(&["keymap", "check"], Some(config.path()));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("keymap.toml:3:1: 'Ctrl-p' is bound twice"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn keymap_show_prints_presets_and_the_merged_keymap() {
    let out = brief(&["keymap", "show", "vim"]);
    assert!(out.status.success());
    assert!(
        stdout(&out).contains("\"g g\" = \"top\""),
        "{}",
        stdout(&out)
    );
    let config = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(config.path().join("brief")).unwrap();
    std::fs::write(
        config.path().join("brief/keymap.toml"),
        "[reader]\nx = \"bottom\"\n",
    )
    .unwrap();
    let merged = stdout(&brief_in(&["keymap", "show"], Some(config.path())));
    assert!(merged.contains("x = \"bottom\""), "{merged}");
    assert!(merged.contains("G = \"bottom\""), "{merged}");
    let out = brief(&["keymap", "show", "nano"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("presets: default, vim, emacs"));
}

#[test]
fn shipped_keymap_files_check_clean() {
    for name in ["default", "vim", "emacs"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("keymaps")
            .join(format!("{name}.toml"));
        let out = brief(&["keymap", "check", path.to_str().unwrap()]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
    }
}

#[test]
fn people_of_the_bundled_briefing() {
    let out = brief(&["people", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let people = v["people"].as_array().unwrap();
    assert!(v["shared"].is_array());
    assert!(
        people
            .iter()
            .any(|p| p["name"] == "李强" && p["office"] == "记者" && p["reporter"] == true)
    );
    let person = |name: &str, office: &str| {
        people
            .iter()
            .find(|p| p["name"] == name && p["office"] == office)
            .unwrap_or_else(|| panic!("{name} — {office}: {v}"))
    };
    let li = person("李强", "中华人民共和国国务院总理");
    assert_eq!(li["country"], "CN");
    assert_eq!(person("米舒斯京", "俄罗斯联邦政府总理")["country"], "RU");
    let japarov = person("扎帕罗夫", "吉尔吉斯斯坦总统");
    let mentions = japarov["mentions"].as_array().unwrap();
    assert!(mentions.len() >= 5);
    assert!(mentions.iter().any(|m| m["with_office"] == false));
    assert!(
        mentions
            .iter()
            .all(|m| m["snippet"].as_str().unwrap().contains("扎帕罗夫")
                && m["line"].as_u64().unwrap() > 0)
    );
    let list = stdout(&brief(&["people"]));
    assert!(
        list.contains("× 李强 — 中华人民共和国国务院总理 (CN)  (line "),
        "{list}"
    );
    let reporters = list
        .split("Reporters, in bylines")
        .nth(1)
        .expect("reporters apart");
    assert!(reporters.contains("× 李强 — 记者"), "{list}");
}

#[test]
fn countries_of_the_bundled_briefing() {
    let out = brief(&["countries", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut codes: Vec<&str> = v["countries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    codes.sort();
    let mut expected = vec![
        "CN", "RU", "KG", "KZ", "UZ", "TJ", "BY", "IN", "IR", "PK", "QA", "MN", "BH", "EG", "KW",
        "TM", "JP", "BN", "DE", "IT",
    ];
    expected.sort();
    assert_eq!(codes, expected);
    assert_eq!(v["countries"][0]["code"], "CN", "most mentioned first");
    assert!(
        v["organisations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["code"] == "SCO")
    );
    assert!(
        v["regions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["code"] != "CN")
    );

    let table = stdout(&brief(&["countries"]));
    assert!(table.contains("吉尔吉斯斯坦  Kyrgyzstan"), "{table}");
    assert!(table.contains("Organisations"));
}

/// `brief countries`, `people` and `documents` print one object keyed by what they list, and
/// each entry its `count` and every mention, with the document and line.
#[test]
fn listings_share_one_shape() {
    for (command, key) in [
        ("countries", "countries"),
        ("people", "people"),
        ("documents", "documents"),
    ] {
        let out = brief(&[command, "--json"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let rows = v[key]
            .as_array()
            .unwrap_or_else(|| panic!("{command}: {v}"));
        assert!(!rows.is_empty(), "{command}");
        for row in rows {
            let mentions = row["mentions"].as_array().expect("a list of mentions");
            assert_eq!(row["count"].as_u64(), Some(mentions.len() as u64), "{row}");
            for m in mentions {
                assert!(
                    m["document"].is_string() && m["line"].as_u64().is_some(),
                    "{m}"
                );
                assert!(m["snippet"].as_str().is_some_and(|s| !s.is_empty()), "{m}");
            }
        }
    }
}

#[test]
fn mentions_of_one_country() {
    let out = brief(&["countries", "--country", "KG"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("KG · Kyrgyzstan · 吉尔吉斯斯坦"), "{text}");
    for section in [
        "吉尔吉斯斯坦总统扎帕罗夫会见王毅",
        "中吉外长首次战略对话成功举行",
        "(via city)",
    ] {
        assert!(text.contains(section), "missing {section}");
    }
    let by_name = stdout(&brief(&[
        "countries",
        "--country",
        "吉尔吉斯斯坦",
        "--json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&by_name).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|m| m["text"] == "吉方" && m["via"] == "side")
    );
    let out = brief(&["countries", "--country", "Atlantis"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no country, region or organisation called 'Atlantis'"));
    // A country named where a file goes: the option is meant, and nothing is printed.
    let out = brief(&["countries", "KG"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    assert_eq!(
        stderr(&out).trim(),
        "brief: KG is not a file; to list its mentions: brief countries FILE --country KG"
    );
    for command in ["people", "documents"] {
        let out = brief(&[command, "Kyrgyzstan"]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert!(stdout(&out).is_empty(), "{command}: {}", stdout(&out));
    }
}

#[test]
fn a_briefing_naming_no_country_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.md");
    std::fs::write(&path, "# Notes\n\nThe meeting went well.\n").unwrap();
    let out = brief(&["countries", path.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "No countries named\n");
}

#[test]
fn countries_in_russian_and_english() {
    let dir = tempfile::tempdir().unwrap();
    let ru = dir.path().join("ru.txt");
    std::fs::write(&ru, "Путин заявил, что Россия поддержит переговоры на Украине. Санкции против России обсуждали в Москве.\n").unwrap();
    let en = dir.path().join("en.md");
    std::fs::write(
        &en,
        "# Notes\n\nChinese and Kyrgyz officials met in Bishkek. Indiana is not India.\n",
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_slice(
        &brief(&[
            "countries",
            "--json",
            ru.to_str().unwrap(),
            en.to_str().unwrap(),
        ])
        .stdout,
    )
    .unwrap();
    let row = |code: &str| {
        v["countries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["code"] == code)
            .cloned()
    };
    assert_eq!(row("RU").unwrap()["count"], 3);
    assert_eq!(row("RU").unwrap()["name"], "Россия");
    assert_eq!(row("UA").unwrap()["count"], 1);
    assert_eq!(row("KG").unwrap()["count"], 2);
    assert_eq!(row("IN").unwrap()["count"], 1, "Indiana is not India");
}

#[test]
fn find_prints_ranked_matches() {
    let out = brief(&["find", "jierjisi", "--limit", "3"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("[吉尔吉斯]"), "{text}");
    assert_eq!(
        text.lines().filter(|l| l.starts_with("sco-heads")).count(),
        3
    );
    let v: serde_json::Value =
        serde_json::from_slice(&brief(&["find", "zjwtl", "--json", "--limit", "1"]).stdout)
            .unwrap();
    assert_eq!(v[0]["kind"], "sentence");
    assert!(v[0]["text"].as_str().unwrap().contains("中吉乌铁路"));
    assert_eq!(v[0]["section"], "吉尔吉斯斯坦总统扎帕罗夫会见王毅");
    let headings = stdout(&brief(&["find", "#", "--limit", "100"]));
    assert_eq!(
        headings
            .lines()
            .filter(|l| l.starts_with("sco-heads"))
            .count(),
        9
    );
    // The palette's prefixes for people and documents work here too.
    let person = stdout(&brief(&["find", "+mssj", "--limit", "1"]));
    assert!(
        person.contains("[米舒斯京] — 俄罗斯联邦政府总理 (RU)"),
        "{person}"
    );
    let cited = stdout(&brief(&["find", "\"xianzhang", "--limit", "5"]));
    assert!(cited.contains("《上合组织[宪章]》"), "{cited}");
}

#[test]
fn a_short_list_is_the_top_of_a_long_one() {
    // With few results asked for, scattered matches are not looked for when enough unbroken
    // runs rank above them: the list must be the same.
    for query in ["sf", "双方", "2025", "shanghe"] {
        let short = stdout(&brief(&["find", query, "--limit", "3", "--json"]));
        let long = stdout(&brief(&["find", query, "--limit", "500", "--json"]));
        let short: Vec<serde_json::Value> = serde_json::from_str(&short).unwrap();
        let long: Vec<serde_json::Value> = serde_json::from_str(&long).unwrap();
        assert_eq!(short.len(), 3, "{query}");
        assert!(long.len() > 3, "{query}");
        assert_eq!(short[..], long[..3], "{query}");
    }
}

#[test]
fn notes_and_export_without_the_reader() {
    use brief::doc::open::{OpenOptions, bundled};
    use brief::store::anchor::Anchor;
    use brief::store::{Note, Store, document_key};
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let none = brief(&["notes", "--data-dir", dir]);
    assert!(none.status.success(), "{}", stderr(&none));
    assert_eq!(stdout(&none).trim(), "No bookmarks or notes.");

    let doc = bundled(OpenOptions::default());
    let railway = brief::doc::BlockId(
        doc.blocks
            .iter()
            .position(|b| b.text().contains("推进中吉乌铁路建设"))
            .unwrap(),
    );
    let store = Store::open(data.path()).unwrap();
    store
        .add_bookmark(
            &document_key(&doc),
            &Anchor::of(&doc, railway, None),
            Some("railway"),
        )
        .unwrap();
    store
        .save_note(&Note {
            document: document_key(&doc),
            anchor: Anchor::of(&doc, railway, None),
            body: "Ask about the timetable.".into(),
            ..Note::default()
        })
        .unwrap();
    drop(store);

    let listed: serde_json::Value =
        serde_json::from_slice(&brief(&["notes", "--json", "--data-dir", dir]).stdout).unwrap();
    let rows = listed.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["kind"], "bookmark");
    assert_eq!(rows[0]["name"], "railway");
    assert_eq!(rows[1]["note"], "Ask about the timetable.");
    assert_eq!(rows[1]["line"], doc.blocks[railway.0].line);
    let text = stdout(&brief(&["notes", "--data-dir", dir]));
    assert!(
        text.contains("[railway]") && text.contains("Ask about the timetable."),
        "{text}"
    );

    let out = data.path().join("export/note.md");
    let written = brief(&["export", "--data-dir", dir, "-o", out.to_str().unwrap()]);
    assert!(written.status.success(), "{}", stderr(&written));
    let note = std::fs::read_to_string(&out).unwrap();
    assert!(note.starts_with("# Briefing note: "), "{note}");
    assert!(
        note.contains("## 吉尔吉斯斯坦总统扎帕罗夫会见王毅"),
        "{note}"
    );
    assert!(note.contains("Ask about the timetable."), "{note}");
    assert!(note.contains("Bookmark: *railway*"), "{note}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "an export is private");
    }
    let piped = stdout(&brief(&["export", "--data-dir", dir]));
    assert!(piped.contains("Ask about the timetable."));
}

#[cfg(unix)]
#[test]
fn exports_are_private_unless_export_mode_says_otherwise() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let out = dir.path().join("note.md");
    let out_arg = out.to_str().unwrap();
    // A file already there, readable by everyone, is made private by the export.
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).unwrap();
    let written = brief(&["export", "-o", out_arg]);
    assert!(written.status.success(), "{}", stderr(&written));
    assert_eq!(mode(&out), 0o600);
    let shared = brief(&["export", "--export-mode", "640", "-o", out_arg]);
    assert!(shared.status.success(), "{}", stderr(&shared));
    assert_eq!(mode(&out), 0o640);
    let bad = brief(&["export", "--export-mode", "rw-r--r--", "-o", out_arg]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("give it in octal"),
        "{}",
        stderr(&bad)
    );
    assert_eq!(mode(&out), 0o640, "a refused command writes nothing");
}

#[test]
fn a_database_from_a_newer_brief_is_refused_with_a_clear_message() {
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join(brief::store::DATABASE);
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("PRAGMA user_version = 42;")
        .unwrap();
    let out = brief(&["notes", "--data-dir", data.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("newer brief") && err.contains("brief.db"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

/// Runs `brief ARGS` and closes its output after the first bytes, as `| head -c 10` does.
fn cut_short(args: &[&str]) -> Output {
    use std::io::Read;
    use std::process::Stdio;
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .env("BRIEF_DATA_DIR", data.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe is closed here, with most of the output still to come.
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.md");
    let text: String = (0..20_000)
        .map(|i| format!("## Section {i}\n\nChina and Russia, Kazakhstan and Kyrgyzstan met.\n\n"))
        .collect();
    std::fs::write(&big, text).unwrap();
    let big = big.to_str().unwrap();
    for args in [
        vec!["countries", "--json", big],
        vec!["countries", big],
        vec!["outline", "--json", big],
        vec!["outline", big],
        vec!["find", "China", "--json", "--limit", "5000", big],
        vec![big],
    ] {
        let out = cut_short(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}

#[test]
fn find_with_no_match_says_so_on_stderr_and_exits_1() {
    let out = brief(&["find", "ΩΩΩ"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("nothing matches"), "{}", stderr(&out));
    let json = brief(&["find", "ΩΩΩ", "--json"]);
    assert_eq!(json.status.code(), Some(1));
    assert_eq!(stdout(&json).trim(), "[]");
}

#[test]
fn notes_without_a_path_lists_every_annotated_document_most_recent_first() {
    use brief::doc::open::{OpenOptions, open_paths};
    use brief::store::anchor::Anchor;
    use brief::store::{Note, Store, document_key};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (older, newer) = (dir.path().join("older.md"), dir.path().join("newer.md"));
    std::fs::write(&older, "# Older\n\nThe older briefing's paragraph.\n").unwrap();
    std::fs::write(&newer, "# Newer\n\nThe newer briefing's paragraph.\n").unwrap();
    let store = Store::open(&data).unwrap();
    for (path, when) in [
        (&older, "2025-01-01T00:00:00Z"),
        (&newer, "2025-06-01T00:00:00Z"),
    ] {
        let doc = open_paths(std::slice::from_ref(path), OpenOptions::default())
            .documents
            .remove(0);
        let id = store
            .save_note(&Note {
                document: document_key(&doc),
                anchor: Anchor::of(&doc, brief::doc::BlockId(1), None),
                body: format!("on {}", doc.name),
                ..Note::default()
            })
            .unwrap();
        // Dated as if written then.
        rusqlite::Connection::open(data.join(brief::store::DATABASE))
            .unwrap()
            .execute(
                "UPDATE notes SET created = ?1, updated = ?1 WHERE id = ?2",
                rusqlite::params![when, id],
            )
            .unwrap();
    }
    drop(store);
    let dir_arg = data.to_str().unwrap();
    for args in [
        vec!["notes", "--json", "--data-dir", dir_arg],
        vec![
            "notes",
            "--all",
            "--json",
            "--data-dir",
            dir_arg,
            older.to_str().unwrap(),
        ],
    ] {
        let out = brief(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let rows = rows.as_array().unwrap();
        assert_eq!(rows.len(), 2, "{args:?}");
        assert_eq!(rows[0]["note"], "on newer.md", "most recent first");
        assert_eq!(rows[1]["note"], "on older.md");
        assert_eq!(rows[0]["anchor"], "same");
        assert_eq!(rows[0]["section"], "Newer");
        assert_eq!(rows[0]["created"], "2025-06-01T00:00:00Z");
        assert_eq!(rows[0]["edited"], "2025-06-01T00:00:00Z");
        assert_eq!(rows[0]["quote"], "The newer briefing's paragraph.");
    }
    // A document whose file is gone is listed as stored.
    std::fs::remove_file(&older).unwrap();
    let text = stdout(&brief(&["notes", "--data-dir", dir_arg]));
    assert!(text.contains("older.md (file not found)"), "{text}");
    // With a path, only that document.
    let one = stdout(&brief(&[
        "notes",
        "--data-dir",
        dir_arg,
        newer.to_str().unwrap(),
    ]));
    assert!(
        one.contains("on newer.md") && !one.contains("on older.md"),
        "{one}"
    );
}

#[test]
fn recent_with_no_session_yet_fails_in_one_line_instead_of_opening_the_bundled_briefing() {
    let out = brief(&["--recent"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_eq!(
        stderr(&out),
        "brief: no recent session yet: open a briefing first (brief FILE)\n"
    );
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
}
