//! The forms a person's name takes after the office introduced it: the full name again
//! (李强, Xi Jinping, Михаил Мишустин), or the surname alone (Mishustin, Xi, Мишустина in any
//! case, as `declension` reads them). A surname alone is found as a whole word that does not
//! run on into a longer name (Li in Li Keqiang is not Li Peng); a Chinese name as a whole word
//! of the dictionary's cut (李强 in 李强出席, not in 李强调). A form two people bear is counted
//! for neither.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::AhoCorasick;

use super::chinese::is_middle_dot;
use super::declension::{is_form_of, is_other_word, stem};
use super::{Gathered, Naming, Script, Shared};
use crate::doc::on_every_core::in_parts;
use crate::doc::{BlockId, Document};
use crate::index::gazetteer::is_whole;

/// Surnames written first in a Chinese name transcribed into Latin or Cyrillic letters:
/// `Xi` in Xi Jinping is the surname, `Jinping` is not.
const PINYIN_SURNAMES: &[&str] = &[
    "Xi", "Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
    "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang",
    "Han", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai",
    "Jiang", "Yu", "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Jin",
    "Wen", "Mao", "Qin", "Bo", "Zhan", "Kong", "Qian", "Yin", "Си", "Ли", "Ван", "Ху", "Вэнь",
    "Цзян",
];

/// The words of a Latin or Cyrillic name, initials and a generation left out (S. Jaishankar
/// is Jaishankar, Joseph R. Biden Jr. is Joseph Biden).
fn name_words(name: &str) -> Vec<&str> {
    name.split_whitespace()
        .filter(|w| !(w.ends_with('.') && w.chars().count() == 2))
        .filter(|w| !matches!(w.trim_start_matches(','), "Jr" | "Jr." | "Sr" | "Sr."))
        .collect()
}

