//! A paragraph's own number (`4.`, `(3)`, `一、`, `第十五条`, `Article 7`) and the numbers it
//! cites (`本法第十六条`, `article 12`): what a renumbered edition changes without changing
//! the paragraph.

mod reading;

use reading::{Label, citations, leading_label};

/// A paragraph's own number: its style (which numbers count together) and its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number {
    /// The style: `条` for `第十五条`, `article`, `(1)`, `1.`, `一、`.
    pub style: String,
    /// The number's value (`第十五条` is 15); for dotted numbers (`1.2`), the last part.
    pub value: u32,
    /// The number as written.
    pub label: String,
}

/// The value of a number written in digits (ASCII or full-width), Chinese numerals or
/// Roman numerals.
pub fn value(written: &str) -> Option<u32> {
    if written.bytes().all(|b| b.is_ascii_digit()) {
        return written.parse().ok();
    }
    if !written.contains([
        '〇', '０', '１', '２', '３', '４', '５', '６', '７', '８', '９',
    ]) && !written.is_ascii()
    {
        return chinese_number::from_chinese_to_u32_ten_thousand(written).ok();
    }
    let ascii: String = written
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    if let Ok(n) = ascii.parse::<u32>() {
        return Some(n);
    }
    if ascii.chars().all(|c| "ivxlcIVXLC".contains(c)) {
        return roman(&ascii.to_ascii_lowercase());
    }
    chinese_number::from_chinese_to_u32_ten_thousand(written.replace('〇', "零")).ok()
}

/// The value of a Roman numeral (`xiv` is 14).
fn roman(text: &str) -> Option<u32> {
    let digit = |c| match c {
        'i' => 1,
        'v' => 5,
        'x' => 10,
        'l' => 50,
        'c' => 100,
        _ => 0,
    };
    let digits: Vec<u32> = text.chars().map(digit).collect();
    let mut total = 0;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&n| n > d) {
            total -= d as i64;
        } else {
            total += d as i64;
        }
    }
    u32::try_from(total).ok().filter(|&n| n > 0)
}

/// The paragraph's own number, and where the text after it starts.
pub fn leading(text: &str) -> Option<(Number, usize)> {
    if !may_lead(text) {
        return None;
    }
    let (label, whole) = leading_label(text)?;
    let (style, written) = match label {
        Label::Article { number, unit } => (unit.to_string(), &text[number]),
        Label::Word { word, number } => (text[word].to_lowercase(), &text[number]),
        Label::Bracketed { number } => {
            let n = &text[number];
            let cjk = n.chars().any(|c| !c.is_ascii_digit());
            ((if cjk { "(一)" } else { "(1)" }).to_string(), n)
        }
        Label::Dotted { number, mark } => {
            let n = &text[number];
            let depth = n.matches('.').count();
            (format!("1{}{}", ".1".repeat(depth), &text[mark]), n)
        }
        Label::Listed { number } => ("一、".to_string(), &text[number]),
    };
    let last = written.rsplit('.').next().unwrap_or(written);
    let number = Number {
        style,
        value: value(last)?,
        label: text[whole.clone()].trim().to_string(),
    };
    Some((number, whole.end))
}

/// Whether a text begins with a character a leading number can begin with (most paragraphs
/// do not, and are told so without the pattern).
fn may_lead(text: &str) -> bool {
    text.trim_start().chars().next().is_some_and(|c| {
        matches!(c,
            '0'..='9' | '０'..='９' | '第' | '(' | '（'
            | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            | 'a' | 's' | 'p' | 'A' | 'S' | 'P' | 'с' | 'р' | 'п' | 'С' | 'Р' | 'П')
    })
}

/// The number of a list item's marker (`4.`, `4)`), when it has one.
pub fn of_marker(marker: &str) -> Option<Number> {
    let (number, _) = leading(&format!("{marker} x"))?;
    Some(number)
}

/// The text after its leading number (all of it when it has none).
pub fn without_number(text: &str) -> &str {
    if !may_lead(text) {
        return text;
    }
    leading_label(text).map_or(text, |(_, whole)| &text[whole.end..])
}

