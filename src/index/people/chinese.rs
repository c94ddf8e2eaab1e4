//! People in Chinese text: a title followed by a name (`总理李强`, `外交部长苏杰生`,
//! `吉尔吉斯斯坦总统扎帕罗夫`), or a head's title after a name (`习近平主席`,
//! `扎帕罗夫总统`). The office reaches back from the title to the start of the phrase
//! (`俄罗斯联邦政府总理`), across `、` when the part before is an office too
//! (`中共中央政治局委员、外交部长`).
//!
//! Chinese writes names without spaces, so where a name ends is the hard part. A Chinese name
//! is a surname and one or two characters, which jieba's dictionary tags as a name or which
//! a word that cannot be part of a name follows (`王毅转达`); a foreign name is a run of the
//! characters used to transcribe foreign names (`米舒斯京`), which must end where a word
//! that cannot continue it begins. Anything else is not taken for a name.

use std::ops::Range;

use super::Introduced;
use super::chinese_office::{office_before, titles};
use crate::index::gazetteer::{Gazetteer, starts_a_word, tagged};

/// Titles that may follow the name they give (习近平主席, 扎帕罗夫总统).
const TITLES_AFTER: &[&str] = &[
    "主席",
    "总统",
    "总理",
    "首相",
    "外长",
    "部长",
    "秘书长",
    "大使",
    "国王",
    "总书记",
];

/// Titles of a reporter: a byline, not an official.
const REPORTERS: &[&str] = &["记者", "通讯员"];

/// The commonest surnames and some rarer ones borne by officials (习).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田\
董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯\
龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹\
申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华\
喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全\
习傅栗蔺阎奚芮嵇晋楼阚亓扈厉揭荆鄂冀晁谌廉邰衡步满弘匡寇禄阙隆巩勾敖融訾鞠丰巢蒯竺权逯盖桓\
佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

/// Two-character surnames.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "令狐", "端木",
];

/// Characters used to transcribe foreign names (Xinhua's usage), without those that mostly
/// begin an ordinary word after a name.
const TRANSCRIPTION: &str = "阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕别宾波伯博布查察楚茨措达\
戴丹道德登迪蒂丁东杜多厄恩尔法凡菲费芬丰弗福富盖甘冈戈哥格根古瓜哈海汉豪赫黑亨洪胡华霍基吉\
季加贾坚杰捷金京居卡凯坎康考柯科克肯孔库夸奎昆拉莱赖兰朗劳勒雷蕾楞黎里丽利列林琳留柳龙卢鲁\
路伦罗洛吕马玛迈麦曼芒梅门蒙孟米密敏明莫墨默姆穆纳乃奈南内尼涅宁纽努诺欧帕潘庞佩彭皮平坡珀\
普齐奇恰乔切钦琴丘若瑞萨塞赛桑瑟森沙莎尚绍舍申圣施什史舒斯松宋苏索塔泰坦汤唐陶特提汀通图托\
瓦万旺威韦维温沃乌伍武西希锡夏谢辛休雅亚扬耶叶伊因尤约泽扎詹兹佐祖赞罕雅杨伯耳尼生夫娃娜娅\
契热义勃瑙芙黛翁肖廷翰蓬芭薇琼莉丝露珊妮婷宾恩冯逊多怀顿";

/// Words that can follow a name and never continue it.
const AFTER_NAME: &[&str] = &[
    "会见",
    "会晤",
    "会谈",
    "主持",
    "出席",
    "表示",
    "举行",
    "说",
    "在",
    "同",
    "和",
    "与",
    "及",
    "对",
    "等",
    "一行",
    "率",
    "的",
    "发表",
    "指出",
    "强调",
    "称",
    "访华",
    "访问",
    "通电话",
    "致电",
    "致函",
    "签署",
    "共同",
    "分别",
    "也",
    "还",
    "并",
    "已",
    "将",
    "就",
    "向",
    "请",
    "是",
    "为",
    "于",
    "先生",
    "女士",
    "阁下",
    "当天",
    "今天",
    "日前",
    "近日",
    "宣布",
    "认为",
    "希望",
    "欢迎",
    "祝贺",
    "介绍",
    "转达",
    "讲话",
    "致辞",
    "回答",
    "接受",
    "应邀",
    "以及",
    "时",
    "后",
    "提出",
    "参加",
    "出访",
    "抵达",
    "离开",
    "前往",
    "作",
    "总统",
    "总理",
    "主席",
    "首相",
    "外长",
    "理应",
    "公然",
    "签",
    "致",
    "谈",
    "说明",
    "曾",
    "又",
    "再",
    "都",
    "则",
    "却",
    "代表",
    "答",
    "摄",
    "报道",
    "被",
    "升任",
    "出任",
    "担任",
    "兼任",
    "辞职",
    "下台",
    "率团",
    "上将",
    "中将",
    "少将",
];

