//! How alike two wordings of a paragraph are, as evidence that one is the other amended.
//! A paragraph is reduced to its terms: pairs of neighbouring characters for Chinese and
//! Japanese (words are not spaced there), stemmed words for Latin and Cyrillic scripts
//! (Snowball's English and Russian stemmers, so `заявил`/`заявила` and `reaffirm`/
//! `reaffirms` are one term), and numbers. Terms are weighted by how rare they are in the
//! document, so the words every paragraph has (`the`, `и`, `的`, `合作`) count for little.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::compare::wording::is_cjk;
use crate::index::pinyin_key::fold_char;

/// A paragraph's distinct terms, hashed and sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Terms(Vec<u64>);

impl Terms {
    /// The terms of a text.
    pub fn of(text: &str) -> Terms {
        let mut out = Vec::new();
        let mut word = String::new();
        // The last CJK character of the run being read, and how long the run is.
        let mut run: Option<(char, usize)> = None;
        for c in text.chars().map(fold) {
            if is_cjk(c) {
                flush_word(&mut word, &mut out);
                run = match run {
                    Some((p, n)) => {
                        out.push(hash(&(p, c)));
                        Some((c, n + 1))
                    }
                    None => Some((c, 1)),
                };
                continue;
            }
            end_run(run.take(), &mut out);
            if c.is_alphanumeric() {
                word.push(c);
            } else {
                flush_word(&mut word, &mut out);
            }
        }
        flush_word(&mut word, &mut out);
        end_run(run, &mut out);
        out.sort_unstable();
        out.dedup();
        Terms(out)
    }

    /// The terms, sorted.
    pub fn as_slice(&self) -> &[u64] {
        &self.0
    }

    /// The terms the two have in common.
    pub fn common<'a>(&'a self, other: &'a Terms) -> impl Iterator<Item = u64> + 'a {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j) = (0, 0);
        std::iter::from_fn(move || {
            while i < a.len() && j < b.len() {
                match a[i].cmp(&b[j]) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        i += 1;
                        j += 1;
                        return Some(a[i - 1]);
                    }
                }
            }
            None
        })
    }

    /// How many terms the two have in common.
    pub fn shared(&self, other: &Terms) -> usize {
        self.common(other).count()
    }
}

/// Ends a run of CJK characters: a character standing alone is a term by itself (a longer
/// run gave its pairs).
fn end_run(run: Option<(char, usize)>, out: &mut Vec<u64>) {
    if let Some((c, 1)) = run {
        out.push(hash(&(c, c)));
    }
}

/// A character as terms see it: lower case, full-width forms made ASCII.
fn fold(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        _ => c,
    };
    fold_char(c)
}

fn hash(value: &impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Ends a word: stemmed by its script, then hashed among the terms.
fn flush_word(word: &mut String, out: &mut Vec<u64>) {
    if word.is_empty() {
        return;
    }
    let stemmed = if word.chars().any(|c| matches!(c as u32, 0x0400..=0x04FF)) {
        stemmer(Algorithm::Russian).stem(word)
    } else if word.chars().any(|c| c.is_ascii_alphabetic()) {
        stemmer(Algorithm::English).stem(word)
    } else {
        std::borrow::Cow::Borrowed(word.as_str())
    };
    out.push(hash(&stemmed.as_ref()));
    word.clear();
}

fn stemmer(algorithm: Algorithm) -> &'static Stemmer {
    static ENGLISH: OnceLock<Stemmer> = OnceLock::new();
    static RUSSIAN: OnceLock<Stemmer> = OnceLock::new();
    match algorithm {
        Algorithm::Russian => RUSSIAN.get_or_init(|| Stemmer::create(Algorithm::Russian)),
        _ => ENGLISH.get_or_init(|| Stemmer::create(Algorithm::English)),
    }
}

/// How rare each term is among a document's paragraphs.
#[derive(Debug, Default)]
pub struct Rarity {
    paragraphs: usize,
    holding: HashMap<u64, u32>,
}

