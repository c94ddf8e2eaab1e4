//! Reading a paragraph's leading label and the numbers it cites, character by character: the
//! grammar of [`super::LEADING`] and [`super::CITED`], without compiling a pattern (half a
//! millisecond at every start, more than comparing two short editions takes).

use std::ops::Range;

use crate::compare::wording::is_chinese_numeral;

/// What a leading label is, with the ranges of its parts in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Label {
    /// `第十五条`: the number and its unit.
    Article { number: Range<usize>, unit: char },
    /// `Article 7`, `Статья 12.`: the word and the number.
    Word {
        word: Range<usize>,
        number: Range<usize>,
    },
    /// `(3)`, `（三）`: the number between the brackets.
    Bracketed { number: Range<usize> },
    /// `4.`, `1.2)`: the dotted number and the mark after it.
    Dotted {
        number: Range<usize>,
        mark: Range<usize>,
    },
    /// `二、`: the Chinese numeral.
    Listed { number: Range<usize> },
}

/// The words an English or Russian paragraph's number follows.
const WORDS: [&str; 6] = [
    "article",
    "section",
    "paragraph",
    "статья",
    "пункт",
    "раздел",
];

/// The words a cited number follows, in the order they are tried (`articles` before
/// `article`).
const CITING_WORDS: [&str; 7] = [
    "articles",
    "article",
    "статьи",
    "статья",
    "статьей",
    "статьёй",
    "статье",
];

/// The leading label of `text` and where the text after it (and its spaces) starts.
pub fn leading_label(text: &str) -> Option<(Label, Range<usize>)> {
    let start = spaces(text, 0);
    let first = text[start..].chars().next()?;
    let (label, end) = match first {
        '第' => article(text, start)?,
        '(' | '（' => bracketed(text, start)?,
        '0'..='9' | '０'..='９' => dotted(text, start)?,
        c if is_listed_numeral(c) => listed(text, start)?,
        _ => word(text, start)?,
    };
    Some((label, start..spaces(text, end)))
}

/// The numbers cited in `text`, in order: `第十六条` (with its unit) or `article 12`
/// (without).
pub fn citations(text: &str) -> Vec<(Option<char>, Range<usize>)> {
    let mut out = Vec::new();
    let mut previous: Option<char> = None;
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        let here = at;
        at += c.len_utf8();
        if c == '第' {
            if let Some((number, unit, end)) = numbered(text, at, "条章节", true) {
                out.push((Some(unit), number));
                at = end;
                previous = Some(unit);
                continue;
            }
        } else if !previous.is_some_and(is_word_char) && c.is_alphabetic() {
            if let Some((number, end)) = cited_word(text, here) {
                out.push((None, number));
                at = end;
                previous = text[..end].chars().next_back();
                continue;
            }
        }
        previous = Some(c);
    }
    out
}

/// `第` then the number and unit: `第 十五 条`.
fn article(text: &str, start: usize) -> Option<(Label, usize)> {
    let (number, unit, end) = numbered(text, start + '第'.len_utf8(), "条章节款项编部", false)?;
    Some((Label::Article { number, unit }, end))
}

/// After `第`: spaces, a number (digits, full-width digits or Chinese numerals; no full-width
/// digits in a citation) and spaces before one of `units`.
fn numbered(
    text: &str,
    from: usize,
    units: &str,
    cited: bool,
) -> Option<(Range<usize>, char, usize)> {
    let numeral = |c: char| {
        c.is_ascii_digit()
            || (!cited && matches!(c, '０'..='９'))
            || matches!(c, '零' | '〇' | '十' | '百' | '千' | '万')
            || is_listed_numeral(c)
    };
    number_then(text, from, numeral, |c| units.contains(c))
}

/// From `from`: spaces, a run of `numeral` characters (one at least), spaces and a character
/// `closes` takes. The number's range, that character, and where it ends.
fn number_then(
    text: &str,
    from: usize,
    numeral: impl Fn(char) -> bool,
    closes: impl Fn(char) -> bool,
) -> Option<(Range<usize>, char, usize)> {
    let begin = spaces(text, from);
    let end = run(text, begin, numeral);
    if end == begin {
        return None;
    }
    let after = spaces(text, end);
    let close = text[after..].chars().next().filter(|&c| closes(c))?;
    Some((begin..end, close, after + close.len_utf8()))
}

