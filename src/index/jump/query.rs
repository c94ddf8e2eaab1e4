//! What the palette's input asks for, in fzf's query language: a prefix naming one kind of
//! candidate (`#` headings, `@` places, `+` people, `"` documents cited; `'` bookmarks and `!`
//! notes when they stand alone), then terms separated by spaces that must all match, in any
//! order: `'exact`, `^start`, `end$`, `!not`, and `a | b` for either. Terms are folded as
//! candidates are.

use super::CandidateKind;
use crate::index::pinyin_key::fold;

/// Where a term must be found in a candidate's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Anywhere.
    Anywhere,
    /// At its start (`^term`).
    Start,
    /// At its end (`term$`).
    End,
}

/// One term of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// What to find, folded.
    pub text: String,
    /// Whether its letters may be spread out (a plain term); `'`, `^`, `$` and `!` terms
    /// match only as one unbroken run.
    pub fuzzy: bool,
    /// Where it must be.
    pub anchor: Anchor,
}

/// A query: an optional kind, the terms that must all match (each one of several
/// alternatives, `a | b`), and the terms that must not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// Only candidates of this kind.
    pub kind: Option<CandidateKind>,
    /// The whole input after the kind, folded: what narrowing compares.
    pub text: String,
    /// Every group must match; a group matches when one of its terms does.
    pub all: Vec<Vec<Term>>,
    /// No candidate holding one of these (as an unbroken run) matches.
    pub none: Vec<Term>,
}

impl Query {
    /// Reads the prefix and the terms.
    pub fn parse(input: &str) -> Query {
        let input = input.trim_start();
        let (kind, rest) = match input.chars().next() {
            Some('#') => (Some(CandidateKind::Heading), &input[1..]),
            Some('@') => (Some(CandidateKind::Place), &input[1..]),
            Some('"') => (Some(CandidateKind::Document), &input[1..]),
            Some('+') => (Some(CandidateKind::Person), &input[1..]),
            // fzf's exact and not: a kind only when alone (`'`, `' budget`).
            Some('\'') if alone(&input[1..]) => (Some(CandidateKind::Bookmark), &input[1..]),
            Some('!') if alone(&input[1..]) => (Some(CandidateKind::Note), &input[1..]),
            _ => (None, input),
        };
        let text = fold(rest.trim());
        let mut all: Vec<Vec<Term>> = Vec::new();
        let mut none = Vec::new();
        let mut either = false;
        for word in words(&text) {
            if word == "|" {
                either = !all.is_empty();
                continue;
            }
            let (negated, word) = match word.strip_prefix('!') {
                Some(rest) => (true, rest),
                None => (false, word.as_str()),
            };
            let Some(term) = term(word, negated) else {
                continue;
            };
            if negated {
                none.push(term);
            } else if either && let Some(group) = all.last_mut() {
                group.push(term);
            } else {
                all.push(vec![term]);
            }
            either = false;
        }
        Query {
            kind,
            text,
            all,
            none,
        }
    }

    /// Whether nothing must match: the query lists (headings, or everything of its kind),
    /// less what it excludes.
    pub fn lists(&self) -> bool {
        self.all.is_empty()
    }

    /// Whether every term must match as an unbroken run, so the quick answer is complete.
    pub fn exact(&self) -> bool {
        self.all.iter().flatten().all(|t| !t.fuzzy)
    }

    /// Whether this query only adds to `earlier`, so its matches are among earlier's: more
    /// letters or more terms, never a wider `|` or a shorter `!`.
    pub fn narrows(&self, earlier: &Query) -> bool {
        // A query of no terms lists headings only, so it cannot be narrowed.
        !earlier.lists()
            && earlier.none.is_empty()
            && earlier.all.iter().all(|g| g.len() == 1)
            && self.none.is_empty()
            && self.all.iter().all(|g| g.len() == 1)
            && self.kind == earlier.kind
            && self.text.starts_with(&earlier.text)
    }
}

/// Whether what follows a `'` or `!` leaves it alone: nothing, or a space.
fn alone(rest: &str) -> bool {
    rest.is_empty() || rest.starts_with(char::is_whitespace)
}

