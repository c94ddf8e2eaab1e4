//! Two wordings of one passage compared as a reader would: sentences aligned first, then
//! words (characters, for CJK) compared inside the sentences that changed.

use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::doc::sentences::sentences;

use super::substance::substance;
use super::wording::{Kind, Piece, diff_in_substance};

/// Beyond this many bytes of the two wordings together, the word-by-word step is skipped:
/// the passage is shown deleted and inserted whole.
pub const WORD_LEVEL_LIMIT: usize = 60_000;

/// The difference between two wordings, and whether they were too long to compare word
/// by word.
pub fn pieces(old: &str, new: &str) -> (Vec<Piece>, bool) {
    if old.len() + new.len() > WORD_LEVEL_LIMIT {
        return (whole(old, new), true);
    }
    let (a, b) = (cut(old), cut(new));
    let ka: Vec<String> = a.iter().map(|s| substance(s)).collect();
    let kb: Vec<String> = b.iter().map(|s| substance(s)).collect();
    let mut out: Vec<Piece> = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &ka, &kb) {
        let (tag, ra, rb) = op.as_tag_tuple();
        let pieces = if tag == DiffTag::Equal {
            vec![Piece {
                kind: Kind::Same,
                text: b[rb].concat(),
            }]
        } else {
            diff_in_substance(&a[ra].concat(), &b[rb].concat())
        };
        for p in pieces {
            match out.last_mut() {
                Some(last) if last.kind == p.kind => last.text.push_str(&p.text),
                _ => out.push(p),
            }
        }
    }
    (out, false)
}

/// The old wording deleted and the new inserted, whole.
pub fn whole(old: &str, new: &str) -> Vec<Piece> {
    [(Kind::Deleted, old), (Kind::Inserted, new)]
        .into_iter()
        .filter(|(_, t)| !t.is_empty())
        .map(|(kind, text)| Piece {
            kind,
            text: text.to_string(),
        })
        .collect()
}

/// A text cut into its sentences, each with the spaces after it, so they join back into
/// the text.
fn cut(text: &str) -> Vec<&str> {
    let ranges = sentences(text);
    let mut out = Vec::with_capacity(ranges.len() + 1);
    let mut from = 0;
    for (k, r) in ranges.iter().enumerate() {
        let end = ranges.get(k + 1).map_or(text.len(), |n| n.start);
        if r.start > from && k == 0 {
            out.push(&text[from..r.start]);
        }
        out.push(&text[r.start.max(from)..end]);
        from = end;
    }
    if from < text.len() {
        out.push(&text[from..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::wording::marked;

    #[test]
    fn only_the_changed_sentence_is_compared_word_by_word() {
        let old = "The leaders met in Lima. They agreed on the need for the good of all. \
                   They will meet again.";
        let new = "The leaders met in Lima. They agreed on the need for good for all. \
                   They will meet again.";
        let (pieces, too_long) = pieces(old, new);
        assert!(!too_long);
        assert_eq!(
            marked(&pieces),
            "The leaders met in Lima. They agreed on the need for [-the good of -]{+good for +}all. \
             They will meet again."
        );
    }

    #[test]
    fn sentences_join_back_into_the_text() {
        let text = "  一、总则。第二句！ third one. ";
        assert_eq!(cut(text).concat(), text);
        assert_eq!(cut("").concat(), "");
    }

    #[test]
    fn a_passage_too_long_is_shown_whole() {
        let old = "a ".repeat(WORD_LEVEL_LIMIT);
        let (pieces, too_long) = pieces(&old, "b");
        assert!(too_long);
        assert_eq!(pieces.len(), 2);
    }
}