/// `(3)`, `（ 三 ）`.
fn bracketed(text: &str, start: usize) -> Option<(Label, usize)> {
    let open = text[start..].chars().next()?.len_utf8();
    let numeral = |c: char| c.is_ascii_digit() || matches!(c, '０'..='９') || is_listed_numeral(c);
    let (number, _, end) = number_then(text, start + open, numeral, |c| matches!(c, ')' | '）'))?;
    Some((Label::Bracketed { number }, end))
}

/// `4.`, `1.2)`, `３、`: digits, then `.` and ASCII digits as many times as leave a mark
/// after them (the longest such).
fn dotted(text: &str, start: usize) -> Option<(Label, usize)> {
    let digits = run(text, start, |c| {
        c.is_ascii_digit() || matches!(c, '０'..='９')
    });
    // Where each further `.N` ends.
    let mut ends = vec![digits];
    let mut at = digits;
    while text[at..].starts_with('.') {
        let end = run(text, at + 1, |c| c.is_ascii_digit());
        if end == at + 1 {
            break;
        }
        ends.push(end);
        at = end;
    }
    ends.into_iter().rev().find_map(|end| {
        let after = spaces(text, end);
        let mark = text[after..]
            .chars()
            .next()
            .filter(|c| matches!(c, '.' | ')' | '、' | ':' | '．'))?;
        let mark = after..after + mark.len_utf8();
        Some((
            Label::Dotted {
                number: start..end,
                mark: mark.clone(),
            },
            mark.end,
        ))
    })
}

/// `二、`, `十.`.
fn listed(text: &str, start: usize) -> Option<(Label, usize)> {
    let mark = |c: char| matches!(c, '、' | '.' | '．');
    let (number, _, end) = number_then(text, start, is_listed_numeral, mark)?;
    Some((Label::Listed { number }, end))
}

/// `Article 7`, `Section IV:`, `Статья 12.`: the word, spaces, digits or a Roman numeral,
/// spaces and a `.` or `:` if there is one.
fn word(text: &str, start: usize) -> Option<(Label, usize)> {
    let (word, after) = WORDS
        .iter()
        .find_map(|w| starts_without_case(text, start, w).map(|end| (start..end, end)))?;
    let begin = spaces(text, after);
    let mut end = run(text, begin, |c| c.is_ascii_digit());
    if end == begin {
        end = run(text, begin, |c| "ivxlcIVXLC".contains(c));
    }
    if end == begin {
        return None;
    }
    let number = begin..end;
    let after = spaces(text, end);
    let end = match text[after..].chars().next() {
        Some(c @ ('.' | ':')) => after + c.len_utf8(),
        _ => end,
    };
    Some((Label::Word { word, number }, end))
}

/// `article 12`, `статьи 5`: a citing word at `start`, at least one space, digits.
fn cited_word(text: &str, start: usize) -> Option<(Range<usize>, usize)> {
    CITING_WORDS.iter().find_map(|w| {
        let after = starts_without_case(text, start, w)?;
        let begin = spaces(text, after);
        let end = run(text, begin, |c| c.is_ascii_digit());
        (begin > after && end > begin).then_some((begin..end, end))
    })
}

/// Where `word` ends if `text` has it at `start`, whatever the case.
fn starts_without_case(text: &str, start: usize, word: &str) -> Option<usize> {
    let mut at = start;
    for w in word.chars() {
        let c = text[at..].chars().next()?;
        if !c.to_lowercase().eq(w.to_lowercase()) {
            return None;
        }
        at += c.len_utf8();
    }
    Some(at)
}

/// Where the run of characters `keep` takes, from `from`, ends.
fn run(text: &str, from: usize, keep: impl Fn(char) -> bool) -> usize {
    text[from..]
        .char_indices()
        .find(|&(_, c)| !keep(c))
        .map_or(text.len(), |(i, _)| from + i)
}

/// Where the spaces from `from` end.
fn spaces(text: &str, from: usize) -> usize {
    run(text, from, char::is_whitespace)
}

/// A numeral of a Chinese list or bracket: 一 to 十.
fn is_listed_numeral(c: char) -> bool {
    is_chinese_numeral(c) && !matches!(c, '零' | '〇' | '百' | '千' | '万' | '亿' | '两')
}

/// A character of a word, as a pattern's `\b` sees one.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}
