//! What one line of plain text is, on its own: a numbered heading (`一、` `（一）` `1.` `I.`),
//! a title line, a title underlined, a dateline, or a line that is never a heading (a
//! caption, a credit, a date, signatures in columns). Plain text and the readers that share
//! its rules ask these.

use unicode_width::UnicodeWidthStr;

use crate::doc::markdown::is_cjk;

/// The widest line (in terminal columns) a heading can have.
pub const HEADING_MAX_WIDTH: usize = 72;
/// The widest numbered clause ending in a full stop that is still a heading (`（一）健全基层
/// 组织体系。`).
pub const CLAUSE_MAX_WIDTH: usize = 40;

/// The widest a document's title on its first line is, in cells.
pub const TITLE_MAX_WIDTH: usize = 120;

/// The level a line of `=` (1) or `-` (2) gives the title line over it: at least three,
/// nothing else, and about as long as the title (not a rule across the page).
pub fn underline_level(title: &str, rule: &str) -> Option<u8> {
    let rule = rule.trim_end();
    let mark = rule.chars().next()?;
    let level = match mark {
        '=' => 1,
        '-' => 2,
        _ => return None,
    };
    let width = title.trim().width();
    let long_enough = rule.len() >= 3 && rule.len() * 2 >= width && rule.len() <= width * 2 + 4;
    (rule.chars().all(|c| c == mark) && long_enough && is_short_title(title)).then_some(level)
}

/// A news agency's or paper's dateline opening a paragraph.
pub fn is_dateline(text: &str) -> bool {
    let head: String = text.chars().take(24).collect();
    (head.starts_with("本报") || head.starts_with("新华社") || head.starts_with("中新社"))
        && (head.contains('电') || head.contains('讯'))
}

/// Labels that open a credit line under a photo or an article (`Фото: пресс-служба`,
/// `来源：新华社`), compared without case.
pub const CREDITS: [&str; 12] = [
    "photo:",
    "фото:",
    "source:",
    "источник:",
    "credit:",
    "图：",
    "图片：",
    "来源：",
    "摄影：",
    "责任编辑",
    "编辑：",
    "photograph:",
];

/// A photo caption (`图为…`, `…新华社记者张伟摄`), a credit line (`Фото: …`, `来源：…`), a
/// date alone or with where it was signed (`二○○○年十二月`, `2001年1月1日`,
/// `二○二五年七月三日于杜尚别`), or a line laid out in columns (two signatures side by side)
/// is never a heading.
pub fn is_caption(line: &str) -> bool {
    let t = line.trim();
    let lower = t.to_lowercase();
    let credit = CREDITS.iter().any(|c| lower.starts_with(c));
    // `…于杜尚别`, `…在北京`: where a dated text was signed.
    let undated = match t.rfind(['于', '在']) {
        Some(at) if t[at..].chars().count() <= 8 => &t[..at],
        _ => t,
    };
    let date = !undated.is_empty()
        && undated.ends_with(['年', '月', '日'])
        && undated
            .chars()
            .all(|c| c.is_ascii_digit() || "○〇零一二三四五六七八九十年月日".contains(c));
    let columns = t.contains("\u{3000}\u{3000}") || t.contains("   ");
    t.starts_with("图为") || t.ends_with('摄') || credit || date || columns
}

/// A numbered heading written as one short clause with a full stop (`（一）健全基层组织体
/// 系。`), as Chinese reports write them; a numbered item of a list (`（一）忠于祖国，忠于人
/// 民；`) has commas or ends otherwise.
pub fn is_numbered_clause(line: &str) -> bool {
    let t = line.trim();
    t.width() <= CLAUSE_MAX_WIDTH
        && t.ends_with('。')
        && !t[..t.len() - '。'.len_utf8()].contains(['，', ',', '；', ';', '：', ':', '。'])
}

