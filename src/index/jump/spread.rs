//! A plain term whose letters are not one unbroken run in a candidate still matches when the
//! way they are spread is plausible as typing: letters close together in one word (`cmmnq` in
//! "communiqué"), the initials of consecutive words (`sco` in "Shanghai Cooperation
//! Organisation"), or whole syllables with a character or two between them (`shanghe` in
//! 上海合作). Letters scattered across a paragraph, or pinyin initials scattered across
//! Chinese, are not a match: a lookup that finds junk is worse than "no match".

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::candidates::Candidate;
use super::run::{Hit, Prepared, spells_pinyin};
use crate::doc::markdown::is_cjk;
use crate::index::pinyin_match;

/// How many windows of a text are scored at most: a common first letter in a long paragraph
/// opens many, and the first few are as good as any.
const MOST_WINDOWS: usize = 32;
/// The most letters an acronym has.
const MOST_ACRONYM: usize = 8;

/// The widest stretch of text a term of `letters` may be spread over, inside one word:
/// twice its length, enough for dropped vowels (`cmmnq`, "communique"), too little for
/// random letters to find a long word that holds them (`bcrd`, "background").
pub(super) fn widest(letters: usize) -> usize {
    2 * letters
}

impl Candidate {
    /// The best plausible spread-out match of a plain term, or `None`.
    pub(super) fn spread_hit(
        &self,
        t: &Prepared,
        matcher: &SkimMatcherV2,
        positions: bool,
    ) -> Option<Hit> {
        if !t.term.fuzzy {
            return None;
        }
        let query = t.term.text.as_str();
        let folded = self.folded();
        let mut best = None;
        if is_subsequence(folded, query) {
            best = Hit::best(close_together(folded, query, matcher), best);
            best = Hit::best(acronym(folded, query, matcher), best);
        }
        if spells_pinyin(query)
            && self.initials.is_some()
            && pinyin_match::could_spell(folded, query)
            && let Some((score, _, chars)) = pinyin_match::spell(folded, query)
            && let (Some(&first), Some(&last)) = (chars.first(), chars.last())
        {
            best = Hit::best(
                best,
                Some(Hit {
                    score,
                    run: false,
                    first,
                    end: last + 1,
                    chars,
                }),
            );
        }
        if !positions && let Some(hit) = best.as_mut() {
            hit.chars = Vec::new();
        }
        best
    }
}

/// The best window of `text` no wider than [`widest`] that holds the letters of `query` in
/// order, scored by the skim algorithm on the window and the character before it. Nothing is
/// copied but the few windows scored.
fn close_together(text: &str, query: &str, matcher: &SkimMatcherV2) -> Option<Hit> {
    let first_letter = query.chars().next()?;
    let letters = query.chars().count();
    let widest = widest(letters);
    let mut best: Option<Hit> = None;
    let mut tried = 0;
    // (byte, character) of each occurrence of the first letter, counted as the text is read.
    let mut counted = (0, 0);
    let mut from_byte = 0;
    while tried < MOST_WINDOWS {
        let Some(found) = text[from_byte..].find(first_letter) else {
            break;
        };
        let start = from_byte + found;
        counted.1 += text[counted.0..start].chars().count();
        counted.0 = start;
        from_byte = start + first_letter.len_utf8();
        // A word of Latin or Cyrillic letters is abbreviated from its start (`cmmnq`, not
        // `ssmb` for "a[ss]e[mb]ly"); Chinese has no spaces to say where a word starts.
        if !is_cjk(first_letter)
            && text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        // Forward: where the letters are all found from here, within the widest window.
        let mut wanted = query.chars().peekable();
        let mut end = start;
        for (n, (at, c)) in text[start..].char_indices().enumerate() {
            // Within one word: letters picked out of neighbouring words are not typing
            // (`sanctions` in "busine[s]s tr[an]sa[ctions]"). Chinese, written without
            // spaces, is held to the window alone.
            if n >= widest || (!c.is_alphanumeric() && !query.contains(c)) {
                break;
            }
            if wanted.peek() == Some(&c) {
                wanted.next();
                if wanted.peek().is_none() {
                    end = start + at + c.len_utf8();
                    break;
                }
            }
        }
        if wanted.peek().is_some() {
            continue;
        }
        // The window starts where its word does; Chinese, at the tightest start ending there.
        let tight = if is_cjk(first_letter) {
            start + tightest_start(&text[start..end], query)
        } else {
            start
        };
        let skipped = text[start..tight].chars().count();
        let (context, context_chars) = match text[..tight].char_indices().next_back() {
            Some((at, _)) => (at, counted.1 + skipped - 1),
            None => (tight, counted.1 + skipped),
        };
        if let Some((score, chars)) = matcher.fuzzy_indices(&text[context..end], query) {
            let chars: Vec<usize> = chars.into_iter().map(|c| c + context_chars).collect();
            best = Hit::best(
                best,
                Some(Hit {
                    score,
                    run: false,
                    first: chars.first().copied().unwrap_or(context_chars),
                    end: chars.last().map_or(context_chars, |l| l + 1),
                    chars,
                }),
            );
        }
        tried += 1;
    }
    best
}

