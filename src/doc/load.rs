//! Bytes to text: encoding detection, binary sniffing, and making control characters visible.

use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

/// Why a file could not be turned into a briefing. Each message names the file and what to do.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The path does not exist.
    #[error("{}: no such file or folder; check the path", .0.display())]
    Missing(PathBuf),
    /// The file exists but reading it failed.
    #[error("{}: cannot be read ({source}); check its permissions", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file holds binary data, not text.
    #[error("{}: looks like a binary file, not a briefing; skipped (brief opens Markdown, text, web pages, Word .docx, PDF and EPUB)", .0.display())]
    Binary(PathBuf),
    /// A Word document, PDF or book whose content is damaged.
    #[error("{}: this {format} file is damaged ({reason}); save or download a fresh copy and open that", path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// Its format's name.
        format: &'static str,
        /// What was wrong.
        reason: String,
    },
    /// An archive that unpacks to more than brief unpacks (a zip bomb, or a huge one).
    #[error("{}: unpacks to more than {} MB, more than brief unpacks; refused (is it a zip bomb?)", path.display(), limit / 1_000_000)]
    Unpacks {
        /// The file.
        path: PathBuf,
        /// The most brief unpacks, in bytes.
        limit: u64,
    },
    /// A document protected by a password.
    #[error("{}: this {format} file is protected by a password; save a copy without one (for a PDF: qpdf --decrypt IN OUT) and open that", path.display())]
    Encrypted {
        /// The file.
        path: PathBuf,
        /// Its format's name.
        format: &'static str,
    },
    /// A PDF whose text layer is not text.
    #[error("{}: the PDF's text layer is unreadable (its characters have no known meaning); run OCR on it, e.g. ocrmypdf --force-ocr IN OUT, and open the result", .0.display())]
    Garbled(PathBuf),
    /// A file named as a Word document, PDF or book that is something else.
    #[error("{}: its name says {format}, but it is not; check what the file is (file NAME) and rename it", path.display())]
    Misnamed {
        /// The file.
        path: PathBuf,
        /// The format its name says.
        format: &'static str,
    },
    /// An empty file named as a Word document, PDF or book.
    #[error("{}: is empty (0 bytes); the download or copy did not finish, fetch it again", .0.display())]
    EmptyFile(PathBuf),
    /// A zip archive that is not a Word document or a book.
    #[error("{}: a zip archive, not a Word document or an EPUB book; unzip it and open the briefings inside", .0.display())]
    OtherArchive(PathBuf),
    /// An old binary Office file (`.doc`).
    #[error("{}: an old Word .doc (or other Office 97) file, which brief does not read; save it as .docx (soffice --headless --convert-to docx NAME) and open that", .0.display())]
    OldOffice(PathBuf),
    /// The file is larger than brief opens.
    #[error(
        "{}: {} MB is more than brief opens ({} MB); split it into smaller files",
        path.display(),
        size / 1_000_000,
        MAX_FILE_BYTES / 1_000_000
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (at least).
        size: u64,
    },
    /// A folder was named that holds no briefing.
    #[error("{}: no briefings in this folder (looked for .md, .markdown, .txt, .html, .docx, .pdf, .epub); name a file or another folder", .0.display())]
    NoBriefings(PathBuf),
    /// A web page with no text to read.
    #[error("{}: this web page has no text to read; save the page again, or open it in a browser", .0.display())]
    EmptyPage(PathBuf),
    /// `--encoding` named an encoding that does not exist.
    #[error(
        "unknown encoding '{0}'; try utf-8, gbk, gb18030, big5, shift_jis, windows-1251, koi8-r or utf-16le"
    )]
    UnknownEncoding(String),
}

/// Decoded text and the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, with line endings normalised and control characters made visible.
    pub text: String,
    /// The name of the encoding it was decoded from.
    pub encoding: &'static str,
}