pub(super) use crate::doc::markdown::{is_han, is_middle_dot};

/// Adds the names an office introduces in `text` to `out`.
pub(super) fn introduced(text: &str, out: &mut Vec<Introduced>) {
    let gazetteer = Gazetteer::bundled();
    for title in titles().find_iter(text) {
        let t = &text[title.range()];
        let reporter = REPORTERS.contains(&t);
        let office = if reporter {
            // A byline's office is the title alone (本报讯记者 is 记者).
            title.range()
        } else {
            office_before(text, title.range())
        };
        let office_text = &text[office.clone()];
        if let Some(name) = name_after(text, title.end(), office_text, gazetteer) {
            let mut end = name.end;
            out.push(Introduced {
                name,
                office: office.clone(),
                reporter,
                of: None,
            });
            // A byline names its reporters one after another: （记者李超碧、晏明）.
            while reporter && text[end..].starts_with('、') {
                let at = end + '、'.len_utf8();
                let Some(next) = name_after(text, at, office_text, gazetteer) else {
                    break;
                };
                end = next.end;
                out.push(Introduced {
                    name: next,
                    office: office.clone(),
                    reporter,
                    of: None,
                });
            }
        } else if TITLES_AFTER.contains(&t)
            && let Some(name) = name_before(text, title.start(), gazetteer)
        {
            out.push(Introduced {
                name,
                office: title.range(),
                reporter: false,
                of: None,
            });
        }
    }
}

/// The name that starts at `at`, if one certainly does.
fn name_after(text: &str, at: usize, office: &str, gazetteer: &Gazetteer) -> Option<Range<usize>> {
    let rest = &text[at..];
    let first = rest.chars().next()?;
    let run = transcribed_run(rest);
    let is_run =
        run.chars().filter(|&c| !is_middle_dot(c)).count() >= 2 && !names_a_place(run, gazetteer);
    let run_ends = is_run && ends_a_foreign_name(&rest[run.len()..]);
    let is_surname =
        COMPOUND_SURNAMES.iter().any(|s| rest.starts_with(s)) || SURNAMES.contains(first);
    let chinese = is_surname.then(|| chinese_name(text, at)).flatten();
    let foreign = at..at + run.len();
    match chinese {
        // 马克龙 begins with the surname 马, but the whole run is the name; where the run
        // does not end as a name (艾特巴耶夫被…), neither does its start 艾特.
        Some(chinese) if is_run && foreign.end > chinese.end => {
            if run_ends {
                Some(foreign)
            } else {
                ends_a_name(&text[chinese.end..]).then_some(chinese)
            }
        }
        Some(chinese) => Some(chinese),
        None if run_ends => Some(foreign),
        // A Japanese name is four characters as often as not (日本首相岸田文雄).
        None if office.contains("日本") => japanese_name(rest).map(|len| at..at + len),
        None => None,
    }
}

/// A Japanese name at the start of `rest`: four characters, else three or two, after which a
/// name can end.
fn japanese_name(rest: &str) -> Option<usize> {
    (2..=4).rev().find_map(|chars| {
        let len: usize = rest.chars().take(chars).map(char::len_utf8).sum();
        let name = &rest[..len];
        (name.chars().count() == chars
            && name.chars().all(is_han)
            && ends_a_name(&rest[len..])
            && could_be_a_name(name))
        .then_some(len)
    })
}

/// A Chinese name at `at`: a surname and one or two characters. Of jieba's guess (a word it
/// tags as a name), the two characters and the three, the first after which a name can end
/// (王毅|转达, 黄循财|等) is taken; else jieba's guess, when it has one.
fn chinese_name(text: &str, at: usize) -> Option<Range<usize>> {
    let rest = &text[at..];
    let window: usize = rest.chars().take(8).map(char::len_utf8).sum();
    let words = tagged(&rest[..window], true);
    let guess = words.first().and_then(|(w, tag)| {
        let name = &rest[w.clone()];
        let chars = name.chars().count();
        // jieba may take the word after a two-character name for its third character
        // (王毅于2025年).
        let last = name.chars().next_back().map_or(0, char::len_utf8);
        let two = chars == 3 && AFTER_NAME.contains(&&name[name.len() - last..]);
        (tag.starts_with("nr") && (2..=3).contains(&chars) && !two).then_some(w.end)
    });
    let lengths = (2..=3).filter_map(|chars| {
        let len: usize = rest.chars().take(chars).map(char::len_utf8).sum();
        (rest[..len].chars().count() == chars && rest[..len].chars().all(is_han)).then_some(len)
    });
    guess
        .into_iter()
        .chain(lengths)
        .find(|&len| ends_a_name(&rest[len..]))
        .or(guess)
        .filter(|&len| could_be_a_name(&rest[..len]))
        .map(|len| at..at + len)
}