/// Where the tightest stretch ending with `window` that holds the letters of `query` in order
/// begins, in bytes of `window` (which holds them).
fn tightest_start(window: &str, query: &str) -> usize {
    let mut wanted = query.chars().rev().peekable();
    for (at, c) in window.char_indices().rev() {
        if wanted.peek() == Some(&c) {
            wanted.next();
            if wanted.peek().is_none() {
                return at;
            }
        }
    }
    0
}

/// The letters of `query` as the initials of consecutive words of Latin or Cyrillic text
/// (only spaces or hyphens between them).
fn acronym(text: &str, query: &str, matcher: &SkimMatcherV2) -> Option<Hit> {
    let letters = query.chars().count();
    let latin_or_cyrillic = |c: char| c.is_alphabetic() && !is_cjk(c);
    if !(2..=MOST_ACRONYM).contains(&letters) || !query.chars().all(latin_or_cyrillic) {
        return None;
    }
    let is_letter = |c: char| c.is_alphanumeric() && !is_cjk(c);
    let first_letter = query.chars().next()?;
    let mut before: Option<char> = None;
    for (n, (at, c)) in text.char_indices().enumerate() {
        let starts_word = is_letter(c) && !before.is_some_and(is_letter);
        before = Some(c);
        if !starts_word || c != first_letter {
            continue;
        }
        // The words from here: each must begin with the next letter.
        let mut chars = vec![n];
        let mut wanted = query.chars().skip(1).peekable();
        let (mut in_word, mut last) = (true, at);
        for (m, (byte, d)) in text[at..].char_indices().enumerate().skip(1) {
            let Some(&next) = wanted.peek() else { break };
            if is_letter(d) {
                if !in_word {
                    if d != next {
                        break;
                    }
                    chars.push(n + m);
                    wanted.next();
                    last = at + byte;
                }
                in_word = true;
            } else if d == ' ' || d == '-' {
                in_word = false;
            } else {
                break;
            }
        }
        if wanted.peek().is_none() {
            let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
            let score = matcher.fuzzy_match(&text[at..end], query)?;
            return Some(Hit {
                score,
                run: false,
                first: n,
                end: chars[chars.len() - 1] + 1,
                chars,
            });
        }
    }
    None
}

/// Whether every character of `needle` appears in `hay`, in order. Each character is looked
/// for with the standard library's vectorised search, so a text without the term's first
/// character is passed over at memory speed.
pub(super) fn is_subsequence(hay: &str, needle: &str) -> bool {
    let mut rest = hay;
    for c in needle.chars() {
        match rest.find(c) {
            Some(at) => rest = &rest[at + c.len_utf8()..],
            None => return false,
        }
    }
    true
}