/// The numbers a text cites, in order: their style (`条`, `article`), value and where
/// each number's digits lie.
pub fn cited(text: &str) -> Vec<(String, u32, std::ops::Range<usize>)> {
    citations(text)
        .into_iter()
        .filter_map(|(unit, number)| {
            let style = unit.map_or_else(|| "article".to_string(), String::from);
            Some((style, value(&text[number.clone()])?, number))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use regex::Regex;

    use super::*;

    fn number(text: &str) -> Option<(String, u32)> {
        leading(text).map(|(n, _)| (n.style, n.value))
    }

    #[test]
    fn numbers_of_every_style_are_read() {
        assert_eq!(number("第十五条 国家"), Some(("条".into(), 15)));
        assert_eq!(number("第六十三条　违反"), Some(("条".into(), 63)));
        assert_eq!(number("第一百零二条 x"), Some(("条".into(), 102)));
        assert_eq!(number("第一万零五十条 x"), Some(("条".into(), 10050)));
        assert_eq!(number("（三）加强合作"), Some(("(一)".into(), 3)));
        assert_eq!(number("(3) Scope"), Some(("(1)".into(), 3)));
        assert_eq!(number("二、务实合作"), Some(("一、".into(), 2)));
        assert_eq!(number("4. We reaffirm"), Some(("1.".into(), 4)));
        assert_eq!(number("1.2) Scope"), Some(("1.1)".into(), 2)));
        assert_eq!(
            number("Article XIV: The parties"),
            Some(("article".into(), 14))
        );
        assert_eq!(number("Статья 12. Стороны"), Some(("статья".into(), 12)));
        // A year, a figure: not a number of the paragraph.
        assert_eq!(number("2023年5月"), None);
        assert_eq!(number("600 billion"), None);
        assert_eq!(without_number("第十五条 国家"), "国家");
        assert_eq!(of_marker("7.").map(|n| n.value), Some(7));
        assert_eq!(of_marker("•"), None);
    }

    /// The grammar the quick reading follows, as patterns.
    static LEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?xi)^\s*(?:
                第\s*(?P<cn>[0-9０-９零〇一二三四五六七八九十百千万]+)\s*(?P<unit>[条章节款项编部])
              | (?P<word>article|section|paragraph|статья|пункт|раздел)\s*(?P<wn>[0-9]+|[ivxlc]+)\s*[.:]?
              | [(（]\s*(?P<paren>[0-9０-９一二三四五六七八九十]+)\s*[)）]
              | (?P<dot>[0-9０-９]+(?:\.[0-9]+)*)\s*(?P<dm>[.)、:．])
              | (?P<list>[一二三四五六七八九十]+)\s*[、.．]
            )\s*",
        )
        .unwrap()
    });

    /// The citations the quick reading finds, as a pattern.
    static CITED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)第\s*(?P<cn>[0-9零〇一二三四五六七八九十百千万]+)\s*(?P<unit>[条章节])|\b(?P<word>articles?|статьи|статья|статьей|статьёй|статье)\s+(?P<wn>[0-9]+)",
        )
        .unwrap()
    });

    /// Texts made of the pieces labels and citations are made of, and the pieces that
    /// stop them.
    fn texts() -> Vec<String> {
        let pieces = [
            "第",
            "十五",
            "条",
            "１５",
            "一万零五十",
            "〇",
            "亿",
            "两",
            "章",
            " ",
            "　",
            "\n",
            "Article",
            "SECTION",
            "articles",
            "Статья",
            "статьей",
            "статье",
            "пункт",
            "xiv",
            "IV",
            "12",
            "3",
            ".",
            ".2",
            ":",
            ")",
            "(",
            "（",
            "）",
            "、",
            "．",
            "二",
            "x",
            "国家",
            "ab",
            "_",
            "1.2.3",
        ];
        let mut out = Vec::new();
        // Every sequence of up to three pieces, and a fixed sample of longer ones.
        for a in pieces {
            out.push(a.to_string());
            for b in pieces {
                out.push(format!("{a}{b}"));
                for c in pieces {
                    out.push(format!("{a}{b}{c}"));
                }
            }
        }
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..6 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            out.push(text);
        }
        out
    }

    #[test]
    fn labels_are_read_as_the_pattern_reads_them() {
        for text in texts() {
            let by_pattern = LEADING.captures(&text).map(|caps| {
                let whole = caps.get(0).unwrap();
                let part = |name: &str| caps.name(name).map(|m| m.range());
                let label = if let Some(number) = part("cn") {
                    let unit = caps["unit"].chars().next().unwrap();
                    Label::Article { number, unit }
                } else if let Some(word) = part("word") {
                    let number = part("wn").unwrap();
                    Label::Word { word, number }
                } else if let Some(number) = part("paren") {
                    Label::Bracketed { number }
                } else if let Some(number) = part("dot") {
                    let mark = part("dm").unwrap();
                    Label::Dotted { number, mark }
                } else {
                    let number = part("list").unwrap();
                    Label::Listed { number }
                };
                let start = whole.start() + (whole.len() - whole.as_str().trim_start().len());
                (label, start..whole.end())
            });
            assert_eq!(leading_label(&text), by_pattern, "{text:?}");
        }
    }

    #[test]
    fn citations_are_found_as_the_pattern_finds_them() {
        for text in texts() {
            let by_pattern: Vec<_> = CITED
                .captures_iter(&text)
                .map(|caps| match caps.name("cn") {
                    Some(n) => (caps["unit"].chars().next(), n.range()),
                    None => (None, caps.name("wn").unwrap().range()),
                })
                .collect();
            assert_eq!(citations(&text), by_pattern, "{text:?}");
        }
    }

    #[test]
    fn cited_numbers_are_found_with_their_place() {
        let text = "依照本法第十六条和第十七条的规定，见 Article 12";
        let found: Vec<(String, u32)> = cited(text).into_iter().map(|(s, v, _)| (s, v)).collect();
        assert_eq!(
            found,
            vec![("条".into(), 16), ("条".into(), 17), ("article".into(), 12)]
        );
        let (_, _, at) = &cited(text)[0];
        assert_eq!(&text[at.clone()], "十六");
    }
}
