//! Resolutions cited by their number, with no brackets and often no "the": "following
//! Resolution 2758", "UN Security Council resolution 2231", 联大第2758号决议, резолюция СБ ООН
//! 2231. One number is one resolution however it is written, in any language.

use std::ops::Range;

use super::Kind;
use super::titles::Title;

/// The bodies that adopt numbered resolutions, as written before "resolution" (longest
/// first): with one of them a lower-case "resolution 2231" is a citation too.
const ENGLISH_BODIES: [&str; 8] = [
    "UN Security Council",
    "United Nations Security Council",
    "UN General Assembly",
    "United Nations General Assembly",
    "Security Council",
    "General Assembly",
    "UNSC",
    "UNGA",
];

/// The same bodies in Chinese, before 第…号决议 (longest first).
const CHINESE_BODIES: [&str; 6] = [
    "联合国安全理事会",
    "联合国安理会",
    "联合国大会",
    "安理会",
    "联大",
    "大会",
];

/// The same bodies in Russian, after "резолюция" (longest first).
const RUSSIAN_BODIES: [&str; 5] = [
    "Совета Безопасности ООН",
    "Генеральной Ассамблеи ООН",
    "СБ ООН",
    "ГА ООН",
    "ООН",
];

/// The most digits a resolution's number has.
const DIGITS: usize = 4;

/// Every resolution cited by number in `text`.
pub(super) fn resolutions(text: &str, out: &mut Vec<Title>) {
    english(text, out);
    chinese(text, out);
    russian(text, out);
}

/// The number a title cites a resolution by, if it does: "the UN Security Council Resolution
/// 1973", 联大第2758号决议, резолюция № 2231.
pub(super) fn number_of(title: &str) -> Option<&str> {
    if let Some(head) = title
        .strip_suffix("号决议")
        .or_else(|| title.strip_suffix("号决议》"))
    {
        let digits = head.rsplit('第').next()?;
        return is_number(digits).then_some(digits);
    }
    let (head, number) = title.trim_end_matches('»').rsplit_once(' ')?;
    let head = head.trim_end_matches(" №");
    let word = head.rsplit(' ').next()?;
    let resolution = word.eq_ignore_ascii_case("resolution")
        || word.to_lowercase().starts_with("резолюци")
        || RUSSIAN_BODIES.iter().any(|b| head.ends_with(b));
    (resolution && is_number(number)).then_some(number)
}

/// Whether `s` is a resolution's number: 2758, or a session's and its own (63/7).
fn is_number(s: &str) -> bool {
    let mut parts = s.split('/');
    let digits =
        |p: &str| !p.is_empty() && p.len() <= DIGITS && p.chars().all(|c| c.is_ascii_digit());
    parts.clone().count() <= 2 && parts.all(digits)
}

/// The number at the start of `text` (after an optional "№ "), and its length in bytes.
fn number_at(text: &str) -> Option<(&str, usize)> {
    let skipped = text.len() - text.trim_start_matches("№").trim_start().len();
    let rest = &text[skipped..];
    let mut len = rest.chars().take_while(char::is_ascii_digit).count();
    // A General Assembly resolution is numbered within its session: 47/1.
    if rest[len..].starts_with('/') {
        let more = rest[len + 1..]
            .chars()
            .take_while(char::is_ascii_digit)
            .count();
        if more > 0 {
            len += 1 + more;
        }
    }
    let after = rest[len..].chars().next();
    (is_number(&rest[..len]) && !after.is_some_and(|c| c.is_alphanumeric() || c == '/'))
        .then(|| (&rest[..len], skipped + len))
}

