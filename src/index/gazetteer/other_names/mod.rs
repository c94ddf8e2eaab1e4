//! Where a place's name is part of the name of something else, so the text does not name
//! the place: the title of a document (《开罗宣言》, «Договор ...»), a document or event
//! named after a city (the Paris Agreement, the Hiroshima Action Statement, the Washington
//! Consensus, 上海精神), a language ("in the Chinese and Russian languages", на русском и
//! китайском языках), a title (the Bishop of Rome), a city-state of antiquity (Athens and
//! Sparta), a place of publication ("London: Routledge, 2019"), or a city standing beside its
//! own country ("Dubai, United Arab Emirates" names the Emirates once).

use std::ops::Range;

use super::{Hit, Via};

mod antiquity;
mod chinese;
mod citations;
mod people_and_languages;
use chinese::{heads_a_chinese_name, in_a_quoted_name, in_a_transcribed_name};
use citations::is_place_of_publication;
use people_and_languages::{in_a_title, is_a_surname, is_language, of_a_people};

/// English words that end the name of a document, an agreement, an event, a body or a
/// publication (any case: "the Minsk agreements").
const ENGLISH_NAMED: [&str; 48] = [
    "group",
    "organisation",
    "organization",
    "forum",
    "association",
    "foundation",
    "club",
    "olympics",
    "games",
    "university",
    "college",
    "institute",
    "company",
    "corporation",
    "agreement",
    "agreements",
    "accord",
    "accords",
    "declaration",
    "statement",
    "treaty",
    "treaties",
    "convention",
    "conventions",
    "protocol",
    "charter",
    "communique",
    "communiqué",
    "summit",
    "process",
    "consensus",
    "vision",
    "initiative",
    "framework",
    "agenda",
    "principles",
    "format",
    "round",
    "commitments",
    "spirit",
    "five",
    "report",
    "conference",
    "times",
    "post",
    "journal",
    "herald",
    "tribune",
];

/// English words that start a name whose place follows ("the Treaty of Tianjin").
const ENGLISH_NAMED_OF: [&str; 7] = [
    "treaty",
    "treaties",
    "declaration",
    "convention",
    "protocol",
    "charter",
    "congress",
];

/// Chinese words that make a city's name the name of a document or an event (天津宣言,
/// 巴黎协定, 上海精神, 巴黎和会).
const CHINESE_NAMED: [&str; 26] = [
    "奥运会",
    "冬奥会",
    "亚运会",
    "世博会",
    "论坛",
    "大学",
    "学院",
    "宣言",
    "声明",
    "公报",
    "协定",
    "协议",
    "条约",
    "公约",
    "宪章",
    "议定书",
    "倡议",
    "峰会",
    "进程",
    "精神",
    "共识",
    "和会",
    "五国",
    "会议",
    "行动",
    "愿景",
];

/// How far around a name its context is read, in bytes: a few words, however long the
/// paragraph (a line of megabytes has no spaces to stop at).
const CONTEXT: usize = 160;

/// The text just after `at`, at most [`CONTEXT`] bytes.
fn after(text: &str, at: usize) -> &str {
    let mut end = (at + CONTEXT).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[at..end]
}

/// The text just before `at`, at most [`CONTEXT`] bytes.
fn before(text: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(CONTEXT);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..at]
}

