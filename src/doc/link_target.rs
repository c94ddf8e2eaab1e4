//! Where a link in a document leads, as its text says: a footnote's definition, a heading
//! (`#the-agenda`), a briefing file beside the document, or an address to copy. Nothing is
//! looked up on disk here.

use std::path::{Path, PathBuf};

use super::{BlockId, BlockKind, Document, LinkSpan};

/// Where a link leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Destination {
    /// A block of the same document: a footnote's definition, a heading.
    Here(BlockId),
    /// A briefing file (another open document, or a file to open, or none there).
    File(FileLink),
    /// Anywhere else: its URL is copied.
    Url(String),
    /// A footnote whose definition is not in the document.
    Missing(String),
}

/// A link to a briefing file, as the text gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileLink {
    /// The file, beside the document the link is in (not looked up).
    pub path: PathBuf,
    /// The path as written in the link.
    pub written: String,
    /// The heading its `#anchor` names, if any.
    pub anchor: Option<String>,
    /// The whole target as written, copied when the file cannot be opened.
    pub target: String,
}

/// Files a link may open in brief.
const BRIEFING_FILES: [&str; 6] = ["md", "markdown", "txt", "html", "htm", "xhtml"];

/// Where `link` in `doc` leads, as far as the text says: nothing is looked up on disk (a
/// file's link is followed at the edge, where the file system is).
pub fn destination(link: &LinkSpan, doc: &Document) -> Destination {
    let target = &*link.target;
    if let Some(label) = link.footnote() {
        return match footnote_definition(doc, label) {
            Some(block) => Destination::Here(block),
            None => Destination::Missing(label.to_string()),
        };
    }
    if let Some(anchor) = target.strip_prefix('#') {
        return match heading_by_anchor(doc, anchor) {
            Some(block) => Destination::Here(block),
            None => Destination::Url(target.to_string()),
        };
    }
    let scheme = target
        .split_once(':')
        .is_some_and(|(s, _)| s.len() > 1 && s.chars().all(|c| c.is_ascii_alphanumeric()));
    if scheme && !target.starts_with("file://") {
        return Destination::Url(target.to_string());
    }
    let path = target.trim_start_matches("file://");
    let path = path.split(['#', '?']).next().unwrap_or(path);
    let Some(base) = doc.path.as_deref().and_then(Path::parent) else {
        return Destination::Url(target.to_string());
    };
    let briefing = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| BRIEFING_FILES.contains(&e.to_ascii_lowercase().as_str()));
    if !briefing {
        return Destination::Url(target.to_string());
    }
    Destination::File(FileLink {
        path: base.join(percent_decoded(path)),
        written: path.to_string(),
        anchor: fragment(target).map(str::to_string),
        target: target.to_string(),
    })
}

/// The `#anchor` a link to a file ends with.
pub fn fragment(target: &str) -> Option<&str> {
    target
        .split_once('#')
        .map(|(_, a)| a)
        .filter(|a| !a.is_empty())
}

/// `%20` and the like in a relative path, decoded.
fn percent_decoded(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The block defining footnote `label`: the item its label marks.
pub fn footnote_definition(doc: &Document, label: &str) -> Option<BlockId> {
    let marker = format!("[{label}]");
    doc.blocks
        .iter()
        .position(|b| matches!(&b.kind, BlockKind::ListItem { marker: m, .. } if **m == *marker))
        .map(BlockId)
}

/// The heading an in-page link (`#the-agenda`) names: the one whose text, written as an
/// anchor (lower case, words joined by `-`), is it.
pub fn heading_by_anchor(doc: &Document, anchor: &str) -> Option<BlockId> {
    let anchor = percent_decoded(anchor).to_lowercase();
    doc.headings()
        .find(|(_, _, b)| slug(b.text()) == anchor)
        .map(|(id, _, _)| id)
}

/// A heading's text as an anchor: lower case, punctuation dropped, spaces as `-`.
fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' | '-' => Some('-'),
            c if c.is_alphanumeric() || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::markdown;

    #[test]
    fn a_link_to_a_briefing_file_is_a_path_beside_the_document() {
        let mut doc = markdown(
            "t.md",
            "[o](other.md) [t](third%20edition.md#x) [c](data.csv) [a](/abs/b.md)\n",
        );
        doc.path = Some(PathBuf::from("/briefings/t.md"));
        let to: Vec<Destination> = doc.blocks[0]
            .links()
            .iter()
            .map(|l| destination(l, &doc))
            .collect();
        let file = |path: &str, written: &str, anchor: Option<&str>, target: &str| {
            Destination::File(FileLink {
                path: PathBuf::from(path),
                written: written.into(),
                anchor: anchor.map(str::to_string),
                target: target.into(),
            })
        };
        assert_eq!(
            to,
            [
                file("/briefings/other.md", "other.md", None, "other.md"),
                file(
                    "/briefings/third edition.md",
                    "third%20edition.md",
                    Some("x"),
                    "third%20edition.md#x"
                ),
                Destination::Url("data.csv".into()),
                file("/abs/b.md", "/abs/b.md", None, "/abs/b.md"),
            ]
        );
    }

    #[test]
    fn footnotes_headings_and_urls_lead_where_they_say() {
        let doc = markdown(
            "t.md",
            "# The Agenda\n\nSee [the site](https://example.org/a) and the note[^1], \
             [above](#the-agenda), [gone](#nowhere), [^2].\n\n[^1]: The definition.\n",
        );
        let links = doc.blocks[1].links();
        let to: Vec<Destination> = links.iter().map(|l| destination(l, &doc)).collect();
        assert_eq!(
            to,
            [
                Destination::Url("https://example.org/a".into()),
                Destination::Here(BlockId(2)),
                Destination::Here(BlockId(0)),
                Destination::Url("#nowhere".into()),
            ]
        );
        let text = doc.blocks[1].text();
        let shown: Vec<&str> = links
            .iter()
            .map(|l| &text[l.start as usize..l.end as usize])
            .collect();
        // A reference to a footnote never defined stays text, as CommonMark reads it.
        assert_eq!(shown, ["the site", "[1]", "above", "gone"]);
        assert!(text.ends_with("[^2]."));
    }
}
