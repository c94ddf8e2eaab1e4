//! Titles between 《》 that the text says are films, songs, books or columns rather than
//! documents, whatever their last word: 放映《快速养猪法》, 《法制备忘录》等栏目.

/// Words that say the titles after them are films, programmes, songs or columns, not
/// documents: 放映《快速养猪法》 (a film is shown), 栏目：《法制备忘录》.
const WORKS_BEFORE: [&str; 22] = [
    "放映",
    "上映",
    "影片",
    "电影",
    "纪录片",
    "科普片",
    "栏目",
    "专栏",
    "节目",
    "演唱",
    "演奏",
    "演出",
    "朗诵",
    "歌曲",
    "舞剧",
    "话剧",
    "电视剧",
    "连续剧",
    "杂志",
    "小说",
    "拍摄",
    "出版",
];

/// Words that say the titles before them are films', books' or columns' (《…》一书,
/// 《庭审纪实》、《法制备忘录》等栏目).
const WORKS_AFTER: [&str; 8] = [
    "一书",
    "一文",
    "杂志",
    "栏目",
    "节目",
    "影片",
    "这部影片",
    "这本书",
];

/// What joins the titles of a list (《开国大典》、《烈火金钢》和《地道战》).
const JOINERS: [char; 3] = ['、', '和', '及'];

/// Whether the Chinese title at `start..end` of `text` names a film, a book, a song or a
/// column: said so just before the list of titles it is in, or just after it.
pub(super) fn is_a_work(text: &str, start: usize, end: usize) -> bool {
    // On over the titles listed after this one (、《正气歌》等栏目).
    let mut after = &text[end..];
    for _ in 0..32 {
        let listed = JOINERS
            .iter()
            .find_map(|j| after.strip_prefix(*j))
            .unwrap_or(after);
        let Some(close) = listed.strip_prefix('《').and_then(|l| l.find('》')) else {
            break;
        };
        after = &listed['《'.len_utf8() + close + '》'.len_utf8()..];
    }
    let after = after.trim_start_matches(['等', '这', '两', '三', '几', '个', '部', '本']);
    if WORKS_AFTER.iter().any(|w| after.starts_with(w)) {
        return true;
    }
    // Back over the titles listed before this one (《开国大典》、《烈火金钢》).
    let mut before = &text[..start];
    for _ in 0..32 {
        let listed = JOINERS
            .iter()
            .find_map(|j| before.strip_suffix(*j))
            .unwrap_or(before);
        let Some(open) = listed.strip_suffix('》').and_then(|l| l.rfind('《')) else {
            break;
        };
        before = &listed[..open];
    }
    let before = before.trim_end_matches(['：', ':', '了', '的', '有', '过']);
    WORKS_BEFORE.iter().any(|w| before.ends_with(w))
}
