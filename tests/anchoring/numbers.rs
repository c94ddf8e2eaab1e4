//! Paragraph numbers as a new edition changes them: one higher, in any script.

/// The text with its leading number one higher: `4.` → `5.`, `第十条` → `第十一条`,
/// `一、` → `二、`; none when it has no leading number.
pub fn renumber(text: &str) -> Option<String> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() && text[digits.len()..].starts_with(['.', ')', '、']) {
        let n: u64 = digits.parse().ok()?;
        return Some(format!("{}{}", n + 1, &text[digits.len()..]));
    }
    const NUMERALS: &str = "零一二三四五六七八九";
    let chinese = |s: &str| -> Option<(u64, usize)> {
        let mut value = 0;
        let mut digit = None;
        let mut len = 0;
        for c in s.chars() {
            if let Some(d) = NUMERALS.chars().position(|n| n == c) {
                digit = Some(d as u64);
            } else if c == '十' {
                value += digit.unwrap_or(1) * 10;
                digit = None;
            } else {
                break;
            }
            len += c.len_utf8();
        }
        (len > 0).then(|| (value + digit.unwrap_or(0), len))
    };
    let write = |n: u64| -> String {
        let digit = |d: u64| NUMERALS.chars().nth(d as usize).unwrap_or('零');
        match n {
            0..=9 => digit(n).to_string(),
            10 => "十".to_string(),
            11..=19 => format!("十{}", digit(n % 10)),
            _ if n % 10 == 0 => format!("{}十", digit(n / 10)),
            _ => format!("{}十{}", digit(n / 10), digit(n % 10)),
        }
    };
    if let Some(rest) = text.strip_prefix('第')
        && let Some((n, len)) = chinese(rest)
        && n < 100
        && rest[len..].starts_with(['条', '章', '节'])
    {
        return Some(format!("第{}{}", write(n + 1), &rest[len..]));
    }
    if let Some((n, len)) = chinese(text)
        && n < 100
        && text[len..].starts_with('、')
    {
        return Some(format!("{}{}", write(n + 1), &text[len..]));
    }
    None
}

#[test]
fn renumbering_counts_in_any_script() {
    assert_eq!(renumber("4. We").as_deref(), Some("5. We"));
    assert_eq!(renumber("第九条 本法").as_deref(), Some("第十条 本法"));
    assert_eq!(renumber("第十九条 本法").as_deref(), Some("第二十条 本法"));
    assert_eq!(renumber("一、总则").as_deref(), Some("二、总则"));
    assert_eq!(renumber("2023年"), None);
}