/// The heading level a numbering prefix implies: `一、` and `I.` are level 2, `（一）` and `1.`
/// level 3, `1.1` level 4.
pub fn numbered_heading_level(line: &str) -> Option<u8> {
    let t = line.trim_start();
    let chinese_numeral = |c: char| "一二三四五六七八九十百零〇".contains(c);
    let mut chars = t.chars();
    let first = chars.next()?;
    if let Some(rest) = t.strip_prefix('第') {
        let unit = rest.trim_start_matches(|c: char| chinese_numeral(c) || c.is_ascii_digit());
        if unit.len() < rest.len() {
            return match unit.chars().next() {
                Some('编' | '章' | '部') => Some(2),
                Some('节') => Some(3),
                _ => None,
            };
        }
    }
    if chinese_numeral(first) {
        let rest = t.trim_start_matches(chinese_numeral);
        return rest.starts_with(['、', '.', '．']).then_some(2);
    }
    if first == '（' || first == '(' {
        let inner = t[first.len_utf8()..].trim_start_matches(chinese_numeral);
        let consumed = t.len() - inner.len() > first.len_utf8();
        return (consumed && inner.starts_with(['）', ')'])).then_some(3);
    }
    if first.is_ascii_digit() {
        let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
        if let Some(after) = rest.strip_prefix('.')
            && after.starts_with(|c: char| c.is_ascii_digit())
        {
            let after = after.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
            return after.starts_with([' ', '\u{3000}']).then_some(4);
        }
        // `1、` numbers captions and list items in Chinese text; its sections are `一、`.
        let rest = rest.strip_prefix(['.', '．'])?;
        return (rest.starts_with([' ', '\u{3000}']) || rest.starts_with(is_cjk)).then_some(3);
    }
    let roman = t.trim_start_matches(['I', 'V', 'X']);
    if roman.len() < t.len() && t.len() - roman.len() <= 4 {
        return roman.strip_prefix('.')?.starts_with(' ').then_some(2);
    }
    None
}

/// A document's title standing alone on its first line may be longer than a section's
/// (`中华人民共和国和塔吉克斯坦共和国关于深化新时代全面战略合作伙伴关系的联合声明`).
pub fn is_long_title(line: &str) -> bool {
    let t = strip_citations(line.trim());
    t.width() <= TITLE_MAX_WIDTH
        && !t.ends_with([
            '。', '.', '！', '!', '？', '?', '；', ';', '，', ',', '：', ':',
        ])
}

/// Short enough to be a heading and not a sentence (no sentence-final punctuation).
pub fn is_short_title(line: &str) -> bool {
    let t = strip_citations(line.trim());
    let t = without_years(t);
    !t.is_empty()
        && t.width() <= HEADING_MAX_WIDTH
        && !t.ends_with([
            '。', '.', '！', '!', '？', '?', '；', ';', '，', ',', '：', ':', '”', '"', '）', ')',
            '、',
        ])
}

/// A title without the years it ends with in brackets (`First Sino-Japanese War
/// (1894–1895)`, `Civil War (1946)`): a heading may end so, where a bracket closing anything
/// else (`(记者李强)`, `(see above)`) ends a sentence or a byline.
fn without_years(t: &str) -> &str {
    let Some(inner) = t.strip_suffix(')').and_then(|r| r.rsplit_once(" (")) else {
        return t;
    };
    let years = inner.1.split(['–', '-', '—']).collect::<Vec<_>>();
    let year = |y: &str| (3..=4).contains(&y.len()) && y.bytes().all(|b| b.is_ascii_digit());
    match years.len() <= 2 && years.iter().all(|y| year(y.trim())) {
        true => inner.0.trim_end(),
        false => t,
    }
}

/// A bare title line: starts with a capital letter, digit or CJK character, and is not wiki
/// debris (`[[`, `]]`, `|`).
pub fn looks_like_title(line: &str) -> bool {
    let t = line.trim();
    // Two sentences, or one broken off with a dash, are text, not a title.
    if t.contains('。') || t.ends_with(['—', '-', '…']) {
        return false;
    }
    // `1、` numbers a caption or an item in Chinese text.
    let after_digits = t.trim_start_matches(|c: char| c.is_ascii_digit());
    if after_digits.len() < t.len() && after_digits.starts_with('、') {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    (first.is_uppercase() || first.is_ascii_digit() || is_cjk(first) && !"（【《“".contains(first))
        && !t.contains("]]")
        && !t.contains("[[")
        && !t.contains('|')
        && t.split_whitespace().count() <= 12
}

/// Removes trailing citation marks like `[98]`.
pub fn strip_citations(s: &str) -> &str {
    let mut t = s;
    while let Some(rest) = t.strip_suffix(']') {
        match rest.rfind('[') {
            Some(open) if rest[open + 1..].chars().all(|c| c.is_ascii_digit()) => {
                t = rest[..open].trim_end()
            }
            _ => break,
        }
    }
    t
}
