//! The titles of documents in a text: between 《》 in Chinese; between «» after a document
//! word in Russian (Договор «...», Концепции «...»); in English, a capitalised title after
//! "the" that holds a document word (the Charter of the United Nations, the Paris Agreement,
//! the Hiroshima Action Statement).

use std::ops::Range;

use super::Kind;
use super::works::is_a_work;

/// The longest title kept, in characters: past it a 《 or « was not a title's.
const LONGEST: usize = 120;

/// A title found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title {
    /// Byte range of the whole citation in the text (with its brackets).
    pub range: Range<usize>,
    /// The title as the view lists it: 《联合国宪章》, «О ...», the Paris Agreement.
    pub title: String,
    /// What kind of document it is.
    pub kind: Kind,
}

/// Chinese words that end a document's title, by kind. A title ending otherwise is a book,
/// a newspaper or a programme (`Kind::Other`).
const CHINESE: [(&str, Kind); 41] = [
    ("修正案", Kind::Law),
    ("细则", Kind::Law),
    ("公告", Kind::Declaration),
    ("建议", Kind::Declaration),
    ("文件", Kind::Programme),
    ("措施", Kind::Programme),
    // A policy's guidelines and notices: 《关于…的意见》, 《关于…的通知》.
    ("意见", Kind::Programme),
    ("通知", Kind::Programme),
    ("白皮书", Kind::Declaration),
    ("宪章", Kind::Treaty),
    ("条约", Kind::Treaty),
    // A peace treaty: 《凡尔赛和约》, 《马关条约》's kin 《旧金山和约》.
    ("和约", Kind::Treaty),
    ("公约", Kind::Treaty),
    ("协定", Kind::Treaty),
    ("协议", Kind::Treaty),
    ("议定书", Kind::Treaty),
    ("备忘录", Kind::Treaty),
    ("宣言", Kind::Declaration),
    ("声明", Kind::Declaration),
    ("公报", Kind::Declaration),
    ("纪要", Kind::Declaration),
    ("倡议", Kind::Declaration),
    ("决议", Kind::Declaration),
    ("战略", Kind::Programme),
    ("规划", Kind::Programme),
    ("纲要", Kind::Programme),
    ("计划", Kind::Programme),
    ("方案", Kind::Programme),
    ("路线图", Kind::Programme),
    ("构想", Kind::Programme),
    ("议程", Kind::Programme),
    ("纲领", Kind::Programme),
    ("框架", Kind::Programme),
    ("报告", Kind::Programme),
    ("法", Kind::Law),
    ("条例", Kind::Law),
    ("规定", Kind::Law),
    ("办法", Kind::Law),
    ("决定", Kind::Law),
    ("法典", Kind::Law),
    ("宪法", Kind::Law),
];

/// English document words, by kind.
const ENGLISH: [(&str, Kind); 29] = [
    ("Charter", Kind::Treaty),
    ("Treaty", Kind::Treaty),
    ("Convention", Kind::Treaty),
    ("Agreement", Kind::Treaty),
    ("Agreements", Kind::Treaty),
    ("Accord", Kind::Treaty),
    ("Accords", Kind::Treaty),
    ("Protocol", Kind::Treaty),
    ("Pact", Kind::Treaty),
    ("Memorandum", Kind::Treaty),
    ("Declaration", Kind::Declaration),
    ("Statement", Kind::Declaration),
    ("Communiqué", Kind::Declaration),
    ("Communique", Kind::Declaration),
    ("Resolution", Kind::Declaration),
    ("Principles", Kind::Declaration),
    ("Programme", Kind::Programme),
    ("Program", Kind::Programme),
    ("Strategy", Kind::Programme),
    ("Plan", Kind::Programme),
    ("Agenda", Kind::Programme),
    ("Initiative", Kind::Programme),
    ("Roadmap", Kind::Programme),
    ("Framework", Kind::Programme),
    ("Vision", Kind::Programme),
    ("Concept", Kind::Programme),
    ("Doctrine", Kind::Programme),
    ("Act", Kind::Law),
    ("Code", Kind::Law),
];

/// Words that make a title the name of a meeting or a body rather than of a document (the
/// Meeting of the Parties to the Paris Agreement; the Collective Security Treaty
/// Organization), when they come first.
const NOT_DOCUMENTS: [&str; 12] = [
    "Meeting",
    "Conference",
    "Summit",
    "Session",
    "Council",
    "Committee",
    "Assembly",
    "Organization",
    "Organisation",
    "Forum",
    "Court",
    "Group",
];

