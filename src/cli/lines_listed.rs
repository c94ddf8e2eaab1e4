//! How the listings of `brief people` and `brief documents` name the lines a thing is
//! mentioned on: the document's name too when several are open, each line once, and a
//! count of the rest past a dozen.

/// The lines listed for one entry; `--json` gives them all.
const LINES_SHOWN: usize = 12;

/// The places `(document, line)` as a listing gives them: `line 17, 27`, or
/// `a.md: 17, 27; b.md: 4` when several documents are open; the same line once, at most a
/// dozen and then `… 9 more`.
pub fn lines_listed<'a>(places: impl Iterator<Item = (&'a str, usize)>, several: bool) -> String {
    let mut places: Vec<(&str, usize)> = places.collect();
    places.dedup();
    let more = places.len().saturating_sub(LINES_SHOWN);
    // A name a long document repeats would fill the screen with line numbers.
    places.truncate(LINES_SHOWN);
    let mut out = String::from(if several { "" } else { "line " });
    let mut document = None;
    for (i, (doc, line)) in places.iter().enumerate() {
        if several && document != Some(*doc) {
            if i > 0 {
                out.push_str("; ");
            }
            out.push_str(doc);
            out.push_str(": ");
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

/// A line as a listing gives it: `line 17`, or `a.md: 17` when several documents are open.
pub fn place(document: &str, line: usize, several: bool) -> String {
    lines_listed(std::iter::once((document, line)), several)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_name_their_document_when_several_are_open_and_stop_after_a_dozen() {
        let one = [("a.md", 17), ("a.md", 17), ("a.md", 27)];
        assert_eq!(lines_listed(one.into_iter(), false), "line 17, 27");
        assert_eq!(lines_listed(one.into_iter(), true), "a.md: 17, 27");
        let two = [("a.md", 17), ("b.md", 4), ("b.md", 9)];
        assert_eq!(lines_listed(two.into_iter(), true), "a.md: 17; b.md: 4, 9");
        let many: Vec<(&str, usize)> = (1..=20).map(|l| ("a.md", l)).collect();
        assert!(lines_listed(many.into_iter(), false).ends_with("12, … 8 more"));
    }
}
