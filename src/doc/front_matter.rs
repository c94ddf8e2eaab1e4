//! Front matter: the `title` and `date` of the YAML (`---`) or TOML (`+++`) block a
//! Markdown file may open with, its quoting and escapes undone and a value folded over
//! several lines read whole.

/// What front matter says about a document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// Its `title:`.
    pub title: Option<String>,
    /// Its `date:` as `YYYY-MM-DD`.
    pub date: Option<String>,
}

impl FrontMatter {
    /// What a front matter block's text says.
    pub fn read(meta: &str) -> FrontMatter {
        FrontMatter {
            title: front_matter_title(meta),
            date: front_matter_date(meta),
        }
    }
}

/// The value of `key: value` (YAML) or `key = value` (TOML) in front matter.
fn front_matter_value<'a>(meta: &'a str, key: &str) -> Option<&'a str> {
    meta.lines().find_map(|l| {
        let rest = l.strip_prefix(key)?.trim_start();
        rest.strip_prefix(':').or_else(|| rest.strip_prefix('='))
    })
}

/// The value of `key:` with the lines that continue it (indented, as YAML folds a long
/// value): a line ending in an escaped line break (`\`) in a double-quoted value joins the
/// next without a space, any other line break becomes one space.
fn folded_value(meta: &str, key: &str) -> Option<String> {
    let mut lines = meta.lines();
    let first = lines.by_ref().find_map(|l| {
        let rest = l.strip_prefix(key)?.trim_start();
        rest.strip_prefix(':').or_else(|| rest.strip_prefix('='))
    })?;
    let mut value = first.trim().to_string();
    let double = value.starts_with('"');
    for next in lines.take_while(|l| l.starts_with([' ', '\t'])) {
        let slashes = value.chars().rev().take_while(|&c| c == '\\').count();
        if double && slashes % 2 == 1 {
            value.pop();
        } else {
            value.push(' ');
        }
        value.push_str(next.trim());
    }
    Some(value)
}

/// The `title` of front matter, with its quoting and escapes undone.
fn front_matter_title(yaml: &str) -> Option<String> {
    let value = folded_value(yaml, "title")?;
    let value = value.trim();
    let title = if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        unescape_double_quoted(inner)
    } else if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        inner.replace("''", "'")
    } else {
        value.to_string()
    };
    let title = super::load::sanitize(&title).replace('\n', " ");
    (!title.trim().is_empty()).then(|| title.trim().to_string())
}

/// The `date` (or `published`) of front matter, as `YYYY-MM-DD`.
fn front_matter_date(yaml: &str) -> Option<String> {
    ["date", "published"].iter().find_map(|key| {
        let value = front_matter_value(yaml, key)?;
        iso_date(value.trim().trim_matches(|c| c == '\'' || c == '"'))
    })
}

/// The `YYYY-MM-DD` a date or time value starts with (`2024-11-16`,
/// `2025-11-18T09:30:00+08:00`), if it does.
pub fn iso_date(value: &str) -> Option<String> {
    let date = value.get(..10)?;
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10))
        .then(|| date.to_string())
}

/// Undoes YAML double-quoted escapes (`\u2019`, `\xE9`, `\_`, `\"`).
fn unescape_double_quoted(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let hex = |chars: &mut std::str::Chars, n: usize| {
            let digits: String = chars.by_ref().take(n).collect();
            u32::from_str_radix(&digits, 16)
                .ok()
                .and_then(char::from_u32)
        };
        let decoded = match chars.next() {
            Some('u') => hex(&mut chars, 4),
            Some('U') => hex(&mut chars, 8),
            Some('x') => hex(&mut chars, 2),
            Some('_') | Some(' ') => Some(' '),
            Some('n') => Some(' '),
            Some('t') => Some(' '),
            Some(other) => Some(other),
            None => None,
        };
        out.extend(decoded);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_folded_over_two_lines_is_read_whole() {
        let yaml = "date: '2024-11-16'\ntitle: \"Readout of President Joe\\_Biden\\u2019s Meeting with President Xi Jinping of\\\n  \\ the People\\u2019s Republic of\\_China\"\nsource_url: x\n";
        assert_eq!(
            FrontMatter::read(yaml).title.as_deref(),
            Some(
                "Readout of President Joe Biden’s Meeting with President Xi Jinping of the People’s Republic of China"
            )
        );
        let plain = "title: A long title\n  on two lines\ndate: 2024-01-02\n";
        assert_eq!(
            FrontMatter::read(plain).title.as_deref(),
            Some("A long title on two lines")
        );
        assert_eq!(
            FrontMatter::read("title: 'Joint ''Statement'''\n")
                .title
                .as_deref(),
            Some("Joint 'Statement'")
        );
    }
}