/// Alliances called after the treaty that founded them: "the Warsaw Pact" is the
/// alliance (an organisation in the gazetteer), not a document.
const ALLIANCES: [&str; 2] = ["Warsaw Pact", "Baghdad Pact"];

/// Small words after a document word that start something else than the title's own
/// complement: "the Chinese Exclusion Act and Roosevelt", "the Treaty ... in the United
/// Nations".
const LOOSE: [&str; 3] = ["and", "in", "against"];

/// Small words a capitalised English title may hold (the Treaty on the Non-Proliferation of
/// Nuclear Weapons).
pub(super) const JOINS: [&str; 8] = ["of", "the", "on", "for", "and", "to", "in", "against"];

/// Stems of Russian document words, by kind.
const RUSSIAN: [(&str, Kind); 17] = [
    ("договор", Kind::Treaty),
    ("харти", Kind::Treaty),
    ("устав", Kind::Treaty),
    ("соглашени", Kind::Treaty),
    ("конвенци", Kind::Treaty),
    ("протокол", Kind::Treaty),
    ("меморандум", Kind::Treaty),
    ("пакт", Kind::Treaty),
    ("деклараци", Kind::Declaration),
    ("заявлени", Kind::Declaration),
    ("коммюнике", Kind::Declaration),
    ("концепци", Kind::Programme),
    ("программ", Kind::Programme),
    ("стратеги", Kind::Programme),
    ("план", Kind::Programme),
    ("доктрин", Kind::Programme),
    ("закон", Kind::Law),
];

/// Every title in `text`, in order: bracketed, English, and resolutions cited by number.
pub fn titles(text: &str) -> Vec<Title> {
    let mut out = Vec::new();
    bracketed(text, '《', '》', &mut out);
    bracketed(text, '«', '»', &mut out);
    english(text, &mut out);
    // A resolution cited by number, unless inside a title found already.
    let mut numbered = Vec::new();
    super::resolutions::resolutions(text, &mut numbered);
    numbered.retain(|r| {
        !out.iter()
            .any(|t| t.range.start < r.range.end && r.range.start < t.range.end)
    });
    out.extend(numbered);
    out.sort_by_key(|t| t.range.start);
    out
}

/// Titles between `open` and `close`: all of them for 《》, after a Russian document word
/// for «».
fn bracketed(text: &str, open: char, close: char, out: &mut Vec<Title>) {
    let mut from = 0;
    while let Some(start) = text[from..].find(open).map(|i| from + i) {
        let inner = start + open.len_utf8();
        let Some(end) = text[inner..].find([close, open, '\n']).map(|i| inner + i) else {
            break;
        };
        from = end;
        if !text[end..].starts_with(close) {
            continue;
        }
        let title = &text[inner..end];
        if title.trim().is_empty() || title.chars().count() > LONGEST {
            continue;
        }
        let kind = if open == '《' {
            if is_a_work(text, start, end + close.len_utf8()) {
                Kind::Other
            } else {
                chinese_kind(title)
            }
        } else {
            match russian_word_before(&text[..start]) {
                Some(kind) => kind,
                None => continue,
            }
        };
        let end = end + close.len_utf8();
        out.push(Title {
            range: start..end,
            title: text[start..end].to_string(),
            kind,
        });
        from = end;
    }
}

/// The kind of a Chinese title, by the word it ends with (《上合组织宪章》: a charter).
fn chinese_kind(title: &str) -> Kind {
    let title = title.trim_end_matches(|c: char| c == ')' || c == '）' || c.is_ascii_digit());
    // 《…(2026—2035年)发展战略》 and 《…(草案)》 end in brackets; the word is before them.
    let title = match title.rfind(['(', '（']) {
        Some(i) if title.ends_with(['）', ')']) || i + 12 >= title.len() => &title[..i],
        _ => title,
    };
    let kind = CHINESE
        .iter()
        .filter(|(word, _)| title.ends_with(word))
        .max_by_key(|(word, _)| word.len())
        .map_or(Kind::Other, |(_, kind)| *kind);
    // 说法, 立法, 方法, 看法…: words ending in 法 that are not a law's name (《权威说法》 is a
    // column, 《WTO与法》 an essay).
    let before_fa = title.strip_suffix('法').and_then(|t| t.chars().next_back());
    if kind == Kind::Law && before_fa.is_some_and(|c| "说立方看做想用手写语书与谈".contains(c))
    {
        return Kind::Other;
    }
    kind
}

