//! The reference matter of a document: its bibliography (sections headed References, Further
//! reading, External links, 参考文献, Литература…) and its footnotes that cite a work ("[19]
//! See Laura Tyson Li, _Madame Chiang Kai-Shek: China's Eternal First Lady_ (2006)"). The
//! places in them are in the titles of the works cited and where they were published, not
//! what the document speaks of.

use super::Document;

/// Headings of a section that lists the works a document cites (compared in lower case).
/// Not "Notes": a briefing's notes are its own words.
const HEADINGS: [&str; 24] = [
    "references",
    "reference",
    "notes and references",
    "footnotes",
    "citations",
    "sources",
    "bibliography",
    "further reading",
    "external links",
    "works cited",
    "literature",
    "参考文献",
    "参考资料",
    "注释",
    "外部链接",
    "延伸阅读",
    "扩展阅读",
    "литература",
    "примечания",
    "источники",
    "ссылки",
    "библиография",
    "список литературы",
    "дополнительная литература",
];

/// What marks a footnote as the citation of a work (besides a year in brackets): a title in
/// italics, or the marks of a reference list.
const CITATION_MARKS: [&str; 10] = [
    "_",
    "Retrieved",
    "Archived",
    "ISBN",
    "doi:",
    " pp",
    " p. ",
    "Press",
    "Journal",
    "vol.",
];

/// Whether `text` has a year a work could have been published in: a run of digits that is
/// one (1800–2099).
pub fn has_a_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit()).any(is_a_year)
}

/// Whether `digits` are a year a work could have been published in (1800–2099).
fn is_a_year(digits: &str) -> bool {
    digits.len() == 4
        && digits.chars().all(|c| c.is_ascii_digit())
        && ["18", "19", "20"].iter().any(|c| digits.starts_with(c))
}

/// For each block of `doc`, whether it is reference matter.
pub fn reference_matter(doc: &Document) -> Vec<bool> {
    // The level of the reference section the blocks are in, if they are.
    let mut section: Option<u8> = None;
    doc.blocks
        .iter()
        .map(|b| {
            if let Some(level) = b.heading_level() {
                if section.is_none_or(|s| level <= s) {
                    section = is_reference_heading(b.text()).then_some(level);
                }
                return section.is_some();
            }
            section.is_some() || cites_a_work(b.text())
        })
        .collect()
}

/// Whether a heading's text is one of [`HEADINGS`].
fn is_reference_heading(text: &str) -> bool {
    let text = text.trim().trim_end_matches(':');
    text.len() <= 64 && HEADINGS.contains(&text.to_lowercase().as_str())
}

/// Whether a paragraph is a numbered footnote ("[19] …", "^ …") that cites a work: with a
/// year and a title in italics or another mark of a reference.
fn cites_a_work(text: &str) -> bool {
    let text = text.trim_start();
    let rest = match text.strip_prefix('[') {
        Some(rest) => {
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            if digits == 0 || !rest[digits..].starts_with(']') {
                return false;
            }
            &rest[digits + 1..]
        }
        None => match text.strip_prefix('^') {
            Some(rest) => rest,
            None => return false,
        },
    };
    // A footnote of a long paragraph is the author's own words.
    if rest.len() > 600 {
        return false;
    }
    let year = has_a_year(rest);
    // "(2006)", "(1953)": the year a work was published.
    let bracketed = rest.match_indices('(').any(|(i, _)| {
        rest[i + 1..]
            .get(..5)
            .is_some_and(|y| y.ends_with(')') && is_a_year(&y[..4]))
    });
    // [194] "West puts squeeze on Fiji, China ups aid", Fijilive, 17 May 2008: an article's
    // title opens it.
    let quoted_title = rest.trim_start().starts_with(['"', '“']);
    bracketed || (year && (quoted_title || CITATION_MARKS.iter().any(|m| rest.contains(m))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bibliographies_and_citing_footnotes_are_reference_matter() {
        let doc = crate::doc::markdown(
            "r.md",
            "# Relations\n\nChina and Japan met in 2006.\n\n\
             [19] See Laura Tyson Li, _Madame Chiang Kai-Shek: China's Eternal First Lady_ (2006)\n\n\
             [254] Holy See has no diplomatic relations with the PRC.\n\n\
             [255] In 1971 the PRC took the seat of “China” at the UN.\n\n\
             [20] Herbert Feis, China Tangle: American Effort in China (1953)\n\n\
             [194] \"West puts squeeze on Fiji, China ups aid\", Fijilive, 17 May 2008\n\n\
             ## References\n\nItaly Signs Up to China's Plan. Reuters, 2019.\n\n\
             ### Books\n\nKerr, D. The Rise of Asia. London: Routledge, 2019.\n\n\
             ## Analysis\n\nIndia and Japan agreed.\n",
        );
        let flags = reference_matter(&doc);
        let marked: Vec<&str> = doc
            .blocks
            .iter()
            .zip(&flags)
            .filter(|(_, f)| **f)
            .map(|(b, _)| b.text())
            .collect();
        assert_eq!(
            marked,
            [
                "[19] See Laura Tyson Li, Madame Chiang Kai-Shek: China's Eternal First Lady (2006)",
                "[20] Herbert Feis, China Tangle: American Effort in China (1953)",
                "[194] \"West puts squeeze on Fiji, China ups aid\", Fijilive, 17 May 2008",
                "References",
                "Italy Signs Up to China's Plan. Reuters, 2019.",
                "Books",
                "Kerr, D. The Rise of Asia. London: Routledge, 2019.",
            ]
        );
    }
}
