//! How the listings of `brief people` and `brief documents` name the lines a thing is
//! mentioned on: the document's name too when several are open, each line once, and a
//! count of the rest past a dozen. A PDF's places are its pages, and are called so.

/// The lines listed for one entry; `--json` gives them all.
const LINES_SHOWN: usize = 12;

/// The places `(document, line)` as a listing gives them: `line 17, 27`, or
/// `a.md: 17, 27; b.md: 4` when several documents are open; the same line once, at most a
/// dozen and then `… 9 more`. `paged` says which documents' places are pages (`page 3, 5`,
/// `a.pdf: page 3`).
pub fn lines_listed<'a>(
    places: impl Iterator<Item = (&'a str, usize)>,
    several: bool,
    paged: impl Fn(&str) -> bool,
) -> String {
    let mut places: Vec<(&str, usize)> = places.collect();
    places.dedup();
    let more = places.len().saturating_sub(LINES_SHOWN);
    // A name a long document repeats would fill the screen with line numbers.
    places.truncate(LINES_SHOWN);
    let unit = |doc: &str| if paged(doc) { "page " } else { "line " };
    let mut out = String::new();
    if let (false, Some((doc, _))) = (several, places.first()) {
        out.push_str(unit(doc));
    }
    let mut document = None;
    for (i, (doc, line)) in places.iter().enumerate() {
        if several && document != Some(*doc) {
            if i > 0 {
                out.push_str("; ");
            }
            out.push_str(doc);
            out.push_str(": ");
            if paged(doc) {
                out.push_str(unit(doc));
            }
            document = Some(*doc);
        } else if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&line.to_string());
    }
    if more > 0 {
        out.push_str(&format!(", … {more} more"));
    }
    out
}

/// A line as a listing gives it: `line 17`, or `a.md: 17` when several documents are open
/// (`page 3`, `a.pdf: page 3` for a PDF).
pub fn place(document: &str, line: usize, several: bool, paged: impl Fn(&str) -> bool) -> String {
    lines_listed(std::iter::once((document, line)), several, paged)
}

/// Whether the document called `name` among `docs` is a PDF, whose places are pages.
pub fn is_paged(docs: &[crate::doc::Document], name: &str) -> bool {
    docs.iter()
        .any(|d| d.name == name && d.format == crate::doc::Format::Pdf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_name_their_document_when_several_are_open_and_stop_after_a_dozen() {
        let none = |_: &str| false;
        let one = [("a.md", 17), ("a.md", 17), ("a.md", 27)];
        assert_eq!(lines_listed(one.into_iter(), false, none), "line 17, 27");
        assert_eq!(lines_listed(one.into_iter(), true, none), "a.md: 17, 27");
        let two = [("a.md", 17), ("b.md", 4), ("b.md", 9)];
        assert_eq!(
            lines_listed(two.into_iter(), true, none),
            "a.md: 17; b.md: 4, 9"
        );
        let many: Vec<(&str, usize)> = (1..=20).map(|l| ("a.md", l)).collect();
        assert!(lines_listed(many.into_iter(), false, none).ends_with("12, … 8 more"));
    }

    #[test]
    fn a_pdfs_places_are_called_pages() {
        let pdf = |d: &str| d.ends_with(".pdf");
        let one = [("a.pdf", 3), ("a.pdf", 5)];
        assert_eq!(lines_listed(one.into_iter(), false, pdf), "page 3, 5");
        let two = [("a.md", 17), ("b.pdf", 4), ("b.pdf", 9)];
        assert_eq!(
            lines_listed(two.into_iter(), true, pdf),
            "a.md: 17; b.pdf: page 4, 9"
        );
        assert_eq!(place("a.pdf", 2, false, pdf), "page 2");
    }
}
