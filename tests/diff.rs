//! `brief diff` as a user calls it: what it prints in each format, its exit status, and
//! what it says of bad input.

mod common;

use std::path::{Path, PathBuf};

use common::brief_in;

/// Article 2 deleted: article 3 becomes 2, and article 4, which cites article 3, becomes 3
/// and cites article 2; article 1 and an English sentence reworded.
const OLD: &str = "# 联合声明\n\n## 一、政治互信\n\n第一条 双方同意加快中吉乌铁路建设。\n\n第二条 双方将加强能源合作。\n\n第三条 双方将深化农业合作，扩大农产品贸易。\n\n第四条 双方同意依照本声明第三条开展合作。\n\n## 二、务实合作\n\nThe two leaders affirmed the need for the good of all.\n";
const NEW: &str = "# 联合声明\n\n## 一、政治互信\n\n第一条 双方同意推进中吉乌铁路建设。\n\n第二条 双方将深化农业合作，扩大农产品贸易。\n\n第三条 双方同意依照本声明第二条开展合作。\n\n## 二、务实合作\n\nThe two leaders affirmed the need for good for all.\n";

fn write(dir: &Path, name: &str, text: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = brief_in(dir, args);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn text_lists_each_change_under_its_section() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (
        write(dir.path(), "old.md", OLD.as_bytes()),
        write(dir.path(), "new.md", NEW.as_bytes()),
    );
    let (code, out, _) = run(
        dir.path(),
        &[
            "diff",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--format",
            "text",
        ],
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("2 amended, 1 deleted"), "{out}");
    assert!(out.contains("[-加快-]{+推进+}"), "{out}");
    assert!(out.contains("article deleted"), "{out}");
    assert!(out.contains("联合声明 › 一、政治互信"), "{out}");
    // Article 3 is renumbered; article 4, which cites it, follows it.
    assert!(
        out.contains("1 paragraph renumbered: 第三条 → 第二条"),
        "{out}"
    );
    assert!(out.contains("第[-三-]{+二+}条开展合作"), "{out}");
}

#[test]
fn json_is_one_object_with_the_documented_fields() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (
        write(dir.path(), "old.md", OLD.as_bytes()),
        write(dir.path(), "new.md", NEW.as_bytes()),
    );
    let (code, out, _) = run(
        dir.path(),
        &[
            "diff",
            "--format",
            "json",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["amended"], 2);
    assert_eq!(v["summary"]["deleted"], 1);
    assert_eq!(v["summary"]["renumbered"], 2);
    assert_eq!(v["summary"]["references"], 1);
    let changes = v["changes"].as_array().unwrap();
    let deleted = changes.iter().find(|c| c["kind"] == "deleted").unwrap();
    assert!(deleted["new"].is_null());
    assert_eq!(deleted["old"]["line"], 7);
    assert_eq!(deleted["section"], "联合声明 › 一、政治互信");
    let amended = &changes[0];
    let spans = amended["spans"].as_array().unwrap();
    assert!(
        spans
            .iter()
            .any(|s| s["kind"] == "deleted" && s["text"] == "加快")
    );
    assert!(
        spans
            .iter()
            .any(|s| s["kind"] == "inserted" && s["text"] == "推进")
    );
    let references = changes.iter().find(|c| c["kind"] == "references").unwrap();
    assert_eq!(references["renumbered"]["old"], "第四条");
    assert_eq!(references["renumbered"]["new"], "第三条");
}

#[test]
fn markdown_strikes_deletions_and_underlines_insertions() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (
        write(dir.path(), "old.md", OLD.as_bytes()),
        write(dir.path(), "new.md", NEW.as_bytes()),
    );
    let (_, out, _) = run(
        dir.path(),
        &[
            "diff",
            "--format",
            "md",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
    );
    assert!(out.starts_with("# What changed: `"), "{out}");
    assert!(out.contains("~~加快~~<ins>推进</ins>"), "{out}");
    assert!(out.contains("## 联合声明 › 一、政治互信"), "{out}");
    assert!(out.contains("**Article deleted (old line 7)**"), "{out}");
}