/// Whether a Russian word is a document word (соглашения, Договор), in any case.
pub fn is_russian_document_word(word: &str) -> bool {
    let lower: String = word.chars().flat_map(char::to_lowercase).collect();
    RUSSIAN.iter().any(|(stem, _)| lower.starts_with(stem))
}

/// The kind of the Russian document word just before a «…», if there is one.
fn russian_word_before(before: &str) -> Option<Kind> {
    let word: String = before
        .trim_end()
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .flat_map(char::to_lowercase)
        .collect();
    RUSSIAN
        .iter()
        .find(|(stem, _)| word.starts_with(stem))
        .map(|(_, kind)| *kind)
}

/// English titles: "the" and capitalised words (with small joining words) holding a
/// document word, ending at a capitalised word.
fn english(text: &str, out: &mut Vec<Title>) {
    let mut from = 0;
    // The next "the" and "The", each looked for again only once passed.
    let (mut lower, mut upper) = (find_word(text, 0, "the"), find_word(text, 0, "The"));
    while let Some(at) = [lower, upper].into_iter().flatten().min() {
        if lower == Some(at) {
            lower = find_word(text, at + 3, "the");
        } else {
            upper = find_word(text, at + 3, "The");
        }
        if at < from {
            continue;
        }
        from = at + 3;
        let mut end = None;
        let mut kind = None;
        let mut pos = at + 3;
        let mut previous = "";
        let mut capitals = 0;
        // Whether the word before was the document word, and was capitalised.
        let mut after_document_word = false;
        let mut after_capital = false;
        // Where the title ends if what follows a loose "and"/"in" holds no document word.
        let mut before_loose: Option<usize> = None;
        let mut first_capital: Option<&str> = None;
        // Before the document word, an inner "the" starts the title again: the Meeting of
        // the Parties to the Paris Agreement cites the Paris Agreement.
        let mut title_start = at + 3;
        // The title starts at the next word (after "the", an inner "the" or a participle),
        // whatever space comes before it.
        let mut starts_next = true;
        loop {
            let rest = &text[pos..];
            // One space between words, or the line break of hard-wrapped text.
            let gap = rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\n']).len();
            // One space (a no-break one too), or a line break that may keep the indentation
            // of the line it starts.
            let skipped = &rest[..gap];
            if !matches!(skipped, " " | "\u{a0}") && skipped.matches('\n').count() != 1 {
                break;
            }
            let word_start = pos + gap;
            let word_len = text[word_start..]
                .char_indices()
                .take(LONGEST)
                .find(|(_, c)| !(c.is_alphanumeric() || "-'’.".contains(*c)))
                .map_or(text.len() - word_start, |(i, _)| i);
            if word_len > LONGEST {
                break;
            }
            let word = text[word_start..word_start + word_len].trim_end_matches('.');
            if word.is_empty() {
                break;
            }
            // "the Charter ... and the Paris Agreement" are two titles.
            if word == "the" && previous == "and" {
                break;
            }
            if std::mem::take(&mut starts_next) {
                title_start = word_start;
            }
            let first = word.chars().next();
            // A number belongs to a title after a capitalised word (Pillar 1), not after "in"
            // (the ... Organization in 2007).
            let capitalised = first.is_some_and(char::is_uppercase)
                || (first.is_some_and(|c| c.is_ascii_digit()) && after_capital);
            // "the UN and Türkiye-brokered Black Sea Grain Initiative": before the document
            // word, a compound participle (-brokered, -led, -backed) describes the title; the
            // title starts after it.
            if capitalised && kind.is_none() && is_a_participle(word) {
                starts_next = true;
                capitals = 0;
                first_capital = None;
                end = None;
                after_capital = false;
                previous = word;
                pos = word_start + word.len();
                continue;
            }
            if capitalised {
                let document_word = ENGLISH.iter().find(|(w, _)| *w == word).map(|(_, k)| *k);
                if after_document_word && document_word.is_none() {
                    // "the Collective Security Treaty Organization": the document word named
                    // the organisation; it was not the head.
                    kind = None;
                }
                // The first document word is the head: the Action Plan for the Treaty is a plan;
                // of two side by side, the second: a Framework Convention is a convention.
                if kind.is_none() || (after_document_word && document_word.is_some()) {
                    kind = document_word;
                }
                if document_word.is_some() {
                    before_loose = None;
                }
                first_capital.get_or_insert(word);
                after_document_word = document_word.is_some();
                capitals += 1;
                end = Some(word_start + word.len());
            } else if JOINS.contains(&word) {
                if word == "the" && kind.is_none() {
                    starts_next = true;
                    capitals = 0;
                    first_capital = None;
                    end = None;
                }
                // A convention is named by what it is against, as the United Nations name
                // theirs: the Convention against Torture, the UN Convention against Corruption.
                let names_the_convention =
                    word == "against" && matches!(previous, "Convention" | "Conventions");
                if LOOSE.contains(&word)
                    && kind.is_some()
                    && before_loose.is_none()
                    && !names_the_convention
                {
                    before_loose = end;
                }
                after_document_word = false;
            } else {
                break;
            }
            after_capital = capitalised;
            previous = word;
            pos = word_start + word.len();
        }
        // "the Agreement" alone refers back to a title; it is not one.
        if capitals < 2 || first_capital.is_some_and(|w| NOT_DOCUMENTS.contains(&w)) {
            continue;
        }
        if before_loose.is_some() {
            end = before_loose;
        }
        if let (Some(end), Some(kind)) = (end, kind) {
            let start = title_start;
            if start < end && !ALLIANCES.contains(&one_line(&text[start..end]).as_str()) {
                match two_of_a_kind(text, start..end) {
                    Some(both) => {
                        out.extend(both.map(|(range, title)| Title { range, title, kind }))
                    }
                    None => out.push(Title {
                        range: start..end,
                        title: format!("the {}", one_line(&text[start..end])),
                        kind,
                    }),
                }
                from = end;
            }
        }
    }
}