/// The key two writings of one name share: the name itself in Chinese, its words without
/// initials in Latin letters, their stems in Cyrillic.
pub(super) fn key(script: Script, name: &str) -> String {
    match script {
        Script::Chinese => name.to_string(),
        Script::Latin => name_words(name).join(" "),
        Script::Cyrillic => name_words(name)
            .iter()
            .map(|w| stem(w))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// The word of a name that stands for it alone: the surname, last unless the name is
/// Chinese (Xi Jinping); in Chinese characters, the part after a transcribed name's dot
/// (卡斯特罗 of 菲德尔·卡斯特罗), `None` for a name without one.
fn surname(script: Script, name: &str) -> Option<String> {
    let words = name_words(name);
    let word = match script {
        Script::Chinese => {
            let (_, last) = name.rsplit_once(is_middle_dot)?;
            return (last.chars().count() >= 2).then(|| last.to_string());
        }
        _ if words.len() >= 2 && PINYIN_SURNAMES.contains(&words[0]) && words.len() <= 3 => {
            words[0]
        }
        _ => *words.last()?,
    };
    Some(match script {
        Script::Cyrillic => stem(word),
        _ => word.to_string(),
    })
}

/// Whether a name is a Chinese surname alone, transcribed (Li, Wang, Си): the text names
/// someone by it, but not everyone it names later is that person.
fn is_a_common_surname_alone(script: Script, name: &str) -> bool {
    let words = name_words(name);
    script != Script::Chinese && words.len() == 1 && PINYIN_SURNAMES.contains(&words[0])
}

/// Joins a person introduced by the surname alone (President Biden, Premier Wen) to the one
/// person introduced by a full name with that surname (Wen Jiabao), when there is exactly
/// one; for a Chinese surname, which many bear, only when the two are introduced in one
/// section or the documents write no other name with that surname (President Li after
/// Foreign Minister Li Zhaoxing is Li Xiannian when the text names Li Xiannian).
pub(super) fn join_short_names(docs: &[Document], gathered: &mut Vec<Gathered>) {
    // The section each introduction stands in: the heading before it.
    let section = |n: &Naming| (n.doc, docs.get(n.doc).and_then(|d| d.section_of(n.block)));
    let mut i = 0;
    while i < gathered.len() {
        let g = &gathered[i];
        let short = surname(g.script, &g.name).is_none() || !g.key.0.contains(' ');
        let common = is_a_common_surname_alone(g.script, &g.name);
        let written = match common && g.script == Script::Latin {
            true => full_names_written(docs, g),
            false => Default::default(),
        };
        let fuller: Vec<usize> = if short {
            (0..gathered.len())
                .filter(|&j| {
                    j != i
                        && gathered[j].script == g.script
                        && gathered[j].name != g.name
                        && gathered[j].key.1 == g.key.1
                        && surname(g.script, &gathered[j].name).as_deref() == Some(g.key.0.as_str())
                        && (!common
                            || gathered[j]
                                .mentions
                                .iter()
                                .any(|m| g.mentions.iter().any(|n| section(m) == section(n)))
                            || (g.script == Script::Latin
                                && written.iter().all(|w| {
                                    name_words(&gathered[j].name).get(1) == Some(&w.as_str())
                                })))
                })
                .collect()
        } else if g.script == Script::Latin {
            // A name the last words of one fuller name (Tupou V of George Tupou V).
            let words = name_words(&g.name);
            (0..gathered.len())
                .filter(|&j| {
                    let longer = name_words(&gathered[j].name);
                    j != i
                        && gathered[j].script == g.script
                        && gathered[j].key.1 == g.key.1
                        && longer.len() > words.len()
                        && longer.ends_with(&words)
                })
                .collect()
        } else {
            Vec::new()
        };
        if let [j] = fuller[..] {
            let g = gathered.remove(i);
            let j = if j > i { j - 1 } else { j };
            gathered[j].mentions.extend(g.mentions);
            gathered[j].names.extend(g.names);
            gathered[j].offices.extend(g.offices);
        } else {
            i += 1;
        }
    }
}

/// The given names the documents that introduce `g`, a surname alone, write after that
/// surname (Xiannian and Zhaoxing after Li).
fn full_names_written(docs: &[Document], g: &Gathered) -> std::collections::BTreeSet<String> {
    let surname = g.key.0.as_str();
    let in_docs: std::collections::BTreeSet<usize> = g.mentions.iter().map(|m| m.doc).collect();
    let mut given = std::collections::BTreeSet::new();
    for doc in in_docs.into_iter().filter_map(|d| docs.get(d)) {
        for block in doc.blocks.iter() {
            let text = block.text();
            for (at, _) in text.match_indices(surname) {
                let starts = text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                let Some(rest) = text[at + surname.len()..].strip_prefix(' ') else {
                    continue;
                };
                let word: String = rest
                    .chars()
                    .take_while(|c| c.is_alphabetic() || *c == '-')
                    .collect();
                if starts && word.starts_with(char::is_uppercase) {
                    given.insert(word);
                }
            }
        }
    }
    given
}

/// A form found in a block: where, and which form.
type Found = (Range<usize>, usize);

/// One form to look for and the people who bear it.
struct Form {
    script: Script,
    /// The text to look for: the name, or a Cyrillic stem capitalised.
    pattern: String,
    /// The key of the name or surname it stands for.
    key: String,
    /// A Cyrillic surname as the offices introduced it, in lower case (мишустин,
    /// мишустина): a word declined from one of them is the surname.
    written: Vec<String>,
    /// A Cyrillic name's other words as written, in lower case, which a mention may hold
    /// beside the surname (Михаил Мишустин, Си Цзиньпин).
    others: Vec<String>,
    /// A Japanese surname in Chinese text, a mention only before a title (高市首相).
    titled: bool,
    persons: Vec<usize>,
}

/// Titles a Japanese surname stands before in Chinese text (高市首相, 茂木外相).
const JAPANESE_TITLES: [&str; 10] = [
    "首相",
    "外相",
    "防卫相",
    "大臣",
    "官房长官",
    "议员",
    "知事",
    "先生",
    "女士",
    "总裁",
];

/// The surname of a Japanese name written in Chinese characters by an office that names
/// Japan (高市早苗 — 日本首相): its first two characters, the length nearly every Japanese
/// surname has.
fn japanese_surname(g: &Gathered) -> Option<String> {
    let chars: Vec<char> = g.name.chars().collect();
    (chars.len() == 4 && chars.iter().all(|&c| crate::doc::markdown::is_han(c)))
        .then_some(())
        .filter(|()| g.offices.iter().any(|o| o.contains("日本")))
        .map(|()| chars[..2].iter().collect())
}

/// Finds every later mention of the people's names in `docs`, adds them to the people, and
/// returns the mentions of names more than one person bears.
pub(super) fn find_later_mentions(docs: &[Document], gathered: &mut [Gathered]) -> Vec<Shared> {
    let mut forms: Vec<Form> = Vec::new();
    let mut titled: Vec<String> = Vec::new();
    let mut by_pattern: HashMap<(String, String), usize> = HashMap::new();
    let mut add = |script: Script,
                   pattern: String,
                   key: String,
                   (written, others): (Vec<String>, Vec<String>),
                   person: usize| {
        let i = *by_pattern
            .entry((pattern.clone(), key.clone()))
            .or_insert_with(|| {
                forms.push(Form {
                    script,
                    pattern,
                    key,
                    written,
                    others,
                    titled: false,
                    persons: Vec::new(),
                });
                forms.len() - 1
            });
        if !forms[i].persons.contains(&person) {
            forms[i].persons.push(person);
        }
    };
    for (p, g) in gathered.iter().enumerate() {
        // A reporter's name in a byline does not make later mentions theirs; nor does a
        // Chinese surname alone (President Li), which many others bear.
        if g.key.1 || is_a_common_surname_alone(g.script, &g.name) {
            continue;
        }
        match g.script {
            Script::Chinese => {
                add(
                    g.script,
                    g.name.clone(),
                    g.key.0.clone(),
                    Default::default(),
                    p,
                );
                // 卡斯特罗 alone, after 菲德尔·卡斯特罗.
                if let Some(s) = surname(g.script, &g.name) {
                    add(g.script, s.clone(), s, Default::default(), p);
                }
                // 高市 before 首相, after 高市早苗.
                if let Some(s) = japanese_surname(g) {
                    titled.push(s.clone());
                    add(g.script, s.clone(), s, Default::default(), p);
                }
            }
            Script::Latin => {
                add(
                    g.script,
                    g.key.0.clone(),
                    g.key.0.clone(),
                    Default::default(),
                    p,
                );
                if let Some(s) = surname(g.script, &g.name)
                    && s.chars().count() >= 2
                {
                    add(g.script, s.clone(), s, Default::default(), p);
                }
            }
            Script::Cyrillic => {
                let Some(key) = surname(g.script, &g.name) else {
                    continue;
                };
                let (mut written, mut others) = (Vec::new(), Vec::new());
                for name in &g.names {
                    for word in name_words(name) {
                        let lower = word.to_lowercase();
                        let list = if stem(word) == key {
                            &mut written
                        } else {
                            &mut others
                        };
                        if !list.contains(&lower) {
                            list.push(lower);
                        }
                    }
                }
                // The letters every case of the surname begins with: what its stem and every
                // writing share (Мишустин of Мишустиным, Захаров of Захаровой).
                let shared = written.iter().fold(key.chars().count(), |n, w| {
                    n.min(
                        key.chars()
                            .zip(w.chars())
                            .take_while(|(a, b)| a == b)
                            .count(),
                    )
                });
                let prefix: String = if shared >= 2 {
                    key.chars().take(shared).collect()
                } else {
                    written
                        .iter()
                        .min_by_key(|w| w.len())
                        .cloned()
                        .unwrap_or_default()
                };
                add(g.script, capitalise(&prefix), key, (written, others), p);
            }
        }
    }
    for form in &mut forms {
        form.titled = form.script == Script::Chinese && titled.contains(&form.pattern);
    }
    if forms.is_empty() {
        return Vec::new();
    }
    let automaton =
        AhoCorasick::new(forms.iter().map(|f| f.pattern.as_str())).expect("names compile");
    let mut introduced: HashMap<(usize, BlockId), Vec<Range<usize>>> = HashMap::new();
    for g in gathered.iter() {
        for n in &g.mentions {
            introduced
                .entry((n.doc, n.block))
                .or_default()
                .push(n.range.clone());
        }
    }
    // A Chinese surname alone (Chen, Li) counts for a person only in a section where the
    // person is introduced or named in full: many people bear it.
    let common: Vec<bool> = forms
        .iter()
        .map(|f| {
            f.script != Script::Chinese && PINYIN_SURNAMES.contains(&capitalise(&f.key).as_str())
        })
        .collect();
    let mut named_in: Vec<std::collections::HashSet<(usize, Option<BlockId>)>> =
        vec![Default::default(); gathered.len()];
    let mut shared = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let section = doc.sections();
        for (p, g) in gathered.iter().enumerate() {
            for n in g.mentions.iter().filter(|n| n.doc == d) {
                named_in[p].insert((d, section[n.block.0]));
            }
        }
        // Found on every core (each match is checked against the dictionary), then given
        // to their persons in the documents' order.
        let parts = in_parts(&doc.blocks, super::BLOCKS_PER_THREAD, |first, part| {
            let mut out = Vec::new();
            for (n, block) in part.iter().enumerate() {
                let b = first + n;
                let text = block.text();
                let taken = introduced.get(&(d, BlockId(b)));
                let found: Vec<(Range<usize>, usize)> = automaton
                    .find_overlapping_iter(text)
                    .filter_map(|m| {
                        let form = m.pattern().as_usize();
                        mention(text, m.range(), &forms[form]).map(|r| (r, form))
                    })
                    .filter(|(r, _)| {
                        !taken.is_some_and(|t| t.iter().any(|n| n.start < r.end && r.start < n.end))
                    })
                    .collect();
                if !found.is_empty() {
                    out.push((b, found));
                }
            }
            out
        });
        let parts: Vec<(usize, Vec<Found>)> = parts.into_iter().flatten().collect();
        for (b, found) in &parts {
            for (_, form) in found.iter().filter(|(_, form)| !common[*form]) {
                for &p in &forms[*form].persons {
                    named_in[p].insert((d, section[*b]));
                }
            }
        }
        for (b, mut found) in parts {
            // The longest of overlapping mentions (Xi Jinping, not Xi).
            found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
            let mut end = 0;
            for (range, form) in found {
                if range.start < end {
                    continue;
                }
                end = range.end;
                let at = Naming {
                    doc: d,
                    block: BlockId(b),
                    range,
                    with_office: false,
                };
                let persons: Vec<usize> = match common[form] {
                    true => forms[form]
                        .persons
                        .iter()
                        .copied()
                        .filter(|&p| named_in[p].contains(&(d, section[b])))
                        .collect(),
                    false => forms[form].persons.clone(),
                };
                match persons[..] {
                    [] => {}
                    [p] => gathered[p].mentions.push(at),
                    _ => shared.push(Shared { at, persons }),
                }
            }
        }
    }
    shared
}

/// A word with its first letter in capitals.
pub(super) fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Words after a person's name that make it the name of a place, a body or a prize named
/// after them.
const NAMED_AFTER: [&str; 24] = [
    "Centre",
    "Center",
    "Gymnasium",
    "Stadium",
    "Hall",
    "Airport",
    "University",
    "College",
    "Institute",
    "Foundation",
    "Prize",
    "Award",
    "Library",
    "School",
    "Hospital",
    "Bridge",
    "Street",
    "Avenue",
    "Road",
    "Square",
    "Park",
    "Memorial",
    "Museum",
    "Highway",
];

/// The mention a match of `form` at `found` makes, if it is one: a Chinese name as a whole
/// word; a Latin name as whole words not running on into a longer name; a Cyrillic stem as
/// the start of a capitalised word whose stem it is.
fn mention(text: &str, found: Range<usize>, form: &Form) -> Option<Range<usize>> {
    let before = text[..found.start].chars().next_back();
    match form.script {
        // Not the end of another dotted name (劳尔·卡斯特罗 is not 菲德尔·卡斯特罗).
        Script::Chinese => {
            let titled = !form.titled
                || JAPANESE_TITLES
                    .iter()
                    .any(|t| text[found.end..].starts_with(t));
            (titled && is_whole(text, found.clone()) && !before.is_some_and(is_middle_dot))
                .then_some(found)
        }
        Script::Latin => {
            let after = text[found.end..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                return None;
            }
            // "Li" followed or preceded by another capitalised word is part of another name.
            let next_word = text[found.end..]
                .strip_prefix(' ')
                .and_then(|r| r.chars().next());
            let prev_word = text[..found.start]
                .strip_suffix(' ')
                .and_then(|r| r.split(' ').next_back());
            let joins_next = next_word.is_some_and(char::is_uppercase)
                && !form.key.contains(' ')
                && !text[found.end..].starts_with(". ");
            let joins_prev = prev_word.is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !w.ends_with(['.', ',', ';', ':'])
                    && !matches!(
                        w,
                        "The"
                            | "A"
                            | "An"
                            | "And"
                            | "But"
                            | "President"
                            | "Premier"
                            | "Mr"
                            | "Mr."
                            | "Mrs"
                            | "Ms"
                            | "Dr"
                    )
            });
            // "the Sir Lloyd Erskine Sandiford Centre" is a building named after him.
            let names_a_place = text[found.end..]
                .strip_prefix(' ')
                .and_then(|r| r.split([' ', ',', '.', ';', ')']).next())
                .is_some_and(|w| NAMED_AFTER.contains(&w));
            (!joins_next && !joins_prev && !names_a_place).then_some(found)
        }
        Script::Cyrillic => {
            if before.is_some_and(char::is_alphanumeric) {
                return None;
            }
            let word_at = |at: usize| -> Range<usize> {
                let len: usize = text[at..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-')
                    .map(char::len_utf8)
                    .sum();
                at..at + len
            };
            let word = word_at(found.start);
            if !is_form_of(&text[word.clone()], &form.written, &form.key) {
                return None;
            }
            // The name's other words beside the surname belong to the mention: Михаил before
            // Мишустин, Цзиньпин after Си.
            let mut range = word;
            while let Some(before) = text[..range.start].strip_suffix(' ') {
                let len: usize = before
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphanumeric() || *c == '-')
                    .map(char::len_utf8)
                    .sum();
                let start = before.len() - len;
                if len == 0 || !is_other_word(&text[start..before.len()], &form.others) {
                    break;
                }
                range.start = start;
            }
            while text[range.end..].starts_with(' ') {
                let next = word_at(range.end + 1);
                if next.is_empty() || !is_other_word(&text[next.clone()], &form.others) {
                    break;
                }
                range.end = next.end;
            }
            Some(range)
        }
    }
}