/// Whether the dictionary lets a few characters be a name: not a word of their own that is
/// not a name (关于, 任免), nor holding a pronoun, preposition, conjunction or particle
/// (和他). A surname the dictionary tags a pronoun stands alone at the start (任鸿斌, whose
/// 任 is the 任 of 任何); a preposition does not (于今年).
fn could_be_a_name(name: &str) -> bool {
    let words = tagged(name, false);
    let one_word = words.len() == 1 && name.chars().nth(1).is_some();
    words.iter().all(|(w, tag)| {
        let surname = w.start == 0
            && name[w.clone()].chars().count() == 1
            && name.chars().next().is_some_and(|c| SURNAMES.contains(c))
            && tag.starts_with('r');
        let function_word = !surname
            && ["r", "p", "c", "u", "y", "e", "o"]
                .iter()
                .any(|t| tag.starts_with(t));
        let a_word_but_not_a_name = one_word && !tag.starts_with("nr") && w.len() == name.len();
        !function_word && !a_word_but_not_a_name
    })
}

/// The run of transcription characters that `text` starts with, at most twelve.
fn transcribed_run(text: &str) -> &str {
    let mut len = 0;
    let mut chars = 0;
    let mut it = text.chars().peekable();
    while let Some(c) = it.next() {
        // The dot between a given name and a surname (菲德尔·卡斯特罗).
        let dot =
            is_middle_dot(c) && len > 0 && it.peek().is_some_and(|&n| TRANSCRIPTION.contains(n));
        if !(TRANSCRIPTION.contains(c) || dot) || chars == 12 {
            break;
        }
        len += c.len_utf8();
        chars += 1;
    }
    &text[..len]
}

/// Whether a name can end where `rest` begins: at the end of the text, before anything but a
/// Chinese character, or before a word that never continues a name.
fn ends_a_name(rest: &str) -> bool {
    match rest.chars().next() {
        None => true,
        Some(c) if !is_han(c) => true,
        Some(_) => AFTER_NAME.iter().any(|w| rest.starts_with(w)),
    }
}

/// Whether a transcribed name, whose characters are few and set apart, can end where `rest`
/// begins: where a Chinese name can, or before a verb of two characters or more (默克尔|拒绝).
/// Not for a Chinese name: its last character may begin a verb (王建|设计 for 王建设).
fn ends_a_foreign_name(rest: &str) -> bool {
    if ends_a_name(rest) {
        return true;
    }
    let window: usize = rest.chars().take(6).map(char::len_utf8).sum();
    tagged(&rest[..window], false)
        .first()
        .is_some_and(|(w, tag)| tag == "v" && rest[w.clone()].chars().nth(1).is_some())
}

/// Whether a supposed name holds a place's name (俄罗斯 before 总统 is a country).
fn names_a_place(name: &str, gazetteer: &Gazetteer) -> bool {
    !gazetteer.find(name).is_empty()
}

/// The name that ends at `end`, before a head's title (习近平主席, 扎帕罗夫总统).
fn name_before(text: &str, end: usize, gazetteer: &Gazetteer) -> Option<Range<usize>> {
    let before = &text[..end];
    // A transcribed name (扎帕罗夫), the dot between its parts included.
    let mut len = 0;
    for (i, c) in before.char_indices().rev().take(12) {
        let dot = is_middle_dot(c)
            && len > 0
            && before[..i]
                .chars()
                .next_back()
                .is_some_and(|p| TRANSCRIPTION.contains(p));
        if !(TRANSCRIPTION.contains(c) || dot) {
            break;
        }
        len = end - i;
    }
    // The name begins where a word does: where the run begins inside one (和平|多斯桑托斯:
    // 平 is a transcription character too), after it.
    let mut start = end - len;
    while start < end
        && before[..start].chars().next_back().is_some_and(is_han)
        && !starts_a_word(text, start)
    {
        start += before[start..].chars().next().map_or(1, char::len_utf8);
    }
    let name = &before[start..];
    let transcribed =
        (name.chars().count() >= 2 && !names_a_place(name, gazetteer)).then_some(start..end);
    // A Chinese name jieba knows (习近平): the dictionary says where it begins. Not the end
    // of a longer transcribed name (桑托斯 of 多斯桑托斯).
    let start: usize = before
        .char_indices()
        .rev()
        .take(4)
        .last()
        .map_or(end, |(i, _)| i);
    let words = tagged(&before[start..], true);
    if let Some((w, tag)) = words.last()
        && tag.starts_with("nr")
        && (2..=3).contains(&before[start + w.start..].chars().count())
        && SURNAMES.contains(before[start + w.start..].chars().next()?)
        && transcribed
            .as_ref()
            .is_none_or(|t| t.start >= start + w.start)
    {
        return Some(start + w.start..end);
    }
    transcribed
}
