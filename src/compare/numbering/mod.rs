//! A paragraph's own number (`4.`, `(3)`, `一、`, `第十五条`, `Article 7`) and the numbers it
//! cites (`本法第十六条`, `article 12`): what a renumbered edition changes without changing
//! the paragraph.

use std::sync::LazyLock;

use regex::Regex;

use super::wording::is_chinese_numeral;

/// A leading number or label, with the spaces around it. The groups name its style.
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
    .expect("a valid pattern")
});

/// A number cited inside a text: `第十六条`, `article 12`.
static CITED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)第\s*(?P<cn>[0-9零〇一二三四五六七八九十百千万]+)\s*(?P<unit>[条章节])|\b(?P<word>articles?|статьи|статья|статьей|статьёй|статье)\s+(?P<wn>[0-9]+)",
    )
    .expect("a valid pattern")
});

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
    if text.trim_start().starts_with('第') {
        return article(text);
    }
    let caps = LEADING.captures(text)?;
    let whole = caps.get(0)?;
    let (style, written) = if let (Some(n), Some(u)) = (caps.name("cn"), caps.name("unit")) {
        (u.as_str().to_string(), n.as_str())
    } else if let (Some(w), Some(n)) = (caps.name("word"), caps.name("wn")) {
        (w.as_str().to_lowercase(), n.as_str())
    } else if let Some(n) = caps.name("paren") {
        let cjk = n.as_str().chars().any(|c| !c.is_ascii_digit());
        ((if cjk { "(一)" } else { "(1)" }).to_string(), n.as_str())
    } else if let (Some(n), Some(m)) = (caps.name("dot"), caps.name("dm")) {
        let depth = n.as_str().matches('.').count();
        (format!("1{}{}", ".1".repeat(depth), m.as_str()), n.as_str())
    } else {
        ("一、".to_string(), caps.name("list")?.as_str())
    };
    let last = written.rsplit('.').next().unwrap_or(written);
    let number = Number {
        style,
        value: value(last)?,
        label: whole.as_str().trim().to_string(),
    };
    Some((number, whole.end()))
}

/// A leading `第十五条` (the first form of [`LEADING`], read without the pattern: most
/// paragraphs of a Chinese law begin so).
fn article(text: &str) -> Option<(Number, usize)> {
    let spaces = |t: &str| t.len() - t.trim_start().len();
    let start = spaces(text);
    let mut at = start + '第'.len_utf8();
    at += spaces(&text[at..]);
    let digits = text[at..]
        .find(|c: char| {
            // The numerals of the pattern's `cn` group: no 亿 or 两 in an article's number.
            !(c.is_ascii_digit()
                || matches!(c, '０'..='９')
                || (is_chinese_numeral(c) && !matches!(c, '亿' | '两')))
        })
        .unwrap_or(text.len() - at);
    if digits == 0 {
        return None;
    }
    let written = &text[at..at + digits];
    at += digits;
    at += spaces(&text[at..]);
    let unit = text[at..]
        .chars()
        .next()
        .filter(|c| "条章节款项编部".contains(*c))?;
    at += unit.len_utf8();
    let number = Number {
        style: unit.to_string(),
        value: value(written)?,
        label: text[start..at].to_string(),
    };
    Some((number, at + spaces(&text[at..])))
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
    LEADING.find(text).map_or(text, |m| &text[m.end()..])
}

/// The numbers a text cites, in order: their style (`条`, `article`), value and where
/// each number's digits lie.
pub fn cited(text: &str) -> Vec<(String, u32, std::ops::Range<usize>)> {
    CITED
        .captures_iter(text)
        .filter_map(|caps| {
            let (style, n) = if let (Some(n), Some(u)) = (caps.name("cn"), caps.name("unit")) {
                (u.as_str().to_string(), n)
            } else {
                ("article".to_string(), caps.name("wn")?)
            };
            Some((style, value(n.as_str())?, n.range()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn articles_are_read_as_the_pattern_reads_them() {
        // The pattern's own reading, for the texts the quick reading takes.
        let by_pattern = |text: &str| {
            let caps = LEADING.captures(text)?;
            let whole = caps.get(0)?;
            let n = caps.name("cn")?;
            Some((
                caps.name("unit")?.as_str().to_string(),
                value(n.as_str())?,
                whole.as_str().trim().to_string(),
                whole.end(),
            ))
        };
        for text in [
            "第十五条 国家",
            "  第 十五 条　国家",
            "第１５条国家",
            "第15条",
            "第一万零五十条 x",
            "第〇条 x",
            "第三章 总则",
            "第十五 国家",
            "第x条",
            "第",
            "第十五条",
            "第一亿条 x",
            "第两条 x",
        ] {
            let quick = article(text).map(|(n, at)| (n.style, n.value, n.label, at));
            assert_eq!(quick, by_pattern(text), "{text}");
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
