//! Rewording as drafters do it, in English, Russian and Chinese: synonyms for the words
//! communiqués use, words added and dropped, clauses cut, figures changed; and new
//! paragraphs to insert.

use brief::doc::Document;

/// The language a document is mostly written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Ru,
    Zh,
}

impl Lang {
    /// The language most of a document's letters are in.
    pub fn of(doc: &Document) -> Lang {
        let (mut han, mut cyrillic, mut latin) = (0, 0, 0);
        for b in doc.blocks.iter() {
            for c in b.text().chars() {
                match c as u32 {
                    0x4E00..=0x9FFF => han += 1,
                    0x0400..=0x04FF => cyrillic += 1,
                    _ if c.is_ascii_alphabetic() => latin += 1,
                    _ => {}
                }
            }
        }
        if han * 3 >= latin.max(cyrillic) {
            Lang::Zh
        } else if cyrillic > latin {
            Lang::Ru
        } else {
            Lang::En
        }
    }

    /// The fewest letters a paragraph needs to be reworded, split or deleted as a passage.
    pub fn min_letters(self) -> usize {
        match self {
            Lang::Zh => 15,
            _ => 40,
        }
    }
}

/// A small deterministic random source (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn choose<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const EN_SYNONYMS: &[(&str, &str)] = &[
    ("reaffirm", "reiterate"),
    ("reiterate", "restate"),
    ("support", "back"),
    ("important", "vital"),
    ("importance", "significance"),
    ("countries", "nations"),
    ("cooperation", "collaboration"),
    ("strengthen", "reinforce"),
    ("commit", "pledge"),
    ("welcome", "applaud"),
    ("concern", "worry"),
    ("promote", "advance"),
    ("ensure", "guarantee"),
    ("continue", "keep"),
    ("work", "act"),
    ("global", "worldwide"),
    ("also", "further"),
    ("including", "among them"),
    ("region", "area"),
    ("efforts", "endeavours"),
    ("the", "this"),
    ("and", "as well as"),
];

const RU_SYNONYMS: &[(&str, &str)] = &[
    ("стороны", "участники"),
    ("отметили", "подчеркнули"),
    ("заявил", "отметил"),
    ("сотрудничество", "взаимодействие"),
    ("сотрудничества", "взаимодействия"),
    ("важно", "необходимо"),
    ("страны", "государства"),
    ("договорились", "условились"),
    ("развитие", "укрепление"),
    ("также", "кроме того"),
    ("россии", "российской федерации"),
    ("президент", "глава государства"),
    ("и", "а также"),
];

const ZH_SYNONYMS: &[(&str, &str)] = &[
    ("推进", "加快推进"),
    ("加强", "进一步加强"),
    ("合作", "协作"),
    ("支持", "坚定支持"),
    ("重要", "关键"),
    ("同意", "一致同意"),
    ("发展", "发展壮大"),
    ("双方", "两国"),
    ("国家", "国"),
    ("表示", "指出"),
    ("认为", "强调"),
    ("积极", "主动"),
    ("会议", "会晤"),
    ("继续", "持续"),
];

const EN_WORDS: &[&str] = &["further", "fully", "jointly", "strongly", "also", "now"];
const RU_WORDS: &[&str] = &["также", "полностью", "совместно", "впредь", "вновь"];
const ZH_WORDS: &[&str] = &["进一步", "积极", "全面", "切实", "共同", "持续"];

/// The text reworded: about `share` of its words (characters, for Chinese) changed by
/// synonyms, insertions, deletions and a clause cut.
pub fn reword(text: &str, share: f64, lang: Lang, rng: &mut Rng) -> String {
    let out = match lang {
        Lang::Zh => reword_chinese(text, share, rng),
        Lang::En => reword_words(text, share, EN_SYNONYMS, EN_WORDS, rng),
        Lang::Ru => reword_words(text, share, RU_SYNONYMS, RU_WORDS, rng),
    };
    if out.split_whitespace().eq(text.split_whitespace()) {
        let words = match lang {
            Lang::Zh => ZH_WORDS,
            Lang::En => EN_WORDS,
            Lang::Ru => RU_WORDS,
        };
        return format!("{} {}", rng.choose(words), text);
    }
    out
}