impl Rarity {
    /// Counts the paragraphs holding each term.
    pub fn of<'a>(paragraphs: impl Iterator<Item = &'a Terms>) -> Rarity {
        let mut rarity = Rarity::default();
        for terms in paragraphs {
            rarity.paragraphs += 1;
            for t in terms.as_slice() {
                *rarity.holding.entry(*t).or_default() += 1;
            }
        }
        rarity
    }

    /// A term's weight: high when few paragraphs hold it (a term of no paragraph, only of
    /// the old wording, weighs the most).
    pub fn weight(&self, term: u64) -> f64 {
        let n = self.paragraphs as f64 + 1.0;
        let held = f64::from(self.holding.get(&term).copied().unwrap_or(0)) + 1.0;
        (1.0 + n / held).ln()
    }

    /// The total weight of some terms.
    pub fn total(&self, terms: &Terms) -> f64 {
        terms.as_slice().iter().map(|&t| self.weight(t)).sum()
    }
}

/// How alike an old wording and a candidate are.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Likeness {
    /// Shared weight over the two wordings' mean weight (Dice): 1 for the same terms.
    pub both: f64,
    /// How much of the old wording's weight the candidate holds (1 when it absorbed it,
    /// as a merged paragraph does).
    pub of_old: f64,
    /// How much of the candidate's weight the old wording holds (1 when the candidate is a
    /// piece of it, as half of a split paragraph is).
    pub of_new: f64,
    /// The old wording's weight: little weight is little evidence.
    pub old_weight: f64,
}

impl Likeness {
    /// Compares two sets of terms, weighted by `rarity`.
    pub fn of(old: &Terms, new: &Terms, rarity: &Rarity) -> Likeness {
        let shared: f64 = old.common(new).map(|t| rarity.weight(t)).sum();
        let (wa, wb) = (rarity.total(old), rarity.total(new));
        let ratio = |x: f64, y: f64| if y > 0.0 { (x / y).min(1.0) } else { 0.0 };
        Likeness {
            both: ratio(2.0 * shared, wa + wb),
            of_old: ratio(shared, wa),
            of_new: ratio(shared, wb),
            old_weight: wa,
        }
    }

    /// One figure for ranking candidates: the Dice likeness, or most of the containment
    /// when one wording holds nearly all of the other (a merge, or half of a split).
    pub fn score(&self) -> f64 {
        let contained = self.of_old.max(self.of_new);
        let partial = if self.of_old.min(self.of_new) >= 0.2 {
            0.85 * contained
        } else {
            0.0
        };
        self.both.max(partial)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn likeness(old: &str, new: &str, others: &[&str]) -> Likeness {
        let (a, b) = (Terms::of(old), Terms::of(new));
        let rest: Vec<Terms> = others.iter().map(|t| Terms::of(t)).collect();
        let rarity = Rarity::of(std::iter::once(&b).chain(rest.iter()));
        Likeness::of(&a, &b, &rarity)
    }

    #[test]
    fn stems_make_inflected_words_one_term() {
        assert_eq!(Terms::of("reaffirms"), Terms::of("reaffirm"));
        assert_eq!(Terms::of("Россия заявила"), Terms::of("России заявил"));
        assert_ne!(Terms::of("Россия"), Terms::of("Китай"));
        assert_eq!(Terms::of("ＳＣＯ"), Terms::of("sco"));
    }

    #[test]
    fn chinese_is_held_in_character_pairs() {
        assert_eq!(Terms::of("中吉乌").as_slice().len(), 2);
        assert_eq!(Terms::of("乌").as_slice().len(), 1);
        assert!(Terms::of("  ").as_slice().is_empty());
    }

    #[test]
    fn a_reworded_paragraph_is_alike_and_an_unrelated_one_is_not() {
        let old = "We reiterate the importance of a free and open Indo-Pacific, which is inclusive and based on the rule of law.";
        let reworded = "We reaffirm the importance of a free and open Indo-Pacific that is inclusive, prosperous and grounded in the rule of law.";
        let unrelated = "We commit to accelerating the clean energy transition and the deployment of renewables by 2030.";
        let same = likeness(old, reworded, &[unrelated]);
        let other = likeness(old, unrelated, &[reworded]);
        assert!(same.both > 0.5, "{same:?}");
        assert!(other.both < 0.2, "{other:?}");
    }

    #[test]
    fn a_merged_paragraph_holds_all_of_the_old_one() {
        let old = "双方同意推进中吉乌铁路建设。";
        let merged =
            "双方同意推进中吉乌铁路建设。双方还同意扩大农产品贸易，加强人文交流，便利人员往来。";
        let l = likeness(old, merged, &["会议在友好气氛中举行。"]);
        assert!(l.of_old > 0.95, "{l:?}");
        assert!(l.score() > l.both);
    }
}