#[test]
fn formatting_alone_exits_0_and_shows_only_under_strict() {
    let dir = tempfile::tempdir().unwrap();
    let reset = OLD
        .replace('，', ",")
        .replace("## 一、政治互信", "## 一、政治 互信")
        .replace("the good", "*the* good");
    let (a, b) = (
        write(dir.path(), "old.md", OLD.as_bytes()),
        write(dir.path(), "new.md", reset.as_bytes()),
    );
    let (code, out, _) = run(
        dir.path(),
        &[
            "diff",
            "--format",
            "text",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("no change of substance; 3 formatting changes hidden"),
        "{out}"
    );
    let (code, out, _) = run(
        dir.path(),
        &[
            "diff",
            "--strict",
            "--format",
            "text",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0);
    assert!(out.contains("formatting only"), "{out}");
}

#[test]
fn bad_input_is_named_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "old.md", OLD.as_bytes());
    let a = a.to_str().unwrap();
    // The same file twice.
    let (code, out, err) = run(dir.path(), &["diff", a, a, "--format", "text"]);
    assert_eq!(code, 0);
    assert!(err.contains("the two editions are the same"), "{err}");
    assert!(out.contains("no change of substance"), "{out}");
    // A missing file, a binary, a folder, an unknown format: status 2.
    for (other, says) in [
        ("missing.md", "no such file"),
        ("binary.bin", "binary"),
        ("", "is a folder"),
    ] {
        if other == "binary.bin" {
            write(
                dir.path(),
                other,
                &[0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0, 0xff, 0xfe],
            );
        }
        let path = dir.path().join(other);
        let (code, _, err) = run(
            dir.path(),
            &["diff", a, path.to_str().unwrap(), "--format", "json"],
        );
        assert_eq!(code, 2, "{other}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(says), "{other}: {err}");
    }
    let (code, _, err) = run(dir.path(), &["diff", a, a, "--format", "html"]);
    assert_eq!(code, 2);
    assert!(err.contains("use text, md or json"), "{err}");
    // An empty edition: everything else is new.
    let empty = write(dir.path(), "empty.md", b"");
    let (code, out, err) = run(
        dir.path(),
        &["diff", empty.to_str().unwrap(), a, "--format", "text"],
    );
    assert_eq!(code, 1);
    assert!(err.contains("is empty"), "{err}");
    assert!(out.contains("inserted"), "{out}");
}

#[test]
fn unrelated_documents_are_said_to_share_little() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "old.md", OLD.as_bytes());
    let other = "# Weather\n\nRain in Lima today.\n\nSun tomorrow in Beijing.\n\nWind on Friday.\n";
    let b = write(dir.path(), "other.md", other.as_bytes());
    let (code, out, err) = run(
        dir.path(),
        &[
            "diff",
            "--format",
            "text",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("share little: 0% of paragraphs in common"),
        "{err}"
    );
    assert!(out.contains("deleted") && out.contains("inserted"), "{out}");
}

#[test]
fn a_very_long_paragraph_is_compared_whole_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let long = "双方同意加快中吉乌铁路建设。".repeat(3000);
    let a = write(dir.path(), "old.md", long.as_bytes());
    let b = write(dir.path(), "new.md", format!("{long}另加一句。").as_bytes());
    let (code, out, err) = run(
        dir.path(),
        &[
            "diff",
            "--format",
            "json",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("too long to compare word by word"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["too_long_for_words"], 1);
    assert_eq!(v["summary"]["amended"], 1);
}

/// The summary of two texts compared, as JSON gives it.
fn summary(dir: &Path, old: &str, new: &str) -> serde_json::Value {
    let (a, b) = (
        write(dir, "a.md", old.as_bytes()),
        write(dir, "b.md", new.as_bytes()),
    );
    let (_, out, _) = run(
        dir,
        &[
            "diff",
            "--format",
            "json",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v["summary"].clone()
}

#[test]
fn splits_links_bullets_and_strangers_are_told_as_a_reader_would() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let two = "The leaders met in Lima on Saturday. They agreed to keep talking.\n\nA second paragraph stays as it was.\n";
    // A paragraph split in two, the same words: one amendment.
    let split = "The leaders met in Lima on Saturday.\n\nThey agreed to keep talking.\n\nA second paragraph stays as it was.\n";
    assert_eq!(summary(d, two, split)["amended"], 1);
    // A link that points elsewhere, the same words: an amendment.
    let s = summary(
        d,
        "See the [annex](annex-2023.pdf) for the figures.\n",
        "See the [annex](annex-2024.pdf) for the figures.\n",
    );
    assert_eq!(s["amended"], 1);
    // Bullets typed into the text are list markers: form only.
    let plain = "First point of the statement.\n\nSecond point of the statement.\n\nThird point of the statement.\n";
    let bulleted = "• First point of the statement.\n\n• Second point of the statement.\n\n• Third point of the statement.\n";
    let s = summary(d, plain, bulleted);
    assert_eq!(
        (s["amended"].as_u64(), s["formatting_only"].as_u64()),
        (Some(0), Some(3)),
        "{s}"
    );
    // Two English paragraphs on different subjects are not one reworded.
    let s = summary(
        d,
        "In 2001, the annual summit returned to Shanghai, where the five members admitted a sixth.\n",
        "We, the Leaders of the Group of Seven, met in Hiroshima for our annual summit this year.\n",
    );
    assert_eq!(
        (
            s["amended"].as_u64(),
            s["deleted"].as_u64(),
            s["inserted"].as_u64()
        ),
        (Some(0), Some(1), Some(1)),
        "{s}"
    );
}
