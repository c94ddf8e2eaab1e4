//! The last-read edition of each document, kept to tell what changed when it comes back:
//! its paragraphs, compressed, one file per document in `editions/` of the data directory
//! (readable by its owner only), the oldest dropped first once they pass a total size.

use std::borrow::Cow;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::doc::{Block, BlockKind, Document, Draft, SpanStyle};

/// The kept editions together are at most this many bytes (compressed); the oldest go first.
pub const KEPT_BYTES: u64 = 64 * 1024 * 1024;

/// A kept paragraph: its kind, text and line.
#[derive(Serialize, Deserialize)]
struct Kept {
    /// `h1`…`h6`, `p`, `li`, `q`, `code`, `row`, `marker`.
    k: String,
    /// A list item's marker.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    m: String,
    t: String,
    l: usize,
    /// Its runs of style, when it has any: (bytes, bold 1 | italic 2 | code 4 | link 8 |
    /// strike 16).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    s: Vec<(usize, u8)>,
}

/// A style as kept: one bit each.
fn style_bits(s: SpanStyle) -> u8 {
    u8::from(s.bold)
        | u8::from(s.italic) << 1
        | u8::from(s.code) << 2
        | u8::from(s.link) << 3
        | u8::from(s.strike) << 4
}

/// A style kept, as it was.
fn style_of(bits: u8) -> SpanStyle {
    SpanStyle {
        bold: bits & 1 != 0,
        italic: bits & 2 != 0,
        code: bits & 4 != 0,
        link: bits & 8 != 0,
        strike: bits & 16 != 0,
        ..SpanStyle::default()
    }
}

/// The folder the editions are kept in.
fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join("editions")
}

/// The file a document's last-read edition is kept in.
fn file(data_dir: &Path, key: &str) -> PathBuf {
    let digest = Sha256::digest(key.as_bytes());
    let name: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    folder(data_dir).join(format!("{name}.jsonl.gz"))
}

/// A block's kind as kept: its code and its list marker (a list's depth is not kept).
fn kind_kept(kind: &BlockKind) -> (Cow<'static, str>, &str) {
    let code = match kind {
        BlockKind::Heading(level) => return (format!("h{level}").into(), ""),
        BlockKind::ListItem { marker, .. } => return ("li".into(), marker),
        BlockKind::Paragraph => "p",
        BlockKind::Quote => "q",
        BlockKind::Code => "code",
        BlockKind::Rule => "rule",
        BlockKind::Marker => "marker",
        BlockKind::TableRow { header: true } => "th",
        BlockKind::TableRow { header: false } => "row",
    };
    (code.into(), "")
}

/// A block's runs of style as kept, (length, style): none when it is plain throughout.
fn styles_kept(block: &Block) -> Vec<(usize, u8)> {
    let styled = block.spans().any(|sp| sp.style != SpanStyle::default());
    if !styled {
        return Vec::new();
    }
    block
        .spans()
        .map(|sp| (sp.text.len(), style_bits(sp.style)))
        .collect()
}

/// A block as kept.
fn kept(block: &Block) -> Kept {
    let (k, m) = kind_kept(&block.kind);
    Kept {
        k: k.into_owned(),
        m: m.to_string(),
        t: block.text().to_string(),
        l: block.line,
        s: styles_kept(block),
    }
}

/// A kept paragraph as a block again.
fn block(kept: Kept) -> Block {
    let kind = match kept.k.as_str() {
        "p" => BlockKind::Paragraph,
        "li" => BlockKind::ListItem {
            marker: kept.m.into(),
            depth: 0,
        },
        "q" => BlockKind::Quote,
        "code" => BlockKind::Code,
        "rule" => BlockKind::Rule,
        "marker" => BlockKind::Marker,
        "th" => BlockKind::TableRow { header: true },
        "row" => BlockKind::TableRow { header: false },
        h => BlockKind::Heading(h.trim_start_matches('h').parse().unwrap_or(1)),
    };
    if kept.s.is_empty() {
        return Block::new(kind, kept.t, kept.l);
    }
    let mut draft = Draft::new(kind, kept.l);
    let mut at = 0;
    for (len, bits) in kept.s {
        let end = (at + len).min(kept.t.len());
        if let Some(run) = kept.t.get(at..end) {
            draft.push_text(run, style_of(bits));
        }
        at = end;
    }
    if let Some(rest) = kept.t.get(at..).filter(|r| !r.is_empty()) {
        draft.push_text(rest, SpanStyle::default());
    }
    Block::from_draft(draft)
}

/// Whether `now`, kept, would read back as `old` (an edition read back) does: the same
/// paragraphs, kinds, lines and styles.
pub fn kept_alike(old: &Document, now: &Document) -> bool {
    old.blocks.len() == now.blocks.len()
        && old.blocks.iter().zip(now.blocks.iter()).all(|(a, b)| {
            a.text() == b.text()
                && a.line == b.line
                && kind_kept(&a.kind) == kind_kept(&b.kind)
                && styles_kept(a) == styles_kept(b)
        })
}