/// Drops the hits that name something other than their place.
pub(super) fn drop_other_names(text: &str, hits: &mut Vec<Hit<'_>>) {
    if hits.is_empty() {
        return;
    }
    let titles: Vec<Range<usize>> = crate::index::documents::titles(text)
        .into_iter()
        .map(|t| t.range)
        .collect();
    let mut keep: Vec<bool> = hits
        .iter()
        .map(|hit| {
            let in_title = titles
                .iter()
                .any(|t| t.start <= hit.range.start && hit.range.end <= t.end)
                || in_a_transcribed_name(text, &hit.range, hits);
            let names_other = match hit.via {
                Via::City => {
                    names_something(text, &hit.range)
                        || is_a_surname(text, &hit.range)
                        || in_a_title(text, &hit.range)
                        || is_place_of_publication(text, &hit.range)
                }
                Via::Name => {
                    names_a_company(text, &hit.range)
                        || names_an_institution(text, &hit.range)
                        || names_a_currency(text, &hit.range)
                }
                _ => false,
            };
            let not_the_country =
                hit.adjective && (is_language(text, &hit.range) || of_a_people(text, &hit.range));
            !(in_title || names_other || not_the_country)
        })
        .collect();
    // "Paris, Texas", "Athens, Georgia": a town named after a capital, and its American state
    // (but "Tbilisi, Georgia" is the capital and its country).
    for i in 0..hits.len() {
        let town = &hits[i];
        if town.via != Via::City || !in_an_american_state(text, &town.range) {
            continue;
        }
        let state = hits
            .get(i + 1)
            .filter(|s| s.range.start == town.range.end + 2);
        if state.is_some_and(|s| s.places == town.places) {
            continue;
        }
        keep[i] = false;
        if state.is_some() {
            keep[i + 1] = false;
        }
    }
    antiquity::drop_ancient_cities(text, hits, &mut keep);
    // A city beside its own country: "Dubai, United Arab Emirates", 美国纽约.
    let longest = CAPITAL_OF.iter().map(|c| c.len()).max().unwrap_or(0);
    for i in 1..hits.len() {
        let (a, b) = (&hits[i - 1], &hits[i]);
        if a.places != b.places || a.places.len() != 1 || a.places[0].len() != 1 {
            continue;
        }
        let between = text[a.range.end..b.range.start].trim();
        // "United Arab Emirates (UAE)": the abbreviation in brackets names it once more.
        let bracketed =
            matches!(between, "(" | "（") && text[b.range.end..].starts_with([')', '）']);
        if bracketed && a.via == Via::Name && b.via == Via::Name {
            keep[i] = false;
            continue;
        }
        // "Astana, the capital of Kazakhstan", 哈萨克斯坦首都阿斯塔纳.
        // (Lower-cased only when short enough to be one: in Chinese text `between` can run
        // to the next paragraph's worth of characters.)
        let capital =
            between.len() <= 3 * longest && CAPITAL_OF.contains(&between.to_lowercase().as_str());
        // "the Tajik capital of Dushanbe", "the Kyrgyz capital, Bishkek".
        let capital = capital
            || (a.adjective
                && a.via == Via::Name
                && b.via == Via::City
                && ADJECTIVE_CAPITAL.contains(&between));
        // A table's row: "Uzbekistan │ Tashkent".
        let next_cell = between == crate::doc::table::CELL_SEPARATOR.trim();
        if !(between.is_empty() || between == "," || between == "，" || capital || next_cell) {
            continue;
        }
        match (a.via, b.via) {
            (Via::City, Via::Name) => keep[i - 1] = false,
            (Via::Name, Via::City) => keep[i] = false,
            _ => {}
        }
    }
    let mut keep = keep.into_iter();
    hits.retain(|_| keep.next().unwrap_or(true));
}

/// What stands between a country's adjective and its capital's name: "the Tajik capital of
/// Dushanbe".
const ADJECTIVE_CAPITAL: [&str; 6] = [
    "capital of",
    "capital",
    "capital,",
    "capital city of",
    "capital city",
    "capital city,",
];

/// What stands between a city and its country where the one is said to be the other's
/// capital.
const CAPITAL_OF: [&str; 8] = [
    ", the capital of",
    ", capital of",
    "'s capital",
    "'s capital,",
    "’s capital",
    "’s capital,",
    "首都",
    "的首都",
];

/// Words after a country's name that make it the name of a company or a publication
/// (Malaysia Airlines, China Daily).
const COMPANY: [&str; 8] = [
    "airlines",
    "airways",
    "daily",
    "times",
    "post",
    "herald",
    "telegraph",
    "tribune",
];

/// The word after `at`, without the punctuation that ends it.
fn next_word(text: &str, at: usize) -> Option<&str> {
    let rest = after(text, at).trim_start();
    // Chinese has no spaces: its "word" is cut short, longer than any a rule looks for.
    let end = rest
        .char_indices()
        .find(|&(i, c)| c.is_whitespace() || i >= WORD)
        .map_or(rest.len(), |(i, _)| i);
    let word = &rest[..end];
    (!word.is_empty()).then(|| word.trim_end_matches(|c: char| !c.is_alphanumeric()))
}

/// Longer than any word the rules after a name look for, in bytes.
const WORD: usize = 32;

/// Whether `word` is one of `words` (written in lower case), in any case. A word longer
/// than any of them is not lower-cased: a Chinese text's "word" runs to the end of the
/// context, for every name in it.
fn one_of(word: &str, words: &[&str]) -> bool {
    if words.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        return true;
    }
    let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
    !word.is_ascii() && word.len() <= longest * 2 && words.contains(&word.to_lowercase().as_str())
}

/// The states of the United States, whose towns bear the names of the world's capitals
/// (Paris, Texas; Moscow, Idaho; Athens, Georgia; Lima, Ohio).
const AMERICAN_STATES: [&str; 50] = [
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
];

