//! What the palette's input asks for: a prefix naming one kind of candidate (`#` headings,
//! `@` places, `+` people, `"` documents cited, `'` bookmarks, `!` notes) and the text, folded
//! as candidates are.

use super::CandidateKind;
use crate::index::pinyin_key::fold;

/// What a query asks for: an optional kind (`#` headings, `@` places, `+` people, `"`
/// documents, `'` bookmarks, `!` notes) and the folded text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// Only candidates of this kind.
    pub kind: Option<CandidateKind>,
    /// The text to match, case- and width-folded.
    pub text: String,
}

impl Query {
    /// Reads the prefix and folds the rest.
    pub fn parse(input: &str) -> Query {
        let (kind, rest) = match input.chars().next() {
            Some('#') => (Some(CandidateKind::Heading), &input[1..]),
            Some('@') => (Some(CandidateKind::Place), &input[1..]),
            Some('"') => (Some(CandidateKind::Document), &input[1..]),
            Some('+') => (Some(CandidateKind::Person), &input[1..]),
            Some('\'') => (Some(CandidateKind::Bookmark), &input[1..]),
            Some('!') => (Some(CandidateKind::Note), &input[1..]),
            _ => (None, input),
        };
        Query {
            kind,
            text: fold(rest.trim()),
        }
    }

    /// Whether this query only adds to `earlier`, so its matches are among earlier's.
    pub fn narrows(&self, earlier: &Query) -> bool {
        // An empty query lists headings only, so it cannot be narrowed.
        !earlier.text.is_empty()
            && self.kind == earlier.kind
            && self.text.starts_with(&earlier.text)
    }
}