/// Keeps a document's text as its last-read edition, then drops the oldest kept editions
/// past [`KEPT_BYTES`].
pub fn keep(data_dir: &Path, key: &str, doc: &Document) -> std::io::Result<()> {
    super::create_private_dir(&folder(data_dir))?;
    let path = file(data_dir, key);
    let partial = path.with_extension("partial");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, super::PRIVATE_FILE);
    let mut out = GzEncoder::new(options.open(&partial)?, Compression::fast());
    writeln!(out, "{}", serde_json::to_string(&doc.name)?)?;
    for b in doc.blocks.iter() {
        serde_json::to_writer(&mut out, &kept(b))?;
        out.write_all(b"\n")?;
    }
    out.finish()?.sync_all()?;
    std::fs::rename(&partial, &path)?;
    evict(data_dir, KEPT_BYTES)
}

/// The last-read edition kept for a document, if any (none when it cannot be read, whole:
/// an edition cut short would read as paragraphs deleted). It is read a line at a time, so
/// that a long one is never held twice, as text and as blocks.
pub fn last_read(data_dir: &Path, key: &str) -> Option<Document> {
    let file = std::fs::File::open(file(data_dir, key)).ok()?;
    let mut lines = BufReader::with_capacity(1 << 16, GzDecoder::new(file)).lines();
    let name: String = serde_json::from_str(&lines.next()?.ok()?).ok()?;
    let mut blocks = Vec::new();
    for line in lines {
        if let Ok(kept) = serde_json::from_str::<Kept>(&line.ok()?) {
            blocks.push(block(kept));
        }
    }
    Some(Document::of_blocks(name, blocks))
}

/// The size on disk of a document's last-read edition (compressed), if one is kept: what
/// reading it back costs.
pub fn kept_size(data_dir: &Path, key: &str) -> Option<u64> {
    std::fs::metadata(file(data_dir, key)).ok().map(|m| m.len())
}

/// Forgets a document's last-read edition; whether there was one.
pub fn forget(data_dir: &Path, key: &str) -> std::io::Result<bool> {
    match std::fs::remove_file(file(data_dir, key)) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// Drops the oldest kept editions until they take at most `limit` bytes.
pub fn evict(data_dir: &Path, limit: u64) -> std::io::Result<()> {
    let mut files: Vec<(std::time::SystemTime, u64, PathBuf)> =
        std::fs::read_dir(folder(data_dir))?
            .filter_map(Result::ok)
            .filter_map(|e| {
                let meta = e.metadata().ok()?;
                Some((meta.modified().ok()?, meta.len(), e.path()))
            })
            .collect();
    files.sort();
    let mut total: u64 = files.iter().map(|f| f.1).sum();
    for (_, len, path) in files {
        if total <= limit {
            break;
        }
        std::fs::remove_file(&path)?;
        total -= len;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Format, ParseOptions};

    fn doc(text: &str) -> Document {
        Document::parse(
            "d.md".to_string(),
            None,
            "UTF-8",
            text,
            Format::Markdown,
            ParseOptions::default(),
        )
    }

    #[test]
    fn an_edition_is_kept_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let d = doc("# 联合声明\n\n第一条 双方**同意**。\n\n- 一项\n");
        keep(dir.path(), "key", &d).unwrap();
        let back = last_read(dir.path(), "key").unwrap();
        assert_eq!(back.name, "d.md");
        let texts = |d: &Document| {
            d.blocks
                .iter()
                .map(|b| (b.text().to_string(), b.heading_level()))
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&back), texts(&d));
        let styles = |d: &Document| {
            d.blocks[1]
                .spans()
                .map(|s| (s.text.to_string(), s.style.bold))
                .collect::<Vec<_>>()
        };
        assert_eq!(styles(&back), styles(&d), "emphasis is kept");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(file(dir.path(), "key"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(last_read(dir.path(), "other").is_none());
        assert!(forget(dir.path(), "key").unwrap());
        assert!(last_read(dir.path(), "key").is_none());
        assert!(!forget(dir.path(), "key").unwrap());
    }

    #[test]
    fn the_oldest_editions_go_first_past_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        for k in 0..3 {
            keep(
                dir.path(),
                &format!("k{k}"),
                &doc(&format!("{k} text {}", "x y z ".repeat(200))),
            )
            .unwrap();
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let one = std::fs::metadata(file(dir.path(), "k2")).unwrap().len();
        evict(dir.path(), one * 2).unwrap();
        assert!(last_read(dir.path(), "k0").is_none());
        assert!(last_read(dir.path(), "k1").is_some());
        assert!(last_read(dir.path(), "k2").is_some());
    }

    #[test]
    fn a_damaged_file_is_no_edition() {
        let dir = tempfile::tempdir().unwrap();
        keep(dir.path(), "key", &doc("text")).unwrap();
        std::fs::write(file(dir.path(), "key"), b"not gzip").unwrap();
        assert!(last_read(dir.path(), "key").is_none());
    }

    #[test]
    fn an_edition_cut_short_is_no_edition() {
        let dir = tempfile::tempdir().unwrap();
        let text: String = (0..2000)
            .map(|n| format!("Paragraph {n}: {}.\n\n", n * 7919 % 10007))
            .collect();
        keep(dir.path(), "key", &doc(&text)).unwrap();
        let path = file(dir.path(), "key");
        let whole = std::fs::read(&path).unwrap();
        assert_eq!(last_read(dir.path(), "key").unwrap().blocks.len(), 2000);
        std::fs::write(&path, &whole[..whole.len() / 2]).unwrap();
        assert!(
            last_read(dir.path(), "key").is_none(),
            "half an edition would read as half its paragraphs deleted"
        );
    }
}