/// Whether an English city's name is a town of the United States named after it: the
/// city, a comma, and a state ("Paris, Texas", "Moscow, Idaho").
fn in_an_american_state(text: &str, city: &Range<usize>) -> bool {
    let Some(rest) = text[city.end..].strip_prefix(", ") else {
        return false;
    };
    AMERICAN_STATES.iter().any(|state| {
        rest.strip_prefix(state)
            .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// Whether a country's English name starts the name of a company or a publication.
fn names_a_company(text: &str, name: &Range<usize>) -> bool {
    next_word(text, name.end)
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) && one_of(w, &COMPANY))
}

/// Words after a country's name or adjective that make it a currency's (U.S. dollars,
/// Chinese yuan).
const CURRENCY: [&str; 15] = [
    "dollar", "dollars", "yuan", "renminbi", "yen", "euro", "euros", "rouble", "roubles", "ruble",
    "rubles", "rupee", "rupees", "franc", "francs",
];

/// Whether a country's English name or adjective names a currency: a currency's word after
/// it, or a dollar sign right after its abbreviation (US$10 billion, HK$).
fn names_a_currency(text: &str, name: &Range<usize>) -> bool {
    let abbreviation = text[name.clone()].chars().all(|c| c.is_ascii_uppercase());
    (abbreviation && text[name.end..].starts_with('$'))
        || next_word(text, name.end).is_some_and(|w| one_of(w, &CURRENCY))
}

/// Whether a country's Chinese name starts the name of a university (哥伦比亚大学 is in New
/// York), an ethnic group (吉尔吉斯族, 朝鲜族 live in China), a publication or a broadcaster
/// (中国日报, 美国之音: China Daily, Voice of America), a bank (中国银行), or an airline
/// (美国航空公司, 中国西南航空公司).
fn names_an_institution(text: &str, name: &Range<usize>) -> bool {
    let after = after(text, name.end);
    if after.starts_with("银行") && names_a_bank(after) {
        return true;
    }
    let airline = AIRLINE_WORDS
        .iter()
        .find_map(|w| after.strip_prefix(w))
        .unwrap_or(after)
        .starts_with("航空公司");
    airline
        || ["大学", "学院", "族", "日报", "时报", "之音"]
            .iter()
            .any(|w| after.starts_with(w))
}

/// Whether 银行 after a country's name ends a bank's name (中国银行|与…, 中国银行|累计): the word
/// 银行 alone, not before a noun. The country's banks (中国银行业, 吉尔吉斯斯坦银行|机构) are the
/// country's.
fn names_a_bank(after: &str) -> bool {
    let window: String = after.chars().take(8).collect();
    let words = super::tagged(&window, false);
    match &words[..] {
        [(bank, _), rest @ ..] if &window[bank.clone()] == "银行" => {
            rest.first().is_none_or(|(_, tag)| !tag.starts_with('n'))
        }
        _ => false,
    }
}

/// Words between a country's name and 航空公司 in an airline's name (中国东方航空公司).
const AIRLINE_WORDS: [&str; 8] = [
    "国际", "东方", "南方", "北方", "西南", "西北", "东南", "东北",
];

/// Whether a city's name starts or ends the name of a document, an event or a publication.
fn names_something(text: &str, city: &Range<usize>) -> bool {
    let after = after(text, city.end);
    if CHINESE_NAMED.iter().any(|w| after.starts_with(w))
        || in_a_quoted_name(text, city)
        || heads_a_chinese_name(after)
    {
        return true;
    }
    // A Russian document word: Минские соглашения, Парижское соглашение.
    if after
        .split_whitespace()
        .next()
        .is_some_and(crate::index::documents::is_russian_document_word)
    {
        return true;
    }
    // Up to three more capitalised words (and the small words between them), then the word
    // that says what is named: the Tokyo Nutrition for Growth Summit.
    // (An abbreviation in brackets is passed over: the Tokyo Nutrition for Growth (N4G) Summit.)
    for (n, word) in after
        .split(|c: char| c.is_whitespace())
        .filter(|w| !(w.is_empty() || w.starts_with('(') && w.ends_with(')')))
        .take(4)
        .enumerate()
    {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if one_of(bare, &ENGLISH_NAMED) {
            return true;
        }
        // The Paris N4G, the Osaka G20: an event's acronym.
        if n == 0 && is_acronym(bare) {
            return true;
        }
        if matches!(bare, "for" | "of" | "on" | "and") && n < 3 {
            continue;
        }
        let capitalised = bare.chars().next().is_some_and(char::is_uppercase);
        // "Hiroshima Leaders' Communiqué" goes on past a possessive.
        let possessive = word.strip_suffix('\'').or_else(|| word.strip_suffix("'s"));
        if n == 3 || !capitalised || (bare.len() != word.len() && possessive != Some(bare)) {
            break;
        }
    }
    let mut before = before(text, city.start).split_whitespace().rev();
    let mut word = before.next();
    if word == Some("the") {
        word = before.next();
    }
    word == Some("of") && before.next().is_some_and(|w| one_of(w, &ENGLISH_NAMED_OF))
}

/// Whether a word is an acronym: capitals and digits, a capital first (G20, N4G, APEC).
fn is_acronym(word: &str) -> bool {
    word.len() >= 2
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}