/// A title's words on one line, one space between them.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// English document words in the plural, with their singular.
const PLURALS: [(&str, &str); 2] = [("Agreements", "Agreement"), ("Accords", "Accord")];

/// Two documents named together before their word in the plural, "the Paris and
/// Kunming-Montreal Agreements": each with its own range and title (the Paris Agreement,
/// the Kunming-Montreal Agreement). Not when the second is a numeral ("the Oslo I and II
/// Accords" name one series).
fn two_of_a_kind(text: &str, title: Range<usize>) -> Option<[(Range<usize>, String); 2]> {
    let words: Vec<(usize, &str)> = text[title.clone()]
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let (_, last) = *words.last()?;
    let singular = PLURALS.iter().find(|(p, _)| *p == last)?.1;
    let and = words.iter().position(|(_, w)| *w == "and")?;
    let (first, second) = (&words[..and], &words[and + 1..words.len() - 1]);
    let named = |part: &[(usize, &str)]| {
        !part.is_empty()
            && part.iter().all(|(_, w)| {
                w.starts_with(|c: char| c.is_uppercase())
                    && !ENGLISH.iter().any(|(d, _)| d == w)
                    && !w.chars().all(|c| "IVXLC".contains(c))
            })
    };
    if !named(first) || !named(second) {
        return None;
    }
    let end_of = |part: &[(usize, &str)]| part.last().map_or(0, |(at, w)| at + w.len());
    let (a, b) = (title.start..end_of(first), second[0].0..title.end);
    let name = |range: &Range<usize>, upto: usize| {
        format!("the {} {singular}", one_line(&text[range.start..upto]))
    };
    Some([
        (a.clone(), name(&a, a.end)),
        (b.clone(), name(&b, end_of(second))),
    ])
}

/// Whether a capitalised word is a compound participle: Türkiye-brokered, US-led.
fn is_a_participle(word: &str) -> bool {
    word.rsplit_once('-').is_some_and(|(_, last)| {
        last.ends_with("ed") && last.chars().next().is_some_and(char::is_lowercase)
    })
}

/// The next occurrence of `word` as a whole word at or after `from`.
fn find_word(text: &str, from: usize, word: &str) -> Option<usize> {
    let mut at = from;
    while let Some(i) = text.get(at..)?.find(word).map(|i| at + i) {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(i);
        }
        at = i + word.len();
    }
    None
}