fn push(out: &mut Vec<Title>, text: &str, range: Range<usize>) {
    out.push(Title {
        title: text[range.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        range,
        kind: Kind::Declaration,
    });
}

/// "Resolution 2758", "Security Council resolution 2231".
fn english(text: &str, out: &mut Vec<Title>) {
    for (at, word) in text.match_indices("esolution ") {
        let Some(start) = at.checked_sub(1) else {
            continue;
        };
        let capital = match text.as_bytes()[start] {
            b'R' => true,
            b'r' => false,
            _ => continue,
        };
        if text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let Some((_, len)) = number_at(&text[at + word.len()..]) else {
            continue;
        };
        let before = text[..start].trim_end_matches(' ');
        let body = ENGLISH_BODIES.iter().find(|b| {
            before.ends_with(*b)
                && !before[..before.len() - b.len()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        });
        if !capital && body.is_none() {
            continue;
        }
        let from = body.map_or(start, |b| before.len() - b.len());
        push(out, text, from..at + word.len() + len);
    }
}

/// 第2758号决议, with the body before it when named (联大第2758号决议); 第242和338号决议 cites
/// two, each with the body.
fn chinese(text: &str, out: &mut Vec<Title>) {
    for (at, _) in text.match_indices("号决议") {
        // The numbers back to 第, joined by 和 or 、: the last first.
        let mut numbers: Vec<Range<usize>> = Vec::new();
        let mut end = at;
        let start = loop {
            let digits = text[..end]
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .count();
            let number_start = end - digits;
            if digits == 0 || digits > DIGITS {
                break None;
            }
            numbers.push(number_start..end);
            let head = &text[..number_start];
            if head.ends_with('第') {
                break Some(number_start - '第'.len_utf8());
            }
            match ['和', '、'].into_iter().find(|&j| head.ends_with(j)) {
                Some(joint) if numbers.len() < 8 => end = number_start - joint.len_utf8(),
                _ => break None,
            }
        };
        let Some(start) = start else {
            continue;
        };
        let body = CHINESE_BODIES.iter().find(|b| text[..start].ends_with(*b));
        let from = body.map_or(start, |b| start - b.len());
        let whole = from..at + "号决议".len();
        match &numbers[..] {
            [_] => push(out, text, whole),
            _ => {
                // Each its own resolution, named as if cited alone, at the whole citation.
                for number in numbers.iter().rev() {
                    let body = body.copied().unwrap_or("");
                    out.push(Title {
                        title: format!("{body}第{}号决议", &text[number.clone()]),
                        range: whole.clone(),
                        kind: Kind::Declaration,
                    });
                }
            }
        }
    }
}

/// резолюция 2231, резолюции СБ ООН № 2231.
fn russian(text: &str, out: &mut Vec<Title>) {
    for (at, _) in text.match_indices("езолюци") {
        let Some(start) = at.checked_sub('р'.len_utf8()) else {
            continue;
        };
        if !text.is_char_boundary(start)
            || !(text[start..].starts_with('р') || text[start..].starts_with('Р'))
            || text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
        {
            continue;
        }
        // The rest of the word: резолюция, резолюции, резолюцией.
        let word_end = text[at..]
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(text.len(), |(i, _)| at + i);
        let mut rest = text[word_end..].trim_start_matches(' ');
        if let Some(body) = RUSSIAN_BODIES.iter().find(|b| rest.starts_with(*b)) {
            rest = rest[body.len()..].trim_start_matches(' ');
        }
        let number_from = text.len() - rest.len();
        if let Some((_, len)) = number_at(rest) {
            push(out, text, start..number_from + len);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        resolutions(text, &mut out);
        out.sort_by_key(|t| t.range.start);
        out.into_iter().map(|t| t.title).collect()
    }

    #[test]
    fn resolutions_are_cited_by_number_in_three_languages() {
        assert_eq!(
            found(
                "seated in the UN following Resolution 2758. The UN Security Council \
                 resolution 2231 stands; a resolution 12 days old does not. The General \
                 Assembly adopted Resolution 63/7."
            ),
            [
                "Resolution 2758",
                "UN Security Council resolution 2231",
                "Resolution 63/7"
            ]
        );
        assert_eq!(
            found("恪守联大第2758号决议和一个中国原则，落实第1701号决议。通过了第三号决议。"),
            ["联大第2758号决议", "第1701号决议"]
        );
        assert_eq!(
            found("根据联合国安理会第242和338号决议，以及第1号、2号决议"),
            ["联合国安理会第242号决议", "联合国安理会第338号决议"]
        );
        assert_eq!(
            found("в соответствии с резолюцией СБ ООН 2231 и резолюцией № 1701; резолюция принята"),
            ["резолюцией СБ ООН 2231", "резолюцией № 1701"]
        );
    }

    #[test]
    fn a_resolution_is_known_by_its_number_however_written() {
        for title in [
            "Resolution 2758",
            "the UN General Assembly Resolution 2758",
            "联大第2758号决议",
            "резолюции ГА ООН 2758",
        ] {
            assert_eq!(number_of(title), Some("2758"), "{title}");
        }
        assert_eq!(number_of("Resolution 47/1"), Some("47/1"));
        assert_eq!(number_of("the Paris Agreement"), None);
        assert_eq!(number_of("《山地可持续发展决议》"), None);
    }
}
