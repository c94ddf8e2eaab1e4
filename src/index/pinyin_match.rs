//! Matching Latin letters against Chinese the way a pinyin input method reads them: the
//! letters spell a run of characters, each by a prefix of its syllable, so `jierjisi`,
//! `zjw` and `zhongjw` all find 中吉乌 / 吉尔吉斯 and the positions are the characters spelled.
//! Nothing is stored per text: syllables are looked up as the text is scanned.

use std::collections::HashSet;
use std::sync::OnceLock;

use pinyin::ToPinyin;

/// The syllable of a character, or `None` when it has no pinyin reading.
fn syllable(c: char) -> Option<&'static str> {
    c.to_pinyin().map(|p| p.plain())
}

/// One ASCII byte per character: the syllable's first letter, the character itself when it
/// folds to ASCII, a space otherwise. Character ranges of the text are byte ranges of this.
pub fn initials(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_pinyin() {
            Some(p) => p.first_letter().chars().next().unwrap_or(' '),
            None => Some(super::pinyin_key::fold_char(c))
                .filter(char::is_ascii)
                .unwrap_or(' '),
        })
        .collect()
}

/// A quick, allocation-free test: whether the query's letters appear in order in the text's
/// pinyin (syllables and other characters run together). Every initials match and every
/// spelling passes it, so a text that fails it need not be looked at further.
pub fn could_spell(text: &str, query: &str) -> bool {
    let q = query.as_bytes();
    let mut at = 0;
    for c in text.chars() {
        if at == q.len() {
            return true;
        }
        match c.to_pinyin() {
            Some(p) => {
                for &b in p.plain().as_bytes() {
                    if at < q.len() && b == q[at] {
                        at += 1;
                    }
                }
            }
            None => {
                let f = super::pinyin_key::fold_char(c);
                if f.is_ascii() && at < q.len() && f as u8 == q[at] {
                    at += 1;
                }
            }
        }
    }
    at == q.len()
}

/// Every syllable the pinyin crate knows (without tones), and every start of one.
struct Syllables {
    whole: HashSet<&'static str>,
    starts: HashSet<String>,
}

fn syllables() -> &'static Syllables {
    static SYLLABLES: OnceLock<Syllables> = OnceLock::new();
    SYLLABLES.get_or_init(|| {
        let whole: HashSet<&'static str> = ('\u{3400}'..='\u{9FFF}').filter_map(syllable).collect();
        let starts = whole
            .iter()
            .flat_map(|s| s.char_indices().skip(1).map(|(n, _)| s[..n].to_string()))
            .collect();
        Syllables { whole, starts }
    })
}

/// At most this many readings of one query are tried.
const MAX_READINGS: usize = 16;

/// One way to read a Latin query as a pinyin input method would: whole syllables, the last
/// perhaps cut short (`jierjisi` = ji er ji si, `shuangf` = shuang f…), or whole syllables
/// followed by initials (`zhongjw` = zhong j w). Each part spells one character.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The initial of each character spelled: where to look in a text's [`initials`].
    pub initials: String,
    /// What each character's syllable must be (`Whole`) or begin with.
    parts: Vec<Part>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Whole(&'static str),
    Start(String),
}

impl Reading {
    /// Whether the characters from the first of `chars` on spell this reading, and if so
    /// how many of their syllables are spelled in full.
    pub fn fits(&self, mut chars: impl Iterator<Item = char>) -> Option<usize> {
        let mut full = 0;
        for part in &self.parts {
            let s = chars.next().and_then(syllable)?;
            let fits = match part {
                Part::Whole(w) => s == *w,
                Part::Start(p) => s.starts_with(p.as_str()),
            };
            if !fits {
                return None;
            }
            full += usize::from(matches!(part, Part::Whole(_)) || s.len() == 1);
        }
        Some(full)
    }

    /// How many characters it spells.
    pub fn len(&self) -> usize {
        self.parts.len()
    }

    /// Whether it spells nothing (never, for a reading of a query).
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The score [`spell`] gives this reading spelled without gaps, so both rank alike.
    pub fn score(&self, query: &str, full: usize) -> i64 {
        20 * query.len() as i64 + 10 * full as i64 - self.parts.len() as i64
    }
}