/// Looks up an encoding by a name a user would type (`gbk`, `utf-8`, `cp936`, `windows-1251`).
pub fn encoding_for_name(name: &str) -> Result<&'static Encoding, LoadError> {
    let label = name.trim().to_ascii_lowercase();
    let label = match label.as_str() {
        "cp936" | "936" => "gbk",
        "utf8" => "utf-8",
        other => other,
    };
    Encoding::for_label(label.as_bytes())
        .ok_or_else(|| LoadError::UnknownEncoding(name.to_string()))
}

/// The largest file brief opens: reading it takes about 3 s and 2.8 times its size in
/// memory. A larger one is refused before it is read.
pub const MAX_FILE_BYTES: u64 = 256 * 1_000_000;

/// Reads a file and lends its text, as [`decode_owned`] decodes it (`forced` overrides
/// detection), and the encoding's name to `use_text`. UTF-8 with nothing to make visible
/// (the common case) is lent as read: not copied, and checked once, with SIMD (three times
/// as fast as the standard check on Chinese).
pub fn with_text<R>(
    path: &Path,
    forced: Option<&'static Encoding>,
    use_text: impl FnOnce(&str, &'static str) -> R,
) -> Result<R, LoadError> {
    let bytes = read_at_most(path, MAX_FILE_BYTES)?;
    bytes_with_text(bytes, path, forced, use_text)
}

/// Like [`with_text`], for bytes already read from `path`.
pub fn bytes_with_text<R>(
    bytes: Vec<u8>,
    path: &Path,
    forced: Option<&'static Encoding>,
    use_text: impl FnOnce(&str, &'static str) -> R,
) -> Result<R, LoadError> {
    if is_plain_utf8(&bytes, forced)
        && let Ok(text) = simdutf8::basic::from_utf8(&bytes)
        && !needs_sanitizing(text)
    {
        return Ok(use_text(text, "UTF-8"));
    }
    let decoded =
        decode_owned(bytes, forced).ok_or_else(|| LoadError::Binary(path.to_path_buf()))?;
    crate::trace::phase("decode");
    Ok(use_text(&decoded.text, decoded.encoding))
}

/// Whether bytes are to be read as UTF-8 without a byte-order mark, and are not binary.
pub(crate) fn is_plain_utf8(bytes: &[u8], forced: Option<&'static Encoding>) -> bool {
    forced.is_none_or(|f| f == encoding_rs::UTF_8)
        && Encoding::for_bom(bytes).is_none()
        && !looks_binary(bytes)
}

/// The bytes of a file of at most `limit` bytes. The size is checked before reading and
/// again while reading, so a file that grows meanwhile (or a device that never ends) is
/// refused too.
pub fn read_at_most(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    let unreadable = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::Missing(path.to_path_buf()),
        _ => LoadError::Unreadable {
            path: path.to_path_buf(),
            source: e,
        },
    };
    let too_large = |size| LoadError::TooLarge {
        path: path.to_path_buf(),
        size,
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > limit {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Like [`decode`], taking the bytes: UTF-8 text without control characters (the common case)
/// becomes the text without being copied.
pub fn decode_owned(bytes: Vec<u8>, forced: Option<&'static Encoding>) -> Option<Decoded> {
    if is_plain_utf8(&bytes, forced) {
        match String::from_utf8(bytes) {
            Ok(text) => {
                let text = if needs_sanitizing(&text) {
                    sanitize(&text)
                } else {
                    text
                };
                return Some(Decoded {
                    text,
                    encoding: "UTF-8",
                });
            }
            Err(e) => return decode(e.as_bytes(), forced),
        }
    }
    decode(&bytes, forced)
}

/// Decodes bytes as text: a byte-order mark wins, then a forced encoding, then UTF-8 when the
/// bytes are valid UTF-8 (a page declaring `GB2312` whose bytes are UTF-8 is UTF-8), then a
/// web page's `<meta charset>`, then a statistical guess (GBK, Big5, Shift_JIS,
/// windows-1251...).
/// Returns `None` when the bytes look binary.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Option<Decoded> {
    let bom = Encoding::for_bom(bytes);
    if bom.is_none() && looks_binary(bytes) {
        return None;
    }
    let encoding = match (bom, forced) {
        (Some((enc, _)), _) => enc,
        (None, Some(enc)) => enc,
        (None, None) if simdutf8::basic::from_utf8(bytes).is_ok() || utf8_cut_short(bytes) => {
            encoding_rs::UTF_8
        }
        (None, None) if let Some(declared) = declared_charset(bytes) => declared,
        (None, None) => {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            detector.guess(None, true)
        }
    };
    let (text, _, _) = encoding.decode(bytes);
    Some(Decoded {
        text: if needs_sanitizing(&text) {
            sanitize(&text)
        } else {
            text.into_owned()
        },
        encoding: display_name(encoding),
    })
}

/// Whether `bytes` are UTF-8 but for their last character, cut short (a file truncated, a
/// download interrupted): read as UTF-8, that character replaced, not guessed as another
/// encoding, which would garble all the rest.
fn utf8_cut_short(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => false,
        Err(e) => e.error_len().is_none() && e.valid_up_to() > 0,
    }
}

/// The encoding a web page declares in its first 4 KB (`<meta charset="gbk">`, or
/// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = memchr::memmem::find(tag, b"charset=") {
            let value = &tag[c + 8..];
            let value: Vec<u8> = value
                .iter()
                .copied()
                .skip_while(|&b| b == b'"' || b == b'\'')
                .take_while(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                .collect();
            // A page is never UTF-16 once its bytes read as ASCII this far, nor UTF-8 once
            // its bytes failed to be: the declaration is wrong, and detection decides.
            return Encoding::for_label(&value).filter(|e| {
                ![
                    encoding_rs::UTF_16LE,
                    encoding_rs::UTF_16BE,
                    encoding_rs::UTF_8,
                ]
                .contains(e)
            });
        }
        from = end;
    }
    None
}