fn reword_words(
    text: &str,
    share: f64,
    synonyms: &[(&str, &str)],
    fillers: &[&str],
    rng: &mut Rng,
) -> String {
    let mut words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
    let edits = ((words.len() as f64 * share).round() as usize).max(1);
    for _ in 0..edits {
        if words.len() < 3 {
            break;
        }
        let at = 1 + rng.below(words.len() - 1);
        match rng.below(5) {
            0 | 1 => {
                let bare = words[at]
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                let swap = synonyms.iter().find(|(a, _)| *a == bare).map(|(_, b)| *b);
                match swap {
                    Some(s) => words[at] = words[at].to_lowercase().replacen(&bare, s, 1),
                    None => words.insert(at, rng.choose(fillers).to_string()),
                }
            }
            2 => {
                words.remove(at);
            }
            3 => words.insert(at, rng.choose(fillers).to_string()),
            _ => {
                // A figure or a word changed for another of the text.
                let other = words[rng.below(words.len())].clone();
                words[at] = if words[at].chars().any(|c| c.is_ascii_digit()) {
                    format!("{}", 2 + rng.below(98))
                } else {
                    other
                };
            }
        }
    }
    // Heavier rewording also cuts a clause.
    if share >= 0.3
        && let Some(cut) = words.iter().position(|w| w.ends_with(','))
        && let Some(end) = words[cut + 1..].iter().position(|w| w.ends_with(','))
    {
        words.drain(cut + 1..=cut + 1 + end);
    }
    words.join(" ")
}

fn reword_chinese(text: &str, share: f64, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let edits = ((chars.len() as f64 * share / 2.0).round() as usize).max(1);
    for _ in 0..edits {
        if chars.len() < 4 {
            break;
        }
        let at = 1 + rng.below(chars.len() - 1);
        let here: String = chars[at..].iter().collect();
        match rng.below(4) {
            0 => {
                let swap = ZH_SYNONYMS.iter().find(|(a, _)| here.contains(a));
                match swap {
                    Some((a, b)) => {
                        let s: String = chars.iter().collect();
                        chars = s.replacen(a, b, 1).chars().collect();
                    }
                    None => chars
                        .splice(at..at, rng.choose(ZH_WORDS).chars())
                        .for_each(drop),
                }
            }
            1 => chars
                .splice(at..at, rng.choose(ZH_WORDS).chars())
                .for_each(drop),
            2 => {
                let end = (at + 1 + rng.below(3)).min(chars.len());
                if chars[at..end].iter().all(|c| c.is_alphanumeric()) {
                    chars.drain(at..end);
                }
            }
            _ => {
                let from = rng.below(chars.len());
                if chars[at].is_alphanumeric() && chars[from].is_alphanumeric() {
                    chars[at] = chars[from];
                }
            }
        }
    }
    let mut out: String = chars.into_iter().collect();
    // Heavier rewording also cuts a clause between commas.
    if share >= 0.3 {
        let parts: Vec<&str> = out.split('，').collect();
        if parts.len() >= 3 {
            let drop = 1 + rng.below(parts.len() - 2);
            out = parts
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != drop)
                .map(|(_, p)| *p)
                .collect::<Vec<_>>()
                .join("，");
        }
    }
    out
}

/// A new paragraph, as an edition adds them: on a subject of its own.
pub fn filler(lang: Lang, rng: &mut Rng) -> String {
    let n = 1 + rng.below(900);
    match lang {
        Lang::En => format!(
            "The parties took note of report number {n} on the {} and agreed to return to it at a later session of the working group.",
            rng.choose(&["budget", "fisheries", "customs", "archives", "visas"])
        ),
        Lang::Ru => format!(
            "Стороны приняли к сведению доклад номер {n} о {} и договорились вернуться к нему на одном из следующих заседаний рабочей группы.",
            rng.choose(&["бюджете", "рыболовстве", "таможне", "архивах", "визах"])
        ),
        Lang::Zh => format!(
            "与会各方听取了第{n}号关于{}的报告，同意在工作组今后的会议上继续讨论。",
            rng.choose(&["预算", "渔业", "海关", "档案", "签证"])
        ),
    }
}