/// The readings of a query of lowercase letters that use at least one syllable of two
/// letters or more (a query read letter by letter is its own initials), fewest parts first.
pub fn readings(query: &str) -> Vec<Reading> {
    if query.is_empty() || !query.bytes().all(|b| b.is_ascii_lowercase()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    read_from(query, 0, &mut Vec::new(), &mut out);
    out.retain(|r: &Reading| {
        r.parts.iter().any(|p| match p {
            Part::Whole(w) => w.len() > 1,
            Part::Start(s) => s.len() > 1,
        })
    });
    out.sort_by_key(|r| r.parts.len());
    out.dedup();
    out.truncate(MAX_READINGS);
    out
}

fn read_from(query: &str, at: usize, parts: &mut Vec<Part>, out: &mut Vec<Reading>) {
    if out.len() >= 4 * MAX_READINGS {
        return;
    }
    let rest = &query[at..];
    if rest.is_empty() {
        out.push(Reading {
            initials: parts
                .iter()
                .map(|p| match p {
                    Part::Whole(w) => &w[..1],
                    Part::Start(s) => &s[..1],
                })
                .collect(),
            parts: parts.clone(),
        });
        return;
    }
    let known = syllables();
    // The rest cut short: the start of one more syllable.
    if rest.len() > 1 && known.starts.contains(rest) {
        parts.push(Part::Start(rest.to_string()));
        read_from(query, query.len(), parts, out);
        parts.pop();
    }
    // Whole syllables typed so far, then the rest as initials.
    if !parts.is_empty() {
        let before = parts.len();
        parts.extend(rest.chars().map(|c| Part::Start(c.to_string())));
        read_from(query, query.len(), parts, out);
        parts.truncate(before);
    }
    for len in (1..=rest.len().min(6)).rev() {
        if let Some(&whole) = known.whole.get(&rest[..len]) {
            parts.push(Part::Whole(whole));
            read_from(query, at + len, parts, out);
            parts.pop();
        }
    }
}

/// Characters that may be skipped after a syllable spelled in full (`shanghe` spells 上…合 in
/// 上海合作组织), each costing some score.
const MAX_GAP: usize = 2;
/// Score lost per skipped character.
const GAP_COST: i64 = 15;

/// The best spelling of `query` (lowercase ASCII) in `text`: its score, whether the spelled
/// characters are one unbroken run, and their positions; or `None`. Full syllables score
/// above initials, skipped characters cost, and an earlier spelling wins a tie.
pub fn spell(text: &str, query: &str) -> Option<(i64, bool, Vec<usize>)> {
    if query.is_empty() || !query.is_ascii() {
        return None;
    }
    let mut speller = Speller {
        syllables: text.chars().map(syllable).collect(),
        query: query.as_bytes(),
        memo: Vec::new(),
    };
    speller.memo = vec![Step::Unknown; speller.syllables.len() * (query.len() + 1)];
    let mut best: Option<(i64, bool, Vec<usize>)> = None;
    for start in 0..speller.syllables.len() {
        let Some(first) = speller.syllables[start] else {
            continue;
        };
        if first.as_bytes().first() != speller.query.first() {
            continue;
        }
        if let Some((full, positions)) = speller.spell_from(start, 0) {
            let span = positions.last().map_or(0, |l| l + 1 - start);
            let gaps = span - positions.len();
            let score = 20 * query.len() as i64 + 10 * full as i64
                - positions.len() as i64
                - GAP_COST * gaps as i64;
            if best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, gaps == 0, positions));
            }
        }
    }
    best
}

/// Spells a query over a text's syllables, remembering the best spelling from each
/// (character, query position) pair so no pair is worked out twice.
struct Speller<'a> {
    syllables: Vec<Option<&'static str>>,
    query: &'a [u8],
    /// Per (character, query position): not worked out yet, no spelling, or the best one.
    memo: Vec<Step>,
}

/// The best way to spell the rest of the query from one (character, query position).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Unknown,
    Impossible,
    /// Skipped characters and full syllables from here on; how many letters this character
    /// takes and how many characters are skipped before the next (none when it is the last).
    Spelled {
        gaps: u32,
        full: u32,
        take: u32,
        skip: Option<u32>,
    },
}

impl Speller<'_> {
    fn slot(&self, at: usize, at_query: usize) -> usize {
        at * (self.query.len() + 1) + at_query
    }

    /// Spells the query from `at_query` on, starting with the character at `at`: how many
    /// syllables were spelled in full, and the positions of the characters spelled.
    fn spell_from(&mut self, at: usize, at_query: usize) -> Option<(usize, Vec<usize>)> {
        let Step::Spelled { full, .. } = self.best_from(at, at_query) else {
            return None;
        };
        let mut positions = Vec::new();
        let (mut at, mut q) = (at, at_query);
        while let Step::Spelled { take, skip, .. } = self.best_from(at, q) {
            positions.push(at);
            match skip {
                Some(gap) => {
                    q += take as usize;
                    at += 1 + gap as usize;
                }
                None => break,
            }
        }
        Some((full as usize, positions))
    }

    fn best_from(&mut self, at: usize, at_query: usize) -> Step {
        if at >= self.syllables.len() {
            return Step::Impossible;
        }
        let slot = self.slot(at, at_query);
        if self.memo[slot] != Step::Unknown {
            return self.memo[slot];
        }
        let mut best = Step::Impossible;
        if let Some(s) = self.syllables[at] {
            let s = s.as_bytes();
            let rest = &self.query[at_query..];
            let longest = s.iter().zip(rest).take_while(|(a, b)| a == b).count();
            for take in (1..=longest).rev() {
                let this_full = u32::from(take == s.len());
                let take32 = take as u32;
                if at_query + take == self.query.len() {
                    best = better(
                        best,
                        Step::Spelled {
                            gaps: 0,
                            full: this_full,
                            take: take32,
                            skip: None,
                        },
                    );
                    continue;
                }
                // Characters are skipped only after a syllable typed in full: initials
                // picked out here and there are not how anyone types.
                let widest_gap = if take == s.len() && take > 1 {
                    MAX_GAP
                } else {
                    0
                };
                for gap in 0..=widest_gap {
                    if let Step::Spelled { gaps, full, .. } =
                        self.best_from(at + 1 + gap, at_query + take)
                    {
                        let step = Step::Spelled {
                            gaps: gaps + gap as u32,
                            full: full + this_full,
                            take: take32,
                            skip: Some(gap as u32),
                        };
                        best = better(best, step);
                    }
                }
            }
        }
        self.memo[slot] = best;
        best
    }
}