/// The name shown in the status line for an encoding.
fn display_name(encoding: &'static Encoding) -> &'static str {
    match encoding.name() {
        "gb18030" => "GB18030",
        other => other,
    }
}

/// Binary data has NUL bytes (text in UTF-16 has a byte-order mark, checked before this).
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    head.contains(&0)
}

/// Whether a text has anything [`sanitize`] would change: C0 controls but tab and newline,
/// DEL, and C1 controls (0xC2 0x80..0x9F in UTF-8).
pub(crate) fn needs_sanitizing(text: &str) -> bool {
    let bytes = text.as_bytes();
    let is_control = |b: u8| (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f;
    // Most text has none: each block of bytes is checked without a branch per byte, which
    // the compiler turns into vector instructions.
    let control = bytes
        .chunks(4096)
        .any(|chunk| chunk.iter().fold(false, |found, &b| found | is_control(b)));
    // C1 controls and the invisible characters all start with one of these lead bytes.
    let changes = |i: usize| {
        text.get(i..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| placeholder(c).is_some() || hidden_name(c).is_some())
    };
    control
        || memchr::memchr3_iter(0xc2, 0xe2, 0xef, bytes).any(changes)
        || memchr::memchr_iter(0xd8, bytes).any(changes)
}

/// The visible stand-in for a terminal control character.
pub fn placeholder(c: char) -> Option<char> {
    match c {
        '\n' | '\t' => None,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// The name a character is shown by when a terminal would not show it, or would let it
/// reorder the line: bidirectional overrides, embeddings, isolates and marks, zero-width
/// characters, and line separators some terminals take for new lines.
pub fn hidden_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200b}' => "ZWSP",
        '\u{200c}' => "ZWNJ",
        '\u{200d}' => "ZWJ",
        '\u{200e}' => "LRM",
        '\u{200f}' => "RLM",
        '\u{061c}' => "ALM",
        '\u{2028}' => "LSEP",
        '\u{2029}' => "PSEP",
        '\u{202a}' => "LRE",
        '\u{202b}' => "RLE",
        '\u{202c}' => "PDF",
        '\u{202d}' => "LRO",
        '\u{202e}' => "RLO",
        '\u{2060}' => "WJ",
        '\u{2066}' => "LRI",
        '\u{2067}' => "RLI",
        '\u{2068}' => "FSI",
        '\u{2069}' => "PDI",
        '\u{feff}' => "ZWNBSP",
        _ => return None,
    })
}