/// The space-separated words of a folded query; `\ ` is a space inside a word.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek() == Some(&' ') {
            word.push(' ');
            chars.next();
        } else if c.is_whitespace() {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// A term from a word stripped of its `!`: `'exact` (or `'exact'`), `^start`, `end$`.
fn term(word: &str, negated: bool) -> Option<Term> {
    let (quoted, word) = match word.strip_prefix('\'') {
        Some(rest) => (true, rest.strip_suffix('\'').unwrap_or(rest)),
        None => (false, word),
    };
    let (start, word) = match word.strip_prefix('^') {
        Some(rest) => (true, rest),
        None => (false, word),
    };
    let (end, word) = match word.strip_suffix('$') {
        Some(rest) if !rest.is_empty() => (true, rest),
        _ => (false, word),
    };
    if word.is_empty() {
        return None;
    }
    let anchor = match (start, end) {
        (true, _) => Anchor::Start,
        (false, true) => Anchor::End,
        (false, false) => Anchor::Anywhere,
    };
    Some(Term {
        text: word.to_string(),
        fuzzy: !(quoted || negated || start || end),
        anchor,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(q: &Query) -> Vec<Vec<&str>> {
        q.all
            .iter()
            .map(|g| g.iter().map(|t| t.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn spaces_separate_terms_that_all_match() {
        let q = Query::parse("zjw  tielu");
        assert_eq!(texts(&q), vec![vec!["zjw"], vec!["tielu"]]);
        assert!(q.all.iter().flatten().all(|t| t.fuzzy));
        let q = Query::parse("中吉乌　铁路");
        assert_eq!(
            texts(&q),
            vec![vec!["中吉乌"], vec!["铁路"]],
            "ideographic space"
        );
    }

    #[test]
    fn fzf_operators() {
        let q = Query::parse("'exact ^start end$ !not a | b | c");
        assert_eq!(
            texts(&q),
            vec![
                vec!["exact"],
                vec!["start"],
                vec!["end"],
                vec!["a", "b", "c"]
            ]
        );
        assert!(!q.all[0][0].fuzzy && q.all[0][0].anchor == Anchor::Anywhere);
        assert_eq!(q.all[1][0].anchor, Anchor::Start);
        assert_eq!(q.all[2][0].anchor, Anchor::End);
        assert_eq!(q.none.len(), 1);
        assert_eq!(q.none[0].text, "not");
        assert!(!q.exact());
        assert!(Query::parse("'a ^b").exact());
        assert_eq!(
            texts(&Query::parse("joint\\ statement")),
            vec![vec!["joint statement"]]
        );
    }

    #[test]
    fn quote_and_bang_are_kinds_only_alone() {
        assert_eq!(Query::parse("'").kind, Some(CandidateKind::Bookmark));
        assert_eq!(Query::parse("' budget").kind, Some(CandidateKind::Bookmark));
        assert_eq!(Query::parse("! taiwan").kind, Some(CandidateKind::Note));
        let exact = Query::parse("'taiwan");
        assert_eq!(exact.kind, None);
        assert!(!exact.all[0][0].fuzzy);
        let not = Query::parse("!taiwan");
        assert_eq!((not.kind, not.lists()), (None, true));
        assert_eq!(Query::parse("#zjw tl").kind, Some(CandidateKind::Heading));
    }

    #[test]
    fn operators_alone_are_no_terms() {
        assert!(Query::parse("^").lists());
        assert!(Query::parse("| a").all.len() == 1);
        assert!(Query::parse("'").lists());
    }

    #[test]
    fn only_growing_terms_narrow() {
        let narrows = |a: &str, b: &str| Query::parse(b).narrows(&Query::parse(a));
        assert!(narrows("zj", "zjw"));
        assert!(narrows("zjw", "zjw tie"));
        assert!(!narrows("#zjw", "zjw"));
        assert!(!narrows("", "z"));
        assert!(
            !narrows("a !ta", "a !tai"),
            "a longer exclusion excludes less"
        );
        assert!(!narrows("a | b", "a | bc"));
        assert!(!narrows("a", "a | b"));
    }
}