/// Fewer skipped characters first, then more syllables spelled in full.
fn better(a: Step, b: Step) -> Step {
    match (a, b) {
        (
            Step::Spelled {
                gaps: ga, full: fa, ..
            },
            Step::Spelled {
                gaps: gb, full: fb, ..
            },
        ) => {
            if (gb, std::cmp::Reverse(fb)) < (ga, std::cmp::Reverse(fa)) {
                b
            } else {
                a
            }
        }
        (Step::Spelled { .. }, _) => a,
        _ => b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelled(text: &str, query: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        spell(text, query).map(|(_, _, p)| p.iter().map(|&i| chars[i]).collect())
    }

    #[test]
    fn full_syllables_initials_and_mixtures() {
        assert_eq!(
            spelled("推进中吉乌铁路建设", "zjwtl").as_deref(),
            Some("中吉乌铁路")
        );
        assert_eq!(
            spelled("推进中吉乌铁路建设", "zhongjw").as_deref(),
            Some("中吉乌")
        );
        assert_eq!(
            spelled("吉尔吉斯斯坦总统", "jierjisi").as_deref(),
            Some("吉尔吉斯")
        );
        assert_eq!(spelled("上海合作组织", "shhz").as_deref(), Some("上海合作"));
        assert_eq!(
            spelled("上海合作组织", "shanghaihe").as_deref(),
            Some("上海合")
        );
        assert_eq!(spelled("双方同意", "shuangfang").as_deref(), Some("双方"));
    }

    #[test]
    fn short_gaps_cost_but_match() {
        let (gapped, run, _) = spell("上海合作组织", "shanghe").unwrap();
        assert!(!run);
        assert_eq!(spelled("上海合作组织", "shanghe").as_deref(), Some("上合"));
        let (whole, run, _) = spell("上合组织", "shanghe").unwrap();
        assert!(run && whole > gapped);
        assert_eq!(spelled("双方同意", "uangfang"), None);
        assert_eq!(
            spelled("SCO 2025", "sco"),
            None,
            "Latin text is matched as text, not spelled"
        );
        assert_eq!(spelled("上一二三四合", "shanghe"), None, "too far apart");
        assert_eq!(
            spelled("中国和吉尔吉斯斯坦", "zj"),
            None,
            "initials are not picked out across characters"
        );
    }

    #[test]
    fn full_spelling_outscores_initials() {
        let (full, _, _) = spell("双方", "shuangfang").unwrap();
        let (initials, _, _) = spell("双方", "sf").unwrap();
        assert!(full > initials);
    }

    #[test]
    fn quick_test_passes_whatever_could_match() {
        assert!(could_spell("推进中吉乌铁路建设", "zjwtl"));
        assert!(could_spell("上海合作组织", "shanghe"));
        assert!(could_spell("SCO 峰会", "scofh"));
        assert!(!could_spell("双方同意", "zjw"));
    }

    #[test]
    fn readings_are_whole_syllables_then_initials() {
        let of = |q: &str| -> Vec<String> { readings(q).into_iter().map(|r| r.initials).collect() };
        assert!(of("jierjisi").contains(&"jejs".to_string()));
        assert!(of("zhongjw").contains(&"zjw".to_string()));
        assert!(of("shuangf").contains(&"sf".to_string()));
        assert!(of("shanghe").contains(&"sh".to_string()));
        assert!(of("zjw").is_empty(), "initials alone are read as initials");
        assert!(of("2025").is_empty());
        let jierjisi = readings("jierjisi");
        let reading = jierjisi.iter().find(|r| r.initials == "jejs").unwrap();
        assert_eq!(reading.fits("吉尔吉斯斯坦".chars()), Some(4));
        assert_eq!(reading.fits("吉尔吉斯斯坦".chars().skip(1)), None);
        assert_eq!(
            reading.fits("军二级士".chars()),
            None,
            "same initials, other syllables"
        );
        let (spelled, _, _) = spell("吉尔吉斯斯坦", "jierjisi").unwrap();
        assert_eq!(
            reading.score("jierjisi", 4),
            spelled,
            "ranked as spell ranks it"
        );
    }

    #[test]
    fn initials_are_one_letter_per_character() {
        assert_eq!(initials("中吉乌SCO"), "zjwsco");
        assert_eq!(initials("“中吉”"), " zj ", "one byte per character");
    }
}