/// Normalises line endings (CRLF and lone CR at line end become LF) and replaces every other
/// control character with a visible placeholder (ESC becomes `␛`, BEL `␇`, C1 controls `�`),
/// so nothing from a document can drive the terminal; and shows invisible and
/// direction-changing characters by name (`<RLO>`, `<ZWSP>`: see [`hidden_name`]), so
/// nothing can hide text or reorder the screen.
///
/// ```
/// use brief::doc::load::sanitize;
/// assert_eq!(sanitize("red \u{1b}[31mtext\r\n"), "red ␛[31mtext\n");
/// ```
pub fn sanitize(text: &str) -> String {
    if !needs_sanitizing(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            match chars.peek() {
                Some('\n') => {}
                None => out.push('\n'),
                Some(_) => out.push('\u{240d}'),
            }
            continue;
        }
        match (placeholder(c), hidden_name(c)) {
            (Some(p), _) => out.push(p),
            (None, Some(name)) => {
                out.push('<');
                out.push_str(name);
                out.push('>');
            }
            (None, None) => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("# 标题\n".as_bytes(), None).unwrap();
        assert_eq!(plain.text, "# 标题\n");
        assert_eq!(plain.encoding, "UTF-8");
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice("# 标题\n".as_bytes());
        assert_eq!(decode(&with_bom, None).unwrap().text, "# 标题\n");
    }

    #[test]
    fn utf8_cut_inside_its_last_character_is_still_utf8() {
        let text = "上海合作组织成员国政府首脑理事会第二十四次会议在莫斯科举行。";
        let bytes = &text.as_bytes()[..text.len() - 1];
        let d = decode(bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.starts_with("上海合作组织"), "{}", d.text);
        assert!(d.text.ends_with("举行\u{FFFD}"), "{}", d.text);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "上合组织 SCO\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, "上合组织 SCO\n");
        assert_eq!(d.encoding, "UTF-16LE");
    }

    #[test]
    fn gbk_is_detected() {
        let text = "上海合作组织成员国政府首脑理事会第二十四次会议在莫斯科举行。各代表团团长高度评价中方工作。\n";
        let (bytes, _, _) = encoding_rs::GBK.encode(text);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, text);
        assert!(
            d.encoding == "GBK" || d.encoding == "GB18030",
            "{}",
            d.encoding
        );
    }

    #[test]
    fn forced_encoding_wins_over_detection() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Россия и Китай\n");
        let forced = encoding_for_name("windows-1251").unwrap();
        assert_eq!(
            decode(&bytes, Some(forced)).unwrap().text,
            "Россия и Китай\n"
        );
        assert!(encoding_for_name("no-such-thing").is_err());
        assert_eq!(encoding_for_name("CP936").unwrap().name(), "GBK");
    }

    #[test]
    fn owned_bytes_decode_like_borrowed_ones() {
        for bytes in [
            "# 标题\n".as_bytes().to_vec(),
            b"a\r\nb\x1b[31m\n".to_vec(),
            encoding_rs::GBK
                .encode("上海合作组织成员国政府首脑理事会会议在莫斯科举行。\n")
                .0
                .into_owned(),
            vec![0xEF, 0xBB, 0xBF, b'x'],
        ] {
            assert_eq!(decode_owned(bytes.clone(), None), decode(&bytes, None));
        }
        assert!(decode_owned(vec![1, 0, 2], None).is_none());
    }

    #[test]
    fn a_file_lent_as_read_reads_as_decoded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.md");
        let windows_1251 = encoding_for_name("windows-1251").unwrap();
        for (bytes, forced) in [
            ("# 标题\n上合组织“峰会”。\n".as_bytes().to_vec(), None),
            (b"a\r\nb\x1b[31m\n".to_vec(), None),
            ("Pay \u{202e}0001 now".as_bytes().to_vec(), None),
            (
                encoding_rs::GBK.encode("上海合作组织\n").0.into_owned(),
                None,
            ),
            (vec![0xEF, 0xBB, 0xBF, b'x'], None),
            ("Россия".as_bytes().to_vec(), Some(windows_1251)),
            (vec![b'a', 0xff, b'b'], None),
        ] {
            std::fs::write(&path, &bytes).unwrap();
            let lent = with_text(&path, forced, |text, encoding| (text.to_string(), encoding));
            let decoded = decode_owned(bytes.clone(), forced).map(|d| (d.text, d.encoding));
            assert_eq!(lent.unwrap(), decoded.unwrap(), "{bytes:?}");
        }
        std::fs::write(&path, [1, 0, 2]).unwrap();
        assert!(matches!(
            with_text(&path, None, |_, _| ()),
            Err(LoadError::Binary(_))
        ));
    }

    #[test]
    fn a_control_anywhere_in_a_long_text_is_found() {
        let long = "正文。".repeat(2000);
        for control in [
            "\u{1b}", "\u{9b}", "\u{7f}", "\r", "\u{202e}", "\u{200b}", "\u{61c}",
        ] {
            for at in [0, 4095, 4098, long.len()] {
                let mut text = long.clone();
                text.insert_str(at, control);
                let decoded = decode_owned(text.into_bytes(), None).unwrap().text;
                assert!(!decoded.contains(control), "{control:?} at {at}");
            }
        }
        assert!(!needs_sanitizing(&long));
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.md");
        // A sparse file: a gigabyte on paper, nothing on disk.
        std::fs::File::create(&path)
            .unwrap()
            .set_len(1_000_000_000)
            .unwrap();
        let err = with_text(&path, None, |_, _| ()).unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with(&format!("{}: 1000 MB", path.display())),
            "{message}"
        );
        assert!(message.contains("split it into smaller files"), "{message}");
        std::fs::write(&path, "x".repeat(101)).unwrap();
        assert!(matches!(
            read_at_most(&path, 100),
            Err(LoadError::TooLarge { .. })
        ));
        assert_eq!(read_at_most(&path, 101).unwrap().len(), 101);
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(&[0x7f, b'E', b'L', b'F', 0, 0, 1, 2], None).is_none());
    }

    #[test]
    fn crlf_and_controls() {
        assert_eq!(sanitize("a\r\nb\r\n"), "a\nb\n");
        assert_eq!(sanitize("x\ry"), "x\u{240d}y");
        assert_eq!(sanitize("\u{1b}[31mred\u{7}"), "\u{241b}[31mred\u{2407}");
        assert_eq!(sanitize("c1:\u{9b}2J"), "c1:\u{fffd}2J");
        assert_eq!(
            sanitize("pay \u{202e}0001\u{202c} to\u{200b}day \u{2066}x\u{2069}"),
            "pay <RLO>0001<PDF> to<ZWSP>day <LRI>x<PDI>"
        );
        assert_eq!(sanitize("“上合组织”—"), "“上合组织”—", "punctuation stays");
        assert_eq!(sanitize("tab\tok\n"), "tab\tok\n");
        assert!(!sanitize("\u{8}\u{0}\u{1b}").chars().any(|c| c.is_control()));
    }
}
