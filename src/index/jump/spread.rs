//! A plain term whose letters are not one unbroken run in a candidate still matches when the
//! way they are spread is plausible as typing: letters close together (`cmmnq` in
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

/// The widest stretch of text a term of `letters` may be spread over: twice its length and
/// two more, enough for dropped vowels and a typo, too little for letters picked out of a
/// paragraph.
pub(super) fn widest(letters: usize) -> usize {
    2 * letters + 2
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
            let text: Vec<char> = folded.chars().collect();
            let letters: Vec<char> = query.chars().collect();
            best = Hit::best(close_together(&text, &letters, matcher), best);
            best = Hit::best(acronym(&text, &letters, matcher), best);
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

/// The best window of `text` no wider than [`widest`] that holds the letters in order,
/// scored by the skim algorithm on the window and the character before it.
fn close_together(text: &[char], letters: &[char], matcher: &SkimMatcherV2) -> Option<Hit> {
    let (&first_letter, _) = letters.split_first()?;
    let widest = widest(letters.len());
    let query: String = letters.iter().collect();
    let mut best: Option<Hit> = None;
    let (mut start, mut tried) = (0, 0);
    while start < text.len() && tried < MOST_WINDOWS {
        if text[start] != first_letter {
            start += 1;
            continue;
        }
        // Forward: the first place the letters are all found from here.
        let (mut found, mut at) = (0, start);
        while at < text.len() && at - start < widest && found < letters.len() {
            if text[at] == letters[found] {
                found += 1;
            }
            at += 1;
        }
        if found < letters.len() {
            start += 1;
            continue;
        }
        // Backward: the tightest window ending there.
        let end = at;
        let mut from = end;
        for &letter in letters.iter().rev() {
            from -= 1;
            while text[from] != letter {
                from -= 1;
            }
        }
        let context = from.saturating_sub(1);
        let window: String = text[context..end].iter().collect();
        if let Some((score, chars)) = matcher.fuzzy_indices(&window, &query) {
            let chars: Vec<usize> = chars.into_iter().map(|c| c + context).collect();
            let hit = Hit {
                score,
                run: false,
                first: chars.first().copied().unwrap_or(from),
                end: chars.last().map_or(end, |l| l + 1),
                chars,
            };
            best = Hit::best(best, Some(hit));
        }
        tried += 1;
        start = from + 1;
    }
    best
}

/// The letters as the initials of consecutive words of Latin or Cyrillic text.
fn acronym(text: &[char], letters: &[char], matcher: &SkimMatcherV2) -> Option<Hit> {
    if letters.len() < 2
        || letters.len() > MOST_ACRONYM
        || !letters.iter().all(|c| c.is_alphanumeric())
    {
        return None;
    }
    let is_letter = |c: char| c.is_alphanumeric() && !is_cjk(c);
    let starts: Vec<usize> = (0..text.len())
        .filter(|&i| is_letter(text[i]) && (i == 0 || !is_letter(text[i - 1])))
        .collect();
    let at = starts.windows(letters.len()).find(|w| {
        w.iter().zip(letters).all(|(&i, &l)| text[i] == l)
            // Consecutive: only spaces or hyphens between the words.
            && w.windows(2).all(|p| {
                text[p[0]..p[1]]
                    .iter()
                    .skip_while(|c| is_letter(**c))
                    .all(|c| *c == ' ' || *c == '-')
            })
    })?;
    let (first, last) = (at[0], at[at.len() - 1]);
    let span: String = text[first..=last].iter().collect();
    let query: String = letters.iter().collect();
    let score = matcher.fuzzy_match(&span, &query)?;
    Some(Hit {
        score,
        run: false,
        first,
        end: last + 1,
        chars: at.to_vec(),
    })
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
